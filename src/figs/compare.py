"""Which figures changed between two versions of a text: pairing and change detection.

Figures are paired by what they speak of, not by where they stand: first by their
*claim*, the holder and the measure (`holder`, `subject`: 孝感市's 累计确诊病例),
then by their words.  Two figures whose claims differ never pair: not 辽宁's total
with 吉林's, nor new cases with people discharged (a claim field left empty
differs from nothing; 武汉 and 武汉市, 确诊病例 and 新增确诊病例 are one, as one
holds the other).  Each figure also gets a *context*: its sentence with every figure in it masked (and every other
run of digits, so a date moving on a day does not count), folded and without white
space.  Then four passes, each over what the ones before left unpaired:

1. **anchors**: the same figure (value, upper, qualifier, unit, kind, holder,
   subject) in the same context, one to one in order, by hashing; untouched, moved
   and re-wrapped text ends here.  Then a figure that is the only one of its kind,
   value, holder and subject in each version (as patience diff pairs unique lines),
   and then one that is the only one of its kind and claim, whatever its value:
   the headline total of two bulletins (北京累计274例 → 北京累计297例).
2. **near**: candidates are unpaired figures of one kind that share a small group
   (the same gap between two anchors, the same figure, the same subject) or stand
   near where the anchors around them put them.  A candidate pair scores the
   character-bigram overlap of the two sentences and of the few characters on
   either side of the figure, plus a little for the same subject and the same
   gap, and more for the same claim; the best pairs are taken greedily, above a
   threshold (a lower one for pairs whose figures are equal).
3. **same figure, new words**: equal figures still unpaired, one to one in order
   (of the same claim first, never of another holder): a sentence rewritten around
   an unchanged number reports nothing.
4. what is left is `removed` (old) or `added` (new).

A pair whose value, upper, qualifier or unit differ is `changed`, else `same`.
Every pass hashes or sorts, and pass 2 scores a bounded number of candidates per
figure, so the whole is O(n log n) in the number of figures.

>>> from figs import extract
>>> old = extract("现有员工1150余人，配送网点15个。月单量突破百万。")
>>> new = extract("月单量突破百万。现有员工1200余人，配送网点15个。")
>>> [(c.status, c.old.text, c.new.text) for c in diff(old, new)]
[('changed', '1150余人', '1200余人')]
"""
from __future__ import annotations

from bisect import bisect_left
from importlib import resources
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import groupby
from operator import add
from typing import Iterable, Iterator, Sequence

import regex

from .model import Change, Figure
from .segment import group
from .textnorm import fold

_POINTERS = tuple(group("pointer") | group("anaphor"))

# How many characters on each side of a figure make its near context.
_LEFT, _RIGHT = 8, 6
# Pass 2: candidates on each side of the position a figure is expected at.
_SPAN = 4
# Pass 2: a gap between pairs of pass 1 with up to this many (old, new) pairs: all candidates.
_GAP_GROUP = 256
# Pass 2: groups of equal figures, or of one subject, up to this many pairs are all candidates.
_GROUP = 64
# Pass 2: the least similarity for a pair of equal figures, and of different ones.
_SAME_THRESHOLD = 0.2
_CHANGED_THRESHOLD = 0.3
# Pass 2: what the same subject, and the same gap between pairs, add to a score.
_BONUS = 0.1
# Sentence similarity: a sentence is never taken for fewer bigrams than this.
_MIN_GRAMS = 6
_MASK, _DIGITS_MASK = "@", "#"
# The gap of a version with no pairs at all: standing in it says nothing.
_NO_GAP = (None, None)
# Head nouns dropped before two measures are compared (data/generic_heads.tsv).
_GENERIC_HEADS = tuple(sorted(
    (w for w in resources.files("figs").joinpath("data", "generic_heads.tsv").read_text(encoding="utf-8").splitlines()[1:]
     if w and not w.startswith("#")), key=len, reverse=True))
# Words that tell a flow from a stock (新增, 累计): figures that say different ones never pair.
_STOCK_FLOW = tuple(sorted(group("stock_flow")))
_DIGITS = regex.compile(r"[0-9]+(?:[.,][0-9]+)*")
_SPACE = regex.compile(r"\s+")


class _Sentence:
    """A sentence with its figures masked, shared by the contexts of its figures.

    Bigrams are computed only for the sentences that pass 1 leaves figures in, when
    first asked; sentences compare by identity, so a cache of their similarity is cheap.
    """

    def __init__(self, masked: str):
        self.masked = masked

    @cached_property
    def grams(self) -> frozenset:
        return _grams(self.masked)


