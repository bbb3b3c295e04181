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

demo: configure
	cmake --build $(BUILD) --target gradus_demo -j $(JOBS)
	$(BUILD)/examples/gradus_demo

test: configure
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench:
	@scripts/install-deps.sh --peers
	cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DGRADUS_NATIVE=ON \
	      -DGRADUS_BUILD_TESTS=OFF -DGRADUS_BUILD_EXAMPLES=OFF $(CMAKE_ARGS)
	cmake --build $(BENCH_DIR) -j $(JOBS)
	cmake --build $(BENCH_DIR) --target run_benchmarks

install: configure
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(BENCH_DIR) build-clang
