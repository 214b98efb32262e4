"""Line breaks: LF, CRLF and bare CR give the same records, and a figure cut by a
line break inside a sentence (wrapped or OCR text) is still found, with offsets,
line and column in the text as decoded."""
from __future__ import annotations

import pytest

import figs
from figs.decode import decode


def found(text: str) -> list[tuple]:
    out = []
    for f in figs.extract(text):
        assert text[f.start:f.end] == f.text
        line_start = text.rfind("\n", 0, f.start) + 1
        assert (f.line, f.col) == (text.count("\n", 0, f.start) + 1, f.start - line_start + 1)
        out.append((f.text, f.line, f.col, str(f.value), f.qualifier, f.unit))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        # 不足 cut in two: a short line with no comma, as OCR leaves it.
        ("年人均收入不\n足3000元。", [("不\n足3000元", 1, 6, "3000", "under", "元")]),
        ("据介绍，该村去年年人均收入不\n足3000元，亩产能达到四五千斤。",
         [("不\n足3000元", 1, 14, "3000", "under", "元"), ("四五千斤", 2, 13, "4000", "range", "斤")]),
        # a qualifier, then the number on the next line
        ("客单价超过\n3000元。", [("超过\n3000元", 1, 4, "3000", "over", "元")]),
        ("党员将\n近7000名。", [("将\n近7000名", 1, 3, "7000", "under", "名")]),
        # a number cut in two after text
        ("今年全县农民人均纯收入达到12\n5万元，比去年多。", [("12\n5万元", 1, 14, "1250000", "exact", "元")]),
        # a long prose line wrapped mid-sentence (the rule that was there before)
        ("长春市奔跑兔商贸有限公司现有员工，配送网点共\n15个。", [("15个", 2, 1, "15", "exact", "个")]),
        # white space around the break is part of it
        ("年人均收入不 \n 足3000元。", [("不 \n 足3000元", 1, 6, "3000", "under", "元")]),
    ],
)
def test_a_figure_cut_by_a_line_break_is_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2019\n2020\n",                        # a column of years
        "不\n足球比赛3场。",                    # 不 then 足球: no number follows
        "第一章 总则\n1000人参加。",             # a heading keeps its break
        "１９５６年３５２６\n１９８２年９４０４９２７\n",  # rows of a table: year, then a count
        "１富龙热力５２．１１\n２万向钱潮１１．００\n",    # rows of a table: rank, name, price
    ],
)
def test_a_break_that_does_not_cut_a_figure_stays(text):
    for f in figs.extract(text):
        assert "\n" not in f.text


def test_the_sentence_cited_has_the_break_removed():
    (f,) = figs.extract("据介绍，该村去年年人均收入不\n足3000元。")
    assert f.sentence == "据介绍，该村去年年人均收入不足3000元。"


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_same_records(eol):
    text = "现有员工1150余人，\n配送网点15个。\n\n年人均收入不\n足3000元。\n"
    data = text.replace("\n", eol).encode("utf-8")
    got = [(f.line, f.col, f.start, f.end, f.text) for f in figs.extract(decode(data))]
    assert got == [(1, 5, 4, 10, "1150余人"), (2, 5, 16, 19, "15个"),
                   (4, 6, 27, 35, "不\n足3000元")]


# --- blank lines: a paragraph ends there, unless it was cut in the middle of a word ---------


def sentences(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.sentence) for f in figs.extract(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("北京新增21例，累计274例\n\n截至2日24时，全市累计确诊274例。\n",
                     [("21例", "北京新增21例，累计274例"), ("274例", "北京新增21例，累计274例"),
                      ("274例", "截至2日24时，全市累计确诊274例。")], id="headline with a comma"),
        pytest.param("发挥党员作用，增强凝聚力\n\n园区共有党员120名。\n",
                     [("120名", "园区共有党员120名。")], id="heading with a comma"),
        pytest.param("谈起骆丹,村民王士明满是感激。王\n\n士明全家年人均收入不足3000元。\n",
                     [("不足3000元", "王士明全家年人均收入不足3000元。")], id="a sentence started, then cut"),
        pytest.param("公司为骑手开辟绿色就医通道，还聘请资深心理专家为大家开展免费心\n\n理咨询，服务骑手200余人次。\n",
                     [("200余人次", "公司为骑手开辟绿色就医通道，还聘请资深心理专家为大家开展免费心理咨询，服务骑手200余人次。")],
                     id="a long line cut mid-word"),
        pytest.param("做实覆盖工作，将党的工作转化为产业发展\n\n的动力，带动就业300人。\n",
                     [("300人", "做实覆盖工作，将党的工作转化为产业发展的动力，带动就业300人。")],
                     id="the next line cannot start a paragraph"),
        pytest.param("一行没有空行，接着写\n下去，共有15个。\n", [("15个", "一行没有空行，接着写下去，共有15个。")],
                     id="no blank line: soft as before"),
        pytest.param("大连市开展“先锋、领航”主题\n\n活动,组建25支志愿服务队。\n",
                     [("25支", "大连市开展“先锋、领航”主题活动,组建25支志愿服务队。")],
                     id="a short line cut between two words",
                     marks=pytest.mark.xfail(strict=True, reason="as short as a heading: telling needs a lexicon")),
    ],
)
def test_a_sentence_crosses_a_blank_line_only_when_cut_mid_word(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("安徽新增确诊36例，累计确诊106例\n1月27日，安徽省新增确诊病例36例。其中：阜阳11例。\n",
                     [("36例", "安徽新增确诊36例，累计确诊106例"), ("106例", "安徽新增确诊36例，累计确诊106例"),
                      ("36例", "1月27日，安徽省新增确诊病例36例。"), ("11例", "其中：阜阳11例。")],
                     id="a headline with a comma over its report"),
        pytest.param("这是一行没有空行的文字，接着写\n下去，共有15个。\n", [("15个", "这是一行没有空行的文字，接着写下去，共有15个。")],
                     id="a wrapped line, longer than the next"),
    ],
)
def test_a_short_line_over_a_longer_one_keeps_its_break(text, expected):
    assert sentences(text) == expected


def test_the_parts_after_a_headline_take_the_measure_of_their_whole():
    text = "安徽新增确诊36例，累计确诊106例\n1月27日，安徽省新增报告确诊病例36例。其中：阜阳11例、铜陵6例。\n"
    assert [(f.text, f.subject, f.holder) for f in figs.extract(text)][3:] == [
        ("11例", "确诊病例", "阜阳"), ("6例", "确诊病例", "铜陵")]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("公司现有员工1150余\n人，配送网点15个。", [("1150余\n人", "1150", "人"), ("15个", "15", "个")],
                     id="unit on the next short line"),
        pytest.param("公司现有员工1150\n人，配送网点15个。", [("1150\n人", "1150", "人"), ("15个", "15", "个")],
                     id="plain number, unit on the next line"),
        pytest.param("员工共计1150余\n\n人，配送网点15个。", [("1150余\n\n人", "1150", "人"), ("15个", "15", "个")],
                     id="across a blank line"),
        pytest.param("１９５６年３５２６\n１９８２年９４０４９２７\n", [], id="table rows stay apart"),
    ],
)
def test_a_figure_cut_by_a_short_line_is_never_lost(text, expected):
    got = [(f.text, str(f.value), f.unit) for f in figs.extract(text)]
    assert got == expected