@dataclass(frozen=True)
class _Context:
    sentence: _Sentence
    left: str                 # up to _LEFT characters before the figure, '^' at the start
    right: str                # up to _RIGHT after it, '$' at the end

    @cached_property
    def near_grams(self) -> frozenset:
        """Bigrams of the figure's neighbourhood; those touching the mark say which side."""
        return _grams(self.left + _MASK + self.right) if self.left else frozenset()


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


def _claim(f: Figure) -> tuple:
    return (_whose(f), f.subject, _stock_or_flow(f))


def _whose(f: Figure) -> str:
    """The figure's holder as a name, or "" for a holder that only points back to a
    body named before (这家企业, 这个国家, 该项目: data/claims.tsv, pointer and anaphor),
    which may be any."""
    return "" if f.holder.startswith(_POINTERS) else f.holder


def conflict_of_holders(a: Figure, b: Figure) -> bool:
    """True when both figures name a holder and the holders differ."""
    return bool(_whose(a) and _whose(b) and not same_subject(_whose(a), _whose(b)))


def same_claim(a: Figure, b: Figure) -> bool:
    """True when two figures hold the same claim: the same measure, and the same
    holder or none on both sides.

    >>> f = Figure("-", 1, 1, 0, 3, "3例", 3, None, "exact", "例", "count", "累计确诊病例", holder="辽宁", sentence="")
    >>> from dataclasses import replace
    >>> same_claim(f, replace(f, holder="辽宁省")), same_claim(f, replace(f, holder="吉林")), same_claim(f, replace(f, subject="治愈"))
    (True, False, False)
    """
    return same_measure(a.subject, b.subject) and (_whose(a) == _whose(b) == "" or same_subject(_whose(a), _whose(b)))


def conflict(a: Figure, b: Figure) -> bool:
    """True when two figures speak of different claims: both name a holder and the
    holders differ, both name a measure and the measures differ, or one is a flow and
    the other a stock (`_stock_or_flow`: 新增 and 累计).

    >>> f = Figure("-", 1, 1, 0, 3, "3例", 3, None, "exact", "例", "count", "新增确诊病例", holder="武汉市", sentence="")
    >>> from dataclasses import replace
    >>> conflict(f, replace(f, holder="武汉")), conflict(f, replace(f, subject="治愈出院")), conflict(f, replace(f, holder=""))
    (False, True, False)
    """
    return bool(conflict_of_holders(a, b)
                or (a.subject and b.subject and not same_measure(a.subject, b.subject))
                or _stocks_differ(_stock_or_flow(a), _stock_or_flow(b)))


def _stocks_differ(a: str, b: str) -> bool:
    return bool(a and b and a != b)


def _stock_or_flow(f: Figure) -> str:
    """The word that says whether the figure is a flow or a stock (新增, 累计:
    data/claims.tsv, stock_flow), in its measure, else the last before it in its sentence:
    东市200例 in 累计报告确诊病例300例（其中东市200例） is a total, 东市30例 in 新增确诊病例52例
    （其中东市30例） new cases, though both measures read 确诊病例."""
    return _stock_or_flow_in(f.subject, f.sentence, f.text)


@lru_cache(maxsize=4096)
def _stock_or_flow_in(measure: str, sentence: str, text: str) -> str:
    for text_before in (measure, sentence[:max(0, sentence.find(text))]):
        at, word = max((text_before.rfind(w), w) for w in _STOCK_FLOW)
        if at >= 0:
            return word
    return ""


def same_measure(a: str, b: str) -> bool:
    """True when two measures are one: one holds the other once a generic head noun
    (病例, 人数 …) is dropped from each.

    >>> same_measure("新增确诊", "确诊病例"), same_measure("确诊病例", "死亡病例"), same_measure("累计", "新增确诊")
    (True, False, False)
    """
    return same_subject(a, b) or same_subject(_without_head(a), _without_head(b))


def _without_head(measure: str) -> str:
    for head in _GENERIC_HEADS:
        if measure.endswith(head) and len(measure) > len(head):
            return measure[: -len(head)]
    return measure


# --- pairing -------------------------------------------------------------------


def _pair(old: Sequence[Figure], new: Sequence[Figure]) -> dict[int, int]:
    """Old index → new index for every pair found."""
    octx, nctx = contexts(old), contexts(new)
    pairs = _pair_exact(old, new, octx, nctx)
    _pair_unique(old, new, pairs)
    _pair_claims(old, new, pairs)
    _pair_near(old, new, octx, nctx, pairs)
    _pair_equal(old, new, pairs)
    return pairs


