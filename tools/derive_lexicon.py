"""Derive ``src/figs/data/lexicon.txt`` from jieba's dictionary.

The word list figs segments the text around a figure with comes from jieba 0.42.1
(https://github.com/fxsjy/jieba, MIT licence, (c) Sun Junyi), file ``jieba/dict.txt``:
one ``word frequency tag`` a line, about 349,000 words.  This script keeps the words
of two to eight characters, made only of Chinese characters, and folds jieba's tags
into the few classes figs uses:

    place  ns          辽宁, 长春市
    org    nt          国务院
    person nr nrt nrfg 李书莲 (and many foreign names: 特斯拉 is nrt)
    noun   n vn nz ng an j 员工, 股价, 流动, 党支部 (verbal nouns and abbreviations count)
    time   t tg        今年, 目前
    verb   v vd vi     新增, 上涨, 确诊
    other  everything else that bounds a word (d adverbs, p, c, r, a, f, b …)
    quantity  m words with no numeral, unit or vague character (多少, 许多, 若干)

Idioms and set phrases (i, l), numerals and measure words (m, q: figs has its own;
but for the words of quantity above) and strings (x) are left out.  Words rarer than ``--floor`` (default 10) are left out,
except places and organisations, which are kept at any frequency (a district named
once is still a place); Chinese person names (nr, nrfg) rarer than ``--person-floor``
(default 200) too: jieba's long tail of them is mostly ordinary words tagged nr, and
names in the news are rarely in a dictionary anyway.  Transliterated names (nrt:
特斯拉, 沃尔夫) take the ordinary floor, and so do the foreign names jieba tags nr
(特朗普 14): names of three or more characters that are all characters of
transliteration, those that stand in at least ``TRANSLITERATION_WORDS`` of jieba's nrt
words (尔 斯 拉 克 特 …).  Nouns of two or three characters that end in
a character naming a measure (``MEASURE_ENDS``: 均价 3, 统供率 2, 成套率 4, 集资额 5)
are kept at any frequency too: they are what figures count, and without them the
measure falls apart (均 + 价, 统 + 供率).  Usage::

    pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz
    python tools/derive_lexicon.py jieba-0.42.1/jieba/dict.txt > src/figs/data/lexicon.txt

Corrections (``src/figs/data/lexicon_corrections.tsv``, applied by segment.py on load).
jieba's name classes hold many common words (its nr: 明星, 晋级, 小姐; its ns: 城市,
深度, 山区), and a common word taken for a name becomes a wrong holder.  A tagged
corpus shows which: the PKU part-of-speech tagged People's Daily of January 1998
(``../shared/corpus/people-daily-1998-01.pos.txt``, third-party, not shipped; the
script reads it when given and only its first 90 % of lines, the rest being held out).
For each lexicon word of the classes person, place and org the script counts how often
the corpus tags it as a name (nr, ns, nt, nz, a run of nr tokens such as 江/nr 泽民/nr,
or a compound span [中国/ns 政府/n]nt) and how often as another part of speech.  Tags
that do not say "not a name" are not counted either way: j (abbreviations: 北约, 安理会),
l (set phrases: 人民法院), s and f (place and direction words: 东北, 中西部) and tokens
inside a compound name.
A word seen at least ``MIN_SEEN`` times and tagged a name at most ``MAX_NAME_SHARE``
of them moves to the class of its commonest other tag (n vn an → noun, v → verb,
t → time, anything else → other).  An organisation needs one more sign to become a
noun, since the corpus tags a bare party or body (国民党, 解放军) n as well: it must
be counted, standing after a numeral, measure word or pronoun (248/m 个/q 党组织,
各/r 团组织) in at least ``MIN_COUNTED_SHARE`` of its occurrences, as kinds of
organisation are and names are not.  The thresholds follow what the counts show: of the
words seen five times or more, nearly all are either a name in more than half of their
occurrences or never; the few in between (文明 5/344, 海关 1/119) are common words, and
a word seen once or twice says too little.  Only the word and its new class are kept
(with the counts as the reason), never corpus text::

The same counts move verbs that are nouns: jieba tags 选手, 收入, 预算, 警察, 超市 v, and a
noun taken for a verb ends the noun after a figure too early (12名选手进入决赛 named
nothing).  A lexicon verb seen at least ``MIN_SEEN`` times and tagged n (a plain noun,
not vn, a verbal noun) in at least ``MIN_NOUN_SHARE`` of them becomes a noun.  The
counts split cleanly: of the lexicon's verbs seen five times or more, 2,233 are tagged n
in under a tenth of their occurrences and 132 in over nine tenths, and only 39 between.

    python tools/derive_lexicon.py --corrections ../shared/corpus/people-daily-1998-01.pos.txt \
        > src/figs/data/lexicon_corrections.tsv

The same corpus says which words, right before a noun, are a verb taking it as its
object (节约/v 资金/n, 清理/v 小汽车/n) rather than a word naming the noun's kind (建设/vn
资金/n, 销售/vn 收入/n): figs leaves such a verb out of the measure (节约资金1417万元: 资金).
A word of the lexicon (not a name) seen right before a plain noun (n) at least
``MIN_BEFORE_NOUN`` times and tagged v in at least ``MIN_OBJECT_SHARE`` of them is one.
jieba calls many of them nouns (its vn: 节约, 精简; its n: 利用, 出售), so its tags cannot
say it.  The counts split as the verbs' do: most words before a noun are tagged v there
nearly always (形成 70 of 73, 吸收 16 of 17) or seldom (建设 46 of 290, 生产 30 of 261)::

    python tools/derive_lexicon.py --object-verbs ../shared/corpus/people-daily-1998-01.pos.txt \
        > src/figs/data/object_verbs.tsv
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator

CLASSES = {
    "ns": "place", "nt": "org",
    "nr": "person", "nrt": "person", "nrfg": "person",
    "n": "noun", "vn": "noun", "nz": "noun", "ng": "noun", "an": "noun", "j": "noun",
    "t": "time", "tg": "time",
    "v": "verb", "vd": "verb", "vi": "verb",
}
HAN = re.compile(r"[\u4e00-\u9fff]{2,8}")
KEEP_RARE = ("place", "org")
MEASURE_ENDS = frozenset("价率额量数值费税")  # 均价, 统供率: a rare measure noun is kept
TRANSLITERATION_WORDS = 30  # a character of this many nrt words writes foreign names
SKIP = frozenset({"i", "l", "m", "q", "x", "mq"})
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src", "figs", "data")


def _quantity_characters(data: str = DATA) -> frozenset[str]:
    """The characters of figs' numerals, one-character units and vague numbers (几, 数,
    半: numerals.tsv, units.tsv, words.tsv vague and half_number)."""
    chars: set[str] = set("0123456789")
    for name in ("numerals.tsv", "units.tsv", "words.tsv"):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")][1:]
        if name == "words.tsv":
            chars.update(r[1] for r in rows if r[0] in ("vague", "half_number") and len(r[1]) == 1)
        else:
            chars.update(r[0] for r in rows if len(r[0]) == 1)
    return frozenset(chars)


def _quantity_word_kept(word: str, tag: str, quantity: frozenset[str]) -> bool:
    """A word jieba tags a numeral (m) with no numeral or unit character in it: a word of
    quantity that bounds other words (多少, 许多, 若干, 众多), kept as `quantity` when at
    least ``QUANTITY_FLOOR`` common.  Without it 电费多少钱 is cut 电 + 费多 + 少 + 钱."""
    return tag == "m" and quantity.isdisjoint(word)


QUANTITY_FLOOR = 400  # a word of quantity as common as this (少儿 203, 绝招 272 are nouns jieba tags m)

# The corrections from the tagged corpus (see the module's text).
NAME_TAGS = frozenset({"nr", "ns", "nt", "nz"})
SILENT_TAGS = frozenset({"j", "l", "s", "f", "w", "x"})  # say nothing about being a name
CORRECTED = ("person", "place", "org")
MIN_SEEN = 3
MAX_NAME_SHARE = 0.05
MIN_COUNTED_SHARE = 0.10  # an org moves to noun only when counted this often
COUNTING_TAGS = frozenset({"m", "q", "r"})
MIN_NOUN_SHARE = 0.80  # a verb becomes a noun when tagged n this often
COMMON = frozenset({"noun", "verb", "time", "other"})  # the classes a place may hide in
MIN_NAMED_SEEN = 5  # a common word becomes a place or an organisation when seen this often
MIN_NAMED_SHARE = 0.80  # and tagged ns (or nt) in this share of them
MIN_BEFORE_NOUN = 4  # an object verb: seen this often right before a noun,
MIN_OBJECT_SHARE = 0.80  # and tagged v in this share of them
HELD_OUT = 0.10  # the last tenth of the corpus's lines is never read
TOKEN = re.compile(r"(\[)?([^\s/\[\]]+)/([A-Za-z]+)(?:\]([A-Za-z]+))?")


def _transliteration_characters(entries: list[list[str]]) -> frozenset[str]:
    """The characters that write foreign names: those of many of jieba's nrt words."""
    counts: dict[str, int] = {}
    for word, _, tag in entries:
        if tag == "nrt":
            for c in set(word):
                counts[c] = counts.get(c, 0) + 1
    return frozenset(c for c, n in counts.items() if n >= TRANSLITERATION_WORDS)


