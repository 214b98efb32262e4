"""The number parser: table tests grouped by where each case came from, and properties."""
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from figs import parse_number

SPEC = [  # ../spec/FIGURES.md, "Numbers to handle"
    ("1,150", "1150"),
    ("0.04", "0.04"),
    ("１９９８", "1998"),
    ("一千一百五十", "1150"),
    ("两万三", "23000"),
    ("十六", "16"),
    ("〇", "0"),
    ("零", "0"),
    ("壹贰叁", "123"),
    ("1.2万", "12000"),
    ("3千万", "30000000"),
    ("2020.87亿", "202087000000"),
    ("8.25%", "8.25"),
    ("８％", "8"),
    ("百分之四十", "40"),
    ("三分之一", "0.333333333333"),
    ("三成", "30"),
    ("萬", "10000"),
    ("兩萬", "20000"),
    ("三億", "300000000"),
]

ISSUE = [  # the extractor issue's list
    ("１２．５％", "12.5"),
    ("１９·２５", "19.25"),
    ("廿", "20"),
    ("廿三", "23"),
    ("三点五亿", "350000000"),
    ("３．５亿", "350000000"),
    ("万亿", "1000000000000"),
    ("百万", "1000000"),
    ("千万", "10000000"),
]

PEOPLES_DAILY_1998 = [  # forms seen in the January 1998 corpus
    ("一九九八", "1998"),
    ("７５．７", "75.7"),
    ("１．１万", "11000"),
    ("百分之七", "7"),
    ("三千五", "3500"),
    ("一万零五", "10005"),
    ("二十万零三", "200003"),
    ("一亿零三百万", "103000000"),
    ("三亿五千万", "350000000"),
    ("五万亿", "5000000000000"),
    ("一百零五", "105"),
    ("二〇二二", "2022"),
]

NOT_NUMBERS = ["", "大约", "三四百", "abc", "1.2.3", "万一", "几", "几个"]  # 十几 and 几十 are 10 (over), as 三十多 is 30: tests/test_grammar_forms.py


@pytest.mark.parametrize("text, value", SPEC, ids=[t for t, _ in SPEC])
def test_spec_forms(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text, value", ISSUE, ids=[t for t, _ in ISSUE])
def test_issue_forms(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text, value", PEOPLES_DAILY_1998, ids=[t for t, _ in PEOPLES_DAILY_1998])
def test_peoples_daily_forms(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text):
    assert parse_number(text) is None


def test_values_are_exact_decimals():
    value = parse_number("2020.87亿")
    assert isinstance(value, Decimal)
    assert str(value) == "202087000000"


DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """n written out in Chinese numerals, the way a newspaper writes it (an oracle for the parser)."""
    if n == 0:
        return "零"
    groups, unit_words = [], ["", "万", "亿", "万亿"]
    i = 0
    while n:
        groups.append((n % 10000, unit_words[i]))
        n //= 10000
        i += 1
    out, need_zero = "", False
    for g, word in reversed(groups):
        if g == 0:
            need_zero = True
            continue
        if (need_zero or (out and g < 1000)) and out:
            out += "零"
        out += _four(g) + word
        need_zero = False
    return out


def _four(g: int) -> str:
    s, zero = "", False
    for value, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = g // value % 10
        if d:
            if zero and s:
                s += "零"
            s += DIGITS[d] + word
            zero = False
        else:
            zero = bool(s)
    return s


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_any_integer_in_chinese_numerals_parses_back(n):
    assert parse_number(chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_any_integer_in_digits_parses_back(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.text(max_size=30))
def test_never_raises(s):
    value = parse_number(s)
    assert value is None or value.is_finite()
