"""figs check end to end on articles written for it, with errors planted in them
(tests/data/check/planted.tsv) and clean figures around them: every planted error is
found, and nothing else is.  The articles run through the whole extractor, so the
claims the checks need (measure, holder, change, pair) are figs' own."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from figs.checks import check
from figs.records import load

DATA = Path(__file__).resolve().parent / "data" / "check"
ARTICLES = sorted(p.name for p in DATA.glob("*.txt"))
with open(DATA / "planted.tsv", encoding="utf-8", newline="") as _f:
    PLANTED = [tuple(r.values()) for r in csv.DictReader((line for line in _f if not line.startswith("#")), delimiter="\t")]

# Planted errors figs does not find yet, each for the reason given.
KNOWN_MISSES: dict[tuple[str, str, str], str] = {}


def found(name: str) -> set[tuple[str, str, str]]:
    return {(name, f.check, f.figures[0].text) for f in check(load(str(DATA / name)))}


def _planted_case(row):
    reason = KNOWN_MISSES.get(row)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(row, id="-".join(row), marks=marks)


@pytest.mark.parametrize("row", [_planted_case(r) for r in PLANTED])
def test_planted_error_is_found(row):
    assert row in found(row[0])


FALSE_ALARMS: dict[str, str] = {}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=FALSE_ALARMS[n])] if n in FALSE_ALARMS else [])
    for n in ARTICLES])
def test_nothing_but_the_planted_errors(name):
    assert found(name) <= set(PLANTED)


def test_every_article_has_its_planted_errors_listed():
    assert {r[0] for r in PLANTED} <= set(ARTICLES)
    assert all(n in {r[0] for r in PLANTED} or n.startswith("clean-") for n in ARTICLES)
