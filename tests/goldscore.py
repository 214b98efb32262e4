"""Scoring figs against hand-annotated gold, the way the project measures itself.

A prediction pairs with a gold item of the same source when their spans overlap
(each gold item at most once; the largest overlap wins).  A prediction that pairs
with an ``optional`` gold item counts neither way.  Strict agreement needs value,
upper, qualifier and unit all right.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path


@dataclass
class Score:
    gold: int
    predicted: int
    matched: int
    strict: int
    agree: dict

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def strict_f1(self) -> float:
        p = self.strict / self.predicted if self.predicted else 0.0
        r = self.strict / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def agreement(self, field: str) -> float:
        return self.agree[field] / self.matched if self.matched else 0.0


def load_gold(folder: Path) -> tuple[dict[str, str], list[dict]]:
    """The articles and their gold items, each item given start/end offsets."""
    texts, items = {}, []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            src = item["source"]
            if src not in texts:
                texts[src] = (folder / src).read_text(encoding="utf-8")
            lines = texts[src].split("\n")
            offset = sum(len(x) + 1 for x in lines[: item["line"] - 1])
            at = -1
            for _ in range(item.get("occurrence", 1)):
                at = lines[item["line"] - 1].index(item["text"], at + 1)
            item["start"] = offset + at
            item["end"] = item["start"] + len(item["text"])
            items.append(item)
    return texts, items


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return Decimal(str(a)) == Decimal(str(b))


def _subject_ok(gold: str, pred: str) -> bool:
    if not gold:
        return True
    if gold in pred:
        return len(pred) <= len(gold) + 6
    return pred in gold and len(pred) >= 2


def score(items: list[dict], predictions: list[dict]) -> Score:
    used: set[int] = set()
    pairs, false_positives = [], 0
    for p in predictions:
        best, overlap = None, 0
        for i, g in enumerate(items):
            if g["source"] != p["source"] or i in used:
                continue
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > overlap:
                best, overlap = i, ov
        if best is None:
            false_positives += 1
            continue
        used.add(best)
        if not items[best].get("optional"):
            pairs.append((items[best], p))
    agree = dict.fromkeys(("value", "upper", "qualifier", "unit", "kind", "subject"), 0)
    strict = 0
    for g, p in pairs:
        ok = {
            "value": _same(g["value"], p["value"]),
            "upper": _same(g["upper"], p["upper"]),
            "qualifier": g["qualifier"] == p["qualifier"],
            "unit": g["unit"] == p["unit"],
            "kind": g["kind"] == p["kind"],
            "subject": _subject_ok(g["subject"], p["subject"]),
        }
        for k, v in ok.items():
            agree[k] += v
        strict += ok["value"] and ok["upper"] and ok["qualifier"] and ok["unit"]
    gold = sum(1 for g in items if not g.get("optional"))
    return Score(gold=gold, predicted=len(pairs) + false_positives, matched=len(pairs), strict=strict, agree=agree)
