"""How a figure changed: `change`, `direction` and `base`, and the `pair` of from and to.

A figure states an amount (``change`` ""), or the size of a change (``by``:
增长8.25%, 减少3例, 比去年多3人), or the level before or after one (``from``:
从13小时…; ``to``: …压缩到0.04小时, 降至435美元).  Which it is, the words right
next to the number tell, read from ``data/changes.tsv``:

- a verb of change right before the number makes it ``by`` (同比增长8.25%); with
  到, 至 or 为 after the verb, ``to`` (增加到11例); qualifiers (近, 约 …), 了 and
  高达 between them change nothing (提升近10%, 增加到了10多人, 增长高达42.7%), nor a
  time word or a measure word before the level (增长到2022年1亿元, 跌到每桶12.75美元);
- 从 or 由 before the number, and a verb of change after it, make it ``from``;
- a noun of the size of a change and a linking verb make it ``by`` (增幅为8%);
- 多, 少, 高, 低 are verbs of change only after a comparison (比去年多3人);
- after a comparison base, a verb of change and the noun it changes make the
  figure after them ``by`` (较当天零时新增确诊病例309例, 比去年全年多投入373.5亿元);
- a pace named after the figure makes it ``by`` (以年均26%的速度增长).

The direction is the verb's (增长 up, 回落 down).  The base of a ``by`` figure is the
comparison written before its verb, in its clause (同比, 比上半年, 较上年同期, 与去年
相比, 自年初以来), or at the end of the clause before (相比玉米，每亩至少增收2000元;
原油价与去年的平均价格相比，每桶下跌3美元), without the adverbs and qualifiers between
it and the verb (较前一交易日猛跌, 相比去年同期至少增长).

Some words end in a verb of change but name a measure (新增1例: a count of new
cases, not a change) unless a comparison base stands before them (较昨日新增286例:
286 more than yesterday), and a verb that changes amounts but not durations does not
make 双提升三年行动计划 a change.

`follow` works on two neighbouring figures of one sentence: the one after a
``from`` figure is its ``to`` (by a neutral 到 or 变为 as well: 从5例到11例, the
values telling the direction), the two get each other's ``start`` as `pair`; and a
figure listed right after a change (同比分别增长12%和8%) is the same kind of change.

>>> read("营业额同比提升近10%", 7, 10, "percent")
('by', 'up', '同比')
>>> read("出口整体通关时间从2016年的13小时压缩到2022年的0.04小时", 15, 19, "duration")
('from', 'down', '')
>>> read("新增1例", 2, 4, "count")
('', '', '')
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import re

from . import patterns
from .lexicon import (CURRENCY_SIGNS, FINANCIAL, NUMERALS, QUALIFIERS, TRADITIONAL, WORDS, LexiconError, alternation,
                      data_text, longest_first, rows)
from .model import Figure
from .numbers import GRAMMAR
from .textnorm import fold

_NO_CHANGE = ("", "", "")


def _load(text: str, name: str = "changes.tsv") -> dict[str, dict[str, tuple[str, bool]]]:
    """role -> {word: (direction, whether it changes durations)}, in the file's order.

    Each role must be described in the file's header comment (``#   role   what it
    tells``) and be listed with at least one word, so a misspelt role stops the import
    (file and line in the message) instead of leaving a rule with no words."""
    known = re.findall(r"^#   ([a-z_]+) ", text, re.M)
    roles: dict[str, dict[str, tuple[str, bool]]] = {}
    for number, (word, role, direction, durations) in rows(name, text, 4, optional=3):
        if role not in known:
            raise LexiconError(f"{name}:{number}: unknown role {role!r} (known: {', '.join(sorted(known))})")
        if word in roles.get(role, {}):
            raise LexiconError(f"{name}:{number}: {word!r} is already listed as {role!r}")
        roles.setdefault(role, {})[word] = (direction, durations == "yes")
    empty = [r for r in known if r not in roles]
    if empty:
        raise LexiconError(f"{name}: no words for the roles {', '.join(empty)}")
    return roles


_ROLES = _load(data_text("changes.tsv"))
_VERBS = _ROLES["verb"]
# The verbs of change (增长, 暴跌, 下降 …), for figs.claims: after a noun, right before a
# figure, such a verb is what the noun does, no part of the measure.
CHANGE_VERBS = frozenset(_VERBS) | frozenset(_ROLES["compare"])
# Those of them that name what changes (增收, 涨价): the measure itself, not its verb.
NAMING_VERBS = frozenset(_ROLES["names"])
PER_AVERAGE = frozenset(_ROLES["per_average"])  # 人均, 年均: per head or per time
PER_WORDS = tuple(_ROLES["per"])  # 每: before a measure word, one of it
BASE_WORDS = frozenset(_ROLES["base"]) | frozenset(_ROLES["closing"])  # 同比, 环比, 相比: of a base, never a measure
_COMPARE = _ROLES["compare"]
_SIZES = _ROLES["size"]
_NOT = _ROLES["not"]
_THROUGH = tuple(_ROLES["through"])
THROUGH_WORDS = _THROUGH  # 破: after a verb of change, the level passed through (跌破)
# One-character adverbs that intensify a verb of change: 猛增, 暴涨, 跳涨.
INTENSIFIERS = frozenset(w for w in _ROLES["adverb"] if len(w) == 1)


class _Ending:
    """One of some words at the end of a string, longest first.  Searched only over
    the string's last characters, as many as the longest word has: every figure
    asks several of these."""

    __slots__ = ("pattern", "longest")

    def __init__(self, words):
        self.pattern = patterns.compile(f"(?:{alternation(words)})$")
        self.longest = max(map(len, words))

    def search(self, s: str) -> re.Match | None:
        return self.pattern.search(s, max(0, len(s) - self.longest))


def _starting(words) -> str:
    return f"(?:{alternation(words)})"


def _chars(words) -> str:
    """The characters of `words` (one-character words, as clause marks), escaped for a
    character class."""
    return re.escape("".join(sorted({c for w in words for c in w})))


def _opening(words, not_words) -> str:
    """An alternation of comparison words that opens a comparison only where no
    `not_words` (比例, 较大) and no longer comparison word (相比, 比起) holds it."""
    out = []
    for w in longest_first(words):
        holders = []
        for n in longest_first(set(not_words) | set(words)):
            if n == w:
                continue
            k = n.find(w)
            while k >= 0:
                behind = f"(?<={re.escape(n[:k])})" if k else ""
                holders.append(behind + re.escape(n[k:]))
                k = n.find(w, k + 1)
        out.append((f"(?!{'|'.join(holders)})" if holders else "") + re.escape(w))
    return "|".join(out)


# The words before a number, qualifiers, 数, 几 … (数十亿), words like them (差不多) and
# 了 taken off their end.
_PARTICLES = list(_ROLES["particle"])
_QUALIFIER_WORDS = list(QUALIFIERS["before"]) + list(WORDS["vague"]) + list(_ROLES["approx"]) + _PARTICLES
_PARTICLE = f"(?:{_starting(_PARTICLES)})?"
_QUALIFIER_END = _Ending(_QUALIFIER_WORDS)
_QUALIFIER_LAST = frozenset(w[-1] for w in _QUALIFIER_WORDS)
_VERB_END = _Ending(_VERBS)
_COMPARE_END = _Ending(_COMPARE)
_SIZE_END = patterns.compile(
    f"({_starting(_SIZES)})(?:{_starting(_ROLES['adverb'])})*(?:{_starting(_ROLES['link'])})?$")
_SIZE_CHARS = frozenset(w[-1] for w in _SIZES)
_TO_END = _Ending(_ROLES["to"])
_NOT_END = _Ending(_NOT)
# Between a comparison base and its verb: adverbs, and qualifiers of the figure's size
# written before the verb (相比去年同期至少增长了200%).
_BEFORE_VERB_END = _Ending(list(_ROLES["adverb"]) + [w for w in QUALIFIERS["before"] if len(w) > 1]
                           + list(_ROLES["before_verb"]))
# The marks that end a clause, for a class of characters: those of grammar.tsv, and the
# colon (相比，…; 较3月10日15时：…).
_MARKS = _chars(list(GRAMMAR["clause_mark"]) + list(_ROLES["clause_also"]))
# The digits of a year written in Chinese (二〇二二年, 一九九八年): the plain digits of
# numerals.tsv but those never written in a year (两, 俩).
_YEAR_DIGITS = _chars(c for c, (v, role) in NUMERALS.items()
                      if role == "digit" and v < 10 and c not in FINANCIAL and c not in TRADITIONAL
                      and c not in _ROLES["not_year_digit"])
# A time word between a verb of change and the level it reaches: 增长到2022年1亿元,
# 压缩到2022年的0.04小时, 增长到本年的900亿元; and between 从 and the level before:
# 从2016年的13小时, 从最初的20亩, 从去年同期12亿元.
_TIME_WORD = (rf"(?:(?:[0-9]{{2,4}}|[{_YEAR_DIGITS}]{{2,4}})年度?(?:[0-9]{{1,2}}月)?(?:{_starting(_ROLES['year_part'])})?"
              f"|{alternation(_ROLES['time'])})")
_TIME_GAP = patterns.compile(_TIME_WORD + "的?$")
# The characters such a time word (and a 的 after it) may end in: 年, 年度, 月 of the
# dates, and the last ones of the words (同期, 最初); 2022年度 was missing.
_TIME_GAP_LAST = frozenset("年月度的") | frozenset(w[-1] for role in ("time", "year_part") for w in _ROLES[role])
_MAY_END_A_CHANGE = frozenset(w[-1] for role in ("verb", "compare", "to", "reach") for w in _ROLES[role]) | _TIME_GAP_LAST
_REACH_END = _Ending(_ROLES["reach"])
_FROM_FIRST = frozenset(w[0] for w in _ROLES["from"])
_PER = alternation(_ROLES["per"])  # 每
_PER_FIRST = frozenset(w[0] for w in _ROLES["per"])
# 从 … before the number: a time word and 的 (从2016年的13小时), or a measure word the
# level is per (从每平方米1.8万元, 从每吨3000元), may stand between them.
_FROM_END = patterns.compile(f"(?:{_starting(_ROLES['from'])})"
                             f"(?!(?!{_starting(_ROLES['from_next_anyway'])}){_starting(_ROLES['not_from_next'])})"
                             f"(?:[^{_MARKS}、]{{0,12}}的|{_TIME_WORD})?(?:(?:{_PER})[^0-9{_MARKS}、的]{{1,4}})?$")
# What may follow a `from` figure: an aside in brackets (由117.6万元（人均0.60元），增长到),
# adverbs, then a verb of change (and 到 …) or a neutral 到.
_AFTER_FROM = patterns.compile(
    r"(?:[（(][^）()]{0,20}[）)][，,]?)?"
    f"(?:{_starting(_ROLES['adverb'])})*"
    f"(?:(?P<verb>{_starting(_VERBS)})(?:{_starting(_ROLES['to'])})?|(?P<neutral>{_starting(_ROLES['neutral'])}))"
)
_NEUTRAL_GAP = patterns.compile(
    f"(?:{_starting(_ROLES['adverb'])})*(?:{_starting(_ROLES['neutral'])}){_PARTICLE}(?:{_TIME_WORD}的?)?$")
_LIST_GAP = patterns.compile(alternation(_ROLES["list_gap"]))
# A bracket that restates the figure before it in another unit: （约合, （折合人民币
_RESTATE_GAP = patterns.compile(rf"[（(]\s*{_starting(_ROLES['restate'])}?")
_BRACKET_REST = patterns.compile(r"^[^（()）]*[）)]")
# After the size of a change, the level it reached: 下降25%，至131.7亿美元.
_THEN_TO_GAP = patterns.compile(f"[，,](?:{_starting(_ROLES['then_to'])})")
# A comparison base: 同比, 环比; 比 or 较 … up to the verb; 与 … 相比.  比 and 较 in
# other words (比例, 比重, 对比, 比较, 较大, 较快 …) open none.
_BASE_WORD = patterns.compile(_starting(_ROLES["base"]))
_CLOSED_OPENERS = tuple(_ROLES["opening"])
_CLOSING_LAST = tuple(frozenset(w[-1] for role in ("closing", "closing_after") for w in _ROLES[role]))
_LONGEST_CLOSED = 24
_CLOSED = patterns.compile(f"(?:{_starting(_CLOSED_OPENERS)})[^{_MARKS}]{{1,14}}?(?:{_starting(_ROLES['closing'])})"
                           f"(?:{_starting(_ROLES['closing_after'])})?")
_OPENED = patterns.compile(f"(?:{_opening(_ROLES['comparison'], _ROLES['not_comparison'])})[^{_MARKS}]{{1,22}}$")
# A time span since which a change is counted: 自年初以来, 自2016年以来.
_SINCE = patterns.compile(f"(?:{_starting(_ROLES['since'])})[^{_MARKS}]{{1,12}}?(?:{_starting(_ROLES['since_end'])})")
_CLAUSE = patterns.compile(f"[{_MARKS}\\n]")
_UP_TO_CLAUSE = patterns.compile(f"(?s).*[{_MARKS}\\n]")  # greedy: up to the last mark
_VERB_ANYWHERE = patterns.compile(_starting(_VERBS))
# The characters a figure's number starts with: digits, numerals, a half (半) and the
# currency signs of one character (¥, $; ￥ is folded to ¥ before).
_NUMBER_CHARS = (frozenset("0123456789") | frozenset(NUMERALS)
                 | frozenset(w for w in list(WORDS["half_number"]) + list(CURRENCY_SIGNS) if len(w) == 1))
# The numbers of a time, which a comparison written alone in its clause may hold
# (较3月10日15时，新增271例; 同1990年相比，…), unlike a figure (比去年多3天，…).
_TIME_NUMBER = patterns.compile(f"[0-9]+(?:{_starting(_ROLES['time_after_digits'])})|{alternation(_ROLES['time_alone'])}")
# A verb of change, then the noun it changes, right before the number: after a
# comparison base, the figure is the size of the change (较当天零时新增新冠肺炎确诊
# 病例309例, 比去年全年多投入373.5亿元, 与前一天相比，一天内增加病例571例).  The noun
# is short and holds no figure, 的, linking verb or conjunction (比去年增长的12个项目 is
# a count of projects).
_COMPARISON_CHARS = frozenset(w for w in _ROLES["comparison"] if len(w) == 1)  # 比, 较
# What the noun a verb changes holds none of: a number (digits, the plain numerals of
# numerals.tsv, 半), and the words and marks of not_in_noun.
_NOT_IN_A_NOUN = (r"0-9" + _chars(c for c, (_, role) in NUMERALS.items()
                                  if c not in FINANCIAL and c not in TRADITIONAL and role != "tens")
                  + _chars(w for w in WORDS["half_number"] if len(w) == 1) + _chars(_ROLES["not_in_noun"]) + r"\s")
_CHANGED_NOUN = patterns.compile(
    f"(?:{_starting(_ROLES['adverb'])})*"
    f"(?P<verb>{_starting(list(_VERBS) + list(_NOT) + list(_COMPARE))}){_PARTICLE}"
    f"[^{_NOT_IN_A_NOUN}]{{1,10}}$")
# Without a comparison, a verb of two characters or more and the noun it changes
# (削减工资10%—20%, 增产小麦107.52亿公斤, 共减少贫困人口约60万); not a noun that
# starts with the verb (增加值, 增长点, 增长率, 增长方式) or a word of time or scope
# (增加过去十年累积的债务, 降低了全球700多种商品的关税), nor a verb of one character
# (降水量), nor a figure that only describes the noun after it (提高价值2000亿美元的商品
# 的关税: `read` looks at the 的 after the figure).
_NOT_IN_AN_OBJECT = _NOT_IN_A_NOUN + _chars(_ROLES["not_in_object"])
# A count whose measure word is one of these counts the noun before it, not a change:
# 上涨股票800只 (stocks that rose), 扩大开放城市14个 (cities opened).
_CLASSIFIERS = frozenset(_ROLES["counted_by"])
_OBJECT_NOUN = patterns.compile(
    f"(?P<verb>{_starting([w for w in _VERBS if len(w) > 1])}){_PARTICLE}"
    f"(?!{_starting(list(_ROLES['adverb']) + list(_ROLES['no_object']))})"
    f"[^{_NOT_IN_AN_OBJECT}]{{1,6}}$")
# The pace of a change named after the figure: 以年均26%的速度增长, 以3.2%的年增长率增长,
# 以20%的强劲势头递增 (but 以5%的利率增加贷款 names no pace).
_AT_END = patterns.compile(f"(?:{_starting(_ROLES['at'])})(?:{_starting(_ROLES['at_average'])})?$")
_AT_LAST = tuple(frozenset(w[-1] for role in ("at", "at_average") for w in _ROLES[role]))
_PACE_AFTER = patterns.compile(
    f"的[^{_MARKS}0-9]{{0,4}}?(?:{_starting(_ROLES['pace'])})"
    f"(?:{_starting(_ROLES['adverb'])})*[^{_MARKS}0-9]?(?P<verb>{_starting(_VERBS)})")
# A change named after its size by a verb of having: 将有20%至22%的增长, 实现8%的快速增长,
# 保持24%以上的增幅, 保持6%以上增长, 保持30%以上的高增长率 (but not 推动全球市场75%的
# 增长, a share of it).
_HAVE_END = patterns.compile(f"(?:{_starting(_ROLES['have'])}){_PARTICLE}$")
_HAVE_LAST = tuple(frozenset(w[-1] for w in list(_ROLES["have"]) + _PARTICLES))
_CHANGE_AFTER = patterns.compile(
    f"的?年?(?:{_starting(_ROLES['change_adjective'])})?(?P<noun>{_starting(_ROLES['change_after'])})(?![率速点])")
# A level reached per a measure word: 跌到每桶12.75美元.
_PER_GAP = patterns.compile(f"(?:(?:{_PER})(?:(?!{_PER})[^0-9{_MARKS}、的]){{1,3}}|{alternation(_ROLES['per_average'])})$")
_PER_AVERAGE_LAST = tuple(frozenset(w[-1] for w in _ROLES["per_average"]))  # 均
_LONGEST_LEAD = 40
# The words of a change and nothing else: verbs (and 到 …), adverbs, comparison bases
# written alone (同比), qualifiers, size nouns and their links, clause marks.
_ONLY_CHANGE_WORDS = patterns.compile(
    "(?:" + alternation([w for role in ("verb", "to", "adverb", "base", "size", "link") for w in _ROLES[role]]
                        + _QUALIFIER_WORDS) + r"|[，,\s])*")


def read(scan: str, start: int, end: int, kind: str, clause_start: int = 0,
         plain: str | None = None) -> tuple[str, str, str]:
    """(change, direction, base) of the figure at scan[start:end].

    `clause_start` bounds the words looked at before it (the sentence's start).
    `plain` is the text as written, position for position (the base is cut from it:
    比１９９１年 stays full-width); `scan` by default.
    """
    number = start
    while number < end and scan[number] not in _NUMBER_CHARS:
        number += 1  # 至少增收2000元: the figure's words before its number count too
    lo = max(clause_start, number - _LONGEST_LEAD)
    lead = scan[lo:number]
    cut = _last_clause_mark(lead)
    before_clause = lead[:cut] if cut >= 0 else ""
    lead = lead[cut + 1:]
    words = _without_qualifiers(lead)
    text = scan if plain is None else plain

    found = _by_or_to(words, kind)
    if found is not None:
        change, direction, verb_at, compared = found
        if change == "by" and _passed_through(lead, words):
            change = "to"  # 跌破50铢兑1美元: the level it fell through, not the size of the fall
        if change != "by":
            return change, direction, ""
        a, b = _base(words[:verb_at], before_clause)
        if compared and a == b:
            return _NO_CHANGE  # 新增1例: a measure, not a change
        return change, direction, text[lo + a:lo + b]
    size = _SIZE_END.search(words) if _SIZE_CHARS.intersection(words) else None
    if size and (kind != "duration" or _SIZES[size.group(1)][1]):  # 增长速度是10年来最慢的: no size
        a, b = _base(words[:size.start()], before_clause)
        return "by", _SIZES[size.group(1)][0], text[lo + a:lo + b]
    if not _FROM_FIRST.isdisjoint(words) and _FROM_END.search(words):
        after = _AFTER_FROM.match(scan, end)
        if after:
            verb = after.group("verb")
            return "from", _VERBS[verb][0] if verb else "", ""
    if not _COMPARISON_CHARS.isdisjoint(lead[-_LONGEST_LEAD:]) or not _COMPARISON_CHARS.isdisjoint(before_clause[-16:]):
        noun = _CHANGED_NOUN.search(words)
        if noun:
            verb = noun.group("verb")
            a, b = _base(words[:noun.start("verb")], before_clause)
            if a != b and (kind != "duration" or _durations(verb)):
                return "by", _direction_of(verb), text[lo + a:lo + b]
    changed = _OBJECT_NOUN.search(words) if scan[end:end + 1] != "的" and _NOT_END.search(words) is None else None
    if changed and kind == "count" and scan[end - 1:end] in _CLASSIFIERS:
        changed = None  # 上涨股票800只, 扩大开放城市14个: a count of the things the verb describes
    if changed and (kind != "duration" or _durations(changed.group("verb"))):
        return "by", _direction_of(changed.group("verb")), ""
    if words.endswith(_AT_LAST) and _AT_END.search(words):
        paced = _PACE_AFTER.match(scan, end)
        if paced:
            return "by", _VERBS[paced.group("verb")][0], ""
    have = _HAVE_END.search(words) if words.endswith(_HAVE_LAST) else None
    if have:
        named = _CHANGE_AFTER.match(scan, end)
        if named:
            a, b = _base(words[:have.start()], before_clause)  # 比上周又有数百元涨幅
            return "by", _ROLES["change_after"][named.group("noun")][0], text[lo + a:lo + b]
    return _NO_CHANGE


def _passed_through(lead: str, words: str) -> bool:
    """True when a word of passing through (破) stands between the verb of change and
    the number, and nothing else: 跌破50铢 (`words` is `lead` without the qualifier-like
    words before the number, and 破 is one of them, as in 破万)."""
    return any(lead.endswith(w) and words == lead[:-len(w)] for w in _THROUGH)


def _direction_of(word: str) -> str:
    return (_VERBS.get(word) or _NOT.get(word) or _COMPARE[word])[0]


def _durations(word: str) -> bool:
    return (_VERBS.get(word) or _NOT.get(word) or _COMPARE[word])[1]


def names_no_measure(words: str) -> bool:
    """Whether `words`, the text before a figure of change, is nothing but the words of
    a change (，缩短了, ，同比增长, ，增幅为): the change is of the measure named before
    it, not of one of its own (，利润增长)."""
    return bool(words.strip()) and _ONLY_CHANGE_WORDS.fullmatch(fold(words)) is not None


def _last_clause_mark(s: str) -> int:
    m = _UP_TO_CLAUSE.match(s)
    return m.end() - 1 if m else -1


def _without_qualifiers(words: str) -> str:
    """The words before a number without the qualifiers and 了 at their end (提升近 → 提升)."""
    words = words.rstrip(" -−")
    while words[-1:] in _QUALIFIER_LAST:
        m = _QUALIFIER_END.search(words)
        if not m:
            break
        words = words[:m.start()]
    return words


def _by_or_to(words: str, kind: str) -> tuple[str, str, int, bool] | None:
    """("by" or "to", direction, where the verb starts, whether it is a change only
    after a comparison base) when a verb of change ends `words`."""
    if not _PER_FIRST.isdisjoint(words[-4:]) or words[:-1].endswith(_PER_AVERAGE_LAST) or words.endswith(_PER_AVERAGE_LAST):
        per = _PER_GAP.search(words)
        if per and _TO_END.search(words[:per.start()]):
            words = words[:per.start()]  # 跌到每桶12.75美元
    if words[-1:] not in _MAY_END_A_CHANGE:
        return None  # most figures: no verb, 到 or time word right before them
    change = "by"
    to = _TO_END.search(words)
    time = _TIME_GAP.search(words) if words[-1:] in _TIME_GAP_LAST else None
    if time and time.start() < len(words):
        stripped = words[:time.start()]
        if _TO_END.search(stripped):
            words, to = stripped, _TO_END.search(stripped)  # 增长到2022年1亿元
    if to and to.start() < len(words):
        before_to = _without_qualifiers(words[:to.start()])
        if _VERB_END.search(before_to):
            words, change = before_to, "to"
    if change == "by":
        reach = _REACH_END.search(words)
        if reach and reach.start() < len(words):
            before_reach = _without_adverbs(words[:reach.start()])
            if _VERB_END.search(before_reach) or _NOT_END.search(before_reach):
                words = before_reach  # 增长高达42.7%: the size of the change
    measure = _NOT_END.search(words)
    if measure:  # 新增1例: a measure, unless a comparison base stands before it
        return ("by", _NOT[measure.group()][0], measure.start(), True) if change == "by" else None
    verb = _VERB_END.search(words)
    if verb:
        direction, durations = _VERBS[verb.group()]
        if kind == "duration" and not durations:
            return None  # 双提升三年行动计划: a plan's length, not a change
        return change, direction, verb.start(), False
    compared = _COMPARE_END.search(words)
    if compared and change == "by":
        direction, durations = _COMPARE[compared.group()]
        if (kind != "duration" or durations) and _OPENED.search(_without_adverbs(words[:compared.start()])):
            return "by", direction, compared.start(), False
    return None


def _without_adverbs(words: str) -> str:
    while True:
        m = _BEFORE_VERB_END.search(words)
        if not m or m.start() == len(words):
            return words
        words = words[:m.start()]


def _base(words: str, before_clause: str) -> tuple[int, int]:
    """Where the comparison base stands, before a verb of change: in its clause
    (`words`, which starts right after `before_clause` and its clause mark), else the
    clause before when it ends in a comparison closed by 相比 (原油价与去年的平均价格
    相比，每桶下跌) or is nothing but one (相比玉米，每亩至少增收).
    (0, 0) when there is none."""
    offset = len(before_clause) + 1 if before_clause else 0
    a, b = _base_in(_without_adverbs(words))
    if b:
        return offset + a, offset + b
    previous = _CLAUSE.split(before_clause)[-1] if before_clause else ""
    if not previous or _VERB_ANYWHERE.search(previous):
        return 0, 0  # 比1991年增长1.8倍，年均递增23%: a change of its own, not a base
    closed = _closed_at_end(previous)  # 与去年同期相比，利润…; 原油价与去年的平均价格相比，每桶…
    if closed >= 0 and _NUMBER_CHARS.isdisjoint(_TIME_NUMBER.sub("", previous[closed:])):
        return len(before_clause) - len(previous) + closed, len(before_clause)
    if (_NUMBER_CHARS.isdisjoint(_TIME_NUMBER.sub("", previous))
            and _OPENED.match(previous) and _OPENED.fullmatch(previous)):
        return len(before_clause) - len(previous), len(before_clause)  # 相比玉米，每亩…
    return 0, 0


def _closed_at_end(clause: str) -> int:
    """Where a comparison closed by 相比 … that ends `clause` starts (与 before 跟, 和,
    同: 与上年同期相比 is one comparison, not 同期相比), or -1."""
    if not clause.endswith(_CLOSING_LAST):
        return -1
    for opener in _CLOSED_OPENERS:
        i = clause.rfind(opener, max(0, len(clause) - _LONGEST_CLOSED))
        if i >= 0 and _CLOSED.fullmatch(clause, i):
            return i
    return -1


def _base_in(words: str) -> tuple[int, int]:
    closed = None
    for m in _CLOSED.finditer(words):
        closed = m
    if closed:
        return closed.span()  # 与去年同比: one base, not two
    last = None
    for m in _BASE_WORD.finditer(words):
        last = m
    if last is None and "以" in words:
        for m in _SINCE.finditer(words):
            last = m
    opened = _OPENED.search(words)
    # The comparison nearest the verb, without an aside in brackets at its end
    # (比1996年（下同）增长12.1%).
    a, b = max((m.span() for m in (last, opened) if m), default=(0, 0))
    if words[b - 1:b] in ("）", ")"):
        b = max(a, max(words.rfind("（", a, b), words.rfind("(", a, b)))
    return a, b


def settle(text: str, figures: list[Figure], offset: int = 0) -> list[Figure]:
    """One sentence's figures, each neighbouring two passed through `follow`; `text`
    is the text they index, less the `offset` of the records.  A figure that restates
    the one before it in another unit (`restates`) is passed over, and then given that
    figure's change: 从100亿美元（约合640亿元人民币）增加到200亿美元 pairs 100亿美元 and 200亿美元."""
    out = list(figures)
    restated: dict[int, int] = {}  # a figure that restates another → that other
    lead = 0  # the last figure that restates none
    for k in range(1, len(out)):
        gap = text[out[k - 1].end - offset:out[k].start - offset]
        if restates(out[k - 1], out[k], gap):
            restated[k] = restated.get(k - 1, k - 1)
            continue
        if lead != k - 1:
            gap = _BRACKET_REST.sub("", gap, count=1)  # 人民币）增加到: what follows the bracket
        out[lead], out[k] = follow(out[lead], out[k], gap)
        lead = k
    for k, whose in restated.items():
        of = out[whose]
        out[k] = replace(out[k], change=of.change, direction=of.direction, base=of.base)
    return out


def restates(previous: Figure, figure: Figure, gap: str) -> bool:
    """Whether `figure`, `gap` after `previous`, is the same amount in another unit: of
    the same kind, in a bracket opened right after it (600亿美元（约合3800亿元人民币）)."""
    return figure.kind == previous.kind and _RESTATE_GAP.fullmatch(fold(gap).strip()) is not None


def follow(previous: Figure, figure: Figure, gap: str) -> tuple[Figure, Figure]:
    """Two neighbouring figures of one sentence, `gap` the text between them: a
    ``from`` and the level it goes to are paired; a figure listed after a change is one."""
    if not previous.change:
        return previous, figure
    gap = fold(gap).replace("\n", "").strip()
    if previous.change == "from" and figure.change in ("", "to"):
        if figure.change == "" and not _NEUTRAL_GAP.fullmatch(gap):
            return previous, figure
        direction = previous.direction or figure.direction or _direction(previous.value, figure.value)
        previous = replace(previous, direction=direction, pair=figure.start)
        figure = replace(figure, change="to", direction=direction, base="", pair=previous.start)
        return previous, figure
    if previous.change in ("by", "to") and not figure.change and _LIST_GAP.fullmatch(gap):
        figure = replace(figure, change=previous.change, direction=previous.direction, base=previous.base)
    elif previous.change == "by" and not figure.change and _THEN_TO_GAP.fullmatch(gap):
        figure = replace(figure, change="to", direction=previous.direction)  # 下降25%，至131.7亿美元
    return previous, figure


def _direction(a: Decimal, b: Decimal) -> str:
    return "up" if b > a else "down" if b < a else ""
