"""Large inputs in bounded memory: incremental decoding and paragraph-sized pieces.

A file is read in blocks of bytes, decoded incrementally (the same text that
`figs.decode.decode` returns for the whole file: BOM dropped, CRLF and CR made LF),
and cut into *pieces* at paragraph boundaries.  `extract_piece` runs
`figs.figures.extract` on one piece and shifts its records so that they are exactly
the records a run over the whole text would give.

Exactness rests on where the cuts fall and on a little context around each piece:

- A cut is a newline whose line ends a sentence (。！？” …): the extractor joins
  wrapped lines only when a line stops mid-sentence, so no sentence, and no figure,
  spans a cut; and the next line does not open with a closing mark that the
  sentence before it would take.
- The extractor looks a few dozen characters back (the clause before a figure names
  its subject; 从 before it changes which side is read) and a few forward; for a
  figure whose paragraph names no topic, the paragraphs above it, but never more
  than `figs.claims.TOPIC_BACK` characters before its sentence.  So each
  piece is read together with the whole lines before it that make up at least
  `CONTEXT` characters, and `CONTEXT` characters after it; figures that start in that
  context are dropped, as the neighbouring piece reports them.
- A paragraph longer than `LINE_CHARS` (a 200 MB line with no full stop, a table
  run together) is cut inside, after a full stop, else a comma, else a space, else
  anywhere.  A sentence may then span the cut, but a record never cites more than
  1000 characters of one (`figs.sentences`): `LINE_CONTEXT` characters on each side
  give the extractor all it would see in the whole text.  Such a piece may start in
  the middle of a line; it starts at a comma or full stop where there is one, so that
  the line's first part still tells the extractor the line is prose.

>>> text = "增长5%。\\n员工1150余人。\\n配送网点15个。\\n"
>>> whole = [f.to_dict() for f in extract_text(text)]
>>> cut = [f.to_dict() for f in extract_text(text, chunk_chars=4, context=8)]
>>> whole == cut, [f["line"] for f in cut]
(True, [1, 2, 3])
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, replace
from typing import BinaryIO, Iterable, Iterator

from .decode import codec_label, decode, detect, normalise_newlines
from .claims import TOPIC_BACK
from .errors import DecodeError, InputError
from .figures import extract
from .model import Figure

# Bytes read at a time, and the size a piece aims at (characters: ~750 kB of Chinese,
# small enough to spread one month of news over several cores).
BLOCK_BYTES = 1 << 20
CHUNK_CHARS = 1 << 18
# Characters of context read on each side of a piece.  Within a paragraph the extractor
# looks about 40 characters back and 16 forward; for a figure's topic it may read the
# paragraphs above, never more than `figs.claims.TOPIC_BACK` characters back.
CONTEXT = TOPIC_BACK
# A paragraph longer than this is cut inside; the context on each side of such a cut:
# twice the longest sentence a record cites (figs.sentences._SENTENCE_MAX), and some.
LINE_CHARS = 2 * CHUNK_CHARS
LINE_CONTEXT = 2048 + CONTEXT
# Where to cut inside a paragraph, best first: after a full stop, after a clause mark,
# at a space.  The marks that make a line prose to the extractor (figs.sentences._PROSE).
_INSIDE_CUTS = ("。！？!?", "，,；;、：:", " \t\u3000")
_PROSE_MARKS = "，,、。；"
# The last mark of a line a piece may end after, and marks that may not open the next.
_ENDS = frozenset("。！？!?”」』）)…")
_CLOSERS = frozenset("”’」』)）")
_BLANK = " \t\u3000\n"


@dataclass(frozen=True)
class Piece:
    """A stretch of one input's text, with the context it is read in.

    ``text[keep_from:keep_to]`` is the stretch itself; the rest is context.
    ``offset``, ``line`` and ``col`` place ``text[0]`` in the whole input: its
    character offset, the number of line breaks before it and its column (0 unless
    a long paragraph was cut inside).
    """

    source: str
    text: str
    offset: int = 0
    line: int = 0
    keep_from: int = 0
    keep_to: int | None = None
    nbytes: int = 0  # input bytes this piece accounts for (for progress)
    first: bool = True
    last: bool = True
    col: int = 0     # characters before text[0] on its line (a piece cut inside a paragraph)


def extract_piece(piece: Piece, dates: bool = False) -> Iterator[Figure]:
    """The figures that start in the piece's own stretch, placed in the whole input."""
    keep_from = piece.offset + piece.keep_from
    keep_to = piece.offset + (len(piece.text) if piece.keep_to is None else piece.keep_to)
    for f in extract(piece.text, source=piece.source, dates=dates, offset=piece.offset, line=piece.line):
        if keep_from <= f.start < keep_to:
            yield replace(f, col=f.col + piece.col) if piece.col and f.line == piece.line + 1 else f


