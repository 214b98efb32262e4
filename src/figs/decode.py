"""Bytes to text: the encoding found (or given), line endings made LF.

Offsets in figs' records count characters of the text this returns: decoded, with
CRLF and bare CR turned into LF, and a byte-order mark dropped.

How the encoding is found (`detect`), in this order:

1. A byte-order mark: UTF-8, UTF-16 or UTF-32, little or big endian.
2. NUL bytes in a pattern only UTF-16 has (every other byte, on one side), or, in
   bytes that are not UTF-8, code units nearly all Chinese characters, CJK
   punctuation or ASCII when read in one byte order: UTF-16 without a mark
   (Chinese text with no ASCII in it has no NUL byte).  Any other NUL, or mostly
   control bytes: a binary file.
3. Valid UTF-8: UTF-8.
4. Not UTF-8, but the whole input is valid GB18030 (which covers GBK and GB2312)
   and most of its non-ASCII bytes do not form UTF-8 sequences at all: GB18030.
5. Else it is UTF-8 with some broken bytes: decoding stops at the first one
   (`DecodeError` naming its byte offset), or with ``errors="replace"`` puts U+FFFD
   in their place and warns.

>>> decode("现有员工1150余人\\r\\n".encode("gbk"))
'现有员工1150余人\\n'
>>> detect("现有员工1150余人".encode("gbk")), detect("现有员工".encode("utf-16"))
('gb18030', 'utf-16')
"""
from __future__ import annotations

import codecs
import re
import sys
from typing import Callable

from . import patterns
from .errors import DecodeError, InputError

# (mark, codec for incremental decoders that drop the mark, codec for the bytes after it)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
# Bytes that do not occur in text: C0 controls other than tab, LF, VT, FF, CR and ESC.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
# Above this share of control bytes an input is binary, not text.
_CONTROL_SHARE = 0.3
# Below this share of non-ASCII bytes in valid UTF-8 sequences, a file that is valid
# GB18030 is read as GB18030.  GBK text forms a UTF-8 sequence only by chance (about
# one byte in five); UTF-8 with a few broken bytes is nearly all valid sequences.
_UTF8_SHARE = 0.5
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GB18030", "gbk": "GBK",
          "utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE",
          "utf-32": "UTF-32", "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE"}

# UTF-16 without a mark, read as text: most code units are Chinese characters, CJK
# or full-width punctuation, or printable ASCII.  Read in the wrong byte order, or
# read from GBK bytes, few are.
_TEXT_UNITS = patterns.compile("[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2000-\u206f"
                         "\u0020-\u007e\t\n\r]")
_TEXT_SHARE = 0.9
# Without NUL bytes there is no ASCII in UTF-16 (nor a line break), and two ASCII
# letters read as one unit make a CJK character below U+7F00 (th: U+7468).  So such
# bytes count as UTF-16 only with a fair share of units from U+7F00 to U+9FFF, which
# Chinese text has (这 过 说 能 面 要 …) and English in Latin-1 does not.
_HIGH_HAN = patterns.compile("[\u7f00-\u9fff]")
_HIGH_HAN_SHARE = 0.05
_SAMPLE_BYTES = 1 << 16
_BINARY = "binary file (if it is UTF-16 text, give --encoding utf-16-le or utf-16-be)"

Warn = Callable[[str], None]


def detect(data: bytes, final: bool = True) -> str:
    """The name of the codec to read `data` with; `InputError` when it is binary.

    `data` is a whole input, or with ``final=False`` its first bytes (a multi-byte
    character cut off at the end is then not counted against UTF-8).  The name
    suits `codecs.getincrementaldecoder`, which also drops a byte-order mark
    ("utf-8-sig", "utf-16", "utf-32").  A stream is then validated as it is read:
    decode it strictly with that codec, and the first `UnicodeDecodeError` gives
    the offset of the first bad byte (count the mark in, if there was one).
    The answer "utf-8" for a prefix that is broken UTF-8 means exactly that.

    >>> detect(b"\\xef\\xbb\\xbfabc"), detect(b"abc"), detect("增长".encode()[:-1], final=False)
    ('utf-8-sig', 'utf-8', 'utf-8')
    >>> detect("万元".encode("utf-16-le"))   # no NUL, no mark: not recognised
    'utf-8'
    >>> detect("3万元\\n".encode("utf-16-be"))
    'utf-16-be'
    """
    for bom, codec, _ in _BOMS:
        if data.startswith(bom):
            return codec
    if b"\x00" in data:
        codec = _utf16_without_bom(data) or _utf16_by_content(data, final)
        if codec is None:
            raise InputError(_BINARY)
        return codec
    if not _utf8_so_far(data, final):
        codec = _utf16_by_content(data, final, nul=False)
        if codec is not None:
            return codec
    if data and len(data) - len(data.translate(None, _CONTROL)) > _CONTROL_SHARE * len(data):
        raise InputError(_BINARY)
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if not final and e.reason == "unexpected end of data":
            return "utf-8"
    return "gb18030" if _looks_legacy(data, final) else "utf-8"


