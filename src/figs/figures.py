"""Number spans to figures: value, unit, kind, qualifier, subject, citation.

The pattern in `figs.spans` finds every *number span*: a number with the words
bound to it.  `_read` then looks at the span and the words around it, decides
whether it is a figure at all (not a date, an ordinal, a name, 一 as an article …)
and what it says; `figs.numbers` gives the values and `figs.sentences` the
subject and the citation.

>>> [(f.text, str(f.value), f.qualifier, f.unit, f.kind) for f in extract("现有员工1150余人，配送网点15个。")]
[('1150余人', '1150', 'over', '人', 'count'), ('15个', '15', 'exact', '个', 'count')]
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterator, NamedTuple

import re

import regex

from . import changes, claims, patterns, segment
from .lexicon import (CURRENCY_SIGNS, FINANCIAL, NUMERALS, QUALIFIERS, SET_VALUES, SUBUNIT_CURRENCY, SUBUNITS, UNITS,
                      WORDS,
                      alternation, longest_first)
from .model import Figure
from .numbers import GRAMMAR, MAX_VALUE, WEB_SCALE, chinese_value, discount, spaced_parts_join, tenths, tidy, value_of
from .sentences import Document
from .spans import LARGE, PATTERN, UNIT_ALTERNATION, span_pattern, spaced_pattern

_BEFORE = QUALIFIERS["before"]
_BEFORE_LENGTHS = sorted({len(w) for w in _BEFORE}, reverse=True)
_BEFORE_LAST = frozenset(w[-1] for w in _BEFORE)
_ORDINAL_BEFORE = tuple(WORDS["ordinal_before"])
_RELATIVE = tuple(longest_first(WORDS["relative_after"]))
_NAME_AFTER = tuple(longest_first(WORDS["name_after"]))
_VAGUE = frozenset(WORDS["vague"])
_NOT_QUALIFIER = tuple(WORDS["not_qualifier"])
_SHIFT_BEFORE = tuple(WORDS["shift_before"])
_CURRENCY_NAMES = tuple(longest_first(WORDS["currency_name"]))
_LONGEST_SHIFT = max(map(len, _SHIFT_BEFORE))
# 至少, 最多 … bend the verb after them too: 至少增收2000元.
_ADVERBIAL = ("at_least", "at_most")
_ADVERBIAL_RE = patterns.compile(alternation(w for w, q in QUALIFIERS["before"].items() if q in _ADVERBIAL))
_HAN = regex.compile(r"\p{Han}+$")
_LINKING = frozenset(WORDS["linking_verb"])
# 每桶, 每一吨 before a number: a rate per that unit; 时速, 时速达 before one: per hour.
_PER = tuple(longest_first(GRAMMAR["per"]))
_PER_BEFORE = patterns.compile(rf"(?:{alternation(_PER)})({UNIT_ALTERNATION})$")
_PER_REACH = max(map(len, _PER)) + 4  # 每 and the longest unit looked for right before a number
_SPEED_WORDS = tuple(GRAMMAR["speed"])
_SPEED = regex.compile(f"(?:{alternation(_SPEED_WORDS)})(?:{alternation(GRAMMAR['speed_verb'])})?$")
_SPEED_REACH = max(map(len, _SPEED_WORDS)) + max(map(len, GRAMMAR["speed_verb"]))
# Two digits written together that are a range (四五千, 一两次): their values.
_ADJACENT = frozenset((NUMERALS[w[0]][0], NUMERALS[w[1]][0]) for w in GRAMMAR["adjacent_digits"])
_ONE = tuple(c for c, (value, role) in NUMERALS.items() if value == 1 and role == "digit")
_ZEROS = tuple(c for c, (value, role) in NUMERALS.items() if value == 0 and role == "digit")
# 百 and above: alone they are words (千家万户), inside a numeral they make it large.
_BIG = frozenset(c for c, (value, role) in NUMERALS.items() if role in ("small", "large") and value >= 100)
# 两 counts and never ranks: 两级 is two levels, 二级 the second.
_TWO = frozenset(WORDS["counts_only"])
# Magnitudes that are numbers only in money: 四十九兆日元 (兆瓦, 100兆宽带 are megas).
_MONEY_ONLY = frozenset(GRAMMAR["money_only"])
_TENTHS = tuple(WORDS["tenths_unit"])
# After these, 一 is a quantity, not an article: 增长一倍, 翻一番, 仅占一成.
_NOT_ARTICLE_UNITS = frozenset(WORDS["one_is_a_number"])
_UNIT_WORDS = tuple(u for u in UNITS if not u.isascii())
_ALMOST = tuple(WORDS["almost"])
_PERIOD_BEFORE_HALF = "".join(WORDS["period_before_half"])
_THIS_THAT = "".join(WORDS["demonstrative"])
_BEFORE_MINUTE = "".join(WORDS["before_minute"])
# Units of hours (grammar.tsv hour_unit), and a number of them right before a number:
# 2小时47分.
_HOUR_UNITS = tuple(GRAMMAR["hour_unit"])
_HOURS_BEFORE = patterns.compile(rf"[0-9{''.join(NUMERALS)}]+个?(?:{alternation(_HOUR_UNITS)})$")
_NOT_RELATIVE = tuple(WORDS["not_relative"])
_TIME_QUALIFIERS = frozenset(WORDS["time_qualifier"])
_MONEY_QUALIFIERS = frozenset(WORDS["money_qualifier"])
_APPROXIMATE = frozenset(WORDS["approximate"])
_NUMERAL_WORDS = frozenset(WORDS["numeral_word"])
_NUMERAL_WORDS_AT: dict[str, tuple[str, ...]] = {  # by first character
    first: tuple(w for w in _NUMERAL_WORDS if w[0] == first) for first in {w[0] for w in _NUMERAL_WORDS}}
_SPAN_OF_TIME = tuple(WORDS["span_of_time"])
# Idioms made of numerals and their units: a figure inside one is none (三番五次).
_IDIOM = patterns.compile(alternation(GRAMMAR["idiom"]))
_LONGEST_IDIOM = max(map(len, GRAMMAR["idiom"]))
# Every piece of those idioms: a span that is none of them is in none (one set lookup
# for most figures instead of a search).
_IDIOM_PIECES = frozenset(w[i:j] for w in GRAMMAR["idiom"] for i in range(len(w)) for j in range(i + 1, len(w) + 1))
_SET_PHRASES = frozenset(WORDS["set_phrase"])
_LATELY = frozenset(WORDS["lately_numeral"])
_NEGATIVE_BEFORE = tuple(WORDS["negative_before"])
_LONGEST_NEGATIVE = max(map(len, _NEGATIVE_BEFORE))
# A minus that is one Chinese character (负: grammar.tsv minus), and the kinds it is a
# minus for after another word (气温负五度, 增速负2%; 减负5亿元 and 胜负3场 end a word).
_WORD_MINUS = frozenset(w for w in GRAMMAR["minus"] if len(w) == 1 and "\u4e00" <= w <= "\u9fff")
_WORD_MINUS_KINDS = ("measure", "percent")
_NOT_MINUS = tuple(GRAMMAR["not_minus"])
_LONGEST_NOT_MINUS = max(map(len, _NOT_MINUS))
_NEGATIVE_LAST = frozenset(w[-1] for w in _NEGATIVE_BEFORE) | _WORD_MINUS
# Units a date word can be read from (1998年, 8点, 8时30分); see `_date_word`.
_DATE_UNITS = frozenset(("年", "点", "分"))
# Kinds a 半 after the unit is half of: 一年半, 一吨半, 两元半 (not 三人半).
_HALF_KINDS = ("duration", "measure", "money")
# Kinds a fraction keeps its unit in: 四分之一公升, 二分之一小时, 1 1/2倍 (三分之一人口 is a share).
_FRACTION_KINDS = ("duration", "measure", "money", "ratio")
_DOUBLED_UNITS = frozenset(u for u, unit in UNITS.items() if unit.needs == "doubling")
# A verb of doubling right before a number, 了 between them at most (翻一番, 翻了两番;
# a qualifier is inside the figure: 翻了近两番); not 翻译了一番, 翻身一番.
_DOUBLING_BEFORE = patterns.compile(f"(?:{alternation(WORDS['doubling_verb'])})了?$")
_DOUBLING_REACH = max(map(len, WORDS["doubling_verb"])) + 1
_WEB_SUFFIX = frozenset("kKwWeE")
_MAGNITUDE_UNITS = tuple(u for u in UNITS if u[0] in _BIG)
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _ASCII_WORD | frozenset("0123456789")
# A number right after a letter, a digit or an everyday numeral is part of a longer
# token: G20, A4 (financial numerals end words, so 队伍3年 is a figure).
_PART_OF_A_TOKEN = _ALNUM | frozenset(NUMERALS).difference(FINANCIAL)
# Marks around a name or slogan, and the longest such name: a number in a quotation
# this short (“四个100”, “最后1米”, “513”) or in a title (《二次曝光》) is part of it.
_NAME_MARKS = {("“", "”"): 10, ("「", "」"): 10, ("『", "』"): 10, ('"', '"'): 10, ("《", "》"): 30}
_LONGEST_NAME = max(_NAME_MARKS.values())
_OPENING_MARK = patterns.compile("[" + re.escape("".join(o for o, _ in _NAME_MARKS)) + "]")
_CLAUSE_MARKS = tuple(GRAMMAR["clause_mark"])
# Between a letter or digit and a number (COVID-19, 1+N), and right after a number with
# no unit (1+N, 8:00): the number is part of a token.
_TOKEN_JOINERS = frozenset(GRAMMAR["token_joiner"])
_TOKEN_AFTER = frozenset(GRAMMAR["token_after"])


class _Groups(NamedTuple):
    """A span's groups by name (g.n1, g.unit …), from one `m.groups()`: cheaper than
    `m.groupdict()`, which builds a dict of all the groups for every span.  Both
    patterns have the same groups, in this order (checked below).  Spelled out
    rather than made from the pattern so that the type checker, and mypyc, know
    them (a new group in `figs.spans` goes here too)."""

    neg: str | None
    sign: str | None
    whole: str | None
    pct: str | None
    psep: str | None
    pct2: str | None
    fd: str | None
    fn: str | None
    fixed: str | None
    sn: str | None
    sd: str | None
    half0: str | None
    n1: str | None
    q1: str | None
    m1: str | None
    q3: str | None
    u1: str | None
    sep: str | None
    n2: str | None
    q2: str | None
    m2: str | None
    space: str | None
    date: str | None
    cls: str | None
    chalf: str | None
    cq: str | None
    unit: str | None
    per: str | None
    uhalf: str | None
    udigit: str | None
    sub: str | None
    counted: str | None
    subn: str | None
    subunit: str | None
    subn2: str | None
    subunit2: str | None
    subd2: str | None
    szero: str | None
    subd: str | None
    uq: str | None


if _Groups._fields != tuple(sorted(PATTERN.groupindex, key=PATTERN.groupindex.__getitem__)):
    raise ImportError("figs.figures._Groups must list the groups of figs.spans.PATTERN in order")


@dataclass(frozen=True)
class _Reading:
    """How one text is read: with dates or not, and where it sits in a larger input."""

    dates: bool = False
    offset: int = 0  # characters of the whole input before this text
    line: int = 0    # lines of the whole input before this text


def extract(text: str, source: str = "-", dates: bool = False, *,
            offset: int = 0, line: int = 0) -> Iterator[Figure]:
    """Every figure in `text`, in order of appearance.

    `source` names the text in the records; `dates=True` adds calendar dates as
    records of kind ``date``.  When `text` is a piece of a larger input, `offset`
    and `line` are the characters and lines before it there, and records index
    the whole input.
    """
    doc = Document(text)
    options = _Reading(dates=dates, offset=offset, line=line)
    pattern = span_pattern(dates)
    sentence: list[tuple[int, Figure]] = []  # the figures of one sentence, with where each starts in doc.scan
    earlier: list[Figure] = []  # the figures of the sentence before it that has any
    m = pattern.search(doc.scan)
    while m:
        if m.group("space"):  # 2.4   个百分 点: its unit may be spaced too
            m = spaced_pattern(dates).match(doc.scan, m.start()) or m
        if m.group("per") and not _per_word_fits(m):  # 连续3天每天: the span ends before 每
            m = pattern.match(doc.scan, m.start(), m.start("per")) or m
        figure = _read(doc, m, source, options)
        # A span that is no figure as a whole may still end in one: in 11月龄-85岁 the
        # range fails (two units), and 85岁 is read again from the dash.
        at = m.start()
        sep = "sep" if m.group("sep") else "psep" if m.group("psep") else ""
        resume = m.start(sep) + 1 if figure is None and sep else m.end()
        if figure is None and sep and (m.group("u1") or m.group("pct") is not None and m.group("unit")):
            # …and may begin with one whose unit is its own: 怀孕9次——两次是双胞胎 is 9次
            # before a dash, not a range from 9 down to 2; 百分之五十到六十岁 is 百分之五十
            # and then an age.
            first = pattern.match(doc.scan, at, m.start(sep))
            figure = _read(doc, first, source, options) if first else None
        if m.group("sub"):
            resume = min(resume, _after_subunits(m))
        if figure is None and " " in (m.group("n1") or ""):
            resume = m.start("n1") + m.group("n1").index(" ") + 1  # 一千 两千人: two numbers, read the second
        m = pattern.search(doc.scan, resume)
        if figure is None:
            continue
        if sentence and sentence[-1][1].sentence != figure.sentence:
            earlier = _settle(doc, sentence, options, earlier)
            yield from earlier
            sentence = []
        sentence.append((at, figure))
    if sentence:
        yield from _settle(doc, sentence, options, earlier)


def _settle(doc: Document, sentence: list[tuple[int, Figure]], options: _Reading,
            earlier: list[Figure]) -> list[Figure]:
    """One sentence's figures, settled together: their claims (`claims.settle`, given the
    figures of the sentence before), then their changes (a `from` figure and its `to`
    linked, a list after a change: `changes.settle`)."""
    settled = claims.settle(doc, sentence, options.offset, earlier)
    return changes.settle(doc.text, settled, options.offset)


# --- reading one span ----------------------------------------------------------


class _Candidate(NamedTuple):
    """A span on its way to a record: where it is in ``doc.scan``, its value and what
    it counts.  Each stage of `_read` takes one and gives the next (or None: no figure).

    `q_word` is the qualifier written before the number (约, 近, 超过 …; "" for none)
    and `gap` the characters between it and the number (约占30%: 占).  A named tuple,
    immutable like a frozen dataclass and made faster: a span makes two or three.
    """

    start: int
    end: int
    value: Decimal
    upper: Decimal | None
    qualifier: str
    q_word: str = ""
    gap: int = 0
    unit: str = ""
    kind: str | None = ""
    currency: str = ""


def _read(doc: Document, m: re.Match, source: str, options: _Reading) -> Figure | None:
    """The figure a span states, or None when it states none.

    The stages, in order: the number and the words before it (`_opening`), its unit
    (`_with_unit`), a date (`_date_word`), the end of the span (`_trimmed`), the
    contexts that make it no amount (`_a_point_or_a_name`, `_without_unit`,
    `_a_word`) and its sign (`_signed`).
    """
    scan = doc.scan
    g = _Groups._make(m.groups())
    if g.date and not options.dates:
        return None  # 11月, 8日, 3时: a date or a time of day
    if g.n1 and " " in g.n1:
        unspaced = _unspaced(g)  # its own name: once compiled, g may not hold None
        if unspaced is None:
            return None
        g = unspaced
    if g.n1 and "，" in g.n1:
        g = g._replace(n1=g.n1.replace("，", ","))  # 1，234元: a full-width thousands separator
    if g.space and g.unit and " " in g.unit:
        g = g._replace(unit=g.unit.replace(" ", ""))  # 2.4   个百分 点: the unit as one word
    c = _opening(scan, m, g)
    if c is None:
        return None
    c = _with_unit(scan, g, c)
    if c is None:
        return None
    date = _date_word(scan, g, c) if g.date or c.unit in _DATE_UNITS else ""
    if date:
        if not options.dates:
            return None
        date_end = m.end("date") if g.date else m.end("unit")
        return _finish(doc, options, source, _Candidate(c.start, date_end, c.value, c.upper, "exact",
                                                        unit=date, kind="date"))
    c = _trimmed(scan, m, g, c)
    if c is not None:
        c = _minutes(scan, c)
    if c is None or _a_point_or_a_name(scan, g, c):
        return None
    if not c.unit or g.fd or g.sd:
        c = _without_unit(scan, g, c)
        if c is None:
            return None
    if _a_word(scan, g, c):
        return None
    if g.neg or c.start and scan[c.start - 1] in _NEGATIVE_LAST:
        c = _signed(scan, m, g, c)
    return _finish(doc, options, source, c)


def _unspaced(g: _Groups) -> _Groups | None:
    """一百 五 十 二 as some sources type it: read without the spaces, when a magnitude
    makes it one number (一 二 三 is a list, not 123)."""
    if (g.n1 or "")[:1].isdigit() or g.unit == "折":
        return g._replace(n1=(g.n1 or "").replace(" ", ""))  # 177.1 亿元: a magnitude spaced from its digits; 七 五 折
    if not spaced_parts_join(g.n1 or ""):
        return None
    return g._replace(n1=(g.n1 or "").replace(" ", ""))


def _opening(scan: str, m: re.Match, g: _Groups) -> _Candidate | None:
    """The number, its value and the qualifier before it; None for numerals that are
    no number here (一 as an article, 第三, G20, 零部件, 09年, 上半年, noise)."""
    start, end = m.span()
    n1 = g.n1 or ""
    # Words before the number: a qualifier (约, 近, 超过 …), a vague 上/数/几, 每X.
    q_before, q_len, gap = _qualifier_before(scan, start)
    if n1 in _ONE and not q_before and _bare(g) and not _shifted_by(scan, start, g):
        return None  # 一 as an article: 一名党员, 一部手机 (the most common non-figure: tested early)
    if not _free_standing(scan, start, end, g):
        return None
    if q_before is None and n1 and n1[0] in LARGE and start > 0 and scan[start - 1] in _VAGUE:
        q_before, q_len = "over", 1
    if not _a_numeral_here(n1, g):
        return None
    if n1[:1] == "0" and n1[1:2].isdigit() and not (len(n1) == 2 and _after_hours(scan, start)):
        return None  # 09年, 007: a code or a two-digit year, not an amount (but 3小时05分: minutes)

    value, upper, qualifier = _number(g)
    if value is None or value > MAX_VALUE or upper is not None and upper > MAX_VALUE:
        return None  # 3000余万万万万万…: noise, and no JSON reader could take it
    if g.half0 and start and scan[start - 1] in _PERIOD_BEFORE_HALF:
        return None  # 上半年, 下半年: a period of the year
    q_word = scan[start - q_len:start - gap] if q_before else ""
    if q_word in _ALMOST and g.unit == "倍":
        q_before, q_len, q_word = None, 0, ""  # 快2倍 is "twice as fast", not "almost"
    if qualifier == "exact" and q_before:
        qualifier = q_before
    elif qualifier == "over" and q_before in ("about", "under", "at_least", "at_most"):
        qualifier = q_before
    if q_before:
        start -= q_len
    return _Candidate(start, end, value, upper, qualifier, q_word, gap, "", "", "")


def _with_unit(scan: str, g: _Groups, c: _Candidate) -> _Candidate | None:
    """The unit, kind and currency; 每桶18.56美元 makes the unit 美元/桶.  None for a
    magnitude that is a number only in money (兆) before anything else."""
    unit, kind, currency = _unit(g)
    if kind and g.unit in _DOUBLED_UNITS and not _doubled(scan, c.start):
        unit, kind, currency = "", None, ""  # 一番努力, 三番五次: no multiple without 翻
    if kind != "money" and "兆" in scan[c.start:c.end] and not _MONEY_ONLY.isdisjoint(
            (g.n1 or "") + (g.m1 or "") + (g.n2 or "") + (g.m2 or "")):
        return None
    per = "" if c.gap else _per_before(scan, c.start)
    if per and kind in ("money", "count", "measure") and "/" not in unit:
        unit, kind = f"{unit}/{per}", "money" if kind == "money" else "rate"
    return _Candidate(c.start, c.end, c.value, c.upper, c.qualifier, c.q_word, c.gap, unit, kind, currency)


def _doubled(scan: str, start: int) -> bool:
    """True when a verb of doubling stands just before the number: 翻一番, 翻了近两番."""
    return _DOUBLING_BEFORE.search(scan, max(0, start - _DOUBLING_REACH), start) is not None


def _date_word(scan: str, g: _Groups, c: _Candidate) -> str:
    """The date word when the span is a date or a time of day (1998年, 8点, 8时30分), else ""."""
    if g.date:
        return g.date
    n1 = g.n1 or ""
    chinese = bool(n1) and n1[0] not in "0123456789"
    if c.unit == "年" and _is_year(g, c.q_word, scan[c.end:c.end + 3]):
        return "年"
    if c.unit == "点" and c.value <= 24 and (chinese or "." not in n1):
        return "点"  # 8点, 三点: a time of day; 8720点 and 六百六十四点 are an index
    if c.unit == "分" and c.start and scan[c.start - 1] in _BEFORE_MINUTE and not _after_hours(scan, c.start):
        return "分"  # 8时30分: a time of day (2小时47分 is a duration)
    return ""


def _after_hours(scan: str, start: int) -> bool:
    """True right after a number of hours (2小时47分, 三个钟头二十分): 分 there counts
    the minutes of a duration, not the minute of a time of day."""
    return scan.endswith(_HOUR_UNITS, 0, start) and _HOURS_BEFORE.search(scan, max(0, start - 12), start) is not None


def _minutes(scan: str, c: _Candidate) -> _Candidate:
    """分 after a number of hours is minutes: a duration (2小时47分), not a score."""
    if c.unit == "分" and c.start and _after_hours(scan, c.start):
        return c._replace(kind="duration")
    return c


def _trimmed(scan: str, m: re.Match, g: _Groups, c: _Candidate) -> _Candidate | None:
    """The span cut back to what belongs to the figure: a unit that is none here
    (十六字方针), a qualifier after the unit that does not fit it (3个内设机构), a 半
    that is not a half of the unit, trailing spaces; 一年半 adds the half."""
    unit, kind, currency, end, value, qualifier = c.unit, c.kind, c.currency, c.end, c.value, c.qualifier
    if kind is None:  # a unit that is not one here: 十六字方针, bare 3月
        unit, kind, currency, end = "", "", "", m.start("cls") if g.cls else m.start("unit")
        if g.uq:
            return None
    after_unit = g.uq
    if kind == "percent" and g.pct is not None and g.unit:
        if g.pct2:
            return None  # 百分之五十到六十岁: a percent does not range into an age (read apart)
        end, after_unit = m.start("cls") if g.cls else m.start("unit"), None  # 百分之三十人口: the next word's unit
    if after_unit and not _qualifier_after_unit_fits(after_unit, kind):
        end = m.start("uq")
    elif after_unit and qualifier == "exact":
        qualifier = QUALIFIERS["unit"][after_unit]
    if g.uhalf and g.unit in _TENTHS:
        pass  # 三成半: the half is in the value already (35 %)
    elif g.uhalf and kind in _HALF_KINDS and c.upper is None:
        value += Decimal("0.5")
    elif g.uhalf:
        end = m.start("uhalf")
    if g.sub and unit:
        part = _subunits(g) if c.upper is None else None
        counted = _in_smallest_unit(g, value) if c.upper is None and part is None else None
        if counted is not None:
            value, unit, two = counted  # 3小时05分: 185 分, 1分21秒 81 秒
            kind = "duration"
            if g.subn2 and not two:
                end = min(end, m.end("subunit"))  # 6分37秒三分: the 三分 is not seconds' part
        elif part is None:
            end = min(end, m.start("sub"))
        else:
            value = tidy(value + part)  # 五元三毛: 5.3 元, 一块二 1.2, 五元六角八分 5.68
            if not currency and g.unit in SUBUNIT_CURRENCY:
                kind, currency = "money", SUBUNIT_CURRENCY[g.unit or ""]  # 三块五毛: yuan, not pieces
    while end > c.start and scan[end - 1] == " ":
        end -= 1
    return _Candidate(c.start, end, value, c.upper, qualifier, c.q_word, c.gap, unit, kind, currency)


def _with_subunits(g: _Groups) -> bool:
    """True when subunits after the unit make one amount with it (一块二, 两毛五, 3小时05分)."""
    return bool(g.sub) and (_subunits(g) is not None or _in_smallest_unit(g, Decimal(0)) is not None)


def _after_subunits(m: re.Match) -> int:
    """Where to read on after a span with subunits: after them where they are part of
    its amount, else where they start (一角两角, 3小时75分: two amounts) or after the
    first (6分37秒三分)."""
    g = _Groups._make(m.groups())
    if _subunits(g) is not None:
        return m.end()
    counted = _in_smallest_unit(g, Decimal(0))
    if counted is None:
        return m.start("sub")
    return m.end("subunit") if g.subn2 and not counted[2] else m.end()


def _in_smallest_unit(g: _Groups, value: Decimal) -> tuple[Decimal, str, bool] | None:
    """An amount of a unit that is no power of ten of its subunits, counted in the
    smallest unit written, and whether both subunits are in it: 3小时05分 is 185 分,
    1分21秒 81 秒, 2小时10分15秒 7815 秒 (subunits.tsv 1/N).  None where the subunits
    are decimal ones (五元三毛) or are no part of the unit (3小时75分)."""
    subs = SUBUNITS.get(g.unit or "", {})
    n = subs.get(g.subunit or "")
    part = value_of(g.subn or "")
    if not isinstance(n, int) or part is None or part >= n or g.subd2:
        return None
    n2 = subs.get(g.subunit2 or "")
    part2 = value_of(g.subn2 or "")
    if not isinstance(n2, int) or part2 is None or n2 <= n or n2 % n or part2 >= n2 // n:
        return tidy(value * n + part), g.subunit or "", False  # 6分37秒三分: the seconds only
    return tidy(value * n2 + part * (n2 // n) + part2), g.subunit2 or "", True


def _subunits(g: _Groups) -> Decimal | None:
    """What the subunits after a whole unit add to it: 五元三毛 0.3, 五元六角八分 0.68,
    七毛八 0.78 after 元 (the digit after a subunit is the next place down), 一块二 0.2
    and 三块零四 0.04 (a lone digit after 元 or 块 is its tenths, after 零 its hundredths)."""
    subs = SUBUNITS.get(g.unit or "", {})
    if not subs:
        return None  # 1.5亿元3: the unit ends in 元 but has no subunits (万元, 亿元)
    if g.subd:
        tenths = [f for f in subs.values() if isinstance(f, Decimal)]
        if not tenths:
            return None
        tenth = max(tenths)
        return _digit(g.subd) * (tenth / 10 if g.szero else tenth)
    factor = subs.get(g.subunit or "")
    part = value_of(g.subn or "") if isinstance(factor, Decimal) else None
    if part is None or not isinstance(factor, Decimal):
        return None
    total = part * factor
    if g.subd2:
        total += _digit(g.subd2) * factor / 10
    elif g.subn2:
        factor2 = subs.get(g.subunit2 or "")
        part2 = value_of(g.subn2 or "")
        if not isinstance(factor2, Decimal) or part2 is None or factor2 >= factor:
            return None
        total += part2 * factor2
    return total


def _digit(c: str) -> int:
    """The value of one digit, Arabic or Chinese (4块5毛2, 七毛八)."""
    return int(c) if c.isascii() else NUMERALS[c][0]


def _a_point_or_a_name(scan: str, g: _Groups, c: _Candidate) -> bool:
    """True for a point in time (三年前, 这两天) or a session's name (八届人大)."""
    rest = scan[c.end:c.end + 4]
    n1 = g.n1 or ""
    chinese = bool(n1) and n1[0] not in "0123456789"
    if c.kind == "duration" and rest.startswith(_RELATIVE) and not rest.startswith(_NOT_RELATIVE):
        return True  # 三年前, 半年后: a point in time
    if c.kind == "duration" and n1 in _LATELY and not c.q_word and c.start and scan[c.start - 1] in _THIS_THAT:
        return True  # 这两天, 那几年: lately, not an amount of time (but 这五年 is five years)
    if chinese and c.unit and rest.startswith(_NAME_AFTER):
        return True  # 八届人大五次会议: a session's name
    return False


