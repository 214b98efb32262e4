"""Do an article's own numbers add up?  `check(records)` lists where they do not.

A pure function of the records `figs.extract` makes (or a figures file holds):
it reads only their fields, the claims among them (`subject` the measure,
`holder`, `change`, `direction`, `pair`) and the sentence each cites.  Six checks,
each a kind of `Finding`:

- ``parts_exceed_total``: 累计51986例，其中武汉市32994例、孝感市… adding up past 51986.
  Parts are summed only where the text says they are parts (其中, 包括, 分别 after
  a marked total, brackets right after the total), they share the total's
  measure, unit and kind, and each names a holder of its own.
- ``rate_mismatch``: 从120万元增加到150万元，增长30% (it is 25 %).
- ``difference_mismatch``: 从13小时压缩到0.04小时，缩短了12小时 (it is 12.96).
- ``direction_mismatch``: 下降5% where the from and to figures rose.
- ``shares_exceed_100``: 分别占45%、35%和25%.
- ``inconsistent_repeat``: 员工1150余人 … 员工1200人, same holder and measure.

Every figure stands for the range of values its text allows: the digits written
(25.3% is 25.25 to 25.35, 120万元 is 119.5万 to 120.5万), and its qualifier (约,
多, 近, 超过 …).  A finding is made only when no value in those ranges makes the
text right: precision matters more than recall, because a false alarm costs a
fact-checker more than a miss.  Where a claim field the check needs is empty or
the units differ, the check says nothing, unless the text itself links the
figures: a from and its to (`pair`), a change whose clause says nothing but the
change (，增长30%), a part that names a place and nothing else (其中武汉市70例).

>>> from figs import extract
>>> [f.check for f in check(extract("三类企业分别占45%、35%和25%。"))]
['shares_exceed_100']
"""
from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable, Iterator

from .changes import names_no_measure
from .lexicon import alternation, load_words
from .segment import PLACE_OR_ORG, group as claim_words, word_class
from .model import Figure, json_number
from .textnorm import fold

CHECKS = ("parts_exceed_total", "rate_mismatch", "difference_mismatch", "direction_mismatch",
          "shares_exceed_100", "inconsistent_repeat")


def _load_words() -> dict[str, tuple[str, ...]]:
    """check.tsv's word groups, each longest word first (so a match finds 占比 before 占)."""
    text = resources.files("figs").joinpath("data", "check.tsv").read_text(encoding="utf-8")
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in load_words(text, "check.tsv").items()}


_WORDS = _load_words()
_INF = Decimal("Infinity")
# Kinds whose parts add up to their whole (a percent of a part does not).
_ADDITIVE = frozenset({"count", "money", "measure", "duration"})
# Brackets that open and close a run of parts after a total: 福州市1例（福清市1例）.
_OPEN, _CLOSE = "（(", "）)"
# A colon right after a total opens its parts: 确诊病例144例：香港95例，澳门10例….
_COLON = ("：", ":")
# Punctuation that may stand between a total and the word that opens its parts.
_LEAD = "，,：: \u3000"
# What ends a run of parts or a list: a semicolon, a full stop.
_END_OF_LIST = "；;。"
# Between the figures of one list: punctuation and the list words only.
_LIST_GAP = re.compile("^(?:[、，, \u3000]|" + alternation(_WORDS["list_word"]) + ")*$")
# Clause marks: the things a list shares out are named in the clause before it.
_CLAUSES = re.compile("[，,；;：:（）()。]")
# Between the things a list names: 国有企业、民营企业和外资企业.
_LIST_SPLIT = re.compile("、|" + alternation(_WORDS["list_word"]))
_SHARE_LINK = re.compile("^(?:" + alternation(_WORDS["share_link"]) + ")*$")
_EACH_LINK = re.compile("^(?:" + alternation(_WORDS["each_link"]) + ")+$")
# A number written in digits: its digits tell how precisely it was written.
_DIGITS = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
# Powers of ten the display of a result may use, as the text writes them.
_MAGNITUDES = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))


@dataclass(frozen=True)
class Finding:
    """One place where an article's figures do not add up.

    `figures` holds the figure the text states first (the total, the stated
    change, the first of two repeats) and then those it is checked against;
    `stated` is what the text says, `computed` what its other figures make it,
    both in `unit`; `computation` says how, in words a reader can redo by hand.
    """

    check: str
    figures: tuple[Figure, ...]
    stated: Decimal
    computed: Decimal
    unit: str
    computation: str

    @property
    def off(self) -> Decimal:
        """How far off the text is: computed minus stated, in `unit`."""
        return self.computed - self.stated

    def to_dict(self) -> dict:
        """The finding as JSON writes it: every figure's record in full."""
        first = self.figures[0]
        return {
            "check": self.check, "source": first.source, "line": first.line, "col": first.col,
            "stated": json_number(self.stated), "computed": json_number(self.computed),
            "off": json_number(self.off), "unit": self.unit, "computation": self.computation,
            "figures": [f.to_dict() for f in self.figures],
        }

    def to_row(self) -> dict:
        """The finding as one flat row (`FINDING_FIELDS`): the figures' texts and
        their ``line:col`` cites, in order, joined by ``; ``."""
        first = self.figures[0]
        sentences = list(dict.fromkeys(f.sentence for f in self.figures))
        return {
            "check": self.check, "source": first.source, "line": first.line, "col": first.col,
            "stated": json_number(self.stated), "computed": json_number(self.computed),
            "off": json_number(self.off), "unit": self.unit,
            "texts": "; ".join(f.text for f in self.figures),
            "cites": "; ".join(f"{f.line}:{f.col}" for f in self.figures),
            "computation": self.computation, "sentence": " … ".join(sentences),
        }


