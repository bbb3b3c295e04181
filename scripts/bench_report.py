#!/usr/bin/env python3
"""Turn the JSON of the gradus benchmark programs into the ratio tables of bench/README.md
and a bar chart.

Every benchmark is named "<family>/<workload>/<size>/<impl>" (bench/README.md). The report
makes one table per family: a row per (workload, size), a column per impl holding its time and
its ratio to the family's baseline impl (`hand` unless BASELINES says otherwise). A summary
table puts gradus's ratio to the baseline and to the fastest peer side by side. The tables
replace what lies between the markers

    <!-- gradus-bench-report:begin -->
    <!-- gradus-bench-report:end -->

in the README; everything outside them is left as written. If the top-level README.md holds
the markers <!-- gradus-bench-summary:begin --> and <!-- gradus-bench-summary:end -->, the
summary table goes between them too.

    scripts/bench_report.py --results build-bench/results --readme bench/README.md \
                            --chart bench/ratios.png

Needs only the standard library; the chart needs matplotlib (Debian: python3-matplotlib) and
is skipped with a message without it.
"""
import argparse
import glob
import json
import math
import os
import re
import statistics
import sys

# The impl every other impl of a family is divided by. Families not listed use "hand".
BASELINES = {
    "data": "scalar_loop",
    "data_vgh": "two_pass",
    "kkt": "ipopt",
    "optim": "lbfgspp",
    "optim_overhead": "gradient_only",
    "sharing": "hand",
}
DEFAULT_BASELINE = "hand"
# Families whose summary lists every workload and size; the others get one line each.
PER_ROW_SUMMARY = {"gradient", "hessian"}
# The impl the report is about: its column comes right after the baseline's.
SUBJECT = "gradus"
# Targets of DESIGN.md §4 and of the issues for gradus ÷ baseline, shown in the summary where a family has one.
TARGETS = {
    "gradient": 1.2,
    "hessian": 1.5,
    "data_vgh": 1.0,        # one pass for value, gradient and Hessian costs less than two
    "kkt": 0.1,             # at least 10x faster than Ipopt on small problems
    "optim_overhead": 1.05,  # a method costs under 5 % beyond its gradient evaluations
}

BEGIN = "<!-- gradus-bench-report:begin -->"
END = "<!-- gradus-bench-report:end -->"
SUMMARY_BEGIN = "<!-- gradus-bench-summary:begin -->"
SUMMARY_END = "<!-- gradus-bench-summary:end -->"

UNIT_TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


def baseline_of(family):
    return BASELINES.get(family, DEFAULT_BASELINE)


def size_key(size):
    return (0, int(size), "") if size.isdigit() else (1, 0, size)


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def load_results(results_dir, clock):
    """Returns (measurements, contexts): measurements[(family, workload, size, impl)] = ns."""
    files = sorted(glob.glob(os.path.join(results_dir, "*.json")))
    if not files:
        sys.exit(f"bench_report: no *.json in {results_dir} (run the benchmarks first: make bench)")
    samples = {}
    contexts = []
    skipped = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            try:
                data = json.load(f)
            except json.JSONDecodeError as e:
                sys.exit(f"bench_report: {path} is not valid JSON ({e}); did the benchmark program crash?")
        contexts.append((os.path.basename(path), data.get("context", {})))
        entries = data.get("benchmarks", [])
        # With --benchmark_repetitions the median aggregate is the number to report.
        medians = [b for b in entries if b.get("run_type") == "aggregate" and b.get("aggregate_name") == "median"]
        chosen = medians if medians else [b for b in entries if b.get("run_type", "iteration") == "iteration"]
        for b in chosen:
            if b.get("error_occurred"):
                skipped.append(f"{b['name']} (error: {b.get('error_message', '?')})")
                continue
            name = b.get("run_name", b["name"])
            parts = name.split("/")
            if len(parts) < 4:
                skipped.append(f"{name} (not named <family>/<workload>/<size>/<impl>)")
                continue
            key = tuple(parts[:4])
            time = b[f"{clock}_time"] * UNIT_TO_NS[b.get("time_unit", "ns")]
            samples.setdefault(key, []).append(time)
    for s in skipped:
        print(f"bench_report: skipped {s}", file=sys.stderr)
    return {k: statistics.median(v) for k, v in samples.items()}, contexts


