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
    ("size noun, 已 before the link", "截至昨天累计涨幅已达到了105%。", "105%", ("by", "up", "")),
    ("a size noun of two words", "报名人数增长比例为13.1%。", "13.1%", ("by", "up", "")),
    ("a saving is a change down", "采暖成本比传统方式节省20%至30%。", "20%至30%", ("by", "down", "比传统方式")),
    ("an intensified verb", "绿色走廊锐减50%以上。", "50%以上", ("by", "down", "")),
    ("a verb and the noun it changes", "泰国议员分别削减工资10%—20%。", "10%—20%", ("by", "down", "")),
    ("a verb, an adverb and the noun it changes", "全省共减少贫困人口约60万。", "约60万", ("by", "down", "")),
    ("a size noun split by 的", "同上年相比减少了302人，减少的幅度为3%。", "3%", ("by", "down", "")),
    ("the verb's object is what changes", "贸易战可能会在明年减少中国经济增长多达1.6%。", "1.6%", ("by", "down", "")),
    ("the pace of a change named after the figure", "机场起降架次以平均12%的速度增长。", "12%", ("by", "up", "")),
    ("the pace, an adjective and an adverb", "销售额仍以20%的强劲势头持续递增。", "20%", ("by", "up", "")),
    ("a change named after its size by 有", "销量预计在今年将有20%至22%的增长。", "20%至22%", ("by", "up", "")),
    ("a change named after its size by 保持", "此后每年基本保持24%以上的增幅。", "24%以上", ("by", "up", "")),
    ("a change named after its size, no 的", "中国经济依旧保持6%以上增长。", "6%以上", ("by", "up", "")),
    ("a change named after its size, a base before", "房价预计每平米比上周又有数百元涨幅。", "数百元", ("by", "up", "比上周")),
    ("高达 between the verb and the size", "教育经费支出年均增长高达42.7%。", "42.7%", ("by", "up", "")),
    ("达 between the verb and the size", "违章率平均下降达45%以上。", "45%以上", ("by", "down", "")),
    ("a size noun, 则 and 高达", "指数基金平均涨幅则高达28.90%。", "28.90%", ("by", "up", "")),
    ("a size noun, 一度 and a qualifier", "中国股市的跌幅一度超过了6%。", "6%", ("by", "down", "")),
    ("a size noun, 可 and 达", "美国经济的增长速度可达3.7%。", "3.7%", ("by", "up", "")),
    ("a verb of change, 的 and 为", "其中当年增加的为28.6亿美元。", "28.6亿美元", ("by", "up", "")),
    xfail=("a size noun split by 的", "the verb's object is what changes", "a verb of change, 的 and 为"),
)

TO = table(
    ("verb and 到", "确诊病例增加到11例。", "11例", ("to", "up", "")),
    ("降至", "油价降至435美元。", "435美元", ("to", "down", "")),
    ("verb, 至", "失业率下降至4%。", "4%", ("to", "down", "")),
    ("到了", "员工增加到了10多人。", "10多人", ("to", "up", "")),
    ("a fiscal year between 到 and the level", "销售额增长到2022年度1亿元。", "1亿元", ("to", "up", "")),
    ("a year in Chinese digits between 到 and the level", "产值增长到二〇二二年的900亿元。", "900亿元", ("to", "up", "")),
    ("a time word before the level", "销售额增长到2022年的1亿元。", "1亿元", ("to", "up", "")),
    ("a duration compressed", "过卡时间压缩到10秒内。", "10秒内", ("to", "down", "")),
    ("为 after a verb", "等候时间缩短为5分钟。", "5分钟", ("to", "down", "")),
    ("a measure word the level is per", "原油价格又跌到每桶12.75美元。", "12.75美元", ("to", "down", "")),
    ("扩 and 至", "门店数将扩至40家。", "40家", ("to", "up", "")),
    ("an average before the level", "全球石油需求量将上升到日均1.166亿桶。", "1.166亿桶", ("to", "up", "")),
    ("a level fallen through", "泰币汇率首次跌破50铢兑1美元大关。", "50铢", ("to", "down", "")),
    ("a level risen through", "上证综指盘中涨破3000点。", "3000点", ("to", "up", "")),
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
    ("a duration after a size noun", "零售额增长速度是10年来最慢的。", "10年", ("", "", "")),
    ("a share of a change is no change", "这将推动全球市场75%的增长。", "75%", ("", "", "")),
    ("为 after a change and a comma: a new claim", "经济同比增长6.2%，为27年来的最低水平。", "27年", ("", "", "")),
    ("以 … 的 and a rate that is no pace", "银行以5%的利率增加贷款。", "5%", ("", "", "")),
    ("达到 alone after 累计", "调研的频率累计达到了7次。", "7次", ("", "", "")),
    ("比 in another word", "贷款比例为80%。", "80%", ("", "", "")),
    ("多 without a comparison", "到场的有300多人。", "300多人", ("", "", "")),
    ("a change named after the figure", "5000万元迅速增长。", "5000万元", ("", "", "")),
    ("增长 in a noun", "培育集体经济新增长点9个。", "9个", ("", "", "")),
    ("新增 and a noun, no comparison", "湖北新增确诊病例371例。", "371例", ("", "", "")),
    ("a one-character verb and a noun, no comparison", "全年降水量600毫米。", "600毫米", ("", "", "")),
    ("a count of what rose", "两市上涨个股2000只。", "2000只", ("", "", "")),
    ("a verb and a noun that starts with it", "全省工业增加值1000亿元。", "1000亿元", ("", "", "")),
    ("a verb, a noun and a figure that describes the next noun", "美国将提高价值2000亿美元的中国商品的关税。",
     "2000亿美元", ("", "", "")),
    ("a verb, a word of scope and a figure", "中国还降低了全球700多种商品的关税。", "700多种", ("", "", "")),
    ("a comparison, a verb and 的: a count", "比去年增长的项目有12个。", "12个", ("", "", "")),
    ("a count of cities a verb describes", "我国扩大开放城市14个。", "14个", ("", "", "")),
    ("a count of stocks that fell", "沪市下跌股票200只。", "200只", ("", "", "")),
)

