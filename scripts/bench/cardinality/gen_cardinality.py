#!/usr/bin/env python3
"""Writes the high-cardinality benchmark CSVs. Same seed, same files.

  small   1,800 rows: numeric n1..n3, four text columns t1..t4 of about 1,750 distinct values each
          (codes such as "t1-0412"), binary target y from the numerics plus noise.
  wide    ROWS rows (default 100,000): numeric x1..x5, categorical c1 (8 levels), binary target y;
          with --code, also a text column "code" drawn from 50,000 levels (about 43,000 seen).

usage: gen_cardinality.py small OUT.csv
       gen_cardinality.py wide OUT.csv [ROWS] [--code]
"""
import math
import random
import sys

kind, out = sys.argv[1], sys.argv[2]
rng = random.Random(20261202)


def target(logit):
    return "yes" if rng.random() < 1.0 / (1.0 + math.exp(-logit)) else "no"


with open(out, "w", newline="\n") as f:
    if kind == "small":
        rows = 1800
        f.write("n1,n2,n3,t1,t2,t3,t4,y\n")
        for i in range(rows):
            z = [rng.gauss(0.0, 1.0) for _ in range(3)]
            # Mostly distinct codes; one row in 36 repeats an earlier code, giving ~1,750 levels.
            texts = [f"t{c}-{rng.randrange(max(i, 1)) if rng.random() < 1 / 36 else i:04d}" for c in range(1, 5)]
            y = target(1.2 * z[0] - 0.8 * z[1] + 0.3 * z[2])
            f.write(",".join([f"{v:.4f}" for v in z] + texts + [y]) + "\n")
    elif kind == "wide":
        rows = int(sys.argv[3]) if len(sys.argv) > 3 and not sys.argv[3].startswith("--") else 100_000
        code = "--code" in sys.argv
        levels = ["a", "b", "c", "d", "e", "f", "g", "h"]
        effect = {l: (k - 3.5) * 0.3 for k, l in enumerate(levels)}
        f.write(",".join([f"x{i}" for i in range(1, 6)] + ["c1"] + (["code"] if code else []) + ["y"]) + "\n")
        for _ in range(rows):
            z = [rng.gauss(0.0, 1.0) for _ in range(5)]
            c1 = rng.choice(levels)
            # The code column is drawn with the same generator calls either way, so x and y agree.
            c = f"k{rng.randrange(50_000):05d}"
            y = target(1.0 * z[0] - 0.7 * z[1] + 0.5 * z[2] + effect[c1])
            f.write(",".join([f"{v:.4f}" for v in z] + [c1] + ([c] if code else []) + [y]) + "\n")
    else:
        sys.exit("usage: gen_cardinality.py small|wide OUT.csv [ROWS] [--code]")
