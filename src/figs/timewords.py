"""Time words: the year or date a sentence puts its figures in (2022, 2022-03, 今年).

>>> [(at, text) for at, text in time_words("2022年3月，今年营业额达9亿元。", 0, 18)]
[(0, '2022-03'), (8, '今年')]
"""
from __future__ import annotations

import re
from typing import Iterator

from . import patterns
from .numbers import value_of

_TIME = patterns.compile(
    r"(?=[0-9一二三四五六七八九〇零○今去明前上下本目现当昨])"
    r"(?P<y>(?:1[89]|20)[0-9]{2}|[一二三四五六七八九〇零○]{4})年(?:(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})[日号])?)?"
    r"|(?P<m2>[0-9]{1,2})月(?:(?P<d2>[0-9]{1,2})[日号])?"
    r"|(?P<rel>今年|去年|明年|前年|上半年|下半年|本月|上月|今天|昨天|当天|目前|现在)"
)
# Every time word holds one of these within its first five characters (1998年, 12月,
# 今天, 目前, 现在) and ends at most seven characters after the first it holds
# (1998年12月31日): a sentence without them has none, and the search for time words
# runs from four characters before the first mark to seven after the last.
_TIME_MARK = patterns.compile("[年月天前在]")
_UP_TO_TIME_MARK = patterns.compile("(?s).*[年月天前在]")  # greedy: up to the last one


def time_words(scan: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Each time word in scan[start:end]: where it starts, and the time it names."""
    first = _TIME_MARK.search(scan, start, end)
    if first:
        last = _UP_TO_TIME_MARK.match(scan, first.start(), end).end() - 1  # type: ignore[union-attr]
        scan_from, scan_to = max(start, first.start() - 4), min(end, last + 7)
        for m in _TIME.finditer(scan, scan_from, scan_to):
            yield m.start(), _time_text(m)


def _time_text(m) -> str:
    if m.group("rel"):
        return m.group("rel")
    if m.group("y"):
        y = m.group("y")
        year = y if y.isdigit() else str(value_of(y) or "")
        return "-".join([year] + [f"{int(p):02d}" for p in (m.group("m"), m.group("d")) if p])
    return m.group(0)