def format_time(ns):
    if ns < 1e3:
        return f"{ns:.3g} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.3g} µs"
    if ns < 1e9:
        return f"{ns / 1e6:.3g} ms"
    return f"{ns / 1e9:.3g} s"


def format_ratio(r):
    if r is None:
        return "—"
    if r < 0.01:
        return f"{r:.2g}×"
    return f"{r:.2f}×" if r < 100 else f"{r:.0f}×"


def organize(measurements):
    """families[family] = {"rows": [(workload, size)], "impls": [impl], "time": {(w, s, impl): ns}}."""
    families = {}
    for (family, workload, size, impl), ns in measurements.items():
        fam = families.setdefault(family, {"rows": [], "impls": [], "time": {}})
        if (workload, size) not in fam["rows"]:
            fam["rows"].append((workload, size))
        if impl not in fam["impls"]:
            fam["impls"].append(impl)
        fam["time"][(workload, size, impl)] = ns
    for family, fam in families.items():
        workload_order = []
        for w, _ in fam["rows"]:
            if w not in workload_order:
                workload_order.append(w)
        fam["rows"].sort(key=lambda r: (workload_order.index(r[0]), size_key(r[1])))
        first = [i for i in (baseline_of(family), SUBJECT) if i in fam["impls"]]
        fam["impls"] = first + [i for i in fam["impls"] if i not in first]
    return families


def ratio(fam, family, row, impl):
    base = fam["time"].get((row[0], row[1], baseline_of(family)))
    t = fam["time"].get((row[0], row[1], impl))
    if base is None or t is None or base <= 0:
        return None
    return t / base


