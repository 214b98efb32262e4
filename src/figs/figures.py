"""Number spans to figures: value, unit, kind, qualifier, subject, citation.

The reading happens in two steps.  One regular expression, generated from the
lexicon, finds every *number span*: a number with the words bound to it (its
magnitude, a range's second number, a classifier, a unit, a qualifier after it).
Then `_read` looks at the span and the words around it and decides whether it is a
figure at all (not a date, an ordinal, a name, 一 as an article …) and what it says.

>>> [(f.text, str(f.value), f.qualifier, f.unit, f.kind) for f in extract("现有员工1150余人，配送网点15个。")]
[('1150余人', '1150', 'over', '人', 'count'), ('15个', '15', 'exact', '个', 'count')]
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterator

import regex

from .lexicon import NUMERALS, QUALIFIERS, UNITS, WORDS, longest_first
from .model import Figure
from .numbers import DIGITS, MAGNITUDES, MAX_VALUE, _parse, chinese_value
from .sentences import Document

# --- the pattern ---------------------------------------------------------------

_LARGE = "".join(c for c, (_, role) in NUMERALS.items() if role in ("small", "large"))
_CURRENCY_SIGNS = {"US$": "USD", "HK$": "HKD", "¥": "CNY", "$": "USD", "€": "EUR", "£": "GBP"}
# Units that may follow the classifier 个, which then drops out: 2个小时, 3个多月, 2.4个百分点.
_AFTER_CLASSIFIER = ("小时", "钟头", "月", "星期", "礼拜", "季度", "工作日", "百分点", "年头")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in longest_first(words))


_UNITS = _alternation(list(UNITS) + ["成"])
_DATES = _alternation(WORDS["date_after"])
_AFTER_UNIT = _alternation(QUALIFIERS["unit"])
# A magnitude character, unless it starts 百分点 or 百分之.
_MAG = rf"(?:[{_LARGE}](?!分[点之]))"

PATTERN = regex.compile(
    rf"""
    (?P<sign> US\$ | HK\$ | [¥$€£] )?                  # currency sign: ¥3000, US$5
    (?:
        百分之 (?P<pct> [0-9.]+ | [{DIGITS}{MAGNITUDES}点]+ )   # 百分之四十
      | (?P<half0> 半 ) (?= 个?(?:小时|钟头|年|天|月|分钟) )      # 半小时, 半年
      | (?P<n1>                                         # the number itself
            [0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9]) (?:\.[0-9]+)? {_MAG}*   # 1,150
          | [0-9]+ (?:\.[0-9]+)? {_MAG}*                  # 1150, 0.04, 1.2万, 3千万
          | [{DIGITS}{MAGNITUDES}]+ (?:点[{DIGITS}]+)? (?<!分)  # 一千一百五十, 三点五
        )
        (?P<q1> 多 | 余 | 几 | 来(?=[个人名位家天年岁]) )?  # 900多, 3000余, 十几, 十来个
        (?P<m1> {_MAG}+ )?                               # 3000余万, 二十几万
        (?:                                              # a range: 3至5天, 5万-10万元
            (?P<u1> {_UNITS} )?
            (?P<sep> 至 | 到 | ~ | - | — | – | ～ )
            (?P<n2> [0-9]+ (?:\.[0-9]+)? {_MAG}* | [{DIGITS}{MAGNITUDES}]+ )
            (?P<q2> 多 | 余 )?
            (?P<m2> {_MAG}+ )?
        )?
    )
    (?:
        (?P<date> {_DATES} )                             # 2019年 is found as 年 below; 11月, 8日, 3时
      | (?P<cls> 个 (?P<chalf> 半 )? (?P<cq> 多 )? (?= {_alternation(_AFTER_CLASSIFIER)} ) )?
        (?P<unit> {_UNITS} )
        (?P<per> / (?: {_UNITS} | 平方公里 ) )?          # 60辆/小时, 3000元/吨
        (?P<uhalf> 半 (?=[^个]) )?                       # 一年半
    )?
    (?P<uq> {_AFTER_UNIT} )?                             # 以上, 左右, 10秒内, 一年多
    """,
    regex.VERBOSE,
)

_BEFORE = longest_first(QUALIFIERS["before"])
_MAX_BEFORE = max(map(len, _BEFORE))
_ORDINAL_BEFORE = longest_first(WORDS["ordinal_before"])
_RELATIVE = tuple(longest_first(WORDS["relative_after"]))
_NAME_AFTER = tuple(longest_first(WORDS["name_after"]))
_VAGUE = frozenset(WORDS["vague"])
_NOT_QUALIFIER = tuple(WORDS["not_qualifier"])
# 至少, 最多 … bend the verb after them too: 至少增收2000元.
_ADVERBIAL = ("at_least", "at_most")
_ADVERB_GAP = regex.compile(r"\p{Han}{1,2}$")
_ADJACENT = {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NUMERAL_CHARS = frozenset("0123456789.") | frozenset(NUMERALS)
_QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"'}
# A number in quotes this short is a name or slogan: “四个100”, “最后1米”, “513”.
_SLOGAN_MAX = 10


@dataclass(frozen=True)
class Options:
    dates: bool = False


def extract(text: str, source: str = "-", dates: bool = False) -> Iterator[Figure]:
    """Every figure in `text`, in order of appearance.

    `source` names the text in the records; `dates=True` adds calendar dates as
    records of kind ``date``.
    """
    doc = Document(text)
    options = Options(dates=dates)
    previous = None
    for m in PATTERN.finditer(doc.scan):
        figure = _read(doc, m, source, options)
        if figure is None:
            continue
        # A figure with no subject of its own shares the one before it in its
        # sentence: 240人、208人和80人, 交易额为2020.87亿元，同比增长8.25%.
        if not figure.subject and previous is not None and previous.sentence == figure.sentence:
            figure = replace(figure, subject=previous.subject)
        previous = figure
        yield figure


# --- reading one span ----------------------------------------------------------


def _read(doc: Document, m: regex.Match, source: str, options: Options) -> Figure | None:
    scan = doc.scan
    start, end = m.span()
    if not _free_standing(scan, start, end, m):
        return None

    value, upper, qualifier = _number(m)
    if value is None or value > MAX_VALUE or upper is not None and upper > MAX_VALUE:
        return None  # 3000余万万万万万…: noise, and no JSON reader could take it
    if m.group("half0") and start and scan[start - 1] in "上下前后":
        return None  # 上半年, 下半年: a period of the year

    # Words before the number: a qualifier (约, 近, 超过 …), a vague 上/数/几, 每X.
    q_before, q_len = _qualifier_before(scan, start)
    if q_before is None and m.group("n1") and m.group("n1")[0] in _LARGE and start > 0 and scan[start - 1] in _VAGUE:
        q_before, q_len = "over", 1
    if qualifier == "exact" and q_before:
        qualifier = q_before
    elif qualifier == "over" and q_before in ("about", "under", "at_least", "at_most"):
        qualifier = q_before
    if q_before:
        start -= q_len

    unit, kind, currency = _unit(m)
    date = m.group("date")
    n1 = m.group("n1") or ""
    chinese = bool(n1) and n1[0] not in "0123456789"

    if unit == "年" and _is_year(n1, qualifier, m):
        date = "年"
    if date:
        if not options.dates or m.group("sep") and not m.group("n2"):
            return None
        return _finish(doc, source, start, m.start("date") + len(date), value, upper, "exact", date, "date", "", scan, m)

    if kind is None:  # a unit that is not one here: 十六字方针, bare 3月
        unit, kind, currency, end = "", "", "", m.start("cls") if m.group("cls") else m.start("unit")
        if m.group("uq"):
            return None
    after_unit = m.group("uq")
    if after_unit and not _qualifier_after_unit_fits(after_unit, kind):
        end = m.start("uq")
    elif after_unit and qualifier == "exact":
        qualifier = QUALIFIERS["unit"][after_unit]
    if m.group("uhalf") and unit in ("年", "天", "小时", "月"):
        value += Decimal("0.5")
    elif m.group("uhalf"):
        end = m.start("uhalf")

    rest = scan[end:end + 4]
    if kind == "duration" and rest.startswith(_RELATIVE) and not rest.startswith("后来"):
        return None  # 三年前, 半年后: a point in time
    if chinese and unit and rest.startswith(_NAME_AFTER):
        return None  # 八届人大五次会议: a session's name
    if not unit:
        if not _enough_without_unit(n1, m, qualifier):
            return None
        kind = "count"
        if end < len(scan) and scan[end] in _ASCII_WORD:
            return None  # 5G, 3D
    if (
        chinese
        and qualifier == "exact"
        and upper is None
        and n1 in ("一", "壹")
        and unit != "倍"
        and not m.group("chalf")
        and not m.group("uhalf")
    ):
        return None  # 一 as an article: 一名党员, 一部手机
    if not q_before and qualifier == "exact" and len(n1) == 1 and n1 in _LARGE and not m.group("m1"):
        return None  # a lone 千 or 万 is a word, not a number: 千家万户, 百米
    if _in_slogan(scan, start, end):
        return None
    return _finish(doc, source, start, end, value, upper, qualifier, unit, kind, currency, scan, m)


def _free_standing(scan: str, start: int, end: int, m: regex.Match) -> bool:
    """False when the span is part of a longer token: 第三, G20, COVID-19, 1+N, 2019-12-31."""
    before = scan[start - 1] if start else ""
    if before and (before in _ASCII_WORD or before in "0123456789" or before in NUMERALS):
        return False
    if before in "-/.:+" and start >= 2 and scan[start - 2] in "0123456789" + "".join(_ASCII_WORD):
        return False
    head = scan[max(0, start - 3):start]
    if head.endswith(tuple(_ORDINAL_BEFORE)):
        return False
    after = scan[end:end + 1]
    if after and after in "+:：" and not m.group("unit"):
        return False
    if after == "-" and not m.group("unit"):
        return False
    return True


def _number(m: regex.Match) -> tuple[Decimal | None, Decimal | None, str]:
    """The value, the range's upper end and the qualifier the number itself carries."""
    if m.group("pct") is not None:
        return _parse(m.group("pct")), None, "exact"
    if m.group("half0"):
        return Decimal("0.5"), None, "exact"
    n1, q1, m1 = m.group("n1"), m.group("q1"), m.group("m1")
    qualifier = "exact"
    low, high = _adjacent_range(n1)
    if low is None:
        low = _parse(n1)
        if low is None:
            return None, None, "exact"
    if q1:
        qualifier = "about" if q1 == "来" else "over"
    elif m1:
        return None, None, "exact"  # cannot happen: m1 follows q1 only
    if m1:
        scale = chinese_value(m1, magnitudes_only=True)
        if scale is None:
            return None, None, "exact"
        low *= scale
        high = high * scale if high is not None else None
    if m.group("cls") and m.group("chalf"):
        low += Decimal("0.5")
    if high is not None:
        return low, high, "range"
    if m.group("n2"):
        if m.group("u1") and m.group("u1") != m.group("unit"):
            return None, None, "exact"
        high = _parse(m.group("n2"))
        if high is None:
            return None, None, "exact"
        if m.group("m2"):
            scale = chinese_value(m.group("m2"), magnitudes_only=True)
            if scale is None:  # too long to be one magnitude: 2多万万万…
                return None, None, "exact"
            high *= scale
        # 5到10万: the first number takes the second's magnitude when it has none.
        tail = _magnitude_suffix(m.group("n2") + (m.group("m2") or ""))
        if tail and not _magnitude_suffix(n1) and low < high / tail:
            low *= tail
        if high <= low:
            return None, None, "exact"
        return low, high, "range"
    return low, None, qualifier


