"""Hostile text never hangs or crashes: each input finishes in time linear in its
size, and yields sensible records or none.

Each case is timed at size n and 4n: a linear reader takes about 4 times as long,
a quadratic one 16 times.  A watchdog (faulthandler) ends the run with a stack
dump if anything hangs, even inside the regex engine.
"""
from __future__ import annotations

import faulthandler
import json
import math
import sys
import time
from decimal import Decimal

import pytest

import figs
from figs.numbers import parse_number

N = 20_000


@pytest.fixture(autouse=True)
def watchdog():
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def check(text: str) -> list:
    """Every record of `text`, each checked: offsets agree, values finite, JSON valid."""
    records = list(figs.extract(text))
    for f in records:
        assert text[f.start:f.end] == f.text
        assert f.value.is_finite() and (f.upper is None or f.upper >= f.value)
        json.dumps(f.to_dict(), allow_nan=False)
        assert len(f.sentence) <= 1200
    return records


def operations(text: str) -> int:
    """The calls (Python functions and built-in ones) that `figs.extract` makes on `text`."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        if event == "call" or event == "c_call":
            count += 1

    sys.setprofile(profile)
    try:
        list(figs.extract(text))
    finally:
        sys.setprofile(None)
    return count


# Compiled by mypyc, figs' functions make no calls the profiler sees: the counts
# are taken on the pure build (CI runs the tests on both; it is the same source).
COMPILED = figs.figures.__file__.endswith((".so", ".pyd"))


# name: (make a text of about n characters, the n to time it at)
HOSTILE = {
    "digits": (lambda n: "1" * n, 100_000),
    "digits with a unit": (lambda n: "共" + "1" * n + "元。", 100_000),
    "full-width digits": (lambda n: "１" * n + "％", 100_000),
    "thousands separators": (lambda n: "1" + ",000" * (n // 4) + "元", 400_000),  # smaller runs too short to time
    "a long decimal": (lambda n: "1." + "2" * n + "万元", 100_000),
    "万万万": (lambda n: "万" * n, N),
    "1万万万元": (lambda n: "1" + "万" * n + "元", N),
    "3000余万万万元": (lambda n: "3000余" + "万" * n + "元", N),
    "a range to 万万万": (lambda n: "1-2多" + "万" * n + "元", N),
    "亿亿亿": (lambda n: "三亿" * (n // 2), N),
    "十十十": (lambda n: "十" * n, N),
    "一一一名": (lambda n: "一" * n + "名", N),
    "一千一千": (lambda n: "一千" * (n // 2), N),
    "两万三两万三": (lambda n: "两万三" * (n // 3), N),
    "三分之三分之": (lambda n: "三分之" * (n // 3) + "一", N // 2),
    "三点三点": (lambda n: "三点" * (n // 2), N // 2),
    "百分之四四四": (lambda n: "百分之" + "四" * n, N),
    "百分之111": (lambda n: "百分之" + "1" * n, N),
    "1.21.21.2": (lambda n: "1.2" * (n // 3), N),
    "1-21-2": (lambda n: "1-2" * (n // 3), N),
    "1·1·": (lambda n: "1·" * (n // 2), N),
    "a1a1": (lambda n: "a1" * (n // 2), N),
    "第第第1": (lambda n: "第" * n + "1", N),
    "半半半小时": (lambda n: "半" * n + "小时", N),
    "3个个个小时": (lambda n: "3" + "个" * n + "小时", N),
    "opening quotes": (lambda n: "“" * n + "1万人", N),
    "closing quotes": (lambda n: "3人" + "”" * n, N),
    "quoted figures": (lambda n: "“3人，" * (n // 4), N // 4),
    "dense figures, no full stop": (lambda n: "收入达到三千元，" * (n // 8), N // 4),
    "dates, no full stop": (lambda n: "2019年3月，" * (n // 8) + "5人", N // 2),
    "only newlines": (lambda n: "\n" * n, N),
    "blank lines between words": (lambda n: "字\n" + " \n" * (n // 2) + "x", N),
    "spaces then a newline": (lambda n: "字" + " " * n + "\n字", N),
    "one character a line": (lambda n: "字\n" * (n // 2), N),
    "wrapped figures": (lambda n: "收入不\n足3元，" * (n // 8), N // 4),
    "a number a line": (lambda n: "达到12\n" * (n // 5), N // 2),
    "replacement characters": (lambda n: "\ufffd" * n, N),
    "control characters": (lambda n: "\x01\x02\x1b" * (n // 3), N),
    "surrogates and private use": (lambda n: "\ud800\ue000\U0010ffff" * (n // 3), N),
}


@pytest.mark.skipif(COMPILED, reason="counts Python calls: taken on the pure build")
@pytest.mark.parametrize("name", HOSTILE)
def test_work_is_linear(name):
    make, n = HOSTILE[name]
    check(make(100))  # the lexicon and the caches, loaded before counting
    m = max(n // 4, 1000)
    counts = [operations(make(k * m)) for k in (1, 2, 4)]
    from_m, from_2m = counts[1] - counts[0], counts[2] - counts[1]
    # Linear: from_2m is 2 × from_m; quadratic: 4 ×.  (A case whose count does not
    # grow, its work all in the regex engine, may differ by a few cache misses.)
    assert from_2m <= 3 * max(from_m, 0) + 50, counts


@pytest.mark.parametrize("name", HOSTILE)
def test_ten_times_the_size_finishes(name):
    """The work the call count cannot see (inside the regex engine): at ten times
    the size a linear reader takes a second or two, a quadratic one hours, and the
    watchdog stops the run."""
    make, n = HOSTILE[name]
    check(make(10 * n))


@pytest.mark.parametrize(
    "text",
    ["共" + "9" * 400 + "元", "9" * 309 + "万元", "九" * 400 + "亿元", "1" + "亿" * 40 + "元",
     "百分之" + "9" * 400, "1" * 400 + "分之1", "0." + "0" * 400 + "1%", "1e400元", "inf元", "NaN%"],
    ids=lambda t: t[:12],
)
def test_numbers_past_float_range_give_no_record_or_a_finite_one(text):
    for f in check(text):
        assert abs(f.value) <= Decimal(10) ** 24
        assert math.isfinite(json.loads(json.dumps(f.to_dict()))["value"])


@pytest.mark.parametrize("s", ["9" * 5000, "万" * 5000, "1" + "万" * 5000, "百分之" + "9" * 5000,
                               "九" * 5000, "1" * 5000 + "分之1", "三点" + "三" * 5000])
def test_parse_number_refuses_absurd_lengths(s):
    assert parse_number(s) is None


def test_ordinary_big_numbers_still_parse():
    assert parse_number("9999亿") == Decimal("999900000000")
    assert parse_number("1.5万亿") == Decimal("1500000000000")
    assert parse_number("9,999,999,999,999") == Decimal("9999999999999")
    assert [f.text for f in figs.extract("GDP达到126万亿元。")] == ["126万亿元"]


@pytest.mark.parametrize("text, value", [
    ("增长八十四点四五%。", "84.45"),
    ("达一百三十一点四五万人。", "1314500"),
])
def test_chinese_decimals_with_adjacent_digits(text, value):
    # Found in the People's Daily corpus: 四五 after 点 was taken for a range (KeyError).
    (f,) = check(text)
    assert str(f.value) == value and f.upper is None


def test_a_very_long_sentence_is_cited_by_its_clauses():
    text = "该公司今年的销售额同比增长，" * 200 + "共有35名员工，" + "员工人数也有所增加，" * 200 + "。"
    (f,) = check(text)
    assert f.text == "35名"
    assert "共有35名员工" in f.sentence and len(f.sentence) <= 1000


@pytest.mark.slow
def test_a_50_mb_line_with_no_newline():
    unit = "该公司今年的销售额同比增长，员工人数也有所增加，" * 40 + "共有35名员工，"
    text = unit * (50_000_000 // len(unit.encode("utf-8")))
    t = time.perf_counter()
    records = check(text)
    assert len(records) == text.count("35名")
    assert {f.text for f in records} == {"35名"}
    assert time.perf_counter() - t < 120
