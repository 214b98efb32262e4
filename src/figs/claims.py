"""What a figure is a claim about: its measure (``subject``) and its ``holder``.

The measure is found by rules over the words around the figure (this module), cut
at word boundaries with the lexicon of `figs.segment`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterator
from functools import lru_cache

import regex

from . import patterns
from .changes import BASE_WORDS, CHANGE_VERBS, INTENSIFIERS, NAMING_VERBS, PER_AVERAGE, PER_WORDS, THROUGH_WORDS, restates
from .lexicon import NUMERALS, QUALIFIERS, UNITS, WORDS, alternation, data_text, longest_first, rows
from .segment import COUNTERS, ENTITY, PLACE_OR_ORG, could_name, first_word, group, is_quantity, word_class, words
from .timewords import time_words

# Marks that end a clause: a subject never reaches across one.
_CLAUSE_MARKS = "，,、；;：:。！？!?（）()《》【】[]\n —…·"
# Everything up to the last clause mark: greedy, so one call finds the last one.
_UP_TO_CLAUSE = patterns.compile("(?s).*[" + re.escape(_CLAUSE_MARKS) + "]")
_QUOTE_OPEN = {"“": "”", "「": "」", "『": "』", "\"": "\""}
# 从, 由 (从2021年的5000万元…), and with a verb of change the comparisons 比, 较
# (较上年同期下滑1.3%): the subject of a change stands before them.
_FROM = regex.compile(r"[从由](?!于|此)")
_COMPARED = regex.compile(r"(?<![对相无同环])比(?![例重率较如])|较(?![为大多高低好])")
# Verbs (data/words.tsv) and the verbs of change of two characters or more (changes.tsv:
# a single 高, 多 or 增 ends too many nouns, 身高, 人数众多), less those that name what
# changes (农民增收20%: the measure is 增收, the farmers' income).
_VERBS = (frozenset(WORDS["verb"]) | frozenset(v for v in CHANGE_VERBS if len(v) >= 2)) - NAMING_VERBS
_WORD_ENDS = frozenset({"noun", "other", "time"})  # a verb inside such a word is none
_FUNCTION_WORDS = group("function")
# Words that stand right before a figure and end in a function word: 平均, 大约.
_BEFORE_A_FIGURE = frozenset(WORDS["adverb"]) | frozenset(QUALIFIERS["before"]) | PER_AVERAGE
_WHOLE_MEASURES = tuple(longest_first(group("whole_measure")))
# By the last character of a verb, the lengths of the verbs that end in it, longest first.
_VERB_LENGTHS: dict[str, list[int]] = {}
for _v in sorted(_VERBS, key=len, reverse=True):
    if len(_v) not in _VERB_LENGTHS.setdefault(_v[-1], []):
        _VERB_LENGTHS[_v[-1]].append(len(_v))
_NUMBER_CHARS = frozenset("0123456789０１２３４５６７８９")
_NUMERAL_START = _NUMBER_CHARS | frozenset(NUMERALS)
# Everything up to the last digit: greedy, so one call finds the last one.
# Up to the last number before a figure, not digits inside a word in Latin letters (N95, G20).
_UP_TO_NUMBER = patterns.compile("(?s).*(?<![A-Za-z0-9０-９])[0-9０-９]+(?![A-Za-z0-9０-９])")
_FIGURE_CHARS = _NUMBER_CHARS | (frozenset(NUMERALS) - {"一"})
_WORDLIKE = regex.compile(r"[\p{Han}A-Za-z]+")
_HAN_RUN = regex.compile(r"\p{Han}+")
_CHANGE_WORDS = frozenset(WORDS["change"])
_ENDS_A_COUNT = tuple(WORDS["ends_a_count"])
# A verb after the first two characters of the words after a figure ends their noun.
_VERB_AFTER = patterns.compile(f"(?<=..)(?:{alternation(WORDS['verb_after'])})")
_WHOLE_WORDS = frozenset(WORDS["whole_word"])
_SHARE_OF = regex.compile(r"(?:约)?占(?!有|领|据|比)")
# A is B's N times, N %: 私人投资是公共投资的16.7倍, 收购价一般为市场价的80%; what is measured
# stands before 是, 为 or 相当于, the base after it.
_TIMES_OF = regex.compile(r"(?:相当于|是|为)[^，,。；;：:、是为的]{1,12}$")  # before the 的 of the figure
_RATE_ENDINGS = ("率", "度", "额", "比", "比例", "比重")
_SIZES = "长宽厚高深重大小多少"
_PRONOUNS = frozenset(WORDS["pronoun"])
# A label right before a figure names it: 【参考售价】：3690元, [价格] 3650元, 数据：26分.
_LABEL = regex.compile(r"(?:[【\[]([^】\]]{2,12})[】\]][:：]?|(?:^|[，,。\s])(\p{Han}{2,8})[:：])\s*$")
# A label ends in one of these, so words that end otherwise need no search for one.
_LABEL_ENDS = ("】", "]", ":", "：")
# Adverbs in a row (持续, 正在), longest first as a loop over the words would take them.
_ADVERB_RUN = patterns.compile(f"(?:{alternation(WORDS['adverb'])})*")
_SINCE = ("来", "以来")
# More figures listed after this one, up to the 的 before the noun they all count:
# 240人、208人和80人的外卖骑手党员先锋队.
_LIST_TAIL = patterns.compile(r"(?:[、和与及][0-9０-９.．一二两三四五六七八九十百千万亿]+[多余]?[^\s，,。；、和与及的0-9０-９]{0,3})+的")
_SIZE_DE = tuple(c + "的" for c in _SIZES[:6])
_CHANGE = patterns.compile(alternation(_CHANGE_WORDS))
_VALUE_OF = tuple(longest_first(WORDS["value_of"]))
_UNIT_AT_START = patterns.compile(f"^(?:{alternation(UNITS)})")
_CURRENCY_NAME = patterns.compile(alternation(WORDS["currency_name"]))
_NO_SUBJECT_AFTER = tuple(longest_first(WORDS["no_subject_after"]))
_STOPS = "".join(w for w in WORDS["stop"] if len(w) == 1)
_SUBJECT_MAX = 6
# Measure words that count a noun of their own (9个篮板, 6次助攻): a figure before one
# does not measure that noun.
_CLASSIFIERS = COUNTERS
_AND = frozenset("和及")  # between two nouns that a count counts together (与: with)
_AND_ENDS = frozenset("的，。；")  # after the second noun: it ends the noun phrase
_QUANTITY_CHARS = group("quantity_char")  # a second noun that starts so is no longer counted (其他, 各种)
# The words after a figure read for its noun: the lexicon finds where the noun ends.
_AFTER_MAX = 14
# The words after a figure, up to a clause mark, a digit or a stop word.  Some stop
# words also begin nouns (中国, 前景, 内容) or end them (埃及, 参与): they stop a
# subject only after its first two characters.
_WORD_INITIAL = "中前后内以对里向"
_DELIMITERS = re.escape(_CLAUSE_MARKS) + "0-9０-９"
_AFTER_WORD = patterns.compile(
    "[^{d}{hard}](?:[^{d}{never}][^{d}{stops}]{{0,{more}}})?".format(
        d=_DELIMITERS,
        never="的在是了和将被把",
        hard=re.escape("".join(c for c in _STOPS if c not in _WORD_INITIAL)),
        stops=re.escape(_STOPS),
        more=_AFTER_MAX - 2,
    )
)



def claim(doc, start: int, end: int, kind: str, qualifier: str) -> tuple[str, str]:
    """The figure's measure and holder, from its clause and, where that names no
    holder, from the nearest earlier text of its paragraph (`holder_before`); not for
    an exact age, which is the person's it describes (一个82岁的老奶奶), but for an age
    bracket, a population's (全县60岁以上的老人)."""
    s = doc.plain
    measure, holder = subject(s, start, end, kind)
    if start and s[start - 1] in "（(":
        holder = holder or _name_before_bracket(s, start - 1)  # 容声（17.34%）: the figure of the name before it
    if measure and not holder and _is_list_place(s, start, measure):
        header = _header(s, doc.sentence_bounds(start)[0], start)
        if header:
            measure, holder = header, measure  # 新增出院病例中，大渡口区1例: a place the lexicon lacks
    if measure and not holder and kind != "age" and _names_a_person_before(s, start, measure):
        measure, holder = "", measure  # 李华全场得到25分: a person is whose figure it is, never what it counts
    if not measure and holder:
        measure = _header(s, doc.sentence_bounds(start)[0], start)  # 确诊病例中，长春市27例
    if not measure and kind == "age":
        measure = _person_before(s, doc.sentence_bounds(start)[0], start)  # 该患者为男性，38岁
    if measure[:1] == "每" and len(measure) > 3 and measure[1] in _EACH_COUNTERS:
        measure = measure[2:]  # 每间房子２尺多宽: the measure is 房子, 每间 says how it is counted
    above = False
    if not holder and not (kind == "age" and _names_one_person(measure)):  # (张震13岁: his own)
        holder, above = _holder_before(doc, start)
        if kind == "age" and qualifier == "exact" and not _names_one_person(holder):
            holder, above = "", False  # 在丰田公司的高冈工厂，５８岁的老工人: his age, not the company's
    if not holder:
        anaphor, body = _anaphor_before(s, doc.sentence_bounds(start)[0], start)  # 该小区项目…用地规模53万平方米
        if body and measure.startswith(body) and len(measure) - len(body) >= 2:
            measure = measure[len(body):]  # 该工程总投资220亿美元: 总投资, of 该工程
        holder = anaphor + body if body and measure != body else ""  # (该工程220亿美元: the measure, not whose)
    if holder in _PERSON_PRONOUNS:
        a = doc.sentence_bounds(start)[0]
        if _in_quotation(s[a:start], start - a):
            holder = ""  # “今年我们要完成2亿元的销售。”: the speaker's we, said of someone else
        elif holder in _ONE_PERSON:
            holder = _person_named_before(doc, start) or holder  # 郭晶晶…。她最后两个动作: 郭晶晶
        elif holder in _GROUP_PRONOUNS:
            holder = _body_named_before(doc, start) or holder  # 黄粱梦派出所…。他们发放300张: the body's people
    if holder and not above and word_class(holder) not in _WHOLE_ALREADY:
        holder = _whole_name(s, start, holder)
    if holder in WHOLE_OF_A_LEVEL:
        holder = _place_of_level(doc, start, holder[-1]) or holder  # 黑龙江省…全省: 黑龙江省
    if kind == "age" and not measure and holder and not above and _names_one_person(holder):
        measure, holder = holder, ""  # 唐纳德·特朗普16岁生日: the person described is the age's measure
    if holder == measure:
        holder = ""  # the holder is never the measure itself
    return measure, holder


def _place_of_level(doc, start: int, level: str) -> str:
    """The place of the level `level` (省, 市, 县 …) named nearest before `start`: whose
    figure a 全省, 本市 or 该县 says it is; else "".  It reads no further back than
    `TOPIC_BACK` characters of the input before the figure's sentence, as a stream's piece
    holds (`figs.stream.CONTEXT`)."""
    s = doc.plain
    limit = doc.original(doc.sentence_bounds(start)[0]) - TOPIC_BACK
    p = start
    for _ in range(_LEVEL_TRIES):
        p = s.rfind(level, 0, p)
        if p < 2 or doc.original(max(0, p - _LONGEST_PLACE)) <= limit:
            return ""
        w, cls = words(s[max(0, p - _LONGEST_PLACE):p + 1])[-1]
        if cls == "place" and len(w) >= 3 and w[0] not in _POINTING_CHARS and w.endswith(level) \
                and w[-2] != level and not w.startswith("自治") and word_class(w) != "noun":
            # (not 山西省 + 省委, 自治州 alone, or a kind of place the lexicon knows: 贫困县)
            return w
    return ""


def _names_one_person(name: str) -> bool:
    """Whether `name` is one person's: a name (`_is_person`) or pieces of one joined by
    a hyphen or a dot (唐纳德·特朗普)."""
    return _is_person(name) or not _NAME_JOINERS.isdisjoint(name) and all(
        _is_person(piece) or word_class(piece) is None for piece in _JOINER.split(name) if piece)


def _anaphor_before(s: str, sentence_start: int, start: int) -> tuple[str, str]:
    """For a figure that no name holds, 该 and the body noun it points with, where its
    sentence has them before the figure (据了解，该小区项目2006年报建，用地规模53万平方米:
    该 + 小区项目): they say whose the figure is, though not by name; else ("", "").
    A name found any other way comes first (该 points back to it)."""
    at = max(s.rfind(a, sentence_start, start) for a in _ANAPHORS)
    if at < 0:
        return "", ""
    anaphor = next(a for a in _ANAPHORS if s.startswith(a, at))
    pointed = words(s[at + len(anaphor):min(start, at + len(anaphor) + _TOPIC_WINDOW)])
    nouns, body = "", ""
    for w, cls in pointed:
        if cls != "noun":
            break
        nouns += w
        if nouns.endswith(_BODIES):
            body = nouns  # the longest: 该小区项目, not 该小区
    return anaphor, body


