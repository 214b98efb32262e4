#!/usr/bin/env python3
"""End-to-end speed, start-up and memory of figs, and of an earlier revision in the same run.

    python bench/bench.py                          # the installed figs: People's Daily + 50 MB
    python bench/bench.py --before 6a919d3         # … and revision 6a919d3, measured alternately
    python bench/bench.py --after . --before main  # this working tree, built as pip install . builds it
    python bench/bench.py --after . --before 6a919d3 --before main  # … beside two earlier ones
    python bench/bench.py --size 200M --repeat 5   # a larger synthetic file, fastest of 5

It measures, for each input (People's Daily of January 1998 from ../shared/corpus,
its first 90 % of lines: the rest is held out; and a synthetic file of the example
articles repeated to --size):
  - a bare regular-expression scan for digit and numeral runs (read, decode,
    re.finditer): the speed of reading the text at all, the yardstick;
  - `figs extract FILE -f jsonl -j N` for each N of --jobs, as a subprocess, its
    output read through a pipe (records counted, then dropped): seconds, CPU
    seconds of all its processes, MB/s, the fraction of the scan, the speed-up of
    -j N over -j 1, and the peak resident memory of its largest process;
and the start-up: `figs extract` on a one-line input, the fastest of --startup runs,
beside the floor under it (this Python doing nothing, importing click, importing
click and regex).

Which figs: --after (default: the one this Python imports) and, with --before, one
or more earlier ones (the first is the one the after/before column and the targets
compare with).  Each of them is a git revision (or `.` for the working tree), built
into a temporary folder as `pip install .` builds it (compiled where the revision
says so) and run by this Python with that folder first on PYTHONPATH.  They are
timed alternately, run for run, so that the load of a shared machine falls on all;
with --repeat N each timing is the fastest of N, as timeit takes it.
"""
from __future__ import annotations

import argparse
import codecs
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FILE = "people-daily-1998-01.txt"
CORPUS = next((b / "shared" / "corpus" / CORPUS_FILE for b in ROOT.parents
               if (b / "shared" / "corpus" / CORPUS_FILE).is_file()), None)
KEPT = 0.9  # the share of a corpus file's lines that may be read: the rest is held out
NUMERALS = re.compile(r"[0-9０-９]+|[〇零一二两三四五六七八九十百千万亿]+")
BLOCK = 4 << 20
TINY = "全国共有１２３万人参加，比上年增长8.5%。\n"
# The issue's targets: the single-core speed-up on People's Daily over the revision
# before, -j 2 over -j 1 on the synthetic file, start-up seconds, peak RSS MB.
TARGETS = {"single core after/before": 1.6, "-j 2 / -j 1": 1.8, "start-up s": 0.06, "peak RSS MB": 150}


@dataclass
class Figs:
    """One figs to time: a label, the PYTHONPATH it runs with ('' for the installed one)."""

    label: str
    path: str = ""
    build: str = ""
    runs: dict = field(default_factory=dict)  # (input, jobs) -> best (seconds, cpu, records, rss)

    def env(self) -> dict:
        env = dict(os.environ)
        if self.path:
            env["PYTHONPATH"] = self.path + os.pathsep + env.get("PYTHONPATH", "") if env.get("PYTHONPATH") else self.path
        return env


def parse_size(s: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)B?", s.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {s}")
    return int(float(m.group(1)) * {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}[m.group(2)])


def make_synthetic(path: Path, size: int) -> None:
    """The example articles repeated until the file holds `size` bytes (whole articles)."""
    unit = "".join(p.read_text(encoding="utf-8").rstrip("\n") + "\n" for p in sorted((ROOT / "examples").glob("*.txt")))
    data = unit.encode("utf-8")
    with open(path, "wb") as f:
        written = 0
        while written < size:
            f.write(data)
            written += len(data)


def kept_lines(path: Path, out: Path) -> Path:
    """The first `KEPT` of the lines of `path`, written to `out`."""
    lines = path.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:int(len(lines) * KEPT)]))
    return out


def build(rev: str, folder: Path) -> Figs:
    """figs at git revision `rev` (`.`: the working tree), installed into `folder`
    as `pip install .` installs it; dependencies are this Python's."""
    source = ROOT
    if rev != ".":
        source = folder / "src"
        source.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=False)
        if archive.returncode:
            sys.exit(f"bench: git archive {rev}: {archive.stderr.decode(errors='replace').strip()}")
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev],
                             capture_output=True, text=True, check=True).stdout.strip()
    lib = folder / "lib"
    print(f"(building figs {rev} …)", flush=True)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
                           "--no-cache-dir", "--target", str(lib), str(source)], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"bench: building figs {rev} failed:\n{done.stderr}")
    shutil.rmtree(source / "build", ignore_errors=True)
    figs = Figs(label=rev if rev != "." else "working tree", path=str(lib))
    figs.build = which_build(figs)
    print(f"(built figs {rev} in {time.perf_counter() - t:.0f} s: {figs.build})", flush=True)
    return figs