# The CSV columns of `figs check`, one row per finding.
FINDING_FIELDS: tuple[str, ...] = (
    "check", "source", "line", "col", "stated", "computed", "off", "unit", "texts", "cites",
    "computation", "sentence",
)
FINDING_JSON_FIELDS: tuple[str, ...] = FINDING_FIELDS[:8] + ("computation", "figures")


def check(records: Iterable[Figure]) -> list[Finding]:
    """The findings in `records`, article by article (by `source`), in text order."""
    by_source: dict[str, list[Figure]] = defaultdict(list)
    for f in records:
        by_source[f.source].append(f)
    findings: list[Finding] = []
    for figures in by_source.values():
        figures.sort(key=lambda f: f.start)
        findings.extend(_check_article(figures))
    return findings


def _check_article(figures: list[Figure]) -> list[Finding]:
    sentences = _sentences(figures)
    found: list[Finding] = []
    listed: set[int] = set()  # starts of figures in a list of parts or shares
    for i, s in enumerate(sentences):
        following = sentences[i + 1] if i + 1 < len(sentences) and _adjacent(s, sentences[i + 1]) else None
        for total, parts in _part_runs(s, following):
            listed.update(p.fig.start for p in parts)
            finding = _parts_exceed(total.fig, parts)
            if finding:
                found.append(finding)
        for shares in _share_lists(s):
            listed.update(p.fig.start for p in shares)
            finding = _shares_exceed(shares)
            if finding:
                found.append(finding)
        for run in _each_lists(s):
            listed.update(p.fig.start for p in run)
        found.extend(_change_checks(s))
    found.extend(_repeats(sentences, listed))
    found.sort(key=lambda f: (f.figures[0].start, CHECKS.index(f.check)))
    return found


# --- where each figure stands in its sentence ------------------------------------


@dataclass(frozen=True)
class _Placed:
    fig: Figure
    at: int    # where its text starts in its sentence
    stop: int  # where it ends
    times: int = 1  # as a part, how many it stands for: 芝罘区、福山区各1例 is two


@dataclass(frozen=True)
class _Sentence:
    text: str
    placed: tuple[_Placed, ...]
    begin: int  # about where the sentence starts in the document

    def between(self, a: _Placed | None, b: _Placed | None) -> str:
        """The sentence's text from the end of `a` (or its start) to `b` (or its end)."""
        return self.text[a.stop if a else 0: b.at if b else len(self.text)]


def _sentences(figures: list[Figure]) -> list[_Sentence]:
    """The figures grouped by the sentence they cite, each placed in it.  A figure
    whose text cannot be found in its sentence stands alone, and no check that
    reads the text between figures uses it."""
    out: list[_Sentence] = []
    current: list[_Placed] = []
    text = None

    def close():
        if current:
            out.append(_Sentence(text, tuple(current), current[0].fig.start - current[0].at))

    for f in figures:
        needle = f.text.replace("\r", "").replace("\n", "")
        cursor = current[-1].stop if current and f.sentence == text else None
        at = f.sentence.find(needle, cursor) if cursor is not None else -1
        if at < 0:
            close()
            current, text = [], f.sentence
            at = f.sentence.find(needle)
            if at < 0:
                out.append(_Sentence(f.sentence, (), f.start))
                text = None
                continue
        current.append(_Placed(f, at, at + len(needle)))
    close()
    return [s for s in out if s.placed]


def _adjacent(a: _Sentence, b: _Sentence) -> bool:
    """Whether sentence `b` follows `a` with nothing but a line break or spaces between."""
    return abs(b.begin - (a.begin + len(a.text))) <= 3


def _depths(text: str) -> list[int]:
    """The bracket depth at each position of `text` (and one past its end)."""
    depth, out = 0, []
    for ch in text:
        out.append(depth)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
    out.append(depth)
    return out


def _starts_with(text: str, group: str) -> str:
    """The word of `group` that `text` starts with, or ''."""
    return next((w for w in _WORDS[group] if text.startswith(w)), "")


def _has(text: str, group: str) -> bool:
    return any(w in text for w in _WORDS[group])


# --- parts and their total ---------------------------------------------------------


