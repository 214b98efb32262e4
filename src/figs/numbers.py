"""Written numbers to exact values.

`parse_number` reads one written number: Arabic (1,150 / 0.04 / ８．２５),
Chinese (一千一百五十, 两万三, 一九九八), financial (壹仟贰佰), traditional (兩萬),
mixed (1.2万, 3千万, 三点五亿, 3万4000), percentages (8.25%, 百分之四十), fractions
(三分之一, 3/5, 1 3/5, 三百五十又三分之一), 成 and 折 (三成半 is 35 per cent, 七五折 75),
negatives (负10000, -22.2%), web forms (40k, 1.5w, 2e5), dozens and pairs (一打 12,
一双 2) and vague magnitudes (几十, 数百万, 上万: the magnitude, as extraction reads
几十人 as 10, over).  Values are `Decimal`, never floats.

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
>>> parse_number("七五折"), parse_number("七成六"), parse_number("负六点六"), parse_number("1.5w")
(Decimal('75'), Decimal('76'), Decimal('-6.6'), Decimal('15000'))
>>> parse_number("大约") is None
True
"""
from __future__ import annotations

from decimal import Decimal, localcontext
from functools import lru_cache

import regex

from .lexicon import NUMERALS, QUALIFIERS, SET_VALUES, WORDS, data_text, load_words
from .textnorm import fold

DIGITS = "".join(c for c, (_, role) in NUMERALS.items() if role == "digit")
MAGNITUDES = "".join(c for c, (_, role) in NUMERALS.items() if role in ("small", "large", "tens"))
CHINESE = DIGITS + MAGNITUDES

_ARABIC = regex.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")
_MIXED = regex.compile(rf"({_ARABIC.pattern})([{MAGNITUDES}]+)")
_MIXED_RUN = regex.compile(rf"(?:(?:{_ARABIC.pattern})[{MAGNITUDES}]+)+")
# Web and scientific forms: 40k, 3.2k, 1.5w (万), 2e5.
_WEB = regex.compile(r"([0-9]+(?:\.[0-9]+)?)([kKwW]|[eE][+-]?[0-9]{1,2})")
WEB_SCALE = {"k": Decimal(1000), "K": Decimal(1000), "w": Decimal(10000), "W": Decimal(10000)}
# 3万4000, 1千零20: a magnitude and then a plain number, below it.
_TAIL = regex.compile(rf"((?:(?:{_ARABIC.pattern})[{MAGNITUDES}]+)+)(零?)([0-9]+)")
_SLASH = regex.compile(r"(?:([0-9]+) )?([0-9]+)/([0-9]+)")
# The word lists of the number grammar (data/grammar.tsv), for this module, figs.spans
# and figs.figures.
GRAMMAR = load_words(data_text("grammar.tsv"), "grammar.tsv")
MINUS = tuple(GRAMMAR["minus"])
_CHINESE = regex.compile(rf"[{CHINESE}]+(?:点[{DIGITS}]+[{MAGNITUDES}]*)?")
_PLUS = ("+", "正")
_PLUS_MINUS = ("正负", "±")
HALVES = frozenset(WORDS["half_number"])
# The numerals 百分 may be said right before, without 之 (百分三十; not 百分百, 百分点).
_PERCENT_WITHOUT_ZHI = frozenset(c for c, (_, role) in NUMERALS.items() if role == "digit" and c not in "〇零○") | {"十"}
# Inside a number typed with spaces, the words that make it one (三 点 五, 七 成 六, 七 五 折).
_SPACED_WORDS = frozenset("点成折半")
_POINTS = "百分点"  # percentage points: 2.4个百分点 is 2.4, as 2.4% is
_DOZEN = "打"  # a dozen: 一打 is twelve, as 一百 is a hundred
_PAIRS = frozenset("双对")  # a pair: 一双 is two
# 幺 is 一 as digits are read out one by one (幺零幺, 幺二三); parse_number only: in
# running text it is a word (幺妹) far more often.
_SPOKEN_ONE = "幺"
_AND_A_HALF = "个半"  # 一个半 is one and a half, as 一个半小时 is 1.5 小时
# A Chinese digit before a magnitude or last after one, in a number that begins in Arabic
# digits (100万三千, 3万五), and a 零 before a digit and its magnitude (200亿零4千).
_CHINESE_DIGIT = regex.compile(rf"[{''.join(c for c in DIGITS if NUMERALS[c][0])}](?=[{MAGNITUDES}]|$)(?<=[{MAGNITUDES}零〇].)")
_ZERO_BEFORE_PLACE = regex.compile(rf"(?<=[{MAGNITUDES}])[零〇](?=[0-9]+[{MAGNITUDES}])")
# 7点8: Arabic digits with the Chinese decimal point.
_ARABIC_POINT = regex.compile(r"([0-9]+)点([0-9]+)")
# 数, 几, 上 … before a magnitude: 数十, 几百万, 上万 (an "over" figure from the magnitude up).
_VAGUE = frozenset(WORDS["vague"])
_BARE_MAGNITUDES = frozenset(c for c, (_, role) in NUMERALS.items() if role in ("small", "large"))