def which_build(figs: Figs) -> str:
    code = "import figs.figures as f; print('compiled' if f.__file__.endswith(('.so', '.pyd')) else 'pure')"
    return subprocess.run([sys.executable, "-c", code], env=figs.env(), capture_output=True, text=True,
                          check=True, cwd=tempfile.gettempdir()).stdout.strip()


def regex_scan(path: Path) -> float:
    """Seconds to read, decode and find every digit or numeral run."""
    t = time.perf_counter()
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as f:
        while block := f.read(BLOCK):
            sum(1 for _ in NUMERALS.finditer(decoder.decode(block)))
    return time.perf_counter() - t


def run_figs(figs: Figs, path: Path, jobs: int) -> tuple[float, float, int, int]:
    """Seconds, CPU seconds (all processes), records and peak RSS (bytes, the
    largest process) of one figs run."""
    cmd = [sys.executable, "-m", "figs", "extract", str(path), "-f", "jsonl", "-j", str(jobs)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=figs.env(),
                            cwd=tempfile.gettempdir())
    records = 0
    assert proc.stdout is not None
    while chunk := proc.stdout.read(1 << 20):
        records += chunk.count(b"\n")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 2):  # 2: some input could not be read (it says which on stderr)
        sys.exit(f"figs failed: {' '.join(cmd)}")
    return seconds, usage.ru_utime + usage.ru_stime, records, usage.ru_maxrss * 1024


def busy_cores(seconds: float = 0.5) -> float:
    """How many cores other programs keep busy, from /proc/stat over `seconds`."""
    def sample():
        fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields) - idle, sum(fields)
    if not os.path.exists("/proc/stat"):
        return 0.0
    b0, t0 = sample()
    time.sleep(seconds)
    b1, t1 = sample()
    return (os.cpu_count() or 1) * (b1 - b0) / max(t1 - t0, 1)


def wait_quiet(limit: float, patience: float) -> float:
    """Wait (at most `patience` seconds) until other programs use under `limit`
    cores; the load seen last."""
    deadline = time.monotonic() + patience
    while (busy := busy_cores()) > limit and time.monotonic() < deadline:
        pass
    return busy


def machine() -> str:
    model = platform.processor()
    if os.path.exists("/proc/cpuinfo"):
        model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                      if line.startswith("model name")), model)
    return f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


# What any start-up of figs pays before figs' own work: Python itself, and the
# imports of the libraries figs is built on.
FLOOR = {"python -c pass": "pass", "import click": "import click", "import click, regex": "import click, regex"}


