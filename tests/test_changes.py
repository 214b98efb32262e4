"""change, direction, base and pair: one table per mechanism (figs.changes).

Each case is a sentence written for the test, the figure looked at, and the claim
fields expected (change, direction, base).
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import figs
from figs.cli import main


def claim(text: str, figure: str) -> tuple[str, str, str]:
    found = [f for f in figs.extract(text) if f.text == figure]
    assert found, f"{figure} not found in {text}: {[f.text for f in figs.extract(text)]}"
    f = found[0]
    return f.change, f.direction, f.base


def table(*rows, xfail=()):
    """pytest params with the first item as id; ids in `xfail` are known misses."""
    return [pytest.param(*r, id=r[0], marks=[pytest.mark.xfail(strict=True)] if r[0] in xfail else [])
            for r in rows]


BY = table(
    ("verb before the number", "今年营业额增长8.25%。", "8.25%", ("by", "up", "")),
    ("verb, qualifier", "营业额提升近10%的好成绩。", "近10%", ("by", "up", "")),
    ("verb with 了", "信息技术服务的价格下降了2.3%。", "2.3%", ("by", "down", "")),
    ("down verb, count", "本周住院病例减少3例。", "3例", ("by", "down", "")),
    ("percentage points", "失业率回落0.3个百分点。", "0.3个百分点", ("by", "down", "")),
    ("one-character verb", "经济林产品消费年均增19%。", "19%", ("by", "up", "")),
    ("verb inside the figure's words", "每亩至少增收2000元。", "至少增收2000元", ("by", "up", "")),
    ("negative growth", "出口负增长3.5%。", "3.5%", ("by", "down", "")),
    ("doubling", "产值翻了两番。", "两番", ("by", "up", "")),
    ("times", "工人的工资增长了8倍。", "8倍", ("by", "up", "")),
    ("size noun and linking verb", "第四季度销售额降幅达25%。", "25%", ("by", "down", "")),
    ("comparison with 多", "今年参加的人比去年多3人。", "3人", ("by", "up", "比去年")),
    ("comparison with 低", "生活费会比大城市低20%。", "20%", ("by", "down", "比大城市")),
    ("a shift of a duration", "审批时间缩短3天。", "3天", ("by", "down", "")),
    ("vague 数 before the magnitude", "向中国增加数十亿美元的出口。", "数十亿美元", ("by", "up", "")),
    ("size noun, adverb, qualifier", "微软的跌幅分别超过3.4%。", "超过3.4%", ("by", "down", "")),
)

TO = table(
    ("verb and 到", "确诊病例增加到11例。", "11例", ("to", "up", "")),
    ("降至", "油价降至435美元。", "435美元", ("to", "down", "")),
    ("verb, 至", "失业率下降至4%。", "4%", ("to", "down", "")),
    ("到了", "员工增加到了10多人。", "10多人", ("to", "up", "")),
    ("a time word before the level", "销售额增长到2022年的1亿元。", "1亿元", ("to", "up", "")),
    ("a duration compressed", "过卡时间压缩到10秒内。", "10秒内", ("to", "down", "")),
    ("为 after a verb", "等候时间缩短为5分钟。", "5分钟", ("to", "down", "")),
)

NO_CHANGE = table(
    ("an amount", "公司现有员工1150余人。", "1150余人", ("", "", "")),
    ("达到 alone is an amount", "总成交额达到18.5万元。", "18.5万元", ("", "", "")),
    ("达 alone", "快递业务量达92.96亿件。", "92.96亿件", ("", "", "")),
    ("占 is a share", "桐油产量占世界总产量的90%。", "90%", ("", "", "")),
    ("累计 is a total", "辽宁累计确诊38例。", "38例", ("", "", "")),
    ("新增 names a measure", "辽宁新增1例。", "1例", ("", "", "")),
    ("新增 before the measure", "北京新增确诊病例21例。", "21例", ("", "", "")),
    ("a plan's length after a verb that changes no durations", "实施双提升三年行动计划。", "三年", ("", "", "")),
    ("比 in another word", "贷款比例为80%。", "80%", ("", "", "")),
    ("多 without a comparison", "到场的有300多人。", "300多人", ("", "", "")),
    ("a change named after the figure", "5000万元迅速增长。", "5000万元", ("", "", "")),
    ("增长 in a noun", "培育集体经济新增长点9个。", "9个", ("", "", "")),
)

BASES = table(
    ("同比 before the verb", "交易额为2020.87亿元，同比增长8.25%。", "8.25%", ("by", "up", "同比")),
    ("环比", "猪肉价格环比上涨11%。", "11%", ("by", "up", "环比")),
    ("同比 before the measure", "出口额同比下降1.3%。", "1.3%", ("by", "down", "同比")),
    ("比 … up to the verb", "GDP比上半年回落0.3个百分点。", "0.3个百分点", ("by", "down", "比上半年")),
    ("较 … 同期", "案件较上年同期下降15%。", "15%", ("by", "down", "较上年同期")),
    ("adverb between base and verb", "收入较上年同期分别增长12%和8%。", "12%", ("by", "up", "较上年同期")),
    ("与 … 相比 in the clause", "与去年同期相比增长5%。", "5%", ("by", "up", "与去年同期相比")),
    ("与 … 相比 alone in the clause before", "与去年同期相比，利润下降5%。", "5%", ("by", "down", "与去年同期相比")),
    ("相比 alone in the clause before", "相比玉米，每亩至少增收2000元。", "至少增收2000元", ("by", "up", "相比玉米")),
    ("no base for a level", "比去年增加到11例。", "11例", ("to", "up", "")),
    ("a name that starts with 比", "比亚迪销量增长20%。", "20%", ("by", "up", "")),
    ("a base in another clause is not this one's", "同比持平，利润增长5%。", "5%", ("by", "up", "")),
    ("the base as written, full-width digits kept", "收入比１９９１年增长１．８倍。", "１．８倍", ("by", "up", "比１９９１年")),
    ("a change in the clause before is no base", "比１９９１年增长１．８倍，年均递增２３％。", "２３％", ("by", "up", "")),
    ("在 … 基础上", "在去年基础上增加了30万元投资。", "30万元", ("by", "up", "在去年基础上")),
    xfail=("在 … 基础上",),
)

FROM = table(
    ("从 and a verb after", "种植面积从20亩增加到230亩。", "20亩", ("from", "up", "")),
    ("从 … 的", "通关时间从2016年的13小时压缩到2022年的0.04小时。", "13小时", ("from", "down", "")),
    ("由", "效率由60辆/小时提升到180辆/小时。", "60辆/小时", ("from", "up", "")),
    ("adverb before the verb", "销售规模从5000万元迅速增长到1亿元。", "5000万元", ("from", "up", "")),
    ("neutral 变为: the values tell", "病例从5例变为11例。", "5例", ("from", "up", "")),
    ("neutral 变为, down", "病例从11例变为5例。", "5例", ("to", "down", "")),
    ("neutral 发展到", "门店由3家发展到10家。", "10家", ("to", "up", "")),
    # The span pattern reads 5例到11例 as one range; after 从 it is a change.
    ("从 … 到 read as a range", "病例从5例到11例。", "5例", ("from", "up", "")),
    ("a measure word the level is per", "均价从每平方米1.8万元降至2.1万元。", "1.8万元", ("from", "down", "")),
    ("a level a year before, 上年的", "进出口总额从上年的800亿元增长到本年的900亿元。", "900亿元", ("to", "up", "")),
    ("去年同期 before the level", "民生支出从去年同期12亿元增加到13.2亿元。", "12亿元", ("from", "up", "")),
    ("从 with no change after it", "从300多名员工中选出。", "300多名", ("", "", "")),
    ("a level named before a later verb", "最初公司只有他1个人，后来员工增加到了10多人。", "1个", ("from", "up", "")),
    xfail=("a level named before a later verb", "从 … 到 read as a range"),
)

LISTS = table(
    ("a figure listed after a change", "同比分别增长12%和8%。", "8%", ("by", "up", "同比")),
    ("listed with 、", "分别下降3%、5%。", "5%", ("by", "down", "")),
    ("a new clause is a new figure", "同比增长8.25%，快递业务量达92.96亿件。", "92.96亿件", ("", "", "")),
    ("a comma is no list", "人员编制削减40%，约400多名人员将回国。", "约400多名", ("", "", "")),
)


@pytest.mark.parametrize("where, text, figure, expected", BY)
def test_by(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", TO)
def test_to(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", NO_CHANGE)
def test_no_change(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", BASES)
def test_base(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", FROM)
def test_from(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", LISTS)
def test_list(where, text, figure, expected):
    assert claim(text, figure) == expected


PAIRS = table(
    ("verb of change", "通关时间从13小时压缩到0.04小时。", "13小时", "0.04小时", "down"),
    ("time words on both sides", "销售规模从2021年的5000万元迅速增长到2022年1亿元。", "5000万元", "1亿元", "up"),
    ("neutral 变为", "病例从11例变为5例。", "11例", "5例", "down"),
)


@pytest.mark.parametrize("where, text, a, b, direction", PAIRS)
def test_a_from_and_its_to_hold_each_others_start(where, text, a, b, direction):
    found = {f.text: f for f in figs.extract(text)}
    x, y = found[a], found[b]
    assert (x.change, y.change) == ("from", "to")
    assert (x.direction, y.direction) == (direction, direction)
    assert (x.pair, y.pair) == (y.start, x.start)
    assert text[x.pair:y.end] == text[y.start:y.end]


def test_pairs_index_the_whole_input_when_a_piece_is_read():
    text = "开头。通关时间从13小时压缩到0.04小时。"
    whole = {f.text: f.pair for f in figs.extract(text)}
    piece = {f.text: f.pair for f in figs.extract(text[3:], offset=3)}
    assert whole == piece == {"13小时": text.index("0.04小时"), "0.04小时": text.index("13小时")}


def test_a_figure_without_a_from_has_no_pair():
    (f,) = figs.extract("确诊病例增加到11例。")
    assert f.pair is None


def test_json_carries_the_claim_fields_and_the_pair(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("通关时间从13小时压缩到0.04小时，营业额同比提升近10%。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "-f", "jsonl"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    got = [(r["text"], r["change"], r["direction"], r["base"], r["pair"]) for r in rows]
    assert got == [("13小时", "from", "down", "", 12), ("0.04小时", "to", "down", "", 5),
                   ("近10%", "by", "up", "同比", None)]
