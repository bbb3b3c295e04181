import os

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy
from conan.tools.layout import basic_layout

required_conan_version = ">=1.52.0"


class GradusConan(ConanFile):
    name = "gradus"
    version = "0.1.0"
    description = ("Header-only C++20 gradient-based optimization with compile-time "
                   "automatic differentiation")
    license = "MIT"
    topics = ("automatic-differentiation", "optimization", "expression-templates", "header-only")
    homepage = "https://github.com/gradus-project/gradus"
    url = "https://github.com/gradus-project/gradus"
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True
    exports_sources = "include/*", "LICENSE"

    def layout(self):
        basic_layout(self, src_folder=".")

    def requirements(self):
        self.requires("boost/1.83.0", transitive_headers=True)
        self.requires("xsimd/8.1.0", transitive_headers=True)
        self.requires("eigen/3.4.0", transitive_headers=True)

    def package_id(self):
        self.info.clear()

    def validate(self):
        if self.settings.get_safe("compiler.cppstd"):
            check_min_cppstd(self, 20)
        compiler = str(self.settings.compiler)
        version = str(self.settings.compiler.version).split(".")[0]
        minimum = {"gcc": 12, "clang": 14, "apple-clang": 15, "msvc": 193}
        if compiler in minimum and version.isdigit() and int(version) < minimum[compiler]:
            raise ConanInvalidConfiguration(
                f"gradus needs C++20 concepts and constexpr support: {compiler} >= {minimum[compiler]}")

    def source(self):
        pass

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"),
             os.path.join(self.package_folder, "include"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "gradus")
        self.cpp_info.set_property("cmake_target_name", "gradus::gradus")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.requires = ["boost::headers", "xsimd::xsimd", "eigen::eigen"]