def _pair_exact(old, new, octx, nctx) -> dict[int, int]:
    """Pass 1: equal figures in equal contexts, one to one in order."""
    def key(f: Figure, c: _Context) -> tuple:
        return (_identity(f), _claim(f), c.sentence.masked, c.left, c.right)

    waiting = _groups(reversed(range(len(new))), lambda j: key(new[j], nctx[j]))
    pairs = {}
    for i, f in enumerate(old):
        stack = waiting.get(key(f, octx[i]))
        if stack:
            pairs[i] = stack.pop()
    return pairs


def _pair_unique(old, new, pairs: dict[int, int]) -> None:
    """Pass 1, second half: an unpaired figure that is the only one of its kind
    (value, unit … and subject) in each version pairs, whatever its words, as
    patience diff pairs unique lines.  Two bulletins of one day and the next share
    few sentences but many such figures, and pass 2 needs them as anchors."""
    inverse = _inverse(pairs)
    olds = _groups(_free(len(old), pairs), lambda i: (_identity(old[i]), _claim(old[i])))
    news = _groups(_free(len(new), inverse), lambda j: (_identity(new[j]), _claim(new[j])))
    for key, members in olds.items():
        partners = news.get(key, ())
        if key[1][1] and len(members) == 1 and len(partners) == 1:
            pairs[members[0]] = partners[0]


def _pair_claims(old, new, pairs: dict[int, int]) -> None:
    """Pass 1, last: an unpaired figure that is the only one of its kind and claim
    (a holder and a measure) in each version pairs, whatever its value: the
    headline totals of two bulletins, 北京累计274例 → 北京累计297例.  A claim with
    no holder is not told apart enough by its measure alone (确诊病例 of which city?)."""
    inverse = _inverse(pairs)
    olds = _groups(_free(len(old), pairs), lambda i: (old[i].kind, _claim(old[i])))
    news = _groups(_free(len(new), inverse), lambda j: (new[j].kind, _claim(new[j])))
    for key, members in olds.items():
        holder, subject, _ = key[1]
        partners = news.get(key, ())
        if holder and subject and len(members) == 1 and len(partners) == 1:
            pairs[members[0]] = partners[0]


def _groups(indices: Iterable[int], key) -> dict:
    """The indices by `key`, each group in the order given."""
    found: dict = defaultdict(list)
    for k in indices:
        found[key(k)].append(k)
    return found


def _free(n: int, paired: dict[int, int]) -> list[int]:
    """The indices below `n` that are not paired yet, in order."""
    return [k for k in range(n) if k not in paired]


def _pair_near(old, new, octx, nctx, pairs: dict[int, int]) -> None:
    """Pass 2: the best-scoring candidate pairs, greedily, above the thresholds.

    A pair scores the similarity of its contexts, plus a little when the figures
    have the same subject and when they stand in the same gap between two pairs
    of pass 1 (as a changed line stands between unchanged ones in diff(1)); equal
    figures win ties, but not over a better context (海淀区6例 → 海淀区8例 is the
    pair, not 海淀区6例 → 朝阳区6例).  A pair of different claims is no candidate;
    one of the same claim scores more.
    """
    inverse = _inverse(pairs)
    old_gaps, new_gaps = _gaps(len(old), pairs, {i: i for i in pairs}), _gaps(len(new), inverse, inverse)
    edges = _grouped(old, new, pairs, inverse, old_gaps, new_gaps)
    # Windows are searched from the version with fewer unpaired figures: each of
    # those gets its few, and the other version's figures pair with nothing else.
    if len(old) <= len(new):
        edges.update(_near_expected(old, new, pairs))
    else:
        edges.update((i, j) for j, i in _near_expected(new, old, inverse))
    old_ids, new_ids = [_identity(f) for f in old], [_identity(f) for f in new]
    sentences: dict[tuple, float] = {}  # figures of one sentence share its part
    scored = []
    for i, j in edges:
        a, b = old[i], new[j]
        if conflict(a, b):
            continue
        equal = old_ids[i] == new_ids[j]
        score = similarity(octx[i], nctx[j], sentences)
        score += _BONUS * same_subject(a.subject, b.subject)
        score += _BONUS * bool(_whose(a) and same_subject(_whose(a), _whose(b)))
        score += _BONUS * (old_gaps[i] == new_gaps[j] != _NO_GAP)
        if score >= (_SAME_THRESHOLD if equal else _CHANGED_THRESHOLD):
            scored.append((-(score + _BONUS * equal), i, j))
    scored.sort()
    taken = set(pairs.values())
    for _, i, j in scored:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)


