"""What a figure is a claim about: its measure (``subject``) and its ``holder``.

The measure is found by rules over the words around the figure (this module), cut
at word boundaries with the lexicon of `figs.segment`.
"""
from __future__ import annotations

import re

import regex

from .lexicon import NUMERALS, UNITS, WORDS, alternation, longest_first

# Marks that end a clause: a subject never reaches across one.
_CLAUSE_MARKS = "，,、；;：:。！？!?（）()《》【】[]\n —…·"
# Everything up to the last clause mark: greedy, so one call finds the last one.
_UP_TO_CLAUSE = re.compile("(?s).*[" + re.escape(_CLAUSE_MARKS) + "]")
_QUOTE_OPEN = {"“": "”", "「": "」", "『": "』", "\"": "\""}
# 从, 由 (从2021年的5000万元…), and with a verb of change the comparisons 比, 较
# (较上年同期下滑1.3%): the subject of a change stands before them.
_FROM = regex.compile(r"[从由](?!于|此)")
_COMPARED = regex.compile(r"(?<![对相无同环])比(?![例重率较如])|较(?![为大多高低好])")
_VERBS = frozenset(WORDS["verb"])
# By the last character of a verb, the lengths of the verbs that end in it, longest first.
_VERB_LENGTHS: dict[str, list[int]] = {}
for _v in sorted(_VERBS, key=len, reverse=True):
    if len(_v) not in _VERB_LENGTHS.setdefault(_v[-1], []):
        _VERB_LENGTHS[_v[-1]].append(len(_v))
_NUMBER_CHARS = frozenset("0123456789０１２３４５６７８９")
_NUMERAL_START = _NUMBER_CHARS | frozenset(NUMERALS)
# Everything up to the last digit: greedy, so one call finds the last one.
_UP_TO_NUMBER = re.compile("(?s).*[0-9０-９]")
_FIGURE_CHARS = _NUMBER_CHARS | (frozenset(NUMERALS) - {"一"})
_WORDLIKE = regex.compile(r"[\p{Han}A-Za-z]+")
_HAN_RUN = regex.compile(r"\p{Han}+")
_CHANGE_WORDS = frozenset(WORDS["change"])
_ENDS_A_COUNT = tuple(WORDS["ends_a_count"])
# A verb after the first two characters of the words after a figure ends their noun.
_VERB_AFTER = re.compile(f"(?<=..)(?:{alternation(WORDS['verb_after'])})")
_WHOLE_WORDS = frozenset(WORDS["whole_word"])
_SHARE_OF = regex.compile(r"(?:约)?占(?!有|领|据|比)")
_RATE_ENDINGS = ("率", "度", "额", "比", "比例", "比重")
_SIZES = "长宽厚高深重大小多少"
_PRONOUNS = frozenset(WORDS["pronoun"])
# A label right before a figure names it: 【参考售价】：3690元, [价格] 3650元, 数据：26分.
_LABEL = regex.compile(r"(?:[【\[]([^】\]]{2,12})[】\]][:：]?|(?:^|[，,。\s])(\p{Han}{2,8})[:：])\s*$")
# A label ends in one of these, so words that end otherwise need no search for one.
_LABEL_ENDS = ("】", "]", ":", "：")
# Adverbs in a row (持续, 正在), longest first as a loop over the words would take them.
_ADVERB_RUN = re.compile(f"(?:{alternation(WORDS['adverb'])})*")
_SINCE = ("来", "以来")
# More figures listed after this one, up to the 的 before the noun they all count:
# 240人、208人和80人的外卖骑手党员先锋队.
_LIST_TAIL = re.compile(r"(?:[、和与及][0-9０-９.．一二两三四五六七八九十百千万亿]+[多余]?[^\s，,。；、和与及的0-9０-９]{0,3})+的")
_SIZE_DE = tuple(c + "的" for c in _SIZES[:6])
_CHANGE = re.compile(alternation(_CHANGE_WORDS))
_VALUE_OF = tuple(longest_first(WORDS["value_of"]))
_UNIT_AT_START = re.compile(f"^(?:{alternation(UNITS)})")
_CURRENCY_NAME = re.compile(alternation(WORDS["currency_name"]))
_NO_SUBJECT_AFTER = tuple(longest_first(WORDS["no_subject_after"]))
_STOPS = "".join(w for w in WORDS["stop"] if len(w) == 1)
_SUBJECT_MAX = 6
# The words after a figure, up to a clause mark, a digit or a stop word.  Some stop
# words also begin nouns (中国, 前景, 内容) or end them (埃及, 参与): they stop a
# subject only after its first two characters.
_WORD_INITIAL = "中前后内以对里向"
_DELIMITERS = re.escape(_CLAUSE_MARKS) + "0-9０-９"
_AFTER_WORD = re.compile(
    "[^{d}{hard}](?:[^{d}{never}][^{d}{stops}]{{0,{more}}})?".format(
        d=_DELIMITERS,
        never="的在是了和将被把",
        hard=re.escape("".join(c for c in _STOPS if c not in _WORD_INITIAL)),
        stops=re.escape(_STOPS),
        more=_SUBJECT_MAX - 2,
    )
)



