# Thin wrapper over CMake. On a fresh Debian 12 machine:  make demo   and   make test
BUILD      ?= build
BENCH_DIR  ?= build-bench
SAN_DIR    ?= build-sanitize
TSAN_DIR   ?= build-tsan
FUZZ_DIR   ?= build-fuzz
FUZZ_SECONDS ?= 20
DIFF_DIR   ?= build-differential
BUILD_TYPE ?= Release
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=

.PHONY: all deps configure demo test test-sanitize test-tsan test-differential fuzz bench install clean docs

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

# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (any report fails the test).
SAN_CMAKE_ARGS = -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
	-DGRADUS_BUILD_BENCHMARKS=OFF -DGRADUS_BUILD_EXAMPLES=OFF \
	-DGRADUS_HEADER_CHECK=OFF -DGRADUS_INSTALL_TEST=OFF
test-sanitize:
	@scripts/install-deps.sh --sanitize
	cmake -S . -B $(SAN_DIR) $(SAN_CMAKE_ARGS) -DGRADUS_SANITIZE=address,undefined $(CMAKE_ARGS)
	cmake --build $(SAN_DIR) -j $(JOBS)
	cd $(SAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# The concurrency tests (tests/reliability/*tsan*) under ThreadSanitizer.
test-tsan:
	@scripts/install-deps.sh --sanitize
	cmake -S . -B $(TSAN_DIR) $(SAN_CMAKE_ARGS) -DGRADUS_SANITIZE=thread $(CMAKE_ARGS)
	cmake --build $(TSAN_DIR) --target gradus_reliability_tests -j $(JOBS)
	cd $(TSAN_DIR) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ./tests/gradus_reliability_tests "[tsan]"

# The libFuzzer targets (tests/fuzz, docs/sections/fuzzing.md), built with clang++ under
# AddressSanitizer + UndefinedBehaviorSanitizer, each run for FUZZ_SECONDS on a copy of its seed
# corpus (what it finds stays in $(FUZZ_DIR)/corpus). A finding stops make, leaving crash-* there.
FUZZ_TARGETS = fuzz_derivatives fuzz_optimizers fuzz_data fuzz_constrained
fuzz:
	@scripts/install-deps.sh --fuzz
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_CXX_COMPILER=clang++ -DGRADUS_FUZZ=ON \
	      -DGRADUS_BUILD_TESTS=OFF -DGRADUS_BUILD_EXAMPLES=OFF -DGRADUS_BUILD_BENCHMARKS=OFF $(CMAKE_ARGS)
	cmake --build $(FUZZ_DIR) --target $(FUZZ_TARGETS) -j $(JOBS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t && cp -n tests/fuzz/corpus/$$t/* $(FUZZ_DIR)/corpus/$$t/ ; \
	  echo "make fuzz: $$t for $(FUZZ_SECONDS) s (log: $(FUZZ_DIR)/$$t.log)"; \
	  if ( cd $(FUZZ_DIR) && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ./tests/fuzz/$$t \
	         -max_total_time=$(FUZZ_SECONDS) -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
	         -artifact_prefix=$$t- corpus/$$t > $$t.log 2>&1 ); then \
	    grep -E '^(Done|stat::(number_of_executed_units|new_units_added|peak_rss_mb))' $(FUZZ_DIR)/$$t.log; \
	  else \
	    tail -n 40 $(FUZZ_DIR)/$$t.log; echo "make fuzz: $$t found a failing input (above; saved in $(FUZZ_DIR))"; exit 1; \
	  fi; \
	done

# The full tier of the differential derivative suite (tests/differential): >= 2000 random
# expression types, each checked at 100 points (about 20 CPU-minutes of compile).
test-differential: deps
	cmake -S . -B $(DIFF_DIR) -DCMAKE_BUILD_TYPE=Release -DGRADUS_DIFFERENTIAL_FULL=ON \
	      -DGRADUS_BUILD_BENCHMARKS=OFF -DGRADUS_BUILD_EXAMPLES=OFF -DGRADUS_HEADER_CHECK=OFF \
	      -DGRADUS_INSTALL_TEST=OFF $(CMAKE_ARGS)
	cmake --build $(DIFF_DIR) --target gradus_differential_tests -j $(JOBS)
	$(DIFF_DIR)/tests/gradus_differential_tests

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
	rm -rf $(BUILD) $(BENCH_DIR) $(SAN_DIR) $(TSAN_DIR) $(FUZZ_DIR) build-clang

	rm -rf $(BUILD) $(BENCH_DIR) $(SAN_DIR) $(TSAN_DIR) $(DIFF_DIR) build-clang
