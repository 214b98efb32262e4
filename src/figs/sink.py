"""Where the results of a run go: a text stream in any format, or a SQLite database.

Both take the `figs.parallel.Result`s of a run in input order, report each input's
error through `on_error` when it comes, and return the number of records written.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TextIO

from . import render
from .errors import FigsError, InputError
from .model import JSON_FIELDS
from .parallel import Result

if TYPE_CHECKING:
    import sqlite3

SINKS = ("sqlite",)

# SQL types of the record's columns; the rest are text.
_TYPES = {"line": "INTEGER", "col": "INTEGER", "start": "INTEGER", "end": "INTEGER", "pair": "INTEGER",
          "value": "NUMERIC", "upper": "NUMERIC"}
_INDEXED = ("source", "kind", "unit")


def write_text(results: Iterable[Result], columns: tuple[str, ...], fmt: str, out: TextIO,
               on_error: Callable[[FigsError], None]) -> int:
    """Write the rows of `results` in `fmt`: encoded text for the streaming formats,
    dicts for the formats that size their columns."""
    if fmt in render.ENCODED:
        return render.write_encoded(((r.rows, r.count) for r in _rows(results, on_error)), columns, fmt, out)
    return render.write((row for r in _rows(results, on_error) for row in r.rows), columns, fmt, out)


def _rows(results: Iterable[Result], on_error) -> Iterator[Result]:
    for r in results:
        if r.error is not None:
            on_error(r.error)
        else:
            yield r


def write_sqlite(results: Iterable[Result], path: str, on_error: Callable[[FigsError], None],
                 columns: tuple[str, ...] = JSON_FIELDS, table: str = "figures") -> int:
    """Write the records into `table` of the database at `path` (made if need be).

    Each input is one transaction: its old rows, from an earlier run over the same
    source, are deleted and the new ones inserted, so re-running never duplicates.
    (Two documents of one run with the same source, as a corpus with repeated ids
    has, both keep their rows: the names seen in this run are remembered.)
    An input that fails is rolled back and keeps the rows it had.  Rows come as
    tuples of `columns` (`figs.parallel.Options(fmt="tuples")`).
    """
    import sqlite3  # here, not at the top: only -f sqlite needs it (start-up time)

    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        _create(db, table, columns)
    except sqlite3.DatabaseError as e:
        raise InputError(f"cannot use as a database: {e}", source=path) from None
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    delete = f'DELETE FROM "{table}" WHERE source = ?'
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
                db.execute("BEGIN")
                cleared = None
                if r.source not in seen:
                    cleared = r.source
                    db.execute(delete, (r.source,))
                    seen.add(r.source)
            db.executemany(insert, (tuple(map(_sql_value, row)) for row in r.rows))
            n += r.count
            if r.last:
                db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    finally:
        db.close()
    return n


def _create(db: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> None:
    cols = ", ".join(f'"{c}" {_TYPES.get(c, "TEXT")}' for c in columns)
    db.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({cols})')
    for c in _INDEXED:
        if c in columns:
            db.execute(f'CREATE INDEX IF NOT EXISTS "{table}_{c}" ON "{table}" ("{c}")')


def _sql_value(v):
    """Integers beyond SQLite's 64 bits are stored as REAL."""
    if isinstance(v, int) and not -(1 << 63) <= v < (1 << 63):
        return float(v)
    return v
