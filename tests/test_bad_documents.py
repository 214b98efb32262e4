"""One bad document in a corpus costs only itself: one line on stderr naming the file
and the line, every other document read, exit status 2, and output that stays valid
UTF-8 whatever the bytes of a file's name."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

import figs

GOOD = "员工1150余人。"


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "figs", "extract", *map(str, args)], capture_output=True, cwd=cwd)


# name: (the bad JSON line, what the message says)
BAD_LINES = {
    "escaped lone surrogate": ('{"id": "b", "text": "员工\\ud800共15人。"}', "field 'text' holds an escaped lone surrogate (\\ud800), which is not a character"),
    "escaped lone low surrogate in the id": ('{"id": "a\\udc00", "text": "共15人。"}', "field 'id' holds an escaped lone surrogate (\\udc00), which is not a character"),
    "100k opening brackets (RecursionError)": ("[" * 100_000, "not valid JSON: nested too deeply to read"),
    "100k brackets, closed": ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply to read"),
    "unterminated string (a message cut off)": ('{"text": "员工', "not valid JSON: unterminated string starting at column 10"),
    "bytes not UTF-8": (b'{"text": "\xff"}'.decode("latin-1"), "not valid UTF-8 (byte 10 of the line)"),
}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("bad", BAD_LINES, ids=list(BAD_LINES))
def test_a_bad_json_line_costs_only_itself(tmp_path, bad, jobs):
    line, message = BAD_LINES[bad]
    path = tmp_path / "news.jsonl"
    docs = [{"id": "a", "text": GOOD}, {"id": "c", "text": "配送网点15个。"}]
    data = [json.dumps(docs[0], ensure_ascii=False), line, json.dumps(docs[1], ensure_ascii=False)]
    path.write_bytes("\n".join(data).encode("utf-8") if "UTF-8" not in bad else
                     b"\n".join(d.encode("utf-8") if i != 1 else d.encode("latin-1") for i, d in enumerate(data)))
    done = run(path, "--jsonl-field", "text", "--id-field", "id", "-f", "jsonl", "-j", jobs)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().splitlines() == [f"figs: {path}: line 2: {message}"]
    assert [r["source"] for r in map(json.loads, done.stdout.decode().splitlines())] == ["a", "c"]


@pytest.fixture
def odd_names(tmp_path):
    """A folder whose middle file's name holds a byte that is not UTF-8."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (b"a.txt", b"b\xff\xe9.txt", b"c.txt"):
        with open(os.path.join(os.fsencode(folder), name), "wb") as f:
            f.write(GOOD.encode("utf-8"))
    return folder


@pytest.mark.skipif(sys.platform == "darwin" or os.name != "posix", reason="needs a file system that takes any bytes")
@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "json", "markdown", "sqlite"])
def test_a_file_name_that_is_not_utf8_is_written_with_escapes(odd_names, tmp_path, fmt):
    escaped = f"{odd_names}/b\\xff\\xe9.txt"
    args = ["-o", tmp_path / "out.db"] if fmt == "sqlite" else []
    done = run(odd_names, "-f", fmt, *args)
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").splitlines() == [
        f"figs: {escaped}: the file name is not valid UTF-8: its records name it with \\xNN escapes"]
    out = done.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    if fmt == "sqlite":
        with sqlite3.connect(tmp_path / "out.db") as db:
            sources = [s for (s,) in db.execute("SELECT source FROM figures ORDER BY rowid")]
    elif fmt in ("csv", "tsv"):
        sources = [line.split("," if fmt == "csv" else "\t")[0] for line in out.splitlines()[1:]]
    elif fmt == "jsonl":
        sources = [json.loads(line)["source"] for line in out.splitlines()]
    elif fmt == "json":
        sources = [r["source"] for r in json.loads(out)]
    else:
        sources = [cell.strip() for line in out.splitlines()[2:] for cell in line.split("|")[1:2]]
    assert sources == [f"{odd_names}/a.txt", escaped, f"{odd_names}/c.txt"]


def test_the_library_names_such_files_the_same_way(odd_names):
    from figs.inputs import documents

    names = [d.source for d in documents((str(odd_names),))]
    assert names == [f"{odd_names}/a.txt", f"{odd_names}/b\\xff\\xe9.txt", f"{odd_names}/c.txt"]
    assert figs  # the package imports
