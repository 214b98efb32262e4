#!/usr/bin/env python3
"""Wall time of figs on hostile text at size n and 4n: linear takes about 4×, quadratic 16×.

    python bench/hostile.py              # every case of tests/test_hostile.py
    python bench/hostile.py --repeat 5   # each timing the fastest of 5

The unit tests count calls instead (exact, so they cannot flake); this times the same
cases, the regex engine's work included, and flags a case whose 4n run takes more
than 10× its n run.  Exit status 1 when any case is flagged.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import figs  # noqa: E402
from test_hostile import HOSTILE  # noqa: E402


def seconds(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        list(figs.extract(text))
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each timing; the fastest is kept [3]")
    args = ap.parse_args()
    list(figs.extract("全国共有123万人参加。"))  # the lexicon, loaded before timing
    flagged = 0
    print("| case | n | s at n | s at 4n | ratio | |\n|---|--:|--:|--:|--:|---|")
    for name, (make, n) in HOSTILE.items():
        small, large = seconds(make(n), args.repeat), seconds(make(4 * n), args.repeat)
        bad = large > max(10 * small, 0.05)
        flagged += bad
        print(f"| {name} | {n:,} | {small:.4f} | {large:.4f} | {large / max(small, 1e-9):.1f} | {'NOT linear' if bad else ''} |",
              flush=True)
    sys.exit(1 if flagged else 0)


if __name__ == "__main__":
    main()
