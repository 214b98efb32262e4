"""A decoded text prepared for reading: folded, unwrapped, split into sentences.

`Document` keeps three views of one text, and maps positions between them:

- ``text``: the input as decoded; every record's ``start``/``end`` index it.
- ``scan``: ``text`` width-folded (１２％ → 12%) with *soft line breaks* taken out:
  a break inside a sentence, as in wrapped or OCR text (不\\n足3000元).  The
  figure pattern runs over ``scan``.
- ``plain``: ``text`` with the same breaks taken out but not folded; subjects and
  sentences are cut from it, so they read as the article wrote them.

A line break is soft when the line before it is prose (it holds a comma or a full
stop) and it stops in the middle of a sentence (no closing punctuation), and the
next line goes on with text.  Headlines, bylines and captions keep their breaks,
a headline with a comma too: a short line over a longer one is not a wrapped line.
A blank line ends a paragraph, so a break across one is soft only when the line
before was cut in the middle of a word: a long line (a paragraph cut where a column
or page ended), a line that ends a sentence and starts the next (…满是感激。王), or
a next line that cannot start one (的动力。).  A headline with a comma
(北京新增21例，累计274例) keeps its blank line.
A break that cuts a figure in two is soft in any line: inside a qualifier or
after one (不\\n足3000元, 超过\\n3000元), inside a number written after text
(达到12\\n5万元), or between a number and its unit (员工1150余\\n人): a figure is
never lost to a line break.

>>> d = Document("王士明全家，年人均收入不\\n足3000元。")
>>> d.scan
'王士明全家，年人均收入不足3000元。'
>>> d.text[d.original(12):d.original(18, end=True)]
'足3000元'
>>> d.original(12)
13
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import re

import regex

from . import patterns
from .lexicon import NUMERALS, QUALIFIERS, UNITS
from .textnorm import fold
from .timewords import time_words

# Where a sentence ends.  Semicolons do not end one: the citation keeps the clauses together.
_SENTENCE_END = patterns.compile(r"[。！？!?\n]")
_NEWLINE = patterns.compile("\n")
# A possible soft break: a line that stops on a letter or digit, then blank space, then text.
# The match starts at the line break, so the search skips quickly from one to the next;
# the blank space before it is taken into the break afterwards.
_BREAK = regex.compile(r"\n(?<=[\p{Han}\p{N}A-Za-z][ \t\u3000]*\n)[ \t\u3000\n]*(?=[\p{Han}\p{N}])")
_PROSE = patterns.compile(r"[，,、。；]")
# The shortest line whose digits may go on at the start of the next.
_WRAPPED_LINE = 14
# Across a blank line: the shortest line that is a paragraph cut short rather than a
# headline; a sentence ended inside the line; what cannot start a paragraph.
_CUT_PARAGRAPH = 30
_ENDS_INSIDE = patterns.compile(r"[。！？!?][^。！？!?”’」』）)]")
_GOES_ON = tuple("的了地得着过、，,。；;：:”’」』）)")
# A break that cuts a figure: the line ends in (part of) a qualifier and the next
# line finishes it and goes on with a number, or digits after text stand on both sides.
_QUALIFIER_SPLITS: dict[str, list[tuple[str, str]]] = {}  # by the last character before the break
for _w in QUALIFIERS["before"]:
    for _k in range(1, len(_w) + 1):
        _QUALIFIER_SPLITS.setdefault(_w[_k - 1], []).append((_w[:_k], _w[_k:]))
_DIGITS_AFTER_TEXT = regex.compile(r"\p{Han}[0-9.,]{1,16}$")
# A number after text, with 多 or 余, at the end of a line, and a unit word starting the next.
_NUMBER_AFTER_TEXT = regex.compile(r"\p{Han}[0-9.,]{1,16}[多余]?$")
_UNIT_FIRST = tuple(u for u in UNITS if not u.isascii())
# A "sentence" longer than this (a line with no full stop, a table run together) is
# cut to the clauses around the figure, so each record costs the same whatever the line.
_SENTENCE_MAX = 1000
# What a number can start with: a cut before one of these may be inside a figure.
_NUMERAL_START = frozenset("0123456789０１２３４５６７８９") | frozenset(NUMERALS)
class Document:
    def __init__(self, text: str):
        self.text = text
        folded = fold(text)
        cuts = self._soft_breaks(folded)
        # For each cut: where it falls in ``scan``, and how much has been removed up to it.
        self._cut_at: list[int] = []
        self._removed: list[int] = []
        removed, pieces_scan, pieces_plain, prev = 0, [], [], 0
        for a, b in cuts:
            pieces_scan.append(folded[prev:a])
            pieces_plain.append(text[prev:a])
            self._cut_at.append(a - removed)
            removed += b - a
            self._removed.append(removed)
            prev = b
        if cuts:
            self.scan = "".join(pieces_scan) + folded[prev:]
            self.plain = "".join(pieces_plain) + text[prev:]
        else:
            self.scan, self.plain = folded, text
        self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        self._ends = [m.start() for m in _SENTENCE_END.finditer(self.scan)]
        self._times: dict[int, list[tuple[int, str]]] = {}  # by sentence, found on first use
        self._sentences: dict[tuple[int, int], str] = {}
        # By position: a figure asks for its sentence, then for the times in it.
        self._bounds: dict[int, tuple[int, int]] = {}

    @staticmethod
    def _soft_breaks(folded: str) -> list[tuple[int, int]]:
        cuts = []
        for m in _BREAK.finditer(folded):
            a, b = m.span()
            while folded[a - 1] in " \t\u3000":
                a -= 1
            line_start = folded.rfind("\n", 0, a) + 1
            prose = a - line_start >= 8 and _PROSE.search(folded, line_start, a)
            if prose and folded.count("\n", a, b) > 1:
                prose = _cut_mid_word(folded, line_start, a, b)
            elif prose and _headline_over(folded, line_start, a, b):
                prose = False
            if prose or _cuts_figure(folded, a, b):
                cuts.append((a, b))
        return cuts

    # --- positions -------------------------------------------------------------

    def original(self, i: int, end: bool = False) -> int:
        """The offset in ``text`` of position `i` in ``scan``.

        At a removed break, a start moves past the break and an end (``end=True``)
        stays before it, so a figure never starts or ends with white space.
        """
        k = (bisect_left if end else bisect_right)(self._cut_at, i) - 1
        return i + self._removed[k] if k >= 0 else i

    def line_col(self, off: int) -> tuple[int, int]:
        """1-based line and column of offset `off` in ``text``."""
        n = bisect_right(self._line_starts, off) - 1
        return n + 1, off - self._line_starts[n] + 1

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """The sentence around position `i` of ``scan``: [start, end), end mark included."""
        bounds = self._bounds.get(i)
        if bounds is not None:
            return bounds
        k = bisect_left(self._ends, i)
        start = self._ends[k - 1] + 1 if k else 0
        end = self._ends[k] + 1 if k < len(self._ends) else len(self.scan)
        while end < len(self.scan) and self.scan[end] in "”’」』)）" and end - i < _SENTENCE_MAX:
            end += 1
        if end - start > _SENTENCE_MAX:
            start, end = self._clauses_around(i, start, end)
        bounds = self._bounds[i] = start, end
        return bounds

    def _clauses_around(self, i: int, start: int, end: int) -> tuple[int, int]:
        """At most `_SENTENCE_MAX` characters of [start, end) around `i`, cut after clause marks."""
        half = _SENTENCE_MAX // 2
        lo, hi = max(start, i - half), min(end, i + half)
        cut = max(self.scan.rfind(c, lo, i) for c in "，,；;")
        lo = cut + 1 if cut >= 0 and cut > lo else lo
        cuts = [k for k in (self.scan.find(c, i, hi) for c in "，,；;") if k >= 0]
        return lo, (min(cuts) + 1 if cuts else hi)

    def sentence(self, start: int, end: int) -> str:
        key = (start, end)
        text = self._sentences.get(key)
        if text is None:
            text = self._sentences[key] = self.plain[start:end].replace("\n", "").strip()
        return text

    def time_before(self, start: int, sentence_start: int) -> str:
        """The date the sentence puts the figure in: 2022, 2022-03, 2022-03-05, 今年."""
        times = self._times.get(sentence_start)
        if times is None:
            _, sentence_end = self.sentence_bounds(start)
            times = self._times[sentence_start] = []
            times.extend(time_words(self.scan, sentence_start, sentence_end))
        found = ""
        for at, text in times:
            if at >= start:
                break
            found = text
        return found


def _cut_mid_word(folded: str, line_start: int, a: int, b: int) -> bool:
    """True when the paragraph folded[line_start:a], followed by blank lines, was cut
    in the middle of a word and goes on at folded[b]: a line long enough to be part
    of a paragraph, a line that starts a sentence after ending one, or a next line
    that cannot start a paragraph.

    >>> _cut_mid_word("北京新增21例，累计274例\\n\\n截至", 0, 14, 16)
    False
    >>> _cut_mid_word("谈起骆丹,村民王士明满是感激。王\\n\\n士明", 0, 16, 18)
    True
    """
    return (a - line_start >= _CUT_PARAGRAPH or bool(_ENDS_INSIDE.search(folded, line_start, a))
            or folded.startswith(_GOES_ON, b))


def _headline_over(folded: str, line_start: int, a: int, b: int) -> bool:
    """True when the short line folded[line_start:a] stands over a longer one starting at
    folded[b]: a headline (安徽新增确诊36例，累计确诊106例) over its report, not a line
    wrapped in its paragraph, which is never shorter than the line after it.

    >>> _headline_over("福建新增9例，累计224例\\n截至2月3日24时，福建省累计报告确诊病例224例", 0, 13, 14)
    True
    >>> _headline_over("王士明全家，年人均收入不\\n足3000元。", 0, 12, 13)
    False
    """
    if a - line_start >= _CUT_PARAGRAPH or folded.startswith(_GOES_ON, b):
        return False
    next_end = folded.find("\n", b)
    return (len(folded) if next_end < 0 else next_end) - b > a - line_start


def _cuts_figure(folded: str, a: int, b: int) -> bool:
    """True when the line break at folded[a:b] falls inside a figure.

    >>> _cuts_figure("人均收入不\\n足3000元", 5, 6), _cuts_figure("今年全县农民人均纯收入达到12\\n5万元", 15, 16)
    (True, True)
    >>> _cuts_figure("2019\\n2020", 4, 5), _cuts_figure("不\\n足球", 1, 2), _cuts_figure("1956年3526\\n1982年", 9, 10)
    (False, False, False)
    """
    after = folded[b:b + 4]
    before = folded[max(0, a - 17):a]
    # Digits on both sides join only on a line long enough to have been wrapped: a short
    # one is a table row more often (1956年3526 / 1982年9404927 are two rows).
    wrapped = a - (folded.rfind("\n", 0, a) + 1) >= _WRAPPED_LINE
    if wrapped and after[:1] and after[0] in "0123456789" and _DIGITS_AFTER_TEXT.search(before):
        return True
    if after.startswith(_UNIT_FIRST) and _NUMBER_AFTER_TEXT.search(before):
        return True  # 员工1150余\n人: the unit on the next line
    for head, tail in _QUALIFIER_SPLITS.get(before[-1:], ()):
        if before.endswith(head) and after.startswith(tail) and after[len(tail):len(tail) + 1] in _NUMERAL_START:
            return True
    return False
