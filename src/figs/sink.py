"""Where the results of a run go: a text stream in any format, or a SQLite database.

Both take the `figs.parallel.Result`s of a run in input order, report each input's
error through `on_error` when it comes, and return the number of records written.
`opened_output` is the one way figs opens a file it writes.
"""
from __future__ import annotations

import codecs
import itertools
import os
import re
import stat
import sys
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TextIO

from . import patterns, render
from .errors import FigsError, OutputError
from .model import JSON_FIELDS, REQUIRED, SQL_TYPES, TYPES
from .parallel import Result

if TYPE_CHECKING:
    import sqlite3  # imported by the functions that write a database (start-up time)

SINKS = ("sqlite",)
_INDEXED = ("source", "kind", "unit")
# How long a run waits for another one that is writing the same database.
BUSY_SECONDS = 30.0
# A temporary output file: .figs-PID-XXXXXXXX.tmp, PID the process writing it.
_TEMP = patterns.compile(r"\.figs-(\d+)-[^/]*\.tmp")


def write_text(results: Iterable[Result], columns: tuple[str, ...], fmt: str, out: TextIO,
               on_error: Callable[[FigsError], None]) -> int:
    """Write the rows of `results` in `fmt`: text encoded by the workers for the
    streaming formats, value tuples for the formats that size their columns.

    Nothing at all when every input failed (a missing file, an empty directory): a
    header alone would read as a table of no figures from a run that read nothing.
    An input that has no figures still gets the header."""
    failed = []

    def noted(error: FigsError) -> None:
        failed.append(error)
        on_error(error)

    good = _rows(results, noted)
    first = next(good, None)
    if first is None and failed:
        return 0
    good = itertools.chain([first] if first is not None else [], good)
    if fmt in render.ENCODED:
        return render.write_encoded(((r.rows, r.count) for r in good), columns, fmt, out)
    cells = ([render.cell(v) for v in row] for r in good for row in r.rows)
    return render.write_cells(cells, columns, fmt, out)


def byte_encoding(out: TextIO) -> tuple[str, str]:
    """The encoding and error handler with which text written to `out` becomes bytes,
    when the workers can do that for it: `out` writes UTF-8 (an encoding without
    state: each batch encoded alone gives the same bytes; UTF-16 would repeat its
    byte-order mark), has a binary buffer, and writes a newline as it is.  Else ("", "")."""
    encoding, errors = getattr(out, "encoding", None), getattr(out, "errors", None)
    if os.linesep != "\n" or not hasattr(out, "buffer") or not encoding or not errors:
        return "", ""
    try:
        if codecs.lookup(encoding).name != "utf-8":
            return "", ""
    except LookupError:
        return "", ""
    return "utf-8", errors


def _rows(results: Iterable[Result], on_error) -> Iterator[Result]:
    for r in results:
        if r.error is not None:
            on_error(r.error)
        else:
            yield r


def _why(e: OSError) -> str:
    return e.strerror or str(e)