def _measure_noun(word: str, cls: str) -> bool:
    """A noun of two or three characters that names a measure (均价, 统供率)."""
    return cls == "noun" and len(word) <= 3 and word[-1] in MEASURE_ENDS


def read_lexicon(path: str) -> dict[str, str]:
    """The word classes of a lexicon.txt."""
    words: dict[str, str] = {}
    cls = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("["):
                cls = line.strip("[]")
            elif line and not line.startswith("#"):
                words[line] = cls
    return words


def corpus_counts(path: str) -> tuple[dict[str, int], dict[str, dict[str, int]], dict[str, int]]:
    """From a PKU tagged corpus (first 90 % of lines): how often each word is tagged a
    name, how often each other tag, and how often it is counted (after m, q or r)."""
    names: dict[str, int] = {}
    others: dict[str, dict[str, int]] = {}
    counted: dict[str, int] = {}
    for line in _tuning_lines(path):
        tokens = [m.groups() for m in map(TOKEN.fullmatch, line.split()[1:]) if m]
        span: list[str] | None = None
        run: list[str] = []
        before = "w"
        for opening, word, tag, span_tag in tokens + [(None, "", "w", None)]:
            tag = tag.lower()
            if before in COUNTING_TAGS:
                counted[word] = counted.get(word, 0) + 1
            before = tag
            if tag == "nr":
                run.append(word)
            else:
                if len(run) > 1:  # 江/nr 泽民/nr: one person
                    names["".join(run)] = names.get("".join(run), 0) + 1
                run = []
            if opening:
                span = []
            if span is not None:
                span.append(word)
            if tag in NAME_TAGS:
                names[word] = names.get(word, 0) + 1
            elif tag not in SILENT_TAGS and span is None:
                by_tag = others.setdefault(word, {})
                by_tag[tag] = by_tag.get(tag, 0) + 1
            if span_tag is not None and span is not None:
                if span_tag.lower() in NAME_TAGS:
                    whole = "".join(span)
                    names[whole] = names.get(whole, 0) + 1
                span = None
    return names, others, counted


