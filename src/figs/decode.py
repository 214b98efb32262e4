"""Bytes to text: the encoding found (or given), line endings made LF.

Offsets in figs' records count characters of the text this returns: decoded, with
CRLF and bare CR turned into LF, and a byte-order mark dropped.
"""
from __future__ import annotations

import codecs

from .errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str = "-", encoding: str | None = None, errors: str = "strict") -> str:
    """The text of `data`, decoded as `encoding` or as UTF-8 when none is given."""
    if encoding is None:
        encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding, errors=errors)
    except UnicodeDecodeError as e:
        raise DecodeError(f"not valid {e.encoding} at byte {e.start}", source=name) from None
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}", source=name) from None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """CRLF and bare CR become LF, so every kind of file has the same lines.

    >>> normalise_newlines("a\\r\\nb\\rc\\n")
    'a\\nb\\nc\\n'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
