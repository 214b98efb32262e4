"""How precise and how sensitive `figs check` is on real text (the corpus beside the
repository, ``../shared/corpus``; only the first 90 % of each file's lines is read).

    python bench/check_corpus.py [--list]

1. Findings on real text, by file and check (``--list`` prints each with its
   computation and sentence, for judging by hand; nothing is written to disk).
2. How much was checked: sums of parts, from/to pairs with a stated change or a
   direction, repeated claims compared.
3. Errors planted into real text, each in a copy of one article, extracted and checked
   again: one part of each sum that agrees raised past its total; after each from/to
   pair of one unit, the right rate (to one decimal; no finding expected) and a wrong
   one (twice the rate plus ten points; a `rate_mismatch` expected).
Exits 0 when the corpus is absent, saying so.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import figs
from figs import checks

ROOT = Path(__file__).resolve().parents[1]
FILES = {
    "dxy-covid-news-2020.jsonl": ("title", "summary"),
    "nyt-cn-business-2018-2020.jsonl": ("paragraphs",),
    "thucnews-cnews-sample-1000.tsv": None,
    "people-daily-1998-01.txt": None,
}


def corpus() -> Path | None:
    for base in (ROOT, *ROOT.parents):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return None


def articles(path: Path):
    """(source, text) of each article in the first 90 % of the file's lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = lines[: len(lines) * 9 // 10]
    fields = FILES[path.name]
    if path.suffix == ".jsonl":
        for n, line in enumerate(lines, 1):
            if line.strip():
                record = json.loads(line)
                parts: list[str] = []
                for key in fields or ():
                    value = record.get(key) or []
                    parts.extend(value if isinstance(value, list) else [value])
                yield f"{path.name}:{n}", "\n".join(parts)
    elif path.suffix == ".tsv":
        for n, line in enumerate(lines, 1):
            yield f"{path.name}:{n}", line.partition("\t")[2]
    else:  # People's Daily: articles are separated by blank lines
        for n, article in enumerate("\n".join(lines).split("\n\n"), 1):
            yield f"{path.name}:{n}", article


def runs(records):
    """Each (sentence, total, parts) of the article that `figs check` sums."""
    sentences = checks._sentences(sorted(records, key=lambda f: f.start))
    for k, s in enumerate(sentences):
        after = sentences[k + 1] if k + 1 < len(sentences) and checks._adjacent(s, sentences[k + 1]) else None
        for total, parts in checks._part_runs(s, after):
            if parts:
                yield s, total.fig, parts


def pairs(records):
    """Each (from, to) linked by `pair` that `figs check` compares."""
    by_start = {f.start: f for f in records}
    for f in records:
        to = by_start.get(f.pair) if f.change == "from" and f.pair is not None else None
        if to is not None and checks._same_pair(f, to):
            yield f, to


def _digits(text: str, old: Decimal, new: Decimal) -> str | None:
    """`text` (a figure's) with its number `old`, written in ASCII digits, made `new`."""
    written = format(old, "f")
    return text.replace(written, format(new, "f"), 1) if written in text and old == old.to_integral() else None


def main(argv: list[str]) -> int:
    where = corpus()
    if where is None:
        print("the corpus (../shared/corpus) is not here: nothing measured")
        return 0
    findings: Counter = Counter()
    checked: Counter = Counter()
    planted: Counter = Counter()
    for name in FILES:
        for source, text in articles(where / name):
            records = list(figs.extract(text, source=source))
            for finding in figs.check(records):
                findings[(name, finding.check)] += 1
                if "--list" in argv:
                    row = finding.to_row()
                    print(f"{source}\t{finding.check}\t{row['computation']}\t{row['sentence'][:300]}")
            agreeing = []
            for s, total, parts in runs(records):
                checked[(name, "sums of parts")] += 1
                if sum(p.fig.value * p.times for p in parts) <= total.value:
                    agreeing.append((total, parts))
            for total, parts in agreeing:
                # Raise the last part so that the parts pass the total by one.
                last = parts[-1].fig
                over = total.value - sum(p.fig.value * p.times for p in parts) + 1
                raised = _digits(last.text, last.value, last.value + over)
                if raised is None or text[last.start:last.end] != last.text:
                    continue
                edited = text[:last.start] + raised + text[last.end:]
                found = any(f.check == "parts_exceed_total" and f.figures[0].text == total.text
                            for f in figs.check(figs.extract(edited, source=source)))
                planted[("part raised", found)] += 1
            for frm, to in pairs(records):
                checked[(name, "from/to pairs")] += 1
                if frm.unit == "%" or frm.value <= 0 or to.value == frm.value or text[to.start:to.end] != to.text:
                    continue
                rate = abs(to.value - frm.value) / frm.value * 100
                verb = "增长" if to.value > frm.value else "下降"
                for label, value in (("right rate", rate), ("wrong rate", rate * 2 + 10)):
                    inserted = f"，{verb}{value.quantize(Decimal('0.1'))}%"
                    edited = text[:to.end] + inserted + text[to.end:]
                    found = any(f.check == "rate_mismatch" and f.figures[1].start == frm.start
                                for f in figs.check(figs.extract(edited, source=source)))
                    planted[(label, found)] += 1
    print("findings on real text:")
    for (name, check), n in sorted(findings.items()):
        print(f"  {name}\t{check}\t{n}")
    if not findings:
        print("  none")
    print("checked:")
    for (name, what), n in sorted(checked.items()):
        print(f"  {name}\t{what}\t{n}")
    print("errors planted into real text (found, of):")
    for label in ("part raised", "wrong rate", "right rate"):
        found, total = planted[(label, True)], planted[(label, True)] + planted[(label, False)]
        print(f"  {label}\t{found} of {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