def _adjacent_range(cn: str) -> tuple[Decimal | None, Decimal | None]:
    """四五千 → (4000, 5000), 十七八 → (17, 18), 一两 → (1, 2); else (None, None).

    A decimal is never a range: 八十四点四五 is 84.45.
    """
    if not cn or cn[0] in "0123456789" or "点" in cn:
        return None, None
    for i in range(len(cn) - 1):
        a, b = NUMERALS.get(cn[i]), NUMERALS.get(cn[i + 1])
        if a and b and a[1] == "digit" and b[1] == "digit" and (a[0], b[0]) in _ADJACENT:
            prefix, rest = cn[:i], cn[i + 2:]
            if any(NUMERALS[c][1] == "digit" for c in rest):
                return None, None
            if prefix and NUMERALS[prefix[-1]][1] == "digit":
                return None, None  # 一九九八 is a year, not a range
            low = chinese_value(prefix + cn[i] + rest)
            high = chinese_value(prefix + cn[i + 1] + rest)
            if low is None or high is None:
                return None, None
            return low, high
    return None, None


def _magnitude_suffix(s: str) -> Decimal:
    tail = ""
    for c in reversed(s):
        if c in _LARGE:
            tail = c + tail
        else:
            break
    if not tail or tail == s:
        return Decimal(0)
    return chinese_value(tail, magnitudes_only=True) or Decimal(0)