def _same_claim(a: Figure, b: Figure) -> bool:
    """Whether two figures count the same thing in the same unit: a part of a total,
    the change of a level.  An empty measure is never the same as anything."""
    return (bool(a.subject) and a.subject == b.subject and a.unit == b.unit and a.kind == b.kind
            and a.currency == b.currency)


def _part_runs(s: _Sentence, following: _Sentence | None) -> Iterator[tuple[_Placed, list[_Placed]]]:
    """Each total in `s` with the figures the text makes its parts: those after 其中 or
    包括 right after it (in `s`, or opening the sentence after it), those in brackets
    right after it, and those a 分别 list shares it out into."""
    placed = s.placed
    for i, total in enumerate(placed):
        if total.fig.change or total.fig.kind not in _ADDITIVE:
            continue
        after = s.between(total, placed[i + 1] if i + 1 < len(placed) else None)
        if after and after[0] in _OPEN:
            yield total, _parts_in(s, i, inside=True)
        elif _starts_with(after.lstrip(_LEAD), "part_cue") or after.lstrip(" \u3000")[:1] in _COLON:
            yield total, _parts_in(s, i, inside=False)
        elif (i + 1 == len(placed) and following and not after.strip("。！？!? \u3000")
              and not any(q.fig.unit == total.fig.unit for q in placed[:i])):
            # The sentence after opens with 其中: its parts are of this total only when no
            # other figure of its unit stands before it (新增确诊9例，新增出院1例。其中：…).
            lead = following.between(None, following.placed[0])
            if _starts_with(lead.lstrip(_LEAD), "part_cue"):
                yield total, _parts_in(following, -1, inside=False, total=total.fig)
    yield from _each_parts(s)


def _parts_in(s: _Sentence, i: int, inside: bool, total: Figure | None = None) -> list[_Placed]:
    """The parts of the total at `placed[i]` of `s` (or of `total`, standing before
    `s`, when i is -1): the figures after it at one bracket depth (inside the bracket
    that opens right after it, or at its own depth), up to the end of that bracket,
    a semicolon, another 其中, or a figure of the same unit that counts another thing."""
    total = total or s.placed[i].fig
    begin = s.placed[i].stop if i >= 0 else 0
    rest = s.text[begin:]
    depths = _depths(rest)
    level = 1 if inside else 0
    total_clause = _CLAUSES.split(s.between(None, s.placed[i]))[-1] if i >= 0 else ""
    parts: list[_Placed] = []
    holders: list[str] = []
    for j in range(i + 1, len(s.placed)):
        p = s.placed[j]
        at = p.at - begin
        gap = s.between(s.placed[j - 1], p) if j - 1 > i else ""
        # The text that names the part: from the figure of the total's unit before it
        # (a figure of another unit in between, 七台 of 七台河市, is part of the name).
        last = next((q for q in reversed(s.placed[max(i, 0):j]) if q.fig.unit == total.unit), None)
        before = s.between(last if last is not None else (s.placed[j - 1] if j > 0 else None), p)
        # Out of the bracket (inside: from after its opening, at rest[0]), or past a semicolon.
        if min(depths[level: at + 1]) < level or any(ch in _END_OF_LIST for ch in rest[:at]):
            break
        cue = gap.lstrip(_LEAD)
        if parts and _starts_with(cue.lstrip(_OPEN), "part_cue") and not (cue[:1] in _OPEN and depths[at] > level):
            break  # another 其中 at the run's depth; one in a bracket opens a part's own parts
        if depths[at] != level or p.fig.change:
            continue  # a part's own parts, or a change said of a part
        if p.fig.unit != total.unit or p.fig.kind != total.kind:
            continue
        places = _named_places(before, total_clause)
        if places:
            # 其中武汉市新增70例: a place's part of the total, whatever its measure reads;
            # 芝罘区、福山区各1例: one for each place.
            parts.append(replace(p, times=len(places)))
            holders.extend(places)
        elif _same_claim(p.fig, total) and p.fig.holder and p.fig.holder in before:
            parts.append(p)
            holders.append(p.fig.holder)
        else:
            break  # the same unit, another measure (or a holder not written with it): the parts have ended
    if inside and min(depths[1:]) >= 1:
        return []  # a bracket that never closes (澳门10例（，台湾地区39例): a typo, not parts
    if not all(holders) or len(set(holders)) != len(holders) or total.holder in holders:
        return []  # parts that are not told apart by whose they are: not a sum
    if any(p.fig.time not in ("", total.time) for p in parts):
        return []
    return parts


# The place names a part is of: 武汉市, 龙文区 (a name the lexicon lacks, with a suffix).
_PLACE_SUFFIXES = tuple(sorted(claim_words("place_suffix"), key=len, reverse=True))
# Where the words naming a part start: after a mark, a list word or a part cue.
_PART_START = re.compile("(?s).*(?:[，,、；;：:（）()\\s]|" + alternation(_WORDS["list_word"] + _WORDS["part_cue"]) + ")")
_PART_LEAD = re.compile("[，,、；;：:（）()\\s]|" + alternation(_WORDS["list_word"] + _WORDS["part_cue"]))
_EACH_PLACE = "各"
_EACH_START = re.compile("(?s).*(?:[，,；;：:（）()\\s]|" + alternation(_WORDS["part_cue"]) + ")")
_PART_LINK_END = re.compile("(?:" + alternation(_WORDS["part_link"]) + ")$")
_HAN = re.compile("[\u4e00-\u9fff]{2,8}")


