"""-j N gives the output of -j 1, byte for byte, in the same order; corpora in JSON Lines."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import figs
from figs import parallel, stream
from figs.cli import main
from figs.parallel import Options, default_jobs, extract_all, work
from figs.stream import Piece



def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figs", "extract", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def examples_dir(tmp_path_factory, examples_text):
    """The examples as several files, one of them long enough to be cut into pieces."""
    d = tmp_path_factory.mktemp("ex")
    (d / "a.txt").write_text(examples_text * 3, encoding="utf-8")
    (d / "b.txt").write_text(examples_text[:2000], encoding="utf-8")
    (d / "c.txt").write_text("", encoding="utf-8")
    return d


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_jobs_2_equals_jobs_1(examples_dir, fmt):
    one = run(str(examples_dir), "-j", "1", "-f", fmt)
    two = run(str(examples_dir), "-j", "2", "-f", fmt)
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout.count("\n") > 1000
    assert two.stdout == one.stdout


def test_small_pieces_on_two_processes_equal_whole_files(examples_dir):
    """Many pieces per file and many batches in flight: same records, same order."""
    paths = (str(examples_dir),)
    options = Options(fmt="jsonl")
    pieces = "".join(r.rows for r in extract_all(work(paths, chunk_chars=300, batch_chars=1000), options, jobs=2))
    whole = "".join(
        json.dumps(f.to_dict(), ensure_ascii=False) + "\n"
        for p in sorted(examples_dir.glob("*.txt"))
        for f in figs.extract(p.read_text(encoding="utf-8"), source=str(p)))
    assert pieces == whole


def test_people_daily_jobs_2_equals_jobs_1(corpus_file):
    path = str(corpus_file("people-daily-1998-01.txt"))
    one = run(path, "-j", "1", "-f", "jsonl")
    two = run(path, "-j", "2", "-f", "jsonl")
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert one.stdout.count("\n") > 15000


def test_work_is_pulled_lazily():
    """Only a few batches are handed out ahead of the output: memory stays flat."""
    pulled = []

    def items():
        for i in range(50):
            pulled.append(i)
            yield Piece(f"s{i}", "员工1150余人。")

    results = extract_all(items(), Options(), jobs=2, in_flight=3)
    first = next(results)
    assert first.source == "s0" and len(pulled) <= 5
    assert [r.source for r in results] == [f"s{i}" for i in range(1, 50)]


def test_default_jobs(tmp_path):
    small = tmp_path / "a.txt"
    small.write_text("员工15人。", encoding="utf-8")
    assert default_jobs([str(small)]) == 1
    assert default_jobs([str(small), str(small)]) == parallel.cpu_count()
    assert default_jobs(["-"]) == 1


def test_an_extractor_failure_costs_only_its_paragraph(monkeypatch):
    real = stream.extract

    def flaky(text, **kw):
        if "坏" in text:
            raise KeyError("坏")
        return real(text, **kw)

    monkeypatch.setattr(stream, "extract", flaky)
    text = "员工15人。\n坏了3个。\n配送网点15个。\n"
    results = list(extract_all([Piece("doc", text)], Options()))
    errors = [r.error for r in results if r.error]
    rows = [row for r in results for row in r.rows]
    assert [str(e) for e in errors] == ["doc: line 2: the extractor failed here (KeyError: '坏'); please report it"]
    assert [(row["text"], row["line"], row["start"]) for row in rows] == [("15人", 1, 2), ("15个", 3, 17)]


# --- JSON Lines corpora --------------------------------------------------------


def test_jsonl_corpus(tmp_path):
    docs = [{"id": "a", "body": "现有员工1150余人。"}, {"id": "b", "body": ["配送网点15个。", "月单量突破百万。"]}]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--jsonl-field", "body", "--id-field", "id",
                                       "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in result.stdout.splitlines()]
    expected = [f.to_dict() for f in figs.extract(docs[0]["body"], source="a")] + \
               [f.to_dict() for f in figs.extract("\n".join(docs[1]["body"]), source="b")]
    assert got == expected
    assert [(g["source"], g["line"], g["text"]) for g in got] == [("a", 1, "1150余人"), ("b", 1, "15个"), ("b", 2, "突破百万")]

    named = CliRunner().invoke(main, ["extract", str(path), "--jsonl-field", "body", "-f", "csv"])
    assert [row.split(",")[0] for row in named.stdout.splitlines()[1:]] == [f"{path}:1", f"{path}:2", f"{path}:2"]


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "员工15人。"}\nnot json\n{"title": "x"}\n{"text": "网点15个。"}\n', encoding="utf-8")
    result = run(str(path), "--jsonl-field", "text", "-f", "csv")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"figs: {path}: line 2: not valid JSON (Expecting value)",
                                          f"figs: {path}: line 3: no field 'text'"]
    assert [r.split(",")[0] for r in result.stdout.splitlines()[1:]] == [f"{path}:1", f"{path}:4"]


def test_jsonl_dxy_corpus_in_parallel(corpus_file):
    path = str(corpus_file("dxy-covid-news-2020.jsonl"))
    one = run(path, "--jsonl-field", "summary", "--id-field", "id", "-f", "jsonl", "-j", "1")
    two = run(path, "--jsonl-field", "summary", "--id-field", "id", "-f", "jsonl", "-j", "2")
    assert one.returncode == 0, one.stderr
    assert two.stdout == one.stdout and one.stdout.count("\n") > 1000


def test_id_field_needs_jsonl_field():
    result = CliRunner().invoke(main, ["extract", "--id-field", "id"])
    assert result.exit_code == 2 and "--id-field needs --jsonl-field" in result.output


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_with_a_closed_pipe(tmp_path, examples_text):
    """figs … -j 2 | head: the main process dies of SIGPIPE; its workers must not linger."""
    import os
    import time

    big = tmp_path / "big-for-head.txt"
    big.write_text(examples_text * 40, encoding="utf-8")
    shell = f"{sys.executable} -m figs extract {big} -j 2 -f csv | head -n 2"
    out = subprocess.run(shell, shell=True, capture_output=True, text=True, timeout=60)
    assert len(out.stdout.splitlines()) == 2

    def lingering():
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if str(big).encode() in f.read():
                        found.append(pid)
            except OSError:
                pass
        return found

    deadline = time.monotonic() + 5
    while lingering() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert lingering() == []