def corrections(lexicon: dict[str, str], corpus: str) -> list[tuple[str, str, str]]:
    """(word, new class, reason) for the name-class words the corpus shows are common
    words, and the verbs it shows are nouns."""
    names, others, counted = corpus_counts(corpus)
    out = []
    for word, cls in sorted(lexicon.items()):
        if cls == "verb" and word in others:
            nouns = others[word].get("n", 0)
            seen = names.get(word, 0) + sum(others[word].values())
            if seen >= MIN_SEEN and nouns >= MIN_NOUN_SHARE * seen:
                out.append((word, "noun", f"verb: tagged n {nouns} of {seen}"))
            continue
        if cls not in CORRECTED or word not in others:
            continue
        named, by_tag = names.get(word, 0), others[word]
        seen = named + sum(by_tag.values())
        if seen < MIN_SEEN or named > MAX_NAME_SHARE * seen:
            continue
        tag = max(sorted(by_tag), key=by_tag.__getitem__)
        new = CLASSES.get(tag, "other")
        if new in CORRECTED:
            continue
        reason = f"{cls}: tagged a name {named} of {seen}, most often {tag}"
        if cls == "org" and new == "noun":
            if counted.get(word, 0) < MIN_COUNTED_SHARE * seen:
                continue
            reason += f", counted {counted.get(word, 0)}"
        out.append((word, new, reason))
    return out


