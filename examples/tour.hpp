// Small output helpers shared by the examples: a section heading, and a CSV file for the plots.
// An example run as   example_X <folder>   writes its plot data as <folder>/<name>.csv;
// run without an argument it only prints.
#pragma once

#include <cstdio>
#include <string>

namespace tour {

inline void section(const char* title) { std::printf("\n== %s ==\n", title); }

/// A CSV file under the plot folder given on the command line, or nothing when none was given.
class csv {
 public:
  csv(int argc, char** argv, const char* name, const char* header) {
    if (argc < 2) return;
    const std::string path = std::string(argv[1]) + "/" + name + ".csv";
    file_ = std::fopen(path.c_str(), "w");
    if (file_ == nullptr) {
      std::fprintf(stderr, "cannot write %s\n", path.c_str());
      return;
    }
    std::fprintf(file_, "%s\n", header);
  }
  csv(const csv&) = delete;
  csv& operator=(const csv&) = delete;
  ~csv() {
    if (file_ != nullptr) std::fclose(file_);
  }

  /// Writes one row; the format is printf's, without the newline.
  template <class... Args>
  void row(const char* format, Args... args) {
    if (file_ == nullptr) return;
    std::fprintf(file_, format, args...);
    std::fputc('\n', file_);
  }

 private:
  std::FILE* file_ = nullptr;
};

}  // namespace tour