def _grouped(old, new, pairs, inverse, old_gaps, new_gaps) -> set[tuple[int, int]]:
    """(i, j) for unpaired figures of one kind in one small group: the same gap
    between pairs (an edited sentence between unchanged ones), the same figure, or
    the same subject."""
    free_old, free_new = _free(len(old), pairs), _free(len(new), inverse)
    groupings = (
        (old_gaps.__getitem__, new_gaps.__getitem__, _GAP_GROUP),
        (lambda i: _identity(old[i]), lambda j: _identity(new[j]), _GROUP),
        (lambda i: old[i].subject, lambda j: new[j].subject, _GROUP),
    )
    edges = set()
    for old_key, new_key, limit in groupings:
        news = _groups(free_new, new_key)
        for key, members in _groups(free_old, old_key).items():
            partners = news.get(key, ())
            if key and len(members) * len(partners) <= limit:
                edges.update((i, j) for i in members for j in partners if old[i].kind == new[j].kind)
    return edges


def same_subject(a: str, b: str) -> bool:
    """True when one subject holds the other and the shorter has two characters at
    least, as figs-score judges subjects: 其中西城区 and 西城区 are one.

    >>> same_subject("其中西城区", "西城区"), same_subject("东城区", "西城区"), same_subject("", "")
    (True, False, False)
    """
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and short in long_


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
    """Pass 3: equal figures still unpaired, one to one in order, whatever their
    words: the first of the same claim, else of no other claim, else of the same
    holder.  The measure only chooses here: an unchanged number in a rewritten
    sentence is the same figure even where the words before it read differently
    (公司现有员工 → 目前一共有员工), but never another holder's."""
    free_new = _free(len(new), _inverse(pairs))
    waiting = _groups(free_new, lambda j: _identity(new[j]))
    for i in _free(len(old), pairs):
        stack = waiting.get(_identity(old[i]))
        if not stack:
            continue
        a = old[i]
        ranked = [(not same_claim(a, new[j]), conflict(a, new[j]), k) for k, j in enumerate(stack[:_GROUP])
                  if not conflict_of_holders(a, new[j])]
        if ranked:
            pairs[i] = stack.pop(min(ranked)[2])


def _inverse(pairs: dict[int, int]) -> dict[int, int]:
    return {j: i for i, j in pairs.items()}


def _near_expected(a: Sequence[Figure], b: Sequence[Figure], pairs: dict[int, int]) -> Iterator[tuple[int, int]]:
    """(i, j) for unpaired a[i] and b[j] of the same kind, b[j] among the few
    nearest to where the paired neighbours of a[i] put it."""
    rows = _groups(_free(len(b), _inverse(pairs)), lambda j: b[j].kind)  # sorted indices
    free_a = _free(len(a), pairs)
    for i, (before, after) in zip(free_a, _anchors(pairs, free_a)):
        row = rows.get(a[i].kind, ())
        for expected in _expected(i, before, after, len(a), len(b)):
            k = bisect_left(row, expected)
            for j in row[max(0, k - _SPAN):k + _SPAN]:
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
    shared = _Sentence(masked)
    out = []
    for mark in marks:
        if mark is None:
            out.append(_Context(shared, "", ""))
        else:
            out.append(_Context(shared, ("^" + masked[:mark])[-_LEFT:], (masked[mark + 1:] + "$")[:_RIGHT]))
    return out


def _squeeze(s: str) -> str:
    """Folded, without white space: re-wrapping and full-width digits change nothing."""
    return _SPACE.sub("", fold(s))


def _grams(s: str) -> frozenset:
    """The character bigrams of `s` (the one character when that is all).

    >>> sorted(_grams("居民@。"))
    ['@。', '居民', '民@']
    """
    if len(s) < 2:
        return frozenset([s]) if s else frozenset()
    return frozenset(map(add, s, s[1:]))


def similarity(a: _Context, b: _Context, cache: dict | None = None) -> float:
    """How alike two contexts are, 0 to 1: half the sentences' bigram overlap, half
    that of the characters next to the figure (Jaccard).  The sentences' overlap is
    the mean of Jaccard and containment, so that a sentence cut in two by a hard
    line break still resembles the whole.  `cache` keeps the sentences' part."""
    key = (a.sentence, b.sentence)
    sentence = cache.get(key) if cache is not None else None
    if sentence is None:
        x, y = a.sentence.grams, b.sentence.grams
        common = len(x & y)
        small, large = sorted((len(x), len(y)))
        jaccard = common / (small + large - common) if large else 0.0
        contained = common / max(small, _MIN_GRAMS) if large else 0.0
        sentence = (jaccard + contained) / 2
        if cache is not None:
            cache[key] = sentence
    return (sentence + _jaccard(a.near_grams, b.near_grams)) / 2


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 0.0
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
