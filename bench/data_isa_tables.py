#!/usr/bin/env python3
"""The per-instruction-set tables of bench/README.md ("Data objectives: Results") from runs of
gradus_bench_data built for each target, e.g.

    cmake -S . -B build-avx2 -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="-mavx2 -mfma" \
          -DGRADUS_BUILD_TESTS=OFF -DGRADUS_BUILD_EXAMPLES=OFF
    cmake --build build-avx2 --target gradus_bench_data
    build-avx2/bench/gradus_bench_data --benchmark_repetitions=3 --benchmark_min_time=0.2 \
          --benchmark_out=avx2.json --benchmark_out_format=json

    python3 bench/data_isa_tables.py 'AVX2: `-mavx2 -mfma` (4 lanes)=avx2.json' ...

Medians of the repetitions, CPU time. Prints Markdown."""
import json
import sys


def load(path):
    runs = json.load(open(path))["benchmarks"]
    med = {b["run_name"]: b["cpu_time"] for b in runs if b.get("aggregate_name") == "median"}
    if not med:  # a run without repetitions
        med = {b["name"]: b["cpu_time"] for b in runs if b.get("run_type") == "iteration"}
    return med


def table(label, t):
    print(f"\n**{label}**\n")
    print("| workload | m | gradus ns/row | scalar_loop / gradus | eigen / gradus | gradus / bandwidth "
          "| gradus_softplus ns/row | scalar_loop / gradus_softplus |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for w in ["logistic_d1", "logistic_d8", "normal_logpdf"]:
        for m in [10000, 1000000, 10000000]:
            k = f"data/{w}/{m}/"
            g = t[k + "gradus"]
            sp = t.get(k + "gradus_softplus")
            extra = f'{sp / m:.2f} | {t[k + "scalar_loop"] / sp:.2f}×' if sp else "– | –"
            print(f'| {w} | {m:,} | {g / m:.2f} | {t[k + "scalar_loop"] / g:.2f}× | {t[k + "eigen"] / g:.2f}× '
                  f'| {g / t[k + "bandwidth"]:.2f}× | {extra} |')
    print("\n| value+gradient+Hessian, logistic_d8 | m | one pass, ns/row | two passes / one pass |")
    print("|---|---:|---:|---:|")
    first = True
    for m in [10000, 1000000, 10000000]:
        k = f"data_vgh/logistic_d8/{m}/"
        one = t[k + "gradus"]
        name = "`value_gradient_hessian` vs `value_and_gradient` + `hessian`" if first else ""
        first = False
        print(f'| {name} | {m:,} | {one / m:.2f} | {t[k + "two_pass"] / one:.2f}× |')


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for arg in sys.argv[1:]:
        label, _, path = arg.rpartition("=")
        table(label, load(path))


if __name__ == "__main__":
    main()