@contextmanager
def opened_output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or the file `path` names, written so that it ends up where the
    user meant and is never left half-written:

    - a regular file (through any symlinks: the link stays, its target is written)
      is written to a temporary file beside it that replaces it only when the run
      succeeds; it keeps its mode, and a new file gets the user's umask;
    - a file with other hard links keeps its inode: the finished output is copied
      into it in place (as ``sort -o`` and ``sponge`` do);
    - a FIFO, a device (/dev/null) or a socket is written directly.

    A write that fails (the disk is full) is a `FigsError`; the temporary file goes.
    """
    if path is None or path == "-":
        if sys.stdout is None:  # closed by the shell (>&-)
            raise OutputError("closed: nowhere to write (give -o FILE)", source="standard output")
        try:
            yield sys.stdout
            sys.stdout.flush()
        except OSError as e:
            _forget_stdout()
            raise OutputError(f"cannot write: {_why(e)}", source="standard output") from None
        except UnicodeEncodeError as e:  # PYTHONIOENCODING=latin-1, a terminal set to ASCII
            _forget_stdout()
            raise OutputError(f"cannot write {e.object[e.start:e.end]!r} in its encoding, {e.encoding}: "
                              "set PYTHONIOENCODING=utf-8, or write a file with -o (always UTF-8)",
                              source="standard output") from None
        return
    _check_file_name(path)
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"cannot write: {_why(e)}", source=path) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError("is a directory", source=path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        yield from _direct(path, target)
        return
    directory = os.path.dirname(target)
    remove_stale_temps(directory)
    try:
        import tempfile  # only with -o (start-up time)

        fd, tmp = tempfile.mkstemp(prefix=f".figs-{os.getpid()}-", suffix=".tmp", dir=directory)
    except OSError as e:
        raise OutputError(f"cannot write here: {_why(e)}", source=path) from None
    try:
        try:
            os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
            if st is not None and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                _try(os.fchown, fd, st.st_uid, st.st_gid)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                yield f
            if st is not None and st.st_nlink > 1:
                _copy_in_place(tmp, target)
            else:
                os.replace(tmp, target)
        except OSError as e:
            raise OutputError(f"cannot write: {_why(e)}", source=path) from None
    finally:
        _try(os.unlink, tmp)


def _check_file_name(path: str) -> None:
    """An `OutputError` for an -o that names no file: empty (the current directory,
    to os.path), or ending in a slash (a directory, which rename would make a file)."""
    if not path:
        raise OutputError("an empty file name", source="-o")
    if path.endswith(("/", os.sep)):
        raise OutputError("names a directory (it ends in /): give a file name", source=path)


def refuse_an_input(output: str | None, inputs: Iterable[str]) -> None:
    """An `OutputError` when the file `-o` names is one of the run's inputs (the same
    file by any name: a symlink, a hard link, standard input redirected from it).
    Its figures would replace the article, which is not what anyone means by it."""
    if output is None or output == "-":
        return
    try:
        out = os.stat(output)
    except OSError:
        return  # a new file, or one `opened_output` will say it cannot write
    if not stat.S_ISREG(out.st_mode):
        return  # a FIFO or a device is written as it is, and never replaced
    for path in inputs:
        try:
            st = os.fstat(sys.stdin.fileno()) if path == "-" else os.stat(path)
        except (OSError, ValueError, AttributeError):  # (standard input closed, or not a file)
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            what = "standard input" if path == "-" else "an input"
            raise OutputError(f"is {what} of this run: writing it would destroy it; give -o another file",
                              source=output)


def _direct(path: str, target: str) -> Iterator[TextIO]:
    """A FIFO or a device, written as it is (it cannot be replaced, nor half-written)."""
    try:
        with open(target, "w", encoding="utf-8", newline="") as f:
            yield f
    except OSError as e:
        raise OutputError(f"cannot write: {_why(e)}", source=path) from None


def _copy_in_place(tmp: str, target: str) -> None:
    import shutil  # here, not at the top: its import (bz2, lzma …) is 9 M instructions of every start-up

    with open(tmp, "rb") as src, open(target, "r+b") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.truncate()


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def _try(f, *args) -> None:
    try:
        f(*args)
    except OSError:
        pass


def _forget_stdout() -> None:
    """After a failed write to standard output (a full disk, /dev/full), what is left
    in its buffer would fail again, noisily, when Python exits: send it nowhere."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def remove_stale_temps(directory: str) -> list[str]:
    """Remove the temporary files in `directory` that an earlier figs run was killed
    before it could remove (kill -9, a crash): only this user's, only those whose
    process is gone.  Returns their names."""
    removed = []
    try:
        names = [n for n in os.listdir(directory) if n.startswith(".figs-")]
    except OSError:
        return removed
    for name in names:
        m = _TEMP.fullmatch(name)
        if not m or _alive(int(m.group(1))):
            continue
        full = os.path.join(directory, name)
        try:
            if os.lstat(full).st_uid == os.getuid() and stat.S_ISREG(os.lstat(full).st_mode):
                os.unlink(full)
                removed.append(full)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, another user's
        return True
    return True


