# Thin wrapper over CMake. On a fresh Debian 12 machine:  make demo   and   make test
BUILD      ?= build
BENCH_DIR  ?= build-bench
BUILD_TYPE ?= Release
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=

.PHONY: all deps configure demo test bench install clean docs

all: test

deps:
	@scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DGRADUS_BUILD_BENCHMARKS=OFF $(CMAKE_ARGS)

# The tour: builds the examples, runs them in reading order (CSV plot data under $(BUILD)/plots)
# and draws the plots as PNG there with python3-matplotlib (skipped, with a message, without it).
demo: configure
	@scripts/install-deps.sh --plots || echo "make demo: python3-matplotlib could not be installed; plots will be skipped"
	cmake --build $(BUILD) --target gradus_demo -j $(JOBS)

test: configure
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench:
	@scripts/install-deps.sh --peers
	cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DGRADUS_NATIVE=ON \
	      -DGRADUS_BUILD_TESTS=OFF -DGRADUS_BUILD_EXAMPLES=OFF $(CMAKE_ARGS)
	cmake --build $(BENCH_DIR) -j $(JOBS)
	cmake --build $(BENCH_DIR) --target run_benchmarks

# API reference (HTML in $(BUILD)/docs/html); fails on any Doxygen warning.
docs:
	@scripts/install-deps.sh --docs
	mkdir -p $(BUILD)/docs
	GRADUS_DOCS_DIR=$(BUILD)/docs doxygen docs/Doxyfile

install: configure
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(BENCH_DIR) build-clang
