"""Records to text: csv, tsv, json, jsonl, markdown and a rich table, in one place.

Every writer takes an iterable of rows (dicts with JSON-ready values) and the
column names, and writes to a text stream as rows arrive, except the two formats
that must see every row first to size their columns (markdown and table).
"""
from __future__ import annotations

import csv
import json
from typing import Callable, Iterable, TextIO

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")


def write(rows: Iterable[dict], columns: tuple[str, ...], fmt: str, out: TextIO, title: str = "") -> int:
    """Write `rows` to `out` in format `fmt`; return how many rows were written."""
    return _WRITERS[fmt](rows, columns, out, title)


def cell(value) -> str:
    """A value as CSV and tables show it: numbers without exponent, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, "f").rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)


def _delimited(delimiter: str) -> Callable:
    def writer(rows, columns, out, title):
        w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        w.writerow(columns)
        n = 0
        for row in rows:
            w.writerow([cell(row.get(c)) for c in columns])
            n += 1
        return n

    return writer


def _jsonl(rows, columns, out, title):
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def _json(rows, columns, out, title):
    n = 0
    out.write("[")
    for row in rows:
        out.write(",\n  " if n else "\n  ")
        out.write(json.dumps(row, ensure_ascii=False))
        n += 1
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
    "csv": _delimited(","),
    "tsv": _delimited("\t"),
    "json": _json,
    "jsonl": _jsonl,
    "markdown": _markdown,
    "table": _table,
}
