"""The example article, and the bad inputs made from it: each file's bytes and the
outcome figs must give.  Written to disk by the `bad_dir` fixture in conftest.py."""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

# Figures of several kinds, with a wrapped (OCR-style) line in the middle.
TEXT = (
    "长春市奔跑兔商贸有限公司现有员工1150余人，配送网点15个，月单量突破百万。\n"
    "会员资产总价值达600多亿元，客单价超过3000元，营业额同比提升近10%。\n"
    "\n"
    "据介绍，该村去年年人均收入不\n"
    "足3000元，亩产能达到四五千斤。\n"
)


@dataclass(frozen=True)
class Case:
    """One input file: its bytes, and what figs must make of it.

    ``outcome`` is "same" (exactly the figures of the UTF-8 twin), "none" (no
    figures, no complaint) or "error" (one line on stderr that holds ``message``).
    """

    name: str
    data: bytes
    outcome: str
    message: str = ""


def _broken(at: int) -> bytes:
    data = TEXT.encode("utf-8")
    return data[:at] + b"\xff" + data[at:]


FIRST_BAD = len("长春市".encode("utf-8"))
CASES = [
    Case("utf8.txt", TEXT.encode("utf-8"), "same"),
    Case("utf8-bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "same"),
    Case("utf8-crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8"), "same"),
    Case("utf8-cr.txt", TEXT.replace("\n", "\r").encode("utf-8"), "same"),
    Case("gbk.txt", TEXT.encode("gbk"), "same"),
    Case("gbk-crlf.txt", TEXT.replace("\n", "\r\n").encode("gbk"), "same"),
    Case("gb18030.txt", TEXT.encode("gb18030"), "same"),
    Case("utf16.txt", TEXT.encode("utf-16"), "same"),
    Case("utf16be-bom.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "same"),
    Case("utf16le-crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-16"), "same"),
    Case("utf16le-nobom.txt", TEXT.encode("utf-16-le"), "same"),
    Case("utf16be-nobom.txt", TEXT.encode("utf-16-be"), "same"),

    Case("utf32.txt", TEXT.encode("utf-32"), "same"),
    Case("empty.txt", b"", "none"),
    Case("blank.txt", b"\r\n\n  \r", "none"),
    Case("broken-utf8.txt", _broken(FIRST_BAD), "error", f"byte {FIRST_BAD}: not valid UTF-8"),
    Case("truncated-utf8.txt", TEXT.encode("utf-8")[:-2], "error",
         f"byte {len(TEXT.encode('utf-8')) - 4}: not valid UTF-8"),
    Case("junk.txt", bytes(range(256)) * 8 + os.urandom(512), "error", "binary file"),
    Case("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "error", "binary file"),
    Case("controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08" * 64, "error", "binary file"),
    Case("utf16-odd-nul.txt", b"a\x00b\x00c", "error", "binary file"),
]
