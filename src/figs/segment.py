"""Words around a figure: a lexicon, a segmenter, and names the lexicon lacks.

The lexicon (``data/lexicon.txt``, about 86,000 words derived from jieba's
dictionary; see ``data/LICENSE-jieba``; its name classes corrected by
``data/lexicon_corrections.tsv``) gives each word a class: ``place``,
``org``, ``person``, ``noun``, ``time``, ``verb`` or ``other`` (its words of
quantity, 许多, 若干, are ``other`` once cut, but let a counter after them count).  Built, it is
86,000 Python strings, half of a short run's start-up; so the first run writes the
built tables to a cache file (``__pycache__/lexicon.marshal``, by character), and
each later run makes only the words it looks up: those ending in a character are read
the first time a lookup needs that character.  The cache is used only when it was
made from these very data files; a damaged or missing one, or a folder that cannot be
written, means building the lexicon as before.

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

import marshal
import os
import sys
import zlib

from .lexicon import UNITS
from .patterns import cache_path, write_whole

# Classes a name is made of: its words may stand before a suffix.
NAMES = frozenset({"place", "org", "person", "holder"})
ENTITY = NAMES
_NAME_PARTS = frozenset({"place", "org", "person", "noun", "char", "latin", "holder"})
# The classes of a proper name, and of a name that can own a figure as a place or body does.
NAMED = frozenset({"place", "org", "person"})
PLACE_OR_ORG = frozenset({"place", "org"})
_LONGEST_NAME = 16
QUANTITY = "quantity"  # the lexicon's words of quantity (许多, 若干), `other` once cut
_ADMIN_LEVELS = frozenset("省市县区镇乡村")
COUNTERS = frozenset("个名位家只条项件次种类批支座台")
_NUMERAL_CHARS = frozenset("〇零一二两三四五六七八九十百千万亿几数")


_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read(name: str) -> str:
    """A data file beside this module (not through importlib.resources: its import is a
    tenth of the start-up)."""
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        return f.read()


def _groups() -> dict[str, frozenset[str]]:
    """The word lists of ``data/claims.tsv`` (small: read at import)."""
    text = _read("claims.tsv")
    groups: dict[str, set[str]] = {}
    for line in text.splitlines()[1:]:
        if line and not line.startswith("#"):
            name, word = line.split("\t")
            groups.setdefault(name, set()).add(word)
    groups.pop("group", None)
    return {k: frozenset(v) for k, v in groups.items()}


GROUPS = _groups()
_QUANTITY = GROUPS["quantity_char"]


class _Lexicon:
    """The word classes of ``data/lexicon.txt`` (86,000 words), read on first use.

    Making 86,000 words into Python strings is most of a short run's start-up, so
    a run makes only those it looks up: the words that end in a character (and the
    lengths of the words that start with one) are read the first time a lookup
    needs that character, from the cache file (`_CACHE_NAME`) that holds the built tables
    by character.  `ensure_tail` and `ensure_head` do that; `load` builds all of it
    from the data files (and writes the cache)."""

    def __init__(self) -> None:
        self.words: dict[str, str] = {}
        # By their last (first) two characters, the lengths of the words that end
        # (start) with them, longest first: the only lengths worth looking up there.
        self.end_lengths: dict[str, tuple[int, ...]] = {}  # of the words of 3+ characters
        self.head_lengths: dict[str, tuple[int, ...]] = {}
        self.kinds: dict[tuple[str, str], str] = {}  # _suffix_kind, by word and class
        self.suffixes = {
            "place": tuple(sorted(GROUPS["place_suffix"], key=len, reverse=True)),
            "org": tuple(sorted(GROUPS["org_suffix"], key=len, reverse=True)),
        }
        self.suffix_words = GROUPS["place_suffix"] | GROUPS["org_suffix"]
        self.suffix_ends = frozenset(w[-1] for w in self.suffix_words)
        self.function = GROUPS["function"]
        # One-character pronouns for people (他, 她): holders, as 他们 is (`_build`).
        self.pronouns = frozenset(w for w in GROUPS["person_pronoun"] if len(w) == 1)
        self.loaded = False  # all of the lexicon is in the tables
        self.opened = False  # the cache is read (or all is loaded)
        # From the cache, by character: the words that end in it (with their class codes
        # and the lengths by their last two characters), the lengths by the first two of
        # the words that start with it.
        self.tails = _Shelf("", b"", b"")
        self.heads = _Shelf("", b"", b"")
        self.classes: tuple[str, ...] = ()  # the class names: a class code is an index
        self.tail_done: set[str] = set()  # characters whose words are in the tables
        self.head_done: set[str] = set()

    def load(self) -> None:
        """All of the lexicon, built from the data files."""
        words, end_lengths, head_lengths = _build()
        self.words, self.end_lengths, self.head_lengths = words, end_lengths, head_lengths
        self.loaded = self.opened = True

    def open(self) -> None:
        """Ready for lookups: the cache read, or (when there is none this figs can use)
        all built and the cache written for the next run."""
        if self.loaded:
            return
        found = _read_cache()
        if found is not None:
            self.classes, self.tails, self.heads = found[0], _Shelf(*found[1]), _Shelf(*found[2])
            self.opened = True
            return
        self.load()
        _write_cache(self.words, self.end_lengths, self.head_lengths)

    def ensure_tail(self, c: str) -> None:
        """The words that end in `c` put into the tables."""
        if not self.opened:
            self.open()
        self.tail_done.add(c)
        data = self.tails.get(c)
        if not data:
            return
        ws, codes, ends = data.split("\t")
        classes = self.classes
        words = self.words
        for w, code in zip(ws.split("\n"), codes):
            words[w] = classes[ord(code) - 48]
        if ends:
            _put_lengths(self.end_lengths, ends)

    def ensure_head(self, c: str) -> None:
        """The lengths of the words that start in `c` put into the tables."""
        if not self.opened:
            self.open()
        self.head_done.add(c)
        data = self.heads.get(c)
        if not data:
            return
        _put_lengths(self.head_lengths, data)


def _lengths_line(edge: str, lengths: tuple[int, ...]) -> str:
    """Two characters and the word lengths they allow, as the cache holds them: a
    length n is the character chr(48 + n)."""
    return edge + "".join([chr(48 + n) for n in lengths])


def _put_lengths(table: dict[str, tuple[int, ...]], lines: str) -> None:
    """The lines `_lengths_line` wrote, put back into `table`."""
    for e in lines.split("\n"):
        table[e[:2]] = tuple([ord(n) - 48 for n in e[2:]])


class _Shelf:
    """Texts by character, kept as the cache holds them (one UTF-8 block, and where
    each character's text ends in it) until one is asked for: no string is made
    for a character no lookup needs."""

    def __init__(self, chars: str, ends: bytes, block: bytes) -> None:
        self.chars = chars
        self.ends = memoryview(ends).cast("I")
        self.block = block

    def get(self, c: str) -> str:
        """The text of character `c` ("" when it has none)."""
        i = self.chars.find(c) if len(c) == 1 else -1
        if i < 0:
            return ""
        start = self.ends[i - 1] if i else 0
        return self.block[start:self.ends[i]].decode("utf-8")

    @staticmethod
    def of(texts: dict[str, str]) -> tuple[str, bytes, bytes]:
        """What `_Shelf(*_Shelf.of(texts))` is made of."""
        chars, ends, parts, at = "", [], [], 0
        for c, text in texts.items():
            data = text.encode("utf-8")
            parts.append(data)
            at += len(data)
            chars += c
            ends.append(at)
        return chars, b"".join([n.to_bytes(4, sys.byteorder) for n in ends]), b"".join(parts)


def _build() -> tuple[dict[str, str], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The lexicon's tables from the data files: word → class, and the lengths by
    the words' last and first two characters."""
    text = _read("lexicon.txt")
    words: dict[str, str] = {}
    for section in text.split("\n[")[1:]:  # [class]\nword\nword…: whole sections at C speed
        head, _, body = section.partition("\n")
        words.update(dict.fromkeys(body.split(), head.rstrip("]")))
    # jieba's name classes hold common words (明星, 深度): a tagged corpus moves them
    # to their commonest class (data/lexicon_corrections.tsv, by tools/derive_lexicon.py).
    for line in _read("lexicon_corrections.tsv").splitlines():
        if line and not line.startswith(("#", "word\t")):
            word, cls, _ = line.split("\t", 2)
            words[word] = cls
    # The lists of claims.tsv correct the lexicon's classes.
    for group, cls in (("time", "time"), ("holder", "holder"), ("person_pronoun", "holder"), ("noun", "noun"),
                       ("adverb", "other"), ("currency_word", "unit")):
        words.update(dict.fromkeys(GROUPS[group], cls))
    _weak_names(words)
    end_lengths, head_lengths = _lengths_by_edges(words)
    return words, end_lengths, head_lengths


def _weak_names(words: dict[str, str]) -> None:
    """jieba's person names that are a people (库尔德人, 阿拉伯人, 巴西人) moved to
    ``noun``: what is counted or who acts, never one person who owns a figure."""
    surnames = GROUPS["surname"]
    for w, cls in words.items():
        if cls == "person" and len(w) > 2 and w[-1] == "人" and w[:2] not in surnames:
            words[w] = "noun"


# The cache of the built lexicon: beside the compiled patterns, where
# `figs.patterns.cache_path` puts figs' caches (the package's __pycache__, or the
# user's cache folder for a read-only install).  It is used only when it was made from
# these very data files and this very segment.py (`_cache_key`), and it is written
# whole or not at all.
_CACHE_NAME = "lexicon.marshal"
_CACHE_FORMAT = 2
_SOURCES = (os.path.join(_DATA, "lexicon.txt"), os.path.join(_DATA, "lexicon_corrections.tsv"),
            os.path.join(_DATA, "claims.tsv"), os.path.join(os.path.dirname(os.path.abspath(__file__)), "segment.py"))


def _cache_key() -> tuple:
    """What the tables are made from: the cache's format, and the size and CRC-32 of
    each file they are built from (the data files and this module's source)."""
    key: list = [_CACHE_FORMAT, sys.byteorder]
    for path in _SOURCES:
        with open(path, "rb") as f:
            data = f.read()
        key.append((len(data), zlib.crc32(data)))
    return tuple(key)


_Stored = tuple[tuple[str, ...], tuple[str, bytes, bytes], tuple[str, bytes, bytes]]


def _read_cache() -> _Stored | None:
    """The class names and the tables by character from the cache file; None when
    there is none, or it is unreadable, damaged, or made from other files."""
    try:
        with open(cache_path(_CACHE_NAME), "rb") as f:
            stored = f.read()
        key, crc, payload = marshal.loads(stored)
        if key != _cache_key() or zlib.crc32(payload) != crc:
            return None
        classes, tails, heads = marshal.loads(payload)
        if isinstance(classes, tuple) and all(
                isinstance(s, tuple) and len(s) == 3 and isinstance(s[0], str) and isinstance(s[1], bytes)
                and isinstance(s[2], bytes) and len(s[1]) == 4 * len(s[0]) for s in (tails, heads)):
            return classes, tails, heads
    except Exception:  # no cache yet, a damaged one, or one of another Python
        pass
    return None


def _by_character(words: dict[str, str], end_lengths: dict[str, tuple[int, ...]],
                  head_lengths: dict[str, tuple[int, ...]]) -> _Stored:
    """The tables as the cache holds them, by character (see `_Lexicon.ensure_tail`):
    for each last character, its words, their class codes and the lengths by the last
    two characters, as one UTF-8 text; for each first character, the lengths by the
    first two.  A code or length n is the character chr(48 + n)."""
    names = sorted(set(words.values()))
    code = {name: chr(48 + i) for i, name in enumerate(names)}
    tail_words: dict[str, list[str]] = {}
    for w in words:
        tail_words.setdefault(w[-1], []).append(w)
    tail_ends: dict[str, list[str]] = {}
    for end, ns in end_lengths.items():
        tail_ends.setdefault(end[-1], []).append(_lengths_line(end, ns))
    tails = {c: ("\n".join(ws) + "\t" + "".join([code[words[w]] for w in ws]) + "\t"
                 + "\n".join(tail_ends.get(c, [])))
             for c, ws in tail_words.items()}
    head_ends: dict[str, list[str]] = {}
    for head, ns in head_lengths.items():
        head_ends.setdefault(head[0], []).append(_lengths_line(head, ns))
    heads = {c: "\n".join(es) for c, es in head_ends.items()}
    return tuple(names), _Shelf.of(tails), _Shelf.of(heads)


def _write_cache(words: dict[str, str], end_lengths: dict[str, tuple[int, ...]],
                 head_lengths: dict[str, tuple[int, ...]]) -> None:
    """The cache file written whole or not at all (another process may be reading it);
    a folder that cannot be written is no error: the next run builds the lexicon again."""
    try:
        payload = marshal.dumps(_by_character(words, end_lengths, head_lengths))
        data = marshal.dumps((_cache_key(), zlib.crc32(payload), payload))
    except ValueError:
        return
    write_whole(cache_path(_CACHE_NAME), data)


def _lengths_by_edges(words: dict[str, str]) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The lengths of the words of three characters or more by their last two
    characters, and by their first two, longest first.  (Two-character words need
    no index: the two characters are the word.)  Built in one pass as bit masks
    (bit n: a word of n characters), so each set of lengths becomes one tuple."""
    ends: dict[str, int] = {}
    heads: dict[str, int] = {}
    for w in words:
        n = len(w)
        if n > 2:
            bit = 1 << n
            end, head = w[-2:], w[:2]
            ends[end] = ends.get(end, 0) | bit
            heads[head] = heads.get(head, 0) | bit
    lengths = {m: tuple(k for k in range(m.bit_length() - 1, 2, -1) if m >> k & 1)
               for m in set(ends.values()) | set(heads.values())}
    return {key: lengths[m] for key, m in ends.items()}, {key: lengths[m] for key, m in heads.items()}


LEXICON = _Lexicon()


def group(name: str) -> frozenset[str]:
    """A word list of ``data/claims.tsv``."""
    return GROUPS[name]


def words(text: str) -> tuple[tuple[str, str], ...]:
    """`text` cut into (word, class) pairs, names put together from their suffixes."""
    lex = LEXICON
    if not lex.opened:
        lex.open()
    table, function, end_lengths, done = lex.words, lex.function, lex.end_lengths, lex.tail_done
    pronouns = lex.pronouns
    every = lex.loaded
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
        # The longest word of the lexicon that ends here: of the lengths (three or
        # more) its last two characters allow, else those two characters.  (`in`
        # before indexing: most lookups miss, and `in` is the cheaper miss.)
        if not every and c not in done:
            lex.ensure_tail(c)
        end = text[i - 2:i]
        w, cls = end, None
        if end in end_lengths:
            for n in end_lengths[end]:
                if n <= i and (w := text[i - n:i]) in table:
                    cls = table[w]
                    break
        if cls is None and i >= 2 and end in table:
            w, cls = end, table[end]
        if cls is not None:
            out.append((w, cls))
            i -= len(w)
        else:
            out.append((c, "holder" if c in pronouns else "function" if c in function else "mark" if c in _NUMERAL_CHARS
                        else "char" if "\u4e00" <= c <= "\u9fff" else "mark"))
            i -= 1
    out.reverse()
    if "的" in text:
        _particle_de(out)
    for k in range(1, len(out)):
        if out[k][1] == "char" and out[k][0] in COUNTERS and (out[k - 1][0] in _NUMERAL_CHARS
                                                               or out[k - 1][0][-1:].isdigit()
                                                               or out[k - 1][1] == QUANTITY):
            out[k] = (out[k][0], "mark")  # 三个小组, 若干家企业: 个 counts, it names nothing
    for k, (w, cls) in enumerate(out):
        if cls == QUANTITY:
            out[k] = (w, _as_cut(cls))  # 多少, 许多: a word of quantity bounds words as other words do
    if not lex.suffix_ends.isdisjoint(text):
        out = _names(out, lex)
    return tuple(_adjacent_names(out))


def _particle_de(out: list[tuple[str, str]]) -> None:
    """A word of two characters that ends in 的 (目的, 有的), where the character before
    it and its first make a word: the 的 is the particle, so 项目的 is 项目 + 的, not
    项 + 目的 (这个项目的投资, 该项目的均价: backward matching takes 目的 first)."""
    k = 1
    while k < len(out):
        w, cls = out[k]
        prev = out[k - 1][0]
        joined_class = word_class(prev[-1] + w[0]) if len(w) == 2 and w[1] == "的" and prev else None
        if joined_class is not None:  # (word_class: the lexicon is read by words' last characters)
            head = list(words(prev[:-1])) if len(prev) > 1 else []  # 该项 → 该: cut as any text is
            out[k - 1:k + 1] = head + [(prev[-1] + w[0], joined_class), ("的", "function")]
            k += len(head) + 1
        k += 1


def _adjacent_names(ws: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Places and organisations side by side are one name: 江苏 + 无锡 + 新吴区,
    香港 + 公立医院 (an organisation when one of them is)."""
    out: list[tuple[str, str]] = []
    for w, cls in ws:
        if cls in PLACE_OR_ORG and out and out[-1][1] in PLACE_OR_ORG and len(out[-1][0]) + len(w) <= _LONGEST_NAME:
            prev, prev_cls = out.pop()
            out.append((prev + w, "org" if "org" in (cls, prev_cls) else "place"))
        else:
            out.append((w, cls))
    return out


def first_word(text: str) -> tuple[str, str]:
    """The longest word of the lexicon `text` starts with, and its class; a run of Latin
    letters and digits (``latin``); else its first character (class ``char``,
    ``function`` or ``mark``)."""
    c = text[:1]
    if c.isascii() and c.isalpha():
        n = 1
        while n < len(text) and text[n].isascii() and text[n].isalnum():
            n += 1
        return text[:n], "latin"  # AInnovation有…: a word in Latin letters, as `words` cuts it
    lex = LEXICON
    if not lex.opened:
        lex.open()
    table, every = lex.words, lex.loaded
    if not every and text[:1] not in lex.head_done:
        lex.ensure_head(text[:1])
    for n in lex.head_lengths.get(text[:2], ()):
        if n <= len(text):
            if not every and text[n - 1] not in lex.tail_done:
                lex.ensure_tail(text[n - 1])
            cls = table.get(text[:n])
            if cls is not None:
                return text[:n], _as_cut(cls)
    if len(text) >= 2 and not every and text[1] not in lex.tail_done:
        lex.ensure_tail(text[1])
    cls = table.get(text[:2]) if len(text) >= 2 else None
    if cls is not None:
        return text[:2], _as_cut(cls)
    c = text[:1]
    return c, ("holder" if c in lex.pronouns else "function" if c in lex.function
               else "char" if "\u4e00" <= c <= "\u9fff" else "mark")


def word_class(text: str) -> str | None:
    """The class of `text` when it is one word of the lexicon, else None."""
    lex = LEXICON
    if text and not lex.loaded and text[-1] not in lex.tail_done:
        lex.ensure_tail(text[-1])
    cls = lex.words.get(text)
    return _as_cut(cls) if cls is not None else None


def _as_cut(cls: str) -> str:
    """A lexicon class as `words` gives it: a word of quantity is `other`."""
    return "other" if cls == QUANTITY else cls


def is_quantity(text: str) -> bool:
    """Whether `text` is one of the lexicon's words of quantity (许多, 若干, 多少)."""
    lex = LEXICON
    if text and not lex.loaded and text[-1] not in lex.tail_done:
        lex.ensure_tail(text[-1])
    return lex.words.get(text) == QUANTITY


def could_name(text: str) -> bool:
    """False when `text` holds no character a name could end in: no suffix can make one."""
    return not LEXICON.suffix_ends.isdisjoint(text)


def _names(ws: list[tuple[str, str]], lex: _Lexicon) -> list[tuple[str, str]]:
    """Words before a place or organisation suffix joined into one name.

    The name takes nouns, names and characters the lexicon lacks; a verb only where a
    place stands before it (长春市 + 奔跑 + 兔商贸有限公司; not 团省委 + 联合 + 省农业大学,
    他 + 率 + 中共代表团), never an adverb or a function word (充分发挥商会 is no name).
    A one-character suffix (市, 局, 店) takes only a word, not a lone character (累计闭店
    is no name).
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
        if (kind == "place" and len(w) == 1 and len(out) >= 3 and out[-1][1] == out[-2][1] == "char"
                and out[-3][1] == "place" and out[-1][0] not in _QUANTITY and out[-2][0] not in _QUANTITY):
            name = out.pop()[0] + name  # 江苏 + 洪泽县: after a place, two characters and 县 are a
            name = out.pop()[0] + name  # place within it (an address runs from large to small)
        while out and len(out[-1][0]) + len(name) <= _LONGEST_NAME:
            prev, prev_cls = out[-1]
            if len(w) == 1 and name == w and (prev_cls == "char" or len(prev) < 2 and prev_cls != "latin"):
                break
            if kind == "place" and len(w) == 1 and name == w and prev_cls == "noun":
                break  # 示范县, 贫困村: a kind of place, not a place's name
            if prev_cls == "verb":
                if len(out) < 2 or out[-2][1] != "place":
                    break
            elif prev_cls not in _NAME_PARTS:
                if _numeral_opens(out, name, w):
                    name = out.pop()[0] + name  # 亿 + 客隆连锁集团: a numeral as the first character of a name
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


def _numeral_opens(out: list[tuple[str, str]], name: str, suffix: str) -> bool:
    """True when the numeral before `name` (made of words before `suffix`) is the name's
    first character: one numeral, after no other number, before two or more characters
    that count nothing (亿客隆连锁集团, 五显镇派出所; not 两大集团, 三个分公司, 第一分公司,
    四届…委员会, 一部分…公司: a unit after the numeral makes it a count)."""
    prev = out[-1][0]
    if len(prev) != 1 or prev not in _NUMERAL_CHARS or len(name) - len(suffix) < 2:
        return False
    if name[0] in _QUANTITY or name[0] in COUNTERS or name[0] in _NUMERAL_CHARS or name[0] in UNITS:
        return False
    before = out[-2][0][-1:] if len(out) >= 2 else ""
    return not (before in _NUMERAL_CHARS or before.isdigit() or before in ("第", "前", "后", "每"))


def _suffix_kind(w: str, cls: str, lex: _Lexicon) -> str:
    if cls in ("place", "org", "person") or w[-1] not in lex.suffix_ends:
        return ""
    kind = lex.kinds.get((w, cls))
    if kind is None:
        kind = lex.kinds[(w, cls)] = _suffix_kind_of(w, cls, lex)
    return kind


def _suffix_kind_of(w: str, cls: str, lex: _Lexicon) -> str:
    for kind in ("org", "place"):
        if w in lex.suffixes[kind] or (cls == "noun" and w.endswith(lex.suffixes[kind]) and len(w) >= 3):
            return kind
    return ""