def _tuning_lines(path: str) -> Iterator[str]:
    """The lines of a PKU tagged corpus but its last `HELD_OUT` share, which is never read."""
    with open(path, encoding="utf-8") as f:
        total = sum(1 for _ in f)
    with open(path, encoding="utf-8") as f:
        for _, line in zip(range(int(total * (1 - HELD_OUT))), f):
            yield line


def _tagged_lines(path: str) -> Iterator[list[tuple[str, str]]]:
    """The (word, tag) tokens of each line of the first 90 % of a PKU tagged corpus."""
    for line in _tuning_lines(path):
        yield [(m.group(2), m.group(3).lower()) for m in map(TOKEN.fullmatch, line.split()[1:]) if m]


def object_verbs(lexicon: dict[str, str], corpus: str) -> list[tuple[str, str]]:
    """(word, reason) for the words of the lexicon the corpus tags a verb right before a
    noun nearly always: before a noun they take it as their object."""
    before_noun: dict[str, dict[str, int]] = {}
    for tokens in _tagged_lines(corpus):
        for (word, tag), (_, next_tag) in zip(tokens, tokens[1:]):
            if next_tag == "n":
                by_tag = before_noun.setdefault(word, {})
                by_tag[tag] = by_tag.get(tag, 0) + 1
    out = []
    for word, cls in sorted(lexicon.items()):
        by_tag = before_noun.get(word)
        if cls in CORRECTED or len(word) < 2 or not by_tag:
            continue
        seen, verbs = sum(by_tag.values()), by_tag.get("v", 0)
        if seen >= MIN_BEFORE_NOUN and verbs >= MIN_OBJECT_SHARE * seen:
            out.append((word, f"before a noun: tagged v {verbs} of {seen}"))
    return out


def _write_tsv(comment: str, header: tuple[str, ...], rows) -> None:
    """A data file on standard output: its comment lines, its header, its rows."""
    out = sys.stdout
    out.writelines(f"# {line}\n" for line in comment.splitlines())
    out.write("\t".join(header) + "\n")
    out.writelines("\t".join(row) + "\n" for row in rows)


def write_object_verbs(lexicon_path: str, corpus: str) -> None:
    _write_tsv("Verbs that take the noun after them as their object (节约资金: 资金 is the measure),\n"
               "written by tools/derive_lexicon.py --object-verbs from the counts of the PKU tagged\n"
               "People's Daily 1998-01 (its first 90 % of lines; not shipped).  Do not edit by hand:\n"
               "claims.tsv object_verb adds words by hand, modifier and stock_flow take words out.",
               ("word", "reason"), object_verbs(read_lexicon(lexicon_path), corpus))