def _named_places(gap: str, total_clause: str) -> tuple[str, ...]:
    """The place `gap` (the text right before a part's figure) names and nothing else,
    but words that count what its total counts (其中武汉市新增 → 武汉市, 、龙文区 → 龙文区),
    or the places before 各 (，芝罘区、福山区各 → 芝罘区, 福山区); none when it names
    anything else (其中重症, 其中医务人员) or no place."""
    words, links = gap, []
    while (link := _PART_LINK_END.search(words)) and link.start() > 0:
        links.append(link.group())
        words = words[:link.start()]
    each = words.endswith(_EACH_PLACE)
    if each:
        words = words[:-len(_EACH_PLACE)]
    m = (_EACH_START if each else _PART_START).match(words)
    if m and _PART_LEAD.sub("", words[:m.end()]):
        return ()  # 其中：新增确诊病例中，杭州市9例: the parts of another measure, which the header names
    named = words[m.end():] if m else words
    flows = {w for w in _WORDS["stock_flow"] if any(w in x for x in links)}
    if any(w not in flows and w in total_clause for w in _WORDS["stock_flow"]) and flows:
        return ()  # 新增10例，其中甲市累计…: not a part of the day's new cases
    places = tuple(named.split("、")) if each else (named,)
    if not all(_is_place(w) for w in places) or (each and len(places) < 2):
        return ()
    return places


def _is_place(words: str) -> bool:
    """True when `words` can name a place: a lexicon place or org, or any three or more
    characters ending in a place suffix.  Looser than `segment.words` on purpose, which
    will not make a name of lone characters (龙 + 文 + 区): here the brackets of parts
    after a total already say that what stands before each figure is a place."""
    if not _HAN.fullmatch(words):
        return False
    return word_class(words) in PLACE_OR_ORG or (words.endswith(_PLACE_SUFFIXES) and len(words) > 2)


def _each_lists(s: _Sentence) -> Iterator[list[_Placed]]:
    """Each list of figures a 分别 opens: the figures after it separated only by
    punctuation and list words (240人、208人和80人)."""
    placed = s.placed
    for i, p in enumerate(placed):
        clause = _CLAUSES.split(s.between(placed[i - 1] if i else None, p))[-1]
        if not _has(clause, "each"):
            continue
        run = [p]
        for q in placed[i + 1:]:
            if not _LIST_GAP.match(s.between(run[-1], q)) or q.fig.unit != p.fig.unit:
                break
            run.append(q)
        if len(run) >= 2:
            yield run


def _each_parts(s: _Sentence) -> Iterator[tuple[_Placed, list[_Placed]]]:
    """A 分别 list of counts after a total the text marks as one (共有528人，三个
    小组分别有…): the total is the nearest figure before the list of the same
    claim, with a word like 共 or 合计 in its own clause."""
    placed = s.placed
    for run in _each_lists(s):
        first = placed.index(run[0])
        total = next((t for t in reversed(placed[:first])
                      if _same_claim(t.fig, run[0].fig) or _named_only(s, run, run[0], t.fig)), None)
        if total is None or total.fig.change or total.fig.kind not in _ADDITIVE:
            continue
        clause = _CLAUSES.split(s.between(None, total))[-1]
        if not _has(clause, "total"):
            continue
        if any(p.fig.change or not (_same_claim(p.fig, total.fig) or _named_only(s, run, p, total.fig))
               for p in run):
            continue
        if any(p.fig.time not in ("", total.fig.time) for p in run):
            continue
        yield total, run


def _named_only(s: _Sentence, run: list[_Placed], p: _Placed, total: Figure) -> bool:
    """Whether part `p` of a 分别 list counts the total's measure though its own
    measure reads otherwise: the list names only whose each part is (东乡、西乡、南乡分别有
    240户、208户和80户, each part's holder one of the names, its measure read as one
    of them), and between the names and the list stand only 分别 and a linking verb."""
    holders = {q.fig.holder for q in run}
    if p.fig.subject not in holders or p.fig.unit != total.unit or p.fig.kind != total.kind:
        return False
    first = s.placed.index(run[0])
    lead = s.between(s.placed[first - 1] if first else None, run[0])
    names_end = max(lead.rfind(h) + len(h) for h in holders)
    return all(lead.rfind(h) >= 0 for h in holders) and _EACH_LINK.match(lead[names_end:]) is not None


