"""-j N gives the output of -j 1, byte for byte, in the same order; corpora in JSON Lines."""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

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
    assert result.stderr.splitlines() == [f"figs: {path}: line 2: not valid JSON: expecting value at column 1",
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


# --- a worker that dies --------------------------------------------------------


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc (no psutil)."""
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _workers_of(proc: subprocess.Popen, timeout: float = 20) -> list[int]:
    """The worker processes of a -j 2 run, once both are there (or the run has ended)."""
    deadline = time.monotonic() + timeout
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    return _children(proc.pid)


@pytest.fixture(scope="module")
def many_files(tmp_path_factory, examples_text):
    """A corpus long enough for a -j 2 run to last a few seconds."""
    d = tmp_path_factory.mktemp("many")
    for i in range(20):
        (d / f"{i:02d}.txt").write_text(examples_text * 4, encoding="utf-8")
    return d


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
def test_a_killed_worker_stops_the_run_with_one_line(tmp_path, many_files, fmt):
    """kill -9 of one worker: the run notices within seconds, names the input it lost,
    leaves no output file (CSV) or no half-written input (SQLite), and exits 2."""
    out = tmp_path / f"out.{'db' if fmt == 'sqlite' else fmt}"
    proc = subprocess.Popen([sys.executable, "-m", "figs", "extract", str(many_files), "-j", "2",
                             "-f", fmt, "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers = _workers_of(proc)
    try:
        assert len(workers) == 2, "the run ended before its workers could be killed"
        os.kill(workers[0], signal.SIGKILL)
        killed = time.monotonic()
        stdout, stderr = proc.communicate(timeout=20)
        assert time.monotonic() - killed < 10
    finally:
        proc.kill()
    assert proc.returncode == 2, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and "a worker process died" in lines[0], stderr
    assert re.match(rf"figs: {re.escape(str(many_files))}/\d\d\.txt: ", lines[0]), lines[0]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".figs-")] == []
    if fmt == "csv":
        assert not out.exists()
    else:
        # Every input the database holds is whole: the lost one was rolled back.
        expected = len(list(figs.extract((many_files / "00.txt").read_text(encoding="utf-8"))))
        with sqlite3.connect(out) as db:
            counts = db.execute("SELECT source, count(*) FROM figures GROUP BY source").fetchall()
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert len(counts) < 20 and all(n == expected for _, n in counts), counts
        lost = lines[0].split(": ")[1]
        assert lost not in dict(counts)
    assert not _children(proc.pid)


# figs with its workers killed halfway through sending their first large result, the
# moment the OOM killer may choose: the length of the message and half of it are
# written, then the worker dies.
KILLED_WHILE_SENDING = """
import os, signal, struct, sys
from multiprocessing import connection

main_pid = os.getpid()
send = connection.Connection._send_bytes

def half_then_die(self, buf):
    if os.getpid() != main_pid and len(buf) > 65536:
        self._send(struct.pack("!i", len(buf)))
        self._send(bytes(memoryview(buf)[:len(buf) // 2]))
        os.kill(os.getpid(), signal.SIGKILL)
    return send(self, buf)

connection.Connection._send_bytes = half_then_die
from figs.cli import main
sys.exit(main())
"""


def test_a_worker_killed_while_sending_its_result_stops_the_run(tmp_path, many_files):
    """CPython's pool would wait forever for the rest of that result (its manager thread
    blocked in the read never sees the death): the run must still stop, with one line."""
    out = tmp_path / "out.csv"
    try:
        done = subprocess.run([sys.executable, "-c", KILLED_WHILE_SENDING, "extract", str(many_files), "-j", "2",
                               "-o", str(out)], capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("figs waited forever for a worker killed while it sent a result")
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "a worker process died" in lines[0], done.stderr
    assert list(tmp_path.iterdir()) == []


# figs with a worker killed as the pool shuts down, while it holds the lock of the
# queue the workers read their work from: the other worker waits for that lock.
KILLED_HOLDING_THE_QUEUE = """
import os, pickle, signal, sys
from multiprocessing import connection

main_pid = os.getpid()
recv = connection.Connection._recv_bytes

def die_on_the_shutdown_sentinel(self, maxsize=None):
    got = recv(self, maxsize)
    if os.getpid() != main_pid and len(got.getbuffer()) < 16 and pickle.loads(got.getbuffer()) is None:
        os.kill(os.getpid(), signal.SIGKILL)
    return got

connection.Connection._recv_bytes = die_on_the_shutdown_sentinel
from figs.cli import main
sys.exit(main())
"""


def test_a_worker_killed_as_the_pool_shuts_down_does_not_hang_the_exit(tmp_path, examples_dir):
    """CPython's shutdown joins each worker; the one waiting for the dead one's lock
    never ends: the records are all out, but figs would never exit."""
    try:
        done = subprocess.run([sys.executable, "-c", KILLED_HOLDING_THE_QUEUE, "extract", str(examples_dir),
                               "-j", "2", "-f", "jsonl"], capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("figs never exited after a worker died holding the pool's queue lock")
    assert done.returncode == 0, done.stderr
    assert done.stdout == run(str(examples_dir), "-f", "jsonl", "-j", "1").stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_a_parallel_run_with_one_line(tmp_path, many_files):
    """Ctrl-C at a terminal sends SIGINT to the whole process group: one line, status 130,
    no worker tracebacks, no output file, no worker left behind."""
    out = tmp_path / "out.csv"
    proc = subprocess.Popen([sys.executable, "-m", "figs", "extract", str(many_files), "-j", "2", "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        workers = _workers_of(proc)
        assert len(workers) == 2, "the run ended before it could be interrupted"
        time.sleep(0.3)  # let the workers get into a batch
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert stderr.splitlines() == ["figs: interrupted"]
    assert list(tmp_path.iterdir()) == []
    deadline = time.monotonic() + 5
    while any(os.path.exists(f"/proc/{w}") and _state(w) != "Z" for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}") and _state(w) != "Z"]


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def test_a_jsonl_file_without_jsonl_field_is_read_from_its_text_field(tmp_path):
    """A careful user's expectation: news.jsonl is JSON Lines, not prose; its text is
    in "text" unless --jsonl-field says otherwise."""
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "员工15人。"}\n{"text": ["网点3个。", "增长5%。"]}\n', encoding="utf-8")
    default = run(str(path), "-f", "jsonl")
    given = run(str(path), "--jsonl-field", "text", "-f", "jsonl")
    assert default.returncode == 0 and default.stderr == ""
    assert default.stdout == given.stdout
    assert [json.loads(r)["source"] for r in default.stdout.splitlines()] == [f"{path}:1", f"{path}:2", f"{path}:2"]


def test_a_jsonl_file_with_no_text_field_says_which_to_give(tmp_path):
    path = tmp_path / "news.ndjson"
    path.write_text('{"id": 1, "title": "标题", "content": "员工15人。"}\n', encoding="utf-8")
    prose = tmp_path / "a.txt"
    prose.write_text('{"text": "员工15人。"}\n', encoding="utf-8")
    result = run(str(path), str(prose), "-f", "csv")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"figs: {path}: JSON Lines with no field 'text': give --jsonl-field FIELD "
        "(its first document has 'title', 'content')"]
    assert [r.split(",")[0] for r in result.stdout.splitlines()[1:]] == [str(prose)]  # a .txt is prose


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_workers_encode_only_what_the_output_would(examples_dir, encoding, jobs):
    """For a UTF-8 output the workers hand over bytes, written as they are; any other
    encoding (UTF-16 has a byte-order mark, once) is left to the output: the same bytes
    either way."""
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    done = subprocess.run([sys.executable, "-m", "figs", "extract", str(examples_dir), "-j", jobs, "-f", "jsonl"],
                          capture_output=True, env=env)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode(encoding)
    expected = "".join(render_jsonl(str(p)) for p in sorted(examples_dir.glob("*.txt")))
    assert text == expected
    assert text.count("\ufeff") == 0


def render_jsonl(path: str) -> str:
    from figs.render import encode
    from figs.model import JSON_FIELDS
    with open(path, encoding="utf-8") as f:
        return encode(list(figs.extract(f.read(), source=path)), JSON_FIELDS, "jsonl")


def test_byte_encoding_only_for_utf8_text_files(tmp_path):
    from figs.sink import byte_encoding
    with open(tmp_path / "a", "w", encoding="utf-8") as f:
        assert byte_encoding(f) == ("utf-8", "strict")
    with open(tmp_path / "b", "w", encoding="utf-16") as f:
        assert byte_encoding(f) == ("", "")
    import io
    assert byte_encoding(io.StringIO()) == ("", "")


def test_a_run_stopped_early_leaves_no_pool_thread_behind(examples_text):
    """An output error (or Ctrl-C) stops the consumer early.  The pool is wound down
    before `extract_all` returns, not at interpreter exit, where Python up to 3.12
    can race the pool's own thread and print a traceback after figs's one line."""
    import threading

    before = set(threading.enumerate())
    items = [Piece("a", examples_text)] * 8
    results = extract_all(items, Options(fmt="csv"), jobs=2)
    next(results)
    results.close()
    assert set(threading.enumerate()) - before == set()


# figs with a second SIGTERM right after it has said it was terminated, as it exits.
SECOND_SIGTERM = """
import os, signal, sys
import figs.cli

say = figs.cli._fail

def say_then_get_another(message):
    say(message)
    os.kill(os.getpid(), signal.SIGTERM)

figs.cli._fail = say_then_get_another
sys.exit(figs.cli.main())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_second_sigterm_as_figs_exits_is_quiet(tmp_path, many_files):
    """kill, then kill again (as a service manager may): one line, status 143, no
    traceback from wherever Python's exit had got to, no worker left behind."""
    proc = subprocess.Popen([sys.executable, "-c", SECOND_SIGTERM, "extract", str(many_files), "-j", "2",
                             "-o", str(tmp_path / "out.csv")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        workers = _workers_of(proc)
        assert len(workers) == 2, "the run ended before it could be terminated"
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 143
    assert stderr.splitlines() == ["figs: terminated"]
    assert list(tmp_path.iterdir()) == []