def _person_named_before(doc, start: int) -> str:
    """The person the figure's sentence, before it, or an earlier sentence of the
    paragraph is about (its topic, when that is a person's name), for a figure whose
    holder is 他 or 她 (李红忱便是…队长，他所管理的70余名骑手); else "".  In the figure's
    own sentence, a clause that opens with a surname and a given name the lexicon lacks
    will do too (后来，金志妍开始…，按她的计算: 金志 is a word to the lexicon)."""
    name = _topic_named_before(doc, start, _is_person)
    if name:
        return name
    s = doc.plain
    a = doc.sentence_bounds(start)[0]
    name = _person_opening_a_clause(s, a, start, False)
    if name:
        return name
    # the sentences before it in the paragraph: the nearest person a clause opens with
    # (在20岁之前，弗雷德·特朗普已建造…。35岁起，他每年都…: 弗雷德·特朗普)
    paragraph = s.rfind("\n", 0, a) + 1
    for _ in range(_SENTENCES_BACK):
        if a <= paragraph:
            break
        b, a = a, max(doc.sentence_bounds(a - 1)[0], paragraph)
        name = _person_opening_a_clause(s, a, b, True)
        if name:
            return _whole_name(s, b, name) or name
    return ""


def _person_opening_a_clause(s: str, a: int, b: int, known: bool) -> str:
    """The person's name the last clause of s[a:b] that opens with one opens with: a
    surname and a given name the lexicon lacks, and where `known`, a person it knows."""
    opens: list[int] = [m.end() for m in _CLAUSE_START.finditer(s, a, b)]
    for at in opens[::-1]:
        head = s[at:min(b, at + _TERM)]
        name = _person_name(head) or _aged_person(head)
        if not name and known and head:
            w, cls = words(head)[0]  # (cut as a whole: 在 + 世界, not the lexicon's 在世)
            name = w if cls == "person" and w not in _PERSON_PRONOUNS else ""
        if name:
            return name
    return ""


def _body_named_before(doc, start: int) -> str:
    """The organisation the figure's sentence, before it, or an earlier sentence of the
    paragraph is about, for a figure whose holder is 他们 (黄粱梦派出所…。去年８月，他们
    发放３００张警长联系卡: its people act for it); else ""."""
    return _topic_named_before(doc, start, _is_body)


def _topic_named_before(doc, start: int, fits) -> str:
    """The topic of the figure's sentence before it, else of an earlier sentence of the
    paragraph (`_earlier_topic`), if `fits(name)`; else ""."""
    a = doc.sentence_bounds(start)[0]
    name = _first_topic(doc.plain[a:start])[1]
    if not fits(name):
        name = _earlier_topic(doc, a)[0]
    return name if fits(name) else ""


def _is_body(name: str) -> bool:
    """Whether `name` is an organisation's (not a news agency's: 新华社杭州)."""
    ws = words(name) if name else ()
    return bool(ws) and ws[-1][1] == "org" and not name.startswith(tuple(_AGENCIES))


def _names_a_person_before(s: str, start: int, measure: str) -> bool:
    """Whether `measure`, found before the figure at `start` in its clause, is a person's
    name: one the lexicon knows, or a surname and a given name it lacks, then what the
    person does (李华全场得到25分)."""
    p = s.rfind(measure, max(0, start - _TOPIC_WINDOW), start)
    if p < 0 or _CLAUSE_MARK.search(s, p, start):
        return False
    return word_class(measure) == "person" or word_class(measure) is None and _person_name(s[p:start]) == measure


def _is_person(name: str) -> bool:
    """Whether `name` is a person's: the lexicon says so, it is a surname and a given
    name the lexicon lacks, or a transliterated name joined by dots (弗雷德·特朗普)."""
    return word_class(name) == "person" or word_class(name) is None and bool(name) and (
        _person_name(name) == name or not _NAME_DOTS.isdisjoint(name))


def _whole_name(s: str, start: int, holder: str) -> str:
    """The holder as the text writes it (its last place before the figure): where it is
    a piece of a name joined by a hyphen or a dot, the whole name (泰伦斯-威廉姆斯, 德怀特·霍华德:
    the lexicon cuts such names anywhere), or "" where no whole name is found; with its
    surname where the lexicon holds the given name alone (唐 + 正东); a place with the
    rest of the name it begins, up to 的."""
    p = s.rfind(holder, max(0, start - _PARAGRAPH_BACK), start)
    if p < 0:
        return holder
    joined = _joined_in_clause(s, p, start, holder)
    if joined is not None:
        return joined
    q = p + len(holder)
    if (p and len(holder) == 2 and s[p - 1] in _SURNAMES and word_class(holder) == "person"
            and word_class(s[p - 2:p]) is None):
        return s[p - 1] + holder
    de = s.find("的", q, q + _NAME_AFTER_PLACE)
    after = words(s[q:de]) if de > q + 1 and _HAN_RUN.fullmatch(s, q, de) and word_class(holder) == "place" else ()
    if after and all(cls in _NAME_WORDS for _, cls in after) and after[-1][1] not in _COMMON:
        return s[p:de]  # 长春王府井赛特奥莱的销售: the place begins a name that 的 ends
    return holder


def _joined_in_clause(s: str, p: int, start: int, holder: str) -> str | None:
    """The whole joined name (德怀特·霍华德) that `holder`, last written at `p` before the
    figure at `start`, is a piece of there or earlier in the same clause (弗雷德·特朗普又给
    特朗普城堡开出…: the clause's subject, not the castle's name); "" where a piece has no
    whole name; None where no joiner is near it."""
    last = p
    while p >= 0:
        q = p + len(holder)
        if not _NAME_JOINERS.isdisjoint(s[max(0, p - _PIECE - 1):q + _PIECE + 1]):  # rare: a joiner near it
            bounds = _joiner_bounds(s, p, q)
            joined = _joined_name(s, *bounds) if bounds is not None else None
            if joined or joined is not None and p == last:
                return joined
        before = s.rfind(holder, max(0, start - _PARAGRAPH_BACK), p)
        if before < 0 or _CLAUSE_MARK.search(s, before, p):
            return None
        p = before
    return None


def _joiner_bounds(s: str, p: int, q: int) -> tuple[int, int] | None:
    """Where the name at s[p:q] reaches the joiners (-, ·) of a longer transliterated
    name it is a piece of: next to one, or up to `_PIECE` Chinese characters from one
    that are all pieces of a name (布雷 + 克-格里芬); None when it is no such piece."""
    right = _HAN_RUN.match(s, q, q + _PIECE)
    left = _HAN_TAIL.search(s, max(0, p - _PIECE), p)
    k = right.end() if right else q
    m = left.start() if left else p
    right_joined = s[k:k + 1] in _NAME_JOINERS
    left_joined = m > 0 and s[m - 1] in _NAME_JOINERS
    if not (right_joined and _all_pieces(s[q:k]) or left_joined and _all_pieces(s[m:p])):
        return None
    return (m if left_joined else p), (k if right_joined else q)


def _joined_at(s: str, p: int, w: str) -> str:
    """The person's transliterated name joined by dots (`_joined_name`) that starts with
    the word `w` at `p`, as a clause's topic: 贝 + 拉克·奥巴马, 乔治·W·布什; else "" (and for
    names joined by hyphens or dashes only: 张北－尚义, 道—琼斯 are places, an index)."""
    if _NAME_JOINERS.isdisjoint(s[p:p + len(w) + _PIECE + 1]):
        return ""  # rare: no joiner near
    bounds = _joiner_bounds(s, p, p + len(w))
    joined = _joined_name(s, *bounds) if bounds is not None and bounds[0] == p else ""
    return joined if _NAME_DOTS.intersection(joined) else ""


def _all_pieces(text: str) -> bool:
    """Whether `text` (between a name and a joiner) is all pieces of a name: 克 in
    布雷 + 克-格里芬, not 财长 in 澳大利亚 + 财长乔什·富来顿伯格."""
    return all(cls in _PIECE_CLASSES for _, cls in words(text)) if text else True


def _joined_name(s: str, i: int, j: int) -> str:
    """The whole of a name joined by hyphens or dots whose piece s[i:j] reaches its
    joiners (`_joiner_bounds`): 布雷克-格里芬, 莫-威廉姆斯, 德怀特·霍华德.  Each piece across
    a joiner is the run of characters the lexicon lacks and names it knows (格里芬 in
    格里芬23分, 泰 + 伦斯), in at most `_PIECE_WINDOW` characters; a word of another
    class ends it (主帅 + 埃里克, 特别是 + 保罗, 在 + 冯·安肯).  "" where a side has no
    such piece."""
    while s[j:j + 1] in _NAME_JOINERS:
        piece = _name_piece(words(s[j + 1:j + 1 + _PIECE_WINDOW]))
        if len(piece) > 1 and piece[-1] in _NAME_ENDS:
            piece = piece[:-1]  # 比尔·盖茨 + 曾, 骆丹 + 用: what the person does
        if not piece:
            return ""
        j += 1 + len(piece)
    while i and s[i - 1] in _NAME_JOINERS:
        piece = _name_piece(words(s[max(0, i - 1 - _PIECE_WINDOW):i - 1]), before=True)
        if not piece:
            return ""
        i -= 1 + len(piece)
    return s[i:j] if _NAME_JOINERS.intersection(s[i:j]) else ""


def _name_piece(ws: tuple[tuple[str, str], ...], before: bool = False) -> str:
    """The piece of a transliterated name that the words `ws` start with (or end with,
    `before` a joiner): characters the lexicon lacks and names."""
    piece: list[str] = []
    size = 0
    for w, cls in reversed(ws) if before else ws:
        initial = _INITIAL.fullmatch(w) is not None
        if cls not in _PIECE_CLASSES and not (initial and not piece):
            break
        if not before and w in _NAME_ENDS and size >= 2:
            break  # 弗雷德·特朗普 + 带着秘书: what the person does
        piece.append(w)
        size += len(w)
        if initial:
            break  # 乔治·W·布什: an initial is a piece alone
    return "".join(reversed(piece) if before else piece)


def _name_before_bracket(s: str, at: int) -> str:
    """The words right before an opening bracket at `at`: whose figure the bracket holds."""
    ws = words(s[max(0, at - _TOPIC_WINDOW):at])
    name: list[str] = []
    for w, cls in reversed(ws):
        if cls not in _MEASURE_PARTS and cls not in ENTITY:
            break
        name.insert(0, w)
    name_text = "".join(name)
    return name_text if len(name_text) >= 2 and not _UP_TO_NUMBER.match(name_text) else ""


def _is_list_place(s: str, start: int, measure: str) -> bool:
    """Whether `measure` is a list item right before the figure that ends in a place
    suffix (、大渡口区1例, ，开州区1例): in a list of parts, a place's name."""
    at = start - len(measure)
    return (2 < len(measure) <= _LIST_PLACE and measure[-1] in _PLACE_ENDS and at > 0
            and s[at - 1] in _LIST_MARKS and s.startswith(measure, at))


def _listed_place(s: str, at: int, tail: str, after: int) -> str:
    """The place named by the list item right before the figure at `at`, that `tail` (the
    figure's measure or holder) ends, in a list of parts: the item starts where the figure
    before ended (`after`), past only a list mark, a bracket or 其中 (、莫力达瓦旗1例 →
    莫力达瓦旗, ，乌兰察布市3例 → 乌兰察布市, （含汝州市1例）→ 汝州市), and ends in a place
    suffix; else "" (not 、小区200个, a kind of place the lexicon knows)."""
    item = _LIST_ITEM_BEFORE.search(s, max(after, at - _LIST_ITEM_MAX - 1), at)
    if item is None or not tail or not item.group(1).endswith(tail) or item.group(1)[-1] not in _PLACE_ENDS:
        return ""
    if _BETWEEN_ITEMS.fullmatch(s, after, item.start(1)) is None:
        return ""
    name = item.group(1)
    name = name[len(next((w for w in _ITEM_LEADS if name.startswith(w)), "")):]
    if len(name) < 2 or word_class(name) == "noun" or any(cls == "verb" for _, cls in words(name)):
        return ""  # 送戏下乡…场，送电影下乡…场: what was done, not where
    if not all(len(w) == 1 or cls == "place" for w, cls in words(name[:len(name) - len(tail)])):
        return ""  # 乌兰 + 察 + 布市, 潼 + 南区; not 教育 + 全县
    return name


def _is_part(s: str, sentence_start: int, at: int, n: int) -> bool:
    """Whether the name of `n` characters at `at` is a part listed after its whole: its
    figure right after it, and 其中 or a list's header before it (确诊病例中，三亚市2例)."""
    if s[at + n:at + n + 1] not in _NUMBER_CHARS or not s[at + n:at + n + 1]:
        return False
    return s.endswith(_PART_MARKS, max(sentence_start, at - 3), at) or \
        _HEADER.match(s, sentence_start, at) is not None


def _header(s: str, sentence_start: int, start: int) -> str:
    """The measure a list of parts is headed with: 新增确诊病例中，信阳市3例、… → 确诊病例.
    A list ends at a semicolon: 新增确诊病例中，南岸区1例；新增死亡病例为万州区1例."""
    found = ""
    sentence_start = max(sentence_start, s.rfind("；", sentence_start, start) + 1)
    for m in _HEADER.finditer(s, sentence_start, start):
        found = m.group(1)
    return split(found)[0] if found else ""


