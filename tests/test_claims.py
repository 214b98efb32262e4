"""Claims by mechanism: what each figure counts (``subject``) and whose it is (``holder``).

Each table is one mechanism of `figs.claims`; the ids name it.  A case is
(sentence, figure text, subject, holder); "" means the cell must be empty.
Known misses are marked xfail(strict=True), so a fix is noticed.
"""
from __future__ import annotations

import pytest

import figs

XFAIL = pytest.mark.xfail(strict=True)

HOLDER_AND_MEASURE = [
    ("辽宁新增1例，累计38例。", "1例", "新增", "辽宁"),
    ("辽宁新增1例，累计38例。", "38例", "累计", "辽宁"),
    ("特斯拉的股价最终上涨11%。", "11%", "股价", "特斯拉"),
    ("长春市奔跑兔商贸有限公司现有员工1150余人。", "1150余人", "员工", "长春市奔跑兔商贸有限公司"),
    ("今年营业额达9亿元。", "9亿元", "营业额", ""),
    ("河南省新增新型冠状病毒肺炎确诊病例15例。", "15例", "确诊病例", "河南省"),
    ("省商务厅的培训班达21个。", "21个", "培训班", "省商务厅"),
]

INHERITED = [
    ("确诊病例中，长春市27例，四平市8例。", "27例", "确诊病例", "长春市"),
    ("确诊病例中，长春市27例，四平市8例。", "8例", "确诊病例", "四平市"),
    ("新增确诊病例中，信阳市3例、驻马店市3例。", "3例", "确诊病例", "信阳市"),
    ("辽宁省新增确诊病例12例，其中沈阳市2例，大连市1例。", "2例", "确诊病例", "沈阳市"),
    # the holder from the nearest earlier sentence of the paragraph
    ("长春市奔跑兔商贸有限公司成立于2015年。现有员工1150余人。", "1150余人", "员工", "长春市奔跑兔商贸有限公司"),
    ("截至2月25日24时，全省累计报告确诊病例1347例，累计出院841例。", "841例", "出院", "全省"),
    # a figure in brackets is a part of the one before it
    ("福州市1例（福清市1例）。", "1例", "", "福州市"),
]

DISTRIBUTIVE = [
    ("三个小组分别有240人、208人和80人。", "208人", "小组", ""),
    ("分别招募了30人、25人和18人的志愿服务队。", "18人", "志愿服务队", ""),
    ("肉类、禽蛋、奶类的总产分别增长1.8倍、2.5倍、1.1倍。", "1.8倍", "总产", "肉类"),
    ("肉类、禽蛋、奶类的总产分别增长1.8倍、2.5倍、1.1倍。", "2.5倍", "总产", "禽蛋"),
    ("肉类、禽蛋、奶类的总产分别增长1.8倍、2.5倍、1.1倍。", "1.1倍", "总产", "奶类"),
]

NOUN_AFTER = [
    ("梳理出六个需“管控”的经济选题。", "六个", "经济选题", ""),
    ("百余名快递小哥参加活动。", "百余名", "快递小哥", ""),
    ("35名骑手冲在一线。", "35名", "骑手", ""),
    ("辽宁省新增12例新型冠状病毒感染的肺炎确诊病例。", "12例", "肺炎确诊病例", "辽宁省"),
    ("这里24小时开放。", "24小时", "开放", ""),
]

AGES = [
    ("该患者为男性，38岁。", "38岁", "男性", ""),
    ("患者，女，62岁。", "62岁", "患者", ""),
]

EMPTY = [
    ("他现在已经70多岁。", "70多岁", "", ""),
    ("他们一共走了3公里。", "3公里", "", ""),
]


def _cases(table, misses=()):
    return [pytest.param(*case, marks=XFAIL) if i in misses else case for i, case in enumerate(table)]


def _claim(sentence, text):
    found = [f for f in figs.extract(sentence) if f.text == text]
    assert found, [f.text for f in figs.extract(sentence)]
    return found[0].subject, found[0].holder


@pytest.mark.parametrize("sentence, text, subject, holder", [
    *[pytest.param(*c, id=f"holder-and-measure: {c[1]}") for c in HOLDER_AND_MEASURE],
    *[pytest.param(*c, id=f"inherited: {c[1]} {c[3]}") for c in INHERITED],
    *[pytest.param(*c, id=f"distributive: {c[1]}") for c in DISTRIBUTIVE],
    *[pytest.param(*c, id=f"noun-after: {c[1]}") for c in NOUN_AFTER],
    *[pytest.param(*c, id=f"age: {c[1]}") for c in AGES],
    *[pytest.param(*c, id=f"empty: {c[1]}") for c in EMPTY],
])
def test_claim(sentence, text, subject, holder):
    assert _claim(sentence, text) == (subject, holder)
