"""Where articles come from: files, directories and standard input, read and decoded.

`documents` expands the paths a user gave into named texts, one at a time, and
reports each input that cannot be read as a `figs.errors.InputError` in its place,
so that the caller can say so and go on with the rest.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

from . import patterns
from .decode import decode, normalise_newlines
from .errors import InputError

# A code point that no UTF-8 output can hold: JSON may escape one ("\ud800").
_SURROGATE = patterns.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Document:
    source: str   # the name records carry: the path as given, or the label for stdin
    text: str


def expand(paths: tuple[str, ...], pattern: str = "*.txt") -> Iterator[str | InputError]:
    """Each path as given; a directory becomes its `pattern` files, recursively, sorted."""
    for path in paths or ("-",):
        if path != "-" and os.path.isdir(path):
            from pathlib import Path  # only for a directory (start-up time)

            found = sorted(str(p) for p in Path(path).rglob(pattern) if p.is_file())
            if not found:
                yield InputError(f"no {pattern[1:]} files in this directory", source=display_name(path))
            yield from found
        else:
            yield path


def display_name(path: str) -> str:
    """`path` as records and messages name it: a name whose bytes are not UTF-8
    (Python holds them as surrogate escapes) gets \\xNN for each such byte, so that
    CSV, JSON and SQLite output stay valid UTF-8.

    >>> display_name("a.txt"), display_name(os.fsdecode(b"caf\\xe9.txt"))
    ('a.txt', 'caf\\\\xe9.txt')
    """
    if not _SURROGATE.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def escaped_name(name: str) -> InputError:
    """What to say of a file whose name `display_name` had to escape."""
    return InputError("the file name is not valid UTF-8: its records name it with \\xNN escapes",
                      source=name)


def read_bytes(path: str) -> bytes:
    """The bytes of `path` ('-' is standard input), or an `InputError` saying why not."""
    with opened(path) as f:
        return f.read()


@contextmanager
def opened(path: str) -> Iterator[BinaryIO]:
    """`path` open for reading bytes ('-' is standard input), or an `InputError`."""
    if path == "-":
        if sys.stdin is None:  # closed by the shell (<&-)
            raise InputError("standard input is closed", source="-")
        yield sys.stdin.buffer
        return
    try:
        f = open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", source=path) from None
    except PermissionError:
        raise InputError("permission denied", source=path) from None
    except OSError as e:
        raise InputError(e.strerror or str(e), source=path) from None
    with f:
        try:
            yield f
        except IsADirectoryError:
            raise InputError("is a directory", source=path) from None
        except OSError as e:
            raise InputError(e.strerror or str(e), source=path) from None


def documents(paths: tuple[str, ...], label: str = "-", encoding: str | None = None,
              errors: str = "strict") -> Iterator[Document | InputError]:
    """The decoded text of every input, or the error that stopped it, in order."""
    for path in expand(paths):
        if isinstance(path, InputError):
            yield path
            continue
        name = label if path == "-" else display_name(path)
        try:
            text = decode(read_bytes(path), name, encoding=encoding, errors=errors)
        except InputError as e:
            e.source = name
            yield e
            continue
        yield Document(name, text)


def jsonl_documents(f: BinaryIO, name: str, field: str, id_field: str | None = None,
                    line_bytes: int = 0
                    ) -> Iterator[tuple[str, Iterable[tuple[str, int]]] | InputError]:
    """The documents of a JSON Lines corpus, one a line: each its name and its text
    as (text, bytes read) blocks, ready for `figs.stream.pieces`.

    Each line is an object whose `field` holds the text (a string, or a list of
    paragraphs, joined by line breaks).  Its records are named by `id_field`, or
    ``NAME:LINE`` without one.  A line that is not such an object is reported in
    its place as an `InputError`.  A line longer than `line_bytes` is read in
    blocks (`figs.jsonl`, by default `jsonl.LINE_BYTES`), in bounded memory.
    """
    from . import jsonl  # only for JSON Lines input (start-up time)

    line_bytes = line_bytes or jsonl.LINE_BYTES
    number = 0
    while True:
        raw = f.readline(line_bytes)
        if not raw:
            return
        number += 1
        if number == 1 and raw.startswith(_WIDE_BOMS):
            yield InputError(_WIDE, source=name)
            return
        if len(raw) == line_bytes and not raw.endswith(b"\n"):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)  # (the short path's decoding drops it)
            yield from _long_line(raw, f, name, number, field, id_field)
            continue
        if not raw.strip():
            continue
        where = f"line {number}"
        try:
            obj = json.loads(_utf8(raw.rstrip(b"\r\n")))  # (a line end inside a string is not the error)
        except ValueError as e:
            yield InputError(_json_problem(e), source=name, where=where)
            continue
        except RecursionError:
            yield InputError("not valid JSON: nested too deeply to read", source=name, where=where)
            continue
        text = obj.get(field) if isinstance(obj, dict) else None
        if isinstance(text, list) and all(isinstance(p, str) for p in text):
            text = "\n".join(text)
        if not isinstance(text, str):
            what = "no field" if not isinstance(obj, dict) or field not in obj else "no text in field"
            yield InputError(f"{what} {field!r}", source=name, where=where)
            continue
        source = f"{name}:{number}"
        if id_field is not None:
            if obj.get(id_field) is None:
                yield InputError(f"no field {id_field!r}", source=name, where=where)
                continue
            try:
                source = jsonl.id_name(obj[id_field], id_field, name, where)
            except InputError as e:
                yield e
                continue
        bad = _SURROGATE.search(source) or _SURROGATE.search(text)
        if bad:
            in_field = id_field if _SURROGATE.search(source) else field
            yield InputError(f"field {in_field!r} holds an escaped lone surrogate "
                             f"(\\u{ord(bad.group()):04x}), which is not a character", source=name, where=where)
            continue
        yield source, [(normalise_newlines(text), len(raw))]


# A JSON Lines file in UTF-16 or UTF-32 (json.loads would take each line's bytes for
# whatever it guesses, line 1 whole and the rest, cut after the LF byte, as garbage).
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_WIDE = "JSON Lines in UTF-16 or UTF-32: figs reads JSON Lines as UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)"


def _utf8(line: bytes) -> str:
    """A JSON line's text: UTF-8 (a byte-order mark dropped), as JSON Lines are, and
    not whatever other encoding `json.loads` of the bytes would guess.  Encoded
    surrogates pass, to be refused by name, as the long path does."""
    return line.decode("utf-8-sig", "surrogatepass")


# Names that say a file is JSON Lines; read without --jsonl-field, the text is in:
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_FIELD = "text"


def jsonl_field_of(f: BinaryIO, path: str, name: str) -> str | None:
    """The field to read a JSON Lines file given without --jsonl-field from: "text",
    when its name says JSON Lines and its first document has that field; None for
    any other file (read as prose).  Else an `InputError` that tells which fields
    the first document has.  `f` is left at its start."""
    if not path.lower().endswith(JSONL_SUFFIXES):
        return None
    from . import jsonl  # only for JSON Lines input (start-up time)

    if not f.seekable():
        return DEFAULT_FIELD  # (a pipe: its lines tell, one by one)
    first, number = b"", 0
    while not first.strip():
        first = f.readline(jsonl.LINE_BYTES)
        number += 1
        if not first:
            break
    f.seek(0)
    if not first.strip():
        return DEFAULT_FIELD  # no document: no records, as an empty .txt has none
    if first.startswith(_WIDE_BOMS):
        raise InputError(_WIDE, source=name)
    try:
        obj = json.loads(_utf8(first))
    except RecursionError:
        obj = {DEFAULT_FIELD: ""}  # let the line reader tell
    except ValueError as e:
        if len(first) >= jsonl.LINE_BYTES:
            obj = {DEFAULT_FIELD: ""}  # a long line: let it tell
        else:  # prose, or another encoding, named .jsonl: say so once, not for every line
            raise InputError(f"{_json_problem(e)}; a {os.path.splitext(path)[1]} file is read as JSON Lines",
                             source=name, where=f"line {number}") from None
    if isinstance(obj, dict) and DEFAULT_FIELD in obj:
        return DEFAULT_FIELD
    fields = [k for k, v in obj.items() if isinstance(v, (str, list))] if isinstance(obj, dict) else []
    hint = f" (its first document has {', '.join(map(repr, fields[:8]))})" if fields else ""
    raise InputError(f"JSON Lines with no field {DEFAULT_FIELD!r}: give --jsonl-field FIELD{hint}", source=name)


def _long_line(first: bytes, f: BinaryIO, name: str, number: int, field: str, id_field: str | None
               ) -> Iterator[tuple[str, Iterable[tuple[str, int]]] | InputError]:
    from . import jsonl

    spool, length, nbytes = jsonl.spool_line(first, f)
    try:
        line = jsonl.scan(spool, length, name, number, field, id_field, nbytes)
    except InputError as e:
        spool.close()
        yield e
        return
    yield line.source, jsonl.text_blocks(spool, length, line)


def _json_problem(e: ValueError) -> str:
    """What is wrong with a line that is not JSON, in one whole sentence.

    >>> _json_problem(json.JSONDecodeError("Unterminated string starting at", '{"a": "b', 6))
    'not valid JSON: unterminated string starting at column 7'
    >>> _json_problem(json.JSONDecodeError("Expecting value", '{"a": }', 6))
    'not valid JSON: expecting value at column 7'
    """
    if isinstance(e, UnicodeDecodeError):
        return f"not valid UTF-8 (byte {e.start} of the line)"
    if not isinstance(e, json.JSONDecodeError):
        return f"not valid JSON: {e}"
    msg = e.msg[:1].lower() + e.msg[1:]
    return f"not valid JSON: {msg}{'' if msg.endswith(' at') else ' at'} column {e.colno}"