def _person_before(s: str, sentence_start: int, start: int) -> str:
    """The last word for a person before an age in its sentence, past no semicolon:
    该患者为男性，38岁 → 男性 (not 女性89例；年龄最大88岁，最小7岁)."""
    text = s[max(sentence_start, s.rfind("；", sentence_start, start) + 1):start]
    best, at = "", -1
    for w in _PERSON_WORDS:
        i = text.rfind(w)
        if i > at:
            best, at = w, i
    return best


def settle(doc, figures: list, offset: int = 0, earlier: list | tuple = ()) -> list:
    """The claims of one sentence's figures, settled together: [(position, Figure)] →
    [Figure], each given what the sentence says of it through the others (the records'
    offsets less `offset` index `doc.text`; `earlier`: the figures of the sentence
    before it that has any).

    - A figure with no subject of its own shares the one before it: 240人、208人和80人,
      交易额为2020.87亿元，同比增长8.25%, 福州市1例（福清市1例）; only an age shares
      the person an age names (not 42岁的孔庆河…两年多).
    - A list after 分别 takes its holders from the list before it, one by one:
      肉类、禽蛋、奶类的总产分别增长1.8倍、2.5倍、1.1倍 → 肉类, 禽蛋, 奶类.
    """
    s = doc.plain
    holders = _distributed(s, figures)
    out = []
    previous = None
    listed = set(holders.values())
    figures = _share_forward(s, figures)
    last_of_kind: dict = {}  # the last figure of each kind, for 新增, 累计 alone
    previous = _whole_before(figures, earlier)
    for k, (at, f) in enumerate(figures):
        subject, holder = f.subject, holders.get(k, f.holder)
        if previous is not None and restates(previous, f, doc.text[previous.end - offset:f.start - offset]):
            out.append(replace(f, subject=previous.subject, holder=previous.holder))
            continue  # 600亿美元（约合3800亿元人民币）: the same amount, the same claim
        if k in holders and subject in listed:
            subject = ""  # 东乡、西乡、南乡分别有240户: 南乡 is a holder, the measure is named before
        after = figures[k - 1][0] + len(figures[k - 1][1].text) if k else doc.sentence_bounds(at)[0]
        shared = previous is not None and previous.subject and previous.unit == f.unit
        place = _listed_place(s, at, subject, after) if shared else ""
        if place:
            subject, holder = "", place  # …、莫力达瓦旗1例: a place the lexicon lacks, not 瓦旗 counted
        elif place := _listed_place(s, at, holder, after):
            holder = place  # …，乌兰察布市3例: the whole item, not 布市
        if not subject and previous is not None and (previous.kind != "age" or f.kind == "age"):
            subject = previous.subject  # (only an age an age's: 42岁的孔庆河…下岗已有两年多, 最小17岁；贵阳市1例)
        elif subject in _STOCK_FLOW:
            # 新增死亡63例，累计354例: 死亡; with no figure of its kind before it to say
            # what is new or counted in all (江西新增52例，累计600例), it names nothing
            subject = (_flow_of(subject, last_of_kind[f.kind].subject) if f.kind in last_of_kind
                       else _named_ahead(s, at + len(f.text), subject, f.unit or ""))
            subject = "" if subject in _STOCK_FLOW else subject
        if (subject, holder) != (f.subject, f.holder):
            f = replace(f, subject=subject, holder=holder)
        out.append(f)
        last_of_kind[f.kind] = f
        if not _predicate_after(s, at + len(f.text), f.subject):
            previous = f  # (…满洲里市1例已痊愈出院、牙克石市1例: the next is a case, not one recovered)
    return out


def _predicate_after(s: str, end: int, subject: str) -> bool:
    """Whether `subject` is what the figure ending at `end` does, said after it past an
    adverb (300人正在接受医学观察, 1例已痊愈出院): true of that figure alone."""
    i = _ADVERB_RUN.match(s, end).end()  # type: ignore[union-attr]  # (…)* always matches
    return bool(subject) and i > end and s.startswith(subject, i)


def _whole_before(figures: list, earlier: list | tuple):
    """The figure whose parts a sentence that opens with 其中 lists, from the sentence
    before it (…确诊病例188例。其中，广州市51例、深圳市49例): the first there of the
    same unit, if the two are close; else None."""
    if not figures or not earlier:
        return None
    first = figures[0][1]
    if not first.sentence.lstrip(_BLANK).startswith(_PARTS_OPEN) or first.start - earlier[-1].end > _WHOLE_BACK:
        return None
    return next((e for e in earlier if e.unit == first.unit and e.subject), None)


def _named_ahead(s: str, at: int, word: str, unit: str) -> str:
    """The measure a lone 新增 or 累计 with no figure of its kind before it stands for,
    where the text names it further on: 辽宁新增1例，累计95例（headline）…新增确诊病例1例,
    累计确诊病例95例 → 新增确诊病例, 累计确诊病例; else "" (it names nothing)."""
    stop = min(len(s), at + _AHEAD)
    found = s.find(word, at, stop)
    while found >= 0:
        after, found = found + len(word), s.find(word, found + len(word), stop)
        chunk = _UP_TO_MARK.match(s, after, after + _AFTER_MAX + 10).group()  # type: ignore[union-attr]  # always matches
        number = _DIGITS.match(s, after + len(chunk))
        if not number or not s.startswith(unit, number.end()):
            continue  # no figure of it there, or of another unit (新增密切接触者45人)
        if not chunk:  # 新增1例输入性新型冠状病毒感染的肺炎确诊病例: the measure after the figure
            rest = _UP_TO_MARK.match(s, number.end() + len(unit), number.end() + len(unit) + _AFTER_MAX * 2).group()  # type: ignore[union-attr]  # always matches
            chunk = next((w for w in _WHOLE_MEASURES if w in rest), "")
        measure, _ = split(chunk)
        if len(measure) >= 2 and measure not in _STOCK_FLOW:
            return measure if measure.startswith(word) else word + measure
    return ""


def _flow_of(word: str, measure: str) -> str:
    """For a figure whose measure is a lone 新增 or 累计, the measure of the figure before
    it less its own 新增 or 累计 (新增死亡 → 死亡, 新冠肺炎确诊病例 as it is); else `word`."""
    rest = measure[2:] if measure[:2] in _STOCK_FLOW else measure
    return rest if len(rest) >= 2 and rest not in _STOCK_FLOW else word


def _share_forward(s: str, figures: list) -> list:
    """A figure with no subject written right before another (2.7英寸23万像素显示屏) measures
    the noun after that one: both describe it."""
    out = figures
    for k in range(len(out) - 2, -1, -1):
        at, f = out[k]
        if f.subject:
            continue
        nxt_at, nxt = out[k + 1]
        if nxt.subject and not s[at + len(f.text):nxt_at].strip() \
                and nxt.text[:1] in _NUMBER_CHARS \
                and (nxt.unit not in _CLASSIFIERS or f.unit in _CLASSIFIERS):
            # not 10000米四个项目, nor 23分9个篮板 (a count of its own after a measure);
            # but 24类108项544个民政业务, counts of one noun
            if out is figures:
                out = list(figures)
            out[k] = (at, replace(f, subject=nxt.subject))
    return out


def _distributed(s: str, figures: list) -> dict[int, str]:
    """For figures listed after 分别, the holders listed before it, by figure index."""
    found: dict[int, str] = {}
    k = 0
    while k < len(figures):
        at, f = figures[k]
        p = s.rfind("分别", max(0, at - 6), at)
        if p < 0:
            k += 1
            continue
        run = [k]  # the figures listed after 分别: 1.8倍、2.5倍、1.1倍
        while run[-1] + 1 < len(figures):
            prev_end = figures[run[-1]][0] + len(figures[run[-1]][1].text)
            nxt = figures[run[-1] + 1][0]
            if s[prev_end:nxt] not in _LIST_SEPARATORS:
                break
            run.append(run[-1] + 1)
        clause = s[_UP_TO_LIST_CLAUSE.match(s, max(0, p - 60), p).end():p]  # type: ignore[union-attr]  # always matches
        listed = clause[:clause.rfind("的")] if "的" in clause else clause
        items = [x for x in _LIST_ITEM.split(listed) if x]
        if items and items[0][:1] in _CLAUSE_OPENERS:
            items[0] = items[0][1:]  # 而欧盟和美国的平均关税分别为: 而 opens the clause
        if len(run) > 1 and len(items) == len(run) and all(len(x) <= _LONGEST_ITEM for x in items):
            found.update(zip(run, items))
        k = run[-1] + 1
    return found


def holder_before(doc, start: int) -> str:
    """The name the text gives as the topic before the figure: the first clause of its
    sentence that starts with a name (其中长春市…, 全省累计…), else that of the nearest
    sentence before it in the same paragraph, up to `_PARAGRAPH_BACK` characters back,
    else that of a paragraph above (`_topic_above`).
    """
    return _holder_before(doc, start)[0]


def _holder_before(doc, start: int) -> tuple[str, bool]:
    """`holder_before`, and whether the name is the topic of a paragraph above."""
    s = doc.plain
    a, b = doc.sentence_bounds(start)
    semi = s.rfind("；", a, start)
    if semi >= 0:  # …；县图书馆还组建了…，已展销图书1万多册: a part after a semicolon has its own topic
        at, name = _first_topic(s[semi + 1:b])
        if name and at < start - semi - 1:
            return name, False
    name = _nearest_topic(s[a:b], start - a)
    if name:
        return name, False
    return _earlier_topic(doc, a)


def _nearest_topic(sentence: str, at: int) -> str:
    """The topic of the figure's own clause, at `at` in `sentence`, where it starts with a
    name (湖人队以112比104战胜马刺，科比全场砍下38分 → 科比); else the sentence's first
    topic before it (辽宁省新增12例，其中沈阳市2例，累计38例 → 辽宁省)."""
    first = ""
    for clause, where, topic in _sentence_topics(sentence):
        if clause >= at or where >= at:
            break
        if _CLAUSE_MARK.search(sentence, where, at) is None:
            return topic
        first = first or topic
    return first


def _earlier_topic(doc, a: int) -> tuple[str, bool]:
    """The topic of the nearest sentence before the one starting at `a`, in its paragraph,
    else that of the paragraphs above (`_topic_above`; then True); the same for every
    figure of a sentence, so it is found once (for the last text read)."""
    s = doc.plain
    if _EARLIER[0] is not s:
        _EARLIER[:] = [s, {}]
    cache = _EARLIER[1]
    found = cache.get(a)
    if found is not None:
        return found
    name, b0 = "", a
    named = False  # the paragraph names a topic (or a part) before the figure's sentence
    paragraph = _with_headline(s, s.rfind("\n", 0, a) + 1)
    for _ in range(_SENTENCES_BACK):
        if a <= paragraph or b0 - a >= _PARAGRAPH_BACK:
            break
        b = a
        a = max(doc.sentence_bounds(b - 1)[0], paragraph)
        at, name = _first_topic(s[a:b])
        named = named or bool(name)
        if name and _is_part(s, a, a + at, len(name)):
            name = ""  # 确诊病例中，三亚市2例…: a part's name, not the topic of what follows
        if name in _PERSON_PRONOUNS:
            name = ""  # 他…: who he is was said further back; a pronoun carried on is too loose
        if word_class(name) in _NOT_CARRIED or name and _product(name) == name:
            name = ""  # 证监会公布，… 外汇局陆续…: a body or a person the lexicon knows acts, a product
            # is described (奥林巴斯FE-26…。机身大小尺寸是96mm): its figures are its own sentence's
            break
        if name:
            break
    found = name, False
    if not named and a <= paragraph and paragraph == s.rfind("\n", 0, b0) + 1:
        name = _topic_above(doc, paragraph, b0)
        found = name, bool(name)
    cache[b0] = found
    return found


def _topic_above(doc, paragraph: int, sentence_start: int) -> str:
    """The topic of the paragraph above, for a figure whose own paragraph names none up
    to the figure's sentence (`sentence_start`) and in it (a county named in the lead
    paragraph, its figures in the next): the place or organisation named at the start
    of that paragraph's lead sentence, as the whole of its noun (锦州港驻港口办事处强化…,
    截至目前，望京新兴产业区已有…), else "".

    Precision first, so none when either paragraph opens with a quote or a pronoun (what
    a person says or does), when the one above is a headline or byline (another story
    starts), when its name follows a speaker (冉家平说，近年来，电商党委…) or a part.
    It reads at most `TOPIC_BACK` characters of the input before the figure's sentence,
    so that a stream, which gives every piece at least that much context before it
    (`figs.stream.CONTEXT`), reads the same.
    """
    s = doc.plain
    sentence_end = doc.sentence_bounds(sentence_start)[1]
    own = s[sentence_start:sentence_end]
    first_line = s[paragraph:s.find("\n", paragraph) % (len(s) + 1)].strip()
    own_at, own_topic = _first_topic(own)
    if own_topic and _is_part(s, sentence_start, sentence_start + own_at, len(own_topic)):
        own_topic = ""  # 新增疑似病例38例，其中：阜阳9例: a part, not what the paragraph is about
    if own_topic or _opens_with_a_person(s, paragraph) or _is_headline(first_line) \
            or _DATELINE.match(first_line) or _quotes(s, paragraph, sentence_end):
        return ""  # its own topic; a headline's figure (附图片１张); a new story (本报讯…); words said
    if _opens_with_its_subject(s[paragraph:doc.sentence_bounds(paragraph)[1]]):
        return ""  # 《条例》共分…, 邵逸夫此次…: the paragraph says what it is about
    end = paragraph - 1  # the line break that ends the paragraph above
    for _ in range(_PARAGRAPHS_BACK):
        while end > 0 and s[end - 1] in _BLANK:
            end -= 1
        start = s.rfind("\n", 0, end) + 1
        if end <= 0 or doc.original(start) <= doc.original(sentence_start) - TOPIC_BACK:
            return ""  # none, or it starts further back than a stream's piece is sure to hold
        line = s[start:end].strip()
        if _is_headline(line) or _opens_with_a_person(s, start):
            return ""  # a headline, a byline or a caption: what is above it is another story
        lead = s[start:min(doc.sentence_bounds(start)[1], end)]
        at, name = _first_topic(lead)
        if name:
            return _carried(s, doc.scan, start, lead, at, name)
        end = start - 1
    return ""


