"""Pieces of a large input give the records of the whole input, byte for byte."""
from __future__ import annotations

import codecs
import io

import pytest

import figs
from figs.claims import WHOLE_OF_A_LEVEL
from figs.decode import decode
from figs.errors import DecodeError, FigsError
from figs.render import write
from figs.model import JSON_FIELDS
from figs.stream import LINE_CONTEXT, decoded_blocks, extract_piece, extract_text, pieces


def jsonl(figures) -> str:
    out = io.StringIO()
    write(figures, JSON_FIELDS, "jsonl", out)
    return out.getvalue()


def whole_and_chunked(text: str, chunk_chars: int, context: int | None = None) -> tuple[str, str]:
    options = {} if context is None else {"context": context}
    return (jsonl(figs.extract(text, source="doc")),
            jsonl(extract_text(text, source="doc", chunk_chars=chunk_chars, **options)))


@pytest.mark.parametrize("chunk_chars", [200, 700, 3000])
def test_examples_chunked_equal_whole(examples_text, chunk_chars):
    whole, chunked = whole_and_chunked(examples_text, chunk_chars)
    assert whole.count("\n") > 300
    assert chunked == whole


def test_examples_are_really_cut(examples_text):
    cut = list(pieces([examples_text], "doc", chunk_chars=200))
    assert len(cut) > 50
    # Every piece's own stretch ends at a line end, and together they are the text.
    assert "".join(p.text[p.keep_from:p.keep_to] for p in cut) == examples_text
    assert all(p.text[p.keep_to - 1] == "\n" for p in cut[:-1])
    assert [p.first for p in cut].count(True) == 1 and cut[-1].last


def test_without_context_only_the_topics_from_above_are_lost(examples_text):
    """Cutting at paragraph ends does most of the work: without context, every field of
    every record is the whole text's but a holder taken from the paragraph above the
    cut (figs.claims.TOPIC_BACK), which the piece cannot see; it is lost, never changed
    (but a 全市 the piece cannot resolve to the city named above stays 全市)."""
    whole = [f.to_dict() for f in figs.extract(examples_text, source="doc")]
    chunked = [f.to_dict() for f in extract_text(examples_text, source="doc", chunk_chars=300, context=0)]
    assert len(chunked) == len(whole)
    lost = 0
    for w, c in zip(whole, chunked):
        assert {**c, "holder": w["holder"]} == w
        if c["holder"] != w["holder"]:
            assert c["holder"] in ("", *WHOLE_OF_A_LEVEL) and w["holder"]
            lost += 1
    assert 0 < lost < len(whole) // 10


@pytest.mark.slow
def test_people_daily_chunked_equal_whole(corpus_file):
    path = corpus_file("people-daily-1998-01.txt")
    text = path.read_text(encoding="utf-8")
    # Lines the extractor cannot read yet (a bug outside this module) are left out.
    lines = text.split("\n")
    kept = []
    for line in lines:
        try:
            list(figs.extract(line))
        except FigsError:
            raise
        except Exception:
            continue
        kept.append(line)
    text = "\n".join(kept)
    whole, chunked = whole_and_chunked(text, 20_000)
    assert chunked == whole


def test_a_paragraph_longer_than_a_piece_stays_whole():
    text = "一二三，" * 500 + "共有48栋楼。\n" + "员工1150余人。\n"
    cut = list(pieces([text], "doc", chunk_chars=100, context=10))
    assert len(cut) == 2
    assert jsonl(extract_text(text, chunk_chars=100, context=10)) == jsonl(figs.extract(text))


# How a long paragraph may look: each a way of running the examples together.
LONG_PARAGRAPHS = {
    "one line": lambda t: t.replace("\n", ""),
    "one line, no full stop": lambda t: t.replace("。", "，").replace("\n", ""),
    "wrapped lines, no full stop": lambda t: t.replace("。", "，"),
    "one line, no punctuation": lambda t: t.replace("\n", "").replace("。", "").replace("，", "").replace("、", ""),
    "one line of quotes": lambda t: t.replace("\n", "").replace("。", "。”"),
}


@pytest.mark.parametrize("chunk_chars", [2500, 7000])
@pytest.mark.parametrize("shape", LONG_PARAGRAPHS, ids=list(LONG_PARAGRAPHS))
def test_a_long_paragraph_is_cut_inside_and_gives_the_same_records(examples_text, shape, chunk_chars):
    """Memory stays flat on a line with no sentence end: it is cut inside, with enough
    context that every record (column and citation included) is the whole text's."""
    text = LONG_PARAGRAPHS[shape](examples_text)
    cut = list(pieces([text], "doc", chunk_chars=chunk_chars, line_chars=2 * chunk_chars))
    assert len(cut) >= len(text) // (2 * chunk_chars)
    assert max(len(p.text) for p in cut) <= 2 * chunk_chars + 2 * LINE_CONTEXT
    assert "".join(p.text[p.keep_from:p.keep_to] for p in cut) == text
    whole = jsonl(figs.extract(text, source="doc"))
    assert whole.count("\n") > 300
    assert jsonl(extract_text(text, source="doc", chunk_chars=chunk_chars, line_chars=2 * chunk_chars)) == whole


def test_a_long_paragraph_read_in_blocks(examples_text):
    text = examples_text.replace("\n", "")
    blocks = [text[i:i + 999] for i in range(0, len(text), 999)]
    got = [f for p in pieces(blocks, "doc", chunk_chars=3000, line_chars=6000) for f in extract_piece(p)]
    assert jsonl(got) == jsonl(figs.extract(text, source="doc"))


def test_soft_breaks_are_never_cut():
    # A line that stops mid-sentence is joined to the next by the extractor.
    text = ("这是一段很长的新闻报道，说的是年人均收入不\n足3000元的事情。\n" * 40)
    assert jsonl(extract_text(text, chunk_chars=50, context=20)) == jsonl(figs.extract(text))


# --- incremental decoding ------------------------------------------------------


def blocks_text(data: bytes, block_bytes: int, **options) -> str:
    return "".join(t for t, _ in decoded_blocks(io.BytesIO(data), "f", block_bytes=block_bytes, **options))


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("gb18030", b""),
])
@pytest.mark.parametrize("block_bytes", [1, 3, 7, 64])
def test_incremental_decoding_equals_whole(examples_text, encoding, bom, block_bytes):
    text = examples_text[:600].replace("\n", "\r\n")[:300] + "a\rb\r\r\nc\r"
    data = bom + text.encode(encoding)
    options = {"encoding": encoding} if encoding == "gb18030" else {}
    assert blocks_text(data, block_bytes, **options) == decode(data, "f", **options)


def test_bytes_are_counted():
    data = "员工1150余人。\n".encode() * 100
    assert sum(n for _, n in decoded_blocks(io.BytesIO(data), block_bytes=100)) == len(data)


@pytest.mark.parametrize("block_bytes", [5, 4096])
def test_decode_error_names_the_byte(block_bytes):
    data = "员工1150余人。\n".encode() * 10 + b"\xff" + b"abc" * 10
    with pytest.raises(DecodeError) as whole:
        decode(data, "f")
    with pytest.raises(DecodeError) as streamed:
        blocks_text(data, block_bytes)
    assert str(streamed.value) == str(whole.value)
    assert str(whole.value) == "f: byte 200: not valid UTF-8 (give --encoding, or --encoding-errors replace)"


def test_unknown_encoding():
    with pytest.raises(DecodeError, match="unknown encoding"):
        blocks_text(b"x" * 100, 10, encoding="nope")
