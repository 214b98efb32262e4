#!/usr/bin/env python3
"""Quantity recall of figs against the PKU part-of-speech tags of People's Daily 1998.

    python bench/pku_recall.py            # the first 90 % of lines (tuning) and all lines
    python bench/pku_recall.py --misses 40 # and 40 missed spans of the first 90 %

The tagged month (``people-daily-1998-01.pos.txt``, found in ``shared/corpus`` beside
or above the repository) has one line per line of ``people-daily-1998-01.txt``; its
tokens are ``word/tag`` separated by two spaces, after a line id.  A *quantity* is a
numeral token (``/m``, or a run of them: ２０/m 万/m) followed by a measure word
(``/q``: ３０/m 公里/q), or a numeral token that carries its measure (３０％/m,
百分之三十/m).  Left out, as FIGURES.md says they are no figures: ordinals (第三, 首),
numerals with no number in them (许多, 一些), 一 as an article (一/m 个/q, 一/m 年/q),
几 with no magnitude, relative points in time (三年前, 五十多天后) and the ordinal
measure words (八届, 九段, ９号楼: 届 号 段 …) and anniversaries (建国50周年), which
figs reads as dates.

A quantity is *found* when a figure of ``figs.extract`` overlaps it; its value
*agrees* when the numeral parses (`figs.parse_number`) and the overlapping figure has
that value, after folding 成/折 and the figure's own magnitude.
"""
from __future__ import annotations

import argparse
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import figs  # noqa: E402
from figs.textnorm import fold  # noqa: E402

CORPUS = next((b / "shared/corpus" for b in (ROOT, *ROOT.parents)
               if (b / "shared/corpus/people-daily-1998-01.pos.txt").is_file()), None)
_NUMBER = re.compile(r"[0-9０-９〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩半]")
_TOKEN = re.compile(r"^\[?(.+?)/([a-zA-Z]+)(?:\][a-z]+)?$")
# Measure words that make an ordinal or a name after a number: 八届, 九段, ９号楼.
_ORDINAL_MEASURE = {"届", "号", "段", "期", "版", "楼", "路", "次会议"}
# An anniversary (建国50周年) names an occasion, as a date does: figs reads 周年 as a
# date word (data/words.tsv date_after), so it is no quantity here either.
_DATE_MEASURE = {"周年"}
_RELATIVE = ("前", "后", "以前", "以后", "之前", "之后")
_NOT_A_NUMBER = {"一些", "许多", "若干", "不少", "很多", "众多", "大量", "部分", "全部", "大部分", "多数", "少数",
                 "多", "余", "几", "首", "双", "单", "俩", "仨", "数", "半", "好些"}


def tokens(line: str) -> list[tuple[str, str]]:
    out = []
    for t in line.split("  ")[1:]:
        m = _TOKEN.match(t.strip())
        if m:
            out.append((m.group(1), m.group(2)))
    return out


def quantities(toks: list[tuple[str, str]]):
    """(start, end, numeral, measure) of each quantity in a tagged line."""
    pos, i, n = 0, 0, len(toks)
    offsets = []
    for w, _ in toks:
        offsets.append(pos)
        pos += len(w)
    while i < n:
        w, tag = toks[i]
        if tag != "m":
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1][1] == "m":
            j += 1
        numeral = "".join(w for w, _ in toks[i:j + 1])
        start = offsets[i]
        end = offsets[j] + len(toks[j][0])
        measure = ""
        if j + 1 < n and toks[j + 1][1] == "q":
            measure = toks[j + 1][0]
            end += len(measure)
        following = toks[j + 2][0] if measure and j + 2 < n else (toks[j + 1][0] if j + 1 < n else "")
        preceding = toks[i - 1][0] if i else ""
        i = j + 1
        if not _NUMBER.search(numeral) or numeral in _NOT_A_NUMBER or numeral.startswith(("第", "首")):
            continue
        if not measure and not _carries_measure(numeral):
            continue
        if numeral in ("一", "壹") and measure:
            continue  # 一 as an article
        if "几" in numeral and not re.search("[十百千万亿]", numeral):
            continue
        if measure in _ORDINAL_MEASURE or measure in _DATE_MEASURE or preceding.endswith("第"):
            continue
        if following.startswith(_RELATIVE):
            continue  # 三年前: a point in time
        yield start, end, numeral, measure


def _carries_measure(numeral: str) -> bool:
    return bool(re.search(r"[%％]$|^百分之|成$|倍$", numeral))


def expected_value(numeral: str, measure: str) -> Decimal | None:
    v = figs.parse_number(numeral)
    if v is None:
        return None
    if measure in ("成", "折") and not numeral.endswith(("成", "折")):
        v *= 10
    return v


