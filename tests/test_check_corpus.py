"""figs check over the third-party corpus (``../shared/corpus``): no exception, and
how many findings of each check per thousand articles.  Only the first 90 % of each
file's lines are read (the rest is held out).  Slow; skipped when the corpus is absent.

The findings on these lines were judged by hand for the README's precision figures;
the judging is not repeated here, as the corpus must not be copied into the repository.
"""
from __future__ import annotations

from collections import Counter

import pytest

import figs
from figs.checks import CHECKS
from conftest import CORPUS

pytestmark = pytest.mark.slow


def _bench():
    """bench/check_corpus.py, which says how each corpus file's articles are read."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "check_corpus.py"
    spec = importlib.util.spec_from_file_location("check_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_BENCH = _bench()
FILES = _BENCH.FILES
_articles = _BENCH.articles


@pytest.mark.parametrize("name", FILES)
def test_check_over_the_corpus(name, corpus_file, capsys):
    path = corpus_file(name)
    counts: Counter = Counter()
    articles = 0
    for source, text in _articles(path):
        articles += 1
        for finding in figs.check(figs.extract(text, source=source)):
            assert finding.check in CHECKS and finding.to_row() and finding.to_dict()
            counts[finding.check] += 1
    with capsys.disabled():
        print(f"\n{name}: {articles} articles, findings {dict(counts)}")


@pytest.mark.parametrize("name", FILES)
def test_a_right_rate_written_after_a_real_pair_is_no_finding(name, corpus_file):
    """After each from/to pair of the corpus, the rate its levels make (to one decimal)
    is written in as the text's own: no `rate_mismatch` may come of it; a wrong one
    (twice the rate plus ten points) is found for most pairs."""
    from decimal import Decimal

    from figs.checks import _same_pair

    right = wrong = tried = 0
    for source, text in _articles(corpus_file(name)):
        records = list(figs.extract(text, source=source))
        by_start = {f.start: f for f in records}
        for frm in records:
            to = by_start.get(frm.pair) if frm.change == "from" and frm.pair is not None else None
            if (to is None or not _same_pair(frm, to) or frm.unit == "%" or frm.value <= 0
                    or to.value == frm.value or text[to.start:to.end] != to.text):
                continue
            rate = abs(to.value - frm.value) / frm.value * 100
            verb = "增长" if to.value > frm.value else "下降"
            tried += 1
            for value in (rate, rate * 2 + 10):
                edited = f"{text[:to.end]}，{verb}{value.quantize(Decimal('0.1'))}%{text[to.end:]}"
                found = any(f.check == "rate_mismatch" and f.figures[1].start == frm.start
                            for f in figs.check(figs.extract(edited, source=source)))
                right += found and value == rate
                wrong += found and value != rate
    assert right == 0
    assert wrong >= tried * 0.6
