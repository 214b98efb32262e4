"""Bad inputs on the command line: one line on stderr each, the rest still read,
exit status 2 at the end; -o never leaves a partial file; pipes and Ctrl-C quiet."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from figs.cli import main
from figs.errors import ExitStatus

from badinputs import CASES, TEXT

FIGS = [sys.executable, "-m", "figs"]


def run(*args, input=None):
    return CliRunner().invoke(main, ["extract", *map(str, args)], input=input)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def without_source(recs):
    return [{k: v for k, v in r.items() if k != "source"} for r in recs]


@pytest.fixture(scope="module")
def twin(bad_dir):
    """The records of the plain UTF-8 file, which every other encoding must match."""
    result = run(bad_dir / "utf8.txt", "-f", "jsonl")
    assert result.exit_code == 0
    recs = records(result.stdout)
    assert len(recs) >= 8
    return without_source(recs)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_bad_input_alone(bad_dir, twin, case):
    result = run(bad_dir / case.name, "-f", "jsonl")
    if case.outcome == "same":
        assert result.exit_code == ExitStatus.OK, result.stderr
        assert result.stderr == ""
        assert without_source(records(result.stdout)) == twin
    elif case.outcome == "none":
        assert (result.exit_code, result.stdout, result.stderr) == (ExitStatus.OK, "", "")
    else:
        assert result.exit_code == ExitStatus.TROUBLE
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"figs: {bad_dir / case.name}: ")
        assert case.message in lines[0]


def test_offsets_are_those_of_the_decoded_text(bad_dir):
    """Line, col, start and end agree whatever the encoding and line endings."""
    for case in (c for c in CASES if c.outcome == "same"):
        for r in records(run(bad_dir / case.name, "-f", "jsonl").stdout):
            assert TEXT[r["start"]:r["end"]] == r["text"]
            line_start = sum(len(l) + 1 for l in TEXT.split("\n")[: r["line"] - 1])
            assert line_start + r["col"] - 1 == r["start"]


def test_all_bad_inputs_together(bad_dir, twin, tmp_path):
    """Every input is tried; each failure is one line; the status is 2 at the end."""
    empty_dir = tmp_path / "no-text-here"
    empty_dir.mkdir()
    paths = [bad_dir / c.name for c in CASES] + [tmp_path / "missing.txt", empty_dir]
    result = run(*paths, "-f", "jsonl")
    assert result.exit_code == ExitStatus.TROUBLE
    failures = [c for c in CASES if c.outcome == "error"]
    lines = result.stderr.splitlines()
    assert len(lines) == len(failures) + 2
    assert f"figs: {tmp_path / 'missing.txt'}: no such file" in lines
    assert f"figs: {empty_dir}: no .txt files in this directory" in lines
    good = [c for c in CASES if c.outcome == "same"]
    assert len(records(result.stdout)) == len(good) * len(twin)
    assert "Traceback" not in result.output


def test_a_directory_of_inputs_keeps_going(bad_dir):
    result = run(bad_dir, "-f", "csv")
    assert result.exit_code == ExitStatus.TROUBLE
    assert len(result.stderr.splitlines()) == sum(c.outcome == "error" for c in CASES)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    result = run(locked, tmp_path / "none.txt")
    assert result.exit_code == ExitStatus.TROUBLE
    assert f"figs: {locked}: permission denied" in result.stderr.splitlines()


def test_permission_denied_even_as_root(tmp_path, monkeypatch):
    """Running as root, a file is never unreadable: pretend, where figs opens it."""
    import builtins

    from figs import inputs

    real_open = builtins.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(inputs, "open", deny, raising=False)
    result = run(tmp_path / "locked.txt", good, "-f", "jsonl")
    assert result.exit_code == ExitStatus.TROUBLE
    assert result.stderr == f"figs: {tmp_path / 'locked.txt'}: permission denied\n"
    assert records(result.stdout)


def test_encoding_errors_replace_warns_and_goes_on(bad_dir, twin):
    result = run(bad_dir / "broken-utf8.txt", "--encoding-errors", "replace", "-f", "jsonl")
    assert result.exit_code == ExitStatus.OK
    assert result.stderr.startswith(f"figs: {bad_dir / 'broken-utf8.txt'}: warning: 1 byte not valid UTF-8")
    recs = without_source(records(result.stdout))
    # One character more before every figure (the U+FFFD): same figures, shifted by one.
    assert [r["text"] for r in recs] == [r["text"] for r in twin]
    assert all(r["start"] == t["start"] + 1 for r, t in zip(recs, twin) if t["line"] == 1)


def test_encoding_given(bad_dir, twin):
    result = run(bad_dir / "gbk.txt", "--encoding", "gbk", "-f", "jsonl")
    assert result.exit_code == 0 and without_source(records(result.stdout)) == twin
    result = run(bad_dir / "gbk.txt", "--encoding", "utf-8")
    assert result.exit_code == ExitStatus.TROUBLE and "not valid UTF-8" in result.stderr
    result = run(bad_dir / "gbk.txt", "--encoding", "no-such-codec")
    assert result.exit_code == 2 and "unknown encoding 'no-such-codec'" in result.stderr


def test_standard_input_in_gbk(twin):
    result = run("-", "--label", "a.txt", "-f", "jsonl", input=TEXT.encode("gbk"))
    assert result.exit_code == 0
    assert without_source(records(result.stdout)) == twin


# --- -o FILE ------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".figs-"))


def test_output_file_is_not_written_when_an_input_fails(bad_dir, tmp_path):
    out = tmp_path / "out.csv"
    result = run(bad_dir / "utf8.txt", bad_dir / "junk.txt", "-o", out)
    assert result.exit_code == ExitStatus.TROUBLE
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_output_file_is_kept_whole_when_an_input_fails(bad_dir, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("earlier run\n")
    result = run(bad_dir / "utf8.txt", tmp_path / "missing.txt", "-o", out)
    assert result.exit_code == ExitStatus.TROUBLE
    assert out.read_text() == "earlier run\n"
    assert leftovers(tmp_path) == []


def test_output_file_written_on_success(bad_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run(bad_dir / "gbk.txt", "-f", "jsonl", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) >= 8
    assert leftovers(tmp_path) == []


def test_output_in_a_missing_directory(bad_dir, tmp_path):
    result = run(bad_dir / "utf8.txt", "-o", tmp_path / "nope" / "out.csv")
    assert result.exit_code == ExitStatus.TROUBLE
    assert result.stderr.startswith(f"figs: {tmp_path / 'nope' / 'out.csv'}: cannot write here")
    assert "Traceback" not in result.output


# --- pipes and signals (real processes) ----------------------------------------


def test_a_closed_pipe_ends_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("现有员工1150余人，配送网点15个，客单价超过3000元。\n" * 20000, encoding="utf-8")
    proc = subprocess.Popen([*FIGS, "extract", str(big), "-f", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # as head does after its lines
    _, err = proc.communicate(timeout=60)
    assert json.loads(first)["text"] == "1150余人"
    assert err == b""
    assert proc.returncode in (0, -signal.SIGPIPE)


def test_a_shell_pipe_into_head(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("配送网点15个。\n" * 50000, encoding="utf-8")
    cmd = f"{sys.executable} -m figs extract {big} -f csv | head -n 2"
    done = subprocess.run(["sh", "-c", cmd], capture_output=True, timeout=60)
    assert done.stdout.decode().splitlines()[1].startswith(f"{big},1,5,")
    assert done.stderr == b""


def _interrupted(args, tmp_path) -> subprocess.CompletedProcess:
    """Start figs reading a standard input that never ends, then press Ctrl-C."""
    proc = subprocess.Popen([*FIGS, "extract", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    proc.stdin.write(TEXT.encode("utf-8"))
    proc.stdin.flush()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not _reading_stdin(proc.pid):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    proc.stdin.close()
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def _reading_stdin(pid: int) -> bool:
    """True once the process waits in read(2) (Linux); else after a second."""
    try:
        with open(f"/proc/{pid}/wchan") as f:
            return "pipe" in f.read()
    except OSError:
        time.sleep(1)
        return True


@pytest.mark.skipif(os.name != "posix", reason="SIGINT")
def test_ctrl_c_exits_130_without_traceback(tmp_path):
    done = _interrupted(["-f", "jsonl"], tmp_path)
    assert done.returncode == 130
    assert b"Traceback" not in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="SIGINT")
def test_ctrl_c_leaves_no_output_file(tmp_path):
    done = _interrupted(["-o", "out.csv"], tmp_path)
    assert done.returncode == 130
    assert b"Traceback" not in done.stderr
    assert not (tmp_path / "out.csv").exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl", "markdown"])
@pytest.mark.parametrize("bad", ["missing.txt", "empty-dir"])
def test_a_run_whose_every_input_failed_writes_nothing(tmp_path, fmt, bad):
    """A pipe gets no header-only "table" from a run that read nothing: stdout stays
    empty, the one line on stderr says why, the status is 2."""
    (tmp_path / "empty-dir").mkdir()
    done = subprocess.run([sys.executable, "-m", "figs", "extract", bad, "-f", fmt],
                          cwd=tmp_path, capture_output=True, timeout=60)
    assert done.returncode == ExitStatus.TROUBLE
    assert done.stdout == b""
    assert len(done.stderr.decode().splitlines()) == 1


def test_an_input_without_figures_still_gets_the_header(tmp_path):
    (tmp_path / "none.txt").write_text("没有数字。", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "figs", "extract", "none.txt", "-f", "csv"],
                          cwd=tmp_path, capture_output=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("source,line,col")


def test_extract_on_prose_imports_none_of_the_other_commands_modules(tmp_path):
    # Start-up time: diff, check and JSON Lines input bring their own modules in.
    article = tmp_path / "a.txt"
    article.write_text("员工1150余人。\n", encoding="utf-8")
    probe = ("import sys\nfrom figs.cli import main\nsys.argv = ['figs', 'extract', sys.argv[1], '-f', 'csv']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m in {'figs.jsonl', 'figs.compare', 'figs.records', "
             "'figs.checks', 'figs.checkcli'}), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True, timeout=60)
    assert "1150" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"
