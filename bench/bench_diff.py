"""How much time `figs diff` adds to extracting two ~1 MB articles.

    python bench/bench_diff.py [MEGABYTES]

The old article is the five examples repeated until it reaches the size; the new
one is the same with every copy replaced by its edited version from
tests/data/diff/ (figures edited, sentences deleted and inserted, paragraphs
swapped, lines re-wrapped), every other copy also moved to the end.  Prints the
time to extract both, the time to pair them, and whether the diff found exactly
the edits (each copy's expected differences, once per copy).
"""
from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

import figs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EDITED = ROOT / "tests" / "data" / "diff"


def articles(megabytes: float) -> tuple[str, str, int]:
    """(old, new, expected number of differences)."""
    names = sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    old_one = [(EXAMPLES / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    new_one = [(EDITED / f"{n}.new.txt").read_text(encoding="utf-8") for n in names]
    per_copy = sum(_expected(n) for n in names)
    size = len("\n".join(old_one).encode())
    copies = max(1, round(megabytes * 1_000_000 / size))
    old = "\n".join(old_one * copies)
    moved = [t for c in range(copies) for t in new_one if c % 2 == 0]
    moved += [t for c in range(copies) for t in new_one if c % 2 == 1]
    return old, "\n".join(moved), per_copy * copies


def _expected(name: str) -> int:
    with open(EDITED / f"{name}.expected.tsv", encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f, delimiter="\t"))


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    old, new, expected = articles(megabytes)
    t0 = time.perf_counter()
    old_figures = list(figs.extract(old, "old"))
    new_figures = list(figs.extract(new, "new"))
    t1 = time.perf_counter()
    changes = list(figs.diff(old_figures, new_figures))
    t2 = time.perf_counter()
    counts = {s: sum(c.status == s for c in changes) for s in ("changed", "added", "removed")}
    print(f"articles: {len(old.encode()) / 1e6:.2f} MB and {len(new.encode()) / 1e6:.2f} MB, "
          f"{len(old_figures)} and {len(new_figures)} figures")
    print(f"extract both: {t1 - t0:.2f} s")
    print(f"diff:         {t2 - t1:.3f} s  ({len(changes)} differences: {counts}; edits made: {expected})")


if __name__ == "__main__":
    main()