def _without_unit(scan: str, g: _Groups, c: _Candidate) -> _Candidate | None:
    """The kind of a figure with no unit: a fraction is a ratio, a large number a
    count (2万多); None when nothing makes a bare number a figure (3, 5G).  A fraction
    of a unit of measure, time, money or a multiple keeps it (四分之一公升, 1 1/2倍);
    of a count it is a share (三分之一人口)."""
    if g.fd or g.sd:
        if c.unit and c.kind in _FRACTION_KINDS:
            return c
        end = c.end - len(g.unit) if g.unit and not g.uq and scan.endswith(g.unit, 0, c.end) else c.end
        return c._replace(end=end, unit="", kind="ratio")  # 三分之一人口: the share, not its 人
    if c.unit:
        return c
    if not _enough_without_unit(g.n1 or "", g, c.qualifier):
        return None
    if c.end < len(scan) and scan[c.end] in _ASCII_WORD:
        return None  # 5G, 3D
    return c._replace(kind="count")


def _a_word(scan: str, g: _Groups, c: _Candidate) -> bool:
    """True when the numeral is part of a word or a name: 一 as an article, 千家万户,
    二次污染, a short quotation or a title."""
    n1 = g.n1 or ""
    if (n1 in _ONE and c.qualifier == "exact" and g.unit not in _NOT_ARTICLE_UNITS and not g.chalf and not g.uhalf
            and not _with_subunits(g) and not _shifted_by(scan, c.start, g)):
        return True  # 一 as an article, even when a word after it looked like a qualifier
    if (not c.q_word and c.qualifier == "exact" and n1 in _BIG and not g.m1 and c.unit != "名"
            and not _magnitude_with_unit(scan, g, c)):
        return True  # a lone 百, 千 or 万 is a word, not a number: 千家万户, 千里 (but 万名群众, 亿元资金)
    if not c.q_word and (n1 + (g.unit or "") in _NUMERAL_WORDS or _begins_a_numeral_word(scan, c.start, c.end)):
        return True  # 二次污染, 二次创业: 'secondary', not a count; 半斤八两, 三五成群: idioms
    if not c.q_word and scan[c.start:c.end] in _IDIOM_PIECES and _in_an_idiom(scan, c.start, c.end):
        return True  # 三番五次, 三天两头, 一波三折: idioms that hold the figure
    if n1[:1] in NUMERALS and not c.q_word and _begins_a_name(scan, c.start, c.end):
        return True  # 七台河市, 九台市: the numeral and its unit begin a place's name
    return _in_slogan(scan, c.start, c.end)


