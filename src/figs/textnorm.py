"""Width folding that keeps one character for one character.

Offsets into the folded text are offsets into the original, so a figure found in
the folded text is cut out of the original with the same ``start`` and ``end``.

>>> fold("增长１２．５％，达１９·２５美元")
'增长12.5%，达19.25美元'
>>> len(fold("１９·２５")) == len("１９·２５")
True
"""
from __future__ import annotations

import re

from . import patterns
from .lexicon import TRADITIONAL

# Full-width ASCII (！ to ～) to ASCII, except the full-width comma, colon, semicolon,
# brackets, question and exclamation marks, which are ordinary Chinese punctuation
# and stay as they are so that 3，5 is never read as 3,5.
_KEEP = set("，：；（）！？")
_TABLE: dict[int, int | str] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP}
_TABLE.update({
    0x3000: " ",   # ideographic space
    0x00A0: " ",   # no-break space
    0xFFE5: "¥",   # full-width yen/yuan sign
    0xFFE0: "¢",
    0xFFE1: "£",
    0x2215: "/",   # division slash
    0x2014: "—",
    0x201A: ",",   # single low-9 quotation mark, a comma as some sources type it (￥19‚950)
})
# Traditional characters of the number grammar (點 負 個 萬 …): read as simplified ones.
_TABLE.update({ord(t): s for t, s in TRADITIONAL.items()})

_DOTS = "·・･"

# Runs of characters that fold: translating only these (with the standard library's
# re, faster than regex at this) is several times faster than translating a whole
# text of Chinese characters that never change.
# Written [set][set]* rather than [set]+: a pattern that starts with a set lets the
# engine skip to the next foldable character without trying a match at each one.
_FOLDABLE_SET = "[" + "".join(re.escape(chr(c)) for c in _TABLE) + "]"
_FOLDABLE = patterns.compile(_FOLDABLE_SET + _FOLDABLE_SET + "*")
# A middle dot between two digits is a decimal point in older print: １９·２５.  Found
# after folding, when every digit is an ASCII one; the dot comes first in the pattern
# so that the search skips quickly to the dots.
_DECIMAL_DOT = patterns.compile(f"[{_DOTS}](?<=[0-9][{_DOTS}])(?=[0-9])")


def _translate(m: re.Match) -> str:
    return m.group().translate(_TABLE)


def fold(text: str) -> str:
    """Fold full-width digits, letters and signs to ASCII, and the traditional
    characters of numbers (點 負 個 萬) to simplified ones, one character for one."""
    folded = _FOLDABLE.sub(_translate, text)
    if "·" in folded or "・" in folded or "･" in folded:
        folded = _DECIMAL_DOT.sub(".", folded)
    return folded
