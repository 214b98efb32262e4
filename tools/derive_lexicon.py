"""Derive ``src/figs/data/lexicon.txt`` from jieba's dictionary.

The word list figs segments the text around a figure with comes from jieba 0.42.1
(https://github.com/fxsjy/jieba, MIT licence, (c) Sun Junyi), file ``jieba/dict.txt``:
one ``word frequency tag`` a line, about 349,000 words.  This script keeps the words
of two to eight characters, made only of Chinese characters, and folds jieba's tags
into the few classes figs uses:

    place  ns          辽宁, 长春市
    org    nt          国务院
    person nr nrt nrfg 李书莲 (and many foreign names: 特斯拉 is nrt)
    noun   n vn nz ng an j 员工, 股价, 流动, 党支部 (verbal nouns and abbreviations count)
    time   t tg        今年, 目前
    verb   v vd vi     新增, 上涨, 确诊
    other  everything else that bounds a word (d adverbs, p, c, r, a, f, b, m, q …)

Idioms and set phrases (i, l), numerals and measure words (m, q: figs has its own)
and strings (x) are left out.  Words rarer than ``--floor`` (default 10) are left out,
except places and organisations, which are kept at any frequency (a district named
once is still a place); Chinese person names (nr, nrfg) rarer than ``--person-floor``
(default 200) too: jieba's long tail of them is mostly ordinary words tagged nr, and
names in the news are rarely in a dictionary anyway.  Transliterated names (nrt:
特斯拉, 沃尔夫) take the ordinary floor.  Usage::

    pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz
    python tools/derive_lexicon.py jieba-0.42.1/jieba/dict.txt > src/figs/data/lexicon.txt
"""
from __future__ import annotations

import argparse
import re
import sys

CLASSES = {
    "ns": "place", "nt": "org",
    "nr": "person", "nrt": "person", "nrfg": "person",
    "n": "noun", "vn": "noun", "nz": "noun", "ng": "noun", "an": "noun", "j": "noun",
    "t": "time", "tg": "time",
    "v": "verb", "vd": "verb", "vi": "verb",
}
HAN = re.compile(r"[\u4e00-\u9fff]{2,8}")
KEEP_RARE = ("place", "org")
SKIP = frozenset({"i", "l", "m", "q", "x", "mq"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict_txt")
    parser.add_argument("--floor", type=int, default=10)
    parser.add_argument("--person-floor", type=int, default=200)
    args = parser.parse_args()
    rows = []
    with open(args.dict_txt, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or not HAN.fullmatch(parts[0]):
                continue
            word, freq, tag = parts[0], int(parts[1]), parts[2]
            cls = CLASSES.get(tag, "other")
            if tag in SKIP or (tag in ("nr", "nrfg") and freq < args.person_floor):
                continue
            if freq < args.floor and cls not in KEEP_RARE:
                continue
            rows.append((word, cls))
    out = sys.stdout
    out.write("# Derived from jieba 0.42.1 jieba/dict.txt (MIT licence, (c) 2013 Sun Junyi)\n")
    out.write("# by tools/derive_lexicon.py; see data/LICENSE-jieba.  Do not edit by hand.\n")
    out.write("# One word a line, in sections by class: a line [class] starts each.\n")
    by_class: dict[str, list[str]] = {}
    for word, cls in rows:
        by_class.setdefault(cls, []).append(word)
    for cls in sorted(by_class):
        out.write(f"[{cls}]\n")
        out.writelines(f"{word}\n" for word in sorted(by_class[cls]))


if __name__ == "__main__":
    main()
