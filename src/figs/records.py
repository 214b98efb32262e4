"""Figures files read back: the CSV, TSV, JSON and JSONL that `figs extract` writes.

`figs diff` takes either an article or a figures file on each side; `load` decides
which by the file's suffix and returns the figures either way.  Values come back
as `Decimal`, exactly as written, so a table saved last month compares with
today's article digit for digit.

>>> rows = read_figures_text('{"source": "a.txt", "line": 1, "col": 5, "start": 4, "end": 9,'
...     ' "text": "1150余人", "value": 1150, "upper": null, "qualifier": "over", "unit": "人",'
...     ' "kind": "count", "subject": "员工", "sentence": "现有员工1150余人。"}', "a.jsonl")
>>> rows[0].value, rows[0].upper, rows[0].subject
(Decimal('1150'), None, '员工')
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal, InvalidOperation
from typing import Iterator

from .decode import decode
from .errors import FormatError
from .figures import extract
from .inputs import read_bytes
from .model import DECIMAL, INT, JSON_FIELDS, OPTIONAL_INT, REQUIRED, TEXT, TYPES, Figure
from .render import unescape_formula

# Suffix of a figures file → its format; any other file is an article.
SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".jsonl": "jsonl"}
# Files written before figs had claim fields still read: those columns may be absent
# (`figs.model.RECORD` says which).
_REQUIRED = REQUIRED
# No figure is larger than 10**_LARGEST or has digits below 10**-_LARGEST: a number
# beyond is not one figs wrote (and 1e999999999 would take an age to compare).
_LARGEST = 1000


def figures_format(path: str) -> str | None:
    """The figures-file format `path` names by its suffix, or None for an article.

    >>> figures_format("old.JSONL"), figures_format("story.txt"), figures_format("-")
    ('jsonl', None, None)
    """
    dot = path.rfind(".")
    return SUFFIXES.get(path[dot:].lower()) if dot > 0 else None


def load(path: str, label: str = "-") -> list[Figure]:
    """The figures of `path`: read back from a figures file, or extracted from an
    article ('-' is standard input, named `label` in the records)."""
    name = label if path == "-" else path
    text = decode(read_bytes(path), name)
    fmt = figures_format(path)
    if fmt is None:
        return list(extract(text, source=name))
    return read_figures_text(text, name, fmt)


def read_figures_text(text: str, name: str, fmt: str | None = None) -> list[Figure]:
    """The figures in the text of a figures file; `FormatError` (with `name` and
    the line) when it is not one."""
    fmt = fmt or figures_format(name) or "jsonl"
    if fmt in ("csv", "tsv"):
        return list(_delimited(text, name, "," if fmt == "csv" else "\t"))
    if fmt == "json" and text.lstrip().startswith("["):
        return list(_json_array(text, name))
    return list(_json_lines(text, name))


def _delimited(text: str, name: str, delimiter: str) -> Iterator[Figure]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise FormatError(f"not a figures file: no column {missing[0]!r}", name, "line 1")
    index = {c: header.index(c) for c in JSON_FIELDS if c in header}
    for row in reader:
        where = f"line {reader.line_num}"
        if not row:
            continue
        if len(row) != len(header):
            raise FormatError(f"{len(row)} fields where the header has {len(header)}", name, where)
        yield figure_from_dict({c: row[i] for c, i in index.items()}, name, where, delimited=True)


def _json_lines(text: str, name: str) -> Iterator[Figure]:
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line, parse_float=Decimal, parse_int=_whole)
        except json.JSONDecodeError as e:
            raise FormatError(f"not JSON: {e.msg}", name, f"line {n}") from None
        except (ValueError, RecursionError) as e:
            raise FormatError(f"not a figures record: {e}", name, f"line {n}") from None
        yield figure_from_dict(obj, name, f"line {n}")


def _json_array(text: str, name: str) -> Iterator[Figure]:
    """The records of a JSON array, read one at a time so that an error names its line."""
    decoder = json.JSONDecoder(parse_float=Decimal, parse_int=_whole)
    i = text.index("[") + 1
    expect_value = True
    while True:
        i = _skip_space(text, i)
        if i < len(text) and text[i] == "]":
            if _skip_space(text, i + 1) != len(text):
                raise FormatError("text after the closing ]", name, _line_of(text, i))
            return
        if not expect_value:
            if i >= len(text) or text[i] != ",":
                raise FormatError("expected , or ] between records", name, _line_of(text, i))
            i = _skip_space(text, i + 1)
        try:
            obj, j = decoder.raw_decode(text, i)
        except json.JSONDecodeError as e:
            raise FormatError(f"not JSON: {e.msg}", name, _line_of(text, e.pos)) from None
        except (ValueError, RecursionError) as e:
            raise FormatError(f"not a figures record: {e}", name, _line_of(text, i)) from None
        yield figure_from_dict(obj, name, _line_of(text, i))
        i, expect_value = j, False


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _line_of(text: str, pos: int) -> str:
    return f"line {text.count(chr(10), 0, pos) + 1}"


def _whole(digits: str):
    """A JSON integer: an int, or a Decimal when it is too long for int() to take."""
    return int(digits) if len(digits) < 4000 else Decimal(digits)


def figure_from_dict(obj, name: str, where: str, delimited: bool = False) -> Figure:
    """A `Figure` from one record as `figs extract` writes it (JSON, or a CSV/TSV row:
    `delimited`, whose text cells may carry a ' before a formula character)."""
    if not isinstance(obj, dict):
        raise FormatError("a record must be an object", name, where)
    missing = [c for c in _REQUIRED if c not in obj]
    if missing:
        raise FormatError(f"record has no {missing[0]!r}", name, where)
    values = {}
    for field in JSON_FIELDS:
        raw = obj.get(field, "")
        kind = TYPES[field]
        if kind == INT:
            values[field] = _integer(raw, field, name, where)
        elif kind == OPTIONAL_INT:
            values[field] = None if raw in (None, "") else _integer(raw, field, name, where)
        elif kind == DECIMAL:
            values[field] = _decimal(raw, field, name, where)
        elif kind == TEXT:
            text = "" if raw is None else str(raw)
            values[field] = unescape_formula(text) if delimited else text
    if values["value"] is None:
        raise FormatError("record has no value", name, where)
    return Figure(**values)


def _integer(raw, field: str, name: str, where: str) -> int:
    try:
        if isinstance(raw, bool) or (isinstance(raw, Decimal) and raw != raw.to_integral_value()):
            raise ValueError
        if isinstance(raw, str) and len(raw) > 30:
            raise ValueError
        return int(raw)
    except (TypeError, ValueError):
        raise FormatError(f"{field} is not a whole number: {_short(repr(raw))}", name, where) from None


def _decimal(raw, field: str, name: str, where: str) -> Decimal | None:
    """A number from JSON (int or Decimal) or CSV (text); null or empty is None."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, str, Decimal)):
        raise FormatError(f"{field} is not a number: {_short(repr(raw))}", name, where)
    try:
        d = Decimal(str(raw).strip())
    except InvalidOperation:
        raise FormatError(f"{field} is not a number: {_short(repr(raw))}", name, where) from None
    if not d.is_finite():
        raise FormatError(f"{field} is not a number: {_short(repr(raw))}", name, where)
    if d and not -_LARGEST <= d.adjusted() <= _LARGEST:
        raise FormatError(f"{field} is out of range: {_short(str(raw))}", name, where)
    return d


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:20] + "…" + text[-10:]
