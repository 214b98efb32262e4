"""Number spans: the one regular expression that finds every number in a text
together with the words bound to it — its magnitude (万, 亿), a range's second
number (3至5), a classifier and unit (个小时, 元/吨), a qualifier after it (多, 以上).

The pattern is generated from the lexicon (`figs.lexicon`), so adding a unit to
``data/units.tsv`` is all it takes for spans to include it.  Whether a span is a
figure, and what it says, is decided in `figs.figures`.

>>> m = PATTERN.search("会员资产总价值达600多亿元。")
>>> m.group(0), m.group("n1"), m.group("q1"), m.group("m1"), m.group("unit")
('600多亿元', '600', '多', '亿', '元')
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Iterable

from . import patterns
from .lexicon import (CURRENCY_SIGNS, FINANCIAL, NUMERALS, QUALIFIERS, SET_VALUES, SUBUNITS, UNITS, WORDS,
                      alternation, longest_first)
from .numbers import DIGITS, GRAMMAR, MAGNITUDES, MINUS

# Numerals as everyday text writes them: a number never starts right after one.  The
# financial ones (伍, 陆 …) are left out: they end words (队伍3年, 大陆5家) far more
# often than they stand in a number.
_EVERYDAY = "".join(c for c in DIGITS + MAGNITUDES if c not in FINANCIAL)
# Chinese digits may start a number right after Arabic ones: 1996和1997两年, 1997九个机场.
_CHINESE_DIGITS = "".join(c for c in DIGITS if c not in FINANCIAL and c not in "〇零")
LARGE = "".join(c for c, (_, role) in NUMERALS.items() if role in ("small", "large"))
# Units that may follow the classifier 个, which then drops out: 2个小时, 3个多月, 2.4个百分点
# (units.tsv: classifier "may", or needs "classifier").
AFTER_CLASSIFIER = tuple(u for u, unit in UNITS.items() if unit.classifier or unit.needs == "classifier")
_SIGNS = alternation(CURRENCY_SIGNS)
_SIGN_FIRST = re.escape("".join(sorted({s[0] for s in CURRENCY_SIGNS})))


def _subunit_alternation(counted: bool) -> str:
    """The subunits, longest first, each refusing the character that would make it the
    start of a longer unit: 10元5分钟 is ten yuan and five minutes, not 10.05 元.  Those of
    the units counted in their smallest one (`counted`: 小时 and 分, subunits.tsv 1/N)
    or the decimal ones (元 and 角)."""
    subs = {sub for subunits in SUBUNITS.values() for sub, factor in subunits.items()
            if isinstance(factor, int) == counted}
    lengths = {len(sub) for sub in subs}
    longer: dict[str, set[str]] = {sub: set() for sub in subs}
    for u in UNITS:
        for n in lengths:
            if len(u) > n and u[:n] in longer:
                longer[u[:n]].add(u[n])
    out = [re.escape(sub) + (f"(?![{re.escape(''.join(sorted(longer[sub])))}])" if longer[sub] else "")
           for sub in longest_first(subs)]
    return "|".join(out) or "(?!)"


_SUBUNITS = _subunit_alternation(counted=False)
_COUNTED_SUBUNITS = _subunit_alternation(counted=True)
# After a unit counted in its subunits (小时, 分): only those subunits follow it, so 10元5分钟 stays two.
_AFTER_A_COUNTED_UNIT = "|".join(f"(?<={re.escape(u)})" for u in longest_first(SUBUNITS)
                                 if any(isinstance(f, int) for f in SUBUNITS[u].values())) or "(?!)"
# Whole units whose first subunit is a tenth (元 and 角, 块 and 毛): a lone digit after
# them is that subunit (一块二 is 1.2 元), after 零 the next (三块零四 3.04 元).
_DECIMAL_WHOLES = re.escape("".join(sorted(u for u, subs in SUBUNITS.items()
                                           if len(u) == 1 and max(subs.values()) == Decimal("0.1"))))
# The first characters of the words a money amount may end before with a subunit or a
# lone digit at its end (grammar.tsv amount_end, a qualifier after a unit, a range
# separator): 三块五毛钱, 两块五以上, 一块二到一块五.
_AMOUNT_END_FIRST = re.escape("".join(sorted(
    {w[0] for w in list(GRAMMAR["amount_end"]) + list(QUALIFIERS["unit"]) + list(WORDS["range_separator"])})))
# Where a subunit ends the amount: not before a word it would begin (一块三角形 is a
# triangle, 十元五分地 a plot), only before one of those words or no word.
_SUBUNIT_ENDS = rf"(?!(?![{_AMOUNT_END_FIRST}])[\u4e00-\u9fff])"
# An Arabic digit after a subunit or after 元/块 only after an Arabic amount (4块5毛2, 3块5;
# not 一块1/2.3英寸), and not numbering a list or starting a decimal (2000元3、开启).
_SUBUNITS_CLASS = "[" + re.escape("".join(sorted({s[-1] for subs in SUBUNITS.values() for s in subs}))) + "]"
_NOT_A_LIST = r"(?![0-9./、:：\ ])"
# Where a lone digit ends: the same, and not before a numeral (两块五花肉, 一块二三).
_DIGIT_ENDS = rf"(?![0-9.{DIGITS}{MAGNITUDES}]){_SUBUNIT_ENDS}"
# Only after a unit that has subunits (元, 美元): one fixed-width lookbehind each.
_AFTER_A_WHOLE_UNIT = "|".join(f"(?<={re.escape(u)})" for u in longest_first(SUBUNITS)) or "(?!)"
_SET_VALUE_GUARDS = "|".join(
    re.escape(w) + (f"(?![{re.escape(v.not_before)}])" if v.not_before else "")
    for w, v in sorted(SET_VALUES.items(), key=lambda kv: (-len(kv[0]), kv[0]))) or "(?!)"


def _unit_alternation(words: Iterable[str] | None = None, spaced: bool = False) -> str:
    """Every unit, longest first, each refusing the characters that would make it
    part of another word: 方(?![面向…]) so that 两方面 is no figure.

    Written as a trie, 人(?:次|份|) rather than 人次|人份|人: the engine then compares
    a character once, not once for every unit, and over 300 units that is most of the
    time a span takes to find its unit.  It matches what the flat alternation matches.
    `spaced`: a space may stand between two characters of a unit (百分 点), as sources
    that space a number from its unit type them.
    """
    tree: dict = {}
    for word in UNITS if words is None else words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = f"(?![{re.escape(UNITS[word].not_before)}])" if UNITS[word].not_before else ""
    gap = r"\ ?" if spaced else ""

    def emit(node: dict, first: bool = True) -> str:
        branches = [("" if first else gap) + re.escape(c) + emit(child, False) for c, child in sorted(node.items()) if c]
        if "" in node:
            branches.append(node[""])  # the word ends here: tried after every longer one
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(tree)


UNIT_ALTERNATION = _unit_alternation()
# 个 before the units it may stand before (2个小时).
_CLASSIFIED = f"(?= {alternation(AFTER_CLASSIFIER)} )"


def _spaced_units() -> tuple[str, str]:
    """个 and the unit after a number spaced from its unit (2.4   个百分 点), where the
    unit may be spaced inside too; built only for `spaced_pattern`."""
    classified = rf"(?(space) \ ?(?={_unit_alternation(AFTER_CLASSIFIER, spaced=True)}) | {_CLASSIFIED} )"
    return classified, f"(?(space) {_unit_alternation(spaced=True)} | {UNIT_ALTERNATION} )"


_DATES = alternation(WORDS["date_after"])
# 每 and a unit of time or measure after a unit: 5米每秒, 3元每斤 (grammar.tsv per).
PER_WORDS = tuple(longest_first(GRAMMAR["per"]))
_PER_WORD = "(?:{})(?:{})".format(alternation(PER_WORDS), _unit_alternation(
    u for u, unit in UNITS.items() if unit.kind in ("duration", "measure") and not unit.needs and u not in WORDS["date_after"]))
# Before a magnitude, an "over" figure from it: 数十, 几百, 上万 (words.tsv vague).
_VAGUE = re.escape("".join(sorted(w for w in WORDS["vague"] if len(w) == 1)))


def _minus_alternation() -> str:
    """The minus words (grammar.tsv): 零下 and the signs anywhere, a one-character
    Chinese word (负) only where no word ends in it (为负5%, not 减负5亿元), and 负 may
    be spaced from its number (负 5度)."""
    guarded = [w for w in MINUS if len(w) == 1 and "\u4e00" <= w <= "\u9fff"]
    after = re.escape("".join(sorted(GRAMMAR["minus_after"])))
    out = [re.escape(w) for w in longest_first(set(MINUS) - set(guarded))]
    out += [rf"(?:(?<![\u4e00-\u9fff])|(?<=[{after}])){re.escape(w)}\ ?(?=[0-9{DIGITS}十百])"
            for w in longest_first(guarded)]
    return "|".join(out)


_MINUS = _minus_alternation()
_RANGE_SEPARATORS = alternation(WORDS["range_separator"])
_AFTER_UNIT = alternation(QUALIFIERS["unit"])
# Words that begin with a qualifier after a unit but are other words (4GB内存, 3天多云).
_NOT_AFTER_UNIT = alternation(GRAMMAR["not_unit_qualifier"])
# A magnitude character, unless it starts a unit (千瓦, 千克) or 百分点/百分之.
_MAG_UNITS = alternation(u for u in UNITS if u[0] in LARGE)
# 两 after a numeral that is not 一 and before no numeral is the weight (三两酒, 二两):
# (units.tsv: 两 not before a measure word, 三两个 is two or three)
# 一两 is "one or two", 两万 two ten-thousands.
# Nor after a list of numbers (六、七两卷: both) or a doubled digit (三三两两).
_LIST_JOINERS = re.escape("".join(sorted(set(GRAMMAR["list_joiner"])
                                         | {w for w in WORDS["range_separator"] if len(w) == 1})))
_WEIGHT_LIANG = (rf"两(?![{DIGITS}{MAGNITUDES}])(?<=[二三四五六七八九十百]两)"
                 rf"(?<![{_LIST_JOINERS}][二三四五六七八九十]两)(?<![二三四五六七八九][二三四五六七八九]两)")
# The same, tried only at a character that starts one of those units (cheaper).
_NOT_A_MAG_UNIT = rf"(?!(?=[{re.escape(''.join(sorted({u[0] for u in UNITS if u[0] in LARGE})))}])(?:{_MAG_UNITS}))"
_MAG = rf"(?:(?!{_MAG_UNITS})[{LARGE}](?!分[点之]))"
# The ends of a Chinese number that is plainly one number, whatever follows it: the
# tens and units after a magnitude (一万二千三百四十五, 五千六百七十, 一万零八, 三千零五十),
# and up to three decimals after one (一千二百点五, 十二万三千四百五十六点七八).
_AFTER_A_MAGNITUDE = "(?<=[一二三四五六七八九十〇零])(?:" + "|".join(
    f"(?<=[万萬亿億千百]{tail})" for tail in (
        "[一二两三四五六七八九]十[一二三四五六七八九]", "[一二两三四五六七八九]十",
        "零[一二三四五六七八九]", "零[一二三四五六七八九]十", "零[一二三四五六七八九]十[一二三四五六七八九]", "零十[一二三四五六七八九]")
) + "|" + "|".join(  # and its decimals: 十二万三千四百五十六点七八
    f"(?<=[万萬亿億千百十]{before}点{'[〇零一二三四五六七八九]' * n})"
    for before in ("", "[一二两三四五六七八九]") for n in (1, 2, 3)) + ")"
# The first characters of whatever may follow a number inside a span.
_FOLLOW = re.escape("".join(sorted(
    {w[0] for w in list(UNITS) + list(WORDS["date_after"]) + list(QUALIFIERS["unit"]) + list(QUALIFIERS["number"])}
    | {w[0] for w in SET_VALUES}
    | set("成个多余几来至到~-—–～半/") | set(LARGE)
)))

# The money units that are no subunit (元, 美元, 英镑; not 分, 角, 毛), longest first:
# the only words after which a full-width comma between digits is read as a thousands
# separator (1，234元).  Elsewhere it is the list or clause mark it nearly always is in
# Chinese news (两队分别得到3，100分; 各1，200，300名): the corpus holds no full-width
# thousands separator outside money.
_MONEY_WHOLE = alternation(u for u, unit in UNITS.items()
                           if unit.kind == "money" and not any(u in subs for subs in SUBUNITS.values()))

# The first characters of the units, and the magnitudes: 来 after a round number and
# before one of them is "about" (500来公斤, 十来万); else a verb, or 二来 ('secondly').
_UNIT_FIRST = re.escape("".join(sorted({u[0] for u in UNITS} | set(LARGE))))

# Units of measure that 半 may stand before as a half (半吨, 半公里), but for those that
# make another word after it (半点, 半分: the slightest).
_HALF_OF = alternation(u for u, unit in UNITS.items()
                       if unit.kind == "measure" and u not in WORDS["not_after_half"])

# A date word that is not the start of a unit (日 but not 日元) nor a span of time
# (十五日内: within fifteen days).
_DATE = "(?!{}){}(?!以?内|之内)".format(
    alternation(u for u in UNITS if any(u.startswith(d) and u != d for d in WORDS["date_after"])) or "(?!)",
    f"(?:{_DATES})",
)
# Without --dates, spans that are plainly dates fail inside the pattern and never
# reach Python: a year (1998年, 一九九八年) or a number before a date word (12月, 31日).
_NO_DATES_AHEAD = r"(?! (?:19|20)[0-9][0-9]年 | [〇零○一二三四五六七八九]{4}年 )"
_NO_DATES_BEHIND = rf"(?! {_DATE} )"


def _pattern(dates: bool, spaced: bool = False) -> re.Pattern:
    """The span pattern; with `dates`, spans ending in a date word are kept for --dates.
    With `spaced`, a unit after a number spaced from it may be spaced inside too
    (2.4   个百分 点): `spaced_pattern` reads such spans again with it.

    It is compiled with the standard library's `re`: on this pattern it runs about
    twice as fast as `regex`, and it needs no Unicode property classes.  The lookahead
    and lookbehind let the engine skip quickly to where a number starts.
    """
    classified, unit = _spaced_units() if spaced else (_CLASSIFIED, UNIT_ALTERNATION)
    return patterns.compile(
        rf"""
        (?=[-−负0-9{DIGITS}{MAGNITUDES}{_SIGN_FIRST}半对])
        (?: (?<![0-9.{_EVERYDAY}]) | (?<=[0-9])(?=[{_CHINESE_DIGITS}]) )   # never from inside a number (1997两年: a count after a year)
        {'' if dates else _NO_DATES_AHEAD}
        (?: (?<![0-9A-Za-z]) (?P<neg> {_MINUS} ) (?=[0-9{DIGITS}十百]) )?   # -2%, 零下14摄氏度, 为负5%, 负六点六, 负 5度 (not 减负5亿元)
        (?: (?P<sign> {_SIGNS} ) (?:\ (?=[0-9]))? )?           # currency sign: ¥3000, US$5, USD 100
        (?: (?P<whole> [0-9]+ | [{DIGITS}{MAGNITUDES}]+ )     # a mixed number's whole part: 1 3/5, 三百五十又三分之一
            (?: 又 (?=[0-9{DIGITS}{MAGNITUDES}]+ 分之) | \ (?=[1-9][0-9]?/[1-9]) ) )?
        (?:
            百\ ?分\ ? (?: 之\ ? | (?=[{_CHINESE_DIGITS}十]) ) (?P<pct> [负\-−]? (?: [0-9] (?:\ ?[0-9.])* | (?:[{_VAGUE}](?=[{LARGE}]))? [{DIGITS}{MAGNITUDES}点] (?:\ ?[{DIGITS}{MAGNITUDES}点])* (?:几(?<=十几))? ) ) (?: (?<=[0-9])% )?   # 百分之四十, 百分三十, 百 分之 2, 百分之 五 十, 百分之负五, 百分之-5, 百分之几十, 百分之十几, 百分之20% (the sign said twice)
            (?: (?P<psep> {_RANGE_SEPARATORS} ) (?:百分之)? (?P<pct2> [0-9.]+ | [{DIGITS}{MAGNITUDES}点]+ ) )?   # 百分之五十至六十
          | (?P<fd> [0-9]+ | [{DIGITS}{MAGNITUDES}]+ ) \ ?分\ ?之\ ?   # 三分之一, 3分之2, 千 分 之 五
            (?P<fn> [0-9]+ (?:\.[0-9]+)? | [{DIGITS}{MAGNITUDES}]+ (?:点[{DIGITS}]+)? )
          | (?P<fixed> {_SET_VALUE_GUARDS} )                      # 对折, 半成: a number with its unit
          | (?P<sn> [1-9] ) / (?P<sd> [2-9] | 10 ) (?![0-9/.])        # 2/3
          | (?P<half0> 半 ) (?= 个?(?:{alternation(WORDS["half_before"])}) | {_HALF_OF} )  # 半小时, 半年, 半吨
          | (?P<n1>                                         # the number itself
                [0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9]) (?:\.[0-9]+)? {_MAG}*   # 1,150
              | (?<![0-9]\ ) [0-9]{{1,3}}(?:\ [0-9]{{3}})+ (?![0-9]|\ [0-9]) (?:\.[0-9]+)?   # 1 000 000元: thousands spaced (not 400 880 3999)
              | (?<![0-9\-]) [0-9]{{1,3}}(?:，[0-9]{{3}})+(?![0-9]) (?: \.[0-9]+ {_MAG}* (?=\ *[{_FOLLOW}]) | {_MAG}* (?=\ *(?:{_MONEY_WHOLE})) )   # 1，234元, 82，225.00元: a full-width separator only in money or before a decimal part
              | [0-9]+ (?:\.[0-9]+)? (?:[eE][+-]?[0-9]{{1,2}}|[kKwW]) (?![0-9A-Za-z·.])   # 2e5, 40k, 1.5w
              | [0-9]+ (?:\.[0-9]+)? (?: (?:\ (?<!(?:19|20)[0-9][0-9]\ ))? {_MAG}+ (?: 零? (?:[0-9]+|[{_CHINESE_DIGITS}]) {_MAG}+ )* (?: 零?[0-9]+ (?![0-9.]) )? )?  # 1150, 0.04, 1.2万, 3亿5千万, 3万4000, 100万三千, 177.1 亿 (not 2019 万科)
              | (?: {_NOT_A_MAG_UNIT} (?!{_WEIGHT_LIANG}) [{DIGITS}{MAGNITUDES}] (?:\ (?=[{DIGITS}{MAGNITUDES}]))? )+
                (?:点[{DIGITS}]+ (?:[千百]?[万萬亿億])*)?   # 一千一百五十, 三点五(亿) (not the 十 of 三点五十分), 一百 五 十 二 (not 亿千瓦's 千, 三两酒's 两)
            )
            # Without a sign, a number must end in a magnitude (or in the one digit that
            # stands for the next magnitude down: 一万二 is 12000, 三千五 3500, 1万5 15000) or be
            # followed by something that can make it a figure; this turns 十分, 一国两制,
            # 1998， away cheaply.
            (?(sign) | (?: (?<=[万萬亿億百千kKwW]) | (?<=[eE][0-9]) | (?<=[eE][0-9][0-9]) | (?<=[一二两三四五六七八九十][万萬亿億千百][一二两三四五六七八九]) | (?<=[0-9][万萬亿億千百][1-9])
                         | (?=\ *[{_FOLLOW}]) | {_AFTER_A_MAGNITUDE} ))
            (?P<q1> 多 | 余 | 几 | 数(?<=十数) | 来(?<=[0{LARGE}]来)(?=[{_UNIT_FIRST}]) )?  # 900多, 3000余, 十几, 十数, 十来个, 500来公斤 (a round number: not 二来)
            (?P<m1> (?: (?<=[多余几数来0-9]) | 个(?=亿) ) {_MAG}+ )?   # 3000余万, 二十几万, 十数万, 5个亿 (never the 十 of 七十八)
            (?P<q3> 多 | 余 )?                               # 一点七万余, 160亿多
            (?:                                              # a range: 3至5天, 5万-10万元
                (?P<u1> {UNIT_ALTERNATION} )?
                (?P<sep> {_RANGE_SEPARATORS} )
                (?P<n2> [0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9]) (?:\.[0-9]+)? {_MAG}*   # 20,000美元至40,000美元
                      | [0-9]+ (?:\.[0-9]+)? (?: [kKwW](?![0-9A-Za-z]) | {_MAG}* ) | [{DIGITS}{MAGNITUDES}]+ )   # 10~15k
                (?P<q2> 多 | 余 )?
                (?P<m2> {_MAG}+ )?
            )?
        )
        (?P<space> (?=\ )(?<=[0-9{DIGITS}{MAGNITUDES}])\ +(?=[^0-9{DIGITS}{MAGNITUDES}\ ]) )?            # 45 例, 2.4   个百分 点, as bulletins space them
        {'' if dates else _NO_DATES_BEHIND}
        (?:
            (?P<date> {_DATE} )                              # 11月, 8日, 3时 (2019年 is found as 年 below)
          | (?P<cls> 个 (?P<chalf> 半 )? (?P<cq> 多 )?
                {classified} )?
            (?P<unit> {unit} )
            (?P<per> / (?: {UNIT_ALTERNATION} | 平方公里 ) | {_PER_WORD} )?          # 60辆/小时, 3000元/吨, 5米每秒
            (?: (?<=成) \ (?=[半一二三四五六七八九](?![\u4e00-\u9fff])) )?   # 七 成 六, 三 成 半: spaced as the number is
            (?P<uhalf> 半 (?!个|{_HALF_OF}) )?                          # 一年半, 一吨半, 三成半
            (?P<udigit> (?:(?<=成)|(?<=成\ )) [一二三四五六七八九] (?![{DIGITS}{MAGNITUDES}]) )?   # 七成六: 76 %
            (?P<sub> (?=又?[0-9{DIGITS}]) (?:{_AFTER_A_WHOLE_UNIT}) (?: (?P<counted> {_AFTER_A_COUNTED_UNIT} ) | (?!{_AFTER_A_COUNTED_UNIT}) )
                (?: 又? (?P<subn> [0-9]+ | [{DIGITS}] ) (?P<subunit> (?(counted) (?:{_COUNTED_SUBUNITS}) | (?:{_SUBUNITS}) ) )   # 五元三毛, 两美元又三美分, 3小时05分
                    (?: (?P<subn2> [0-9]+ | [{DIGITS}] ) (?P<subunit2> (?(counted) (?:{_COUNTED_SUBUNITS}) | (?:{_SUBUNITS}) ) )   # 五元六角八分, 2小时10分15秒
                            | (?P<subd2> [一二三四五六七八九] | (?<=[0-9]{_SUBUNITS_CLASS})[1-9]{_NOT_A_LIST} ) {_DIGIT_ENDS} )? (?(counted) | {_SUBUNIT_ENDS} )   # 七毛八 (not 三角形; but 3小时05分夺冠)
                  | (?<=[{_DECIMAL_WHOLES}]) (?P<szero> 零 )? (?P<subd> [一二三四五六七八九] | (?<=[0-9][{_DECIMAL_WHOLES}])[1-9]{_NOT_A_LIST} ) {_DIGIT_ENDS} ) )?   # 一块二, 三块零四, 4块5毛2
        )?
        (?P<uq> (?!{_NOT_AFTER_UNIT}) (?:{_AFTER_UNIT}) )?     # 以上, 左右, 10秒内, 一年多 (not 4GB内存)
    """,
        re.VERBOSE,
        name=("spans-dates" if dates else "spans") + ("-spaced" if spaced else ""),
    )


PATTERN = _pattern(dates=False)


@functools.cache
def span_pattern(dates: bool = False) -> re.Pattern:
    """The span pattern, with or without dates.  The one with dates is compiled the
    first time it is asked for: compiling takes a twentieth of a second, a tenth of
    the start-up of a run that does not need it."""
    return _pattern(dates=True) if dates else PATTERN


@functools.cache
def spaced_pattern(dates: bool = False) -> re.Pattern:
    """The span pattern for a span with a space after its number (`space` group): the
    same, but for a unit that may be spaced inside (百分 点).  Such spans are rare, so
    the larger pattern is compiled only for a text that has one."""
    return _pattern(dates=dates, spaced=True)