def subject(s: str, start: int, end: int, kind: str) -> str:
    """What the figure counts or measures, as the article names it.

    After the figure when a noun follows it (35名骑手, 10公里的区域, 25%的股份) or
    when a verb leads into it (共有48栋楼); else the words before it in its clause,
    less verbs (配送网点15个, 总成交额达到18.5万元).  What changed stands before
    a verb of change (营业额同比提升近10%); a share stands before 占 (桐油产量占
    世界总产量的90%).  A subject is never one character: "" lets the figure share
    the subject of the one before it.
    """
    before, verb, from_a_figure = _subject_before(s, start, kind)
    listed = _LIST_TAIL.match(s, end)  # 240人、208人和80人的先锋队
    after = _subject_after(s, listed.end() - 1 if listed else end, kind)
    if before in _PRONOUNS:
        before = ""
    if after in _PRONOUNS:
        after = ""
    follows_de = s.startswith("的", end) or listed is not None
    if verb in _CHANGE_WORDS or verb == "占" or from_a_figure:
        order = (before, after)  # what changed, or the part that has the share
    elif kind == "duration" and s.startswith(_SINCE, end):
        order = (after, before)  # 10年来持续读好书: what was done over those years
    elif kind == "duration":
        order = (after, before) if follows_de else (before, after)  # 3小时的直播时间; 闭店61天
    elif kind in ("percent", "ratio") and before.endswith(_RATE_ENDINGS):
        order = (before, after)  # 纯度99.99%的金块
    elif after and (verb or len(after) >= 2 or kind in ("percent", "ratio")):
        order = (after, before)
    else:
        order = (before, after)
    if verb and len(after) == 1 and after not in _SIZES and _UP_TO_CLAUSE.match(s, end + 1, end + 2):
        return after  # 共有48栋楼，: a one-character noun, closed by punctuation
    first, second = order
    return first if len(first) >= 2 else second if len(second) >= 2 else ""

def _subject_after(s: str, end: int, kind: str = "") -> str:
    i = end
    if kind == "duration" and s.startswith(_SINCE, i):
        i += 2 if s.startswith("以来", i) else 1
    i = _ADVERB_RUN.match(s, i).end()  # type: ignore[union-attr]  # (…)* always matches: 持续读好书, 正在接受
    if kind == "money":
        currency = _CURRENCY_NAME.match(s, i)
        if currency:
            i = currency.end()  # 10万元人民币
    if s.startswith(_NO_SUBJECT_AFTER, i):
        return ""  # 数千英里之外
    if s.startswith(_SIZE_DE, i):
        i += 1  # 4公里宽的山口: the noun comes after 宽的
    if s.startswith("的", i):
        i += 1
    if s.startswith(("为", "是"), i) and not s.startswith(("为了", "是否"), i):
        i += 1
    if i < len(s) and s[i] in _QUOTE_OPEN:
        close = s.find(_QUOTE_OPEN[s[i]], i + 1, i + 12)
        if close > i + 1:
            inside = s[i + 1:close]
            follows = s[close + 1:close + 1 + _SUBJECT_MAX]
            tail = _HAN_RUN.match(follows)
            return tail.group(0)[:_SUBJECT_MAX] if tail and len(tail.group(0)) >= 2 else inside
    m = _AFTER_WORD.match(s, i)
    word = m.group() if m else ""
    changed = list(_CHANGE.finditer(word))
    if changed and i > end and s[i - 1] == "的" and changed[-1].start() >= 2:
        word = word[: changed[-1].start()]  # 价值2000亿美元的商品提高了关税: 商品
    elif changed or word.startswith(_ENDS_A_COUNT):
        return ""  # 5000万元迅速增长到, 5例共计42例: what follows is what happened
    verb = _VERB_AFTER.search(word)
    if verb:
        word = word[:verb.start()]  # 百余名快递小哥参加活动: 快递小哥
    return word if _WORDLIKE.fullmatch(word) else ""