def _parts_exceed(total: Figure, parts: list[_Placed]) -> Finding | None:
    if not parts:
        return None
    low = sum((bounds(p.fig)[0] * p.times for p in parts), Decimal(0))
    if low <= bounds(total)[1]:
        return None
    points = sum((p.fig.value * p.times for p in parts), Decimal(0))
    terms = " + ".join(p.fig.text if p.times == 1 else f"{p.fig.text} × {p.times}" for p in parts)
    return Finding("parts_exceed_total", (total, *(p.fig for p in parts)), total.value, points, total.unit,
                   f"{terms} = {_show(points, total)}, more than the total {total.text}")


# --- shares of one whole --------------------------------------------------------------


def _share_lists(s: _Sentence) -> Iterator[list[_Placed]]:
    """Each 分别 list of percents that the text calls shares of one whole: a share word
    (占, 占比, 比重) with no whole named after it, and before it, in its clause, as many
    things named as there are shares (国有企业、民营企业和外资企业分别占…, 三类企业分别占…).
    Where the text names a whole (分别占全国的) or fewer things than shares (住房分别
    占…, 产于欧洲工厂的分别占…), each share may be of a whole of its own."""
    for run in _each_lists(s):
        if any(p.fig.unit != "%" or p.fig.change for p in run) or _has(s.text, "own_whole"):
            continue
        first = s.placed.index(run[0])
        before = s.placed[first - 1] if first else None
        clauses = _CLAUSES.split(s.between(before, run[0]))
        word = max(_WORDS["share"], key=lambda w: (clauses[-1].rfind(w), len(w)))
        head, found, tail = clauses[-1].rpartition(word)
        if not found or not _SHARE_LINK.match(tail):
            continue
        head = head.replace("分别", "")
        named = len([w for w in _LIST_SPLIT.split(head) if w.strip()])
        counted = (before is not None and len(clauses) == 1 and before.fig.kind == "count"
                   and before.fig.value == len(run))
        if (named == len(run) or counted) and not head.endswith("的"):
            yield run


def _shares_exceed(shares: list[_Placed]) -> Finding | None:
    figures = tuple(p.fig for p in shares)
    if sum((bounds(f)[0] for f in figures), Decimal(0)) <= 100:
        return None
    points = sum((f.value for f in figures), Decimal(0))
    return Finding("shares_exceed_100", figures, Decimal(100), points, "%",
                   f"{' + '.join(f.text for f in figures)} = {_show(points, figures[0])}, "
                   f"more than 100%")


# --- a change and its from and to ------------------------------------------------


def _change_checks(s: _Sentence) -> Iterator[Finding]:
    """For each from/to pair in `s` (linked by `pair`), the stated changes that go with
    it (`_stated_changes`), each of the pair's measure and holder (or none named) and
    no rate per year; with none, the pair's own direction words against its figures."""
    placed = s.placed
    for i, p in enumerate(placed):
        frm = p.fig
        if frm.change != "from" or frm.pair is None:
            continue
        j = next((j for j in range(i + 1, len(placed)) if placed[j].fig.start == frm.pair), None)
        if j is None or placed[j].fig.change != "to":
            continue
        to = placed[j].fig
        if to.pair not in (None, frm.start) or not _same_pair(frm, to):
            continue
        stated = _stated_changes(s, i, j)
        if not stated:
            yield from _pair_direction(frm, to)
        for k in stated:
            by = placed[k].fig
            gap = s.between(placed[k - 1] if k else None, placed[k])
            bare = k > j and names_no_measure(gap)  # ，下降76.7%: the pair's change, whatever was read for it
            if not bare and (by.subject not in (to.subject, frm.subject) or by.holder not in ("", to.holder, frm.holder)):
                continue  # another measure's change, or another holder's
            clause = _CLAUSES.split(gap)[-1]
            if _has(clause, "average"):
                # 年均增长: a rate per year, not the whole change; checked only when the
                # years of both levels are written (从1990年的…增加到1997年的…).
                if _has(clause, "per_year"):
                    years = _year_before(s, placed[i]), _year_before(s, placed[j])
                    if years[0] and years[1] and years[1] > years[0]:
                        yield from _compare_yearly(by, frm, to, years[1] - years[0])
                continue
            yield from _compare_change(by, frm, to)


_YEAR_BEFORE = re.compile(r"((?:19|20)[0-9]{2})年(?:底|末)?的?$")


def _year_before(s: _Sentence, p: _Placed) -> int:
    """The year written right before a level (从1990年的117.7亿美元), or 0."""
    m = _YEAR_BEFORE.search(fold(s.text[max(0, p.at - 8):p.at]))
    return int(m.group(1)) if m else 0


