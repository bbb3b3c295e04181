#!/usr/bin/env python3
"""Turn the CSV files the gradus examples write (make demo) into PNG plots in the same folder.

Usage: plot_tour.py <folder>. Without matplotlib it says so and exits successfully: the plots
are an extra, the tour itself has already printed its results.
"""
import csv
import os
import sys
from collections import defaultdict


def read(folder, name):
    path = os.path.join(folder, name + ".csv")
    if not os.path.exists(path):
        return None
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def group(rows, *keys):
    out = defaultdict(list)
    for row in rows:
        out[tuple(row[k] for k in keys) if len(keys) > 1 else row[keys[0]]].append(row)
    return out


def column(rows, key):
    return [float(r[key]) for r in rows]


def ill_conditioned(plt, np, rows, path):
    by_kappa = group(rows, "kappa")
    fig, axes = plt.subplots(2, len(by_kappa), figsize=(6 * len(by_kappa), 8.5))
    for col, (kappa, krows) in enumerate(sorted(by_kappa.items(), key=lambda kv: float(kv[0]))):
        k = float(kappa)
        top, bottom = axes[0][col], axes[1][col]
        xs, ys = column(krows, "x"), column(krows, "y")
        reach = 1.1 * max(abs(v) for v in ys)
        gx, gy = np.meshgrid(np.linspace(min(xs) - 1, 2, 300), np.linspace(-reach, reach, 300))
        top.contour(gx, gy, 0.5 * (gx ** 2 + k * gy ** 2), levels=np.geomspace(0.05, 0.5 * k * reach ** 2, 16),
                    colors="0.75", linewidths=0.8)
        for method, mrows in group(krows, "method").items():
            line, = top.plot(column(mrows, "x"), column(mrows, "y"), ".-", lw=1, ms=3,
                             label=f"{method} ({len(mrows) - 1} iterations)")
            bottom.semilogy(column(mrows, "iteration"), column(mrows, "value"), color=line.get_color(),
                            label=method)
        top.set_title(f"f = (x² + {k:g}y²)/2, condition number {k:g}")
        top.set_xlabel("x")
        top.set_ylabel("y")
        top.legend(loc="lower right", fontsize=8)
        bottom.set_xlabel("iteration")
        bottom.set_ylabel("f(x)")
        bottom.grid(True, which="major", alpha=0.3)
        bottom.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def schedules(plt, np, rows, path):
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    for name, srows in group(rows, "schedule").items():
        ax = right if "diverges" in name else left
        ax.semilogy(column(srows, "iteration"), column(srows, "value"), label=name)
    left.set_title("Gradient descent on (x² + 10y²)/2: step rules")
    right.set_title("Fixed step 0.25 > 2/10: status diverged")
    for ax in (left, right):
        ax.set_xlabel("iteration")
        ax.set_ylabel("f(x)")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def least_squares(plt, np, rows, path):
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, srows in group(rows, "method").items():
        ax.semilogy(column(srows, "iteration"), column(srows, "error"), ".-", ms=3, label="gradient descent, " + name)
    ax.set_title("Least squares ½‖Ax − b‖²: distance to the solution")
    ax.set_xlabel("iteration")
    ax.set_ylabel("‖x − x*‖")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def logistic_regression(plt, np, rows, path):
    # The excess loss J − J_min (J_min: the smallest loss any method reached) on a log scale
    # shows the rates of convergence that a plain loss axis flattens.
    best = min(column(rows, "loss"))
    floor = 1e-10
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    for name, mrows in group(rows, "method").items():
        its = [max(i, 0.8) for i in column(mrows, "iteration")]  # iteration 0 on a log axis
        excess = [max(v - best, floor) for v in column(mrows, "loss")]
        line, = left.loglog(its, excess, ".-", ms=4, label=name)
        right.semilogy([1e3 * s for s in column(mrows, "seconds")], excess, ".-", ms=4,
                       color=line.get_color(), label=name)
    left.set_xlabel("iteration (SGD: minibatch updates, loss shown once per epoch)")
    right.set_xlabel("wall time [ms]")
    for ax in (left, right):
        ax.set_ylabel(f"J − J_min   (J_min = {best:.6f})")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("Logistic regression, 20000 examples: mean negative log-likelihood above its minimum")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def critical_points(plt, np, rows, path):
    fig, ax = plt.subplots(figsize=(7, 5.5))
    gx, gy = np.meshgrid(np.linspace(-1.0, 1.0, 300), np.linspace(-1.5, 1.5, 300))
    ax.contour(gx, gy, gx ** 2 + 0.25 * gy ** 4 - 0.5 * gy ** 2, levels=20, colors="0.75", linewidths=0.8)
    for name, mrows in group(rows, "method").items():
        ax.plot(column(mrows, "x"), column(mrows, "y"), "o-", ms=4, lw=1.2,
                label=f"{name} ({len(mrows) - 1} iterations)")
    ax.plot([0], [0], "kx", ms=10, mew=2, label="saddle (0, 0)")
    ax.plot([0, 0], [1, -1], "k*", ms=10, label="minima (0, ±1)")
    ax.set_title("f = x² + y⁴/4 − y²/2: plain Newton stops at the saddle,\nmodified Newton reaches a minimum")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def curvature(plt, np, rows, path):
    fig, ax = plt.subplots(figsize=(7, 4.5))
    eps = column(rows, "eps")
    ax.plot(eps, column(rows, "actual"), lw=2, label="f(x − εg), the true value")
    ax.plot(eps, column(rows, "first_order"), "--", label="first order: f − εgᵀg")
    ax.plot(eps, column(rows, "second_order"), "-.", label="second order: f − εgᵀg + ½ε²gᵀHg")
    ax.axvline(eps[len(eps) * 16 // 41], color="0.5", lw=0.8)
    ax.text(eps[len(eps) * 16 // 41], ax.get_ylim()[1], " ε* = gᵀg / gᵀHg", va="top", fontsize=8)
    ax.set_title("A gradient step on x² + 5y² + x⁴/2 from (1, 1) and its Taylor predictions")
    ax.set_xlabel("step ε")
    ax.set_ylabel("value")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


PLOTS = {
    "ill_conditioned": ill_conditioned,
    "schedules": schedules,
    "least_squares": least_squares,
    "logistic_regression": logistic_regression,
    "critical_points": critical_points,
    "curvature": curvature,
}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: plot_tour.py <folder with the examples' CSV files>")
    folder = sys.argv[1]
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import numpy as np
    except ImportError:
        print(f"\nmatplotlib is not installed for {sys.executable} (Debian: python3-matplotlib): "
              f"plots skipped; the CSV data is in {folder}")
        return
    written = []
    for name, draw in PLOTS.items():
        rows = read(folder, name)
        if rows:
            path = os.path.join(folder, name + ".png")
            draw(plt, np, rows, path)
            written.append(path)
    print("\n== Plots ==")
    for path in written:
        print("wrote", path)


if __name__ == "__main__":
    main()
