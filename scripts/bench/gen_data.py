#!/usr/bin/env python3
"""Writes the benchmark CSV: ROWS rows, numeric x1..x20, categorical c1 (8 levels) and c2 (5 levels),
2% of feature cells blank, binary target y from a few columns plus noise. Same seed, same file.

usage: gen_data.py OUT.csv [ROWS] [SEED]
"""
import math
import random
import sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20240601
rng = random.Random(seed)

N_NUM = 20
C1 = ["a", "b", "c", "d", "e", "f", "g", "h"]
C1_EFFECT = {"a": -1.2, "b": -0.6, "c": -0.2, "d": 0.0, "e": 0.3, "f": 0.6, "g": 1.0, "h": 1.4}
C2 = ["red", "green", "blue", "gold", "grey"]
C2_WEIGHTS = [0.35, 0.25, 0.2, 0.12, 0.08]
BLANK = 0.02
# Column means and spreads differ so that scaling matters as it would on real data.
MEANS = [(i % 5) * 2.0 - 3.0 for i in range(N_NUM)]
SDS = [1.0 + (i % 4) * 1.5 for i in range(N_NUM)]


def cell(text):
    return "" if rng.random() < BLANK else text


with open(out, "w", newline="\n") as f:
    f.write(",".join([f"x{i + 1}" for i in range(N_NUM)] + ["c1", "c2", "y"]) + "\n")
    for _ in range(rows):
        z = [rng.gauss(0.0, 1.0) for _ in range(N_NUM)]
        c1 = rng.choice(C1)
        c2 = rng.choices(C2, C2_WEIGHTS)[0]
        # Signal: three numerics, one interaction, one categorical; the rest is noise.
        logit = 1.6 * z[0] - 1.1 * z[1] + 0.7 * z[2] + 0.6 * z[3] * z[4] + C1_EFFECT[c1] - 0.3
        p = 1.0 / (1.0 + math.exp(-logit))
        y = "yes" if rng.random() < p else "no"
        xs = [cell(f"{MEANS[i] + SDS[i] * z[i]:.4f}") for i in range(N_NUM)]
        f.write(",".join(xs + [cell(c1), cell(c2), y]) + "\n")