def family_table(family, fam):
    base = baseline_of(family)
    lines = [f"### {family}", ""]
    if base not in fam["impls"]:
        lines += [f"(no `{base}` baseline in this family: times only)", ""]
    else:
        lines += [f"Time per call; in parentheses the ratio to `{base}` (lower is faster).", ""]
    lines.append("| workload | size | " + " | ".join(f"`{i}`" for i in fam["impls"]) + " |")
    lines.append("|---|---:|" + "---:|" * len(fam["impls"]))
    for row in fam["rows"]:
        cells = []
        for impl in fam["impls"]:
            t = fam["time"].get((row[0], row[1], impl))
            if t is None:
                cells.append("—")
            else:
                r = ratio(fam, family, row, impl)
                cells.append(format_time(t) + ("" if r is None else f" ({format_ratio(r)})"))
        lines.append(f"| {row[0]} | {row[1]} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def summary_table(families):
    """One row per workload and size for the families of PER_ROW_SUMMARY, one row per family
    (geometric mean, range and how many rows meet the target) for the others."""
    lines = [
        f"`{SUBJECT}` ÷ baseline, and `{SUBJECT}` ÷ the fastest peer (below 1: {SUBJECT} is faster). "
        "A target is met (✓) or missed (✗) where DESIGN.md or the issue sets one; a family of many "
        "workloads shows the geometric mean, the range and how many rows meet the target.",
        "",
        f"| family | workload | size | {SUBJECT} ÷ baseline | target | {SUBJECT} ÷ fastest peer | fastest peer |",
        "|---|---|---:|---:|:---:|---:|---|",
    ]
    any_row = False
    for family, fam in families.items():
        if SUBJECT not in fam["impls"]:
            continue
        base = baseline_of(family)
        peers = [i for i in fam["impls"] if i not in (base, SUBJECT)]
        target = TARGETS.get(family)
        entries = []  # (row, ratio to baseline, ratio to the fastest peer, that peer)
        for row in fam["rows"]:
            mine = fam["time"].get((row[0], row[1], SUBJECT))
            if mine is None:
                continue
            peer_times = [(fam["time"][(row[0], row[1], p)], p) for p in peers if (row[0], row[1], p) in fam["time"]]
            best_t, best = min(peer_times) if peer_times else (None, None)
            entries.append((row, ratio(fam, family, row, SUBJECT), None if best_t is None else mine / best_t, best))
        if not entries:
            continue
        any_row = True
        if family in PER_ROW_SUMMARY:
            for row, r, vs, best in entries:
                mark = "" if (target is None or r is None) else ("✓" if r <= target else "✗") + f" ≤ {target}"
                vs_peer = "—" if vs is None else format_ratio(vs) + (" ✓" if vs < 1 else " ✗")
                lines.append(f"| {family} | {row[0]} | {row[1]} | {format_ratio(r)} | {mark} | {vs_peer} | "
                             f"{'—' if best is None else f'`{best}`'} |")
            continue
        rs = [r for _, r, _, _ in entries if r is not None]
        vss = [v for _, _, v, _ in entries if v is not None]
        sizes = sorted({row[1] for row, _, _, _ in entries}, key=size_key)
        size = sizes[0] if len(sizes) == 1 else f"{sizes[0]}–{sizes[-1]}"
        base_cell = "—" if not rs else f"{format_ratio(geometric_mean(rs))} ({format_ratio(min(rs))}–{format_ratio(max(rs))})"
        mark = "" if (target is None or not rs) else f"{sum(r <= target for r in rs)}/{len(rs)} ✓ ≤ {target}"
        peer_cell = "—" if not vss else f"{format_ratio(geometric_mean(vss))} ({format_ratio(min(vss))}–{format_ratio(max(vss))})"
        peer_names = sorted({best for _, _, _, best in entries if best is not None})
        lines.append(f"| {family} | {len(entries)} workloads | {size} | {base_cell} | {mark} | {peer_cell} | "
                     f"{', '.join(f'`{p}`' for p in peer_names) or '—'} |")
    lines.append("")
    return lines if any_row else []


def machine_lines(contexts, clock):
    ctx = contexts[0][1]
    compilers = sorted({c.get("compiler", "") for _, c in contexts if c.get("compiler")})
    flags = sorted({c.get("compiler_flags", "") for _, c in contexts if c.get("compiler_flags")})
    peers = sorted({p for _, c in contexts for p in c.get("peers", "").split(",") if p})
    load = ctx.get("load_avg")
    lines = [
        f"- machine: {cpu_model()}, {ctx.get('num_cpus', '?')} logical CPUs"
        + (f" at {ctx['mhz_per_cpu']} MHz" if "mhz_per_cpu" in ctx else "")
        + (f", load average {', '.join(f'{x:.2f}' for x in load)} at the start" if load else ""),
        f"- compiler: {', '.join(compilers) or 'unknown'}; flags: `{'; '.join(flags) or 'unknown'}`",
        f"- peers found at configure time: {', '.join(peers) or 'none'}",
        f"- run: {ctx.get('date', '?')}, programs: {', '.join(name for name, _ in contexts)}; "
        f"{clock} time per iteration (Google Benchmark {ctx.get('library_build_type', '')} library)",
    ]
    return lines


def render(families, contexts, clock, chart_name):
    lines = [BEGIN, "<!-- Generated by scripts/bench_report.py from the benchmarks' JSON: do not edit by hand. -->", ""]
    lines += machine_lines(contexts, clock)
    lines.append("")
    summary = summary_table(families)
    if summary:
        lines += ["### Summary", ""] + summary
    for family, fam in families.items():
        lines += family_table(family, fam)
    if chart_name:
        lines += [f"![ratio to the baseline, per family]({chart_name})", ""]
    lines.append(END)
    return "\n".join(lines)


def replace_between(text, begin, end, block):
    """text with block in place of begin…end, or None when the markers are missing."""
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    return pattern.sub(lambda _: block, text, count=1) if pattern.search(text) else None


def write_readme(path, block):
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    replaced = replace_between(text, BEGIN, END, block)
    if replaced is None:
        print(f"bench_report: no report markers in {path}; appending the tables at its end", file=sys.stderr)
        replaced = text.rstrip("\n") + ("\n\n" if text else "") + "## Results\n\n" + block
    with open(path, "w", encoding="utf-8") as f:
        f.write(replaced.rstrip("\n") + "\n")


def write_summary(path, families, contexts, clock, details):
    """The summary table into the top-level README, only where it has the summary markers."""
    if not os.path.exists(path):
        return False
    text = open(path, encoding="utf-8").read()
    lines = [SUMMARY_BEGIN, "<!-- Generated by scripts/bench_report.py: do not edit by hand. -->", ""]
    lines += machine_lines(contexts, clock) + [""]
    lines += summary_table(families)
    lines += [f"All times, every peer and the chart: [{details}]({details}).", "", SUMMARY_END]
    replaced = replace_between(text, SUMMARY_BEGIN, SUMMARY_END, "\n".join(lines))
    if replaced is None:
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(replaced)
    return True


def draw_chart(families, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench_report: matplotlib not found, no chart (Debian: python3-matplotlib)", file=sys.stderr)
        return False
    drawable = [(f, fam) for f, fam in families.items() if baseline_of(f) in fam["impls"]]
    if not drawable:
        print("bench_report: no family has its baseline, no chart", file=sys.stderr)
        return False
    fig, axes = plt.subplots(len(drawable), 1, figsize=(13, 3.6 * len(drawable)), squeeze=False)
    for ax, (family, fam) in zip(axes[:, 0], drawable):
        base = baseline_of(family)
        impls = [i for i in fam["impls"] if i != base]
        width = 0.8 / max(1, len(impls))
        for k, impl in enumerate(impls):
            xs, ys = [], []
            for j, row in enumerate(fam["rows"]):
                r = ratio(fam, family, row, impl)
                if r is not None:
                    xs.append(j - 0.4 + width * (k + 0.5))
                    ys.append(r)
            ax.bar(xs, ys, width, label=impl, zorder=2,
                   edgecolor="black" if impl == SUBJECT else "none", linewidth=0.8)
        ax.axhline(1.0, color="black", linewidth=0.8, zorder=3)
        if family in TARGETS:
            ax.axhline(TARGETS[family], color="tab:red", linestyle="--", linewidth=0.8, zorder=3,
                       label=f"target {TARGETS[family]}×")
        ax.set_yscale("log")
        ax.set_xticks(range(len(fam["rows"])))
        ax.set_xticklabels([f"{w}\n{s}" for w, s in fam["rows"]], fontsize=8)
        ax.set_ylabel(f"time ÷ {base}")
        ax.set_title(f"{family}: time relative to `{base}` (log scale, lower is faster)")
        ax.grid(axis="y", which="both", alpha=0.3, zorder=0)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.005, 1.0), borderaxespad=0)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", default=os.path.join(root, "build-bench", "results"),
                        help="folder of the benchmark programs' JSON files")
    parser.add_argument("--readme", default=os.path.join(root, "bench", "README.md"))
    parser.add_argument("--chart", default=os.path.join(root, "bench", "ratios.png"),
                        help="PNG to write; an empty string for none")
    parser.add_argument("--summary-readme", default=os.path.join(root, "README.md"),
                        help="a README whose summary markers receive the summary table (skipped without them)")
    parser.add_argument("--clock", choices=["cpu", "real"], default="cpu",
                        help="which time to report (default cpu: less sensitive to a busy machine)")
    args = parser.parse_args()

    measurements, contexts = load_results(args.results, args.clock)
    families = organize(measurements)
    if not families:
        sys.exit("bench_report: the JSON files hold no benchmark named <family>/<workload>/<size>/<impl>")
    chart_name = None
    if args.chart and draw_chart(families, args.chart):
        chart_name = os.path.relpath(args.chart, os.path.dirname(os.path.abspath(args.readme)))
        print(f"bench_report: wrote {args.chart}")
    write_readme(args.readme, render(families, contexts, args.clock, chart_name))
    print(f"bench_report: wrote {sum(len(f['rows']) for f in families.values())} rows "
          f"in {len(families)} families into {args.readme}")
    if args.summary_readme:
        details = os.path.relpath(os.path.abspath(args.readme), os.path.dirname(os.path.abspath(args.summary_readme)))
        if write_summary(args.summary_readme, families, contexts, args.clock, details):
            print(f"bench_report: wrote the summary into {args.summary_readme}")


if __name__ == "__main__":
    main()