def _subject_before(s: str, start: int, kind: str = "") -> tuple[str, str, bool]:
    """The words before the figure that name it, the verb that led into it, and
    whether the clause goes from one figure to another (从A到B: 从最初的20亩增加到230亩)."""
    chunk = s[max(0, start - 40):start].rstrip(" ")
    label = _LABEL.search(chunk) if chunk.rstrip().endswith(_LABEL_ENDS) else None
    if label:  # 【参考售价】：3690元, 数据：26分
        return (label.group(1) or label.group(2))[-_SUBJECT_MAX:], "", False
    m = _UP_TO_CLAUSE.match(chunk)
    if m:
        chunk = chunk[m.end():]
    # 种植面积从最初的20亩: what changes stands before 从 or 由; 出口较上年同期下滑1.3%:
    # before 比 or 较 when a verb of change leads into the figure; 产量占总产量的90%:
    # the part stands before 占.
    cut = _from_a_figure(chunk)
    from_a_figure = cut is not None
    chunk, verb = _strip_verbs(chunk)
    if cut is None and verb in _CHANGE_WORDS:
        m = _COMPARED.search(chunk)
        cut = m.start() if m else None
    if cut is None and kind in ("percent", "ratio"):
        m = _SHARE_OF.search(chunk)
        if m:
            cut, verb = m.start(), verb or "占"
    if cut is not None and cut >= 2:
        chunk, _ = _strip_verbs(chunk[:cut])
    m = _UP_TO_NUMBER.match(chunk)
    if m:
        # What follows the number before is its unit (5例共计42例), not a subject.
        chunk = _UNIT_AT_START.sub("", chunk[m.end():])
    head = chunk.rpartition("的")[2]
    if len(head) >= 2:
        chunk = head
    chunk = chunk.strip("“”‘’\"「」『』 ")
    return chunk[-_SUBJECT_MAX:], verb, from_a_figure


def _strip_verbs(chunk: str) -> tuple[str, str]:
    """The words less the verbs and adverbs at their end, and the verb next to the figure.

    A word that merely ends in a verb character (现在, 因为, 所有) is kept whole.
    """
    verb = ""
    for word in _VALUE_OF:
        if chunk.endswith(word):
            chunk, verb = chunk[: -len(word)], word
            break
    stripped = True
    while stripped and chunk and chunk[-2:] not in _WHOLE_WORDS:
        stripped = False
        for n in _VERB_LENGTHS.get(chunk[-1], ()):
            if chunk[-n:] in _VERBS:
                verb = verb or chunk[-n:]
                chunk = chunk[:-n]
                stripped = True
                break
    return chunk, verb


def _from_a_figure(chunk: str) -> int | None:
    """Where 从 or 由 starts a change from one figure to another, or None.

    From 从 to the figure there is nothing, a few words ending in 的 (从最初的,
    从2021年的), or the first figure (由60辆/小时提升到); not 美国从本月开始对价值….
    """
    if "从" not in chunk and "由" not in chunk:
        return None
    m = _FROM.search(chunk)
    if m is None:
        return None
    rest = chunk[m.end():]
    if not rest or (len(rest) <= 8 and rest.endswith("的")) or any(c in _FIGURE_CHARS for c in rest):
        return m.start()
    return None
