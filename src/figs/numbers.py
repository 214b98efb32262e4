"""Written numbers to exact values.

`parse_number` reads one written number: Arabic (1,150 / 0.04 / ８．２５),
Chinese (一千一百五十, 两万三, 一九九八), financial (壹仟贰佰), traditional (兩萬),
mixed (1.2万, 3千万, 三点五亿), percentages (8.25%, 百分之四十), fractions (三分之一)
and 成 (三成 is 30 per cent).  Values are `Decimal`, never floats.

>>> parse_number("一千一百五十")
Decimal('1150')
>>> parse_number("两万三")
Decimal('23000')
>>> parse_number("2020.87亿")
Decimal('202087000000')
>>> parse_number("三点五亿")
Decimal('350000000')
>>> parse_number("百分之四十")
Decimal('40')
>>> parse_number("一九九八")
Decimal('1998')
>>> parse_number("大约") is None
True
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache

import regex

from .lexicon import NUMERALS
from .textnorm import fold

DIGITS = "".join(c for c, (_, role) in NUMERALS.items() if role == "digit")
MAGNITUDES = "".join(c for c, (_, role) in NUMERALS.items() if role in ("small", "large", "tens"))
CHINESE = DIGITS + MAGNITUDES

_ARABIC = regex.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")
_MIXED = regex.compile(rf"({_ARABIC.pattern})([{MAGNITUDES}]+)")
_CHINESE = regex.compile(rf"[{CHINESE}]+(?:点[{DIGITS}]+[{MAGNITUDES}]*)?")

# Fractions of a fraction are not exact in decimal: keep this many significant digits.
_FRACTION_DIGITS = 12
# Longer runs of digits or numerals are identifiers, tables or noise, not one number;
# refusing them keeps the arithmetic linear (万万万… would grow a huge integer).
MAX_LENGTH = 48
# Nothing in the news counts past this (a hundred thousand 万亿亿); above it is noise.
MAX_VALUE = Decimal(10) ** 24


def parse_number(s: str) -> Decimal | None:
    """The value of one written number, or None when `s` is not one number.

    >>> parse_number("1,150")
    Decimal('1150')
    >>> parse_number("３．５亿")
    Decimal('350000000')
    >>> parse_number("三分之一")
    Decimal('0.333333333333')
    >>> parse_number("三成")
    Decimal('30')
    >>> parse_number("8.25%")
    Decimal('8.25')
    """
    if not isinstance(s, str):
        return None
    return _parse(fold(s).strip())


@lru_cache(maxsize=4096)
def _parse(s: str) -> Decimal | None:
    """
    >>> _parse("1" * 49) is None, _parse("万" * 7) is None, _parse("万" * 6)
    (True, True, Decimal('1000000000000000000000000'))
    """
    if not s or len(s) > MAX_LENGTH:
        return None
    value = _parse_short(s)
    return value if value is None or abs(value) <= MAX_VALUE else None


def _parse_short(s: str) -> Decimal | None:
    if s.startswith("百分之"):
        return _plain(s[3:])
    if s.endswith("%"):
        return _plain(s[:-1])
    if s.endswith("成") and len(s) > 1:
        tenths = _plain(s[:-1])
        return None if tenths is None else tenths * 10
    if "分之" in s:
        denominator, _, numerator = s.partition("分之")
        d, n = _plain(denominator), _plain(numerator)
        if d is None or n is None or d == 0:
            return None
        with localcontext() as ctx:
            ctx.prec = _FRACTION_DIGITS
            return _tidy(n / d)
    return _plain(s)


def _plain(s: str) -> Decimal | None:
    """A number with no percent or fraction around it."""
    if _ARABIC.fullmatch(s):
        return _tidy(Decimal(s.replace(",", "")))
    m = _MIXED.fullmatch(s)
    if m:
        scale = chinese_value(m.group(2), magnitudes_only=True)
        return None if scale is None else _tidy(Decimal(m.group(1).replace(",", "")) * scale)
    if _CHINESE.fullmatch(s):
        return chinese_value(s)
    return None


def _tidy(d: Decimal) -> Decimal:
    """Drop a trailing zero fraction and exponent: 1.20E+4 → 12000, 0.50 → 0.5."""
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.normalize()


def chinese_value(s: str, magnitudes_only: bool = False) -> Decimal | None:
    """The value of a run of Chinese numerals.

    >>> chinese_value("十六"), chinese_value("一万零五"), chinese_value("廿三")
    (Decimal('16'), Decimal('10005'), Decimal('23'))
    >>> chinese_value("万亿")
    Decimal('1000000000000')
    >>> chinese_value("二〇二二")
    Decimal('2022')
    """
    if len(s) > MAX_LENGTH:
        return None
    if "点" in s:
        whole, _, rest = s.partition("点")
        fraction = "".join(c for c in rest if c in NUMERALS and NUMERALS[c][1] == "digit")
        magnitude = rest[len(fraction):]
        w = chinese_value(whole) if whole else Decimal(0)
        if w is None or not fraction:
            return None
        v = w + Decimal("0." + "".join(str(NUMERALS[c][0]) for c in fraction))
        if magnitude:
            scale = chinese_value(magnitude, magnitudes_only=True)
            if scale is None:
                return None
            v *= scale
        return _tidy(v)
    try:
        values = [NUMERALS[c] for c in s]
    except KeyError:
        return None
    if magnitudes_only:
        if any(role not in ("small", "large") for _, role in values):
            return None
        scale = Decimal(1)
        for value, _ in values:
            scale *= value
        return scale
    if all(role == "digit" for _, role in values):
        if len(values) == 1:
            return Decimal(values[0][0])
        # A run of bare digits is read digit by digit: 一九九八, 二〇二二.
        return Decimal("".join(str(v) for v, _ in values))
    return _positional(values)


def _positional(values: list[tuple[int, str]]) -> Decimal | None:
    """一千一百五十 → 1150: digits times small magnitudes, grouped by 万 and 亿."""
    total = 0        # everything closed by 亿
    section = 0      # everything closed by 万 (and not yet by 亿)
    group = 0        # the current group of four, closed by 十百千
    digit = None     # a digit waiting for its magnitude
    last_scale = 1   # the magnitude just read, for 两万三 (the 三 is 3000)
    zero_seen = False
    for value, role in values:
        if role == "digit":
            if digit is not None and value != 0:
                return None  # two digits in a row inside a positional number: 三四百 is a range
            if value == 0:
                zero_seen = True
                digit = None
                continue
            digit = value
        elif role == "tens":
            if digit is not None:
                return None
            group += value
            last_scale = 10
        elif role == "small":
            group += (digit if digit is not None else 1) * value
            digit = None
            last_scale = value
            zero_seen = False
        else:  # large: 万 or 亿
            here = group + (digit or 0)
            if value == 10**8:
                total = (total + section + here) * value
                section = 0
            else:
                if here == 0 and section == 0 and total == 0:
                    here = 1
                section = (section + here) * value if here else section * value
            group, digit = 0, None
            last_scale = value
            zero_seen = False
    if digit is not None:
        # A digit after a magnitude with no 零 between is one place lower: 两万三, 三千五.
        digit = digit * (last_scale // 10) if (last_scale >= 100 and not zero_seen) else digit
        group += digit
    try:
        return Decimal(total + section + group)
    except InvalidOperation:  # pragma: no cover - integers always convert
        return None
