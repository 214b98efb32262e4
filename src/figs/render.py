"""Records to text: csv, tsv, json, jsonl, markdown and a rich table, in one place.

Every writer takes an iterable of rows (dicts with JSON-ready values) and the
column names, and writes to a text stream as rows arrive, except the two formats
that must see every row first to size their columns (markdown and table).  The
streaming formats are split in two: `encode` turns a batch of rows into text (a
worker process can do it) and `write_encoded` puts batches out in order.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Callable, Iterable, TextIO

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")


def write(rows: Iterable[dict], columns: tuple[str, ...], fmt: str, out: TextIO, title: str = "") -> int:
    """Write `rows` to `out` in format `fmt`; return how many rows were written."""
    if fmt in _ENCODERS:
        return write_encoded(((encode([row], columns, fmt), 1) for row in rows), columns, fmt, out)
    return _WRITERS[fmt](rows, columns, out, title)


def cell(value) -> str:
    """A value as CSV and tables show it: numbers without exponent, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, "f").rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)


def _delimited(delimiter: str) -> Callable:
    def encode(rows, columns):
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(
            [cell(row.get(c)) for c in columns] for row in rows)
        return buf.getvalue()

    return encode


def _jsonl(rows, columns):
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _json(rows, columns):
    return ",\n  ".join(json.dumps(row, ensure_ascii=False) for row in rows)


# Formats whose rows can be turned into text one batch at a time, anywhere (a worker
# process does it in a parallel run), and written in order by `write_encoded`.
_ENCODERS = {"csv": _delimited(","), "tsv": _delimited("\t"), "jsonl": _jsonl, "json": _json}
ENCODED = tuple(_ENCODERS)


def encode(rows: Iterable[dict], columns: tuple[str, ...], fmt: str) -> str:
    """A batch of rows as `fmt` writes them, without header or brackets."""
    return _ENCODERS[fmt](rows, columns)


def write_encoded(batches: Iterable[tuple[str, int]], columns: tuple[str, ...], fmt: str, out: TextIO) -> int:
    """Write batches made by `encode` (each as its text and its number of rows) in
    format `fmt`, with the header or brackets the format needs; return the row count."""
    if fmt in ("csv", "tsv"):
        out.write(encode([{c: c for c in columns}], columns, fmt))
    elif fmt == "json":
        out.write("[")
    n = 0
    for text, count in batches:
        if not count:
            continue
        if fmt == "json":
            out.write(",\n  " if n else "\n  ")
        out.write(text)
        n += count
    if fmt == "json":
        out.write("\n]\n" if n else "]\n")
    return n


def _markdown(rows, columns, out, title):
    from tabulate import tabulate

    table = [[cell(row.get(c)) for c in columns] for row in rows]
    out.write(tabulate(table, headers=columns, tablefmt="github", disable_numparse=True))
    out.write("\n")
    return len(table)


# The columns a person at a terminal wants to see; the other formats keep them all.
TABLE_COLUMNS = ("source", "line", "text", "value", "upper", "qualifier", "unit", "kind", "subject")


def _table(rows, columns, out, title):
    from rich.console import Console
    from rich.table import Table

    shown = [c for c in TABLE_COLUMNS if c in columns] or list(columns)
    table = Table(title=title or None, show_lines=False, header_style="bold")
    for c in shown:
        table.add_column(c, justify="right" if c in ("line", "value", "upper") else "left",
                         overflow="fold")
    n = 0
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in shown))
        n += 1
    Console(file=out, soft_wrap=False).print(table)
    return n


_WRITERS = {
    "markdown": _markdown,
    "table": _table,
}
