"""What figs writes, tested as a user meets it: real processes, real files, symlinks,
hard links, FIFOs, signals, a full disk, a terminal on stderr (a pty).

Each test is named by the promise it keeps: the data reaches standard output, every
format holds the exact value, `-o` ends up where the user meant, a killed run leaves
nothing behind, a write error is one line.
"""
from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import sqlite3
import stat
import struct
import subprocess
import sys
import termios
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest

import figs
from figs.errors import OutputError
from figs.records import load
from figs.sink import write_sqlite

from conftest import EXAMPLES

FIGS = [sys.executable, "-m", "figs"]


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("timeout", 120)
    return subprocess.run([*FIGS, *map(str, args)], **kwargs)


def one_line(stderr: bytes | str) -> str:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("figs: ") and "Traceback" not in text, text
    return lines[0]


# --- item 0: the data goes to standard output, the progress bar lives on stderr ---

def run_with_terminal_stderr(args, stdout) -> tuple[int, bytes]:
    """Run figs with a pty as its stderr (rich shows its progress bar) and `stdout`."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([*FIGS, *map(str, args)], stdout=stdout, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = b""
    while True:  # read the terminal, or the child blocks on a full pty
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=120), seen


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_progress_on_a_terminal_leaves_stdout_to_the_data(tmp_path, fmt):
    expected = run("extract", *EXAMPLES, "-f", fmt).stdout
    assert expected.count(b"\n") > 150
    out = tmp_path / f"out.{fmt}"
    with open(out, "wb") as stdout:
        status, terminal = run_with_terminal_stderr(["extract", *EXAMPLES, "-f", fmt], stdout)
    assert status == 0
    assert b"figures" in terminal                 # the bar was shown, on stderr
    assert out.read_bytes() == expected           # and every row went to stdout
    assert b'"source"' not in terminal and b"sentence" not in terminal


def test_progress_on_a_terminal_with_a_pipe(tmp_path):
    expected = run("extract", *EXAMPLES, "-f", "csv").stdout
    master, slave = pty.openpty()
    proc = subprocess.Popen([*FIGS, "extract", *map(str, EXAMPLES), "-f", "csv"],
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    drained = threading.Thread(target=lambda: _drain(master), daemon=True)
    drained.start()
    data = proc.stdout.read()
    assert proc.wait(timeout=120) == 0
    assert data == expected


def _drain(fd):
    try:
        while os.read(fd, 1 << 16):
            pass
    except OSError:
        pass


# --- item 1: every format holds the exact value --------------------------------

EXACT = "三分之一的人，98765432109.87元，0.0000005元，1234567890123.456789元，共15人。\n"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "markdown", "table", "json", "jsonl"])
def test_every_format_writes_the_exact_decimal(tmp_path, fmt):
    src = tmp_path / "a.txt"
    src.write_text(EXACT, encoding="utf-8")
    text = run("extract", src, "-f", fmt, env={**os.environ, "COLUMNS": "300"}).stdout.decode()
    for digits in ("0.333333333333", "98765432109.87", "0.0000005", "1234567890123.456789"):
        assert digits in text.replace("\n", "").replace("│", "").replace(" ", ""), (digits, text)
    assert "e-" not in text.lower() and "0.333333," not in text and "98765432109.869" not in text


def test_json_numbers_past_17_digits_do_not_drift(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(EXACT, encoding="utf-8")
    rows = [json.loads(line, parse_float=Decimal) for line in run("extract", src, "-f", "jsonl").stdout.splitlines()]
    assert Decimal("1234567890123.456789") in [r["value"] for r in rows]
    assert [Decimal(str(r["value"])) for r in rows] == [f.value for f in figs.extract(EXACT, source=str(src))]


def diff_against_itself(article: Path, tmp_path: Path, fmt: str) -> subprocess.CompletedProcess:
    table = tmp_path / f"{article.stem}.{fmt}"
    assert run("extract", article, "-f", fmt, "-o", table).returncode == 0
    return run("diff", table, article, "-f", "csv")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
@pytest.mark.parametrize("article", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_an_article_against_its_own_figures_file_reports_nothing(tmp_path, article, fmt):
    result = diff_against_itself(article, tmp_path, fmt)
    assert result.returncode == 0, result.stdout.decode()[:2000]
    assert result.stdout.decode().count("\n") == 1  # the header only


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_the_exact_values_against_their_own_figures_file(tmp_path, fmt):
    src = tmp_path / "a.txt"
    src.write_text(EXACT + "=1+2名员工有-3.5%，@某人15个。\n", encoding="utf-8")
    result = diff_against_itself(src, tmp_path, fmt)
    assert result.returncode == 0, result.stdout.decode()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_corpus_chunk_against_its_own_figures_file(tmp_path, corpus_file, fmt):
    """3000 lines of People's Daily (full-width digits, from the start of the file)."""
    with open(corpus_file("people-daily-1998-01.txt"), encoding="utf-8") as f:
        chunk = "".join(line for _, line in zip(range(3000), f))
    article = tmp_path / "pd.txt"
    article.write_text(chunk, encoding="utf-8")
    result = diff_against_itself(article, tmp_path, fmt)
    assert result.returncode == 0, result.stdout.decode()[:2000]