def measure(lines_pos: list[str], lines_txt: list[str], show: int = 0):
    total = found = checkable = agree = mismatched_lines = 0
    misses, wrong = [], []
    for k, (p, t) in enumerate(zip(lines_pos, lines_txt)):
        toks = tokens(p)
        if "".join(w for w, _ in toks) != t:
            mismatched_lines += 1
            continue
        qs = list(quantities(toks))
        if not qs:
            continue
        figures = list(figs.extract(t))
        parts = _composites(qs, figures)
        for start, end, numeral, unit in qs:
            total += 1
            hit = [f for f in figures if f.start < end and start < f.end]
            if not hit:
                misses.append((k + 1, t[max(0, start - 8):end + 8], t[start:end]))
                continue
            found += 1
            want = parts.get(start) or expected_value(fold(numeral), unit)
            if want is None:
                continue
            checkable += 1
            f = hit[0]
            if any(_agrees(f.value, want) or (f.upper is not None and _agrees(f.upper, want)) for f in hit):
                agree += 1
            else:
                wrong.append((k + 1, t[start:end], f.text, str(f.value), str(want)))
    return dict(total=total, found=found, checkable=checkable, agree=agree,
                skipped_lines=mismatched_lines), misses, wrong


# A figure that joins several tagged quantities (２小时４７分, １元３角) is one amount:
# figs counts a duration in its smallest unit written and money in its largest.
_SUBUNITS = {"time": {"小时": 3600, "时": 3600, "分钟": 60, "分": 60, "秒": 1},
             "money": {"元": 100, "块": 100, "角": 10, "毛": 10, "分": 1}}


def _composites(qs, figures) -> dict[int, Decimal]:
    """The value each tagged quantity's figure should have when that figure joins
    several quantities, keyed by the quantity's start."""
    out: dict[int, Decimal] = {}
    for f in figures:
        inside = [q for q in qs if f.start < q[1] and q[0] < f.end]
        if len(inside) < 2 or f.upper is not None:
            continue  # one quantity, or a range (１４元—１７元: the parts are its ends)
        if _NUMBER.search(f.text[:max(0, inside[0][0] - f.start)]):
            continue  # an untagged part before the first (４小时/n ４分 ３９秒)
        table = _SUBUNITS["money" if inside[0][3] in ("元", "块") else "time"]
        values = [expected_value(fold(q[2]), q[3]) for q in inside]
        if None in values or any(q[3] not in table for q in inside):
            continue
        factors = [table[q[3]] for q in inside]
        total = sum(v * k for v, k in zip(values, factors))
        unit = max(factors) if table is _SUBUNITS["money"] else min(factors)
        for q in inside:
            out[q[0]] = total / unit
    return out


def _agrees(value: Decimal, want: Decimal) -> bool:
    if value == want or abs(value) == want or value - want == Decimal("0.5"):
        return True  # 两年半 is tagged 两/m 年/q 半/m
    # the figure folded a magnitude the numeral token left to the next token (２０/m 万/m …)
    return want != 0 and value % want == 0 and (value / want) in {Decimal(10) ** k for k in (4, 8, 12)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", type=int, default=0, help="list this many misses and value disagreements")
    ap.add_argument("--tuning-only", action="store_true", help="measure the first 90 %% of lines only")
    args = ap.parse_args(argv)
    if CORPUS is None:
        print("pku_recall: shared/corpus/people-daily-1998-01.pos.txt not found; skipped", file=sys.stderr)
        return 0
    pos = (CORPUS / "people-daily-1998-01.pos.txt").read_text(encoding="utf-8").splitlines()
    txt = (CORPUS / "people-daily-1998-01.txt").read_text(encoding="utf-8").splitlines()
    cut = len(pos) * 9 // 10
    parts = [("first 90%", pos[:cut], txt[:cut])]
    if not args.tuning_only:
        parts.append(("all", pos, txt))
    for name, p, t in parts:
        stats, misses, wrong = measure(p, t)
        recall = stats["found"] / stats["total"] if stats["total"] else 0
        agreement = stats["agree"] / stats["checkable"] if stats["checkable"] else 0
        print(f"{name:10} quantities {stats['total']:6}  recall {recall:.4f}  "
              f"value agreement {agreement:.4f} ({stats['agree']}/{stats['checkable']})  "
              f"lines skipped {stats['skipped_lines']}")
        if args.misses and name == "first 90%":
            import collections
            by_measure = collections.Counter(re.sub(r'^[^/％%]*?[0-9０-９〇零一二两三四五六七八九十百千万亿多余几来]+', '', m[2]) or m[2] for m in misses)
            print("  misses by last character:", by_measure.most_common(80))
            for line, context, span in misses[:args.misses]:
                print(f"  miss {line}: {span}  …{context}…")
            for row in wrong[:args.misses]:
                print("  value", *row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
