"""Shared fixtures: the example articles, and the third-party corpus when it is present."""
from __future__ import annotations

from pathlib import Path

import pytest

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
