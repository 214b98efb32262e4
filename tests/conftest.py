"""Shared fixtures: a folder of bad inputs written by the tests themselves, the
example articles, and the third-party corpus when it is present.

Bad inputs go to ``tests/data/bad/`` (git ignores it), made from the cases in
``badinputs.py``, so that nothing odd is checked in and every file says how it
was made.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))  # tests import their tables: from badinputs import CASES

from badinputs import CASES  # noqa: E402


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    """``tests/data/bad/``: every `CASES` file, written afresh for this run."""
    folder = HERE / "data" / "bad"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    return folder


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true",
                     help="also run the tests marked slow (the corpus, a 50 MB line)")


def pytest_collection_modifyitems(config, items):
    """Slow tests run with --run-slow or when chosen with -m (pytest -m slow)."""
    if config.getoption("--run-slow") or config.option.markexpr:
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow or -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def _corpus_dir() -> Path | None:
    """`../shared/corpus` beside the repository (a worktree sits next to it too)."""
    for base in (ROOT, *ROOT.parents):
        candidate = base / "shared" / "corpus"
        if candidate.is_dir():
            return candidate
    return None


CORPUS = _corpus_dir()


@pytest.fixture(scope="session")
def corpus_file():
    """A function: the path of a corpus file, or skip the test when it is not here."""

    def find(name: str) -> Path:
        if CORPUS is None or not (CORPUS / name).is_file():
            pytest.skip(f"corpus file {name} not present")
        return CORPUS / name

    return find


@pytest.fixture(scope="session")
def examples_text() -> str:
    """All the example articles, one after another, twice: many paragraphs to cut."""
    text = "".join(p.read_text(encoding="utf-8") for p in EXAMPLES)
    return text + text
