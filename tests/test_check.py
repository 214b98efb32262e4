"""figs check: an article's own figures against each other.

The checks read only records, so most tests build the records by hand, with the
claim fields a careful reader would give them (`F` below): each table is one
mechanism, and the clean cases beside the planted errors are the false alarms a
fact-checker must never see.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from figs.checks import Finding, bounds, check
from figs.model import Figure

_KINDS = {"元": "money", "美元": "money", "%": "percent", "百分点": "percent", "小时": "duration",
          "天": "duration", "岁": "age", "吨": "measure", "公里": "measure"}


def F(text, value, unit="", *, qualifier="exact", subject="", holder="", change="",
      direction="", time="", kind=None, upper=None):
    """One figure of a hand-made article; `article` places it."""
    return dict(text=text, value=Decimal(str(value)), upper=None if upper is None else Decimal(str(upper)),
                qualifier=qualifier, unit=unit, kind=kind or _KINDS.get(unit, "count"),
                subject=subject, holder=holder, change=change, direction=direction, time=time,
                currency="CNY" if unit.split("/")[0] == "元" else "")


def article(text: str, *specs, source: str = "a.txt") -> list[Figure]:
    """The records of `text`: each spec's text found after the one before, its sentence
    the stretch of `text` between full stops or line ends around it; `from` and `to`
    figures are linked by `pair` to the next `to` / the previous `from`."""
    placed, cursor = [], 0
    for spec in specs:
        start = text.index(spec["text"], cursor)
        cursor = start + len(spec["text"])
        begin = max(text.rfind(c, 0, start) for c in "。\n") + 1
        stop = min((i for i in (text.find(c, cursor) for c in "。\n") if i >= 0), default=len(text))
        stop += text[stop:stop + 1] == "。"
        line = text.count("\n", 0, start) + 1
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        placed.append(dict(spec, source=source, line=line, col=col, start=start, end=cursor,
                           sentence=text[begin:stop]))
    for i, f in enumerate(placed):
        if f["change"] == "from":
            to = next((g for g in placed[i + 1:] if g["change"] == "to"), None)
            f["pair"] = to and to["start"]
            if to:
                to["pair"] = f["start"]
    return [Figure(**f) for f in placed]


def kinds(records) -> list[str]:
    return [f.check for f in check(records)]


# --- parts and their total ------------------------------------------------------------

COVID = dict(subject="累计确诊病例")

PARTS = {
    # 其中 after the total: place parts of a province's count.
    "qizhong-over": (article("湖北省累计确诊51986例，其中武汉市32994例、孝感市3279例、黄冈市16000例。",
                             F("51986例", 51986, "例", holder="湖北省", **COVID),
                             F("32994例", 32994, "例", holder="武汉市", **COVID),
                             F("3279例", 3279, "例", holder="孝感市", **COVID),
                             F("16000例", 16000, "例", holder="黄冈市", **COVID)),
                     ["parts_exceed_total"]),
    "qizhong-fits": (article("湖北省累计确诊51986例，其中武汉市32994例、孝感市3279例。",
                             F("51986例", 51986, "例", holder="湖北省", **COVID),
                             F("32994例", 32994, "例", holder="武汉市", **COVID),
                             F("3279例", 3279, "例", holder="孝感市", **COVID)),
                     []),
    # 其中 opening the next sentence.
    "qizhong-next-sentence": (article("全省累计确诊100例。其中，甲市60例，乙市50例。",
                                      F("100例", 100, "例", holder="全省", **COVID),
                                      F("60例", 60, "例", holder="甲市", **COVID),
                                      F("50例", 50, "例", holder="乙市", **COVID)),
                              ["parts_exceed_total"]),
    # Brackets right after the total; a part's own brackets are not parts of it.
    "brackets-over": (article("福州市新增5例（鼓楼区3例，台江区4例）。",
                              F("5例", 5, "例", holder="福州市", subject="新增确诊病例"),
                              F("3例", 3, "例", holder="鼓楼区", subject="新增确诊病例"),
                              F("4例", 4, "例", holder="台江区", subject="新增确诊病例")),
                      ["parts_exceed_total"]),
    "nested-brackets-fit": (article("全省新增10例，其中福州市6例（鼓楼区5例），厦门市4例。",
                                    F("10例", 10, "例", holder="全省", subject="新增确诊病例"),
                                    F("6例", 6, "例", holder="福州市", subject="新增确诊病例"),
                                    F("5例", 5, "例", holder="鼓楼区", subject="新增确诊病例"),
                                    F("4例", 4, "例", holder="厦门市", subject="新增确诊病例")),
                            []),
    # A colon right after the total (from the COVID bulletins).
    "colon-over": (article("累计确诊病例144例：香港95例，澳门10例，台湾地区49例。",
                           F("144例", 144, "例", holder="港澳台地区", **COVID),
                           F("95例", 95, "例", holder="香港", **COVID),
                           F("10例", 10, "例", holder="澳门", **COVID),
                           F("49例", 49, "例", holder="台湾地区", **COVID)),
                   ["parts_exceed_total"]),
    # A bracket that never closes is a typo, not parts (from the COVID bulletins).
    "bracket-not-closed": (article("澳门特别行政区10例（，台湾地区39例。",
                                   F("10例", 10, "例", holder="澳门特别行政区", **COVID),
                                   F("39例", 39, "例", holder="台湾地区", **COVID)),
                           []),
    # 包括 and money, in 万 and 亿.
    "baokuo-money": (article("集团营收共1.2亿元，包括甲公司8000万元、乙公司5000万元。",
                             F("1.2亿元", 120000000, "元", holder="集团", subject="营收"),
                             F("8000万元", 80000000, "元", holder="甲公司", subject="营收"),
                             F("5000万元", 50000000, "元", holder="乙公司", subject="营收")),
                     ["parts_exceed_total"]),
    # 分别 after a total marked by 共.
    "fenbie-after-total": (article("三个小组共有500人，甲组、乙组、丙组分别有240人、208人和80人。",
                                   F("500人", 500, "人", holder="小组", subject="组员"),
                                   F("240人", 240, "人", holder="甲组", subject="组员"),
                                   F("208人", 208, "人", holder="乙组", subject="组员"),
                                   F("80人", 80, "人", holder="丙组", subject="组员")),
                           ["parts_exceed_total"]),
    # 其中 in a bracket opens a part's own parts; the run of the total's parts goes on after it.
    "nested-qizhong": (article("累计确诊1200例，其中长春市800例（其中朝阳区500例、南关区350例），吉林市300例，四平市150例。",
                               F("1200例", 1200, "例", holder="全省", **COVID),
                               F("800例", 800, "例", holder="长春市", **COVID),
                               F("500例", 500, "例", holder="朝阳区", **COVID),
                               F("350例", 350, "例", holder="南关区", **COVID),
                               F("300例", 300, "例", holder="吉林市", **COVID),
                               F("150例", 150, "例", holder="四平市", **COVID)),
                       ["parts_exceed_total", "parts_exceed_total"]),
    # A part that names a place and nothing else counts its total's measure, whatever
    # measure was read for it (the corpus: 其中成都2例 read as 中成, 武汉市新增70例 as 新增).
    "named-places": (article("四川累计报告确诊病例5例（其中成都2例、绵阳2例、广安3例）。",
                             F("5例", 5, "例", holder="四川", subject="确诊病例"),
                             F("2例", 2, "例", holder="四川", subject="中成"),
                             F("2例", 2, "例", holder="绵阳", subject="中成"),
                             F("3例", 3, "例", holder="广安", subject="中成")),
                     ["parts_exceed_total"]),
    "named-places-with-new": (article("湖北省新增病例105例（武汉市新增70例、孝感市首次发现40例）。",
                                      F("105例", 105, "例", holder="湖北省", subject="病例"),
                                      F("70例", 70, "例", holder="武汉市", subject="新增"),
                                      F("40例", 40, "例", holder="孝感市", subject="首次发")),
                              ["parts_exceed_total"]),
    "a-place-the-lexicon-lacks": (article("漳州市累计确诊5例（芗城区3例、龙文区3例）。",
                                          F("5例", 5, "例", holder="漳州市", **COVID),
                                          F("3例", 3, "例", holder="芗城区", subject="龙文区"),
                                          F("3例", 3, "例", holder="福州市", subject="龙文区")),
                                  ["parts_exceed_total"]),
    # A category is no place: 重症 and 死亡 may overlap.
    "named-categories": (article("累计确诊10例，其中重症6例，死亡5例。",
                                 F("10例", 10, "例", holder="全省", **COVID),
                                 F("6例", 6, "例", holder="全省", subject="重症"),
                                 F("5例", 5, "例", holder="全省", subject="死亡")),
                         []),
    # A part of the day's new cases is not a cumulative count.
    "new-and-so-far": (article("新增确诊10例，其中甲市累计8例、乙市累计6例。",
                               F("10例", 10, "例", holder="全省", subject="新增确诊"),
                               F("8例", 8, "例", holder="甲市", subject="累计"),
                               F("6例", 6, "例", holder="乙市", subject="累计")),
                       []),
    # 各: one part for each place named before it.
    "each-place": (article("烟台市4例（海阳市2例，芝罘区、福山区各1例），威海市5例。",
                           F("4例", 4, "例", holder="烟台市", **COVID),
                           F("2例", 2, "例", holder="海阳市", **COVID),
                           F("1例", 1, "例", holder="福山区", **COVID),
                           F("5例", 5, "例", holder="威海市", **COVID)),
                   []),
    "each-place-over": (article("烟台市4例（海阳市3例，芝罘区、福山区各1例），威海市5例。",
                                F("4例", 4, "例", holder="烟台市", **COVID),
                                F("3例", 3, "例", holder="海阳市", **COVID),
                                F("1例", 1, "例", holder="福山区", **COVID),
                                F("5例", 5, "例", holder="威海市", **COVID)),
                        ["parts_exceed_total"]),
    # A header names the measure of the parts after it: not the total before.
    "a-header-names-other-parts": (article("新增确诊病例66例，新增出院病例15例。其中：新增确诊病例中，杭州市9例、宁波市18例。",
                                           F("66例", 66, "例", holder="浙江省", subject="新增确诊病例"),
                                           F("15例", 15, "例", holder="浙江省", subject="新增出院病例"),
                                           F("9例", 9, "例", holder="杭州市", subject="新增确诊病例"),
                                           F("18例", 18, "例", holder="宁波市", subject="新增确诊病例")),
                                   []),
    # 其中 opening the sentence after: of the total before only when that is the one figure
    # of its unit there (the corpus: 新增确诊9例，新增出院1例。其中：常州市5例…).
    "next-sentence-two-totals": (article("新增确诊病例9例，新增出院病例1例。其中：常州市5例，盐城市1例。",
                                         F("9例", 9, "例", holder="江苏省", subject="确诊病例"),
                                         F("1例", 1, "例", holder="江苏省", subject="确诊病例"),
                                         F("5例", 5, "例", holder="常州市", subject="确诊病例"),
                                         F("1例", 1, "例", holder="盐城市", subject="确诊病例")),
                                 []),
    # A part's holder must be written with it (the corpus: 价值500亿美元（最终或许达到1500亿美元）).
    "holder-not-written-with-the-part": (article("对从中国进口的价值500亿美元（最终或许达到1500亿美元）的产品征税。",
                                                 F("500亿美元", 50000000000, "美元", holder="中国", subject="进口"),
                                                 F("1500亿美元", 150000000000, "美元", holder="美国", subject="进口")),
                                         []),
    # A 分别 list that names only whose each part is: the parts count the total's
    # measure, though each part's own measure was read as one of the names.
    "fenbie-names-only": (article("全县共有种植大户500户，东乡、西乡、南乡分别有240户、208户和80户。",
                                  F("500户", 500, "户", holder="全县", subject="种植大户"),
                                  F("240户", 240, "户", holder="东乡", subject="南乡"),
                                  F("208户", 208, "户", holder="西乡", subject="南乡"),
                                  F("80户", 80, "户", holder="南乡", subject="南乡")),
                          ["parts_exceed_total"]),
    # A 分别 list naming a measure of its own after the names: another claim.
    "fenbie-names-and-a-measure": (article("全县共有种植大户500户，东乡、西乡、南乡分别有养殖户240户、208户和80户。",
                                           F("500户", 500, "户", holder="全县", subject="种植大户"),
                                           F("240户", 240, "户", holder="东乡", subject="南乡"),
                                           F("208户", 208, "户", holder="西乡", subject="南乡"),
                                           F("80户", 80, "户", holder="南乡", subject="南乡")),
                                   []),
    # A 分别 list after a figure the text does not mark as a total: this year and two before.
    "fenbie-no-total": (article("公司今年营收300万元，去年和前年分别为250万元和200万元。",
                                F("300万元", 3000000, "元", holder="公司", subject="营收"),
                                F("250万元", 2500000, "元", holder="公司", subject="营收"),
                                F("200万元", 2000000, "元", holder="公司", subject="营收")),
                        []),
    # Parts of a different measure may overlap (a medical worker can be a severe case).
    "other-measures": (article("累计确诊100例，其中医务人员60例、重症病例50例。",
                               F("100例", 100, "例", holder="全省", **COVID),
                               F("60例", 60, "例", holder="全省", subject="医务人员"),
                               F("50例", 50, "例", holder="全省", subject="重症病例")),
                       []),
    # Parts with no holder of their own are not told apart: no sum.
    "parts-without-holders": (article("累计确诊100例，其中60例、50例。",
                                      F("100例", 100, "例", holder="全省", **COVID),
                                      F("60例", 60, "例", **COVID), F("50例", 50, "例", **COVID)),
                              []),
    # No 其中: two provinces in a row are not parts of each other.
    "no-cue": (article("湖北累计确诊100例，广东累计确诊120例。",
                       F("100例", 100, "例", holder="湖北", **COVID),
                       F("120例", 120, "例", holder="广东", **COVID)),
               []),
    # Empty measure: uncertain claims never fire.
    "empty-measure": (article("全省100例，其中甲市60例，乙市50例。",
                              F("100例", 100, "例", holder="全省"), F("60例", 60, "例", holder="甲市"),
                              F("50例", 50, "例", holder="乙市")),
                      []),
    # Different units: 例 and 人 are not summed.
    "other-unit": (article("累计确诊100例，其中甲市60人，乙市50人。",
                           F("100例", 100, "例", holder="全省", **COVID),
                           F("60人", 60, "人", holder="甲市", **COVID),
                           F("50人", 50, "人", holder="乙市", **COVID)),
                   []),
    # 其中 after a change, not after a total.
    "after-a-change": (article("累计确诊100例，比昨日增加10例，其中甲市8例，乙市7例。",
                               F("100例", 100, "例", holder="全省", **COVID),
                               F("10例", 10, "例", holder="全省", change="by", direction="up", **COVID),
                               F("8例", 8, "例", holder="甲市", **COVID),
                               F("7例", 7, "例", holder="乙市", **COVID)),
                       []),
    # A semicolon ends the run of parts.
    "semicolon-ends": (article("新增确诊10例，其中甲市6例、乙市4例；累计确诊500例，其中甲市400例。",
                               F("10例", 10, "例", holder="全省", subject="确诊病例"),
                               F("6例", 6, "例", holder="甲市", subject="确诊病例"),
                               F("4例", 4, "例", holder="乙市", subject="确诊病例"),
                               F("500例", 500, "例", holder="全省", subject="确诊病例"),
                               F("400例", 400, "例", holder="甲市", subject="确诊病例")),
                       []),
    # 多 lets a total be larger: 100多 is up to 200.
    "over-total": (article("全省累计确诊100多例，其中甲市60例，乙市50例。",
                           F("100多例", 100, "例", qualifier="over", holder="全省", **COVID),
                           F("60例", 60, "例", holder="甲市", **COVID),
                           F("50例", 50, "例", holder="乙市", **COVID)),
                   []),
}


@pytest.mark.parametrize("records, expected", PARTS.values(), ids=PARTS.keys())
def test_parts(records, expected):
    assert kinds(records) == expected


def test_parts_finding_says_how_far_off():
    (finding,) = check(PARTS["qizhong-over"][0])
    assert [f.text for f in finding.figures] == ["51986例", "32994例", "3279例", "16000例"]
    assert finding.stated == 51986 and finding.computed == 52273 and finding.off == 287
    assert finding.computation == "32994例 + 3279例 + 16000例 = 52273例, more than the total 51986例"


# --- a change against its from and to ---------------------------------------------------

SALES = dict(subject="营业额", holder="公司")
CHANGES = {
    "rate-wrong": (article("公司营业额从120万元增加到150万元，增长30%。",
                           F("120万元", 1200000, "元", change="from", direction="up", **SALES),
                           F("150万元", 1500000, "元", change="to", direction="up", **SALES),
                           F("30%", 30, "%", change="by", direction="up", **SALES)),
                   ["rate_mismatch"]),
    "rate-right": (article("公司营业额从120万元增加到150万元，增长25%。",
                           F("120万元", 1200000, "元", change="from", direction="up", **SALES),
                           F("150万元", 1500000, "元", change="to", direction="up", **SALES),
                           F("25%", 25, "%", change="by", direction="up", **SALES)),
                   []),
    # Rounded to the digits given: 25.3% for 25.27% is right.
    "rate-rounded": (article("公司营业额从1.2345亿元增加到1.5465亿元，增长25.3%。",
                             F("1.2345亿元", 123450000, "元", change="from", direction="up", **SALES),
                             F("1.5465亿元", 154650000, "元", change="to", direction="up", **SALES),
                             F("25.3%", Decimal("25.3"), "%", change="by", direction="up", **SALES)),
                     []),
    # The from and to rounded too: 1.2亿 and 1.5亿 allow 16 % to 35 %.
    "rate-from-rounded-levels": (article("公司营业额从1.2亿元增加到1.5亿元，增长31%。",
                                         F("1.2亿元", 120000000, "元", change="from", direction="up", **SALES),
                                         F("1.5亿元", 150000000, "元", change="to", direction="up", **SALES),
                                         F("31%", 31, "%", change="by", direction="up", **SALES)),
                                 []),
    "rate-about": (article("公司营业额从120万元增加到150万元，增长约30%。",
                           F("120万元", 1200000, "元", change="from", direction="up", **SALES),
                           F("150万元", 1500000, "元", change="to", direction="up", **SALES),
                           F("约30%", 30, "%", qualifier="about", change="by", direction="up", **SALES)),
                   []),
    "rate-before-the-pair": (article("公司营业额增长40%，从100万元增加到150万元。",
                                     F("40%", 40, "%", change="by", direction="up", **SALES),
                                     F("100万元", 1000000, "元", change="from", direction="up", **SALES),
                                     F("150万元", 1500000, "元", change="to", direction="up", **SALES)),
                             ["rate_mismatch"]),
    "rate-fell": (article("公司营业额从200万元下降到150万元，下降20%。",
                          F("200万元", 2000000, "元", change="from", direction="down", **SALES),
                          F("150万元", 1500000, "元", change="to", direction="down", **SALES),
                          F("20%", 20, "%", change="by", direction="down", **SALES)),
                  ["rate_mismatch"]),
    # 年均: a rate per year, compounded; not the whole change.
    "rate-per-year": (article("公司营业额从100万元增加到200万元，年均增长15%。",
                              F("100万元", 1000000, "元", change="from", direction="up", **SALES),
                              F("200万元", 2000000, "元", change="to", direction="up", **SALES),
                              F("15%", 15, "%", change="by", direction="up", **SALES)),
                      []),
    # The stated change is of another measure.
    "rate-other-measure": (article("公司营业额从120万元增加到150万元，利润增长30%。",
                                   F("120万元", 1200000, "元", change="from", direction="up", **SALES),
                                   F("150万元", 1500000, "元", change="to", direction="up", **SALES),
                                   F("30%", 30, "%", change="by", direction="up", subject="利润", holder="公司")),
                           []),
    # No measure read, but the text links the three: the pair by 从…增加到, the change by
    # a clause of nothing but 增长 (the corpus: 将增长6%到8%，从2760亿欧元增至2810亿欧元).
    "rate-empty-measure": (article("从120万元增加到150万元，增长30%。",
                                   F("120万元", 1200000, "元", change="from", direction="up"),
                                   F("150万元", 1500000, "元", change="to", direction="up"),
                                   F("30%", 30, "%", change="by", direction="up")),
                           ["rate_mismatch"]),
    # A rate per year with the years of both levels written: compounded over them.
    "yearly-rate-fits": (article("贸易额从1990年的117.7亿美元增加到1997年的489.9亿美元，年均增长22.6%。",
                                 F("117.7亿美元", 11770000000, "美元", change="from", direction="up", subject="贸易额"),
                                 F("489.9亿美元", 48990000000, "美元", change="to", direction="up", subject="贸易额"),
                                 F("22.6%", Decimal("22.6"), "%", change="by", direction="up", subject="贸易额")),
                         []),
    "yearly-rate-wrong": (article("贸易额从1990年的117.7亿美元增加到1997年的489.9亿美元，年均增长30%。",
                                  F("117.7亿美元", 11770000000, "美元", change="from", direction="up", subject="贸易额"),
                                  F("489.9亿美元", 48990000000, "美元", change="to", direction="up", subject="贸易额"),
                                  F("30%", 30, "%", change="by", direction="up", subject="贸易额")),
                          ["rate_mismatch"]),
    # Some texts share the whole change out evenly over the years: that is let stand.
    "yearly-rate-shared-evenly": (article("产量从2010年的100万吨增加到2020年的200万吨，年均增长10%。",
                                          F("100万吨", 1000000, "吨", kind="measure", change="from", direction="up", subject="产量"),
                                          F("200万吨", 2000000, "吨", kind="measure", change="to", direction="up", subject="产量"),
                                          F("10%", 10, "%", change="by", direction="up", subject="产量")),
                                  []),
    # Without both years a rate per year is not checked.
    "yearly-rate-no-years": (article("贸易额从117.7亿美元增加到489.9亿美元，年均增长30%。",
                                     F("117.7亿美元", 11770000000, "美元", change="from", direction="up", subject="贸易额"),
                                     F("489.9亿美元", 48990000000, "美元", change="to", direction="up", subject="贸易额"),
                                     F("30%", 30, "%", change="by", direction="up", subject="贸易额")),
                             []),
    # A pair whose levels are in two units is not compared (从1个月减少到4天).
    "pair-in-two-units": (article("时间由原来的1个月减少到4天，减少了20天。",
                                  F("1个月", 1, "月", kind="duration", change="from", direction="down", subject="时间"),
                                  F("4天", 4, "天", kind="duration", change="to", direction="down", subject="时间"),
                                  F("20天", 20, "天", kind="duration", change="by", direction="down", subject="时间")),
                          []),
    "difference-wrong": (article("通关时间从13小时压缩到0.04小时，缩短了12小时。",
                                 F("13小时", 13, "小时", change="from", direction="down", subject="通关时间", holder="口岸"),
                                 F("0.04小时", Decimal("0.04"), "小时", change="to", direction="down",
                                   subject="通关时间", holder="口岸"),
                                 F("12小时", 12, "小时", change="by", direction="down", subject="通关时间", holder="口岸")),
                         ["difference_mismatch"]),
    "difference-right": (article("通关时间从13小时压缩到0.04小时，缩短了12.96小时。",
                                 F("13小时", 13, "小时", change="from", direction="down", subject="通关时间", holder="口岸"),
                                 F("0.04小时", Decimal("0.04"), "小时", change="to", direction="down",
                                   subject="通关时间", holder="口岸"),
                                 F("12.96小时", Decimal("12.96"), "小时", change="by", direction="down",
                                   subject="通关时间", holder="口岸")),
                         []),
    # A difference written finer than its levels came from finer data: 3.5亿 may be 3.45亿.
    "difference-finer-than-levels": (article("公司营业额从3.5亿元增长至4.2亿元，增加7100万元。",
                                             F("3.5亿元", 350000000, "元", change="from", direction="up", **SALES),
                                             F("4.2亿元", 420000000, "元", change="to", direction="up", **SALES),
                                             F("7100万元", 71000000, "元", change="by", direction="up", **SALES)),
                                     []),
    "difference-as-written-wrong": (article("公司营业额从3.5亿元增长至4.2亿元，增加0.9亿元。",
                                            F("3.5亿元", 350000000, "元", change="from", direction="up", **SALES),
                                            F("4.2亿元", 420000000, "元", change="to", direction="up", **SALES),
                                            F("0.9亿元", 90000000, "元", change="by", direction="up", **SALES)),
                                    ["difference_mismatch"]),
    "difference-over": (article("通关时间从13小时压缩到0.04小时，缩短了12小时多。",
                                F("13小时", 13, "小时", change="from", direction="down", subject="通关时间", holder="口岸"),
                                F("0.04小时", Decimal("0.04"), "小时", change="to", direction="down",
                                  subject="通关时间", holder="口岸"),
                                F("12小时多", 12, "小时", qualifier="over", change="by", direction="down",
                                  subject="通关时间", holder="口岸")),
                        []),
    # Percentage points, and % written for points: either reading that fits is right.
    "points-right": (article("失业率从5.2%降至4.1%，下降1.1个百分点。",
                             F("5.2%", Decimal("5.2"), "%", change="from", direction="down", subject="失业率", holder="全国"),
                             F("4.1%", Decimal("4.1"), "%", change="to", direction="down", subject="失业率", holder="全国"),
                             F("1.1个百分点", Decimal("1.1"), "百分点", change="by", direction="down",
                               subject="失业率", holder="全国")),
                     []),
    "points-wrong": (article("失业率从5.2%降至4.1%，下降1.5个百分点。",
                             F("5.2%", Decimal("5.2"), "%", change="from", direction="down", subject="失业率", holder="全国"),
                             F("4.1%", Decimal("4.1"), "%", change="to", direction="down", subject="失业率", holder="全国"),
                             F("1.5个百分点", Decimal("1.5"), "百分点", change="by", direction="down",
                               subject="失业率", holder="全国")),
                     ["difference_mismatch"]),
    "percent-for-points": (article("失业率从5.2%降至4.1%，下降1.1%。",
                                   F("5.2%", Decimal("5.2"), "%", change="from", direction="down", subject="失业率", holder="全国"),
                                   F("4.1%", Decimal("4.1"), "%", change="to", direction="down", subject="失业率", holder="全国"),
                                   F("1.1%", Decimal("1.1"), "%", change="by", direction="down",
                                     subject="失业率", holder="全国")),
                           []),
    "direction-wrong": (article("公司营业额从120万元增加到150万元，下降5%。",
                                F("120万元", 1200000, "元", change="from", direction="up", **SALES),
                                F("150万元", 1500000, "元", change="to", direction="up", **SALES),
                                F("5%", 5, "%", change="by", direction="down", **SALES)),
                        ["direction_mismatch"]),
    "pair-direction-wrong": (article("公司营业额从120万元降至150万元。",
                                     F("120万元", 1200000, "元", change="from", direction="down", **SALES),
                                     F("150万元", 1500000, "元", change="to", direction="down", **SALES)),
                             ["direction_mismatch"]),
    "pair-direction-right": (article("公司营业额从120万元增至150万元。",
                                     F("120万元", 1200000, "元", change="from", direction="up", **SALES),
                                     F("150万元", 1500000, "元", change="to", direction="up", **SALES)),
                             []),
    # Levels that overlap by their rounding have no certain direction.
    "direction-unsure": (article("公司营业额从约120万元增加到121万元，下降1%。",
                                 F("约120万元", 1200000, "元", qualifier="about", change="from", direction="up", **SALES),
                                 F("121万元", 1210000, "元", change="to", direction="up", **SALES),
                                 F("1%", 1, "%", change="by", direction="down", **SALES)),
                         []),
    # Units differ: minutes are not hours.
    "difference-other-unit": (article("通关时间从13小时压缩到40分钟，缩短了12小时。",
                                      F("13小时", 13, "小时", change="from", direction="down", subject="通关时间", holder="口岸"),
                                      F("40分钟", 40, "分钟", kind="duration", change="to", direction="down",
                                        subject="通关时间", holder="口岸"),
                                      F("12小时", 12, "小时", change="by", direction="down", subject="通关时间", holder="口岸")),
                              []),
}


@pytest.mark.parametrize("records, expected", CHANGES.values(), ids=CHANGES.keys())
def test_changes(records, expected):
    assert kinds(records) == expected


def test_rate_finding_says_the_computed_rate():
    (finding,) = check(CHANGES["rate-wrong"][0])
    assert (finding.stated, finding.computed, finding.off, finding.unit) == (30, 25, -5, "%")
    assert [f.text for f in finding.figures] == ["30%", "120万元", "150万元"]
    assert finding.computation == "(150万元 − 120万元) ÷ 120万元 = +25%; the text says 30%"


def test_difference_finding_says_the_computed_difference():
    (finding,) = check(CHANGES["difference-wrong"][0])
    assert finding.computed == Decimal("12.96") and finding.off == Decimal("0.96")
    assert finding.computation == "0.04小时 − 13小时 = −12.96小时; the text says 12小时"


# --- shares of one whole ------------------------------------------------------------------

SHARES = {
    "fenbie-zhan-over": (article("甲类、乙类和丙类企业分别占45%、35%和25%。", F("45%", 45, "%"), F("35%", 35, "%"),
                                 F("25%", 25, "%")), ["shares_exceed_100"]),
    "zhanbi-over": (article("一、二、三产业占比分别为10.5%、50.3%和40.1%。", F("10.5%", Decimal("10.5"), "%"),
                            F("50.3%", Decimal("50.3"), "%"), F("40.1%", Decimal("40.1"), "%")),
                    ["shares_exceed_100"]),
    "fenbie-zhan-fits": (article("甲类、乙类和丙类企业分别占45%、35%和20%。", F("45%", 45, "%"), F("35%", 35, "%"),
                                 F("20%", 20, "%")), []),
    # Rounded shares may add to a little over 100: 33.4 + 33.4 + 33.3.
    "rounded-fits": (article("甲类、乙类和丙类企业分别占33.4%、33.4%和33.3%。", F("33.4%", Decimal("33.4"), "%"),
                             F("33.4%", Decimal("33.4"), "%"), F("33.3%", Decimal("33.3"), "%")), []),
    # Rates of different things are not shares of one whole.
    "rates-not-shares": (article("三个地区的合格率分别为95%、97%和99%。", F("95%", 95, "%"), F("97%", 97, "%"),
                                 F("99%", 99, "%")), []),
    "growth-not-shares": (article("三类企业营收分别增长45%、35%和25%。",
                                  F("45%", 45, "%", change="by", direction="up"),
                                  F("35%", 35, "%", change="by", direction="up"),
                                  F("25%", 25, "%", change="by", direction="up")), []),
    # Each of its own whole (各自).
    "own-wholes": (article("两地外资分别占各自投资的60%和70%。", F("60%", 60, "%"), F("70%", 70, "%")), []),
    # Words between the shares: not one list (the wholes differ).
    "different-wholes": (article("两省分别占全省的60%和全国的70%。", F("60%", 60, "%"), F("70%", 70, "%")), []),
}


@pytest.mark.parametrize("records, expected", SHARES.values(), ids=SHARES.keys())
def test_shares(records, expected):
    assert kinds(records) == expected


def test_shares_finding():
    (finding,) = check(SHARES["fenbie-zhan-over"][0])
    assert (finding.stated, finding.computed, finding.off) == (100, 105, 5)
    assert finding.computation == "45% + 35% + 25% = 105%, more than 100%"


# --- the same claim twice -------------------------------------------------------------------

STAFF = dict(subject="员工", holder="公司")
REPEATS = {
    "repeat-differs": (article("公司现有员工1150余人。\n记者了解到，公司现有员工1200人。",
                               F("1150余人", 1150, "人", qualifier="over", **STAFF), F("1200人", 1200, "人", **STAFF)),
                       ["inconsistent_repeat"]),
    "repeat-fits": (article("公司现有员工1150余人。\n记者了解到，公司员工1152人。",
                            F("1150余人", 1150, "人", qualifier="over", **STAFF), F("1152人", 1152, "人", **STAFF)),
                    []),
    "repeat-about": (article("公司现有员工约1200人。\n记者了解到，公司员工1180人。",
                             F("约1200人", 1200, "人", qualifier="about", **STAFF), F("1180人", 1180, "人", **STAFF)),
                     []),
    "other-holder": (article("甲公司员工1150人。\n乙公司员工1200人。",
                             F("1150人", 1150, "人", subject="员工", holder="甲公司"),
                             F("1200人", 1200, "人", subject="员工", holder="乙公司")),
                     []),
    "other-time": (article("2019年公司员工1150人。\n2020年公司员工1200人。",
                           F("1150人", 1150, "人", time="2019", **STAFF), F("1200人", 1200, "人", time="2020", **STAFF)),
                   []),
    # No time is the time of writing, as 目前 is.
    "now": (article("公司现有员工1150余人。\n目前公司员工1200人。",
                    F("1150余人", 1150, "人", qualifier="over", **STAFF), F("1200人", 1200, "人", time="目前", **STAFF)),
            ["inconsistent_repeat"]),
    # A place is one with or without its 省 or 市 (a bulletin's title and its text).
    "province-named-two-ways": (article("湖北累计确诊病例100例。\n湖北省累计确诊病例120例。",
                                        F("100例", 100, "例", holder="湖北", **COVID),
                                        F("120例", 120, "例", holder="湖北省", **COVID)),
                                ["inconsistent_repeat"]),
    "no-holder": (article("现有员工1150人。\n员工1200人。",
                          F("1150人", 1150, "人", subject="员工"), F("1200人", 1200, "人", subject="员工")),
                  []),
    "one-sentence": (article("公司员工由1150人增至1200人。",
                             F("1150人", 1150, "人", **STAFF), F("1200人", 1200, "人", **STAFF)),
                     []),
    "ages": (article("患者甲，男，38岁。\n患者乙，女，45岁。",
                     F("38岁", 38, "岁", subject="患者", holder="本市"), F("45岁", 45, "岁", subject="患者", holder="本市")),
             []),
    # Real shapes from the corpus that are no repeat: parts after 其中, a header's list,
    # the counted noun after the figure (an event's amount), the holder not in the clause.
    "after-qizhong": (article("其中，本省常住人口2例。\n其中，外地来黔人员9例，本省常住人口6例。",
                              F("2例", 2, "例", subject="常住人口", holder="本省"),
                              F("9例", 9, "例", subject="来黔人员", holder="本省"),
                              F("6例", 6, "例", subject="常住人口", holder="本省")),
                      []),
    "after-a-header": (article("确诊病例中，三亚市1例。\n确诊病例中，海口市3例、三亚市6例。",
                               F("1例", 1, "例", subject="确诊病例", holder="三亚市"),
                               F("3例", 3, "例", subject="确诊病例", holder="海口市"),
                               F("6例", 6, "例", subject="确诊病例", holder="三亚市")),
                       []),
    "noun-after-the-figure": (article("北京军区投入5000余名官兵。\n北京军区又抽调3240名官兵。",
                                      F("5000余名", 5000, "名", qualifier="over", subject="官兵", holder="北京军区"),
                                      F("3240名", 3240, "名", subject="官兵", holder="北京军区")),
                              []),
    "holder-not-in-the-clause": (article("治愈出院病例1例。\n治愈出院病例4例。",
                                         F("1例", 1, "例", subject="治愈出院病例", holder="奥地利"),
                                         F("4例", 4, "例", subject="治愈出院病例", holder="奥地利")),
                                 []),
    "shares-of-a-whole": (article("东部地区占全国总量的39.99%。\n中部地区占全国总量的34.65%。",
                                  F("39.99%", Decimal("39.99"), "%", subject="总量", holder="全国"),
                                  F("34.65%", Decimal("34.65"), "%", subject="总量", holder="全国")),
                          []),
    "other-period": (article("1—8月全市商品房销售面积2177.90万平方米。\n8月全市商品房销售面积278.51万平方米。",
                             F("2177.90万平方米", 21779000, "平方米", kind="measure", subject="商品房销售面积", holder="全市"),
                             F("278.51万平方米", 2785100, "平方米", kind="measure", subject="商品房销售面积", holder="全市")),
                     []),
    "other-words-between": (article("北京奥运会火炬传递支出3.12亿元。\n北京残奥会火炬传递支出0.2亿元。",
                                    F("3.12亿元", 312000000, "元", subject="传递支出", holder="北京"),
                                    F("0.2亿元", 20000000, "元", subject="传递支出", holder="北京")),
                            []),
    "in-a-list": (article("公司员工1150人。\n三个车间分别有公司员工200人、300人。",
                          F("1150人", 1150, "人", **STAFF), F("200人", 200, "人", **STAFF), F("300人", 300, "人", **STAFF)),
                  []),
}


@pytest.mark.parametrize("records, expected", REPEATS.values(), ids=REPEATS.keys())
def test_repeats(records, expected):
    assert kinds(records) == expected


def test_repeat_finding():
    (finding,) = check(REPEATS["repeat-differs"][0])
    assert [f.line for f in finding.figures] == [1, 2]
    assert (finding.stated, finding.computed, finding.off) == (1150, 1200, 50)


def test_sources_are_checked_apart():
    a = article("公司员工1150人。", F("1150人", 1150, "人", **STAFF), source="a.txt")
    b = article("公司员工1200人。", F("1200人", 1200, "人", **STAFF), source="b.txt")
    assert check(a + b) == []


# --- what a figure's text allows -------------------------------------------------------------

BOUNDS = {
    "digits-written": (F("25.3%", Decimal("25.3"), "%"), ("25.25", "25.35")),
    "magnitude": (F("120万元", 1200000, "元"), ("1195000", "1205000")),
    "trailing-zero-written": (F("3000人", 3000, "人"), ("3000", "3000")),  # a count to its last unit: exact
    "chinese-numerals": (F("三千二百万", 32000000), ("31500000", "32500000")),
    "full-width": (F("１２．５％", Decimal("12.5"), "%"), ("12.45", "12.55")),
    "thousands-separator": (F("12,345人", 12345, "人"), ("12345", "12345")),
    "over-duo": (F("100多人", 100, "人", qualifier="over"), ("100", "200")),
    "over-yu": (F("1150余人", 1150, "人", qualifier="over"), ("1150", "1160")),
    "over-open": (F("超过100人", 100, "人", qualifier="over"), ("100", "Infinity")),
    "tenfold": (F("数十人", 10, "人", qualifier="over"), ("10", "100")),
    "near": (F("近7000名", 7000, "名", qualifier="under"), ("6000", "7000")),
    "under-open": (F("不足3000元", 3000, "元", qualifier="under"), ("-Infinity", "3000.5")),
    "about": (F("约30%", 30, "%", qualifier="about"), ("20", "40")),
    "count-exact": (F("2例", 2, "例"), ("2", "2")),
    "count-in-wan-rounds": (F("85万人", 850000, "人"), ("845000", "855000")),
    "about-large": (F("约51986例", 51986, "例", qualifier="about"), ("49386.7", "54585.3")),
    "range": (F("10-20万元", 100000, "元", qualifier="range", upper=200000), ("95000", "205000")),
    "at-least": (F("至少5人", 5, "人", qualifier="at_least"), ("5", "Infinity")),
}


@pytest.mark.parametrize("spec, expected", BOUNDS.values(), ids=BOUNDS.keys())
def test_bounds(spec, expected):
    (f,) = article(spec["text"], spec)
    assert bounds(f) == tuple(Decimal(x) for x in expected)


def test_finding_rows():
    (finding,) = check(CHANGES["rate-wrong"][0])
    row = finding.to_row()
    assert row["texts"] == "30%; 120万元; 150万元" and row["cites"] == "1:23; 1:7; 1:15"
    assert (row["stated"], row["computed"], row["off"]) == (30, 25, -5)
    whole = finding.to_dict()
    assert [f["text"] for f in whole["figures"]] == ["30%", "120万元", "150万元"]
    assert isinstance(finding, Finding)


# --- any records at all ------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["其中", "包括", "分别", "占", "共", "累计", "年均", "（", "）", "，", "、", "和", "；", "。", "\n",
           "从", "增加到", "下降", "甲市", "乙市"]
_FIGURES = [("12例", 12, "例"), ("5例", 5, "例"), ("30%", 30, "%"), ("25.3%", "25.3", "%"),
            ("120万元", 1200000, "元"), ("约8万元", 80000, "元"), ("100多人", 100, "人"), ("0例", 0, "例"),
            ("-5%", -5, "%"), ("三成", 30, "%")]


@st.composite
def _records(draw):
    parts, specs = [], []
    for _ in range(draw(st.integers(1, 12))):
        parts.append(draw(st.sampled_from(_PIECES)))
        if draw(st.booleans()):
            text, value, unit = draw(st.sampled_from(_FIGURES))
            q = "about" if text.startswith("约") else "over" if "多" in text else "exact"
            specs.append(F(text, value, unit, qualifier=q,
                           subject=draw(st.sampled_from(["", "病例", "营业额"])),
                           holder=draw(st.sampled_from(["", "甲市", "乙市", "全省"])),
                           change=draw(st.sampled_from(["", "", "by", "from", "to"])),
                           direction=draw(st.sampled_from(["", "up", "down"]))))
            parts.append(text)
    return article("".join(parts), *specs)


@settings(max_examples=300, deadline=None)
@given(_records())
def test_any_records_check_without_error(records):
    for finding in check(records):
        assert finding.check in ("parts_exceed_total", "rate_mismatch", "difference_mismatch",
                                 "direction_mismatch", "shares_exceed_100", "inconsistent_repeat")
        assert finding.figures and finding.to_row() and finding.to_dict()


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_real_example_articles_have_no_finding(path):
    """The example articles are real news: every finding there would be a false alarm."""
    import figs

    assert check(figs.extract(path.read_text(encoding="utf-8"), source=path.name)) == []


def test_results_are_shown_as_the_text_writes_them():
    (finding,) = check(CHANGES["difference-as-written-wrong"][0])
    assert finding.computation == "4.2亿元 − 3.5亿元 = +0.7亿元; the text says 0.9亿元"
    (finding,) = check(CHANGES["direction-wrong"][0])
    assert finding.computation == "120万元 → 150万元 rose (+25%); the text says 5% down"
    assert (finding.stated, finding.computed) == (-5, 25)


SHARES_OF_WHOLES = {
    # Real sentences (People's Daily 1998, NYT) whose shares are each of a whole of its own.
    "measures-of-a-named-whole": "实现利润和资产总额分别占千户企业的97.8%和78.5%。",
    "one-thing-two-wholes": "在竣工面积和销售面积中，住房分别占到80.14%和84.45%。",
    "two-companies": "两家公司在美国销售的汽车当中，产于欧洲工厂的分别占71%和62%。",
    "each-region-its-own": "东中西部地区镇个数占东中西部地区乡镇个数的比重分别为54.5%、33.7%、25.3%。",
    "people-in-several-groups": "受访者中，使用网上银行和移动支付的分别占80%和60%。",
}


@pytest.mark.parametrize("text", SHARES_OF_WHOLES.values(), ids=SHARES_OF_WHOLES.keys())
def test_shares_of_wholes_of_their_own(text):
    import figs

    assert kinds(figs.extract(text)) == []


def test_shares_counted_by_a_figure():
    import figs

    assert kinds(figs.extract("三类企业分别占45%、35%和25%。")) == ["shares_exceed_100"]
    assert kinds(figs.extract("两类企业分别占45%、35%和25%。")) == []


MORE_CHANGES = {
    "difference-and-rate-both": (article("公司营业额从120万元增加到150万元，增加40万元，增长25%。",
                                         F("120万元", 1200000, "元", change="from", direction="up", **SALES),
                                         F("150万元", 1500000, "元", change="to", direction="up", **SALES),
                                         F("40万元", 400000, "元", change="by", direction="up", **SALES),
                                         F("25%", 25, "%", change="by", direction="up", **SALES)),
                                 ["difference_mismatch"]),
    # The stated change names no holder of its own: it is the pair's.
    "by-without-holder": (article("中国关税从10%提高到25%，提高了310%。",
                                  F("10%", 10, "%", change="from", direction="up", subject="关税", holder="中国"),
                                  F("25%", 25, "%", change="to", direction="up", subject="关税", holder="中国"),
                                  F("310%", 310, "%", change="by", direction="up", subject="关税")),
                          ["rate_mismatch"]),
    "by-of-another-holder": (article("中国关税从10%提高到25%，美国提高了310%。",
                                     F("10%", 10, "%", change="from", direction="up", subject="关税", holder="中国"),
                                     F("25%", 25, "%", change="to", direction="up", subject="关税", holder="中国"),
                                     F("310%", 310, "%", change="by", direction="up", subject="关税", holder="美国")),
                             []),
    # A change two figures away is not the pair's: 贷款余额 after a semicolon.
    "after-a-semicolon": (article("存款余额由200亿元增至500亿元；增长93%。",
                                  F("200亿元", 20000000000, "元", change="from", direction="up", subject="余额"),
                                  F("500亿元", 50000000000, "元", change="to", direction="up", subject="余额"),
                                  F("93%", 93, "%", change="by", direction="up", subject="余额")),
                          []),
    "not-next-to-the-pair": (article("外贸出口增长36%，出口额达500亿元，由23%上升到39.2%。",
                                     F("36%", 36, "%", change="by", direction="up", subject="外贸出口"),
                                     F("500亿元", 50000000000, "元", subject="外贸出口"),
                                     F("23%", 23, "%", change="from", direction="up", subject="外贸出口"),
                                     F("39.2%", Decimal("39.2"), "%", change="to", direction="up", subject="外贸出口")),
                             []),
    # A stated change whose clause is only the words of a change (，缩短了) is of the
    # pair's measure, whatever measure was read for it.
    "by-with-a-verb-for-measure": (article("通关时间从13小时压缩到0.04小时，缩短了12小时。",
                                           F("13小时", 13, "小时", kind="duration", change="from", direction="down", subject="通关时间"),
                                           F("0.04小时", Decimal("0.04"), "小时", kind="duration", change="to", direction="down", subject="通关时间"),
                                           F("12小时", 12, "小时", kind="duration", change="by", direction="down", subject="缩短")),
                                   ["difference_mismatch"]),
    # … and of the pair's holder, whatever holder was read for it (the corpus: 东欧).
    "by-with-another-holder-read": (article("在东欧，中国投资从30亿欧元降至20亿欧元，下降76.7%。",
                                            F("30亿欧元", 3000000000, "欧元", change="from", direction="down", subject="投资", holder="中国"),
                                            F("20亿欧元", 2000000000, "欧元", change="to", direction="down", subject="投资", holder="中国"),
                                            F("76.7%", Decimal("76.7"), "%", change="by", direction="down", subject="投资", holder="东欧")),
                                    ["rate_mismatch"]),
    # One that names a measure of its own (，利润增长) is another claim's.
    "by-naming-its-own-measure": (article("营收从100万元增加到150万元，利润增长30%。",
                                          F("100万元", 1000000, "元", change="from", direction="up", subject="营收"),
                                          F("150万元", 1500000, "元", change="to", direction="up", subject="营收"),
                                          F("30%", 30, "%", change="by", direction="up", subject="利润")),
                                  []),
    # A level per a measure word (每平方米): its to is per the same, unwritten.
    "from-per-a-measure-word": (article("均价从每平方米1.8万元降至2.1万元。",
                                        F("1.8万元", 18000, "元/平方米", kind="money", change="from", direction="down", subject="均价"),
                                        F("2.1万元", 21000, "元", kind="money", change="to", direction="down", subject="均价")),
                                ["direction_mismatch"]),
    "per-unit-differs": (article("均价从每吨1.8万元降至每平方米2.1万元。",
                                 F("1.8万元", 18000, "元/吨", kind="money", change="from", direction="down", subject="均价"),
                                 F("2.1万元", 21000, "元/平方米", kind="money", change="to", direction="down", subject="均价")),
                         []),
}


@pytest.mark.parametrize("records, expected", MORE_CHANGES.values(), ids=MORE_CHANGES.keys())
def test_which_change_goes_with_a_pair(records, expected):
    assert kinds(records) == expected