def _in_an_idiom(scan: str, start: int, end: int) -> bool:
    """True when an idiom of numerals (grammar.tsv idiom) holds the whole span, wherever
    in it the span starts: the 五次 of 三番五次, the 两头 of 三天两头."""
    for m in _IDIOM.finditer(scan, max(0, end - _LONGEST_IDIOM), min(len(scan), start + _LONGEST_IDIOM)):
        if m.start() <= start and m.end() >= end:
            return True
    return False


def _begins_a_numeral_word(scan: str, start: int, end: int) -> bool:
    """True when a numeral word (words.tsv) starts where the figure does and holds all
    of it: 半斤八两 ('six of one, half a dozen of the other'), 三五成群 ('in small
    groups', while 七成群众 is 70 % of the people)."""
    return any(scan.startswith(w, start) for w in _NUMERAL_WORDS_AT.get(scan[start:start + 1], ())
               if len(w) >= end - start)


# The longest name looked up where a figure starts (七台河市: a numeral that begins one is no number).
_LONGEST_LEXICON_NAME = 8


def _begins_a_name(scan: str, start: int, end: int) -> bool:
    """True when a name of the lexicon starts where the figure does and runs on past
    its end: 七台 in 七台河市 (a place), not 三毛 in 三毛钱."""
    word, cls = segment.first_word(scan[start:start + _LONGEST_LEXICON_NAME])
    return cls in segment.NAMED and start + len(word) > end