def _compare_yearly(by: Figure, frm: Figure, to: Figure, years: int) -> Iterator[Finding]:
    """A stated rate per year against the one `frm` → `to` make over `years` years:
    compounded ((to ÷ from)^(1/years) − 1), or, as some texts work it out, the whole
    change shared out evenly; a finding only when the text fits neither."""
    (f1, f2), (t1, t2), (b1, b2) = bounds(frm), bounds(to), bounds(by)
    if by.unit != "%" or f1 <= 0 or t1 <= 0 or _INF in (f2, t2, b2) or -_INF == b1:
        return
    said = {"up": 1, "down": -1}.get(by.direction, 0)
    if not said:
        return
    root = Decimal(1) / years
    compound = ((t1 / f2) ** root - 1) * 100, ((t2 / f1) ** root - 1) * 100
    even = (t1 / f2 - 1) * 100 / years, (t2 / f1 - 1) * 100 / years
    stated = (b1, b2) if said > 0 else (-b2, -b1)
    if _overlap(stated, compound) or _overlap(stated, even):
        return
    rate = ((to.value / frm.value) ** root - 1) * 100
    yield Finding("rate_mismatch", (by, frm, to), by.value, abs(rate), "%",
                  f"({to.text} ÷ {frm.text})^(1/{years}) − 1 = {'+' if rate > 0 else '−'}"
                  f"{_num(abs(rate), 2)}% a year; the text says {by.text}")


def _same_pair(frm: Figure, to: Figure) -> bool:
    """Whether a from and its to are levels of one claim.  The text links them (从…增加到,
    each the other's `pair`), so what their measures and holders read does not matter:
    they must be in one unit and of one kind, where the measure word a from is per
    counts for its to as well (从每平方米1.8万元降至2.1万元)."""
    if frm.kind != to.kind or frm.currency != to.currency or to.pair != frm.start:
        return False
    return frm.unit == to.unit or (bool(to.unit) and frm.unit.startswith(to.unit + "/"))


def _stated_changes(s: _Sentence, i: int, j: int) -> list[int]:
    """Where the change of the pair `placed[i]` → `placed[j]` is stated: the `by`
    figures right after the `to` (从120万元增加到150万元，增加30万元，增长25%), at most
    one in % and one in another unit, or else the one right before the `from`
    (增长40%，从100万元增加到150万元); never across a semicolon."""
    placed = s.placed
    found: list[int] = []
    for k in range(j + 1, len(placed)):
        by = placed[k]
        if by.fig.change != "by" or any(ch in _END_OF_LIST for ch in s.between(placed[k - 1], by)):
            break
        if any((placed[m].fig.unit == "%") == (by.fig.unit == "%") for m in found):
            break
        found.append(k)
    if not found and i > 0 and placed[i - 1].fig.change == "by":
        if not any(ch in _END_OF_LIST for ch in s.between(placed[i - 1], placed[i])):
            found.append(i - 1)
    return found


def _sign(frm: Figure, to: Figure) -> int:
    """+1 where the figures rose, −1 where they fell, 0 where their ranges overlap."""
    (f1, f2), (t1, t2) = bounds(frm), bounds(to)
    return 1 if t1 > f2 else -1 if t2 < f1 else 0


def _pair_direction(frm: Figure, to: Figure) -> Iterator[Finding]:
    """从100元降至150元: the words of a pair say one way, its figures the other."""
    said = {"up": 1, "down": -1}.get(to.direction, 0)
    if not said or frm.direction != to.direction:
        return
    sign = _sign(frm, to)
    if sign and sign != said:
        yield Finding("direction_mismatch", (to, frm), Decimal(said), Decimal(sign), "",
                      f"{frm.text} → {to.text} {'rose' if sign > 0 else 'fell'}; "
                      f"the text says it {'rose' if said > 0 else 'fell'}")


def _compare_change(by: Figure, frm: Figure, to: Figure) -> Iterator[Finding]:
    """The stated change `by` against what `frm` → `to` make it."""
    (f1, f2), (t1, t2), (b1, b2) = bounds(frm), bounds(to), bounds(by)
    if _INF in (f2, t2) or -_INF in (f1, t1):
        return
    sign = _sign(frm, to)
    said = {"up": 1, "down": -1}.get(by.direction, 0)
    rate = (to.value - frm.value) / frm.value * 100 if frm.value > 0 else None
    if sign and said and sign != said:
        computed = rate if by.unit == "%" and rate is not None else to.value - frm.value
        shown = f"{_num(abs(computed), 2)}%" if by.unit == "%" and rate is not None else _show(abs(computed), by)
        yield Finding("direction_mismatch", (by, frm, to), said * by.value, computed, by.unit,
                      f"{frm.text} → {to.text} {'rose' if sign > 0 else 'fell'} "
                      f"({'+' if sign > 0 else '−'}{shown}); the text says {by.text} {'up' if said > 0 else 'down'}")
        return
    if sign == 0:
        return
    difference = (t1 - f2, t2 - f1) if sign > 0 else (f1 - t2, f2 - t1)
    if _step(by) >= max(_step(frm), _step(to)):
        # A difference written no finer than its levels (缩短了12小时 from 13小时 and
        # 0.04小时) was worked out from them as written: it must match them as written.
        # One written finer (增加7100万元 from 3.5亿元 and 4.2亿元) came from finer data.
        difference = (abs(to.value - frm.value),) * 2
    points_ok = frm.unit == "%" and by.unit in ("%", "百分点")
    if by.unit == "%" and f1 > 0 and rate is not None:
        ratio = (t1 / f2 - 1) * 100, (t2 / f1 - 1) * 100
        magnitude = ratio if sign > 0 else (-ratio[1], -ratio[0])
        if _overlap((b1, b2), magnitude) or (points_ok and _overlap((b1, b2), difference)):
            return
        yield Finding("rate_mismatch", (by, frm, to), by.value, abs(rate), "%",
                      f"({to.text} − {frm.text}) ÷ {frm.text} = {'+' if sign > 0 else '−'}"
                      f"{_num(abs(rate), 2)}%; the text says {by.text}")
    elif by.unit in (frm.unit, to.unit) or (points_ok and by.unit == "百分点"):
        if by.currency != frm.currency and by.kind == "money":
            return
        if _overlap((b1, b2), difference):
            return
        gap = abs(to.value - frm.value)
        yield Finding("difference_mismatch", (by, frm, to), by.value, gap, by.unit,
                      f"{to.text} − {frm.text} = {'+' if sign > 0 else '−'}{_show(gap, by)}; "
                      f"the text says {by.text}")