# --- item 2: -o ends up where the user meant ------------------------------------

ARTICLE = EXAMPLES[0]


def test_o_through_a_symlink_writes_its_target(tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert run("extract", ARTICLE, "-o", link).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("source,line")


def test_o_through_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "new.csv")
    assert run("extract", ARTICLE, "-o", link).returncode == 0
    assert link.is_symlink() and (tmp_path / "new.csv").read_text(encoding="utf-8").startswith("source")


def test_o_on_a_hard_link_keeps_the_inode(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("old\n")
    os.link(a, b)
    inode = a.stat().st_ino
    assert run("extract", ARTICLE, "-o", b).returncode == 0
    assert b.stat().st_ino == inode and a.stat().st_nlink == 2
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
    assert a.read_text(encoding="utf-8").startswith("source,line")


def _article_and_its_names(tmp_path: Path) -> tuple[Path, bytes, dict[str, Path]]:
    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLE.read_bytes())
    link, hard = tmp_path / "link.txt", tmp_path / "hard.txt"
    link.symlink_to(article)
    os.link(article, hard)
    return article, article.read_bytes(), {"itself": article, "symlink": link, "hard-link": hard}


@pytest.mark.parametrize("name", ["itself", "symlink", "hard-link"])
@pytest.mark.parametrize("command", [["extract", "{a}"], ["extract", "-f", "sqlite", "{a}"], ["extract", "{dir}"],
                                     ["diff", "{a}", ARTICLE], ["check", "{a}"]],
                         ids=["extract", "sqlite", "directory", "diff", "check"])
def test_o_onto_an_input_is_refused_and_the_input_kept(tmp_path, command, name):
    article, before, names = _article_and_its_names(tmp_path)
    args = [str(c).format(a=article, dir=tmp_path) for c in command]
    result = run(*args, "-o", names[name])
    assert result.returncode == 2
    assert "is an input of this run" in one_line(result.stderr)
    assert article.read_bytes() == before


def test_o_onto_the_file_stdin_reads_is_refused(tmp_path):
    article, before, _ = _article_and_its_names(tmp_path)
    with open(article, "rb") as stdin:
        result = run("extract", "-o", article, stdin=stdin)
    assert result.returncode == 2
    assert "is standard input of this run" in one_line(result.stderr)
    assert article.read_bytes() == before


def test_o_on_a_fifo_writes_into_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    result = run("extract", ARTICLE, "-o", fifo)
    reader.join(60)
    assert result.returncode == 0
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and got[0] == run("extract", ARTICLE, "-f", "csv").stdout
    assert not list(tmp_path.glob(".figs-*"))


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_o_on_a_device_writes_into_it(tmp_path):
    """As root, ``-o /dev/null`` once replaced /dev/null itself.  Tested on a null
    device made for the test, so that a regression cannot break the machine's."""
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert run("extract", ARTICLE, "-o", null).returncode == 0
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == os.makedev(1, 3)
    assert not list(tmp_path.glob(".figs-*"))