def _magnitude_with_unit(scan: str, g: _Groups, c: _Candidate) -> bool:
    """True for a lone magnitude with a unit that is an amount: 万元一部, 投资亿元资金,
    千户企业, 百亩; not a set phrase (千里, 万家: data/words.tsv set_phrase) nor one
    half of a paired idiom (千家万户, 千山万水, 千方百计)."""
    if not c.unit or (g.n1 or "") + (g.unit or "") in _SET_PHRASES:
        return False
    if scan.startswith(_MAGNITUDE_UNITS, c.start):
        return False  # 每千瓦时: the magnitude starts a unit
    start = c.start  # the other half is right beside it: 千家 before 万户, 万杯 after 千杯
    around = scan[max(0, start - 2):start] + scan[c.end:c.end + 1]
    return _BIG.isdisjoint(around)


def _signed(scan: str, m: re.Match, g: _Groups, c: _Candidate) -> _Candidate:
    """The sign: -2%, 零下14摄氏度 and 负增长3.5% are negative, and so is a measure or a
    percent after 负 that follows a word (气温负五度); in 11月龄-85岁 the dash is a range's."""
    if not g.neg and scan.endswith(_NEGATIVE_BEFORE, max(0, c.start - _LONGEST_NEGATIVE), c.start):
        return c._replace(value=-c.value)  # 负增长3.5%: a growth of -3.5 %
    if not g.neg and scan[c.start - 1] in _WORD_MINUS:
        if (c.kind not in _WORD_MINUS_KINDS or c.q_word or c.upper is not None
                or scan.endswith(_NOT_MINUS, max(0, c.start - _LONGEST_NOT_MINUS), c.start)):
            return c  # 减负30%: a burden lightened by 30 %
        return c._replace(start=c.start - 1, value=-c.value)  # 气温负五度: -5 度
    if g.neg and _after_a_unit(scan, m.start()):
        return c._replace(start=max(c.start, m.start() + 1))  # 11月龄-85岁: a range's dash, not a minus
    if g.neg:
        return c._replace(value=-c.value)
    return c


