"""Which figures changed between two versions of a text: pairing and change detection.

Figures are paired by what they speak of, not by where they stand.  Each figure
gets a *context*: its sentence with every figure in it masked (and every other
run of digits, so a date moving on a day does not count), folded and without white
space.  Then four passes, each over what the ones before left unpaired:

1. **exact**: the same figure (value, upper, qualifier, unit, kind, subject) in
   the same context: paired one to one in order, by hashing.  Untouched, moved
   and re-wrapped text ends here.
2. **near**: candidates are figures of the same kind close to where the pairs of
   pass 1 put them (or elsewhere with the same figure).  A candidate pair scores
   the character-bigram overlap of the two sentences and of the few characters
   on either side of the figure; the best pairs are taken greedily, above a
   threshold (a lower one for pairs whose figures are equal).
3. **same figure, new words**: equal figures still unpaired, one to one in order:
   a sentence rewritten around an unchanged number reports nothing.
4. what is left is `removed` (old) or `added` (new).

A pair whose value, upper, qualifier or unit differ is `changed`, else `same`.
The cost is one pass of hashing plus a bounded number of candidates per figure,
so the whole is O(n log n) in the number of figures.

>>> from figs import extract
>>> old = extract("现有员工1150余人，配送网点15个。月单量突破百万。")
>>> new = extract("月单量突破百万。现有员工1200余人，配送网点15个。")
>>> [(c.status, c.old.text, c.new.text) for c in diff(old, new)]
[('changed', '1150余人', '1200余人')]
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Iterable, Iterator, Sequence

import regex

from .model import Change, Figure
from .textnorm import fold

# How many characters on each side of a figure make its near context.
_LEFT, _RIGHT = 8, 6
# Pass 2: candidates on each side of the position a figure is expected at.
_SPAN = 12
# Pass 2: groups of equal figures up to this many pairs are all candidates.
_EQUAL_GROUP = 64
# Pass 2: the least similarity for a pair of equal figures, and of different ones.
_SAME_THRESHOLD = 0.2
_CHANGED_THRESHOLD = 0.3
# Pass 2: what the same subject, and the same gap between pairs, add to a score.
_BONUS = 0.1
# Sentence similarity: a sentence is never taken for fewer bigrams than this.
_MIN_GRAMS = 6
_MASK, _DIGITS_MASK = "@", "#"
_DIGITS = regex.compile(r"[0-9]+(?:[.,][0-9]+)*")
_SPACE = regex.compile(r"\s+")


@dataclass(frozen=True)
class _Context:
    sentence: str             # the masked sentence
    left: str                 # up to _LEFT characters before the figure, '^' at the start
    right: str                # up to _RIGHT after it, '$' at the end
    sentence_grams: frozenset
    near_grams: frozenset


def diff(old: Iterable[Figure], new: Iterable[Figure], *, include_same: bool = False) -> Iterator[Change]:
    """The differences between two versions' figures, in the order of the new text
    (a removed figure stands where it stood relative to its neighbours).

    `include_same=True` also yields the pairs that did not change, as ``same``.
    """
    old, new = list(old), list(new)
    pairs = _pair(old, new)
    for change in _ordered(old, new, pairs):
        if include_same or change.status != "same":
            yield change


def status(a: Figure, b: Figure) -> str:
    """``changed`` when value, upper, qualifier or unit differ, else ``same``."""
    return "same" if _quantity(a) == _quantity(b) else "changed"


def _quantity(f: Figure) -> tuple:
    return (f.value, f.upper, f.qualifier, f.unit)


def _identity(f: Figure) -> tuple:
    return (f.value, f.upper, f.qualifier, f.unit, f.kind)


# --- pairing -------------------------------------------------------------------


def _pair(old: Sequence[Figure], new: Sequence[Figure]) -> dict[int, int]:
    """Old index → new index for every pair found."""
    octx, nctx = contexts(old), contexts(new)
    pairs = _pair_exact(old, new, octx, nctx)
    _pair_near(old, new, octx, nctx, pairs)
    _pair_equal(old, new, pairs)
    return pairs


def _pair_exact(old, new, octx, nctx) -> dict[int, int]:
    """Pass 1: equal figures in equal contexts, one to one in order."""
    def key(f: Figure, c: _Context) -> tuple:
        return (_identity(f), f.subject, c.sentence, c.left, c.right)

    waiting: dict[tuple, list[int]] = defaultdict(list)
    for j in range(len(new) - 1, -1, -1):
        waiting[key(new[j], nctx[j])].append(j)
    pairs = {}
    for i, f in enumerate(old):
        stack = waiting.get(key(f, octx[i]))
        if stack:
            pairs[i] = stack.pop()
    return pairs


def _pair_near(old, new, octx, nctx, pairs: dict[int, int]) -> None:
    """Pass 2: the best-scoring candidate pairs, greedily, above the thresholds.

    A pair scores the similarity of its contexts, plus a little when the figures
    have the same subject and when they stand in the same gap between two pairs
    of pass 1 (as a changed line stands between unchanged ones in diff(1)); equal
    figures win ties, but not over a better context (海淀区6例 → 海淀区8例 is the
    pair, not 海淀区6例 → 朝阳区6例).
    """
    inverse = _inverse(pairs)
    edges = set(_candidates(old, new, pairs)) | {(i, j) for j, i in _candidates(new, old, inverse)}
    old_gaps, new_gaps = _gaps(len(old), pairs, {i: i for i in pairs}), _gaps(len(new), inverse, inverse)
    scored = []
    for i, j in edges:
        equal = _identity(old[i]) == _identity(new[j])
        score = similarity(octx[i], nctx[j])
        score += _BONUS * (bool(old[i].subject) and old[i].subject == new[j].subject)
        score += _BONUS * (old_gaps[i] == new_gaps[j])
        if score >= (_SAME_THRESHOLD if equal else _CHANGED_THRESHOLD):
            scored.append((-(score + _BONUS * equal), i, j))
    scored.sort()
    taken = set(pairs.values())
    for _, i, j in scored:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)


def _gaps(n: int, paired: dict[int, int], to_old: dict[int, int]) -> list[tuple]:
    """For each index, the gap it stands in: the old indices (`to_old` maps to them)
    of the paired figures just before and just after it."""
    after: list = [None] * (n + 1)
    for k in range(n - 1, -1, -1):
        after[k] = to_old[k] if k in paired else after[k + 1]
    gaps, before = [], None
    for k in range(n):
        if k in paired:
            before = to_old[k]
        gaps.append((before, after[k]))
    return gaps


def _pair_equal(old, new, pairs: dict[int, int]) -> None:
    """Pass 3: equal figures still unpaired, one to one in order, whatever their words."""
    taken = set(pairs.values())
    waiting: dict[tuple, list[int]] = defaultdict(list)
    for j in range(len(new) - 1, -1, -1):
        if j not in taken:
            waiting[_identity(new[j])].append(j)
    for i, f in enumerate(old):
        if i not in pairs:
            stack = waiting.get(_identity(f))
            if stack:
                pairs[i] = stack.pop()


def _inverse(pairs: dict[int, int]) -> dict[int, int]:
    return {j: i for i, j in pairs.items()}


def _candidates(a: Sequence[Figure], b: Sequence[Figure], pairs: dict[int, int]) -> Iterator[tuple[int, int]]:
    """(i, j) for unpaired a[i] and b[j] of the same kind that might be one figure:
    b[j] near where the paired neighbours of a[i] put it, or b[j] an equal figure in
    a small group of equals."""
    taken = set(pairs.values())
    free_b: dict[str, list[int]] = defaultdict(list)   # kind → unpaired indices in b, sorted
    equal_b: dict[tuple, list[int]] = defaultdict(list)
    for j, f in enumerate(b):
        if j not in taken:
            free_b[f.kind].append(j)
            equal_b[_identity(f)].append(j)
    free_a = [i for i in range(len(a)) if i not in pairs]
    equal_a: dict[tuple, int] = defaultdict(int)
    for i in free_a:
        equal_a[_identity(a[i])] += 1
    for i, (before, after) in zip(free_a, _anchors(pairs, free_a)):
        row = free_b.get(a[i].kind, ())
        for expected in _expected(i, before, after, len(a), len(b)):
            k = bisect_left(row, expected)
            for j in row[max(0, k - _SPAN):k + _SPAN]:
                yield i, j
        equals = equal_b.get(_identity(a[i]), ())
        if len(equals) * equal_a[_identity(a[i])] <= _EQUAL_GROUP:
            for j in equals:
                yield i, j


def _anchors(pairs: dict[int, int], free: list[int]) -> Iterator[tuple[tuple | None, tuple | None]]:
    """For each free index, the nearest paired (index, partner) before it and after it."""
    paired = sorted(pairs)
    for i in free:
        k = bisect_left(paired, i)
        before = (paired[k - 1], pairs[paired[k - 1]]) if k else None
        after = (paired[k], pairs[paired[k]]) if k < len(paired) else None
        yield before, after


def _expected(i: int, before, after, n_a: int, n_b: int) -> Iterator[int]:
    """Where in b the figure a[i] is expected: just after its paired neighbour before,
    just before its paired neighbour after, or in proportion when it has neither."""
    if before:
        yield before[1] + (i - before[0])
    if after:
        yield after[1] - (after[0] - i) + 1
    if not before and not after:
        yield i * n_b // max(n_a, 1)


# --- contexts ------------------------------------------------------------------


def contexts(figures: Sequence[Figure]) -> list[_Context]:
    """The context of every figure; figures of one sentence are masked together."""
    out: list[_Context] = []
    for _, group in groupby(figures, key=lambda f: (f.source, f.sentence)):
        out.extend(_sentence_contexts(list(group)))
    return out


def _sentence_contexts(group: list[Figure]) -> list[_Context]:
    """Contexts for the figures of one sentence, in order."""
    sentence = _squeeze(group[0].sentence)
    pieces, marks, cursor = [], [], 0
    for f in group:
        text = _squeeze(f.text)
        at = sentence.find(text, cursor) if text else -1
        if at < 0:
            marks.append(None)
            continue
        pieces.append(_DIGITS.sub(_DIGITS_MASK, sentence[cursor:at]))
        marks.append(sum(map(len, pieces)))
        pieces.append(_MASK)
        cursor = at + len(text)
    pieces.append(_DIGITS.sub(_DIGITS_MASK, sentence[cursor:]))
    masked = "".join(pieces)
    sentence_grams = _grams(masked, "")
    out = []
    for mark in marks:
        if mark is None:
            left = right = ""
        else:
            left = ("^" + masked[:mark])[-_LEFT:]
            right = (masked[mark + 1:] + "$")[:_RIGHT]
        near = _grams(left, "<") | _grams(right, ">")
        out.append(_Context(masked, left, right, sentence_grams, near))
    return out


def _squeeze(s: str) -> str:
    """Folded, without white space: re-wrapping and full-width digits change nothing."""
    return _SPACE.sub("", fold(s))


def _grams(s: str, tag: str) -> frozenset:
    """The character bigrams of `s` (the one character when that is all), tagged."""
    if len(s) < 2:
        return frozenset([tag + s]) if s else frozenset()
    return frozenset(tag + s[k:k + 2] for k in range(len(s) - 1))


def similarity(a: _Context, b: _Context) -> float:
    """How alike two contexts are, 0 to 1: half the sentences' bigram overlap, half
    that of the characters next to the figure (Jaccard).  The sentences' overlap is
    the mean of Jaccard and containment, so that a sentence cut in two by a hard
    line break still resembles the whole."""
    common = len(a.sentence_grams & b.sentence_grams)
    small, large = sorted((len(a.sentence_grams), len(b.sentence_grams)))
    jaccard = common / (small + large - common) if large else 1.0
    contained = common / max(small, _MIN_GRAMS) if large else 1.0
    return ((jaccard + contained) / 2 + _jaccard(a.near_grams, b.near_grams)) / 2


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


# --- order ---------------------------------------------------------------------


def _ordered(old, new, pairs: dict[int, int]) -> list[Change]:
    """Every pair, addition and removal as a `Change`, in the order of the new text;
    a removed figure follows the partner of the paired old figure before it."""
    keyed = []
    for i, j in pairs.items():
        keyed.append(((j, 0, i), Change(status(old[i], new[j]), old[i], new[j])))
    for j in set(range(len(new))) - set(pairs.values()):
        keyed.append(((j, 0, -1), Change("added", None, new[j])))
    last = -1
    for i in range(len(old)):
        if i in pairs:
            last = pairs[i]
        else:
            keyed.append(((last, 1, i), Change("removed", old[i], None)))
    keyed.sort(key=lambda kc: kc[0])
    return [c for _, c in keyed]