def _carried(s: str, scan: str, start: int, lead: str, at: int, name: str) -> str:
    """`name`, the topic at `at` of the lead sentence `lead` of the paragraph starting at
    `start`, if it is a place's or an organisation's that its paragraph is about; else ""."""
    if _is_part(s, start, start + at, len(name)):
        return ""  # 其中…
    dateline = _DATELINE.match(lead)
    clause = max(lead.rfind(c, 0, at) for c in "，,；;：:")
    a = start + (dateline.end() if dateline else 0)
    for m in _CLAUSE_MARK.finditer(scan, a, start + clause + 1):
        if m.start() - a > _TIME_CLAUSE or next(time_words(scan, a, m.start()), None) is None:
            return ""  # 冉家平说，近年来，电商党委…, 声明重申，阿盟…: only a time may come first (截至目前，)
        a = m.end()
    if word_class(name) not in PLACE_OR_ORG or name in _AGENCIES:
        return ""  # a person's, two names run together (吉林陕西), one the lexicon lacks, a news agency
    if at and lead[at - 1] in _PLACE_OF_EVENT:
        return ""  # 在中信宁波国际大酒店，检查人员…, 据俄通社…报道: where, or who says, not whose
    rest = lead[at + len(name):at + len(name) + 6]
    if rest[:1] in _LIST_ITEM_AFTER:
        return ""  # 北京市技术监督局、朝阳区…: one of several; 意志坚强的她: what describes the topic
    if rest and rest[0] not in _CLAUSE_MARKS and first_word(rest)[1] not in _TOPIC_FOLLOWS:
        return ""  # 长春王府井赛特奥莱某品牌…, 海关关员: the name is part of a longer noun
    return name


def _is_headline(line: str) -> bool:
    """Whether a line (stripped) is a headline, a byline or a caption: very short, or
    short and with no mark that ends a sentence."""
    return len(line) <= _SHORT_LINE or len(line) <= _HEADLINE and line[-1] not in _SENTENCE_ENDS


def _opens_with_its_subject(lead: str) -> bool:
    """Whether the sentence `lead`, past a dateline, times and adverbs, opens with a
    work's title or a person's name (《条例》共分…, 邵逸夫此次…), or its first clause
    names a body or place after 的 (此次投产的渤西油田一期工程，由…): what it is about."""
    dateline = _DATELINE.match(lead)
    at = dateline.end() if dateline else 0
    first = _CLAUSE_MARK.search(lead, at)
    de = lead.rfind("的", at, first.start() if first else len(lead))
    if de >= 0:
        named = words(lead[de + 1:first.start() if first else len(lead)][:_TOPIC_WINDOW])
        if any(cls in PLACE_OR_ORG for _, cls in named) and named[-1][0].endswith(_BODIES):
            return True
    for _ in range(_TOPIC_CLAUSES):
        clause = lead[at:at + _TOPIC_WINDOW]
        k = 0
        w, cls = first_word(clause)
        while cls in _BEFORE_TOPIC and w not in _OBJECT_MARKERS and w[:1] not in _TITLE_MARKS \
                and k + len(w) < len(clause):
            k += len(w)
            w, cls = first_word(clause[k:])
        if cls != "mark" or w not in "，,":
            return w[:1] in _TITLE_MARKS or cls == "person" or bool(_person_name(clause[k:]))
        at += k + len(w)  # 截至目前，…: a clause of a time alone
    return False


def _quotes(s: str, a: int, b: int) -> bool:
    """Whether s[a:b] quotes what someone says (王学贤说：“我…: a quotation after a colon,
    longer than a quoted term), or starts by closing a quotation."""
    if s[a:a + 1] in _CLOSERS:
        return True
    for mark, close in _QUOTE_OPEN.items():
        i = s.find(mark, a, b)
        while i >= 0:
            if i > a and s[i - 1] in "：:" and close not in s[i + 1:i + 2 + _TERM]:
                return True
            i = s.find(mark, i + 1, b)
    return False


def _opens_with_a_person(s: str, paragraph: int) -> bool:
    """Whether the paragraph starting at `paragraph` opens with a quote or a pronoun."""
    head = s[paragraph:paragraph + _TERM + 2].lstrip(_BLANK)
    if not head:
        return True
    if head[0] in _QUOTE_OPEN:
        return _QUOTE_OPEN[head[0]] not in head[1:]  # “组织联建”助推…: a quoted term, not words said
    if head[0] in _CLOSERS:
        return True  # ”一番话说得…: the end of a quotation
    return first_word(head[:4])[0] in _PRONOUNS


def _with_headline(s: str, paragraph: int) -> int:
    """Where the paragraph starting at `paragraph` starts with the headline right above
    it: a short line that ends in no full stop (武汉16日新增4例… over 治愈出院3例，…) is
    read with the paragraph it heads.  (Such a line is never where a stream is cut,
    `figs.stream`, so a piece holds both.)"""
    if paragraph < 2:
        return paragraph
    start = s.rfind("\n", 0, paragraph - 1) + 1
    line = s[start:paragraph - 1].strip()
    if line and len(line) <= _HEADLINE and line[-1] not in _SENTENCE_ENDS:
        return start
    return paragraph


# A news agency's dateline: the agency, a place, a date, 电 or 讯, and a reporter's byline.
_DATELINE = re.compile(
    "(?:{agencies})[^，,。]{{0,10}}?(?:[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日)?(?:电|讯)"
    "(?:[（(]?记者[^，,。：:）)]{{1,12}}(?:报道)?[）)：:，,]?)?".format(agencies=alternation(group("news_agency"))))
_HEADLINE = 60
_SENTENCE_ENDS = frozenset("。！？!?…；;：:”’」』）)")

# The text `_earlier_topic` last read, and its answers by sentence start.
_EARLIER: list = [None, {}]

@lru_cache(maxsize=4096)
def _first_topic(sentence: str) -> tuple[int, str]:
    """Where the first clause of `sentence` that starts with a name starts, and the name.

    A clause starts after a clause mark; time words, adverbs and prepositions before
    the name are passed over (截至2月25日24时，全省累计… → 全省; 其中沈阳市2例 → 沈阳市).

    >>> _first_topic("31日10时30分至23时30分，辽宁省新增12例，其中沈阳市2例")
    (17, '辽宁省')
    """
    return next(((where, name) for _, where, name in _topics(sentence, _TOPIC_CLAUSES)), (-1, ""))


