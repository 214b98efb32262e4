"""The whole third-party corpus (``../shared/corpus``) through figs: no exception,
offsets agree, and how many records per MB.  Slow; skipped when the corpus is absent.

The corpus is read in place and never copied into the repository.  Set
FIGS_CORPUS to use another folder.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import figs
from figs.inputs import documents

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("FIGS_CORPUS", REPO.parent / "shared" / "corpus"))
FILES = sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".tsv", ".jsonl")) if CORPUS.is_dir() else []

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}"),
]
# Fields of the JSONL records that hold article text (the rest are ids, dates, URLs).
TEXT_FIELDS = ("title", "summary", "body", "paragraphs")


def articles(path: Path):
    """(name, text) for each article: a JSONL record's text fields, or the whole file."""
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                record = json.loads(line)
                parts = []
                for key in TEXT_FIELDS:
                    value = record.get(key)
                    parts.extend(value if isinstance(value, list) else [value] if value else [])
                yield f"{path.name}:{n}", "\n".join(parts)
    else:
        (doc,) = documents((str(path),))
        assert not isinstance(doc, Exception), doc
        yield path.name, doc.text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file(path, capsys):
    size = path.stat().st_size
    count = 0
    t = time.perf_counter()
    for name, text in articles(path):
        for f in figs.extract(text, source=name):
            assert text[f.start:f.end] == f.text, (name, f)
            assert f.value.is_finite() and (f.upper is None or f.upper >= f.value)
            json.dumps(f.to_dict(), allow_nan=False)
            count += 1
    seconds = time.perf_counter() - t
    mb = size / 1e6
    with capsys.disabled():
        print(f"\n  {path.name}: {count} records, {count / mb:.0f} per MB, "
              f"{mb / seconds:.2f} MB/s", end="")
    assert count > 0