def decode(data: bytes, name: str = "-", encoding: str | None = None, errors: str = "strict",
           warn: Warn | None = None) -> str:
    """The text of `data`: decoded as `encoding`, or as `detect` finds; LF line ends.

    With ``errors="replace"`` bytes that are not valid become U+FFFD and `warn` is
    told how many (by default a line ``figs: NAME: warning: …`` on stderr); else a
    `DecodeError` names the first bad byte's offset.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}", source=name) from None
        if b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
            raise InputError(_BINARY, source=name)
    else:
        try:
            codec = detect(data)
        except InputError as e:
            e.source = name
            raise
    skip = 0
    for bom, whole, after in _BOMS:
        if codec in (whole, after) and data.startswith(bom):
            codec, skip = after, len(bom)
            break
    body = memoryview(data)[skip:]
    try:
        text = str(body, codec, "strict")
    except UnicodeDecodeError as e:
        where = f"byte {skip + e.start}"
        label = codec_label(codec)
        if errors == "strict":
            hint = "" if encoding else " (give --encoding, or --encoding-errors replace)"
            raise DecodeError(f"not valid {label}{hint}", source=name, where=where) from None
        text = str(body, codec, "replace")
        bad = _count_bad(body, codec)
        (warn or _stderr(name))(
            f"{bad} byte{'s' if bad != 1 else ''} not valid {label} (the first at {where}) "
            "replaced by U+FFFD")
    if text.startswith("\ufeff"):
        text = text[1:]  # a mark the given encoding keeps (--encoding utf-8)
    return normalise_newlines(text)


def codec_label(codec: str) -> str:
    """How an error names a codec: UTF-8, GB18030, UTF-16LE …"""
    return _NAMES.get(codecs.lookup(codec).name if codec else codec, codec)


def normalise_newlines(text: str) -> str:
    """CRLF and bare CR become LF, so every kind of file has the same lines.

    >>> normalise_newlines("a\\r\\nb\\rc\\n")
    'a\\nb\\nc\\n'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- helpers -------------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when the NULs sit on one side of the byte pairs and the
    whole decodes; None otherwise (a binary file)."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if min(even, odd) > 0.05 * max(even, odd):
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return codec


def _utf8_so_far(data: bytes, final: bool) -> bool:
    """True when `data` is UTF-8 (up to a character cut off at the end, if not final)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final)
        return True
    except UnicodeDecodeError:
        return False


def _utf16_by_content(data: bytes, final: bool, nul: bool = True) -> str | None:
    """'utf-16-le' or '-be' when nearly every code unit of the first bytes, read in
    that order, is a character of Chinese (or ASCII) text; None otherwise.  With
    ``nul=False`` (bytes with no NUL) see `_HIGH_HAN`.

    >>> _utf16_by_content("员工一千人，增长七成。".encode("utf-16-be"), True)
    'utf-16-be'
    >>> _utf16_by_content("the café".encode("latin-1") * 9, True, nul=False) is None
    True
    """
    sample = data[:_SAMPLE_BYTES] if len(data) > _SAMPLE_BYTES or not final else data
    if len(sample) % 2:
        if final and sample is data:
            return None
        sample = sample[:-1]
    for codec in ("utf-16-le", "utf-16-be"):
        text = codecs.getincrementaldecoder(codec)("replace").decode(sample, sample is data)
        if not text or "\ufffd" in text:
            continue
        if len(text) - len(_TEXT_UNITS.sub("", text)) < _TEXT_SHARE * len(text):
            continue
        if nul or len(_HIGH_HAN.findall(text)) >= _HIGH_HAN_SHARE * len(text):
            return codec
    return None


def _looks_legacy(data: bytes, final: bool) -> bool:
    """True when `data` decodes as GB18030 and most of its non-ASCII bytes are not
    UTF-8 sequences (so it is not UTF-8 with a few broken bytes)."""
    try:
        codecs.getincrementaldecoder("gb18030")().decode(data, final)
    except UnicodeDecodeError:
        return False
    high = len(data) - len(data.translate(None, bytes(range(128))))
    broken = _count_bad(data, "utf-8")
    return broken > (1 - _UTF8_SHARE) * high


def _count_bad(data, codec: str) -> int:
    """How many bytes of `data` are not valid in `codec`."""
    _bad_bytes.clear()
    str(data, codec, "figs-count")
    return sum(_bad_bytes)


_bad_bytes: list[int] = []


def _count(e: UnicodeDecodeError) -> tuple[str, int]:
    _bad_bytes.append(e.end - e.start)
    return "", e.end


codecs.register_error("figs-count", _count)


def _stderr(name: str) -> Warn:
    def warn(message: str) -> None:
        from .render import visible

        if sys.stderr is not None:  # (closed by the shell: print would write to stdout, into the data)
            print(visible(f"figs: {name}: warning: {message}"), file=sys.stderr)

    return warn
