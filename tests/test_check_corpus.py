"""figs check over the third-party corpus (``../shared/corpus``): no exception, and
how many findings of each check per thousand articles.  Only the first 90 % of each
file's lines are read (the rest is held out).  Slow; skipped when the corpus is absent.

The findings on these lines were judged by hand for the README's precision figures;
the judging is not repeated here, as the corpus must not be copied into the repository.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest

import figs
from figs.checks import CHECKS
from conftest import CORPUS

pytestmark = pytest.mark.slow

# Each file, how its articles are read: the JSON fields holding text, or None for plain text.
FILES = {
    "dxy-covid-news-2020.jsonl": ("title", "summary"),
    "nyt-cn-business-2018-2020.jsonl": ("paragraphs",),
    "thucnews-cnews-sample-1000.tsv": None,
    "people-daily-1998-01.txt": None,
}


def _articles(path):
    with path.open(encoding="utf-8") as f:
        lines = f.read().split("\n")
    lines = lines[: len(lines) * 9 // 10]
    fields = FILES[path.name]
    if path.suffix == ".jsonl":
        for n, line in enumerate(lines, 1):
            record = json.loads(line)
            parts = []
            for key in fields:
                value = record.get(key) or []
                parts.extend(value if isinstance(value, list) else [value])
            yield f"{path.name}:{n}", "\n".join(parts)
    elif path.suffix == ".tsv":
        for n, line in enumerate(lines, 1):
            yield f"{path.name}:{n}", line.partition("\t")[2]
    else:  # People's Daily: articles are separated by blank lines
        text = "\n".join(lines)
        for n, article in enumerate(text.split("\n\n"), 1):
            yield f"{path.name}:{n}", article


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
