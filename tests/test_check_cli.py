"""figs check as a user meets it: real processes, files, pipes and a terminal."""
from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from figs.checks import FINDING_FIELDS
from test_check import CHANGES, PARTS

FIGS = [sys.executable, "-m", "figs"]
SHARES = "三类企业分别占45%、35%和25%。\n"
CLEAN = "三类企业分别占45%、35%和20%。\n"


def run(*args, stdin: bytes = b"", cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*FIGS, *args], input=stdin, capture_output=True, cwd=cwd, timeout=60)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "shares.txt").write_text(SHARES, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    # A figures file with claims, as figs extract writes them (JSON Lines).
    records = CHANGES["rate-wrong"][0] + PARTS["qizhong-over"][0]
    lines = [json.dumps({**f.to_dict(), "source": "claims.txt"}, ensure_ascii=False) for f in records]
    # The two hand-made articles each start at offset 0: put the second after the first.
    shifted = []
    for n, line in enumerate(lines):
        obj = json.loads(line)
        if n >= 3:
            obj["start"] += 1000
            obj["end"] += 1000
            obj["line"] += 10
        shifted.append(json.dumps(obj, ensure_ascii=False))
    (tmp_path / "claims.jsonl").write_text("\n".join(shifted) + "\n", encoding="utf-8")
    return tmp_path


def rows(out: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out.decode("utf-8"))))


def test_exit_status_like_diff(files):
    assert run("check", str(files / "clean.txt")).returncode == 0
    assert run("check", str(files / "shares.txt")).returncode == 1
    missing = run("check", str(files / "clean.txt"), str(files / "missing.txt"))
    assert missing.returncode == 2
    assert missing.stderr.decode().strip() == f"figs: {files / 'missing.txt'}: no such file"


def test_csv_in_a_pipe(files):
    p = run("check", str(files / "shares.txt"))
    assert p.stdout.decode().splitlines()[0] == ",".join(FINDING_FIELDS)
    (row,) = rows(p.stdout)
    assert row["check"] == "shares_exceed_100" and row["texts"] == "45%; 35%; 25%"
    assert (row["stated"], row["computed"], row["off"], row["unit"]) == ("100", "105", "5", "%")
    assert row["cites"] == "1:8; 1:12; 1:16" and row["sentence"] == SHARES.strip()


def test_figures_file_with_claims(files):
    """Every kind that needs claim fields, read back from a figures file."""
    p = run("check", str(files / "claims.jsonl"), "-f", "jsonl")
    assert p.returncode == 1, p.stderr
    found = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [f["check"] for f in found] == ["rate_mismatch", "parts_exceed_total"]
    assert (found[0]["stated"], found[0]["computed"]) == (30, 25)
    assert [f["text"] for f in found[0]["figures"]] == ["30%", "120万元", "150万元"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv", "json"])
def test_figures_on_standard_input(files, fmt):
    """figs extract … | figs check: standard input is a figures file when it begins as one."""
    figures = run("extract", "shares.txt", "-f", fmt, cwd=files).stdout
    p = run("check", stdin=figures)
    assert p.returncode == 1, p.stderr
    (row,) = rows(p.stdout)
    assert row["source"] == "shares.txt" and row["check"] == "shares_exceed_100"


def test_article_on_standard_input(files):
    p = run("check", "--label", "story.txt", stdin=SHARES.encode())
    assert p.returncode == 1
    assert rows(p.stdout)[0]["source"] == "story.txt"


def test_quiet_and_only_some_checks(files):
    quiet = run("check", "-q", str(files / "shares.txt"))
    assert (quiet.returncode, quiet.stdout) == (1, b"")
    other = run("check", "--check", "rate_mismatch", str(files / "shares.txt"))
    assert other.returncode == 0 and len(rows(other.stdout)) == 0


def test_output_file_only_when_the_run_succeeds(files):
    out = files / "findings.csv"
    p = run("check", str(files / "shares.txt"), str(files / "missing.txt"), "-o", str(out))
    assert p.returncode == 2 and not out.exists()
    p = run("check", str(files / "shares.txt"), "-o", str(out))
    assert p.returncode == 1 and rows(out.read_bytes())[0]["check"] == "shares_exceed_100"


def test_not_a_figures_file(files):
    (files / "bad.jsonl").write_text('{"source": "a"}\n', encoding="utf-8")
    p = run("check", str(files / "bad.jsonl"))
    assert p.returncode == 2
    assert p.stderr.decode().strip() == f"figs: {files / 'bad.jsonl'}: line 1: record has no 'line'"
    assert "Traceback" not in p.stderr.decode()


def test_table_on_a_terminal(files):
    """On a terminal: a table, the figures side by side with the computation."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["COLUMNS"] = "120"
        os.execv(sys.executable, [*FIGS, "check", str(files / "claims.jsonl")])
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    screen = re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode("utf-8"))
    assert os.waitstatus_to_exitcode(status) == 1
    assert "┃ check" in screen and "computation" in screen
    assert "rate_mismatch" in screen and "30% 1:23" in screen and "120万元 1:7" in screen
    assert "= +25%; the text says 30%" in screen


README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _readme_example() -> tuple[str, str]:
    """The worked example of the README: the draft and the CSV it says figs check prints."""
    section = README.split("## For fact-checkers")[1]
    draft = section.split("A reporter's draft says:")[1].split("```")[1].strip()
    csv_text = section.split("finds two things to ask about:")[1].split("```")[1].strip()
    return draft, csv_text


@pytest.mark.xfail(strict=True, reason="the from/to pair and the measure of 增长30% need the claim fields")
def test_readme_worked_example(tmp_path):
    draft, expected = _readme_example()
    (tmp_path / "draft.txt").write_text(draft + "\n", encoding="utf-8")
    p = run("check", "draft.txt", "-f", "csv", cwd=tmp_path)
    assert p.stdout.decode("utf-8").strip() == expected