def name_corrections(lexicon: dict[str, str], corpus: str) -> list[tuple[str, str, str]]:
    """(word, place or org, reason) for the common-class words of the lexicon (noun, verb,
    time, other) that the corpus tags a place (ns) or an organisation (nt) nearly always:
    jieba calls 合肥 and 开罗 nouns, 大连 and 约旦 other words."""
    tags: dict[str, dict[str, int]] = {}
    for tokens in _tagged_lines(corpus):
        for word, tag in tokens:
            if lexicon.get(word) in COMMON:
                by_tag = tags.setdefault(word, {})
                by_tag[tag] = by_tag.get(tag, 0) + 1
    out = []
    for word, by_tag in sorted(tags.items()):
        seen = sum(by_tag.values())
        for tag, cls in (("ns", "place"), ("nt", "org")):
            if seen >= MIN_NAMED_SEEN and by_tag.get(tag, 0) >= MIN_NAMED_SHARE * seen:
                out.append((word, cls, f"{lexicon[word]}: tagged {tag} {by_tag[tag]} of {seen}"))
    return out


def write_corrections(lexicon_path: str, corpus: str) -> None:
    lexicon = read_lexicon(lexicon_path)
    _write_tsv("Corrections to lexicon.txt's name classes and verbs, written by tools/derive_lexicon.py\n"
               "--corrections from the counts of the PKU tagged People's Daily 1998-01 (its first\n"
               "90 % of lines; the corpus itself is not shipped).  Do not edit by hand.",
               ("word", "class", "reason"), sorted(corrections(lexicon, corpus) + name_corrections(lexicon, corpus)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict_txt", nargs="?")
    parser.add_argument("--floor", type=int, default=10)
    parser.add_argument("--person-floor", type=int, default=200)
    parser.add_argument("--corrections", metavar="PKU_POS_TXT",
                        help="write lexicon_corrections.tsv from this tagged corpus instead")
    parser.add_argument("--object-verbs", metavar="PKU_POS_TXT",
                        help="write object_verbs.tsv from this tagged corpus instead")
    parser.add_argument("--lexicon", default="src/figs/data/lexicon.txt")
    parser.add_argument("--data", default=DATA, help="figs' data folder (numerals.tsv, units.tsv)")
    args = parser.parse_args()
    if args.object_verbs:
        write_object_verbs(args.lexicon, args.object_verbs)
        return
    if args.corrections:
        write_corrections(args.lexicon, args.corrections)
        return
    if not args.dict_txt:
        parser.error("a jieba dict.txt is needed (or --corrections)")
    rows = []
    with open(args.dict_txt, encoding="utf-8") as f:
        entries = [parts for parts in map(str.split, f) if len(parts) == 3 and HAN.fullmatch(parts[0])]
    foreign = _transliteration_characters(entries)
    quantity = _quantity_characters(args.data)
    for word, count, tag in entries:
        freq = int(count)
        cls = CLASSES.get(tag, "other")
        if _quantity_word_kept(word, tag, quantity):
            if freq >= QUANTITY_FLOOR:
                rows.append((word, "quantity"))
            continue
        if tag in SKIP or (tag in ("nr", "nrfg") and freq < args.person_floor
                           and not (len(word) >= 3 and foreign.issuperset(word) and freq >= args.floor)):
            continue
        if freq < args.floor and cls not in KEEP_RARE and not _measure_noun(word, cls):
            continue
        rows.append((word, cls))
    out = sys.stdout
    out.write("# Derived from jieba 0.42.1 jieba/dict.txt (MIT licence, (c) 2013 Sun Junyi)\n")
    out.write("# by tools/derive_lexicon.py; see data/LICENSE-jieba.  Do not edit by hand.\n")
    out.write("# One word a line, in sections by class: a line [class] starts each.\n")
    out.write("# lexicon_corrections.tsv (derive_lexicon.py --corrections) corrects the name classes.\n")
    by_class: dict[str, list[str]] = {}
    for word, cls in rows:
        by_class.setdefault(cls, []).append(word)
    for cls in sorted(by_class):
        out.write(f"[{cls}]\n")
        out.writelines(f"{word}\n" for word in sorted(by_class[cls]))


if __name__ == "__main__":
    main()