def _a_numeral_here(n1: str, g: _Groups) -> bool:
    """False for numeral characters used as words: 零部件, 大陆, 队伍, 唯一一个, 万一.

    A lone 零 is a figure only before a unit of measure (零度), and financial numerals (壹贰叁…) count only in a run
    of them or before money: 陆 alone is 'land', 伍 alone is in 队伍.
    """
    if not n1 or g.sep:
        return True
    if n1 in _ZEROS:  # 零部件, 零售; but 零度左右 is a temperature
        unit = UNITS.get(g.unit or "")
        return unit is not None and unit.kind == "measure"
    if not FINANCIAL.isdisjoint(n1):
        unit = UNITS.get(g.unit or "")
        return len(n1) >= 2 or (unit is not None and unit.kind == "money")
    return True


def _after_a_unit(scan: str, at: int) -> bool:
    """True when a unit word ends right before position `at`."""
    return scan.endswith(_UNIT_WORDS, 0, at)


def _bare(g: _Groups) -> bool:
    """True when nothing after the number bends it: no 多, 半, range or qualifier, no 倍."""
    return _unbent(g) and g.unit not in _NOT_ARTICLE_UNITS


def _unbent(g: _Groups) -> bool:
    """True when no 多, 半, range, qualifier or subunit after the number bends it."""
    return not (g.q1 or g.q3 or g.cq or g.chalf or g.uhalf or g.uq or g.sep or _with_subunits(g))