def write_sqlite(results: Iterable[Result], path: str, on_error: Callable[[FigsError], None],
                 columns: tuple[str, ...] = JSON_FIELDS, table: str = "figures",
                 timeout: float = BUSY_SECONDS) -> int:
    """Write the records into `table` of the database at `path` (made if need be).

    Each input is one transaction: its old rows, from an earlier run over the same
    source, are deleted and the new ones inserted, so re-running never duplicates.
    (Two documents of one run with the same source, as a corpus with repeated ids
    has, both keep their rows: the names seen in this run are remembered.)
    An input that fails is rolled back and keeps the rows it had.  Rows come as
    tuples of `columns` (`figs.parallel.Options(fmt="tuples")`).

    Another run writing the same database is waited for, up to `timeout` seconds.
    Values are stored exactly as INTEGER when whole and within 64 bits, else as the
    REAL nearest to them (exact up to 15 significant digits: SQLite has no decimal
    type; CSV and JSON keep every digit).
    """
    import sqlite3

    _check_file_name(path)
    try:
        # (an absolute path: ":memory:" or "" would be a database that vanishes at the end)
        db = sqlite3.connect(os.path.abspath(path), isolation_level=None, timeout=timeout)
    except sqlite3.Error as e:
        raise OutputError(f"cannot open the database: {e}", source=path) from None
    try:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            _create(db, table, columns, path)
        except sqlite3.DatabaseError as e:
            raise OutputError(_sql_trouble(e, "cannot use as a database"), source=path) from None
        try:
            return _insert(db, results, table, columns, on_error)
        except sqlite3.Error as e:
            raise OutputError(_sql_trouble(e, "cannot write"), source=path) from None
    finally:
        db.close()


def _sql_trouble(e: sqlite3.Error, doing: str) -> str:
    message = str(e)
    if "locked" in message or "busy" in message:
        return "the database is locked: another program is writing it (waited %g s)" % BUSY_SECONDS
    if "full" in message:
        return "cannot write: the disk is full"
    return f"{doing}: {message}"


def _insert(db, results, table, columns, on_error) -> int:
    import sqlite3

    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    delete = f'DELETE FROM "{table}" WHERE source = ?'
    numbers = [i for i, c in enumerate(columns) if TYPES.get(c) == "decimal"]
    n = 0
    failed: set[str] = set()  # sources whose transaction was rolled back
    seen: set[str] = set()    # sources written in this run
    cleared = None            # the source whose old rows this transaction deleted
    try:
        for r in results:
            if r.source in failed:
                if r.last:
                    failed.discard(r.source)
                if r.error is not None:
                    on_error(r.error)
                continue
            if r.error is not None:
                on_error(r.error)
                if db.in_transaction:
                    db.execute("ROLLBACK")
                    if cleared == r.source:
                        seen.discard(r.source)  # its old rows are back
                if not r.last:
                    failed.add(r.source)
                continue
            if r.first:
                db.execute("BEGIN IMMEDIATE")  # waits for another writer, up to the timeout
                cleared = None
                if r.source not in seen:
                    cleared = r.source
                    db.execute(delete, (r.source,))
                    seen.add(r.source)
            db.executemany(insert, (_sql_row(row, numbers) for row in r.rows))
            n += r.count
            if r.last:
                db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        raise
    return n


def _create(db: sqlite3.Connection, table: str, columns: tuple[str, ...], path: str) -> None:
    """The table, made if need be.  A table of that name from an older figs (without
    the claim fields) gains the missing columns; any other is an error."""
    cols = ", ".join(f'"{c}" {SQL_TYPES[TYPES.get(c, "text")]}' for c in columns)
    db.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({cols})')
    have = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
    missing = [c for c in columns if c not in have]
    if missing:
        if any(c in REQUIRED for c in missing):
            raise OutputError(f"has a table {table!r} that is not figs' (no column {missing[0]!r}): "
                              f"write to another database, or drop that table", source=path)
        for c in missing:
            db.execute(f'ALTER TABLE "{table}" ADD COLUMN "{c}" {SQL_TYPES[TYPES.get(c, "text")]}')
    for c in _INDEXED:
        if c in columns:
            db.execute(f'CREATE INDEX IF NOT EXISTS "{table}_{c}" ON "{table}" ("{c}")')


def _sql_row(row: tuple, numbers: list[int]) -> tuple:
    row = list(row)
    for i in numbers:
        row[i] = _sql_value(row[i])
    return tuple(row)


def _sql_value(v):
    """A Decimal as SQLite keeps it: INTEGER when whole and within 64 bits, else REAL."""
    if v is None or not isinstance(v, Decimal):
        return v
    if not v.is_finite():
        return None
    if v == v.to_integral_value() and abs(v) < (1 << 63):
        return int(v)
    return float(v)