def extract_text(text: str, source: str = "-", dates: bool = False, chunk_chars: int = CHUNK_CHARS,
                 context: int = CONTEXT, line_chars: int = LINE_CHARS) -> Iterator[Figure]:
    """`figs.extract` over `text` one piece at a time: the same records."""
    for piece in pieces([text], source, chunk_chars=chunk_chars, context=context, line_chars=line_chars):
        yield from extract_piece(piece, dates=dates)


def decoded_blocks(f: BinaryIO, name: str = "-", encoding: str | None = None, errors: str = "strict",
                   block_bytes: int = BLOCK_BYTES) -> Iterator[tuple[str, int]]:
    """The text of a binary stream as (text, bytes read) blocks, decoded incrementally.

    An input that fits in one block is decoded whole by `figs.decode.decode`; a larger
    one gives the same text, block by block, with the same errors.
    """
    data = f.read(max(block_bytes, 4))  # enough for any byte-order mark
    more = f.read(block_bytes) if data else b""
    if not more:
        yield decode(data, name, encoding=encoding, errors=errors), len(data)
        return
    given = encoding
    if encoding is None:
        try:
            encoding = detect(data, final=False)
        except InputError as e:
            e.source = name
            raise
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}", source=name) from None
    consumed = 0  # bytes fed to the decoder before this block
    cr = False    # the text so far ended with CR, held back in case LF follows
    while data:
        final = not more
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as e:
            held = len(decoder.getstate()[0])  # bytes of earlier blocks still undecoded
            where = consumed - held + e.start if e.start is not None else consumed
            hint = "" if given else " (give --encoding, or --encoding-errors replace)"
            raise DecodeError(f"not valid {codec_label(encoding)}{hint}", source=name,
                              where=f"byte {max(where, 0)}") from None
        consumed += len(data)
        if cr:
            text = "\r" + text
        cr = not final and text.endswith("\r")
        if cr:
            text = text[:-1]
        yield normalise_newlines(text), len(data)
        data, more = more, (f.read(block_bytes) if more else b"")


