"""Golden files: each example article through the CLI, compared with its checked-in output.

After a deliberate change, run ``python tests/update_golden.py`` and read the diff.
"""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from figs.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = sorted(EXAMPLES.glob("*.txt"))


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("article", ARTICLES, ids=[a.stem for a in ARTICLES])
def test_example_output_is_unchanged(article, fmt, monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    result = CliRunner().invoke(main, ["extract", article.name, "-f", fmt])
    assert result.exit_code == 0, result.output
    assert result.output == article.with_suffix(f".{fmt}").read_text(encoding="utf-8")


def test_there_are_five_examples():
    assert len(ARTICLES) == 5


@pytest.mark.parametrize("article", ARTICLES, ids=[a.stem for a in ARTICLES])
def test_json_records_cite_the_text(article):
    text = article.read_text(encoding="utf-8")
    for record in json.loads(article.with_suffix(".json").read_text(encoding="utf-8")):
        assert text[record["start"]:record["end"]] == record["text"]
