"""JSON Lines documents in bounded memory, however long a line is.

A line up to `LINE_BYTES` is read with `json.loads`.  A longer one (a whole book in
one "text" field) would take several times its size as a Python object, and the
extractor more again; so it is copied to a temporary file as it is read and gone
through twice, a block at a time:

1. `_scan` checks that the line is JSON, with an explicit stack (no recursion, so
   no depth limit), and finds where the text field's value starts and what the id
   field holds.  The last of repeated keys wins, as with `json.loads`.
2. `_text_blocks` decodes the text field from there, block by block: the string's
   bytes up to a whole escape, UTF-8 decoded incrementally, escapes decoded by
   `json.loads` of that stretch.  A list of strings gives its paragraphs joined by
   line breaks, as the short path does.

The text so decoded is the short path's, so the records are the same; only the
messages about a broken long line give a byte of the line instead of a column.
"""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

from . import patterns
from .errors import InputError

# Lines longer than this are read in blocks of `BLOCK_BYTES`.
LINE_BYTES = 1 << 20
BLOCK_BYTES = 1 << 20
# An id longer than this is refused rather than held.
_ID_BYTES = 1 << 16

_WS = patterns.compile(rb"[ \t\r\n]*")
# A string's body up to its closing quote: runs of plain bytes and whole escapes.
_BODY = patterns.compile(rb'(?:[^"\\\x00-\x1f]+|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*')
# The same for the text and id fields, where an escaped lone surrogate is refused:
# UTF-8 output cannot hold one.
_TEXT_BODY = patterns.compile(rb'(?:[^"\\\x00-\x1f]+|\\["\\/bfnrt]|\\u(?![dD][89a-fA-F])[0-9a-fA-F]{4}'
                        rb'|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2})*')