# 新增 names a measure (新增1例), but after a comparison base it is the size of the
# change against that base (bulletins: 较昨日新增286例, 较当天零时新增…确诊病例309例).
COMPARED_NEW = table(
    ("较 … 新增", "法国累计确诊1412例，较昨日新增286例。", "286例", ("by", "up", "较昨日")),
    ("较 … 新增, a time of day in the base", "韩国较前一天下午4时新增169例。", "169例", ("by", "up", "较前一天下午4时")),
    ("较 … 新增 and the noun", "韩国较当天零时新增新冠肺炎确诊病例309例，累计确诊病例6593例。", "309例",
     ("by", "up", "较当天零时")),
    ("较 … 新增, the total after it is an amount", "韩国较当天零时新增新冠肺炎确诊病例309例，累计确诊病例6593例。",
     "6593例", ("", "", "")),
    ("比 … 新增", "推广面积比上年新增5亿多亩次。", "5亿多亩", ("by", "up", "比上年")),
    ("the comparison alone in the clause before, with a date", "较3月10日15时，新增271例。", "271例",
     ("by", "up", "较3月10日15时")),
    ("与 … 相比 in the clause before, a verb and a noun", "与前一天下午4时相比，一天内增加病例571例。", "571例",
     ("by", "up", "与前一天下午4时相比")),
    ("比 … 多 and a verb", "比去年全年多投入373.5亿元。", "373.5亿元", ("by", "up", "比去年全年")),
    ("同比, a verb and a noun", "全市同比增加就业岗位5000个。", "5000个", ("by", "up", "同比")),
)

BASES = table(
    ("同比 before the verb", "交易额为2020.87亿元，同比增长8.25%。", "8.25%", ("by", "up", "同比")),
    ("环比", "猪肉价格环比上涨11%。", "11%", ("by", "up", "环比")),
    ("同比 before the measure", "出口额同比下降1.3%。", "1.3%", ("by", "down", "同比")),
    ("比 … up to the verb", "GDP比上半年回落0.3个百分点。", "0.3个百分点", ("by", "down", "比上半年")),
    ("an adverb of value between the base and the verb", "收入比上年名义增长8.9%。", "8.9%", ("by", "up", "比上年")),
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
    ("净增: the verb is not in the base", "考生比1997年净增约3.2万人。", "约3.2万人", ("by", "up", "比1997年")),
    ("a year in the comparison alone in the clause before", "同1990年相比，案件数量几乎翻了一番。", "一番",
     ("by", "up", "同1990年相比")),
    ("the clause before ends in a comparison", "原油价与去年的平均价格相比，每桶下跌3美元以上。", "3美元以上",
     ("by", "down", "与去年的平均价格相比")),
    ("与 opens the comparison, not 同 inside it", "与上年同期相比，利润下降5%。", "5%", ("by", "down", "与上年同期相比")),
    ("a figure in the clause before is no base", "比去年多3天，利润增长20%。", "20%", ("by", "up", "")),
    ("an intensifier before the verb is not in the base", "指数较前一交易日猛跌了222.20点。", "222.20点",
     ("by", "down", "较前一交易日")),
    ("a qualifier before the verb is not in the base", "销售额相比去年同期至少增长了200%。", "200%",
     ("by", "up", "相比去年同期")),
    ("an aside in brackets after the base", "出口比1996年（下同）增长12.1%。", "12.1%", ("by", "up", "比1996年")),
    ("a time span since which the change counts", "价格自5月25日以来已经下跌了15%。", "15%", ("by", "down", "自5月25日以来")),
    ("以来 without 自 is no base", "今年以来，基金净值平均上涨了21.37%。", "21.37%", ("by", "up", "")),
    ("比索 is a currency", "墨西哥货币比索贬值15%。", "15%", ("by", "down", "")),
    ("比价 is a price ratio, the base is the clause before", "与1997年初相比，印尼盾与美元比价已经下跌了137%。", "137%",
     ("by", "down", "与1997年初相比")),
    ("相比之下 is a contrast", "相比之下，标准普尔500指数同期下跌了1.6%。", "1.6%", ("by", "down", "")),
    xfail=("在 … 基础上",),
)

