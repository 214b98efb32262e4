"""The word lists figs reads numbers with, loaded once from ``data/*.tsv``.

Everything language-specific lives in those files: numeral characters, units and
measure words, qualifier words, words that are a number by themselves (对折, 半成),
traditional forms folded to simplified ones, and the small word lists that tell a
figure from a date or a name.  This module only reads them into immutable tables;
the patterns built from them are in `figs.spans` and `figs.figures`.

Every file is checked as it is read: a row with the wrong number of columns, an
unknown kind, place or qualifier, an unknown word group or a word listed twice stops
the import with the file and line in the message, so no entry is dropped silently.

Reading and checking the files is a twentieth of a short run's start-up, so the tables
are kept in figs' cache folder (``tables.marshal``; see `figs.patterns.cache_path`)
once read, and a later run reads them from there: only when that file was made from
these very data files (their sizes and CRC-32s), which are read (as bytes) each run.
A data file edited is read and checked afresh; a cache that is missing, damaged or
cannot be written means reading the files, as without it.
"""
from __future__ import annotations

import marshal
import re
import zlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
import os
from types import MappingProxyType
from typing import Any, Callable, Mapping

from . import patterns

KINDS = frozenset({"count", "money", "percent", "ratio", "measure", "duration", "age", "rate"})
ROLES = frozenset({"digit", "tens", "small", "large"})
STYLES = frozenset({"plain", "financial", "traditional"})
PLACES = frozenset({"before", "number", "unit"})
QUALIFIER_VALUES = frozenset({"about", "over", "under", "at_least", "at_most"})
NEEDS = frozenset({"", "classifier", "arabic", "digits", "doubling"})
CLASSIFIER = frozenset({"", "may"})


class LexiconError(ValueError):
    """A data file figs cannot read: the message names the file and line."""


@dataclass(frozen=True)
class Unit:
    word: str
    kind: str
    currency: str
    needs: str  # "", "classifier", "arabic", "digits" or "doubling"
    not_before: str  # characters that must not follow it: 方 but not 方面
    classifier: str = ""  # "may": 个 may stand before it and drops out (2个小时)


@dataclass(frozen=True)
class SetValue:
    """A word that is a number with its unit: 对折 (50 %), 半成 (5 %)."""

    word: str
    value: Decimal
    unit: str
    kind: str
    not_before: str = ""  # characters that must not follow it: 半成 but not 半成品


_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_text(name: str) -> str:
    """The text of ``data/<name>`` (read with open(), not importlib.resources: importing
    that is a tenth of the start-up)."""
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        return f.read()


_text = data_text