def _shifted_by(scan: str, start: int, g: _Groups) -> bool:
    """True for a duration after a verb saying by how long something moves or lasts:
    提前一个月完成, 推迟一年.  一 there is a number, not an article (一天的工作)."""
    unit = UNITS.get(g.unit or "")
    return (unit is not None and unit.kind == "duration"
            and scan.endswith(_SHIFT_BEFORE, max(0, start - _LONGEST_SHIFT), start))


def _free_standing(scan: str, start: int, end: int, g: _Groups) -> bool:
    """False when the span is part of a longer token: 第三, G20, COVID-19, 1+N, 2019-12-31,
    or the second number of a score (21∶11胜了)."""
    before = scan[start - 1] if start else ""
    if before in _PART_OF_A_TOKEN and not _after_a_year(scan, start):
        return False
    if before in _TOKEN_JOINERS and start >= 2 and scan[start - 2] in _ALNUM:
        return False
    stop = start - 1 if before == " " else start
    if scan.endswith(_ORDINAL_BEFORE, max(0, stop - 3), stop):
        return False
    after = scan[end:end + 1]
    if after in _TOKEN_AFTER and not g.unit:
        return False
    if after == "-" and not g.unit:
        return False
    return True


def _after_a_year(scan: str, start: int) -> bool:
    """True for a Chinese numeral right after a year written without 年, which names the
    years it counts: 1996和1997两年, 1997九个机场 (a count, not the digits of one number)."""
    if start < 4 or scan[start] in _ALNUM or not scan[start - 4:start].isdigit():
        return False
    return (start == 4 or scan[start - 5] not in _ALNUM) and 1900 <= int(scan[start - 4:start]) <= 2100


def _number(g: _Groups) -> tuple[Decimal | None, Decimal | None, str]:
    """The value, the range's upper end and the qualifier the number itself carries.

    A plain number comes from `value_of` already tidy (12000, not 1.20E+4); each
    product or sum here is tidied as it is made, so a plain number goes out as it came.
    """
    if g.pct is not None:
        pct, qualifier = _vague_percent(g.pct.replace(" ", ""))  # 百分之 五 十: spaces as typed
        low, high = _adjacent_range(pct)  # 百分之七八十
        if low is None:
            low = value_of(pct)
        if g.pct2 and low is not None and high is None:
            high = value_of(g.pct2)  # 百分之五十至六十, 百分之五十到百分之六十
            if high is None or high <= low:
                return None, None, "exact"
        return low, high, "range" if high is not None else qualifier
    if g.fixed:
        return SET_VALUES[g.fixed].value, None, "exact"
    if g.half0:
        return Decimal("0.5"), None, "exact"
    if g.fd or g.sd:
        fraction = value_of(f"{g.fd}分之{g.fn}" if g.fd else f"{g.sd}分之{g.sn}")
        if fraction is None or not g.whole:
            return fraction, None, "exact"
        whole = value_of(g.whole)  # 1 3/5, 三百五十又三分之一
        return (None if whole is None else tidy(whole + fraction)), None, "exact"
    if g.unit == "折" and not g.n2 and not g.m1:
        return discount(g.n1 or ""), None, "exact"  # 七五折, 75折, 9.9折
    if g.unit == "成" and not g.n2 and not g.m1 and (g.udigit or g.uhalf):
        return tenths(g.n1 or "", g.udigit or g.uhalf or ""), None, "exact"  # 七成六, 三成半
    n1, q1, m1 = g.n1 or "", g.q1, g.m1  # n1 is set here: the other numbers returned above
    qualifier = "exact"
    low, high = _adjacent_range(n1)
    if low is None:
        low = value_of(n1)
        if low is None:
            return None, None, "exact"
    if q1 or g.cq or g.q3:
        qualifier = "about" if q1 == "来" else "over"
    if m1:
        scale = chinese_value(m1.lstrip("个"), magnitudes_only=True)
        if scale is None:
            return None, None, "exact"
        low = tidy(low * scale)
        high = tidy(high * scale) if high is not None else None
    if g.cls and g.chalf:
        low = tidy(low + Decimal("0.5"))
    if high is not None:
        return _tenths(g, low), _tenths(g, high), "range"
    if g.n2:
        if g.u1 and g.u1 != g.unit:
            return None, None, "exact"
        high = value_of(g.n2)
        if high is None:
            return None, None, "exact"
        if g.m2:
            scale = chinese_value(g.m2, magnitudes_only=True)
            if scale is None:  # too long to be one magnitude: 2多万万万…
                return None, None, "exact"
            high = tidy(high * scale)
        # 5到10万, 1到3千万, 十八至三十万, 一千到两千万: the first number takes the
        # magnitude the second ends in when it has none and is smaller than the
        # second's number before it (the whole run of magnitudes first, then its last).
        if NUMERALS.get(n1[-1:], (0, ""))[1] != "large":
            for tail in _magnitude_suffixes(g.n2 + (g.m2 or "")):
                if low < high / tail:
                    low = tidy(low * tail)
                    break
        if high <= low:
            return None, None, "exact"
        return _tenths(g, low), _tenths(g, high), "range"
    return _tenths(g, low), None, qualifier


