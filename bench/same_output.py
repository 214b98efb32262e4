#!/usr/bin/env python3
"""Two builds of figs, byte for byte the same output: the compiled one and the pure one.

    python bench/same_output.py PYTHON_A PYTHON_B

Each PYTHON is the interpreter of an environment with figs installed (a venv's
bin/python).  Both run `figs extract -f jsonl` on the example articles and, when
../shared/corpus is there, on each corpus file (its first 90 % of lines: the rest is
held out, and never read), and their outputs must be identical.  Prints one line an
input and, for the first difference, the two lines that differ; the exit status is
1 when any output differs or a run fails, else 0.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/corpus beside the repository (or beside a folder holding it: a worktree),
# or the folder FIGS_CORPUS names.
CORPUS = Path(os.environ.get("FIGS_CORPUS") or next(
    (b / "shared" / "corpus" for b in ROOT.parents if (b / "shared" / "corpus").is_dir()), ROOT.parent / "shared" / "corpus"))
# How each corpus file is read: `figs extract` options beyond the file itself.
CORPUS_OPTIONS = {
    "people-daily-1998-01.txt": [],
    "people-daily-1998-01.pos.txt": [],
    "thucnews-cnews-sample-1000.tsv": [],
    "dxy-covid-news-2020.jsonl": ["--jsonl-field", "summary", "--id-field", "id"],
    "nyt-cn-business-2018-2020.jsonl": ["--jsonl-field", "paragraphs", "--id-field", "id"],
}
KEPT = 0.9  # the share of a corpus file's lines that may be read


def build(python: str) -> str:
    """'compiled' or 'pure': whether the figs of `python` has compiled modules."""
    code = "import figs.figures as f; print('compiled' if f.__file__.endswith(('.so', '.pyd')) else 'pure')"
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def head(path: Path, folder: Path) -> Path:
    """The first `KEPT` of the lines of `path`, as a file in `folder` with the same name."""
    lines = path.read_bytes().splitlines(keepends=True)
    out = folder / path.name
    out.write_bytes(b"".join(lines[:int(len(lines) * KEPT)]))
    return out


def extract(python: str, args: list[str]) -> bytes:
    run = subprocess.run([python, "-m", "figs", "extract", "-f", "jsonl", *args], capture_output=True)
    if run.returncode != 0:
        sys.exit(f"{python} -m figs extract {' '.join(args)}: exit {run.returncode}\n{run.stderr.decode(errors='replace')}")
    return run.stdout


def first_difference(a: bytes, b: bytes) -> str:
    for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines()), 1):
        if x != y:
            return f"  line {n}:\n  < {x.decode(errors='replace')}\n  > {y.decode(errors='replace')}"
    return f"  one output is longer: {len(a.splitlines())} against {len(b.splitlines())} lines"


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    a, b = sys.argv[1:]
    print(f"A: {a} ({build(a)})\nB: {b} ({build(b)})")
    different = 0
    with tempfile.TemporaryDirectory(prefix="figs-same-") as tmp:
        inputs = [("examples/", [str(ROOT / "examples")])]
        if CORPUS.is_dir():
            for name, options in CORPUS_OPTIONS.items():
                if (CORPUS / name).is_file():
                    inputs.append((name, [str(head(CORPUS / name, Path(tmp))), *options]))
        else:
            print(f"(no corpus at {CORPUS}: the examples only)")
        for name, args in inputs:
            out_a, out_b = extract(a, args), extract(b, args)
            same = out_a == out_b
            print(f"{'same' if same else 'DIFFERENT'}: {name} ({len(out_a.splitlines()):,} records)")
            if not same:
                print(first_difference(out_a, out_b))
                different += 1
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
