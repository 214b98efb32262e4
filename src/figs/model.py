"""The records figs produces: one frozen dataclass per concept, and the one table
of the record's fields (`RECORD`) that every format is derived from.

`Figure` has exactly the fields of `RECORD`, in its order: first the CSV columns
(`FIELDS`), then the fields only JSON carries (`currency`, `time`, `pair`).
The CSV header, the JSON keys, the SQLite column types, the Parquet dtypes and the
figures-file reader (`figs.records`) are all read from `RECORD`.

The claim fields say what a figure is (../spec CLAIMS): `subject` the measure,
`holder` whose it is, `change` (`""`, `by`, `from`, `to`), `direction` (`up`,
`down` or `""`) and `base` (同比, 比上半年 …).  `pair` links a `from` figure and
its `to` figure: each holds the other's `start` offset, else None.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Field:
    """One field of the record: its name, its type, and where it is written.

    ``type`` is one of ``text``, ``int``, ``decimal`` (exact, None for none) and
    ``optional int``.  ``csv``: a column of CSV/TSV (else JSON and SQLite only).
    ``required``: a figures file must have it (files written before the claim
    fields existed still read).
    """

    name: str
    type: str = "text"
    csv: bool = True
    required: bool = True


TEXT, INT, DECIMAL, OPTIONAL_INT = "text", "int", "decimal", "optional int"

# The record, in the order the spec fixes: the claim fields follow the subject.
RECORD: tuple[Field, ...] = (
    Field("source"), Field("line", INT), Field("col", INT), Field("start", INT), Field("end", INT),
    Field("text"), Field("value", DECIMAL), Field("upper", DECIMAL), Field("qualifier"), Field("unit"),
    Field("kind"), Field("subject"),
    Field("holder", required=False), Field("change", required=False),
    Field("direction", required=False), Field("base", required=False),
    Field("sentence"),
    Field("currency", csv=False, required=False), Field("time", csv=False, required=False),
    Field("pair", OPTIONAL_INT, csv=False, required=False),
)
TYPES: dict[str, str] = {f.name: f.type for f in RECORD}
# The CSV columns, in order.
FIELDS: tuple[str, ...] = tuple(f.name for f in RECORD if f.csv)
# Everything JSON writes.
JSON_FIELDS: tuple[str, ...] = tuple(f.name for f in RECORD)
# What a figures file must hold.
REQUIRED: tuple[str, ...] = tuple(f.name for f in RECORD if f.required)

# The record's types in other systems.
SQL_TYPES = {TEXT: "TEXT", INT: "INTEGER", OPTIONAL_INT: "INTEGER", DECIMAL: "NUMERIC"}
PARQUET_DTYPES = {TEXT: "string", INT: "int64", OPTIONAL_INT: "Int64", DECIMAL: "float64"}


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
    holder: str = ""
    change: str = ""
    direction: str = ""
    base: str = ""
    sentence: str = ""
    currency: str = ""
    time: str = ""
    pair: int | None = None

    def to_dict(self) -> dict:
        """The record as Python's JSON values: numbers as int, or float when they have
        a fraction (a float keeps 15 significant digits; `figs.render` writes the
        exact decimal, and `value` itself is exact).

        Written out field by field: `dataclasses.asdict` deep-copies every value.
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

    def row(self) -> tuple:
        """The difference as one flat row of `DIFF_FIELDS`; a cite is ``source:line:col``.

        Subject, holder, kind and unit are the new figure's, the old one's when it was
        removed; values stay exact Decimals.
        """
        either = self.new or self.old
        assert either is not None, "a Change has an old or a new figure"
        row: list = [self.status, either.subject, either.holder, either.kind, either.unit]
        sides = (self.old, self.new)
        row += [f.text if f else "" for f in sides]
        row += [f.value if f else None for f in sides]
        row += [f"{f.source}:{f.line}:{f.col}" if f else "" for f in sides]
        row += [f.sentence if f else "" for f in sides]
        return tuple(row)

    def to_row(self) -> dict:
        """`row` as a dict of `DIFF_FIELDS`, numbers as JSON values."""
        row = dict(zip(DIFF_FIELDS, self.row()))
        for c in ("old_value", "new_value"):
            row[c] = json_number(row[c])
        return row

    def to_dict(self) -> dict:
        """The difference as Python's JSON values: both records as `Figure.to_dict`."""
        return {
            "status": self.status,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
        }


# The CSV columns of `figs diff`, one row per difference, and their types.
DIFF_FIELDS: tuple[str, ...] = (
    "status", "subject", "holder", "kind", "unit", "old_text", "new_text", "old_value", "new_value",
    "old_cite", "new_cite", "old_sentence", "new_sentence",
)
DIFF_TYPES: dict[str, str] = {c: DECIMAL if c.endswith("_value") else TEXT for c in DIFF_FIELDS}


def plain(d: Decimal) -> str:
    """A Decimal's exact digits, without exponent and without trailing zeros after
    the point: what every format writes.

    >>> [plain(Decimal(s)) for s in ("0.333333333333", "98765432109.87", "5E-7", "1.50E+3", "2.500")]
    ['0.333333333333', '98765432109.87', '0.0000005', '1500', '2.5']
    """
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def json_number(d: Decimal | None) -> int | float | None:
    """A Decimal as the Python number JSON holds: an int when whole, else a float.

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
