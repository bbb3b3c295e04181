#!/usr/bin/env python3
"""Writes the seed corpora under tests/fuzz/corpus/<target>/ (run from anywhere; idempotent).

Byte 0 picks the number encoding (odd: one byte per number from the menu in fuzz_input.hpp,
even: 8 raw bytes per number); the next bytes are each target's choices, then its numbers.
Menu bytes: 0..31 are the special values (0 → 0, 10 → +Inf, 11 → −Inf, 12 → NaN, 6 → 1e308,
2 → denorm_min), 32..255 are (b − 144)/8, e.g. 152 → 1.0, 136 → −1.0, 144 → 0.0.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ONE, MINUS_ONE, HALF, ZERO, TWO = 152, 136, 148, 144, 160
INF, NINF, NAN, HUGE, DENORM = 10, 11, 12, 6, 2


def raw(*xs):
    return b"".join(struct.pack("<d", x) for x in xs)


def seeds():
    yield "fuzz_derivatives", {
        f"menu_{which}": bytes([1, which, ONE, HALF, MINUS_ONE, ONE, ZERO, ONE, ONE, ONE, ONE]) for which in range(9)}
    yield "fuzz_derivatives", {
        "special_lse": bytes([1, 0, HUGE, NINF, DENORM, ONE, ONE, ONE, NAN, ONE, ONE]),
        "raw_poly": bytes([0, 6]) + raw(1.5, -2.0, 1e-310, 1.0, 0.0, -1.0, 0.5, 0.5, 0.5),
    }
    # objective, solver, strict (≠ 0), x0 (2 numbers), max_iterations, tolerances and the rest.
    yield "fuzz_optimizers", {
        f"solver_{s}": bytes([1, s % 2, s, 1, MINUS_ONE, TWO, 99, 0, 1, 1, 0, 0, 2, 1, 1, 1, 1]) for s in range(15)}
    yield "fuzz_optimizers", {
        "nan_start": bytes([1, 0, 14, 1, NAN, ONE, 50, 0, 1, 1, 0, 0]),
        "inf_start_projected": bytes([1, 1, 10, 1, INF, ONE, 50, 0, 1, 1, 0, 0, 0, 0]),
    }
    # which loss, unchecked (0 of 4), rows − 1, theta, then (x, y) per row.
    yield "fuzz_data", {
        "logistic": bytes([1, 0, 1, 5, HALF, ZERO] + [ONE, ZERO, MINUS_ONE, ONE, TWO, ONE, ZERO, ZERO, HALF, ONE, 170, ZERO]),
        "squares": bytes([1, 1, 1, 3, ONE, ONE] + [ONE, TWO, TWO, 168, 168, 176, ZERO, HALF]),
        "nan_column": bytes([1, 0, 1, 4, ZERO, ZERO] + [ONE, ZERO, NAN, ONE, ZERO, ZERO, ONE, INF, ZERO, ONE]),
        "unchecked_nan": bytes([1, 1, 0, 2, ONE, ZERO] + [ONE, NAN, ZERO, ONE, HUGE, ONE]),
    }
    # which program, strict (≠ 0), tolerance, max_iterations, x0 (3 numbers).
    yield "fuzz_constrained", {
        "disk": bytes([1, 0, 1, 0, 60, ZERO, ZERO, ZERO]),
        "bounds": bytes([1, 1, 1, 0, 60, 184, 184, ZERO]),
        "sphere": bytes([1, 2, 1, 1, 40, ONE, ONE, ONE]),
        "nan_start": bytes([1, 0, 1, 0, 60, NAN, ONE, ZERO]),
        "huge_start": bytes([1, 2, 1, 0, 60, HUGE, DENORM, ONE]),
    }


for target, files in seeds():
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