def _overlap(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return not (a[1] < b[0] or b[1] < a[0])


# --- the same claim twice -------------------------------------------------------------


_NOT_REPEATED = frozenset({"age", "date"})  # ages of different people; dates are no claims
# Where a sentence begins to list parts: 其中, 包括, or a header (确诊病例中，).
_LIST_OPENERS = re.compile(alternation(_WORDS["part_cue"])
                           + "|(?:" + alternation(_WORDS["header_end"]) + ")[，,：:]")
# A period or a date: 1—8月, 2019年, 8月单月.
_PERIOD = re.compile(r"[0-9一二三四五六七八九十—\-~至]+(?:年|月|日|季度)|"
                     + alternation(_WORDS["period"]))
# Between two items of an enumeration: 海口市3例、三亚市6例.
_ENUMERATION_GAP = re.compile("^(?:、|" + alternation(_WORDS["list_word"]) + ")")


def _repeats(sentences: list[_Sentence], listed: set[int]) -> Iterator[Finding]:
    """Two amounts of one holder's one measure, in one unit, one time and the same
    aspect (`_aspects`), in different sentences, whose ranges do not meet: one finding
    for each later value that disagrees with the first.

    Only a figure stated as a claim of its own counts (`_stated_alone`): the holder
    and the measure written in its own clause before it (该市常住人口约800万), not in a
    list, after 其中 or a header (确诊病例中，…), in brackets, or as a share (占全国的…).
    The aspect words keep apart what a measure folds together: in a bulletin
    广西新增3例 and 广西已确诊5例 have one holder and one measure, 新型肺炎病例."""
    groups: dict[tuple, list[tuple[Figure, tuple]]] = defaultdict(list)
    for s in sentences:
        for p in _stated_alone(s, listed):
            f = p.fig
            time = "" if f.time in _WORDS["now"] else f.time
            groups[(_place_name(f.holder), f.subject, f.kind, f.unit, f.currency, time)].append(
                (f, _aspects(s.text[:p.at], f)))
    for group in groups.values():
        first, aspects = group[0]
        seen: list[tuple[Decimal, Decimal]] = [bounds(first)]
        for f, other in group[1:]:
            if f.sentence == first.sentence or other != aspects:
                continue
            b = bounds(f)
            if any(_overlap(b, s) for s in seen):
                continue
            seen.append(b)
            yield Finding("inconsistent_repeat", (first, f), first.value, f.value, first.unit,
                          f"{first.holder} {first.subject}: {first.text} (line {first.line}) "
                          f"but {f.text} (line {f.line})")


_PROVINCE_OR_CITY = ("省", "市")


def _place_name(holder: str) -> str:
    """A holder as a place is named with or without its 省 or 市: 湖北 and 湖北省 are one."""
    if holder.endswith(_PROVINCE_OR_CITY) and len(holder) >= 3:
        return holder[:-1]
    return holder


def _stated_alone(s: _Sentence, listed: set[int]) -> Iterator[_Placed]:
    """The figures of `s` that state a claim of their own: an amount with its holder
    and its measure written in its clause before it, outside brackets, lists and
    enumerations, and before any 其中 or header (确诊病例中，) of the sentence."""
    depths = _depths(s.text)
    opened = len(s.text)  # where the sentence starts listing parts
    for m in _LIST_OPENERS.finditer(s.text):
        opened = m.start()
        break
    enumerated: set[int] = set()
    for a, b in zip(s.placed, s.placed[1:]):
        if a.fig.unit == b.fig.unit and _ENUMERATION_GAP.match(s.between(a, b)):
            enumerated.update((a.fig.start, b.fig.start))
    for p in s.placed:
        f = p.fig
        if (not f.subject or not f.holder or f.change or f.kind in _NOT_REPEATED
                or f.start in listed or f.start in enumerated or p.at > opened or depths[p.at]):
            continue
        clause = _CLAUSES.split(s.text[:p.at])[-1]
        if f.holder in clause and f.subject in clause and not _has(clause, "share"):
            yield p


def _aspects(before: str, f: Figure) -> tuple:
    """What tells apart two figures of one holder and measure: the aspect words (新增,
    累计, 疑似, 同比, 预计 …) and the periods (1—8月, 8月) in the sentence before the
    figure, with the words for the time of writing (目前, 现有 …) as one, and the words
    between the holder and the measure in its clause (北京奥运会火炬传递支出 and
    北京残奥会火炬传递支出 are two measures of 北京's)."""
    words = {w for w in _WORDS["aspect"] if w in before}
    if _has(before, "now"):
        words.add("now")
    clause = _CLAUSES.split(before)[-1]
    between = clause[clause.rfind(f.holder) + len(f.holder): clause.rfind(f.subject)]
    for w in _WORDS["now"]:
        between = between.replace(w, "")
    return frozenset(words), frozenset(_PERIOD.findall(fold(before))), between.strip("的 ")


# --- what a figure's text allows ------------------------------------------------------


def bounds(f: Figure) -> tuple[Decimal, Decimal]:
    """The lowest and highest value `f`'s text allows, by the digits written and its
    qualifier; an open side is infinite.

    >>> from decimal import Decimal as D
    >>> def fig(text, value, qualifier="exact", upper=None):
    ...     return Figure("-", 1, 1, 0, len(text), text, D(value), upper, qualifier, "", "", "", text)
    >>> bounds(fig("25.3%", "25.3")), bounds(fig("120万元", "1200000"))
    ((Decimal('25.25'), Decimal('25.35')), (Decimal('1195000'), Decimal('1205000')))
    >>> bounds(fig("1150余人", "1150", "over")), bounds(fig("超过100人", "100", "over"))[1]
    ((Decimal('1150'), Decimal('1160')), Decimal('Infinity'))
    >>> bounds(fig("近7000名", "7000", "under")), bounds(fig("三成", "30"))
    ((Decimal('6000'), Decimal('7000.5')), (Decimal('25'), Decimal('35')))
    """
    step = _step(f)
    # A count written to its last unit is exact: there is no half of a case (2例 is 2).
    half = Decimal(0) if f.kind == "count" and step == 1 else step / 2
    v = f.value
    top = f.upper if f.upper is not None else v
    q = f.qualifier
    if q == "exact":
        return v - half, v + half
    if q == "range":
        return v - half, top + half
    if q == "about":
        slack = max(_last_digit(v), abs(v) / 20)
        return v - slack, top + slack
    if q == "over":
        if _has(f.text, "bounded"):
            return v, v + _last_digit(v)
        if _has(f.text, "tenfold"):
            return v, v * 10
        return v, _INF
    if q == "under":
        if _has(f.text, "near"):
            return v - _last_digit(v), v + half
        return -_INF, v + half
    if q == "at_least":
        return v - half, _INF
    if q == "at_most":
        return -_INF, v + half
    return -_INF, _INF


def _step(f: Figure) -> Decimal:
    """The place of the last digit `f`'s text writes, in the units of its value:
    25.3% → 0.1, 120万元 → 10000; for Chinese numerals the last one written: 三千二百万 → 1000000."""
    m = _DIGITS.search(fold(f.text))
    if m:
        digits = m.group().replace(",", "")
        written = Decimal(digits)
        place = Decimal(1).scaleb(-len(digits.partition(".")[2]))
        if written:
            magnitude = _power_of_ten(f.value / written)
            if magnitude is not None:
                return place * magnitude
        return place
    return _last_digit(f.value)


def _power_of_ten(d: Decimal) -> Decimal | None:
    try:
        t = d.normalize().as_tuple()
    except InvalidOperation:
        return None
    return Decimal(1).scaleb(int(t.exponent)) if t.digits == (1,) and not t.sign else None


def _last_digit(v: Decimal) -> Decimal:
    """The place of the last digit that is not zero: 1150 → 10, 1200000 → 100000, 0.04 → 0.01."""
    if not v:
        return Decimal(1)
    return Decimal(1).scaleb(int(v.normalize().as_tuple().exponent))


# --- showing a result -------------------------------------------------------------------


def _num(d: Decimal, places: int) -> str:
    """`d` rounded to `places` decimals, without trailing zeros: 25.00 → 25, 12.960 → 12.96."""
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(q, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _show(d: Decimal, like: Figure) -> str:
    """A result written the way `like` is: in 万 or 亿 when it is, with its unit, to
    two more decimals than it writes."""
    step, text = _step(like), fold(like.text)
    power, word = next(((p, w) for p, w in _MAGNITUDES if w in text), (Decimal(1), ""))
    places = max(0, -int((step / power).normalize().as_tuple().exponent)) + 2
    return f"{_num(d / power, places)}{word}{like.unit}"
