"""Records to text: csv, tsv, json, jsonl, markdown and a rich table, in one place.

Every writer takes records (`Figure`s, or the value tuples of `Change.row`) and the
column names; a column's type comes from the one table in `figs.model`.  Each row is
encoded once, straight from its values: no dict, no float on the way.  Numbers are
written as the exact decimal the library holds (`figs.model.plain`), in every
format.  The streaming formats are split in two: `encode` turns a batch of records
into text (a worker process can do it) and `write_encoded` puts batches out in
order, with the header or brackets; markdown and the table size their columns over
blocks of `BLOCK_ROWS` rows, written one after the other.

Cells of CSV and TSV that a spreadsheet would run as a formula (text starting with
= + - @, a tab or a carriage return) get a leading ' (OWASP's advice), unless
``escape_formulas=False``; `unescape_formula` undoes it.
"""
from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from functools import lru_cache
from json.encoder import encode_basestring
from operator import add, attrgetter
from itertools import islice
from typing import Callable, Iterable, Iterator, TextIO

from . import patterns
from .model import DECIMAL, DIFF_FIELDS, DIFF_TYPES, INT, JSON_FIELDS, OPTIONAL_INT, TEXT, TYPES, plain

try:
    from operator import call  # Python 3.11
except ImportError:  # pragma: no cover
    def call(f, value):
        return f(value)

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")
DELIMITED = ("csv", "tsv")

# A text cell a spreadsheet would take for a formula; and one escaped by a '.  Text
# that already starts with ' before such a character gets one more, so that
# `unescape_formula` gives back exactly what was escaped.
_FORMULA = patterns.compile("'*[=+\\-@\t\r]")
_ESCAPED = patterns.compile("'+[=+\\-@\t\r]")


def escape_formula(text: str) -> str:
    """`text` as a spreadsheet shows it, never runs it.

    A lone ``-`` (standard input's name in the source column) is no formula in any
    spreadsheet, and stays as it is: ``cat a.txt | figs extract`` names it ``-``.

    >>> escape_formula("=1+2"), escape_formula("-3%"), escape_formula("'=x"), escape_formula("员工")
    ("'=1+2", "'-3%", "''=x", '员工')
    >>> escape_formula("-"), escape_formula("-:1")
    ('-', "'-:1")
    """
    if text and text[0] in _STARTS and text != "-" and _FORMULA.match(text):
        return "'" + text
    return text


_STARTS = frozenset("=+-@\t\r'")


def unescape_formula(text: str) -> str:
    """The text `escape_formula` was given.

    >>> [unescape_formula(escape_formula(t)) for t in ("=1+2", "'=x", "'a", "@")]
    ['=1+2', "'=x", "'a", '@']
    """
    return text[1:] if _ESCAPED.match(text) else text


