"""The records figs produces: one frozen dataclass per concept.

`Figure` has exactly the fields of the CSV columns, in their order (`FIELDS`),
followed by the fields only JSON carries (`currency`, `time`).
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
    currency: str = ""
    time: str = ""

    def to_dict(self) -> dict:
        """The record as plain JSON-ready values (numbers as int or float).

        Every field is immutable (str, int, Decimal), so the fields are read
        directly: `dataclasses.asdict` deep-copies each one, which cost a fifth of
        the whole run on a month of news.
        """
        d = {name: getattr(self, name) for name in JSON_FIELDS}
        d["value"] = json_number(self.value)
        d["upper"] = json_number(self.upper)
        return d


@dataclass(frozen=True)
class Change:
    """One difference between two versions: changed, added, removed or same."""

    status: str
    old: Figure | None
    new: Figure | None


# The CSV columns, in the order the spec fixes.
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Figure))[:13]
# Everything JSON writes.
JSON_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Figure))


def json_number(d: Decimal | None) -> int | float | None:
    """A Decimal as the JSON number that prints the same digits.

    >>> json_number(Decimal("202087000000")), json_number(Decimal("0.04"))
    (202087000000, 0.04)
    """
    if d is None:
        return None
    if d == d.to_integral_value():
        return int(d)
    return float(d)
