"""The word lists figs reads numbers with, loaded once from ``data/*.tsv``.

Everything language-specific lives in those files: numeral characters, units and
measure words, qualifier words and the small word lists that tell a figure from a
date or a name.  This module only reads them into immutable tables; the patterns
built from them are in `figs.figures`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Unit:
    word: str
    kind: str
    currency: str
    needs: str  # "", "classifier" or "arabic"
    not_before: str  # characters that must not follow it: 方 but not 方面


_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _rows(name: str) -> list[list[str]]:
    """The rows of a data file, without comments and the header line."""
    # Beside this module (a .py or its compiled .so), as package data installs it; not
    # through importlib.resources, whose import is a tenth of the start-up.
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        text = f.read()
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]


def _load_numerals() -> Mapping[str, tuple[int, str]]:
    return MappingProxyType({char: (int(value), role) for char, value, role, _ in _rows("numerals.tsv")})


def _load_financial() -> frozenset[str]:
    return frozenset(char for char, _, _, style in _rows("numerals.tsv") if style == "financial")


def _load_units() -> Mapping[str, Unit]:
    units = {}
    for row in _rows("units.tsv"):
        row += [""] * (5 - len(row))
        units[row[0]] = Unit(*row[:5])
    return MappingProxyType(units)


def _load_qualifiers() -> Mapping[str, Mapping[str, str]]:
    by_place: dict[str, dict[str, str]] = {"before": {}, "number": {}, "unit": {}}
    for word, where, qualifier in _rows("qualifiers.tsv"):
        by_place[where][word] = qualifier
    return MappingProxyType({k: MappingProxyType(v) for k, v in by_place.items()})


def _load_words() -> Mapping[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for group, word in _rows("words.tsv"):
        groups.setdefault(group, []).append(word)
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


NUMERALS = _load_numerals()
FINANCIAL = _load_financial()
UNITS = _load_units()
QUALIFIERS = _load_qualifiers()
WORDS = _load_words()


def longest_first(words) -> list[str]:
    """Words ordered so that a regex alternation tries the longest one first."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words) -> str:
    """A regex alternation of `words`, longest first, each escaped."""
    return "|".join(re.escape(w) for w in longest_first(words))
