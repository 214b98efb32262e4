#!/usr/bin/env python3
"""Peak memory of figs on long documents: it must stay flat whatever their length.

    python bench/memory.py                # 200 MB inputs (a few minutes)
    python bench/memory.py --size 20M     # a quick run

Each input is made from the example articles, run together so that nothing cuts
it into paragraphs, and `figs extract FILE -f jsonl -j 1` runs on it as a
subprocess (output read and dropped); the peak resident memory of that process
(its rusage, from wait4) is printed beside the input's size:

  - one line with no sentence end (the examples' full stops made commas);
  - one line of plain text (the examples with their line breaks removed);
  - one JSON Lines document holding that line in its "text" field, read with
    --jsonl-field text (and the same escaped as \\uXXXX, as json.dumps writes it).

The target is 150 MB or less for every input.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 150


def parse_size(s: str) -> int:
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(s[:-1]) * units[s[-1].upper()]) if s[-1:].upper() in units else int(s)


def examples() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt")))


def write_repeated(path: Path, head: bytes, unit: bytes, tail: bytes, size: int) -> None:
    with open(path, "wb") as f:
        f.write(head)
        for _ in range(max(1, size // len(unit))):
            f.write(unit)
        f.write(tail)


def peak_mb(args: list[str]) -> tuple[float, float, int]:
    """Seconds, the peak RSS in MB of the figs process (its own rusage, from wait4),
    and the records it wrote."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "figs", "extract", *args], stdout=subprocess.PIPE)
    records = sum(1 for _ in proc.stdout)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"figs failed ({proc.returncode}) on {args}")
    return seconds, usage.ru_maxrss / 1024, records  # kB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=parse_size, default=parse_size("200M"), help="bytes of each input")
    opts = parser.parse_args()
    text = examples()
    no_stop = text.replace("。", "，").replace("\n", "")
    one_line = text.replace("\n", "")
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        cases = []
        write_repeated(d / "no-stop.txt", b"", no_stop.encode(), b"\n", opts.size)
        cases.append(("one line, no sentence end (.txt)", [str(d / "no-stop.txt")]))
        write_repeated(d / "line.txt", b"", one_line.encode(), b"\n", opts.size)
        cases.append(("one line (.txt)", [str(d / "line.txt")]))
        body = json.dumps(one_line, ensure_ascii=False)[1:-1].encode()
        write_repeated(d / "doc.jsonl", b'{"id": "a", "text": "', body, b'"}\n', opts.size)
        cases.append(("one JSON Lines document", [str(d / "doc.jsonl"), "--jsonl-field", "text"]))
        escaped = json.dumps(one_line)[1:-1].encode()
        write_repeated(d / "ascii.jsonl", b'{"text": "', escaped, b'", "id": "b"}\n', opts.size)
        cases.append(("the same, \\u-escaped, id last", [str(d / "ascii.jsonl"), "--jsonl-field", "text",
                                                          "--id-field", "id"]))
        print(f"{'input':36} {'MB':>7} {'seconds':>8} {'records':>9} {'peak RSS MB':>12}")
        worst = 0.0
        for name, args in cases:
            size = Path(args[0]).stat().st_size / 1e6
            seconds, peak, records = peak_mb([*args, "-f", "jsonl", "-j", "1"])
            worst = max(worst, peak)
            print(f"{name:36} {size:7.1f} {seconds:8.1f} {records:9,} {peak:12.1f}")
    print(f"worst peak {worst:.1f} MB: {'within' if worst <= TARGET_MB else 'OVER'} the {TARGET_MB} MB target")


if __name__ == "__main__":
    main()