FROM = table(
    ("从 and a verb after", "种植面积从20亩增加到230亩。", "20亩", ("from", "up", "")),
    ("从 … 的", "通关时间从2016年的13小时压缩到2022年的0.04小时。", "13小时", ("from", "down", "")),
    ("由", "效率由60辆/小时提升到180辆/小时。", "60辆/小时", ("from", "up", "")),
    ("从此前 is 从 and a time", "产量从此前的20吨增加到30吨。", "20吨", ("from", "up", "")),
    ("a level per head after 到", "收入提高到人均3000元。", "3000元", ("to", "up", "")),
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
    ("a vague level after 从", "面积从几万亩发展到几十万亩。", "几万亩", ("from", "up", "")),
    ("a qualifier after 从 … 的", "增长率将从去年的约3.5%降至2.4%。", "约3.5%", ("from", "down", "")),
    ("neutral 调整为: the values tell", "轨道间隔由0.74微米调整为0.37微米。", "0.37微米", ("to", "down", "")),
    ("从此前 is a time word", "额度从此前的100亿美元扩大到300亿美元。", "100亿美元", ("from", "up", "")),
    ("a year and 前", "经费由1990年前每年20万元逐年增加到300万元。", "20万元", ("from", "up", "")),
    ("an aside in brackets after the level", "经费由1990年的117.6万元（人均0.60元），增长到590万元。", "117.6万元",
     ("from", "up", "")),
    ("an intensified verb after the level", "法方专家从40人锐减到6人。", "40人", ("from", "down", "")),
    ("a verb not in the lists after the level", "股价从10月27日最低的4.16元逐步走高。", "4.16元", ("from", "up", "")),
    ("from and to across a comma", "聚集性疫情从一周前的4起，到目前发生了14起。", "14起", ("to", "up", "")),
    ("a noun between the level and its verb", "股价从一月约6美分的股价上扬到接近2美元。", "约6美分", ("from", "up", "")),
    ("a fiscal year before the level reached", "赤字已由1992年度的2904亿美元下降为1996年度的1073亿美元。", "1073亿美元",
     ("to", "down", "")),
    ("现在 before the level reached", "光学变焦由原来的3倍提升为现在的4倍。", "4倍", ("to", "up", "")),
    xfail=("a level named before a later verb", "从 … 到 read as a range", "from and to across a comma",
           "a noun between the level and its verb"),
)

LISTS = table(
    ("a figure listed after a change", "同比分别增长12%和8%。", "8%", ("by", "up", "同比")),
    ("listed with 、", "分别下降3%、5%。", "5%", ("by", "down", "")),
    ("listed with 或", "利润将增长5%或6%。", "6%", ("by", "up", "")),
    ("listed with 以及", "收入分别增长5%以及8%。", "8%", ("by", "up", "")),
    ("a new clause is a new figure", "同比增长8.25%，快递业务量达92.96亿件。", "92.96亿件", ("", "", "")),
    ("the level reached after the size and 至", "总收入下降25%，至131.7亿美元。", "131.7亿美元", ("to", "down", "")),
    ("the level after the size and 达", "营收增长42%，达167亿美元。", "167亿美元", ("", "", "")),
    ("a figure listed after a paired to", "关税从10%上调至20%或25%。", "25%", ("to", "up", "")),
    ("a comma is no list", "人员编制削减40%，约400多名人员将回国。", "约400多名", ("", "", "")),
)