def _vague_percent(pct: str) -> tuple[str, str]:
    """The number of 百分之 without the 几 or 数 that make it vague, and its qualifier:
    百分之十几 and 百分之几十 are 10 %, over, as 十几人 and 几十人 are 10 people, over."""
    if pct[:1] in _VAGUE:
        return pct[1:], "over"
    if pct.endswith("几"):
        return pct[:-1], "over"
    return pct, "exact"


def _tenths(g: _Groups, value: Decimal) -> Decimal:
    """三成 is 30 per cent, 七折 70: a value in 成 or 折 is ten times its number
    (but 75折 is 75 %: a discount of ten or more is in hundredths already)."""
    if g.unit == "折" and value >= 10:
        return value
    return tidy(value * 10) if g.unit in _TENTHS else value


@lru_cache(maxsize=1024)
def _adjacent_range(cn: str) -> tuple[Decimal | None, Decimal | None]:
    """四五千 → (4000, 5000), 十七八 → (17, 18), 一两 → (1, 2); else (None, None).

    A decimal is never a range: 八十四点四五 is 84.45.  Cached: every number in
    Chinese numerals is tried, and the same few hundred come back again and again.
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


def _magnitude_suffixes(s: str) -> tuple[Decimal, ...]:
    """The magnitudes a range's second number ends in, that its first may share:
    the whole run and the large ones at its end (三十万: 十万, 万; 两千万: 千万, 万)."""
    if s[-1:] in WEB_SCALE:
        return (WEB_SCALE[s[-1]],)  # 10~15k
    whole = _magnitude_suffix(s)
    large, width = Decimal(1), 0
    for c in reversed(s):
        if NUMERALS.get(c, (0, ""))[1] != "large":
            break
        large, width = large * NUMERALS[c][0], width + 1
    if width == len(s):
        large = Decimal(1)
    return tuple(t for t in dict.fromkeys((whole, large)) if t > 1)


def _magnitude_suffix(s: str) -> Decimal:
    tail = ""
    for c in reversed(s):
        if c in LARGE:
            tail = c + tail
        else:
            break
    if not tail or tail == s:
        return Decimal(0)
    return chinese_value(tail, magnitudes_only=True) or Decimal(0)


def _qualifier_before(scan: str, start: int) -> tuple[str | None, int, int]:
    """The qualifier written before the number, how many characters it takes with
    what stands between it and the number, and how many those are.

    A linking verb may stand between (约占30%), and 至少, 最多 may stand before a
    short verb (至少增收2000元); the span then takes the verb too.  So may the name
    of a currency (约合人民币5000元).
    """
    found = _qualifier_ending_at(scan, start)
    if found:
        return found[0], found[1], 0
    if scan.endswith(_CURRENCY_NAMES, 0, start):
        name = next(len(n) for n in _CURRENCY_NAMES if scan.endswith(n, 0, start))
        qualifier, length, gap = _qualifier_before(scan, start - name)
        if qualifier:
            return qualifier, length + name, gap + name
    if scan[start - 1:start] == " ":  # 约 30 人
        found = _qualifier_ending_at(scan, start - 1)
        if found:
            return found[0], found[1] + 1, 1
    if not (scan[start - 1:start] in _LINKING or _ADVERBIAL_RE.search(scan, max(0, start - 7), start)):
        return None, 0, 0
    for gap in (1, 2):
        stop = start - gap
        if not _HAN.match(scan, stop, start) or "的" in scan[stop:start] or "是" in scan[stop:start]:
            break
        found = _qualifier_ending_at(scan, stop)
        if found and (found[0] in _ADVERBIAL or scan[stop:start] in _LINKING):
            return found[0], found[1] + gap, gap
    return None, 0, 0


def _qualifier_ending_at(scan: str, stop: int) -> tuple[str, int] | None:
    if not stop or scan[stop - 1] not in _BEFORE_LAST:
        return None
    for n in _BEFORE_LENGTHS:
        qualifier = _BEFORE.get(scan[stop - n:stop] if stop >= n else "")
        if qualifier and not scan.endswith(_NOT_QUALIFIER, max(0, stop - n - 1), stop):
            return qualifier, n
    return None


def _per_before(scan: str, start: int) -> str:
    """The unit of 每X just before a number (每桶18.56美元 → 桶), when X measures something.

    每人, 每户 name who gets the figure, not a unit of it: they are left out.
    时速 is 每小时: 时速350公里 → 公里/小时.
    """
    # Most numbers have neither 每 nor 时速 before them: a plain `in` says so more
    # cheaply than the patterns.
    if any(p in scan[max(0, start - _PER_REACH):start] for p in _PER):
        m = _PER_BEFORE.search(scan, max(0, start - _PER_REACH), start)
        if m is not None:
            unit = UNITS.get(m.group(1))
            return m.group(1) if unit and unit.kind in ("measure", "duration") else ""
    near = scan[max(0, start - _SPEED_REACH):start]
    if any(w in near for w in _SPEED_WORDS) and _SPEED.search(scan, max(0, start - _SPEED_REACH), start):
        return "小时"
    return ""


def _unit(g: _Groups) -> tuple[str, str | None, str]:
    """(unit as it is written in the record, kind, currency); kind None: not a unit here."""
    sign = g.sign
    unit = g.unit or ""
    if g.pct is not None:
        return "%", "percent", ""
    if g.fixed:
        fixed = SET_VALUES[g.fixed]
        return fixed.unit, fixed.kind, ""
    if sign and not unit:
        return sign, "money", CURRENCY_SIGNS[sign]
    if not unit:
        return "", "", ""
    if unit in _TENTHS:  # 三成 is 30 per cent
        return "%", "percent", ""
    u = UNITS[unit]
    n1 = g.n1 or ""
    chinese = bool(n1) and n1[0] not in "0123456789"
    if u.needs == "arabic" and (not n1 or chinese and not _counts_with_chinese(n1, g)):
        return "", None, ""  # 十六字方针, 三门峡 (but 3000字, 四千字, 五六级, 两级, 六点二级, 五级左右)
    if u.needs == "digits" and (not n1 or chinese) and not _with_subunits(g):
        return "", None, ""  # 两角 (two roles), 三毛 (a name); 3角 and 5毛 are money
    if u.needs == "classifier" and not g.cls:
        return "", None, ""
    kind, currency = u.kind, u.currency or (CURRENCY_SIGNS[sign] if sign else "")
    if sign and currency == "CNY":  # HKD 100元: 元 is the yuan of the currency written before it
        currency = CURRENCY_SIGNS[sign]
    per = g.per
    if per:
        unit = unit + "/" + per.lstrip("/").removeprefix(_per_word(per))  # 5米每秒 → 米/秒
        kind = "money" if u.kind == "money" else "rate"
    return unit, kind, currency


def _per_word(per: str) -> str:
    """The 每 a unit per unit is written with (5米每秒), or "" for a slash (60辆/小时)."""
    return next((w for w in _PER if per.startswith(w)), "")


def _per_word_fits(m: re.Match) -> bool:
    """True unless a span's 每X stands after a unit it cannot divide: 5米每秒 and
    3元每斤 are rates, but in 连续3天每天 and 100人每人 每 starts the next phrase."""
    per = m.group("per")
    if not per or not _per_word(per):
        return True
    unit = UNITS.get(m.group("unit") or "")
    return unit is not None and unit.kind in ("measure", "money")


def _counts_with_chinese(n1: str, g: _Groups) -> bool:
    """True when a Chinese numeral before a unit that ranks as often as it counts (级,
    届, 门: needs "arabic" in units.tsv) counts: a large one (四千字), a range (五六级),
    one with 两 (two, never the second: 两级法院), a decimal (六点二级 地震) or an
    approximate one (五级左右, 十多届; not 一级以上, a rank and those above it)."""
    return (not _BIG.isdisjoint(n1) or _adjacent_range(n1)[0] is not None or not _TWO.isdisjoint(n1)
            or "点" in n1 or bool(g.q1) or bool(g.uq) and QUALIFIERS["unit"].get(g.uq or "") == "about")


def _qualifier_after_unit_fits(word: str, kind: str) -> bool:
    """多, 余 and 内 after a unit only bend time, measures and ratios: 一年多, 10秒内, 1倍多
    (not 3个内设机构); 多 money as well: ７角多, 一块多钱."""
    if word in _TIME_QUALIFIERS:
        return kind in ("duration", "measure", "age", "percent", "ratio") or kind == "money" and word in _MONEY_QUALIFIERS
    return True


def _is_year(g: _Groups, q_word: str, after: str) -> bool:
    """1998年, 一九九八年, 九八年 and 1996年到2007年 are dates; 10年, 2000多年 and
    近2000年 (nearly two thousand years) are durations, and so is 1500年的历史."""
    if g.q1 or g.m1 or q_word in _APPROXIMATE or after.startswith(_SPAN_OF_TIME):
        return False
    return _year_like(g.n1 or "") and (not g.n2 or _year_like(g.n2))


def _year_like(n: str) -> bool:
    if n.isdigit():
        return len(n) == 4 and 1000 <= int(n) <= 2100
    return len(n) >= 2 and all(NUMERALS.get(c, (0, ""))[1] == "digit" for c in n) and _adjacent_range(n) == (None, None)


def _enough_without_unit(n1: str, g: _Groups, qualifier: str) -> bool:
    """A number with no unit is a figure when a magnitude makes it a quantity: 2万多, 突破百万."""
    if not n1:
        return g.pct is not None or bool(g.fixed)
    if n1[-1] in _WEB_SUFFIX or "e" in n1 or "E" in n1 or (g.n2 or "")[-1:] in _WEB_SUFFIX:
        return True  # 40k, 1.5w, 2e5
    mags = [c for c in n1 + (g.m1 or "") + (g.n2 or "") + (g.m2 or "") if c in LARGE]  # 10至12万: one 万 for both
    has_digit = any(c not in LARGE for c in n1)
    if not mags:
        return False
    if not has_digit:
        return qualifier != "exact"
    return any(c in "万萬亿億" for c in mags)


def _in_slogan(scan: str, start: int, end: int) -> bool:
    """True when the span sits inside a name or slogan: a short quotation (“四个100”,
    “最后1米”) or a title in 《》 (《二次曝光》)."""
    if not _OPENING_MARK.search(scan, max(0, start - _LONGEST_NAME), start):
        return False
    for (open_, close), longest in _NAME_MARKS.items():
        i = scan.rfind(open_, max(0, start - longest), start)
        if i < 0 or (close != open_ and scan.rfind(close, i + 1, start) >= 0):
            continue
        j = scan.find(close, end, i + longest + 2)
        if j >= 0 and not any(p in scan[i:j] for p in _CLAUSE_MARKS):  # “违者罚款250美元！” is speech
            return True
    return False


# --- the record ----------------------------------------------------------------


def _finish(doc: Document, options: _Reading, source: str, c: _Candidate) -> Figure | None:
    """The record for a candidate span of ``doc.scan``, with offsets into the original text."""
    start, end = c.start, c.end
    if end <= start:
        return None
    first, last = doc.original(start), doc.original(end, end=True)
    line, col = doc.line_col(first)
    sentence_start, sentence_end = doc.sentence_bounds(start)
    subject, holder = claims.claim(doc, start, end, c.kind or "", c.qualifier)
    change, direction, base = changes.read(doc.scan, start, end, c.kind or "", sentence_start, doc.plain)
    return Figure(
        source=source,
        line=line + options.line,
        col=col,
        start=first + options.offset,
        end=last + options.offset,
        text=doc.text[first:last],
        value=c.value,
        upper=c.upper,
        qualifier=c.qualifier,
        unit=c.unit,
        kind=c.kind or "",  # never None here (`_trimmed` settles it); the type checker cannot tell
        subject=subject,
        holder=holder,
        sentence=doc.sentence(sentence_start, sentence_end),
        currency=c.currency,
        time=doc.time_before(start, sentence_start),
        change=change,
        direction=direction,
        base=base,
    )
