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

# Full-width ASCII (！ to ～) to ASCII, except the full-width comma, colon, semicolon,
# brackets, question and exclamation marks, which are ordinary Chinese punctuation
# and stay as they are so that 3，5 is never read as 3,5.
_KEEP = set("，：；（）！？")
_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP}
_TABLE.update({
    0x3000: " ",   # ideographic space
    0x00A0: " ",   # no-break space
    0xFFE5: "¥",   # full-width yen/yuan sign
    0xFFE0: "¢",
    0xFFE1: "£",
    0x2215: "/",   # division slash
    0x2014: "—",
})

_DOTS = "·・･"
_DIGITS = frozenset("0123456789０１２３４５６７８９")

# Runs of characters that fold, and middle dots: translating only these (with the
# standard library's re, faster than regex at this) is several times faster than
# translating a whole text of Chinese characters that never change.
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _TABLE) + _DOTS + "]+")


def _translate(m: re.Match) -> str:
    run = m.group().translate(_TABLE)
    if any(d in run for d in _DOTS):
        run = _decimal_dots(run, m.string, m.start())
    return run


def _decimal_dots(run: str, text: str, at: int) -> str:
    """A middle dot between two digits is a decimal point in older print: １９·２５."""
    chars = list(run)
    for i, c in enumerate(chars):
        if c in _DOTS:
            before = text[at + i - 1] if at + i else ""
            after = text[at + i + 1] if at + i + 1 < len(text) else ""
            if before in _DIGITS and after in _DIGITS:
                chars[i] = "."
    return "".join(chars)


def fold(text: str) -> str:
    """Fold full-width digits, letters and signs to ASCII, one character for one."""
    return _FOLDABLE.sub(_translate, text)
