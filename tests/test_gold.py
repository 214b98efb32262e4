"""The gold: five hand-annotated articles, and the bar figs must stay above on them."""
from pathlib import Path

import pytest

import figs
from goldscore import load_gold, score

GOLD = Path(__file__).parent / "data" / "gold"


@pytest.fixture(scope="module")
def result():
    texts, items = load_gold(GOLD)
    predictions = [f.to_dict() for src, text in texts.items() for f in figs.extract(text, source=src)]
    return score(items, predictions)


def test_strict_f1_stays_above_the_bar(result):
    assert result.strict_f1 >= 0.97


def test_detection_precision_and_recall(result):
    assert result.precision >= 0.97
    assert result.recall >= 0.97


@pytest.mark.parametrize("field, bar", [("unit", 0.97), ("qualifier", 0.97), ("subject", 0.85), ("value", 0.97)])
def test_field_agreement(result, field, bar):
    assert result.agreement(field) >= bar


def test_notfigures_are_not_extracted():
    """Every number-bearing word the annotators ruled out stays out (where it can be found)."""
    wrong = []
    for path in sorted(GOLD.glob("*.notfigures.txt")):
        text = (GOLD / path.name.replace(".notfigures.txt", ".txt")).read_text(encoding="utf-8")
        lines = text.split("\n")
        found = {(f.line, f.text) for f in figs.extract(text)}
        for row in path.read_text(encoding="utf-8").splitlines():
            number, word = row.split("\t")[:2]
            line = int(number)
            if word in lines[line - 1]:
                wrong += [(path.name, line, word, t) for (ln, t) in found if ln == line and t in word]
    assert wrong == []
