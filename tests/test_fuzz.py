"""Property tests: figs.extract and the number parser never raise, and every record
they make holds together (offsets and text agree, values finite, upper ≥ value)."""
from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figs
from figs.decode import decode
from figs.numbers import MAX_VALUE, parse_number

# Pieces of news text that figures are made of, and pieces that trip readers up.
PIECES = [
    *"0123456789０１２３４５６７８９",
    *"零〇一二两三四五六七八九十百千万亿廿卅壹贰叁拾佰仟萬億兩",
    ".", "．", ",", "·", "%", "％", "-", "~", "～", "至", "到", "/", "+", ":", "¥", "$", "US$",
    "多", "余", "几", "来", "半", "个", "点", "分之", "百分之", "成", "第", "年", "月", "日", "时",
    "人", "名", "元", "美元", "亿元", "公里", "平方公里", "小时", "天", "岁", "倍", "个百分点", "辆/小时",
    "近", "约", "超过", "不足", "不\n足", "至少", "最多", "以上", "左右", "以内", "上万", "数十",
    "，", "。", "、", "；", "！", "？", "“", "”", "「", "」", "（", "）", "\n", "\r\n", "\r", " ", "\u3000",
    "员工", "收入", "同比增长", "达到", "共有", "该公司", "G", "a", "COVID-19", "\ufeff", "\x00", "\ufffd",
]
news = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
anything = st.text(max_size=80)
texts = st.one_of(news, anything, st.tuples(news, anything, news).map("".join))


def check_records(text: str) -> None:
    previous_start = -1
    for f in figs.extract(text, source="fuzz"):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.start >= previous_start
        previous_start = f.start
        line_start = text.rfind("\n", 0, f.start) + 1
        assert f.line == text.count("\n", 0, f.start) + 1
        assert f.col == f.start - line_start + 1
        assert isinstance(f.value, Decimal) and f.value.is_finite() and abs(f.value) <= MAX_VALUE
        if f.upper is not None:
            assert f.upper.is_finite() and f.upper >= f.value
        json.dumps(f.to_dict(), allow_nan=False)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_never_raises_and_records_hold_together(text):
    check_records(text)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_fail_cleanly(data):
    from figs.errors import InputError

    try:
        text = decode(data, "fuzz", errors="replace", warn=lambda message: None)
    except InputError as e:
        assert str(e).startswith("fuzz: ")
        return
    assert "\r" not in text
    check_records(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(news, anything))
def test_parse_number_never_raises(s):
    value = parse_number(s)
    assert value is None or (value.is_finite() and abs(value) <= MAX_VALUE)


DIGIT = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """`n` written out as a Chinese number: 10005 → 一万零五, 16 → 十六."""
    if n == 0:
        return "零"
    out, zero, started = [], False, False
    for unit_value, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        group, n = divmod(n, unit_value)
        if not group:
            zero = zero or started
            continue
        text = ""
        for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, group = divmod(group, place)
            if d:
                if zero and (started or text):
                    text += "零"
                text += DIGIT[d] + name
                zero = False
            elif started or text:
                zero = True
        out.append(text + unit)
        started = True
    result = "".join(out)
    return result[1:] if result.startswith("一十") else result


def test_chinese_writer():
    assert [chinese(n) for n in (16, 10005, 1150, 230000000, 100000001)] == [
        "十六", "一万零五", "一千一百五十", "二亿三千万", "一亿零一"]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_any_integer_in_chinese_numerals_parses_back(n):
    assert parse_number(chinese(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=99))
def test_arabic_numbers_parse_back(whole, cents):
    assert parse_number(f"{whole:,}") == whole
    assert parse_number(f"{whole}.{cents:02d}") == Decimal(f"{whole}.{cents:02d}")