_SURROGATE_ESCAPE = patterns.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_NUMBER = patterns.compile(rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|NaN|Infinity|-Infinity")
_LITERAL = patterns.compile(rb"true|false|null")


@dataclass(frozen=True)
class LongLine:
    """Where a long line's text field is, and the name its records carry."""

    source: str
    text_at: int      # offset of the field's value in the line
    is_list: bool
    nbytes: int


class _Bad(Exception):
    def __init__(self, message: str, at: int | None = None):
        super().__init__(message)
        self.message = message if at is None else f"{message} (byte {at} of the line)"


def spool_line(first: bytes, f: BinaryIO) -> tuple[BinaryIO, int, int]:
    """The rest of a line whose first `first` bytes were read, copied with them to a
    temporary file: the file, the length of the line less its line end, and the
    bytes read."""
    import tempfile  # here, not at the top: most runs never need it (start-up time)

    spool = tempfile.TemporaryFile()
    spool.write(first)
    last = first
    while not last.endswith(b"\n"):
        last = f.readline(BLOCK_BYTES)
        if not last:
            break
        spool.write(last)
    nbytes = spool.tell()
    spool.seek(max(nbytes - 2, 0))
    end = spool.read()
    length = nbytes - (2 if end.endswith(b"\r\n") else 1 if end.endswith(b"\n") else 0)
    return spool, length, nbytes


def scan(spool: BinaryIO, length: int, name: str, number: int, field: str, id_field: str | None,
         nbytes: int) -> LongLine:
    """Check the long line in `spool` and find its text field (`InputError` if none)."""
    where = f"line {number}"
    try:
        found = _scan(_Reader(spool, 0, length), field, id_field)
    except _Bad as e:
        raise InputError(e.message, source=name, where=where) from None
    text_at, kind, id_raw = found
    if kind is None:
        raise InputError(f"no field {field!r}", source=name, where=where)
    if kind == "other":
        raise InputError(f"no text in field {field!r}", source=name, where=where)
    source = f"{name}:{number}"
    if id_field is not None:
        value = None
        if id_raw is not None:
            spool.seek(id_raw[0])
            value = json.loads(spool.read(id_raw[1] - id_raw[0]))
        if value is None:
            raise InputError(f"no field {id_field!r}", source=name, where=where)
        source = id_name(value, id_field, name, where)
        bad = re.search("[\ud800-\udfff]", source)
        if bad:
            raise InputError(f"field {id_field!r} holds an escaped lone surrogate "
                             f"(\\u{ord(bad.group()):04x}), which is not a character", source=name, where=where)
    return LongLine(source, text_at, kind == "list", nbytes)


def id_name(value, id_field: str, name: str, where: str) -> str:
    """The name an id field's value gives a document's records: a string as it is, a
    number as JSON writes it.  Anything else (true, a list, an object) is no name:
    Python would write it as ``True`` or ``{'a': 1}``, which is in no JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value)
    what = "a boolean" if isinstance(value, bool) else "a list" if isinstance(value, list) else "an object"
    raise InputError(f"field {id_field!r} holds {what}, not a name (a string or a number)",
                     source=name, where=where)


def text_blocks(spool: BinaryIO, length: int, line: LongLine) -> Iterator[tuple[str, int]]:
    """The text of the field, as (text, bytes) blocks; line ends made LF.  The bytes
    add up to the whole line's, for progress."""
    r = _Reader(spool, line.text_at, length)
    decoder = codecs.getincrementaldecoder("utf-8")()

    def decoded(body: bytes) -> str:
        text = decoder.decode(body)
        return json.loads(f'"{text}"') if "\\" in text else text

    def strings() -> Iterator[tuple[str, int]]:
        if not line.is_list:
            yield from _string_pieces(r, decoded)
            return
        r.skip(1)  # [
        r.ws()
        first = True
        while r.peek() != b"]":
            if not first:
                yield "\n", 0
            yield from _string_pieces(r, decoded)
            r.ws()
            if r.peek() == b",":
                r.skip(1)
                r.ws()
            first = False

    cr = False
    given = 0
    try:
        for text, n in strings():
            given += n
            if cr:
                text = "\r" + text
            cr = text.endswith("\r")
            if cr:
                text = text[:-1]
            if text:
                yield text.replace("\r\n", "\n").replace("\r", "\n"), n
        yield ("\n" if cr else ""), line.nbytes - given
    finally:
        spool.close()


def _string_pieces(r: "_Reader", decoded) -> Iterator[tuple[str, int]]:
    """The decoded body of the string at `r` (checked by the scan), a block at a time."""
    r.skip(1)  # the opening quote
    while True:
        r.fill()
        m = _TEXT_BODY.match(r.buf, r.pos)
        body, r.pos = r.buf[r.pos:m.end()], m.end()
        if body:
            yield decoded(body), len(body)
        if r.buf[r.pos:r.pos + 1] == b'"':
            r.pos += 1
            return
        if not body:  # an escape cut by the end of the block
            if r.eof:
                return
            r.fill(len(r.buf) - r.pos + 16)


class _Reader:
    """Bytes [start, end) of a file, a block at a time, with a little look-ahead."""

    def __init__(self, f: BinaryIO, start: int, end: int):
        f.seek(start)
        self.f, self.left = f, end - start
        self.buf, self.pos, self.base = b"", 0, start
        self.eof = False

    def fill(self, need: int = 16) -> None:
        """At least `need` bytes after pos, unless the line ends first."""
        if len(self.buf) - self.pos >= need or self.eof:
            return
        block = self.f.read(min(BLOCK_BYTES, self.left)) if self.left > 0 else b""
        self.left -= len(block)
        self.base += self.pos
        self.buf, self.pos = self.buf[self.pos:] + block, 0
        self.eof = self.left <= 0

    def at(self) -> int:
        return self.base + self.pos

    def peek(self) -> bytes:
        self.fill()
        return self.buf[self.pos:self.pos + 1]

    def skip(self, n: int) -> None:
        self.fill(n)
        self.pos += n

    def ws(self) -> None:
        while True:
            self.fill()
            self.pos = _WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or self.eof:
                return

    def token(self, pattern: re.Pattern, most: int = 1 << 20) -> bytes | None:
        """The match of `pattern` here, read to its end (at most `most` bytes)."""
        need = 64
        while True:
            self.fill(need)
            m = pattern.match(self.buf, self.pos)
            if m is None or m.end() < len(self.buf) or self.eof or need > most:
                break
            need *= 4
        if m is None or m.end() == self.pos:
            return None
        self.pos = m.end()
        return m.group()


def _scan(r: _Reader, field: str, id_field: str | None):
    """Check one JSON value from `r` to its end; return where the top-level object's
    `field` value starts and whether it is text (kind "string", "list", "other",
    or None when absent), and the span of its `id_field` value."""
    field_key = json.dumps(field).encode()
    id_key = json.dumps(id_field).encode() if id_field is not None else None
    stack: list[bytes] = []
    text_at: int = 0
    kind: str | None = None
    id_raw: tuple[int, int] | None = None
    key: bytes | None = None      # the top-level key whose value comes next
    id_from: int | None = None
    expect = "value"              # value, key (or }), value-or-] , comma-or-close, colon
    r.ws()
    if r.peek() == b"":
        raise _Bad("not valid JSON: expecting a value", r.at())
    while True:
        r.ws()
        c = r.peek()
        at = r.at()
        depth = len(stack)
        if expect in ("value", "value-or-]"):
            if c == b"]" and expect == "value-or-]":
                r.skip(1)
                stack.pop()
                expect = "comma-or-close"
                continue
            top_value = depth == 1 and stack[0] == b"{"
            if top_value and key == field_key:
                text_at, kind = at, "string" if c == b'"' else "list" if c == b"[" else "other"
            if top_value and key == id_key:
                id_from = at
            in_text_list = depth == 2 and kind == "list" and key == field_key and stack[1] == b"["
            if c in (b"{", b"[") and in_text_list:
                kind = "other"
            if c in (b"{", b"["):
                stack.append(c)
                r.skip(1)
                expect = "key" if c == b"{" else "value-or-]"
                continue
            if c == b'"':
                label = field if in_text_list or top_value and key == field_key else \
                    id_field if top_value and key == id_key else None
                _string(r, label)
            elif r.token(_NUMBER) is None and r.token(_LITERAL) is None:
                raise _Bad("not valid JSON: expecting a value", at)
            elif in_text_list:
                kind = "other"
            expect = "comma-or-close"
        elif expect == "key":
            if c == b"}" and depth and stack[-1] == b"{":
                r.skip(1)
                stack.pop()
                expect = "comma-or-close"
                continue
            if c != b'"':
                raise _Bad("not valid JSON: expecting a property name in double quotes", at)
            raw = _string(r, None, keep=depth == 1)
            if depth == 1:
                key = _canonical(raw) if raw is not None else None  # a long key is none we look for
            expect = "colon"
        elif expect == "colon":
            if c != b":":
                raise _Bad("not valid JSON: expecting ':' delimiter", at)
            r.skip(1)
            expect = "value"
        else:  # comma-or-close
            if depth == 1 and id_from is not None and key == id_key:
                id_raw, id_from = (id_from, at), None
                if id_raw[1] - id_raw[0] > _ID_BYTES:
                    raise _Bad(f"field {id_field!r} is longer than {_ID_BYTES} bytes")
            if not stack:
                if c != b"":
                    raise _Bad("not valid JSON: extra data", at)
                if id_from is not None:
                    id_raw = (id_from, at)
                return text_at, kind, id_raw
            if c == b",":
                r.skip(1)
                expect = "key" if stack[-1] == b"{" else "value"
            elif c == (b"}" if stack[-1] == b"{" else b"]"):
                r.skip(1)
                stack.pop()
            elif c == b"":
                raise _Bad("not valid JSON: the line ends inside an object or list", at)
            else:
                raise _Bad(f"not valid JSON: expecting ',' or '{'}' if stack[-1] == b'{' else ']'}'", at)


def _canonical(raw: bytes) -> bytes:
    """A key as json.dumps writes it, so that "text" and "\\u0074ext" are one key."""
    return json.dumps(json.loads(raw)).encode()


def _string(r: _Reader, label: str | None, keep: bool = False) -> bytes | None:
    """Check the string at `r` and move past it.  In the text or id field (`label`)
    an escaped lone surrogate is refused.  With `keep`, the string as written (up to
    4 kB; None beyond)."""
    start = r.at()
    body = _TEXT_BODY if label is not None else _BODY
    kept: list[bytes] | None = [b'"'] if keep else None
    r.skip(1)
    decoder = codecs.getincrementaldecoder("utf-8")()
    while True:
        r.fill()
        m = body.match(r.buf, r.pos)
        chunk = r.buf[r.pos:m.end()]
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as e:
            raise _Bad("not valid UTF-8", r.at() + e.start) from None
        if kept is not None:
            kept.append(chunk)
            if sum(map(len, kept)) > 4096:
                kept = None
        r.pos = m.end()
        if r.pos < len(r.buf):
            c = r.buf[r.pos:r.pos + 1]
            if c == b'"':
                r.pos += 1
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    raise _Bad("not valid UTF-8", r.at() - 2) from None
                return b"".join(kept) + b'"' if kept is not None else None
            if c == b"\\" and len(r.buf) - r.pos < 12 and not r.eof:
                r.fill(32)
                continue
            if c == b"\\":
                surrogate = _SURROGATE_ESCAPE.match(r.buf, r.pos)
                if label is not None and surrogate:
                    raise _Bad(f"field {label!r} holds an escaped lone surrogate "
                               f"({surrogate.group().decode().lower()}), which is not a character")
                raise _Bad("not valid JSON: invalid \\escape", r.at())
            raise _Bad("not valid JSON: invalid control character", r.at())
        if r.eof:
            raise _Bad("not valid JSON: unterminated string", start)
