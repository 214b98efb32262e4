"""Bytes to text: encodings found without asking, errors that name the byte."""
from __future__ import annotations

import codecs
import io

import pytest
from click.testing import CliRunner

from figs.cli import main
from figs.decode import decode, detect
from figs.stream import decoded_blocks
from conftest import EXAMPLES
from figs.errors import DecodeError, InputError

from badinputs import CASES, FIRST_BAD, TEXT

SAME = [c for c in CASES if c.outcome == "same"]
ERRORS = [c for c in CASES if c.outcome == "error"]


@pytest.mark.parametrize("case", SAME, ids=lambda c: c.name)
def test_every_encoding_decodes_to_the_same_text(case):
    assert decode(case.data, case.name) == TEXT


@pytest.mark.parametrize("case", ERRORS, ids=lambda c: c.name)
def test_bad_bytes_are_an_input_error_that_says_where(case):
    with pytest.raises(InputError) as e:
        decode(case.data, case.name)
    assert case.message in str(e.value)
    assert str(e.value).startswith(case.name + ": ")


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
     ("gb2312", "gb18030"), ("utf-16", "utf-16"), ("utf-32", "utf-32"),
     ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")],
)
def test_detect_names_a_codec_for_incremental_decoding(encoding, expected):
    data = TEXT.encode(encoding)
    assert detect(data) == expected
    # The name works for a streaming reader, which drops the byte-order mark itself.
    decoder = codecs.getincrementaldecoder(expected)()
    text = "".join(decoder.decode(data[i:i + 7]) for i in range(0, len(data), 7)) + decoder.decode(b"", True)
    assert text == TEXT


@pytest.mark.parametrize("cut", [1, 2, 5, 50, 101])
def test_detect_on_a_prefix_tolerates_a_character_cut_in_two(cut):
    for encoding, expected in (("utf-8", "utf-8"), ("gbk", "gb18030")):
        prefix = TEXT.encode(encoding)[:cut]
        assert detect(prefix, final=False) in (expected, "utf-8" if cut < 4 else expected)


def test_ascii_is_utf8():
    assert detect(b"GDP grew 5.2% in 2023\n") == "utf-8"
    assert decode(b"") == ""


def test_broken_utf8_is_not_read_as_gbk():
    # A single bad byte in a UTF-8 file: the rest would decode as GB18030 mojibake.
    data = TEXT.encode("utf-8")
    broken = data[:FIRST_BAD] + b"\xff" + data[FIRST_BAD:]
    assert detect(broken) == "utf-8"
    with pytest.raises(DecodeError) as e:
        decode(broken, "a.txt")
    assert str(e.value).startswith(f"a.txt: byte {FIRST_BAD}: not valid UTF-8")


def test_a_few_broken_bytes_in_a_long_file():
    data = (TEXT * 50).encode("utf-8")
    broken = bytearray(data)
    for at in (1000, 5001, 9002):  # lone continuation or lead bytes in the middle
        broken[at] = 0x80
    assert detect(bytes(broken)) == "utf-8"


def test_replace_warns_and_goes_on():
    data = TEXT.encode("utf-8")
    broken = data[:FIRST_BAD] + b"\xff\xfe" + data[FIRST_BAD:]
    said = []
    text = decode(broken, "a.txt", errors="replace", warn=said.append)
    assert text == TEXT[:3] + "\ufffd\ufffd" + TEXT[3:]
    assert said == [f"2 bytes not valid UTF-8 (the first at byte {FIRST_BAD}) replaced by U+FFFD"]


def test_replace_warns_on_stderr_by_default(capsys):
    decode(b"ab\xffcd", "x.txt", errors="replace")
    assert capsys.readouterr().err == "figs: x.txt: warning: 1 byte not valid UTF-8 (the first at byte 2) replaced by U+FFFD\n"


def test_offset_counts_the_byte_order_mark():
    data = codecs.BOM_UTF8 + b"ab\xff"
    with pytest.raises(DecodeError, match="byte 5"):
        decode(data, "x")
    data = "ab".encode("utf-16") + b"\x00\xd8\x41\x00"  # a lone surrogate after the mark
    with pytest.raises(DecodeError, match=r"byte 6: not valid UTF-16LE"):
        decode(data, "x")


def test_encoding_given_overrides_detection():
    data = TEXT.encode("gbk")
    assert decode(data, encoding="gbk") == TEXT
    assert decode("增長3%".encode("big5"), encoding="big5") == "增長3%"
    with pytest.raises(DecodeError, match="not valid UTF-8 at|byte"):
        decode(data, "x", encoding="utf-8")
    # A mark is dropped even when the encoding is given: offsets never count it.
    assert decode(codecs.BOM_UTF8 + b"abc", encoding="utf-8") == "abc"


def test_unknown_encoding():
    with pytest.raises(DecodeError, match="unknown encoding 'klingon'"):
        decode(b"abc", "x", encoding="klingon")


def test_line_endings_all_become_lf():
    assert decode(b"a\r\nb\rc\nd\r\r\ne") == "a\nb\nc\nd\n\ne"


def test_latin1_is_not_taken_for_gbk():
    data = "Café au lait, 3 £".encode("latin-1")
    with pytest.raises(DecodeError, match="not valid UTF-8"):
        decode(data, "x")
    assert decode(data, encoding="latin-1") == "Café au lait, 3 £"


def test_short_gbk():
    for word in ("人", "万元", "近10%", "１２３人"):
        assert decode(word.encode("gbk")) == word, word


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_utf16_without_a_mark_is_found(path, codec, tmp_path):
    """Every example article in UTF-16 without a byte-order mark, either order, gives
    the UTF-8 file's records (it was called a binary file)."""
    text = path.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "-f", "jsonl", "--label", "x"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.replace(str(tmp_path / "a.txt"), str(path)) == \
        CliRunner().invoke(main, ["extract", str(path), "-f", "jsonl"]).stdout
    # Read in blocks (a large file) the same way.
    assert "".join(t for t, _ in decoded_blocks(io.BytesIO(text.encode(codec)), block_bytes=1000)) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_no_ascii_and_so_no_nul_is_found(codec):
    text = TEXT.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}).replace("\n", "")
    data = text.encode(codec)
    assert b"\x00" not in data
    assert detect(data) == codec and decode(data) == text


@pytest.mark.parametrize("data", [b"abc", "员工".encode("utf-8"), "员工1150余人".encode("gbk")], ids=["ascii", "utf-8", "gbk"])
def test_a_binary_file_message_suggests_utf16(data):
    with pytest.raises(InputError, match=r"binary file \(if it is UTF-16 text, give --encoding utf-16-le"):
        detect(data + b"\x00\x01\x00\x00\x02\x03")


@pytest.mark.parametrize("codec", ["utf-8", "gbk"])
def test_text_that_is_not_utf16_is_not_taken_for_it(examples_text, codec):
    assert detect(examples_text.encode(codec)) == ("utf-8" if codec == "utf-8" else "gb18030")


@pytest.mark.parametrize("data", [
    ("The café on the corner served crème brûlée and naïve piñatas to everyone. " * 40).encode("latin-1"),
    ("“Smart quotes” and dashes — in Windows-1252, the word’s apostrophe. " * 40).encode("cp1252"),
    ("Revenue rose 5% (Q3 2019), said the report; 收入增长 " * 40).encode("gbk"),
], ids=["latin-1", "cp1252", "mostly-ascii gbk"])
def test_single_byte_text_is_not_taken_for_utf16(data):
    """Two ASCII letters read as one UTF-16 unit make a CJK character (th: U+7468)."""
    assert detect(data) in ("utf-8", "gb18030")