@lru_cache(maxsize=256)
def _sentence_topics(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """`_topics` of the first `_CLAUSES_BACK` clauses: found once for every figure of
    the sentence."""
    return tuple(_topics(sentence, _CLAUSES_BACK))


def _topics(sentence: str, clauses: int) -> Iterator[tuple[int, int, str]]:
    """The topic of each of the first `clauses` clauses of `sentence` that starts with a
    name (`_first_topic`), in order, as (where the clause starts, where the name is,
    the name)."""
    dateline = _DATELINE.match(sentence)
    at = dateline.end() if dateline else 0  # 新华社北京1月13日电…: who reports it, not whose it is
    n = len(sentence)
    for _ in range(clauses):
        if at >= n:
            break
        head = _TOPIC_HEAD.match(sentence, at).end()  # type: ignore[union-attr]  # always matches
        mark = _CLAUSE_MARK.search(sentence, head)
        stop = mark.start() if mark else n
        where, name = _clause_topic(sentence, at, head, stop, mark is not None)
        if name:
            yield at, where, name
        at = stop + 1


def _clause_topic(sentence: str, at: int, head: int, stop: int, marked: bool) -> tuple[int, str]:
    """The name the clause sentence[at:stop] starts with, past times, adverbs and
    prepositions (from `head`, past figures of time), and where it is; (-1, "") where
    it starts with none (`_first_topic`).  `marked`: a clause mark ends the clause."""
    if sentence.startswith(_WHEN_OPEN, head) and sentence.endswith(_WHEN_CLOSE, head, stop):
        return -1, ""  # 当他们来到…时，张晓伟才想起: a clause of time, whoever it names
    if marked and _said_by(sentence, head, stop) and sentence[stop + 1:stop + 2] not in _ANAPHORS:
        return -1, ""  # 普雷钦研究公司估计，…, 据研究主任李汇丰表示，…: who says it, not whose it is
        # (but 据社区党委书记张晓悦介绍，该小区共有…: 该 points back to the speaker's body)
    if head > at and (sentence[head - 1] in _NUMBER_CHARS or first_word(sentence[head - 1:head + 3])[0] in _UNITS_NOT_DATES) \
            and sentence[head:head + 1] not in _CLAUSE_MARKS:
        return -1, ""  # 640万英亩…, ５分钟后…: a clause that starts with a figure starts with no name
    if stop - head >= 2:
        window = sentence[head:min(stop, head + _TOPIC_WINDOW)]
        # Most clauses start with no name: the first words say so without cutting
        # the whole window (a time word, an adverb, then a noun or a verb).
        k = 0
        w, cls = first_word(window)
        reported = False
        while cls in _BEFORE_TOPIC and w not in _OBJECT_MARKERS and w not in _TITLE_MARKS \
                and not _latin_name(w, cls) and k + len(w) < len(window):
            if w in _POINTERS:
                pointed = words(window[k + len(w):])
                if len(pointed) >= 2 and pointed[0][1] == "noun" and pointed[0][0].endswith(_BODIES) \
                        and pointed[1][1] not in _NOUNS:
                    return head + k, w + pointed[0][0]  # 这个国家吸收的…, 这家公司的: the body named before
            reported = reported or w in _REPORTED_BY
            k += len(w)
            w, cls = first_word(window[k:])
        if reported and _REPORT.search(sentence, head, stop):
            return -1, ""  # 据牛津经济学院的分析，…, 据国家统计局数据，…: who reports the figures, not whose they are
        if _latin_name(w, cls) and not reported and "\u4e00" <= window[k + len(w):k + len(w) + 1] <= "\u9fff":
            return head + k, w  # AInnovation有不到30个标记员 (not China Stringer Network: a credit)
        if w in _TITLE_MARKS:
            close = sentence.find("》", head + k + 1, head + k + 2 + _TITLE_MAX)
            if close > head + k + 2 and not reported:
                return head + k, sentence[head + k + 1:close]  # 《简明版》条目从…: the work is whose
            return -1, ""
        after_digit = head and sentence[head - 1] in _NUMBER_CHARS and not k
        product = _product(window[k:]) if not after_digit else ""
        if product:
            return sentence.find(product, head), product  # 尼康S570延续了…
        joined = _joined_at(sentence, head + k, w) if cls in _FIRST_PIECES and not after_digit else ""
        if joined:
            return (-1, "") if _speaks(sentence, head + k + len(joined)) else (head + k, joined)  # 贝拉克·奥巴马(Barack Obama)总统…
        person = _person_name(window[k:]) if (cls == "char" or w[:2] in _SURNAMES) and not after_digit else ""
        if person:
            at_person = sentence.find(person, head)
            if _speaks(sentence, at_person + len(person)):
                return -1, ""  # 骆丹说，…: whose words they are, not whose figures
            return at_person, person  # 骆丹被选派到…, 韩济生带领…
        if cls in ENTITY or cls in ("noun", "char") and could_name(window[k:]):
            for w, cls in words(window[k:]):
                if cls in ENTITY:
                    at_name = sentence.find(w, head)
                    person = _person_after_title(sentence, at_name + len(w))
                    if person:
                        at_person = sentence.find(person, at_name)
                        if _speaks(sentence, at_person + len(person)):
                            break  # 外经贸委主任徐德志说，…: a speaker
                        return at_person, person  # 科研处处长蔡德存教授
                    if w in _PERSON_PRONOUNS and (_speaks(sentence, at_name + len(w))
                                                  or _in_quotation(sentence, at_name)):
                        break  # 他说，…, “我们先后组织…: whose words they are, not whose figures
                    return at_name, w
                if cls not in _BEFORE_TOPIC or w in _OBJECT_MARKERS:
                    break
    return -1, ""


def _said_by(sentence: str, a: int, b: int) -> bool:
    """Whether the clause sentence[a:b] ends in a verb of saying (说, 表示, 估计 …:
    data/claims.tsv, speech): it names who reports what follows, whose figures are
    another's."""
    tail = sentence[max(a, b - 2):b]
    return tail in _SPEECH or tail[-1:] in _SPEECH


def _in_quotation(sentence: str, at: int) -> bool:
    """Whether `at` is inside a quotation that opens before it in `sentence`."""
    return any(sentence.count(mark, 0, at) > sentence.count(close, 0, at)
               for mark, close in _QUOTE_OPEN.items() if mark != close)


def _latin_name(w: str, cls: str) -> bool:
    """Whether a word in Latin letters is a name (AInnovation, Apple): three letters or
    more, some of them small; not an abbreviation of a measure (GDP, CPI) or a unit."""
    return cls == "latin" and len(w) >= 3 and w.isalpha() and not w.isupper() and not w.islower()


def _speaks(sentence: str, at: int) -> bool:
    """Whether the words at `at`, after a person's name (and a title), say that the
    person speaks: 说, 表示, 介绍 … (data/claims.tsv, speech)."""
    w = first_word(sentence[at:at + 6])[0]
    if w in _TITLES:
        at += len(w)
        w = first_word(sentence[at:at + 6])[0]
    return w in _SPEECH


def _person_after_title(sentence: str, at: int) -> str:
    """The name after a post that follows an organisation's name at `at`: its holder
    is the clause's topic (科研处处长蔡德存教授 → 蔡德存, 公司总经理张田女士 → 张田)."""
    if sentence[at:at + 1] not in _JOB_TITLE_STARTS:
        return ""  # the commonest case, without cutting a word
    title = first_word(sentence[at:at + 6])[0]
    if title not in _JOB_TITLES:
        return ""
    rest = sentence[at + len(title):at + len(title) + 8]
    w, cls = first_word(rest)
    return w if cls == "person" else _person_name(rest)


def _product(text: str) -> str:
    """The product `text` starts with: a brand and its model (尼康S570, 松下LX3, 佳能 7D,
    奥林巴斯FE4000) or a model alone of two letters or more and a digit (EOS 7D); else "".
    The brand is a word or two of nouns, names or characters the lexicon lacks."""
    m = _PRODUCT.match(text)
    if not m or not m.group(1) and len(m.group(2)) < 2 or m.group(0)[-1] in _NUMBER_CHARS and not m.group(2):
        return ""  # a model alone needs two letters (Q3 is a quarter); 7D needs its letter
    brand = m.group(1)
    if brand:
        ws = words(brand)
        if any(cls not in _BRAND_CLASSES for _, cls in ws):
            return ""  # 增长5G: a verb is no brand
        if brand[0] in _SURNAMES and all(cls == "char" for _, cls in ws):
            return ""  # 作者：陈亮LX3GK: a person's name the lexicon lacks, before the product
    return m.group(0).rstrip(" -")


def _aged_person(text: str) -> str:
    """After an age and 的, a surname and two characters before a verb, a function word
    or a mark are a person's name even where the lexicon has its first two as a word
    (22岁的金志妍是…: 金志); else "".  Only there: elsewhere 房子收 is no name."""
    if text[:1] not in _SURNAMES or len(first_word(text)[0]) != 2 or len(text) < 3:
        return ""
    if first_word(text[2:])[1] != "char":
        return ""
    rest = text[3:]
    return text[:3] if not rest or rest[0] in _CLAUSE_MARKS or first_word(rest)[1] in ("verb", "function") else ""


def _person_name(text: str) -> str:
    """The person's name `text` starts with, where the lexicon knows no such word: a
    surname, then one or two characters it has no word for, then a verb, a function
    word or the end (骆丹被选派, 韩济生带领; 杨先生 with a title); else "".

    >>> _person_name("骆丹用了近一年"), _person_name("姜超搞块试验田"), _person_name("杨先生说")
    ('骆丹', '姜超', '杨先生')
    """
    n = 2 if text[:2] in _SURNAMES else 1 if text[:1] in _SURNAMES else 0
    if not n or n == 1 and len(first_word(text)[0]) > 1:  # 黄金价格: a word, not a name
        return ""
    ws = words(text[n:n + 8])
    if ws and ws[0][0] in _PERSON_TITLES:
        return text[:n] + ws[0][0]
    given = ""
    for w, cls in ws[:2]:
        if cls != "char" or w in _NAME_ENDS:
            break
        given += w
    rest = text[n + len(given):]
    after = first_word(rest) if rest else ("", "")
    if not given or rest and rest[0] not in _CLAUSE_MARKS and rest[0] not in _NAME_ENDS \
            and after[1] not in ("verb", "function", "time") and after[0] not in _TITLES:
        return ""  # 许多朋友: a name is followed by what its person does, not by a noun
    return text[:n] + given


def subject(s: str, start: int, end: int, kind: str) -> tuple[str, str]:
    """What the figure counts or measures, as the article names it.

    After the figure when a noun follows it (35名骑手, 10公里的区域, 25%的股份) or
    when a verb leads into it (共有48栋楼); else the words before it in its clause,
    less verbs (配送网点15个, 总成交额达到18.5万元).  What changed stands before
    a verb of change (营业额同比提升近10%); a share stands before 占 (桐油产量占
    世界总产量的90%).  A subject is never one character: "" lets the figure share
    the subject of the one before it.

    Returns the subject and the holder named right before it (特斯拉的股价, 辽宁新增),
    or "" for the holder.
    """
    before, holder, verb, from_a_figure = _subject_before(s, start, kind)
    if not before and verb in _STOCK_FLOW:
        before = verb  # 辽宁新增1例: 新增 is all the text says it counts
    if not before and kind == "count" and s[end:end + 1] in _HAVING and (not start or s[start - 1] in _CLAUSE_MARKS):
        had = _UP_TO_MARK.match(s, end + (s[end] == "有"), end + 1 + _HAD_MAX).group()  # type: ignore[union-attr]  # always matches
        if 2 <= len(had) <= _HAD_MAX and _WORDLIKE.fullmatch(had):
            return had, holder  # ，110例有湖北旅行史，3例无湖北接触史: those who have what follows
    listed = _LIST_TAIL.match(s, end)  # 240人、208人和80人的先锋队
    after = _subject_after(s, listed.end() - 1 if listed else end, kind)
    if verb in _CHANGE_WORDS and len(before) > 2:
        before = _without_a_leading_verb(before)  # 干旱致使收成减少了四成: 收成
    if before in _PRONOUNS or before in _ADVERBS and verb in _CHANGE_WORDS:
        before = ""  # 他们有…; 实际增长5.8%: an adverb of the change, not what changed
    if after in _PRONOUNS:
        after = ""
    if kind == "count" and not before and after and s.startswith(_IS_AFTER, end) and _opens_its_clause(s, start) \
            and len(_UP_TO_MARK.match(s, end + 1, end + 1 + _AFTER_MAX + 6).group()) > len(after):  # type: ignore[union-attr]  # always matches
        # 新增确诊病例8例，其中1例为外地来沪人员: the words after 为 say what the part is, and
        # are more than a noun (外地 + 来沪人员); it counts what the whole does
        after = ""
    follows_de = s.startswith("的", end) or listed is not None
    if follows_de and not after and len(before) >= 2 and words(before)[-1][1] == "verb":
        after = _nominal_after(s, end + 1)  # 对轮胎处以35%的处罚；: what is imposed, a verb as a noun
    named = word_class(after) if after else None
    if follows_de and kind == "age" and after and named != "person":
        name = _aged_person(s[end + 1:end + 1 + _TERM])
        if name.startswith(after) and len(name) > len(after):
            after, named = name, "person"  # 22岁的金志妍: the whole name (the lexicon knows 金志)
    if follows_de and (named == "person" or kind == "age" and after and named is None
                       and _person_name(s[end + 1:end + 1 + _TERM]) == after):
        if kind == "age":
            # an age is the measure of the person described (CLAIMS.md): a word for the
            # person before it (14岁男孩小葛: 男孩, and the name is whose age it is), else
            # the person named after it (46岁的孟晚舟)
            before = before if before in _PERSON_WORDS else ""
            if before:
                holder, after = holder or after, ""
        else:
            holder, after = holder or after, ""  # ２０万元的李某: whose figure it is, not what it counts
    elif follows_de and named in PLACE_OR_ORG and len(before) >= 2 and words(before)[-1][1] == "noun":
        holder, after = holder or after, ""  # 楼高81层的深圳帝王大厦: the measure before, of the name after
    elif named == "place" and first_word(s[end + len(after):end + len(after) + 4])[0] in _STOCK_FLOW:
        after = ""  # 52例湖北新增…: the next clause's topic (not 七个大中城市进行…)
    if verb in _CHANGE_WORDS or verb == "占" or from_a_figure:
        order = (before, after)  # what changed, or the part that has the share
    elif kind == "duration" and s.startswith(_SINCE, end):
        order = (after, before)  # 10年来持续读好书: what was done over those years
    elif kind == "duration":
        order = (after, before) if follows_de else (before, after)  # 3小时的直播时间; 闭店61天
    elif kind in ("percent", "ratio") and before.endswith(_RATE_ENDINGS):
        order = (before, after)  # 纯度99.99%的金块
    elif len(before) >= 2 and s.startswith(_IS_AFTER, end):
        order = (before, after)  # 新增确诊病例1例为大兴安岭地区确诊病例: what the figure counts, then what it is
    elif follows_de and len(before) >= 2 and verb in _ATTRIBUTE_VERBS and words(before)[-1][0] not in _OBJECT_VERBS:
        order = (before, after)  # 有效像素高达1200万的CCD传感器: the attribute, of the thing after 的
        # (not 对钢材征收高达30%的关税: what the verb levies, 关税; but 失血达３０００毫升的吴宏权)
    elif after and (verb or len(after) >= 2 or kind in ("percent", "ratio")):
        order = (after, before)
    else:
        order = (before, after)
    if verb and len(after) == 1 and after not in _SIZES and _UP_TO_CLAUSE.match(s, end + 1, end + 2):
        return after, holder  # 共有48栋楼，: a one-character noun, closed by punctuation
    first, second = order
    measure = first if len(first) >= 2 else second if len(second) >= 2 else ""
    if not holder and measure == after and before and verb:
        per = next((p for p in PER_WORDS if s.endswith(p + before + verb, 0, start)), "")
        if per:
            holder = per + before  # 每趟列车共有417个座位: each train has them, and it is whose
    if measure.endswith(_WHOLE_MEASURES) and measure not in _WHOLE_MEASURES:
        measure = _whole_measure(measure, list(words(measure)))  # 1例…肺炎确诊病例: after the figure too
    return measure, holder


def _nominal_after(s: str, at: int) -> str:
    """The one word at `at` that closes its clause, where the lexicon calls it a verb or
    something else (处以35%的处罚；, 设定了90天的窗口。): a verb's object, named as a
    noun; else ""."""
    w = first_word(s[at:at + _TERM])[0]
    closed = at + len(w) == len(s) or s[at + len(w)] in _CLAUSE_MARKS
    return w if len(w) >= 2 and closed and word_class(w) in _NOMINAL else ""  # (not a name: 的吴宏权)


def _describes_a_kind(text: str) -> bool:
    """Whether `text`, between a figure and 的, only says what kind the noun after 的
    is: a modifier and a noun of kind (同类型, 不同档次, 各种规格: claims.tsv kind_noun)."""
    return any(text.endswith(k) and text[:-len(k)] in _KIND_MODIFIERS for k in _KIND_NOUNS)


def _opens_its_clause(s: str, start: int) -> bool:
    """Whether the figure at `start` opens its clause, but for the adverbs and leads
    before it (，其中1例为…, ，7例为…)."""
    a = max(s.rfind(c, max(0, start - _TERM), start) for c in _CLAUSE_MARKS)
    if a < 0:
        return False
    head = s[a + 1:start].strip()
    return not head or head in _LEADS or head in _ADVERBS


def _without_a_leading_verb(measure: str) -> str:
    """What changed, less a causative verb before it (致使 + 收成, 导致 + 价格,
    data/claims.tsv: causative): the cause's, not part of the measure.  Other verbs
    may qualify the noun (覆盖人口数, 新增病例) and stay."""
    for verb in _CAUSATIVES:
        if measure.startswith(verb) and len(measure) - len(verb) >= 2:
            return measure[len(verb):]
    return measure


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
    if s.startswith(_IS_AFTER, i) and not s.startswith(("为了", "是否"), i):
        i += 1
    if i < len(s) and s[i] in _QUOTE_OPEN:
        close = s.find(_QUOTE_OPEN[s[i]], i + 1, i + 12)
        if close > i + 1:
            inside = s[i + 1:close]
            follows = s[close + 1:close + 1 + _SUBJECT_MAX]
            tail = _HAN_RUN.match(follows)
            return tail.group(0)[:_SUBJECT_MAX] if tail and len(tail.group(0)) >= 2 else inside
    m = _AFTER_WORD.match(s, i)
    raw = _UP_TO_MARK.match(s, i, i + _AFTER_MAX + 6).group()  # type: ignore[union-attr]  # always matches
    word = _leading_noun(raw, kind == "duration", kind == "count") if m else ""
    de = _UP_TO_CLAUSE_END.match(s, i, i + 10).group().find("的") if "的" in s[i:i + 10] else -1  # type: ignore[union-attr]  # always matches
    if m and de > 0 and (len(_leading_noun(s[i:i + de])) < 2 or _describes_a_kind(s[i:i + de])):
        word = _leading_noun(_UP_TO_MARK.match(s, i + de + 1, i + de + 1 + _AFTER_MAX).group())  # type: ignore[union-attr]  # always matches; 六个需“管控”的经济选题
    if kind == "count" and len(word) >= 2 and raw.startswith(word) and raw[len(word):len(word) + 1] in _AND:
        rest = raw[len(word) + 1:]
        second = _leading_noun(rest)
        tail = s[i + len(word) + 1 + len(second):i + len(word) + 2 + len(second)]
        if len(second) >= 2 and tail in _AND_ENDS and second[0] not in _QUANTITY_CHARS:  # not 和其他细菌
            word = raw[:len(word) + 1 + len(second)]  # 125个国家和地区的: both are counted
    changed = list(_CHANGE.finditer(word))
    if changed and i > end and s[i - 1] == "的" and changed[-1].start() >= 2:
        word = word[: changed[-1].start()]  # 价值2000亿美元的商品提高了关税: 商品
    elif changed or word.startswith(_ENDS_A_COUNT):
        return ""  # 5000万元迅速增长到, 5例共计42例: what follows is what happened
    verb = _VERB_AFTER.search(word)
    if verb:
        word = word[:verb.start()]  # 百余名快递小哥参加活动: 快递小哥
    return word if _WORDLIKE.fullmatch(word) else ""

def _subject_before(s: str, start: int, kind: str = "") -> tuple[str, str, str, bool]:
    """The words before the figure that name it, whose figure they say it is, the verb
    that led into it, and whether the clause goes from one figure to another (从A到B:
    从最初的20亩增加到230亩)."""
    chunk = s[max(0, start - 40):start].rstrip(" ")
    label = _LABEL.search(chunk) if chunk.rstrip().endswith(_LABEL_ENDS) else None
    if label:  # 【参考售价】：3690元, 数据：26分
        return (label.group(1) or label.group(2))[-_SUBJECT_MAX:], "", "", False
    listed = _listed_measure(chunk) if chunk.endswith(_ETC) else ""
    m = _UP_TO_CLAUSE.match(chunk)
    if m:
        if m.end() and chunk[m.end() - 1] in _BRACKETS and chunk.startswith(_PART_LEADS, m.end()):
            chunk = chunk[m.end() + 1:]  # 累计确诊病例756例(含重症病例7例: 含 says it is a part
        else:
            chunk = chunk[m.end():]
    # 种植面积从最初的20亩: what changes stands before 从 or 由; 出口较上年同期下滑1.3%:
    # before 比 or 较 when a verb of change leads into the figure; 产量占总产量的90%:
    # the part stands before 占.
    cut = _from_a_figure(chunk)
    from_a_figure = cut is not None
    chunk, verb = _strip_verbs(chunk)
    per = _PER_UNIT.search(chunk) if "每" in chunk[-4:] else None
    if per and per.start() >= 2:
        chunk, verb = _strip_verbs(chunk[:per.start()])  # 二手房价每平方米约一万元: per 平方米, of 房价
    if cut is None and (verb in _CHANGE_WORDS or verb in _STOCK_FLOW):
        m = _COMPARED.search(chunk)  # 法国新冠肺炎患者较昨日新增138例: 新增 compares, too
        cut = m.start() if m else None
        if cut == 0:
            chunk = ""  # ，比上年名义增长8.9%: what changed is named before the clause
    if cut is None and kind in ("percent", "ratio"):
        m = _SHARE_OF.search(chunk) or (_TIMES_OF.search(chunk) if verb == "的" else None)
        if m:
            cut, verb = m.start(), "占" if verb == "的" else verb or "占"  # 私人投资是公共投资的16.7倍: 私人投资, as a share
    if cut is not None and cut >= 2:
        chunk, _ = _strip_verbs(chunk[:cut])
    chunk = _DATE_IN.sub("", chunk)  # 拥有率1997年首次超过: a date is no figure before it
    m = _UP_TO_NUMBER.match(chunk)
    owner = None
    if m:
        owner = _owner_before_object(chunk[:m.end()])
        # What follows the number before is its unit (5例共计42例), not a subject.
        chunk = _UNIT_AT_START.sub("", chunk[m.end():])
    chunk = chunk.strip("“”‘’\"「」『』 ")
    measure, holder = split(chunk, kind == "duration")
    if owner is not None:
        holder = owner  # 特朗普政府对每年500亿美元的中国商品征收25%的关税: not 中国
    return listed or measure, holder, verb, from_a_figure


def _listed_measure(chunk: str) -> str:
    """The list of nouns that `chunk` ends in before 等 (文章、文件、报告、电报等６００多篇:
    what the figure counts is all of them), as the text writes it; else ""."""
    found = _NOUN_LIST.search(chunk)
    if not found:
        return ""
    items = found.group(1).split("、")
    first = split(items[0])[0]
    if len(first) < 2 or not all(word_class(x) == "noun" for x in items[1:]):
        return ""
    return "、".join([first, *items[1:]])


def _owner_before_object(text: str) -> str | None:
    """For a figure after an object that holds another figure (对每年500亿美元的中国商品
    征收25%的关税), whose figure it is: the holder of the words before the marker of the
    object (claims.tsv, object_opener); None when no such marker stands before the figure
    in `text`, which ends in that other figure's number."""
    found = _OBJECT_OPENER.search(text)
    if not found or found.start() < 2:
        return None
    return split(text[:found.start()])[1]


def _strip_verbs(chunk: str) -> tuple[str, str]:
    """The words less the verbs and adverbs at their end, and the verb next to the figure.

    A word that merely ends in a verb character (现在, 因为, 所有) is kept whole.
    """
    verb = ""
    for word in _VALUE_OF:
        if chunk.endswith(word):
            chunk, verb = chunk[: -len(word)], word
            break
    else:
        if chunk.endswith("了") and chunk[-3:-1] in CHANGE_VERBS:
            chunk = chunk[:-1]  # 价格较去年上涨了14%: the verb's aspect, no part of the measure
        elif chunk.endswith("着") and len(chunk) >= 2 and word_class(chunk[-2:]) is None and _HAN_RUN.match(chunk[-2]):
            chunk, verb = chunk[:-2], chunk[-2:]  # 种着4000英亩地, 装着: a verb and its aspect (not 土著, 执着)
    passed = chunk[:-1] if chunk.endswith("了") else chunk
    through = next((t for t in THROUGH_WORDS if passed.endswith(t)), "")
    if through:
        before = passed[:-len(through)]
        lead = next((v for v in _CHANGE_LEADS if before.endswith(v)), "")
        if lead:
            chunk, verb = before[:-len(lead)], verb or lead + through  # 首次跌破50铢: a verb of change, through
    if len(chunk) >= 3 and chunk[-1] in _PREDICATE_CHARS and chunk[-2] in INTENSIFIERS \
            and word_class(chunk[-2:]) in (None, "verb") and word_class(chunk[-3:-1]) is None:
        chunk, verb = chunk[:-2], verb or chunk[-1]  # 学费将跳涨3倍: an intensified verb of change (not 年均 + 增)
    stripped = True
    while stripped and chunk and chunk[-2:] not in _WHOLE_WORDS:
        stripped = False
        for n in _VERB_LENGTHS.get(chunk[-1], ()):
            if chunk[-n:] in _VERBS and not _ends_in_name(chunk, n) and not _ends_a_word(chunk, n):
                n = _whole_verb(chunk, n)
                verb = verb or chunk[-n:]
                chunk = chunk[:-n]
                stripped = True
                break
    return chunk, verb


_CHANGE_LEADS = tuple(longest_first(CHANGE_VERBS))
_BRACKETS = frozenset("（(")
_ETC = ("等", "等等")
_NOUN_LIST = regex.compile(r"((?:\p{Han}{1,16}、)+\p{Han}{1,8})(?:等等|等)$")
# 全省, 本市, 该县, 我区: a word that points at a place of a level (claims.tsv holder words
# of a pointing character and an administrative level), resolved to the one named before.
_POINTING_CHARS = frozenset("全本该我")
WHOLE_OF_A_LEVEL = frozenset(w for w in group("holder") if len(w) == 2 and w[0] in _POINTING_CHARS
                              and w[1] in "省市县州镇乡村")  # (not 区: 军区, 开发区 are no district)
_LEVEL_TRIES = 12
_LONGEST_PLACE = 16
# A quarter or half of a (fiscal) year in Latin letters is a time word: Q3营收, 2019H1, FY2020.
_PERIOD_CODE = regex.compile(r"(?:FY)?(?:\d{2}|\d{4})?[QH][1-4]|FY\d{2,4}")
_PART_LEADS = tuple(group("part_lead"))


def _whole_verb(chunk: str, n: int) -> int:
    """The length of the verb `chunk` ends in, whose last `n` characters are a verb of
    the lists: the lexicon's longer verb where it ends there (首次发现: 发现, not 现), unless
    its first character ends a word before it (工会系统共: 系统 + 共, not 统共; 规定为)."""
    for m in (3, 2):
        if m > n and len(chunk) > m and word_class(chunk[-m:]) == "verb" \
                and word_class(chunk[-m - 1:-m + 1]) is None:
            return m
    return n


def _ends_a_word(chunk: str, n: int) -> bool:
    """Whether the verb of `n` characters that `chunk` ends in is the end of a longer
    word of the lexicon that is no verb: 水平 (not 平), 身高 (not 高).  Not a function
    word (的, 将, 达, 已), unless it ends an adverb or qualifier (平均, 大约): the lexicon's
    标的, 众将, 深达, 业已 are seldom what the text says."""
    if chunk[-n:] in _FUNCTION_WORDS:
        return chunk[-n - 1:] in _BEFORE_A_FIGURE
    for k in (n + 1, n + 2):
        if k <= len(chunk) and word_class(chunk[-k:]) in _WORD_ENDS:
            return True
    return False


def _ends_in_name(chunk: str, n: int) -> bool:
    """Whether the verb of `n` characters `chunk` ends in is the end of a longer name
    of a place that is all the clause says before the figure, or all but a word such as
    其中: 其中成都3例 (not 都).  Only a place, and only standing alone: the lexicon's
    names hold too many words that are a verb's end (占比达: 比达; 之间长达: 长达)."""
    if len(chunk) > n + 5:
        return False  # more words before it than a place and 其中
    for k in range(n + 1, min(len(chunk), n + 3) + 1):
        if word_class(chunk[-k:]) == "place":
            before = chunk[:-k]
            return not before or len(before) <= 2 and word_class(before) in ("other", "function")
    return False


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


# --- the measure and its holder, at word boundaries --------------------------------

# How many characters before a figure are cut into words: enough for a holder and
# its measure (长春市奔跑兔商贸有限公司现有员工), few enough to stay cheap.
_WINDOW = 16
# Between a measure and its figure: time words, adverbs, marks (营业额今年首次超过).
_BETWEEN = frozenset({"time", "function", "other", "mark"})
# What a measure is made of: nouns, verbs that qualify them (确诊病例, 配送网点),
# characters the lexicon lacks, and Latin letters (GDP, A320客机).
_MEASURE_PARTS = frozenset({"noun", "char", "latin", "verb"})
# A measure of more words than this keeps its last two: the head that names the thing.
_MEASURE_WORDS = 3
_UP_TO_MARK = patterns.compile(r"[^，,、；;：:。！？!?（）()《》【】\[\]\n —…·“”\"0-9０-９]*")
_UP_TO_CLAUSE_END = patterns.compile(r"[^，,、；;：:。！？!?（）()\n0-9０-９]*")
# How far back the text before a figure is read for its holder, and how much of a
# clause's start for a name.
_PARAGRAPH_BACK = 300
_SENTENCES_BACK = 3
# How far back, in characters before a figure's sentence, the paragraph above it is
# read for its topic, over at most so many paragraphs; the classes of name it lends, and the words that may follow one.
TOPIC_BACK = 1024
_PARAGRAPHS_BACK = 3
_TOPIC_FOLLOWS = frozenset({"verb", "function", "other"})
_TITLE_MARKS = frozenset("《")
_TITLE_MAX = 16  # the longest title taken for a topic
_AGENCIES = group("news_agency")
_BLANK = " \t\u3000\n"
# A line this short is a headline or a caption, whatever ends it; a quoted term is no longer.
_SHORT_LINE = 30
# The longest clause of a time alone before a topic (去年１２月３０日上午，).
_TIME_CLAUSE = 16  # 截至2020年1月27日24时
# What before a name makes it where something happened or who reports it (据中央气象台…);
# what after it, one of a list.
_PLACE_OF_EVENT = group("event_place")
_LIST_ITEM_AFTER = frozenset("、和与及同的")
_CLOSERS = frozenset("”’」』")
_TERM = 10
# A sentence's topic stands in its first clauses.
_TOPIC_CLAUSES = 3
_CLAUSES_BACK = 12  # the clauses of a sentence read back for the nearest topic
_HAVING = frozenset("有无")  # after a count that opens its clause: what those counted have
_HAD_MAX = 14
_UNITS_NOT_DATES = frozenset(UNITS) - frozenset("年月日号时")  # 2019年全国…: a date, then the topic
_TOPIC_WINDOW = 14
_CLAUSE_MARK = patterns.compile(r"[，,；;：:]|[ \u3000\xa0]{2,}")  # (spaces between a headline and its story, too)
# A list: its separators between figures, between the items before 分别, and where it starts.
_LIST_SEPARATORS = frozenset({"、", "和", "及", "与", "，", ",", "；"})
_LIST_ITEM = patterns.compile(r"[、和及与]")
_UP_TO_LIST_CLAUSE = patterns.compile(r"(?s).*[，,；;：:。！？!?\n]|")
_LONGEST_ITEM = 10
# A list's header: the measure, then 中, then a clause mark (确诊病例中，长春市27例).
_HEADER = patterns.compile(r"([^，,。；;：:、（）()]{2,24}?)(?:之中|当中|中)[，,：:]")
# A list item that is a place: its longest length, the suffixes it ends in, what stands before it.
_LIST_PLACE = 6
_PLACE_ENDS = frozenset(w for w in group("place_suffix") if len(w) == 1)
_LIST_MARKS = frozenset("、，,；;")
_LIST_ITEM_MAX = 8  # 通辽市经济开发区
_ITEM_LEADS = tuple(longest_first(group("item_lead")))  # 其中银川市19例, （含汝州市1例）, 为东莞市2例
_BETWEEN_ITEMS = regex.compile(r"[\s、，,；;：:（()）]*(?:%s)?[\s、，,；;：:（(]*" % "|".join(_ITEM_LEADS))
_LIST_ITEM_BEFORE = regex.compile(r"[、，,；;：:（(](\p{Han}{2,%d})$" % _LIST_ITEM_MAX)
_PART_MARKS = ("其中", "其中：", "其中:", "其中，")
_PERSON_WORDS = group("person_word")
# A character the lexicon has no longer word for that is a verb or an adverb by itself:
# after a figure, it ends the noun the figure counts (三条车龙 + 纷纷, 股市 + 跌).
_PLACE_OR_PERSON = frozenset({"place", "person"})
_HEADS = frozenset({"noun", "latin"})  # what a measure's head is
_MEASURE_PREFIXES = group("measure_prefix")
_CLAUSE_OPENERS = frozenset("而但并且")
_REPORTED_BY = frozenset({"据", "根据", "依据"})
# 每 and a unit right before a figure: what the figure is per, not what it measures.
_PER_UNIT = patterns.compile(r"每(?:[^0-9０-９，,。；;：:、的每]{1,3})$")
# A source's report after 据: 据香港交易所的数据, 据牛津经济学院的分析 (not 据…书记张晓悦介绍,
# a speaker whose body may own the figures).
_REPORT = patterns.compile("(?:" + alternation(group("report_noun")) + ")")  # 据X(的)数据
_EACH_COUNTERS = COUNTERS | frozenset("间亩户件张块辆头")  # after 每: how a measure is counted
_KIND_ENDS = frozenset("型级性式类等")  # the last character of a kind (大型, 高级, 全新式)
# Characters and words of change or sum after a noun before a figure (涨, 加, 加起来 …).
_PREDICATE_CHARS = group("predicate_char")
_PREDICATE_VERBS = group("predicate_verb")
_LONE = {**dict.fromkeys(group("verb_char"), "verb"), **dict.fromkeys(group("adverb_char"), "other")}
_PERSON_PRONOUNS = group("person_pronoun")
# Topics of an earlier sentence that are not carried to a figure: the lexicon's bodies and
# people (外汇局, 中国政府, 崔敏), who act or speak in the news; a place (a bulletin's
# 辽宁省) and a name put together from its suffix (…有限公司, …党委) are.
_NOT_CARRIED = frozenset({"org", "person"})
_GROUP_PRONOUNS = frozenset({"他们"})  # resolved to the organisation named before, where one is
_ONE_PERSON = frozenset({"他", "她"})  # resolved to the person named before, where one is
_OBJECT_OF = frozenset({"verb", "char", "noun"})  # before a pronoun: it is their object (指控他, 小他25岁)
_LEADS = group("lead")
_ATTRIBUTE_VERBS = group("attribute_verb")
_NOMINAL = frozenset({"verb", "other", "noun"})
_IS_AFTER = tuple(sorted(group("is_after")))
_CLAUSE_START = regex.compile(r"(?:^|(?<=[，,；;：:。！？!?]))", regex.M)  # where a clause may open
_COUNTED_HEADS = group("counted_head") | group("classed_head")
_KIND_NOUNS = group("kind_noun")  # 同类型的基金: the noun after 的 is the measure
_KIND_MODIFIERS = group("kind_modifier")
_STOCK_FLOW = group("stock_flow")
# Before a name, these make it an object, not the clause's topic: 将村党支部修葺一新.
_OBJECT_MARKERS = group("object_marker")
_SOURCE_MARKERS = group("source_marker")
_LIST_MARKS_IN = frozenset("、")
_MODIFIERS = group("modifier")
# Verbs that take the noun after them as their object, not part of the measure (节约资金,
# 吸收党员): counted in a tagged corpus (data/object_verbs.tsv) or listed (claims.tsv).
# A duration measures the activity, verb and object (回归祖国７个月来): only the listed ones.
_LISTED_OBJECT_VERBS = group("object_verb")
_OBJECT_VERBS = _LISTED_OBJECT_VERBS | (frozenset(cells[0] for _, cells in rows("object_verbs.tsv", data_text("object_verbs.tsv"), 2))
                                        - _MODIFIERS - _STOCK_FLOW)
_ADVERBS = group("adverb") | frozenset(WORDS["adverb"])
_DEMONSTRATIVES = frozenset(WORDS["demonstrative"])
# After a count, a status verb alone up to the clause's end is its measure (124例死亡).
_STATUS_MAX = 6
# A date inside the words before a figure: 1997年, 3月10日, 24时.
_DATE_IN = patterns.compile(r"[0-9０-９]{1,4}(?:年|月份|月|日|号|时)(?:[0-9０-９]{1,2}(?:月|日|号|时|分))*")
# A clause's start: the digits and dates a topic may stand after (31日10时, 2018年).
# (a date in Chinese numerals too: 一九九七年建设银行…, not 十家企业)
_TOPIC_HEAD = patterns.compile(r"(?:[0-9０-９年月日时分号至到—\-\s]|[〇○零一二三四五六七八九十]+(?=[年月日号]))*")
# What may stand before a clause's topic: time words, adverbs, prepositions.
_BEFORE_TOPIC = frozenset({"time", "function", "other", "mark", "latin"})
_NOUNS = frozenset({"noun", "latin", "place", "org", "person", "holder"})
_NOUN_ENDS = group("noun_end")
_SURNAMES = group("surname")
_NAME_JOINERS = frozenset("-‐－—·•・")
_JOINER = regex.compile("[" + regex.escape("".join(sorted(_NAME_JOINERS))) + "]")
# A piece of a joined name: how far from the holder a joiner is looked for, how much text
# is cut into words for the next piece, and the classes its words may be.
_PIECE = 4
_PIECE_WINDOW = 6
_PIECE_CLASSES = frozenset({"char", "person", "place"})
_FIRST_PIECES = frozenset({"char", "person"})  # what a transliterated name opening a clause starts with
_NAME_DOTS = frozenset("·•・")  # the joiners of a person's transliterated name
_INITIAL = regex.compile(r"[A-Z]\.?")  # a middle initial between joiners
_HAN_TAIL = regex.compile(r"\p{Han}+$")
# Holders that are whole as they stand: organisations and words such as 全省, 公司.
_WHOLE_ALREADY = frozenset({"org", "holder"})
# After a holder, up to this many characters of names, nouns and characters the lexicon
# lacks before 的 make one longer name with it.
_NAME_AFTER_PLACE = 9
_NAME_WORDS = frozenset({"place", "org", "person", "noun", "char", "latin"})
_COMMON = frozenset({"noun"})  # a name that ends in a common noun is none: 中国商品的关税
# A product: a brand of two to four Chinese characters and a model of letters and
# digits (尼康S570, 佳能 7D), or a model alone of two letters or more (EOS 7D, LX3GK).
_PRODUCT = re.compile(r"([\u4e00-\u9fff]{2,4})? ?([A-Za-z]*)[ -]?[0-9][0-9A-Za-z]*(?![0-9A-Za-z.%/])")
_BRAND_CLASSES = frozenset({"noun", "person", "org", "char"})  # not a place: 中国5G is no product
_NAME_ENDS = group("name_end")
_PERSON_TITLES = group("person_title")
_JOB_TITLES = group("job_title")
_JOB_TITLE_STARTS = frozenset(w[0] for w in _JOB_TITLES)
_SPEECH = group("speech")
_WHEN_OPEN = tuple(group("when_open"))
_WHEN_CLOSE = tuple(group("when_close"))
_ANAPHORS = group("anaphor")  # 该小区, 该公司: the body named just before
_POINTERS = group("pointer")
# The last object marker before a number, with nothing but the object's words after it.
_OBJECT_OPENER = patterns.compile(f"(?:{alternation(group('object_opener'))})(?=[^{re.escape(_CLAUSE_MARKS)}{''.join(w for w in group('object_opener') if len(w) == 1)}]*$)")
_BODIES = tuple(group("body") | group("place_suffix") | group("org_suffix"))  # what a pointer may point to
_OWNING_BODIES = group("owning_body")  # 项目均价, 企业利润: whose measure, no part of it
_OWNER_GAP = 4  # at most this many characters between a name and its body (北京 + 市内参展 + 项目)
_MODALS = group("modal")
_PARTS_OPEN = ("其中",)  # opens a sentence of the parts of a whole figure before it
_WHOLE_BACK = 200  # the most characters from that whole figure to the parts
_DIGITS = regex.compile(r"[0-9０-９.．]+\s*")
_AHEAD = 400  # how far on a lone 新增 or 累计 looks for the measure it stands for
_CAUSATIVES = tuple(longest_first(group("causative")))  # 致使, 导致: a cause before what changed
_TITLES = _PERSON_TITLES | _JOB_TITLES  # a title after a name ends it: 蔡德存教授


@lru_cache(maxsize=4096)
def split(chunk: str, activity: bool = False) -> tuple[str, str]:
    """The words before a figure cut into the measure and its holder (for an `activity`,
    what a duration measures, a verb and its object may be the measure: 回归祖国).

    >>> split("长春市奔跑兔商贸有限公司现有员工"), split("特斯拉的股价"), split("今年营业额")
    (('员工', '长春市奔跑兔商贸有限公司'), ('股价', '特斯拉'), ('营业额', ''))
    >>> split("辽宁新增"), split("其中长春市")
    (('新增', '辽宁'), ('', '长春市'))
    """
    if len(chunk) < 2:
        return "", ""
    product = _product(chunk) if chunk[0] not in _NUMBER_CHARS else ""
    if product:
        return split(chunk[len(product):].lstrip(" 的"))[0], product  # 松下LX3单机3450元
    cls = word_class(chunk)
    if cls is None and 3 <= len(chunk) <= 4 and chunk[-1] in _PLACE_ENDS and all(
            c == "char" for _, c in words(chunk)):
        return "", chunk  # 丽江市5例、德宏州2例: a whole item of characters the lexicon lacks, then 州, is a place
    if cls is not None and not (cls == "noun" and len(chunk) > 2 and could_name(chunk[-1])):
        # one word of the lexicon, the commonest case: no need to cut it (but a noun
        # that ends in a suffix may be a name: 周口市, 大渡口区 are places)
        return (chunk, "") if cls in _MEASURE_PARTS or cls == "unit" else ("", chunk) if cls in ENTITY else ("", "")
    ws = words(chunk[-_WINDOW:])
    if any(cls == "latin" and _PERIOD_CODE.fullmatch(w) for w, cls in ws):
        ws = tuple((w, "time") if cls == "latin" and _PERIOD_CODE.fullmatch(w) else (w, cls) for w, cls in ws)
    if len(chunk) > _WINDOW and ws and ws[0][1] in ENTITY and "\u4e00" <= chunk[-_WINDOW - 1] <= "\u9fff":
        ws = ws[1:]  # (这家中国电 +) 子商务公司: a name the window cuts is no name
    i = len(ws)
    while i and ws[i - 1][1] in _BETWEEN:
        i -= 1
    if i >= 2 and ws[i - 1][1] in ENTITY and ws[i - 2][0] in _OBJECT_MARKERS and ws[i - 2][0] != "为":
        # 美国对中国确实有385亿美元的顺差: the name after 对 is an object; the holder is the name before it
        return "", next((w for w, cls in ws[:i - 2] if cls in ENTITY), "")
    if i and ws[i - 1][1] in ENTITY:
        if i >= 3 and ws[i - 2][0] == "为" and ws[i - 3][1] == "noun":
            measure = split("".join(w for w, _ in ws[:i - 2]))[0]
            if measure:
                return measure, ws[i - 1][0]  # 新增死亡病例为万州区1例: the measure, then whose
        return "", ws[i - 1][0]  # 其中长春市27例: the holder, and the measure named elsewhere
    j = i
    while j and (ws[j - 1][1] in _MEASURE_PARTS
                 or ws[j - 1][1] == "other" and len(ws[j - 1][0]) >= 2 and j < i
                 and ws[j - 1][0][0] not in _DEMONSTRATIVES and not is_quantity(ws[j - 1][0])  # not 这种, 很多 + 鸟类
                 and (ws[j][1] == "noun" or ws[j][0] in _MODIFIERS and ws[j - 1][0] not in _ADVERBS)):  # 境外 + 输入病例, not 其中 + 死亡
        j -= 1
    if j == i and i >= 2 and ws[i - 1][1] == "unit" and ws[i - 2][1] not in ("mark", "latin"):
        j = i - 1  # 泰国政府宣布泰铢贬值18%: a currency alone is what changed
    run = list(ws[j:i])
    if run and run[-1][0] in NAMING_VERBS:
        # 农民增收, 帮助当地村民实现增收: the verb names the measure, the noun before it whose
        per = run[-2][0] if len(run) > 1 and run[-2][0] in PER_AVERAGE else ""  # 人均增收
        before = [w for w, cls in run[:-1] if cls == "noun" and w != per]
        return per + run[-1][0], _clause_holder(ws, j) or (before[-1] if before else "")
    if len(run) > 1 and j and len(run[0][0]) == 1 and run[0][1] == "char" and (
            ws[j - 1][1] == "mark" or run[0][0] in UNITS and (
                ws[j - 1][0] in _DEMONSTRATIVES or ws[j - 1][0][-1] in NUMERALS)):
        run.pop(0)  # 一幢黄色, 一斤卖, 这枚纪念币, 唯一一个胜率: the character after a numeral or 这 is its counter
    elif len(run) > 2 and len(run[0][0]) == 1 and run[0][1] == "char" and run[1][1] == "latin":
        run.pop(0)  # 自产N95口罩: a stray character before a name in Latin letters is no part of it
    lead = next((k for k in range(len(run) - 2, -1, -1) if run[k][0] in _LEADS
                 and any(cls == "noun" for _, cls in run[k + 1:])), None)
    doer = ""
    if lead is not None:
        if lead and all(cls == "noun" and w not in _MODALS for w, cls in run[:lead]):
            doer = "".join(w for w, _ in run[:lead])  # 烟草行业实现税利: who has it, the verb's subject
        run = run[lead + 1:]  # 共有48栋楼, 报告病例, 烟草行业实现税利: the verb that reports it is no part of it
    while len(run) >= 2 and _takes_its_object(run, activity):
        run.pop(0)  # 节约资金, 精简压缩会议, 筹措党建资金: what was done to the measured thing
    k = len(run)
    while k > 1 and _is_predicate(*run[k - 1]):
        k -= 1
    if k < len(run) and run[k - 1][1] in _HEADS:
        run = run[:k]  # 股市暴跌了25%, 初试总分加10分, 两国经济加起来占: what the noun does is no part of it

    if len(run) > _MEASURE_WORDS:
        # (three where the first of them qualifies the rest: 新增治愈出院病例 → 治愈出院病例;
        # four where a word of origin leads them: 境外输入确诊病例)
        if run[-4][0] in _MEASURE_PREFIXES and run[-3][0] in _MODIFIERS:
            run = run[-4:]
        else:
            run = run[-3:] if run[-3][0] in _MODIFIERS or run[-3][0] in _STOCK_FLOW else run[-2:]
    classes = {cls for _, cls in run}
    if "verb" in classes and "char" in classes and not classes & {"noun", "latin"} and run[-1][0] not in _NOUN_ENDS:
        run = []  # 梳理出: a verb and a stray character name nothing
    holder = _clause_holder(ws, j) or doer
    if holder and len(run) >= 2 and run[0][0] in _OWNING_BODIES and run[-1][1] == "noun" \
            and sum(len(w) for w, _ in run[1:]) >= 2:
        # 日本企业负债总额, 北京市内参展项目成交套数: the body is whose, with the name before it
        text = "".join(w for w, _ in ws[:i])
        owner_at = text.rfind("".join(w for w, _ in run))
        at = text.rfind(holder, 0, owner_at)
        gap = text[at + len(holder):owner_at]
        if at >= 0 and len(gap) <= _OWNER_GAP and (not gap or _HAN_RUN.fullmatch(gap)) \
                and not any(c in _FUNCTION_WORDS for c in gap):
            holder, run = text[at:owner_at + len(run[0][0])], run[1:]
    measure = "".join(w for w, _ in run)
    measure = _whole_measure(measure, run)
    if measure in BASE_WORDS:
        measure = ""  # 环比大幅下跌17.95%: the base of the change, not what changed
    else:
        base = next((b for b in BASE_WORDS if measure.endswith(b) and len(measure) - len(b) >= 2), "")
        measure = measure[:-len(base)] if base else measure  # 新房成交量环比大降五成: 新房成交量
    if holder:
        text = "".join(w for w, _ in ws)
        at = text.find(holder) + len(holder)
        holder = _person_after_title(text, at) or holder  # 科研处处长蔡德存教授先后到
    return (measure if len(measure) >= 2 else ""), holder


def _takes_its_object(run: list, activity: bool) -> bool:
    """Whether the first word of a measure's words is a verb whose object the rest is:
    an object verb (`_OBJECT_VERBS`) before a noun (吸收党员56名, 节约资金1417万元; not
    接待人数, a counted head), or any verb before two words (修建文化墙, not 快递 + 员, a
    noun's suffix; not a verb that qualifies the noun, 确诊病例, or counts it, 新增).
    For an `activity` (what a duration measures), only the listed object verbs."""
    (first, cls), (second, second_cls) = run[0], run[1]
    objects = _LISTED_OBJECT_VERBS if activity else _OBJECT_VERBS
    if len(run) == 2:
        return first in objects and second_cls == "noun" and second not in _COUNTED_HEADS
    return (cls == "verb" or first in objects) and second_cls != "char" and first not in _MODIFIERS \
        and first not in _STOCK_FLOW


def _whole_measure(measure: str, run: list) -> str:
    """A bulletin's measure less the nouns before it that name a kind of it
    (肺炎 + 确诊病例: data/claims.tsv, whole_measure); `run` is the measure's words."""
    whole = next((w for w in _WHOLE_MEASURES if measure.endswith(w) and len(measure) > len(w)), "")
    if not whole:
        return measure
    kept = len(measure) - len(whole)
    at = 0
    for w, cls in run:
        if at >= kept:
            break
        if cls != "noun":
            return measure  # 新增确诊病例, 境外输入病例: which of them, not a kind
        at += len(w)
    return whole


def _clause_holder(ws: tuple[tuple[str, str], ...], j: int) -> str:
    """The first name among the words `ws[:j]` before a measure: the clause's subject.
    A name right after 对, 向, 从, 来自 … is where the figure goes or comes from, an
    object, not whose it is (对从中国进口的产品, 来自世界各地的进口产品): it is passed over,
    as is a pronoun after a verb (检方指控他共受贿): its object."""
    for k in range(j):
        w, cls = ws[k]
        if cls in ENTITY and not _after_marker(ws, k) and not (w in _PERSON_PRONOUNS and k and ws[k - 1][1] in _OBJECT_OF):
            return w
    return ""


def _after_marker(ws: tuple[tuple[str, str], ...], k: int) -> bool:
    """Whether the name `ws[k]` stands in a phrase that 对, 从, 来自 … begin: only nouns,
    names and the marks of a list between them (来自 + 世界 + 各地, 来自土耳其、伊拉克)."""
    while k:
        k -= 1
        w, cls = ws[k]
        if w in _SOURCE_MARKERS:
            return True
        if cls not in _NAME_WORDS and cls not in ENTITY and w not in _LIST_MARKS_IN:
            return False
    return False


def _is_predicate(w: str, cls: str) -> bool:
    """Whether the word `w` of class `cls`, last before a figure after a noun, says how
    the noun changes (暴跌, 涨, 加) rather than what is counted (确诊, 新增, 开播, 献血:
    an activity a duration or a count measures is kept)."""
    if cls == "char":
        return w in _PREDICATE_CHARS
    return cls == "verb" and (w in CHANGE_VERBS and w not in _STOCK_FLOW or w[-1] in _PREDICATE_CHARS) \
        or w in _PREDICATE_VERBS  # (暴跌, 猛增: a verb of change with its adverb)


def _is_modifier_like(w: str) -> bool:
    """Whether a word the lexicon calls neither noun nor verb (`other`: adverbs,
    conjunctions, adjectives …) may stand inside a noun after another noun: a kind
    such as 大型, 新型, 高级 may (外贸 + 大型 + 企业); 以及, 纷纷, 主要 may not."""
    return w[-1] in _KIND_ENDS


def _kinds_joined(ws: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """After a noun, a verb and the 性 the lexicon leaves after it as one word of kind:
    聚集 + 性 is 聚集性 (家庭聚集性疫情), as 季节性 and 一次性 are words already.  (Not
    at the start: 输入性…的肺炎确诊病例 is read past its 的.)"""
    if not any(w == "性" for w, _ in ws):
        return ws
    out: list[tuple[str, str]] = []
    for w, cls in ws:
        if w == "性" and cls == "char" and len(out) >= 2 and out[-1][1] == "verb" and out[-2][1] == "noun":
            out[-1] = (out[-1][0] + w, "other")
        else:
            out.append((w, cls))
    return tuple(out)


@lru_cache(maxsize=4096)
def _leading_noun(text: str, lone_verb: bool = False, status: bool = False) -> str:
    """The noun phrase `text` starts with, at a word boundary (快递小哥参加活动 → 快递小哥).

    Nouns, names and Latin words; a verb or adjective only where a noun follows it
    (配送网点, 大型企业); a character the lexicon lacks only at the start or as a
    noun's last part (网格 + 员).  A verb after a noun is the predicate: it ends the phrase.

    >>> _leading_noun("快递小哥参加活动"), _leading_noun("骑手冲在一线"), _leading_noun("外卖骑手党员先锋队")
    ('快递小哥', '骑手', '外卖骑手党员先锋队')
    """
    if len(text) < 2:
        return text
    ws = _kinds_joined(words(text))
    ws = ws[:1] + tuple([(w, _LONE.get(w, cls) if cls == "char" else "verb" if w in _MODIFIERS else cls)
                         for w, cls in ws[1:]])  # 股市 + 跌, 车龙 + 纷纷, 患者 + 治愈出院 (出院 is a status here)
    if status and ws[0][0] in _MODIFIERS and len(text) <= _STATUS_MAX and all(cls == "verb" for _, cls in ws):
        return text  # 124例死亡。, 222例治愈出院，: the clause says what happened to those counted
    # Whether a noun starts at each word, or follows it after verbs that may stand
    # inside a measure (境外 + 输入确诊病例: 输入 and 确诊 qualify 病例).
    noun_at = [False] * (len(ws) + 1)
    for k in range(len(ws) - 1, -1, -1):
        w, cls = ws[k]
        noun_at[k] = cls in _NOUNS or cls == "verb" and w in _MODIFIERS and noun_at[k + 1]
    out: list[str] = []
    for k, (w, cls) in enumerate(ws):
        nxt, nxt_word = ws[k + 1] if k + 1 < len(ws) else ("", "")
        nounish = noun_at[k + 1] or nxt_word == "char" and nxt in _NOUN_ENDS
        if cls in _NOUNS and w not in _PERSON_PRONOUNS:
            out.append(w)
        elif cls in ("verb", "other") and len(w) >= 2 and nounish and not (out and cls == "verb" and w not in _MODIFIERS) \
                and not (cls == "verb" and nxt_word in _PLACE_OR_PERSON) \
                and not (cls == "other" and sum(map(len, out)) > 1 and not _is_modifier_like(w)):
            # (not 飞赴 + 武汉: a verb before a name is a predicate; not 女儿 + 以及, 车龙 + 纷纷:
            # after a noun, a conjunction or an adverb ends it)
            out.append(w)  # 配送网点, 大型企业, 快递员
        elif cls == "char" and (all(len(x) == 1 for x in out) or w in _NOUN_ENDS):
            out.append(w)  # 小微企业, 网格员
        elif cls == "verb" and not out and lone_verb:
            return w  # 24小时开放: what was done for that long
        else:
            if cls == "verb" and out:
                de = text.find("的", sum(map(len, out)))
                if 0 < de < _AFTER_MAX - 2:  # 新型冠状病毒感染的肺炎确诊病例: the noun after 的
                    return _leading_noun(text[de + 1:]) or "".join(out)
            if out and len(out[-1]) == 1 and len(out) > 1 and out[-1] not in _NOUN_ENDS \
                    and not all(len(x) == 1 for x in out):  # (侯夏梦 + 说: a name the lexicon lacks)
                out.pop()  # 小微 + 企业 kept, a stray character before a verb not
            break
        if sum(map(len, out)) >= _AFTER_MAX:
            break
    return "".join(out)
