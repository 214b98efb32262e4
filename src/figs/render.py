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


# One encoder for every row: json.dumps with options builds a new one on each call.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def _jsonl(rows, columns):
    return "".join(_to_json(row) + "\n" for row in rows)


def _json(rows, columns):
    return ",\n  ".join(_to_json(row) for row in rows)


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
    """A rich table, one per run: with one source it is the title and each row says
    its line; with several, each row says source:line."""
    from rich.console import Console
    from rich.table import Table

    rows = list(rows)
    sources = {row.get("source") for row in rows}
    one_source = len(sources) == 1
    shown = [c for c in TABLE_COLUMNS if c in columns and c != "source"] or list(columns)
    if one_source:
        title = title or str(next(iter(sources)))
    table = Table(title=title or None, show_lines=False, header_style="bold")
    for c in shown:
        name = c if one_source or c != "line" else "where"
        right = c in ("value", "upper") or name == "line"
        table.add_column(name, justify="right" if right else "left", overflow="fold")
    for row in rows:
        cells = [cell(row.get(c)) for c in shown]
        if not one_source and "line" in shown:
            cells[shown.index("line")] = f"{row.get('source')}:{row.get('line')}"
        table.add_row(*cells)
    Console(file=out, soft_wrap=False).print(table)
    return len(rows)


_STATUS_STYLE = {"changed": "yellow", "added": "green", "removed": "red", "same": "dim"}


def write_diff_table(changes: Iterable, out: TextIO, title: str = "") -> int:
    """`figs diff` for a person: old and new side by side, each with its cite and its
    sentence, the part of the sentence that changed highlighted."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title or None, show_lines=True, header_style="bold")
    table.add_column("status")
    table.add_column("subject")
    table.add_column("old", overflow="fold", ratio=1)
    table.add_column("new", overflow="fold", ratio=1)
    n = 0
    for change in changes:
        old_cell, new_cell = _diff_cells(change.old, change.new, change.status == "same")
        style = _STATUS_STYLE.get(change.status, "")
        subject = (change.new or change.old).subject
        table.add_row(Text(change.status, style=style), Text(subject), old_cell, new_cell)
        n += 1
    Console(file=out, soft_wrap=False).print(table)
    return n


def _diff_cells(old, new, same: bool = False) -> tuple:
    """The old and new cells of one row: the figure, its cite, and its sentence with
    what changed highlighted (the figure itself when it did not change, or has no
    partner), cut to the words around it."""
    from difflib import SequenceMatcher

    from rich.text import Text

    sentences = {"old": Text(), "new": Text()}
    marked = {"old": [], "new": []}  # (start, end) of each highlighted stretch
    if old is not None and new is not None and not same:
        a, b = old.sentence, new.sentence
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            style = "" if tag == "equal" else "bold"
            sentences["old"].append(a[i1:i2], style=style and "bold red")
            sentences["new"].append(b[j1:j2], style=style and "bold green")
            if style:
                marked["old"].append((i1, i2))
                marked["new"].append((j1, j2))
    for name, f, style in (("old", old, "bold red"), ("new", new, "bold green")):
        if f is not None and not marked[name]:
            before, found, after = f.sentence.partition(f.text)
            sentences[name] = Text(before) + Text(found, style=style) + Text(after)
            marked[name].append((len(before), len(before) + len(found)))
    cells = []
    for name, f in (("old", old), ("new", new)):
        cell_text = Text()
        if f is not None:
            cell_text.append(f.text, style="bold")
            cell_text.append(f"  {f.source}:{f.line}:{f.col}\n", style="dim")
            cell_text.append_text(_around(sentences[name], marked[name]))
        cells.append(cell_text)
    return tuple(cells)


# How many characters of a sentence the diff table shows on each side of a change.
_AROUND = 24


def _around(text, marked: list[tuple[int, int]]):
    """`text` (a rich Text) cut to the stretch from the first marked part to the last, and
    `_AROUND` characters on either side, with … where it was cut."""
    from rich.text import Text

    start = max(0, min(a for a, _ in marked) - _AROUND)
    end = min(len(text), max(b for _, b in marked) + _AROUND)
    cut = text[start:end]
    if start > 0:
        cut = Text("…") + cut
    if end < len(text):
        cut.append("…")
    return cut


_WRITERS = {
    "markdown": _markdown,
    "table": _table,
}