# A figure in a bracket right after one of its kind restates it in another unit
# (changes.tsv, restate): it is the same change.
RESTATED = table(
    ("the size of a change", "对华出口增长了50亿美元（约合320亿元人民币）。", "约合320亿元", ("by", "up", "")),
    ("with its base", "收入同比减少2亿美元（折合人民币13亿元）。", "13亿元", ("by", "down", "同比")),
    ("the level reached", "股价降至435美元（约合2800元人民币）。", "约合2800元", ("to", "down", "")),
    ("not a part of another kind", "出口额同比下降25%（去年为30%）。", "30%", ("", "", "")),
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


@pytest.mark.parametrize("where, text, figure, expected", COMPARED_NEW)
def test_new_after_a_comparison(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", FROM)
def test_from(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", LISTS)
def test_list(where, text, figure, expected):
    assert claim(text, figure) == expected


@pytest.mark.parametrize("where, text, figure, expected", RESTATED)
def test_restated(where, text, figure, expected):
    assert claim(text, figure) == expected


PAIRS = table(
    ("verb of change", "通关时间从13小时压缩到0.04小时。", "13小时", "0.04小时", "down"),
    ("across the restated from", "营收从100亿美元（约合640亿元人民币）增加到200亿美元。", "100亿美元", "200亿美元", "up"),
    ("time words on both sides", "销售规模从2021年的5000万元迅速增长到2022年1亿元。", "5000万元", "1亿元", "up"),
    ("neutral 变为", "病例从11例变为5例。", "11例", "5例", "down"),
    ("neutral 到, a year in Chinese numerals before the level", "病例由5例到二〇二〇年的11例。", "5例", "11例", "up"),
    ("a measure word each level is per", "价格从每吨3000元降到每吨2000元。", "3000元", "2000元", "down"),
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


# --- the word lists of data/changes.tsv ----------------------------------------

NEW_ROLES = ["not_comparison", "opening", "closing_after", "before_verb", "particle", "at_average", "time",
             "not_year_digit", "year_part", "time_after_digits", "time_alone", "list_gap", "clause_also",
             "counted_by", "not_in_noun", "not_in_object", "not_from_next", "from_next_anyway", "per_average"]


def test_every_role_of_changes_tsv_is_documented_and_has_words():
    """changes.tsv documents each role it holds (the loader refuses any other and any
    documented role left empty); the roles that replaced lists in Python are there."""
    import re

    from figs import changes
    from figs.lexicon import data_text

    documented = re.findall(r"^#   ([a-z_]+) ", data_text("changes.tsv"), re.M)
    assert set(documented) == set(changes._ROLES)
    for role in NEW_ROLES:
        assert changes._ROLES[role], role


@pytest.mark.parametrize("text, message", [
    ("#   verb   a verb\nword\trole\tdirection\tdurations\n增长\tverbs\tup\tno\n",
     "changes.tsv:3: unknown role 'verbs'"),
    ("#   verb   a verb\n#   to   to\nword\trole\tdirection\tdurations\n增长\tverb\tup\tno\n",
     "changes.tsv: no words for the roles to"),
    ("#   verb   a verb\nword\trole\tdirection\tdurations\n增长\tverb\tup\tno\n增长\tverb\tup\tno\n",
     "changes.tsv:4: '增长' is already listed as 'verb'"),
], ids=["unknown role", "empty role", "listed twice"])
def test_changes_tsv_errors_name_file_and_line(text, message):
    from figs import changes
    from figs.lexicon import LexiconError

    with pytest.raises(LexiconError, match=message):
        changes._load(text)


def test_a_word_added_to_changes_tsv_is_read():
    """A row added to the data is in its role, in the file's order (opening's order is
    its priority)."""
    from figs import changes
    from figs.lexicon import data_text

    roles = changes._load(data_text("changes.tsv") + "或者\tlist_gap\t\t\n及\topening\t\t\n")
    assert "或者" in roles["list_gap"]
    assert list(roles["opening"])[-1] == "及"


@pytest.mark.parametrize("text, opens", [
    ("比去年", True), ("较上年", True), ("相比玉米", True), ("比起去年", True), ("较之上年", True),
    ("比例", False), ("对比", False), ("较大", False), ("相比之下", False), ("同比", False),
    ("相比", False),  # 比 inside 相比, and nothing after 相比 itself
])
def test_comparison_openers_from_data(text, opens):
    """_OPENED is built from the comparison and not_comparison roles: a comparison word
    opens a base unless a not_comparison word or a longer comparison word holds it."""
    from figs import changes

    assert bool(changes._OPENED.search(text)) is opens


def test_a_not_comparison_word_added_takes_effect():
    import re

    from figs import changes

    assert re.match(changes._opening(["比"], []), "比分") is not None
    assert re.match(changes._opening(["比"], ["比分"]), "比分") is None
    assert re.match(changes._opening(["比"], ["比分"]), "比去年") is not None
    assert re.match(changes._opening(["比"], ["对比"]), "比去年") is not None
    assert re.search(changes._opening(["比"], ["对比"]), "对比去年") is None