def _qualifier_before(scan: str, start: int) -> tuple[str | None, int]:
    """The qualifier written before the number, and how many characters it takes.

    至少 and 最多 may stand before a short verb: 至少增收2000元 (the span takes the verb).
    """
    head = scan[max(0, start - _MAX_BEFORE - 2):start]
    for gap in (0, 1, 2):
        stem = head[: len(head) - gap] if gap else head
        if gap and not _ADVERB_GAP.search(head[len(head) - gap:]):
            break
        for word in _BEFORE:
            if stem.endswith(word) and not stem.endswith(_NOT_QUALIFIER):
                qualifier = QUALIFIERS["before"][word]
                if gap and qualifier not in _ADVERBIAL:
                    continue
                return qualifier, len(word) + gap
    return None, 0


def _unit(m: regex.Match) -> tuple[str, str | None, str]:
    """(unit as it is written in the record, kind, currency); kind None: not a unit here."""
    sign = m.group("sign")
    unit = m.group("unit") or ""
    if sign and not unit:
        return sign, "money", _CURRENCY_SIGNS[sign]
    if not unit:
        return "", "", ""
    if unit == "成":
        return "%", "percent", ""
    u = UNITS[unit]
    n1 = m.group("n1") or ""
    chinese = bool(n1) and n1[0] not in "0123456789"
    if u.needs == "arabic" and (chinese or not n1):
        return "", None, ""
    if u.needs == "classifier" and not m.group("cls"):
        return "", None, ""
    kind, currency = u.kind, u.currency or (_CURRENCY_SIGNS[sign] if sign else "")
    per = m.group("per")
    if per:
        unit = unit + per
        kind = "money" if u.kind == "money" else "rate"
    return unit, kind, currency