def startup(everyone: list[Figs], tiny: Path, runs: int) -> dict[str, float]:
    """The fastest of `runs` start-ups (`figs extract` on one line) of each figs, taken in
    turn with the floor (`FLOOR`: this Python running nothing, importing click, …)."""
    best = {f.label: float("inf") for f in everyone} | {label: float("inf") for label in FLOOR}
    for _ in range(runs):
        for f in everyone:
            best[f.label] = min(best[f.label], run_figs(f, tiny, 1)[0])
        for label, code in FLOOR.items():
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=tempfile.gettempdir())
            best[label] = min(best[label], time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", metavar="REV", action="append", default=[],
                    help="also time figs at this git revision (`.`: the working tree); repeatable, "
                         "the first is the one compared with")
    ap.add_argument("--after", metavar="REV", help="time figs at this revision or `.` [default: the figs this Python imports]")
    ap.add_argument("--size", type=parse_size, default=parse_size("50M"), help="synthetic file size [50M]")
    ap.add_argument("--jobs", default="1,2", help="the -j values to run [1,2]")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each timing; the fastest is kept [3]")
    ap.add_argument("--startup", type=int, default=10, metavar="N", help="start-up runs; the fastest is kept [10]")
    ap.add_argument("--limit", type=float, default=0.3, help="wait while other programs use more cores than this [0.3]")
    ap.add_argument("--patience", type=float, default=15, help="… but at most this many seconds a timing [15]")
    ap.add_argument("--no-corpus", action="store_true", help="skip People's Daily")
    ap.add_argument("--no-synthetic", action="store_true", help="skip the synthetic file")
    args = ap.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]

    with tempfile.TemporaryDirectory(prefix="figs-bench-") as tmp_name:
        tmp = Path(tmp_name)
        after = build(args.after, tmp / "after") if args.after else Figs("installed")
        if not args.after:
            after.build = which_build(after)
        everyone = [build(rev, tmp / f"before-{i}") for i, rev in enumerate(args.before)] + [after]
        inputs = []
        if CORPUS and not args.no_corpus:
            inputs.append(("People's Daily 1998-01 (90 %)", kept_lines(CORPUS, tmp / "pd.txt")))
        if not args.no_synthetic:
            make_synthetic(tmp / "synthetic.txt", args.size)
            inputs.append((f"examples × {args.size / (1 << 20):,.0f} MiB", tmp / "synthetic.txt"))
        (tmp / "tiny.txt").write_text(TINY, encoding="utf-8")

        print(machine())
        print("figs: " + ", ".join(f"{f.label} ({f.build})" for f in everyone), flush=True)
        header = ["| input | figs | run | MB | s | CPU s | MB/s | figures/s | of regex scan | -j speed-up | after/before | peak RSS MB |",
                  "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
        rows = []
        print("\n".join(header), flush=True)
        for name, path in inputs:
            mb = path.stat().st_size / 1e6
            wait_quiet(args.limit, args.patience)
            scan = mb / min(regex_scan(path) for _ in range(args.repeat))
            rows.append(f"| {name} | | regex scan | {mb:,.1f} | {mb / scan:,.2f} | | {scan:,.1f} | | 1 | | | |")
            print(rows[-1], flush=True)
            for j in jobs:
                for _ in range(args.repeat):
                    for f in everyone:  # alternately, so that a busy moment hits both
                        busy = wait_quiet(args.limit, args.patience)
                        run = run_figs(f, path, j)
                        best = f.runs.get((name, j))
                        if best is None or run[0] < best[0]:
                            f.runs[(name, j)] = run
                        if busy > args.limit:
                            print(f"(other programs kept {busy:.1f} cores busy before a run)", flush=True)
                for f in everyone:
                    s, cpu, n, rss = f.runs[(name, j)]
                    speed = mb / s
                    one = f.runs.get((name, jobs[0]), (s,))[0]
                    ratio = ""
                    if f is after and len(everyone) > 1:
                        ratio = f"{everyone[0].runs[(name, j)][0] / s:.2f}×"
                    rows.append(f"| {name} | {f.label} | figs -j {j} | {mb:,.1f} | {s:,.2f} | {cpu:,.2f} | {speed:,.2f} | "
                                f"{n / s:,.0f} | 1/{scan / speed:,.1f} | {one / s:.2f}× | {ratio} | {rss / 1e6:,.0f} |")
                    print(rows[-1], flush=True)
        wait_quiet(args.limit, args.patience)
        starts = startup(everyone, tmp / "tiny.txt", args.startup)
        lines = [f"start-up (figs extract on one line, fastest of {args.startup}): "
                 + ", ".join(f"{f.label} {starts[f.label]:.3f} s" for f in everyone),
                 "start-up floor (the same Python, fastest of the same runs): "
                 + ", ".join(f"{label} {starts[label]:.3f} s" for label in FLOOR)]
        lines += targets(everyone, after, inputs, jobs, starts)
        print("\n" + "\n".join(header + rows + [""] + lines))


def targets(everyone: list[Figs], after: Figs, inputs, jobs: list[int], starts: dict[str, float]) -> list[str]:
    """The issue's targets, each with what this run measured."""
    out = ["", "| target | wanted | measured | |", "|---|--:|--:|---|"]

    def line(what: str, measured: float | None, at_least: bool) -> None:
        wanted = TARGETS[what]
        if measured is None:
            out.append(f"| {what} | {'≥' if at_least else '≤'} {wanted} | not measured | |")
            return
        met = measured >= wanted if at_least else measured <= wanted
        out.append(f"| {what} | {'≥' if at_least else '≤'} {wanted} | {measured:.2f} | {'met' if met else 'NOT met'} |")

    pd = next((name for name, _ in inputs if name.startswith("People")), None)
    synthetic = next((name for name, _ in inputs if name.startswith("examples")), None)
    single = None
    if len(everyone) > 1 and pd and 1 in jobs:
        single = everyone[0].runs[(pd, 1)][0] / after.runs[(pd, 1)][0]
    line("single core after/before", single, True)
    parallel = None
    if synthetic and 1 in jobs and 2 in jobs:
        parallel = after.runs[(synthetic, 1)][0] / after.runs[(synthetic, 2)][0]
    line("-j 2 / -j 1", parallel, True)
    line("start-up s", starts[after.label], False)
    line("peak RSS MB", max((r[3] for r in after.runs.values()), default=0) / 1e6, False)
    return out


if __name__ == "__main__":
    main()