@lru_cache(maxsize=1)
def _qualified() -> regex.Pattern:
    """A qualifier before the number (约, 超过), after it (多, 余, 来: before its
    magnitude too, 一百多万) or after the whole (以上, 左右).  Compiled when
    `parse_number` is first called: the extractor never needs it."""
    return regex.compile(
        "(?:{before})?(?P<number>.+?)(?:(?:{after})(?P<magnitude>[{large}]*))?(?:{unit})?".format(
            before="|".join(regex.escape(w) for w in sorted(QUALIFIERS["before"], key=len, reverse=True)),
            after="|".join(regex.escape(w) for w in sorted(QUALIFIERS["number"], key=len, reverse=True)),
            large="".join(c for c, (_, role) in NUMERALS.items() if role in ("small", "large")),
            unit="|".join(regex.escape(w) for w in sorted(QUALIFIERS["unit"], key=len, reverse=True))))

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
    >>> parse_number("一 百 二 十"), parse_number("一千 两千")
    (Decimal('120'), None)
    """
    if not isinstance(s, str):
        return None
    s = _bare_number(_closed_up(fold(s).strip()))
    if " " in s and not _SLASH.fullmatch(s):
        s = _unspaced(s)
    if _SPOKEN_ONE in s:
        s = s.replace(_SPOKEN_ONE, "一")  # 幺零幺: 101, as digits are read out one by one
    return value_of(s)


@lru_cache(maxsize=1)
def _inner_space() -> regex.Pattern:
    """Spaces a number may be typed with that do not split it: after a sign (- 5, 负 5),
    before a percent sign or a magnitude (25.5 %, 177.1 亿).  Compiled when first
    needed, like `_qualified`."""
    return regex.compile(rf"(?<=^(?:{'|'.join(regex.escape(m) for m in MINUS)})) +|(?<=[0-9]) +(?=[%‰{MAGNITUDES}])"
                         r"|(?<=^[0-9]{1,3}(?: [0-9]{3})*) (?=[0-9]{3}(?![0-9/]))")  # 1 000 000: thousands spaced


@lru_cache(maxsize=1)
def _wide_thousands() -> regex.Pattern:
    """A full-width comma used as a thousands separator (82，225.00): only between
    digits and before exactly three."""
    return regex.compile(r"(?<=[0-9])，(?=[0-9]{3}(?![0-9]))")


def _closed_up(s: str) -> str:
    """The number without the spaces that do not split it, and with its thousands
    separators as commas: 负 1,200,000 → 负1,200,000, 1 000 000 → 1000000, 82，225 → 82,225.

    >>> _closed_up("- 5"), _closed_up("25.5 %"), _closed_up("1.5 亿"), _closed_up("5个亿")
    ('-5', '25.5%', '1.5亿', '5亿')
    """
    if " " in s:
        s = _inner_space().sub("", s)
    if "，" in s:
        s = _wide_thousands().sub(",", s)
    if "个亿" in s:
        s = s.replace("个亿", "亿")  # 5个亿, 两个亿: a count of 亿
    return s


def _bare_number(s: str) -> str:
    """The number without the words that bend it (data/qualifiers.tsv) and without a
    plus sign: 约3000, 三千多, 一百多万, 3000以上, +5 and 正五 are read as 3000 … 5, and 几十,
    数百万, 上万 as their magnitude (10, 1000000, 10000: "over" it, as extraction says).  The
    qualifier is the extractor's business; `parse_number` gives the number.

    >>> _bare_number("约3000"), _bare_number("一百多万"), _bare_number("+3.5%"), _bare_number("几十")
    ('3000', '一百万', '3.5%', '十')
    """
    m = _qualified().fullmatch(s)
    if m and (m.group("number") or "")[-1:] not in ("", "分"):  # 百分之多: no number
        s = m.group("number") + (m.group("magnitude") or "")
    if s[:1] in _VAGUE and s[1:2] in _BARE_MAGNITUDES:
        return s[1:]  # 几十, 数百万, 上万: the magnitude, as the extractor reads 几十人 (10, over)
    for pm in _PLUS_MINUS:
        if s.startswith(pm) and len(s) > len(pm):
            return s[len(pm):]  # 正负五, ±5: the size either way, never −5
    return s[1:] if s[:1] in _PLUS and len(s) > 1 else s


def _unspaced(s: str) -> str:
    """一百 二 十 and 百 分之 五 as some sources type them, without the spaces; numerals
    that are several numbers (一千 两千, 3 5) keep them, and are then no one number."""
    if "分" in s:
        return s.replace(" ", "")
    body = s.rstrip("%‰成折 ")
    if not _SPACED_WORDS.isdisjoint(s) and all(c in CHINESE or c in _SPACED_WORDS or c == " " for c in body):
        return s.replace(" ", "")  # 三 点 五, 七 成 六: a decimal or a share, however spaced
    return s.replace(" ", "") if all(c in CHINESE or c == " " for c in body) and spaced_parts_join(body) else s


@lru_cache(maxsize=4096)
def value_of(s: str) -> Decimal | None:
    """`parse_number` for text already folded and stripped; cached, as the extractor
    reads the same few thousand numerals again and again.

    >>> value_of("1" * 49) is None, value_of("1" + "万" * 7) is None, value_of("1" + "万" * 6)
    (True, True, Decimal('1000000000000000000000000'))
    """
    if not s or len(s) > MAX_LENGTH:
        return None
    value = _parse_short(s)
    return value if value is None or abs(value) <= MAX_VALUE else None


def _parse_short(s: str) -> Decimal | None:
    for sign in MINUS:
        if s.startswith(sign) and len(s) > len(sign):
            v = _parse_short(s[len(sign):])
            return None if v is None else -v
    fixed = SET_VALUES.get(s)
    if fixed is not None:
        return fixed.value
    if s.startswith("百分") and s[2:3] in _PERCENT_WITHOUT_ZHI:
        s = "百分之" + s[2:]  # 百分三十, as it is said: 百分之三十
    if s.startswith("百分之"):
        rest = s[3:]
        if rest[:1] in _VAGUE and rest[1:2] in _BARE_MAGNITUDES:
            rest = rest[1:]  # 百分之几十: 10, as 几十 is
        sign = next((m for m in MINUS if rest.startswith(m) and len(rest) > len(m)), "")
        v = _plain(rest[len(sign):])
        return -v if sign and v is not None else v  # 百分之负五: -5
    if s.endswith(("%", "‰")):
        return _plain(s[:-1])  # the number of per cent or per mille, as 百分之 gives it
    if s.endswith(_POINTS) and len(s) > len(_POINTS):
        number = s[:-len(_POINTS)]
        return _plain(number[:-1] if number.endswith("个") else number)  # 2.4个百分点, 十五个百分点
    if s in HALVES:
        return Decimal("0.5")  # 半, 一半
    if s[-1:] in _PAIRS and len(s) > 1 and s not in SET_VALUES:
        pairs = _plain(s[:-1])
        return None if pairs is None else tidy(pairs * 2)  # 一双 2, 三对 6
    if s.endswith(_DOZEN) and len(s) > len(_DOZEN):
        dozens = Decimal("0.5") if s[:-len(_DOZEN)] in HALVES else _plain(s[:-len(_DOZEN)])
        return None if dozens is None else tidy(dozens * 12)  # 一打 12, 两打 24, 半打 6
    if s.endswith(_AND_A_HALF) and len(s) > len(_AND_A_HALF):
        ones = _plain(s[:-len(_AND_A_HALF)])
        return None if ones is None else tidy(ones + Decimal("0.5"))  # 一个半, 两个半: 1.5, 2.5
    if s.endswith("折") and len(s) > 1:
        return discount(s[:-1])
    if "成" in s and len(s) > 1:
        number, _, after = s.partition("成")
        return tenths(number, after)
    if "又" in s:  # 三百五十又三分之一, 两又二分之一
        whole, _, part = s.partition("又")
        w, f = _plain(whole), _parse_short(part)
        return None if w is None or f is None else tidy(w + f)
    if "分之" in s:
        denominator, _, numerator = s.partition("分之")
        return _fraction(_plain(numerator), _plain(denominator))
    m = _SLASH.fullmatch(s)
    if m:  # 3/5, 1 3/5
        f = _fraction(Decimal(m.group(2)), Decimal(m.group(3)))
        return None if f is None else tidy(f + Decimal(m.group(1) or 0))
    return _plain(s)


def spaced_parts_join(s: str) -> bool:
    """True when Chinese numerals typed with spaces are one number: each part goes on
    below the place the part before it ended at (一百 五 十 二, 三万 五千), and a
    magnitude makes it a number at all.  一 二 三 is a list, 一千 两千 two numbers.

    >>> spaced_parts_join("一百 五 十 二"), spaced_parts_join("一千 两千"), spaced_parts_join("一 二 三")
    (True, False, False)
    >>> spaced_parts_join("三千 五百 万"), spaced_parts_join("三千 万"), spaced_parts_join("三 四 万")
    (True, True, False)
    """
    parts = s.split()
    if not any(NUMERALS.get(c, (0, ""))[1] in ("small", "large") for c in s):
        return False
    if len(parts) > 1 and all(NUMERALS.get(c, (0, ""))[1] == "large" for c in parts[-1]):
        parts = parts[:-1]  # 三千 五百 万: a last magnitude alone scales the whole (35000000)
    for a, b in zip(parts, parts[1:]):
        end, start = NUMERALS.get(a[-1]), NUMERALS.get(b[0])
        if end is None or start is None:
            return False
        if end[1] == "digit":
            if start[1] not in ("small", "large"):
                return False  # 三 四百: two numbers
            continue
        v = chinese_value(b)
        if v is None or v >= end[0]:
            return False  # 一千 两千: the second does not go on below the first
    return True


def _fraction(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = _FRACTION_DIGITS
        return tidy(numerator / denominator)


def discount(number: str) -> Decimal | None:
    """The percentage a discount in 折 charges: 七折 70, 七五折 and 75折 75, 9.9折 99.

    A price is said in tenths, and a second digit is the hundredths: 七五 is 7.5
    tenths, not a range.  A number of ten or more (75折) already counts hundredths.
    """
    digits = [NUMERALS.get(c) for c in number]
    if len(number) == 2 and all(d is not None and d[1] == "digit" for d in digits):
        return Decimal(digits[0][0] * 10 + digits[1][0])  # type: ignore[index]  # both checked above
    v = _plain(number)
    if v is None or v <= 0:
        return None
    return tidy(v) if v >= 10 else tidy(v * 10)


def tenths(number: str, after: str = "") -> Decimal | None:
    """The percentage of N成: 三成 30, 三成半 35, 七成六 76, 半成 5."""
    v = Decimal("0.5") if number == "半" else _plain(number)
    if v is None:
        return None
    if after == "半":
        return tidy(v * 10 + 5)
    if after:
        d = NUMERALS.get(after) if len(after) == 1 else None
        if d is None or d[1] != "digit" or not after.isdigit() and d[0] == 0:
            return None
        return tidy(v * 10 + d[0])
    return tidy(v * 10)


def _plain(s: str) -> Decimal | None:
    """A number with no percent or fraction around it."""
    if _ARABIC.fullmatch(s):
        return tidy(Decimal(s.replace(",", "")))
    m = _MIXED.fullmatch(s)
    if m:
        scale = chinese_value(m.group(2), magnitudes_only=True)
        return None if scale is None else tidy(Decimal(m.group(1).replace(",", "")) * scale)
    if _MIXED_RUN.fullmatch(s):
        return _mixed_run(s)
    m = _TAIL.fullmatch(s)
    if m:
        return _with_tail(m)
    m = _WEB.fullmatch(s)
    if m:
        return web_value(m.group(1), m.group(2))
    if _CHINESE.fullmatch(s):
        return chinese_value(s)
    m = _ARABIC_POINT.fullmatch(s)
    if m:
        return tidy(Decimal(f"{m.group(1)}.{m.group(2)}"))  # 7点8 is 7.8
    if s[:1].isdigit() and (_CHINESE_DIGIT.search(s) or _ZERO_BEFORE_PLACE.search(s)):
        arabic = _as_arabic(s)
        return _plain(arabic) if arabic != s else None
    return None


def _as_arabic(s: str) -> str:
    """A number with Arabic digits and Chinese ones among its magnitudes, written with
    Arabic digits only: 100万三千 → 100万3千, 200亿零四千230 → 200亿4千230 (a 零 before
    a digit and its magnitude says nothing the places do not).

    >>> _as_arabic("100万三千"), _as_arabic("200亿零四千230"), _as_arabic("3万五")
    ('100万3千', '200亿4千230', '3万5')
    """
    s = _CHINESE_DIGIT.sub(lambda m: str(NUMERALS[m.group()][0]), s)
    return _ZERO_BEFORE_PLACE.sub("", s)


def _mixed_run(s: str) -> Decimal | None:
    """3亿5千万 → 350000000: digits with magnitudes, each part smaller than the last;
    or such a run before one large magnitude that scales it all: 1千2百万 → 12000000."""
    total, previous = Decimal(0), None
    for m in _MIXED.finditer(s):
        scale = chinese_value(m.group(2), magnitudes_only=True)
        if scale is None or (previous is not None and scale >= previous):
            large = NUMERALS.get(s[-1])
            if large is None or large[1] != "large" or not _MIXED_RUN.fullmatch(s[:-1]):
                return None
            head = _mixed_run(s[:-1])
            return None if head is None or head >= large[0] else tidy(head * large[0])
        total += Decimal(m.group(1).replace(",", "")) * scale
        previous = scale
    return tidy(total)


def _with_tail(m) -> Decimal | None:
    """3万4000 → 34000, 1千零20 → 1020.  Without 零 the tail fills the places below the
    last magnitude (4000 after 万), or is the one digit of the next place down, as
    两万三 is 23000: 1万5 → 15000, 3千5 → 3500.  Anything else (3万40) is no number."""
    head = _mixed_run(m.group(1)) if _MIXED.fullmatch(m.group(1)) is None else _plain(m.group(1))
    last = _MIXED.findall(m.group(1))[-1][1]
    scale = chinese_value(last, magnitudes_only=True)
    tail = Decimal(m.group(3))
    if head is None or scale is None or tail >= scale:
        return None
    if not m.group(2) and len(m.group(3)) == 1 and scale >= 100 and tail:
        return tidy(head + tail * scale / 10)
    if not m.group(2) and len(m.group(3)) != len(str(scale)) - 1:
        return None
    return tidy(head + tail)


def web_value(number: str, suffix: str) -> Decimal | None:
    """40k → 40000, 1.5w → 15000, 2e5 → 200000."""
    scale = WEB_SCALE.get(suffix)
    if scale is None:
        exponent = int(suffix[1:])
        if abs(exponent) > 24:
            return None
        scale = Decimal(10) ** exponent
    return tidy(Decimal(number) * scale)


def tidy(d: Decimal) -> Decimal:
    """A value as figs reports it. Drop a trailing zero fraction and exponent: 1.20E+4 → 12000, 0.50 → 0.5."""
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
        return tidy(v)
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
        if len(values) == 2:
            return None  # 四五 is a range, 一一 and 四六 are words: not one number
        # A longer run of bare digits is read digit by digit: 一九九八, 二〇二二 (never
        # with 两, which no year or code is written with: 三三两两 is a word).
        if "两" in s or "兩" in s:
            return None
        return Decimal("".join(str(v) for v, _ in values))
    return _positional(values)


def _positional(values: list[tuple[int, str]]) -> Decimal | None:
    """一千一百五十 → 1150: digits times 十百千 make a group; 万 and 亿 scale what precedes them.

    Terms already closed by a large magnitude are kept with their level, so that a
    later 亿 scales only the smaller terms before it: 一万亿零一亿 is 1 0001 0000 0000.
    """
    terms: list[tuple[int, int]] = []  # (value, level) closed by 万 or 亿
    group = 0        # the current group, closed by 十百千
    digit = None     # a digit waiting for its magnitude
    last_scale = 1   # the magnitude just read, for 两万三 (the 三 is 3000)
    explicit = False # whether that magnitude had a number before it
    zero_seen = False
    for value, role in values:
        if role == "digit":
            if digit is not None and value != 0:
                return None  # two digits in a row inside a positional number: 三四百 is a range
            if value == 0:
                zero_seen, digit = True, None
                continue
            digit = value
        elif role == "tens":
            if digit is not None:
                return None
            group += value
            last_scale, explicit = 10, True
        elif role == "small":
            if digit is None and group and value >= last_scale:
                return None  # 千千万万, 百百: magnitudes said twice are 'countless', no number
            explicit = digit is not None or group > 0 or bool(terms)
            group += (digit if digit is not None else 1) * value
            digit, last_scale, zero_seen = None, value, False
        else:  # large: 万 or 亿
            below = group + (digit or 0)
            if below == 0 and terms and terms[-1][1] == value:
                if not explicit:
                    return None  # 万万 is a word ('by no means'), not a number
                v, lvl = terms.pop()  # 四万万: four hundred million, as older texts write it
                terms.append((v * value, lvl * value))
                last_scale = lvl * value
                continue
            if below == 0 and terms and terms[-1][1] > value:
                return None  # 亿万: 'hundreds of millions', a word, not 100010000
            level = 1
            while terms and terms[-1][1] < value:
                v, lvl = terms.pop()
                below += v
                level = max(level, lvl)
            explicit = below > 0
            terms.append(((below or 1) * value, level * value))
            group, digit, last_scale, zero_seen = 0, None, value, False
    if digit is not None:
        if last_scale >= 100 and not zero_seen:
            if not explicit:
                return None  # 万一 is a word, not 11000
            digit *= last_scale // 10  # 两万三, 三千五: one place below the magnitude
        group += digit
    return Decimal(sum(v for v, _ in terms) + group)
