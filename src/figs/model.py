"""The records figs produces: one frozen dataclass per concept.

`Figure` has exactly the fields of the CSV columns, in their order (`FIELDS`),
followed by the fields only JSON carries (`currency`, `time`, `pair`).

The claim fields say what a figure is (../spec CLAIMS): `subject` the measure,
`holder` whose it is, `change` (`""`, `by`, `from`, `to`), `direction` (`up`,
`down` or `""`) and `base` (同比, 比上半年 …).  `pair` links a `from` figure and
its `to` figure: each holds the other's `start` offset, else None.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal


@dataclass(frozen=True)
class Figure:
    source: str
    line: int
    col: int
    start: int
    end: int
    text: str
    value: Decimal
    upper: Decimal | None
    qualifier: str
    unit: str
    kind: str
    subject: str
    sentence: str
    holder: str = ""
    change: str = ""
    direction: str = ""
    base: str = ""
    currency: str = ""
    time: str = ""
    pair: int | None = None

    def to_dict(self) -> dict:
        """The record as plain JSON-ready values (numbers as int or float).

        Written out field by field: `dataclasses.asdict` deep-copies every value,
        which cost a fifth of a whole run on a month of news.
        """
        return {
            "source": self.source, "line": self.line, "col": self.col,
            "start": self.start, "end": self.end, "text": self.text,
            "value": json_number(self.value), "upper": json_number(self.upper),
            "qualifier": self.qualifier, "unit": self.unit, "kind": self.kind,
            "subject": self.subject, "holder": self.holder, "change": self.change,
            "direction": self.direction, "base": self.base, "sentence": self.sentence,
            "currency": self.currency, "time": self.time, "pair": self.pair,
        }


@dataclass(frozen=True)
class Change:
    """One difference between two versions: changed, added, removed or same."""

    status: str
    old: Figure | None
    new: Figure | None

    def to_dict(self) -> dict:
        """The difference as JSON writes it: both records exactly as extract writes them."""
        return {
            "status": self.status,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
        }

    def to_row(self) -> dict:
        """The difference as one flat row (`DIFF_FIELDS`); a cite is ``source:line:col``.

        Subject, kind and unit are the new figure's, the old one's when it was removed.
        """
        either = self.new or self.old
        assert either is not None, "a Change has an old or a new figure"
        row: dict = {"status": self.status, "subject": either.subject, "kind": either.kind, "unit": either.unit}
        for name, f in (("old", self.old), ("new", self.new)):
            row[f"{name}_text"] = f.text if f else ""
            row[f"{name}_value"] = json_number(f.value) if f else None
            row[f"{name}_cite"] = f"{f.source}:{f.line}:{f.col}" if f else ""
            row[f"{name}_sentence"] = f.sentence if f else ""
        return row


# The CSV columns, in the order the spec fixes: the claim fields follow the subject.
FIELDS: tuple[str, ...] = (
    "source", "line", "col", "start", "end", "text", "value", "upper", "qualifier", "unit", "kind",
    "subject", "holder", "change", "direction", "base", "sentence",
)
# Everything JSON writes.
JSON_FIELDS: tuple[str, ...] = FIELDS + ("currency", "time", "pair")


def json_number(d: Decimal | None) -> int | float | None:
    """A Decimal as the JSON number that prints the same digits.

    >>> json_number(Decimal("202087000000")), json_number(Decimal("0.04"))
    (202087000000, 0.04)

    JSON has no NaN or infinity: those become null (`extract` never makes them).

    >>> json_number(Decimal("NaN")), json_number(Decimal("-Infinity")), json_number(Decimal("1E+400")) == 10**400
    (None, None, True)
    """
    if d is None or not d.is_finite():
        return None
    if d == d.to_integral_value():
        return int(d)
    return float(d)


# The CSV columns of `figs diff`, one row per difference.
DIFF_FIELDS: tuple[str, ...] = (
    "status", "subject", "kind", "unit", "old_text", "new_text", "old_value", "new_value",
    "old_cite", "new_cite", "old_sentence", "new_sentence",
)