# A control character (C0, DEL, C1): a terminal would act on it (\x1b[31m turns
# what follows red, \x1b]0;…\x07 sets the window's title), a line break breaks the row.
_CONTROL = patterns.compile("[\x00-\x1f\x7f-\x9f]")
_NAMED_CONTROLS = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` as a person at a terminal should see it: each control character written
    as its escape, as ``ls`` shows such names, instead of acted on.

    >>> visible("a\\x1b[31mb"), visible("two\\nlines"), visible("员工")
    ('a\\\\x1b[31mb', 'two\\\\nlines', '员工')
    """
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: _NAMED_CONTROLS.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def cell(value) -> str:
    """A value as CSV, markdown and tables show it: a number's exact digits, None empty.

    >>> cell(Decimal("0.0000005")), cell(None), cell(3)
    ('0.0000005', '', '3')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain(value)
    return str(value)


def _json_decimal(d) -> str:
    return "null" if d is None or not d.is_finite() else plain(d)


def _json_optional(v) -> str:
    return "null" if v is None else str(v)


_JSON_VALUE: dict[str, Callable] = {TEXT: encode_basestring, INT: str, DECIMAL: _json_decimal,
                                    OPTIONAL_INT: _json_optional}


def _decimal_cell(d) -> str:
    return "" if d is None else plain(d)


def _cell_of(kind: str, escape: bool) -> Callable:
    if kind == TEXT:
        return escape_formula if escape else str
    return _decimal_cell if kind == DECIMAL else cell


@lru_cache(maxsize=None)
def batch_encoder(fmt: str, columns: tuple[str, ...], types: tuple[str, ...] | None = None,
                  escape_formulas: bool = True) -> Callable[[Iterable[tuple]], str]:
    """The function that writes rows (tuples of `columns`' values) as the text of `fmt`
    (csv, tsv, json or jsonl), without header or brackets.  Each value is turned into
    text once, by its column's type: no dict and no float on the way."""
    types = types or tuple(TYPES.get(c, TEXT) for c in columns)
    if fmt in DELIMITED:
        cells = tuple(_cell_of(t, escape_formulas) for t in types)
        delimiter = "," if fmt == "csv" else "\t"

        def delimited(rows: Iterable[tuple]) -> str:
            buf = io.StringIO()
            csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(
                [f(v) for f, v in zip(cells, row)] for row in rows)
            return buf.getvalue()

        return delimited
    # '{"source": ', ', "line": ' …: each key with what goes before it.
    keys = tuple(("{" if i == 0 else ", ") + encode_basestring(c) + ": " for i, c in enumerate(columns))
    converts = tuple(_JSON_VALUE[t] for t in types)

    def json_object(row: tuple) -> str:
        # map() keeps the loop over fields in C: a fifth faster than a comprehension.
        return "".join(map(add, keys, map(call, converts, row))) + "}"

    if fmt == "json":
        return lambda rows: ",\n  ".join(map(json_object, rows))
    return lambda rows: "".join([json_object(row) + "\n" for row in rows])


@lru_cache(maxsize=None)
def _getter(columns: tuple[str, ...]) -> Callable:
    return attrgetter(*columns)


def values(figures: Iterable, columns: tuple[str, ...]) -> Iterable[tuple]:
    """The value tuples of `columns` of each figure."""
    return map(_getter(columns), figures)


def encode(figures: Iterable, columns: tuple[str, ...], fmt: str | None, escape_formulas: bool = True):
    """A batch of figures as `fmt` writes them, without header or brackets: text for
    csv, tsv, json and jsonl; a list of value tuples for ``"tuples"``; dicts for None."""
    if fmt == "tuples":
        return list(values(figures, columns))
    if fmt is None:
        return [f.to_dict() for f in figures]
    return batch_encoder(fmt, columns, None, escape_formulas)(values(figures, columns))


ENCODED = ("csv", "tsv", "json", "jsonl")


def write(figures: Iterable, columns: tuple[str, ...], fmt: str, out: TextIO, title: str = "",
          escape_formulas: bool = True) -> int:
    """Write `figures` to `out` in format `fmt`; return how many were written."""
    if fmt in ENCODED:
        batches = ((encode([f], columns, fmt, escape_formulas), 1) for f in figures)
        return write_encoded(batches, columns, fmt, out)
    return write_cells(([cell(v) for v in row] for row in values(figures, columns)), columns, fmt, out, title)


def write_cells(rows: Iterable[list[str]], columns: tuple[str, ...], fmt: str, out: TextIO, title: str = "") -> int:
    """Write rows of cells (`cell` of each value) as a markdown table or rich tables,
    the formats that see a block of rows before they write the first of it."""
    return _WRITERS[fmt](rows, columns, out, title)


def header(columns: tuple[str, ...], fmt: str) -> str:
    return batch_encoder(fmt, columns, (TEXT,) * len(columns), False)([columns])


def write_encoded(batches: Iterable[tuple[str | bytes, int]], columns: tuple[str, ...], fmt: str, out: TextIO) -> int:
    """Write batches made by `encode` (each as its text and its number of rows) in
    format `fmt`, with the header or brackets the format needs; return the row count.
    A batch given as bytes is that text encoded as `out` encodes it, written to its
    binary buffer."""
    if fmt in DELIMITED:
        out.write(header(columns, fmt))
    elif fmt == "json":
        out.write("[")
    n = 0
    for text, count in batches:
        if not count:
            continue
        if fmt == "json":
            out.write(",\n  " if n else "\n  ")
        if isinstance(text, bytes):  # encoded already, for this very file (`figs.sink.byte_encoding`)
            out.flush()
            out.buffer.write(text)  # type: ignore[attr-defined]
        else:
            out.write(text)
        n += count
    if fmt == "json":
        out.write("\n]\n" if n else "]\n")
    return n


def write_changes(changes: Iterable, fmt: str, out: TextIO, escape_formulas: bool = True) -> int:
    """`figs diff` in format `fmt`: the table for a person; JSON objects of the status
    and both records; else one flat row of `DIFF_FIELDS` a difference."""
    if fmt == "table":
        return write_diff_table(changes, out)
    if fmt in ("json", "jsonl"):
        records = batch_encoder("json", JSON_FIELDS)
        get = _getter(JSON_FIELDS)

        def record(values: tuple) -> str:
            return records([values])

        end = "}\n" if fmt == "jsonl" else "}"

        def one(c) -> str:
            old = record(get(c.old)) if c.old else "null"
            new = record(get(c.new)) if c.new else "null"
            return f'{{"status": {encode_basestring(c.status)}, "old": {old}, "new": {new}' + end

        return write_encoded(((one(c), 1) for c in changes), ("status", "old", "new"), fmt, out)
    rows = (c.row() for c in changes)
    if fmt in ENCODED:
        encoded = batch_encoder(fmt, DIFF_FIELDS, tuple(DIFF_TYPES[c] for c in DIFF_FIELDS), escape_formulas)
        return write_encoded(((encoded([r]), 1) for r in rows), DIFF_FIELDS, fmt, out)
    return write_cells(([cell(v) for v in r] for r in rows), DIFF_FIELDS, fmt, out)


def _markdown_cell(text: str) -> str:
    """A cell of a markdown table: a | would end the cell, a line break the row."""
    return text.replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


# How many rows markdown and the table size their columns over: a run's rows are
# written in blocks of this many, so memory stays bounded however long the run.
BLOCK_ROWS = 1000


def _blocks(rows: Iterable, size: int = BLOCK_ROWS) -> Iterator[list]:
    """`rows` in lists of at most `size`, the last one shorter (none for no rows)."""
    it = iter(rows)
    while block := list(islice(it, size)):
        yield block


def _markdown(rows, columns, out, title):
    """One GitHub table for the run, written a block of rows at a time: each block's
    columns padded to its own widest cell (a reader of the markdown sees one table; in
    the text, the bars line up within a block)."""
    from tabulate import tabulate

    n = 0
    for block in _blocks(rows):
        table = [[_markdown_cell(c) for c in row] for row in block]
        lines = tabulate(table, headers=columns, tablefmt="github", disable_numparse=True)
        out.write(lines if not n else lines.split("\n", 2)[2])  # (the header once, at the top)
        out.write("\n")
        n += len(table)
    if not n:
        out.write(tabulate([], headers=columns, tablefmt="github", disable_numparse=True) + "\n")
    return n


# The columns a person at a terminal wants to see; the other formats keep them all.
TABLE_COLUMNS = ("source", "line", "text", "value", "upper", "qualifier", "unit", "kind", "subject")


def _table(rows, columns, out, title):
    """Rich tables, a block of `BLOCK_ROWS` rows each (its columns as wide as its
    cells: a run of any length is never held whole).  A block of one source has it as
    its title (unless the block before had the same) and each row says its line; a
    block of several says source:line.  Cells are plain text, never rich markup."""
    from rich.console import Console

    console = Console(file=out, soft_wrap=False)
    at = {c: i for i, c in enumerate(columns)}
    n, shown_title = 0, None
    for block in _blocks(rows):
        sources = {row[at["source"]] for row in block} if "source" in at else set()
        block_title = title or (next(iter(sources)) if len(sources) == 1 else "")
        console.print(_rich_table(block, columns, at, len(sources) <= 1,
                                  block_title if block_title != shown_title else ""))
        shown_title = block_title
        n += len(block)
    if not n:
        console.print(_rich_table([], columns, at, True, title))
    return n


def _rich_table(rows: list, columns, at: dict, one_source: bool, title: str):
    """One block's table: the `TABLE_COLUMNS` a person reads, `where` (source:line)
    for rows of several sources, else `line`."""
    from rich.table import Table
    from rich.text import Text

    shown = [c for c in TABLE_COLUMNS if c in at and c != "source"] or list(columns)
    table = Table(title=Text(visible(title)) if title else None, show_lines=False, header_style="bold")
    for c in shown:
        name = c if one_source or c != "line" else "where"
        right = c in ("value", "upper") or name == "line"
        table.add_column(name, justify="right" if right else "left", overflow="fold")
    for row in rows:
        cells = [row[at[c]] for c in shown]
        if not one_source and "line" in shown:
            cells[shown.index("line")] = f"{row[at['source']]}:{row[at['line']]}"
        table.add_row(*(Text(visible(c)) for c in cells))
    return table


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
    table.add_column("holder")
    table.add_column("old", overflow="fold", ratio=1)
    table.add_column("new", overflow="fold", ratio=1)
    n = 0
    for change in changes:
        old_cell, new_cell = _diff_cells(change.old, change.new, change.status == "same")
        style = _STATUS_STYLE.get(change.status, "")
        either = change.new or change.old
        table.add_row(Text(change.status, style=style), Text(visible(either.subject)), Text(visible(either.holder)),
                      old_cell, new_cell)
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
        a, b = visible(old.sentence), visible(new.sentence)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            style = "" if tag == "equal" else "bold"
            sentences["old"].append(a[i1:i2], style=style and "bold red")
            sentences["new"].append(b[j1:j2], style=style and "bold green")
            if style:
                marked["old"].append((i1, i2))
                marked["new"].append((j1, j2))
    for name, f, style in (("old", old, "bold red"), ("new", new, "bold green")):
        if f is not None and not marked[name]:
            before, found, after = visible(f.sentence).partition(visible(f.text))
            sentences[name] = Text(before) + Text(found, style=style) + Text(after)
            marked[name].append((len(before), len(before) + len(found)))
    cells = []
    for name, f in (("old", old), ("new", new)):
        cell_text = Text()
        if f is not None:
            cell_text.append(visible(f.text), style="bold")
            cell_text.append(f"  {visible(f.source)}:{f.line}:{f.col}\n", style="dim")
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