def rows(name: str, text: str, columns: int, optional: int = 0) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each row of a data file, without comments and the header.

    A row has `columns` cells, of which the last `optional` may be left out."""
    out = []
    header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = True
            continue
        if not columns - optional <= len(cells) <= columns:
            raise LexiconError(f"{name}:{number}: {len(cells)} columns, expected "
                               f"{columns - optional if optional else columns}"
                               f"{f' to {columns}' if optional else ''}: {line!r}")
        if not cells[0]:
            raise LexiconError(f"{name}:{number}: empty first column: {line!r}")
        out.append((number, cells + [""] * (columns - len(cells))))
    return out


def _check(name: str, number: int, what: str, value: str, known) -> None:
    if value not in known:
        raise LexiconError(f"{name}:{number}: unknown {what} {value!r} (known: {', '.join(sorted(k or '(empty)' for k in known))})")


def _unique(name: str) -> Callable[[int, object], None]:
    seen: dict[object, int] = {}

    def check(number: int, key: object) -> None:
        if key in seen:
            raise LexiconError(f"{name}:{number}: {key!r} is already listed on line {seen[key]}")
        seen[key] = number
    return check


def load_numerals(text: str, name: str = "numerals.tsv") -> tuple[Mapping[str, tuple[int, str]], frozenset[str]]:
    numerals, financial, once = {}, set(), _unique(name)
    for number, (char, value, role, style) in rows(name, text, 4):
        once(number, char)
        _check(name, number, "role", role, ROLES)
        _check(name, number, "style", style, STYLES)
        if len(char) != 1 or not value.isdigit():
            raise LexiconError(f"{name}:{number}: a numeral is one character with a whole value: {char!r} {value!r}")
        numerals[char] = (int(value), role)
        if style == "financial":
            financial.add(char)
    return MappingProxyType(numerals), frozenset(financial)


def load_units(text: str, name: str = "units.tsv") -> Mapping[str, Unit]:
    units, once = {}, _unique(name)
    for number, cells in rows(name, text, 6, optional=4):
        word, kind, currency, needs, not_before, classifier = cells
        once(number, word)
        _check(name, number, "kind", kind, KINDS)
        _check(name, number, "needs", needs, NEEDS)
        _check(name, number, "classifier", classifier, CLASSIFIER)
        if currency and not re.fullmatch("[A-Z]{3}", currency):
            raise LexiconError(f"{name}:{number}: currency {currency!r} is not an ISO 4217 code")
        if currency and kind != "money":
            raise LexiconError(f"{name}:{number}: a currency on a unit of kind {kind!r}")
        units[word] = Unit(word, kind, currency, needs, not_before, classifier)
    return MappingProxyType(units)


def load_qualifiers(text: str, name: str = "qualifiers.tsv") -> Mapping[str, Mapping[str, str]]:
    by_place: dict[str, dict[str, str]] = {p: {} for p in sorted(PLACES)}
    once = _unique(name)
    for number, (word, where, qualifier) in rows(name, text, 3):
        once(number, (word, where))
        _check(name, number, "where", where, PLACES)
        _check(name, number, "qualifier", qualifier, QUALIFIER_VALUES)
        by_place[where][word] = qualifier
    return MappingProxyType({k: MappingProxyType(v) for k, v in by_place.items()})


def load_words(text: str, name: str = "words.tsv") -> Mapping[str, tuple[str, ...]]:
    """Word groups; each group must be described in the file's header comment
    (``#   group   what it tells``), so a misspelt group is caught, not ignored."""
    known = frozenset(m.group(1) for m in re.finditer(r"^#   ([a-z_]+) ", text, re.M))
    groups: dict[str, list[str]] = {}
    once = _unique(name)
    for number, (group, word) in rows(name, text, 2):
        _check(name, number, "group", group, known)
        once(number, (group, word))
        groups.setdefault(group, []).append(word)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def load_set_values(text: str, name: str = "set_values.tsv") -> Mapping[str, SetValue]:
    values, once = {}, _unique(name)
    for number, (word, value, unit, kind, not_before) in rows(name, text, 5, optional=1):
        once(number, word)
        _check(name, number, "kind", kind, KINDS)
        try:
            v = Decimal(value)
        except InvalidOperation:
            raise LexiconError(f"{name}:{number}: value {value!r} is not a number") from None
        values[word] = SetValue(word, v, unit, kind, not_before)
    return MappingProxyType(values)


def subunit_factor(text: str) -> Decimal | int:
    """A subunit's factor as subunits.tsv writes it: a decimal (0.1), or for a unit that
    is no power of ten of its subunit, one over a whole number (1/60), kept as that
    whole number (60: an hour is 60 minutes)."""
    if "/" in text:
        one, _, n = text.partition("/")
        if one != "1" or not n.isdigit() or int(n) < 2:
            raise InvalidOperation(text)
        return int(n)
    return Decimal(text)


def load_subunits(text: str, units: Mapping[str, Unit], name: str = "subunits.tsv",
                  magnitudes: frozenset[str] | None = None
                  ) -> tuple[Mapping[str, Mapping[str, Decimal | int]], Mapping[str, str]]:
    """unit → {subunit: how much of the unit one subunit is}: 元 → {毛: 0.1, 分: 0.01},
    小时 → {分: 60} (an int N: one subunit is 1/N of the unit); and unit → the currency
    an amount with a subunit is in, where the unit names none (三块五毛 is yuan, though
    块 alone is a piece).

    A row for a currency code (JPY) stands for every whole unit of that currency in
    `units` (日元, 日圆, 円): not a subunit itself (美分 of USD) and with no magnitude
    in it (万元: `magnitudes`, the magnitude numerals; by default those of numerals.tsv)."""
    if magnitudes is None:
        magnitudes = _MAGNITUDE_CHARS
    rows_by_whole: list[tuple[int, str, str, Decimal | int]] = []
    currencies: dict[str, str] = {}
    once = _unique(name)
    for number, (whole, subunit, factor, currency) in rows(name, text, 4, optional=1):
        once(number, (whole, subunit))
        if currency:
            if not re.fullmatch("[A-Z]{3}", currency):
                raise LexiconError(f"{name}:{number}: currency {currency!r} is not an ISO 4217 code")
            currencies[whole] = currency
        try:
            rows_by_whole.append((number, whole, subunit, subunit_factor(factor)))
        except InvalidOperation:
            raise LexiconError(f"{name}:{number}: factor {factor!r} is neither a number nor 1/N") from None
    subunit_words = {sub for _, _, sub, _ in rows_by_whole}
    by_currency: dict[str, list[str]] = {}
    for u, unit in units.items():
        if unit.currency and u not in subunit_words and magnitudes.isdisjoint(u):
            by_currency.setdefault(unit.currency, []).append(u)
    subunits: dict[str, dict[str, Decimal | int]] = {}
    for number, whole, subunit, value in rows_by_whole:
        if re.fullmatch("[A-Z]{3}", whole):
            wholes = by_currency.get(whole, [])
            if not wholes:
                raise LexiconError(f"{name}:{number}: no whole unit of currency {whole!r} in units.tsv")
        elif whole in units:
            wholes = [whole]
        else:
            raise LexiconError(f"{name}:{number}: unit {whole!r} is not in units.tsv")
        for w in wholes:
            subunits.setdefault(w, {})[subunit] = value
    return MappingProxyType({k: MappingProxyType(v) for k, v in subunits.items()}), MappingProxyType(currencies)


def load_pairs(text: str, name: str, what: str = "character") -> Mapping[str, str]:
    """Two-column files: a traditional character and its simplified form, a currency
    sign and its ISO code."""
    pairs, once = {}, _unique(name)
    for number, (a, b) in rows(name, text, 2):
        once(number, a)
        if what == "character" and (len(a) != 1 or len(b) != 1):
            raise LexiconError(f"{name}:{number}: a folding is one character for one: {a!r} {b!r}")
        if what == "currency" and not re.fullmatch("[A-Z]{3}", b):
            raise LexiconError(f"{name}:{number}: currency {b!r} is not an ISO 4217 code")
        pairs[a] = b
    return MappingProxyType(pairs)


# The tables, in the order `_load` makes them and the cache holds them.
_Tables = tuple[Mapping[str, tuple[int, str]], frozenset[str], Mapping[str, Unit], Mapping[str, Mapping[str, str]],
                Mapping[str, tuple[str, ...]], Mapping[str, SetValue], Mapping[str, str],
                Mapping[str, Mapping[str, Decimal | int]], Mapping[str, str], Mapping[str, str]]
_SOURCES = ("numerals.tsv", "units.tsv", "qualifiers.tsv", "words.tsv", "set_values.tsv", "traditional.tsv",
            "subunits.tsv", "currency_signs.tsv")
_CACHE_FORMAT = 1


def magnitude_chars(numerals: Mapping[str, tuple[int, str]]) -> frozenset[str]:
    return frozenset(c for c, (_, role) in numerals.items() if role in ("small", "large"))


def _load(texts: dict[str, str]) -> _Tables:
    """The tables from the texts of the data files (`_SOURCES`), each checked."""
    numerals, financial = load_numerals(texts["numerals.tsv"])
    units = load_units(texts["units.tsv"])
    subunits, subunit_currency = load_subunits(texts["subunits.tsv"], units, magnitudes=magnitude_chars(numerals))
    return (numerals, financial, units, load_qualifiers(texts["qualifiers.tsv"]), load_words(texts["words.tsv"]),
            load_set_values(texts["set_values.tsv"]), load_pairs(texts["traditional.tsv"], "traditional.tsv"),
            subunits, subunit_currency,
            load_pairs(texts["currency_signs.tsv"], "currency_signs.tsv", what="currency"))


def _plain(t: _Tables) -> tuple:
    """The tables as marshal can store them: dicts, tuples and strings (a unit's and a
    set value's fields as a tuple, a Decimal as its text)."""
    numerals, financial, units, qualifiers, words, set_values, traditional, subunits, subunit_currency, signs = t
    return (dict(numerals), financial, {k: (u.word, u.kind, u.currency, u.needs, u.not_before, u.classifier)
                                        for k, u in units.items()},
            {k: dict(v) for k, v in qualifiers.items()}, dict(words),
            {k: (v.word, str(v.value), v.unit, v.kind, v.not_before) for k, v in set_values.items()},
            dict(traditional), {k: {s: str(d) if isinstance(d, Decimal) else f"1/{d}" for s, d in v.items()}
                               for k, v in subunits.items()},
            dict(subunit_currency), dict(signs))


def _from_plain(p: Any) -> _Tables:
    """The tables `_plain` stored."""
    numerals, financial, units, qualifiers, words, set_values, traditional, subunits, subunit_currency, signs = p
    return (MappingProxyType(numerals), frozenset(financial),
            MappingProxyType({k: Unit(*u) for k, u in units.items()}),
            MappingProxyType({k: MappingProxyType(v) for k, v in qualifiers.items()}), MappingProxyType(words),
            MappingProxyType({k: SetValue(w, Decimal(v), u, kind, nb) for k, (w, v, u, kind, nb) in set_values.items()}),
            MappingProxyType(traditional),
            MappingProxyType({k: MappingProxyType({s: subunit_factor(d) for s, d in v.items()}) for k, v in subunits.items()}),
            MappingProxyType(subunit_currency), MappingProxyType(signs))


def _tables() -> _Tables:
    """The tables: from the cache when it was made from these very data files and
    this very module, else read from the files (and the cache written for the next run)."""
    data: dict[str, bytes] = {}
    for name in _SOURCES:
        with open(os.path.join(_DATA, name), "rb") as f:
            data[name] = f.read()
    # This module by its size and time: an edited loader, or another build installed
    # at the same place, is not served the tables the old one made.
    here = os.stat(__file__)
    key = (_CACHE_FORMAT, tuple([(len(b), zlib.crc32(b)) for b in data.values()]), here.st_size, here.st_mtime_ns)
    path = patterns.cache_path("tables.marshal")
    try:
        with open(path, "rb") as f:
            stored_key, plain = marshal.loads(f.read())
        if stored_key == key:
            return _from_plain(plain)
    except Exception:  # no cache yet, a damaged one, or one of another figs
        pass
    # As open() in text mode reads them (data_text): UTF-8, any line end made \n.
    tables = _load({name: b.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n") for name, b in data.items()})
    try:
        patterns.write_whole(path, marshal.dumps((key, _plain(tables))))
    except ValueError:  # a value marshal cannot store
        pass
    return tables


(NUMERALS, FINANCIAL, UNITS, QUALIFIERS, WORDS, SET_VALUES, TRADITIONAL, SUBUNITS, SUBUNIT_CURRENCY,
 CURRENCY_SIGNS) = _tables()
_MAGNITUDE_CHARS = magnitude_chars(NUMERALS)


def longest_first(words) -> list[str]:
    """Words ordered so that a regex alternation tries the longest one first."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words) -> str:
    """A regex alternation of `words`, longest first, each escaped."""
    return "|".join(re.escape(w) for w in longest_first(words))
