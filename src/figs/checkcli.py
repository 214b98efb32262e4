"""What `figs check` reads and writes: inputs to records, findings to text.

The checks themselves are in `figs.check`; this module only gets records from
each PATH (an article, or a figures file `figs extract` wrote, standard input
either one) and puts findings out in the formats of `figs extract`.
"""
from __future__ import annotations

import csv
import json
from typing import Iterable, TextIO

from .checks import FINDING_FIELDS, FINDING_JSON_FIELDS, Finding
from .decode import decode
from .figures import extract
from .inputs import read_bytes
from .model import Figure, json_number
from .records import figures_format, load, read_figures_text
from .render import DELIMITED, cell, escape_formula, visible, write_cells

# How a figures file begins, for standard input, which has no suffix to tell by.
_CSV_HEAD, _TSV_HEAD = "source,line,col,", "source\tline\tcol\t"


def load_records(path: str, label: str = "-") -> list[Figure]:
    """The figures of `path`: read back from a figures file (by its suffix, or on
    standard input by how it begins), or extracted from an article."""
    if path != "-" or figures_format(label):
        return load(path, label)
    text = decode(read_bytes(path), label)
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(_CSV_HEAD):
        return read_figures_text(text, label, "csv")
    if head.startswith(_TSV_HEAD):
        return read_figures_text(text, label, "tsv")
    if head.startswith('{"source"') or head.startswith('[') and head[1:].lstrip().startswith('{"source"'):
        return read_figures_text(text, label, "json" if head.startswith("[") else "jsonl")
    return list(extract(text, source=label))


def write_findings(findings: list[Finding], fmt: str, out: TextIO, escape_formulas: bool = True) -> int:
    """The findings in format `fmt`: a table for a person, else the rows or records."""
    if fmt == "table":
        return write_table(findings, out)
    if fmt in ("json", "jsonl"):
        objects = [json.dumps(f.to_dict(), ensure_ascii=False) for f in findings]
        if fmt == "jsonl":
            out.write("".join(o + "\n" for o in objects))
        else:
            out.write("[\n  " + ",\n  ".join(objects) + "\n]\n" if objects else "[]\n")
        return len(findings)
    rows = ([_cell(row[c], escape_formulas and fmt in DELIMITED) for c in FINDING_FIELDS]
            for row in map(Finding.to_row, findings))
    if fmt in DELIMITED:
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(FINDING_FIELDS)
        writer.writerows(rows)
        return len(findings)
    return write_cells(rows, FINDING_FIELDS, fmt, out)


def _cell(value, escape: bool) -> str:
    """A cell as extract writes one; text that a spreadsheet would run as a formula
    gets a leading ' (numbers never do)."""
    return escape_formula(value) if escape and isinstance(value, str) else cell(value)


def write_table(findings: list[Finding], out: TextIO) -> int:
    """A rich table: each finding's stated figure and the figures it is checked
    against side by side, each with its cite (``line:col``, and the source when
    there are several), then the computation and how far off."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    sources = {f.source for finding in findings for f in finding.figures}
    one = next(iter(sources)) if len(sources) == 1 else None

    def cited(f: Figure) -> Text:
        text = Text(visible(f.text), style="bold")
        text.append(f" {f.line}:{f.col}" if one else f" {visible(f.source)}:{f.line}:{f.col}", style="dim")
        return text

    table = Table(title=Text(visible(one)) if one else None, show_lines=True, header_style="bold")
    table.add_column("check", style="yellow", overflow="fold")
    table.add_column("stated", overflow="fold")
    table.add_column("against", overflow="fold")
    table.add_column("computation", overflow="fold", ratio=1)
    table.add_column("off", justify="right", no_wrap=True)
    for finding in findings:
        stated, *others = finding.figures
        off = f"{cell(json_number(finding.off))} {finding.unit}".strip()
        table.add_row(finding.check, cited(stated), Text("\n").join(map(cited, others)),
                      Text(visible(finding.computation)), off)
    Console(file=out, soft_wrap=False).print(table)
    return len(findings)