def pieces(blocks: Iterable[str | tuple[str, int]], source: str, chunk_chars: int = CHUNK_CHARS,
           context: int = CONTEXT, line_chars: int = LINE_CHARS) -> Iterator[Piece]:
    """Cut a text that arrives in blocks into pieces of about `chunk_chars` characters.

    Memory holds one piece and the block being read, however long the input: a
    paragraph longer than `line_chars` is cut inside (see the module's notes).
    """
    buf = ""           # text read and not yet given out: buf[pos:]
    pos = 0
    buf_bytes = 0      # input bytes behind buf[pos:]
    history = ""       # text given out last, read again as the next piece's context
    history_col = 0    # its column
    emitted = 0        # characters given out so far
    lines = 0          # line breaks given out so far
    first = True
    searched = 0       # buf holds no cut between chunk_chars and here
    inside = False     # the last cut fell inside a paragraph
    for block in blocks:
        text, nbytes = block if isinstance(block, tuple) else (block, len(block.encode("utf-8")))
        searched -= pos
        buf = buf[pos:] + text
        pos = 0
        buf_bytes += nbytes
        while len(buf) - pos >= chunk_chars + context:
            limit = min(len(buf) - context, pos + line_chars)
            cut = _cut(buf, pos, chunk_chars, limit, searched)
            inside = cut is None
            if inside:
                if len(buf) - pos < line_chars + LINE_CONTEXT:
                    searched = limit - 1
                    break
                cut = _cut_inside(buf, pos, chunk_chars)
            chunk = buf[pos:cut]
            pos = cut
            share = round(buf_bytes * len(chunk) / (len(buf) - pos + len(chunk)))
            buf_bytes -= share
            after = LINE_CONTEXT if inside else context
            yield Piece(source, history + chunk + buf[pos:pos + after], offset=emitted - len(history),
                        line=lines - history.count("\n"), keep_from=len(history),
                        keep_to=len(history) + len(chunk), nbytes=share, first=first, last=False,
                        col=history_col)
            first = False
            emitted += len(chunk)
            lines += chunk.count("\n")
            history, history_col = _tail(history + chunk, history_col, LINE_CONTEXT if inside else context,
                                         max(line_chars // 2, LINE_CONTEXT))
    rest = buf[pos:]
    yield Piece(source, history + rest, offset=emitted - len(history), line=lines - history.count("\n"),
                keep_from=len(history), nbytes=buf_bytes, first=first, last=True, col=history_col)


def _cut(buf: str, pos: int, chunk_chars: int, limit: int, searched: int = 0) -> int | None:
    """Where to end the piece that starts at `pos` in `buf`: just after a newline that
    ends a paragraph, the nearest one before `chunk_chars` characters, else the first
    after, before `limit`; None when there is none."""
    target = pos + chunk_chars
    i = buf.rfind("\n", pos, min(target, limit))
    while i >= pos:
        if _cuttable(buf, i):
            return i + 1
        i = buf.rfind("\n", pos, i)
    i = buf.find("\n", max(target, searched), limit)
    while i >= 0:
        if _cuttable(buf, i):
            return i + 1
        i = buf.find("\n", i + 1, limit)
    return None


def _cut_inside(buf: str, pos: int, chunk_chars: int) -> int:
    """Where to cut a long paragraph that starts at `pos`: after the last full stop
    in the second half of the next `chunk_chars` characters, else the last clause
    mark, else the last space, else at `chunk_chars`."""
    lo, hi = pos + chunk_chars // 2, pos + chunk_chars
    for marks in _INSIDE_CUTS:
        i = max(buf.rfind(c, lo, hi) for c in marks)
        if i >= 0:
            while i + 1 < hi and buf[i + 1] in _CLOSERS:
                i += 1  # 。” : the quote closes the sentence
            return i + 1
    return hi


def _cuttable(buf: str, i: int) -> bool:
    """True when the newline at `i` ends a paragraph: the last mark before it ends a
    sentence (blank lines between do not count), and the next line does not open
    with a closing mark."""
    if buf[i + 1:i + 2] in _CLOSERS:
        return False
    j = i - 1
    while j >= 0 and buf[j] in _BLANK:
        j -= 1
    return j >= 0 and buf[j] in _ENDS


def _tail(text: str, col: int, context: int, most: int) -> tuple[str, int]:
    """The end of `text` (whose first character is in column `col`) that the next
    piece reads as context, and its column: the whole lines that hold at least
    `context` characters; or, when those are more than `most`, the end of the line
    from the last comma or full stop before its last `context` characters (from
    just `context` characters when there is none)."""
    if len(text) <= context:
        return text, col
    start = text.rfind("\n", 0, len(text) - context) + 1
    if len(text) - start > most:
        begin = max(start, len(text) - most)
        mark = max(text.rfind(c, begin, len(text) - context) for c in _PROSE_MARKS)
        start = mark if mark >= 0 else len(text) - context
    line_start = text.rfind("\n", 0, start)
    return text[start:], (start - line_start - 1 if line_start >= 0 else col + start)