def test_a_new_file_gets_the_umask(tmp_path):
    out = tmp_path / "new.csv"
    result = subprocess.run(["sh", "-c", 'umask 022; exec "$@"', "sh", *FIGS, "extract", str(ARTICLE), "-o", str(out)],
                            capture_output=True, timeout=120)
    assert result.returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_an_existing_file_keeps_its_mode(tmp_path):
    out = tmp_path / "old.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    assert run("extract", ARTICLE, "-o", out).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_text(encoding="utf-8").startswith("source")


def test_a_failed_run_leaves_the_file_as_it_was(tmp_path):
    out = tmp_path / "old.csv"
    out.write_text("old\n")
    result = run("extract", ARTICLE, tmp_path / "missing.txt", "-o", out)
    assert result.returncode == 2
    assert out.read_text() == "old\n" and not list(tmp_path.glob(".figs-*"))


# Sends the signal to itself while Python imports the named module of figs: the moment
# a user's Ctrl-C lands in when it comes in the first tenth of a second.
SIGNAL_DURING_IMPORT = """
import importlib.abc, os, signal, sys
module, signum = sys.argv[1], int(sys.argv[2])

class Trip(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == module:
            os.kill(os.getpid(), signum)
        return None

sys.meta_path.insert(0, Trip())
from figs.cli import main
main(sys.argv[3:], prog_name="figs")
"""


@pytest.mark.parametrize("module", ["figs.codecache", "figs.figures", "figs.render", "click"])
@pytest.mark.parametrize("signum, status, word", [(signal.SIGINT, 130, "interrupted"),
                                                  (signal.SIGTERM, 143, "terminated")], ids=["INT", "TERM"])
def test_a_signal_while_figs_starts_is_one_line(tmp_path, module, signum, status, word):
    out = tmp_path / "out.csv"
    result = subprocess.run([sys.executable, "-c", SIGNAL_DURING_IMPORT, module, str(signum),
                             "extract", str(ARTICLE), "-o", str(out)], capture_output=True, timeout=120)
    assert result.returncode == status
    assert one_line(result.stderr) == f"figs: {word}"
    assert not out.exists() and not list(tmp_path.glob(".figs-*"))


# --- item 6: SIGTERM cleans up like SIGINT; a killed run's temp is removed --------

