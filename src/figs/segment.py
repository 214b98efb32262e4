"""Words around a figure: a lexicon, a segmenter, and names the lexicon lacks.

The lexicon (``data/lexicon.txt``, about 86,000 words derived from jieba's
dictionary; see ``data/LICENSE-jieba``) gives each word a class: ``place``,
``org``, ``person``, ``noun``, ``time``, ``verb`` or ``other``.  It is read on
first use, so a run that finds no figure never pays for it.

`words` cuts a short stretch of text (the dozen characters before a figure, the
start of a clause) into words by backward maximum matching: from the end, the
longest word of the lexicon that ends there, else one character.  Then names the
lexicon lacks are put together from their suffixes (``data/claims.tsv``): a place
is a word or two before 省, 市, 县 … (驻马店 + 市), an organisation the words
before 公司, 集团, 局, 中心 … (奔跑兔商贸有限公司).  Each word comes out with its
class; a name made from a suffix gets ``place`` or ``org``, a word that names a
holder by itself (全省, 我国, 公司) ``holder``.

>>> [w for w, _ in words("长春市奔跑兔商贸有限公司现有员工")]
['长春市奔跑兔商贸有限公司', '现有', '员工']
>>> words("今年营业额")
(('今年', 'time'), ('营业额', 'noun'))
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Classes a name is made of: its words may stand before a suffix.
NAMES = frozenset({"place", "org", "person", "holder"})
ENTITY = NAMES
_NAME_PARTS = frozenset({"place", "org", "person", "noun", "char", "latin", "holder"})
_NAMED = frozenset({"place", "org", "person"})
_LONGEST_NAME = 16
_LONGEST_WORD = 8
_ADMIN_LEVELS = frozenset("省市县区镇乡村")
_COUNTERS = frozenset("个名位家只条项件次种类批支座台")
_NUMERAL_CHARS = frozenset("〇零一二两三四五六七八九十百千万亿几数")


class _Lexicon:
    """The word classes and suffix lists, read from the data files on first use."""

    def __init__(self) -> None:
        self.words: dict[str, str] = {}
        self.groups: dict[str, frozenset[str]] = {}
        self.loaded = False

    def load(self) -> None:
        data = resources.files("figs").joinpath("data")
        text = data.joinpath("lexicon.txt").read_text(encoding="utf-8")
        words: dict[str, str] = {}
        for section in text.split("\n[")[1:]:  # [class]\nword\nword…: whole sections at C speed
            head, _, body = section.partition("\n")
            words.update(dict.fromkeys(body.split(), head.rstrip("]")))
        groups: dict[str, set[str]] = {}
        for line in data.joinpath("claims.tsv").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                group, word = line.split("\t")
                groups.setdefault(group, set()).add(word)
        groups.pop("group", None)
        for word in groups["time"]:
            words[word] = "time"
        for word in groups["holder"]:
            words[word] = "holder"
        for word in groups["noun"]:
            words[word] = "noun"
        for word in groups["adverb"]:
            words[word] = "other"
        self.words = words
        self.groups = {k: frozenset(v) for k, v in groups.items()}
        self.suffixes = {
            "place": tuple(sorted(groups["place_suffix"], key=len, reverse=True)),
            "org": tuple(sorted(groups["org_suffix"], key=len, reverse=True)),
        }
        self.suffix_words = frozenset(groups["place_suffix"] | groups["org_suffix"])
        self.function = frozenset(groups["function"])
        self.loaded = True


LEXICON = _Lexicon()


def group(name: str) -> frozenset[str]:
    """A word list of ``data/claims.tsv``."""
    if not LEXICON.loaded:
        LEXICON.load()
    return LEXICON.groups[name]


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[tuple[str, str], ...]:
    """`text` cut into (word, class) pairs, names put together from their suffixes."""
    lex = LEXICON
    if not lex.loaded:
        lex.load()
    table, function = lex.words, lex.function
    out: list[tuple[str, str]] = []
    i = len(text)
    while i > 0:
        c = text[i - 1]
        if c.isascii() and c.isalnum():
            j = i - 1
            while j > 0 and text[j - 1].isascii() and (text[j - 1].isalnum() or text[j - 1] in " -"):
                j -= 1
            out.append((text[j:i].strip(" -"), "latin"))
            i = j
            continue
        for n in range(min(_LONGEST_WORD, i), 1, -1):
            w = text[i - n:i]
            cls = table.get(w)
            if cls is not None:
                out.append((w, cls))
                i -= n
                break
        else:
            out.append((c, "function" if c in function else "mark" if c in _NUMERAL_CHARS
                        else "char" if "\u4e00" <= c <= "\u9fff" else "mark"))
            i -= 1
    out.reverse()
    for k in range(1, len(out)):
        if out[k][1] == "char" and out[k - 1][0] in _NUMERAL_CHARS and out[k][0] in _COUNTERS:
            out[k] = (out[k][0], "mark")  # 三个小组: 个 counts, it names nothing
    return tuple(_names(out, lex))


def _names(ws: list[tuple[str, str]], lex: _Lexicon) -> list[tuple[str, str]]:
    """Words before a place or organisation suffix joined into one name.

    The name takes nouns, names and characters the lexicon lacks; a verb only where a
    name stands before it (长春市 + 奔跑 + 兔商贸有限公司), never an adverb or a
    function word (充分发挥商会 is no name).  A one-character suffix (市, 局, 店) takes
    only a word, not a lone character (累计闭店 is no name).
    """
    out: list[tuple[str, str]] = []
    for w, cls in ws:
        kind = _suffix_kind(w, cls, lex)
        if not kind:
            if cls == "org" and out and out[-1][0] in _ADMIN_LEVELS:
                w = out.pop()[0] + w  # 省 + 商务厅
            out.append((w, cls))
            continue
        name = w
        while out and len(out[-1][0]) + len(name) <= _LONGEST_NAME:
            prev, prev_cls = out[-1]
            if len(w) == 1 and name == w and (prev_cls == "char" or len(prev) < 2 and prev_cls != "latin"):
                break
            if kind == "place" and len(w) == 1 and name == w and prev_cls == "noun":
                break  # 示范县, 贫困村: a kind of place, not a place's name
            if prev_cls == "verb":
                if len(out) < 2 or out[-2][1] not in _NAMED:
                    break
            elif prev_cls not in _NAME_PARTS:
                break
            name = prev + name
            out.pop()
        if kind == "org" and out and out[-1][0] in _ADMIN_LEVELS:
            name = out.pop()[0] + name  # 省 + 商务厅, 市委
        if name == w and w in lex.suffix_words:
            out.append((w, "char" if len(w) == 1 else cls))  # 市, 地区, 公司 alone are no name
            continue
        out.append((name, kind))
    return out


def _suffix_kind(w: str, cls: str, lex: _Lexicon) -> str:
    if cls in ("place", "org", "person"):
        return ""
    for kind in ("org", "place"):
        if w in lex.suffixes[kind] or (cls == "noun" and w.endswith(lex.suffixes[kind]) and len(w) >= 3):
            return kind
    return ""