def _qualifier_after_unit_fits(word: str, kind: str) -> bool:
    """多, 余 and 内 after a unit only bend time and measures: 一年多, 10秒内 (not 3个内设机构)."""
    if word in ("多", "余", "内"):
        return kind in ("duration", "measure", "age")
    return True


def _is_year(n1: str, qualifier: str, m: regex.Match) -> bool:
    """2019年, 一九九八年 and 九八年 are dates; 10年, 2000多年 are durations."""
    if not n1 or m.group("q1") or m.group("m1"):
        return False
    if n1[0] in "0123456789":
        return n1.isdigit() and len(n1) == 4 and 1900 <= int(n1) <= 2100 and qualifier == "exact"
    return len(n1) >= 2 and all(NUMERALS[c][1] == "digit" for c in n1) and _adjacent_range(n1) == (None, None)


def _enough_without_unit(n1: str, m: regex.Match, qualifier: str) -> bool:
    """A number with no unit is a figure when a magnitude makes it a quantity: 2万多, 突破百万."""
    if not n1:
        return m.group("pct") is not None
    mags = [c for c in n1 + (m.group("m1") or "") if c in _LARGE]
    has_digit = any(c not in _LARGE for c in n1)
    if not mags:
        return False
    if not has_digit:
        return qualifier != "exact"
    return any(c in "万萬亿億" for c in mags)


def _in_slogan(scan: str, start: int, end: int) -> bool:
    """True when the span sits inside a short quotation: “四个100”, “最后1米”."""
    left = max(0, start - _SLOGAN_MAX)
    for open_, close in _QUOTES.items():
        i = scan.rfind(open_, left, start)
        if i < 0:
            continue
        if scan.rfind(close, i + 1, start) >= 0 and close != open_:
            continue
        j = scan.find(close, end, i + _SLOGAN_MAX + 2)
        if j >= 0 and not any(p in scan[i:j] for p in "，。；,;"):
            return True
    return False


# --- the record ----------------------------------------------------------------


def _finish(doc, source, start, end, value, upper, qualifier, unit, kind, currency, scan, m) -> Figure | None:
    if end <= start:
        return None
    line, col = doc.line_col(start)
    sentence_start, sentence_end = doc.sentence_bounds(start)
    return Figure(
        source=source,
        line=line,
        col=col,
        start=doc.original(start),
        end=doc.original(end, end=True),
        text=doc.text[doc.original(start):doc.original(end, end=True)],
        value=value,
        upper=upper,
        qualifier=qualifier,
        unit=unit,
        kind=kind,
        subject=doc.subject(start, end, kind),
        sentence=doc.sentence(sentence_start, sentence_end),
        currency=currency,
        time=doc.time_before(start, sentence_start),
    )