@pytest.fixture(scope="module")
def big_article(tmp_path_factory) -> Path:
    """About 12 MB of the examples: a run long enough to be killed in the middle."""
    text = "".join(p.read_text(encoding="utf-8") for p in EXAMPLES)
    path = tmp_path_factory.mktemp("big") / "big.txt"
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(12_000_000 // len(text.encode()) + 1):
            f.write(text)
    return path


def start_and_wait_for_temp(big_article: Path, out: Path) -> subprocess.Popen:
    proc = subprocess.Popen([*FIGS, "extract", str(big_article), "-j", "1", "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not [p for p in out.parent.glob(".figs-*.tmp") if p.stat().st_size > 0]:
        assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
        time.sleep(0.05)
    return proc


@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"])
def test_a_signal_removes_the_temp_and_keeps_the_file(tmp_path, big_article, signum, status):
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    proc = start_and_wait_for_temp(big_article, out)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == status
    one_line(stderr)
    assert out.read_text() == "old\n"
    assert not list(tmp_path.glob(".figs-*"))


def test_a_run_killed_with_9_leaves_a_temp_the_next_run_removes(tmp_path, big_article):
    out = tmp_path / "out.csv"
    proc = start_and_wait_for_temp(big_article, out)
    proc.kill()
    proc.wait(timeout=60)
    stale = list(tmp_path.glob(".figs-*.tmp"))
    assert len(stale) == 1 and not out.exists()
    other = tmp_path / "other.csv"
    assert run("extract", ARTICLE, "-o", other).returncode == 0
    assert not stale[0].exists() and other.exists()


def test_a_running_runs_temp_is_left_alone(tmp_path, big_article):
    out = tmp_path / "out.csv"
    proc = start_and_wait_for_temp(big_article, out)
    try:
        temp = next(tmp_path.glob(".figs-*.tmp"))
        assert run("extract", ARTICLE, "-o", tmp_path / "other.csv").returncode == 0
        assert temp.exists()
    finally:
        proc.kill()
        proc.wait(timeout=60)


# --- item 8: a full disk, a locked database, a number figs never wrote ------------

def test_a_full_stdout_is_one_line():
    with open("/dev/full", "w") as full:
        result = run("extract", ARTICLE, "-f", "csv", stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert result.returncode == 2
    assert "No space left" in one_line(result.stderr)


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_stdout_in_an_encoding_without_chinese_is_one_line(encoding, jobs):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = run("extract", ARTICLE, "-f", "jsonl", "-j", jobs, env=env)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "standard output" in line and encoding in line and "PYTHONIOENCODING=utf-8" in line


@pytest.fixture
def tiny_disk(tmp_path):
    """A 16 kB tmpfs (root only; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_on_o_is_one_line_and_no_file(tiny_disk):
    out = tiny_disk / "out.csv"
    result = run("extract", ARTICLE, ARTICLE, EXAMPLES[1], "-o", out)
    assert result.returncode == 2
    assert "No space left" in one_line(result.stderr)
    assert os.listdir(tiny_disk) == []


def test_a_full_disk_on_o_keeps_the_old_file(tiny_disk):
    out = tiny_disk / "out.csv"
    out.write_text("old\n")
    result = run("extract", *EXAMPLES, "-o", out)
    assert result.returncode == 2
    one_line(result.stderr)
    assert os.listdir(tiny_disk) == ["out.csv"] and out.read_text() == "old\n"


def test_a_full_disk_on_sqlite_is_one_line(tiny_disk):
    db = tiny_disk / "f.db"
    result = run("extract", *EXAMPLES, "-f", "sqlite", "-o", db)
    assert result.returncode == 2
    assert "full" in one_line(result.stderr)


def test_a_write_error_is_one_line_and_no_file(tmp_path, monkeypatch):
    """Fault injection for systems without a tmpfs: the temporary file's writes fail."""
    import errno
    from figs import sink

    out = tmp_path / "out.csv"

    class Full:
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="No space left on device"):
        with sink.opened_output(str(out)) as f:
            Full().write("x")
    assert not list(tmp_path.iterdir())


def locked(path: Path, seconds: float) -> threading.Thread:
    """Hold the write lock of the database at `path` for `seconds`, in a thread."""
    started = threading.Event()

    def hold():
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        started.set()
        time.sleep(seconds)
        db.execute("COMMIT")
        db.close()

    t = threading.Thread(target=hold)
    t.start()
    started.wait()
    return t


def make_db(path: Path) -> None:
    assert run("extract", ARTICLE, "-f", "sqlite", "-o", path).returncode == 0


def test_a_busy_database_is_waited_for(tmp_path):
    db = tmp_path / "f.db"
    make_db(db)
    holder = locked(db, 1.5)
    result = run("extract", EXAMPLES[1], "-f", "sqlite", "-o", db)
    holder.join()
    assert result.returncode == 0, result.stderr
    n = sqlite3.connect(db).execute("select count(distinct source) from figures").fetchone()[0]
    assert n == 2


def test_a_locked_database_is_one_line_after_the_timeout(tmp_path):
    db = tmp_path / "f.db"
    make_db(db)
    from figs.parallel import Options, extract_all, work

    holder = locked(db, 3)
    try:
        results = extract_all(work((str(EXAMPLES[1]),)), Options(fmt="tuples"))
        with pytest.raises(OutputError) as caught:
            write_sqlite(results, str(db), lambda e: None, timeout=0.2)
    finally:
        holder.join()
    assert "locked" in str(caught.value) and "\n" not in str(caught.value)


def test_a_foreign_figures_table_is_one_line(tmp_path):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as c:
        c.execute("create table figures (id integer, name text)")
    result = run("extract", ARTICLE, "-f", "sqlite", "-o", db)
    assert result.returncode == 2
    assert "not figs'" in one_line(result.stderr)


def test_an_older_figs_table_gains_the_claim_columns(tmp_path):
    db = tmp_path / "old.db"
    old = [c for c in figs.model.JSON_FIELDS if c not in ("holder", "change", "direction", "base", "pair")]
    with sqlite3.connect(db) as c:
        c.execute(f"create table figures ({', '.join(repr(x) for x in old)})")
    assert run("extract", ARTICLE, "-f", "sqlite", "-o", db).returncode == 0
    columns = [row[1] for row in sqlite3.connect(db).execute("pragma table_info(figures)")]
    assert set(columns) == set(figs.model.JSON_FIELDS)


def test_sqlite_values_are_exact_where_sqlite_can_hold_them(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(EXACT, encoding="utf-8")
    db = tmp_path / "f.db"
    assert run("extract", src, "-f", "sqlite", "-o", db).returncode == 0
    got = dict(sqlite3.connect(db).execute("select text, value from figures"))
    assert got["15人"] == 15 and got["98765432109.87元"] == 98765432109.87 and got["0.0000005元"] == 5e-7


HUGE = {"1e5000": "1e5000", "1e999999999": "1e999999999", "1e-999999999": "1e-999999999",
        "5000 digits": "1" * 5000}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("number", list(HUGE.values()), ids=list(HUGE))
def test_diff_on_a_number_figs_never_wrote_is_one_line(tmp_path, fmt, number):
    good = tmp_path / f"good.{fmt}"
    assert run("extract", ARTICLE, "-f", fmt, "-o", good).returncode == 0
    lines = good.read_text(encoding="utf-8").splitlines()
    if fmt == "csv":
        cells = lines[1].split(",")
        cells[6] = number
        lines[1] = ",".join(cells)
    else:
        record = json.loads(lines[0])
        lines[0] = json.dumps(record).replace(f'"value": {record["value"]}', f'"value": {number}')
        assert number in lines[0]
    bad = tmp_path / f"bad.{fmt}"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("diff", bad, ARTICLE, timeout=30)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert str(bad) in line and "line 2" in line if fmt == "csv" else "line 1" in line


# --- item 7: formula injection --------------------------------------------------

FORMULAS = "=HYPERLINK(\"http://x\")公司员工15人。\n+2名员工共8个。\n-号球衣共3件。\n@某人有5个。\n\t会员共9个。\n为负3.5%。\n"


def test_formula_cells_are_escaped_and_numbers_are_not(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(FORMULAS, encoding="utf-8")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("extract", src, "-f", "csv").stdout.decode())))
    sentences = [r["sentence"] for r in rows]
    assert all(not s[0] in "=+-@\t\r" for s in sentences), sentences
    assert any(s.startswith("'=HYPERLINK") for s in sentences)
    assert any(s.startswith("'@") for s in sentences)
    assert "-3.5" in [r["value"] for r in rows]   # a number is never escaped


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_standard_input_is_named_minus_not_escaped(tmp_path, fmt):
    """A lone - is no formula: cat a.txt | figs extract names its source -, not '-;
    and it reads back as -."""
    text = ARTICLE.read_text(encoding="utf-8")
    out = run("extract", "-f", fmt, input=text.encode()).stdout.decode()
    sources = {line.split("," if fmt == "csv" else "\t")[0] for line in out.splitlines()[1:]}
    assert sources == {"-"}
    (tmp_path / f"a.{fmt}").write_text(out, encoding="utf-8")
    back = load(str(tmp_path / f"a.{fmt}"))
    assert {f.source for f in back} == {"-"} and len(back) == len(list(figs.extract(text)))


def test_no_escape_formulas_writes_cells_as_they_are(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(FORMULAS, encoding="utf-8")
    text = run("extract", src, "-f", "tsv", "--no-escape-formulas").stdout.decode()
    assert "=HYPERLINK" in text and "'=" not in text and "\t'" not in text


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_figs_reads_escaped_cells_back_exactly(tmp_path, fmt):
    src = tmp_path / "a.txt"
    src.write_text(FORMULAS + "'=已有引号的5个。\n", encoding="utf-8")
    table = tmp_path / f"a.{fmt}"
    assert run("extract", src, "-f", fmt, "-o", table).returncode == 0
    assert load(str(table)) == list(figs.extract(src.read_text(encoding="utf-8"), source=str(src)))


def test_diff_output_escapes_formulas_too(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("=SUM(A1)公司员工15人。\n", encoding="utf-8")
    new.write_text("=SUM(A1)公司员工16人。\n", encoding="utf-8")
    text = run("diff", old, new, "-f", "csv").stdout.decode()
    assert ",'=SUM(A1)" in text and ",=SUM" not in text


# --- item 9 and 10: small promises ----------------------------------------------

def test_markdown_escapes_the_bar(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("A|B公司员工15人。\n", encoding="utf-8")
    text = run("extract", src, "-f", "markdown").stdout.decode()
    row = text.splitlines()[2]
    assert "A\\|B" in row
    assert row.replace("\\|", "").count("|") == text.splitlines()[0].count("|")


def test_table_cells_are_not_markup(tmp_path):
    src = tmp_path / "[bold]a.txt"
    src.write_text("公司员工15人。\n", encoding="utf-8")
    result = run("extract", src.name, "-f", "table", cwd=tmp_path, env={**os.environ, "COLUMNS": "300"})
    assert result.returncode == 0 and "[bold]a.txt" in result.stdout.decode()


@pytest.mark.parametrize("command", ["extract", "diff"])
def test_version_on_each_command(command):
    result = run(command, "--version")
    assert result.returncode == 0 and result.stdout.decode().strip() == f"figs, version {figs.__version__}"


@pytest.mark.parametrize("call, message", [
    (lambda: figs.extract(b"15\xe4\xb8\xaa"), "text must be a str, not bytes"),
    (lambda: figs.extract(None), "text must be a str, not NoneType"),
    (lambda: figs.extract("15个", source=3), "source must be a str"),
    (lambda: figs.diff("a", "b"), "old must be figures"),
    (lambda: figs.diff([], None), "new must be figures"),
    (lambda: figs.diff([1], []), r"old\[0\] must be a Figure"),
], ids=["extract-bytes", "extract-None", "extract-source", "diff-str", "diff-None", "diff-item"])
def test_the_api_says_which_argument_is_wrong(call, message):
    with pytest.raises(TypeError, match=message):
        call()


def test_kind_filters_the_records():
    """Without --kind every kind comes out; with it, only those, and all of them."""
    every = [json.loads(x) for x in run("extract", *EXAMPLES, "-f", "jsonl").stdout.splitlines()]
    money = [json.loads(x) for x in run("extract", *EXAMPLES, "-f", "jsonl", "--kind", "money").stdout.splitlines()]
    both = [json.loads(x) for x in run("extract", *EXAMPLES, "-f", "jsonl", "--kind", "money",
                                       "--kind", "percent", "-j", "2").stdout.splitlines()]
    assert {r["kind"] for r in every} > {"money", "percent"}
    assert money == [r for r in every if r["kind"] == "money"] and money
    assert both == [r for r in every if r["kind"] in ("money", "percent")]


# --- standard streams the shell closed (<&-, >&-, 2>&-) ----------------------------

def closing(fd: int):
    """A preexec_fn that closes `fd` in the child, as the shell's `N>&-` does."""
    return lambda: os.close(fd)


@pytest.mark.parametrize("args", [["extract"], ["extract", "--label", "a.txt"], ["diff", "-", ARTICLE],
                                  ["check"]], ids=["extract", "extract-label", "diff", "check"])
def test_a_closed_stdin_is_one_line(args):
    result = run(*args, "-f", "csv", preexec_fn=closing(0))
    assert result.returncode == 2
    assert "standard input is closed" in one_line(result.stderr)


@pytest.mark.parametrize("args", [["extract", ARTICLE], ["extract", ARTICLE, "-f", "csv"],
                                  ["diff", ARTICLE, EXAMPLES[1]], ["check", ARTICLE]],
                         ids=["extract", "extract-csv", "diff", "check"])
def test_a_closed_stdout_is_one_line(args):
    result = run(*args, preexec_fn=closing(1))
    assert result.returncode == 2
    assert one_line(result.stderr) == "figs: standard output: closed: nowhere to write (give -o FILE)"


def test_a_closed_stderr_still_writes_the_data():
    closed = run("extract", ARTICLE, "-f", "csv", preexec_fn=closing(2), stderr=None)
    assert closed.returncode == 0
    assert closed.stdout == run("extract", ARTICLE, "-f", "csv").stdout


# --- control characters in names and text, shown to a person -----------------------

def run_on_a_terminal(args, cwd, columns: int = 80) -> tuple[int, bytes]:
    """Run figs with a pty as its stdout and stderr: what a person sees, on a window
    `columns` wide."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    # pytest sets COLUMNS for its own output; a person's shell leaves the width to the window
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.Popen([*FIGS, *map(str, args)], stdout=slave, stderr=slave, stdin=subprocess.DEVNULL,
                            cwd=cwd, env=env)
    os.close(slave)
    seen = b""
    try:
        while chunk := os.read(master, 1 << 16):
            seen += chunk
    except OSError:  # the child closed its end
        pass
    os.close(master)
    return proc.wait(timeout=120), seen


ESCAPED_NAME = "\x1b]0;pwned\x07\x1b[31mred.txt"


@pytest.mark.parametrize("command", [["extract"], ["diff", "a.txt"], ["check"]], ids=["extract", "diff", "check"])
def test_a_terminal_sees_control_characters_in_a_name_escaped(tmp_path, command):
    """A file name with escape sequences (set the window title, turn the text red) is
    shown escaped, as ls shows it, not acted on by the terminal."""
    (tmp_path / ESCAPED_NAME).write_text("公司营业额从120万元增加到150万元，增长30%。", encoding="utf-8")
    (tmp_path / "a.txt").write_text("员工6人。", encoding="utf-8")
    # wide enough that the table does not fold the name across lines
    status, seen = run_on_a_terminal([*command, ESCAPED_NAME], tmp_path, columns=200)
    assert status in (0, 1)
    assert b"\\x1b]0;pwned\\x07\\x1b[31mred.txt" in seen and b"\x1b]0;" not in seen and b"\x07" not in seen


def test_a_name_with_a_line_break_is_still_one_line_on_stderr(tmp_path):
    result = run("extract", tmp_path / "two\nlines.txt")
    assert result.returncode == 2
    assert one_line(result.stderr).endswith("two\\nlines.txt: no such file")


def test_a_warning_never_goes_into_the_data_when_stderr_is_closed(tmp_path):
    (tmp_path / "broken.txt").write_bytes("员工5人。".encode() + b"\xff\n")
    closed = run("extract", tmp_path / "broken.txt", "--encoding-errors", "replace", "-f", "csv",
                 preexec_fn=closing(2), stderr=None)
    assert closed.returncode == 0
    assert closed.stdout.decode().splitlines()[0].startswith("source,line")
    assert b"figs:" not in closed.stdout


# --- -o values that name no file ----------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
@pytest.mark.parametrize("name, message", [("", "figs: -o: an empty file name"),
                                           ("sub/", "figs: sub/: names a directory (it ends in /): give a file name")],
                         ids=["empty", "trailing-slash"])
def test_o_that_names_no_file_is_one_line_and_writes_nothing(tmp_path, fmt, name, message):
    """'' was the current directory (CSV: 'is a directory' with no name; SQLite: a
    temporary database, gone at the end, and status 0); sub/ became a file named sub."""
    result = run("extract", ARTICLE, "-f", fmt, "-o", name, cwd=tmp_path)
    assert result.returncode == 2
    assert one_line(result.stderr) == message
    assert list(tmp_path.iterdir()) == []


def test_sqlite_o_memory_is_a_file_named_so(tmp_path):
    """sqlite3 takes ':memory:' for a database in memory: the figures vanished, status 0."""
    result = run("extract", ARTICLE, "-f", "sqlite", "-o", ":memory:", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / ":memory:") as db:
        assert db.execute("SELECT count(*) FROM figures").fetchone()[0] > 10
