"""The extractor, case by case: table tests named by where each case came from."""
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

import figs


def only(text, **kw):
    """The one figure in `text`, as (text, value, upper, qualifier, unit, kind)."""
    found = list(figs.extract(text, **kw))
    assert len(found) == 1, [f.text for f in found]
    f = found[0]
    return f.text, f.value, f.upper, f.qualifier, f.unit, f.kind


def D(x):
    return None if x is None else Decimal(str(x))


SPEC_TABLE = [  # FIGURES.md, "A figure"
    ("现有员工1150余人。", "1150余人", 1150, None, "over", "人", "count"),
    ("配送网点15个。", "15个", 15, None, "exact", "个", "count"),
    ("月单量突破百万。", "突破百万", 1000000, None, "over", "", "count"),
    ("公司内有900多名。", "900多名", 900, None, "over", "名", "count"),
    ("会员资产总价值达600多亿元。", "600多亿元", 60000000000, None, "over", "元", "money"),
    ("覆盖外企党员近7000名。", "近7000名", 7000, None, "under", "名", "count"),
    ("客单价超过3000元。", "超过3000元", 3000, None, "over", "元", "money"),
    ("营业额同比提升近10%。", "近10%", 10, None, "under", "%", "percent"),
    ("亩产能达到四五千斤。", "四五千斤", 4000, 5000, "range", "斤", "measure"),
    ("存储能力提升近1倍。", "近1倍", 1, None, "under", "倍", "ratio"),
    ("数十位学生参加。", "数十位", 10, None, "over", "位", "count"),
    ("吸引上万人次参与。", "上万人次", 10000, None, "over", "人次", "count"),
    ("一名14岁男孩。", "14岁", 14, None, "exact", "岁", "age"),
    ("园区面积3.9平方公里。", "3.9平方公里", 3.9, None, "exact", "平方公里", "measure"),
]

RULINGS = [  # FIGURES.md, "Rulings on the edges"
    ("通过10年来持续学习。", "10年", 10, None, "exact", "年", "duration"),
    ("仅8公斤重。", "8公斤", 8, None, "exact", "公斤", "measure"),
    ("蹲点采访3天里。", "3天", 3, None, "exact", "天", "duration"),
    ("开车2个小时。", "2个小时", 2, None, "exact", "小时", "duration"),
    ("又走了2个多小时。", "2个多小时", 2, None, "over", "小时", "duration"),
    ("历时3个月。", "3个月", 3, None, "exact", "月", "duration"),
    ("推进26个品牌进场。", "26个", 26, None, "exact", "个", "count"),
    ("投资10万元人民币。", "10万元", 100000, None, "exact", "元", "money"),
    ("收入提高2.4个百分点。", "2.4个百分点", 2.4, None, "exact", "百分点", "percent"),
    ("来园区工作快了一年了。", "快了一年", 1, None, "under", "年", "duration"),
    ("这里24小时开放。", "24小时", 24, None, "exact", "小时", "duration"),
    ("年均200余名毕业生。", "200余名", 200, None, "over", "名", "count"),
]

ISSUE_FORMS = [  # the extractor issue: forms it names
    ("增长１２．５％。", "１２．５％", 12.5, None, "exact", "%", "percent"),
    ("每桶１９·２５美元。", "１９·２５美元", 19.25, None, "exact", "美元/桶", "money"),
    ("贷款三点五亿元。", "三点五亿元", 350000000, None, "exact", "元", "money"),
    ("约占百分之四十。", "约占百分之四十", 40, None, "about", "%", "percent"),
    ("有三成企业亏损。", "三成", 30, None, "exact", "%", "percent"),
    ("工期3至5天。", "3至5天", 3, 5, "range", "天", "duration"),
    ("期限3-5年。", "3-5年", 3, 5, "range", "年", "duration"),
    ("来了十几个人。", "十几个", 10, None, "over", "个", "count"),
    ("效率由60辆/小时提高。", "60辆/小时", 60, None, "exact", "辆/小时", "rate"),
    ("投资5万至10万元。", "5万至10万元", 50000, 100000, "range", "元", "money"),
    ("投资5到10万元。", "5到10万元", 50000, 100000, "range", "元", "money"),
    ("共有兩萬人。", "兩萬人", 20000, None, "exact", "人", "count"),
    ("售价¥3000。", "¥3000", 3000, None, "exact", "¥", "money"),
    # a low single quotation mark typed for the thousands comma
    ("手袋￥19‚950(ダイアナ)", "￥19‚950", 19950, None, "exact", "¥", "money"),
    ("融资US$5亿。", "US$5亿", 500000000, None, "exact", "US$", "money"),
    ("十七八岁的青年。", "十七八岁", 17, 18, "range", "岁", "age"),
    ("一两次走访。", "一两次", 1, 2, "range", "次", "count"),
    ("用了一个半小时。", "一个半小时", 1.5, None, "exact", "小时", "duration"),
    ("扎根一年半。", "一年半", 1.5, None, "exact", "年", "duration"),
    ("每亩至少增收2000元。", "至少增收2000元", 2000, None, "at_least", "元", "money"),
    ("控制在50岁左右。", "50岁左右", 50, None, "about", "岁", "age"),
    ("压缩到10秒内。", "10秒内", 10, None, "under", "秒", "duration"),
    ("二十几万人。", "二十几万人", 200000, None, "over", "人", "count"),
    ("募集3000余万元。", "3000余万元", 30000000, None, "over", "元", "money"),
]


NOT_FIGURES = [  # FIGURES.md, "Not a figure"
    "2019年成立", "11月8日举行", "2017年10月18日", "下午3时许", "凌晨两三点钟",
    "第三届大会", "第一书记", "第二个任期", "党的二十大", "十九大", "双11", "95后",
    "“513”暖蜂驿站", "十六字方针", "“两个毫不动摇”", "“四个100”", "一条龙",
    "一名普通的外卖送餐员", "一部手机", "半年前", "三年前", "这几个月", "几个", "前几年",
    "千家万户", "最近一次", "下半年", "四处奔走", "百姓", "十分重视", "“最后1米”",
    "G20峰会", "5G网络", "COVID-19", "1+N", "电话12345678", "八届全国人大五次会议",
    "千万不要", "一九九八年", "三季度", "建国50周年",
    # a numeral and a unit that begin a place's name
    "七台河市新增", "九台市", "五家渠市", "二道河农场", "万县市支队",
]


def test_dates_only_when_asked():
    text = "2019年成立，11月8日举行。"
    assert list(figs.extract(text)) == []
    dates = [(f.text, f.kind) for f in figs.extract(text, dates=True)]
    assert dates == [("2019年", "date"), ("11月", "date"), ("8日", "date")]


def test_record_fields_and_citation():
    text = "标题\n\n长春市奔跑兔商贸有限公司现有员工1150余人，配送网点15个。\n"
    first = next(figs.extract(text, source="a.txt"))
    assert (first.source, first.line, first.col) == ("a.txt", 3, 17)
    assert text[first.start:first.end] == first.text == "1150余人"
    assert first.sentence == "长春市奔跑兔商贸有限公司现有员工1150余人，配送网点15个。"
    assert "员工" in first.subject


def test_currency_and_time():
    text = "销售规模从2021年的5000万元迅速增长到2022年1亿元，出口300万美元。"
    found = list(figs.extract(text))
    assert [(f.text, f.time, f.currency) for f in found] == [
        ("5000万元", "2021", "CNY"), ("1亿元", "2022", "CNY"), ("300万美元", "2022", "USD")]


def test_soft_line_break_inside_a_sentence():
    text = "村民王士明满是感激，他说王士明全家年人均收入不\n足3000元。"
    f = only(text)
    assert f[:2] == ("不\n足3000元", Decimal(3000))


def test_values_are_exact():
    f = next(figs.extract("市场交易额为2020.87亿元。"))
    assert f.value == Decimal("202087000000")
    assert f.to_dict()["value"] == 202087000000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789０１２３一二三四五六七八九十百千万亿两半几多余近约个名元%％年月日第的，。\n 万亿.·-至", max_size=60))
def test_every_record_cites_its_text(text):
    for f in figs.extract(text):
        assert text[f.start:f.end] == f.text
        assert f.upper is None or f.upper >= f.value
        assert f.value.is_finite()


# Forms found in third-party news (People's Daily 1998, NYT Chinese 2018-20, COVID
# bulletins 2020, Sina news): written here in our own sentences, in the corpus's forms.
CORPUS_FORMS = [
    ("播种一百三十一点四五万亩。", "一百三十一点四五万亩", 1314500, None, "exact", "亩", "measure"),
    ("增长百分之十一点九。", "百分之十一点九", 11.9, None, "exact", "%", "percent"),
    ("协议已敲定九成。", "九成", 90, None, "exact", "%", "percent"),
    ("支持率逾七成。", "逾七成", 70, None, "over", "%", "percent"),
    ("占四成多。", "四成多", 40, None, "over", "%", "percent"),
    ("投资十四点八万元。", "十四点八万元", 148000, None, "exact", "元", "money"),
    ("借款四点五亿英镑。", "四点五亿英镑", 450000000, None, "exact", "英镑", "money"),
    ("功率６０千瓦。", "６０千瓦", 60, None, "exact", "千瓦", "measure"),
    ("体重５００千克。", "５００千克", 500, None, "exact", "千克", "measure"),
    ("发电１１８亿千瓦时。", "１１８亿千瓦时", 11800000000, None, "exact", "千瓦时", "measure"),
    ("受贿２６０万日元。", "２６０万日元", 2600000, None, "exact", "日元", "money"),
    ("上海暖冬已十年。", "十年", 10, None, "exact", "年", "duration"),
    ("印有十项专业守则。", "十项", 10, None, "exact", "项", "count"),
    ("他拿下了20分。", "20分", 20, None, "exact", "分", "measure"),
    ("发行１２００万股。", "１２００万股", 12000000, None, "exact", "股", "count"),
    ("代表３０００多人出席。", "３０００多人", 3000, None, "over", "人", "count"),
    ("每周3次。", "3次", 3, None, "exact", "次/周", "rate"),
    ("确诊病例 45 例。", "45 例", 45, None, "exact", "例", "count"),
    ("约合4.45亿美元。", "约合4.45亿美元", 445000000, None, "about", "美元", "money"),
    ("约有三分之一的企业。", "约有三分之一", 0.333333333333, None, "about", "", "ratio"),
    ("占四分之一。", "四分之一", 0.25, None, "exact", "", "ratio"),
    ("共有3年间的数据。", "3年", 3, None, "exact", "年", "duration"),
    ("气温零下14摄氏度。", "零下14摄氏度", -14, None, "exact", "摄氏度", "measure"),
    ("利润下降了-2%。", "-2%", -2, None, "exact", "%", "percent"),
    ("投资3亿5千万元。", "3亿5千万元", 350000000, None, "exact", "元", "money"),
    ("投入5个亿。", "5个亿", 500000000, None, "exact", "", "count"),
    ("总产值翻了一番。", "一番", 1, None, "exact", "番", "ratio"),
    ("速度比原来快2倍。", "2倍", 2, None, "exact", "倍", "ratio"),
    ("股指以８７２０点收盘。", "８７２０点", 8720, None, "exact", "点", "measure"),
]

CORPUS_NOT_FIGURES = [
    "从1996年到2007年", "１９９８年至１９９９年", "１９９７—２００１年", "零部件", "零件", "陆地面积",
    "大陆人士", "队伍起步", "零成本", "唯一一个", "四六级考试", "万一出事", "两方面", "312国道",
    "最多的一年", "高于1997年", "1813年竣工", "8时30分", "十点半",
    "《二次曝光》剧组", "免费获得09年最火爆的游戏", "20国集团", "万万没想到",
]


# The second reading of third-party news: more forms, and words that only look like figures.
CORPUS_FORMS_2 = [
    ("商品打6折。", "6折", 60, None, "exact", "%", "percent"),
    ("仅占一成。", "一成", 10, None, "exact", "%", "percent"),
    ("发生６．２级地震。", "６．２级", 6.2, None, "exact", "级", "measure"),
    ("共写了四千字。", "四千字", 4000, None, "exact", "字", "count"),
    ("翻阅了数千页。", "数千页", 1000, None, "over", "页", "count"),
    ("面积8047平方英尺。", "8047平方英尺", 8047, None, "exact", "平方英尺", "measure"),
    ("获得６金８银。", "６金", 6, None, "exact", "金", "count"),
    ("万名首都群众参加。", "万名", 10000, None, "exact", "名", "count"),
    ("产值过亿元。", "过亿元", 100000000, None, "over", "元", "money"),
    ("年龄在11月龄-85岁之间。", "85岁", 85, None, "exact", "岁", "age"),
    ("这支队伍3年来坚持植树。", "3年", 3, None, "exact", "年", "duration"),
    ("大陆5家企业。", "5家", 5, None, "exact", "家", "count"),
    ("累计确诊病例破百。", "破百", 100, None, "over", "", "count"),
    ("列车时速350公里。", "350公里", 350, None, "exact", "公里/小时", "rate"),
    ("美联储将利率上调25个基点。", "25个基点", 25, None, "exact", "基点", "percent"),
    ("其中有２／３的业主同意。", "２／３", 0.666666666667, None, "exact", "", "ratio"),
]

CORPUS_NOT_FIGURES_2 = ["买入10年期国债", "通过了四级考试", "国债二级市场", "一个六位数的密码", "防止二次污染", "家住三里屯", "这两天天气很好",
                        "乘坐426次列车"]


# A third reading, of sentences held out from tuning: forms that were missed there.
CORPUS_FORMS_3 = [
    ("提前一个月完成计划。", "一个月", 1, None, "exact", "月", "duration"),
    ("发射推迟一天。", "一天", 1, None, "exact", "天", "duration"),
    ("工程耗时一年。", "一年", 1, None, "exact", "年", "duration"),
    ("他们收获了半吨辣椒。", "半吨", 0.5, None, "exact", "吨", "measure"),
    ("不足半平方公里的小岛。", "不足半平方公里", 0.5, None, "under", "平方公里", "measure"),
    ("球队本赛季已取得15胜。", "15胜", 15, None, "exact", "胜", "count"),
    ("他全场拿下6篮板。", "6篮板", 6, None, "exact", "篮板", "count"),
    ("他全场18投。", "18投", 18, None, "exact", "投", "count"),
    ("技能持续3回合。", "3回合", 3, None, "exact", "回合", "count"),
    ("月薪一万二。", "一万二", 12000, None, "exact", "", "count"),
    ("楼面价超一万八。", "超一万八", 18000, None, "over", "", "count"),
    ("售价约合人民币5000元。", "约合人民币5000元", 5000, None, "about", "元", "money"),
    ("产量同比增长1倍多。", "1倍多", 1, None, "over", "倍", "ratio"),
    ("总产值翻了一番多。", "一番多", 1, None, "over", "番", "ratio"),
    ("每坪价格约10至12万。", "约10至12万", 100000, 120000, "range", "", "count"),
    ("它的价值是负590万美元。", "负590万美元", -5900000, None, "exact", "美元", "money"),
    ("为企业减负1.78亿元。", "1.78亿元", 178000000, None, "exact", "元", "money"),
]

CORPUS_NOT_FIGURES_3 = ["一天的工作", "一个月后", "没有半点差错", "半分也不让", "以２１∶１１胜了对手", "以１∶２负于挪威队",
                        "美国EB5投资移民", "请拨打12315投诉",
                        "危机四伏", "三伏天酷暑", "千万一定要小心", "奖励20000金元宝", "价值588元宝道具"]


# Every table above, each case named by where it came from: "spec: 900多名".
FORMS = [(origin, case) for origin, table in [
    ("spec", SPEC_TABLE), ("ruling", RULINGS), ("issue", ISSUE_FORMS),
    ("corpus", CORPUS_FORMS), ("corpus-2", CORPUS_FORMS_2), ("held-out", CORPUS_FORMS_3),
] for case in table]
WORDS = [(origin, text) for origin, table in [
    ("spec", NOT_FIGURES), ("corpus", CORPUS_NOT_FIGURES), ("corpus-2", CORPUS_NOT_FIGURES_2),
    ("held-out", CORPUS_NOT_FIGURES_3),
] for text in table]


@pytest.mark.parametrize("origin, case", FORMS, ids=[f"{o}: {c[1]}" for o, c in FORMS])
def test_form(origin, case):
    sentence, text, value, upper, qualifier, unit, kind = case
    everything = list(figs.extract(sentence))
    found = [f for f in everything if f.text == text]
    assert len(found) == 1, [f.text for f in everything]
    if origin != "corpus-2":  # those sentences hold this one figure and nothing else
        assert len(everything) == 1, [f.text for f in everything]
    f = found[0]
    assert (f.value, f.upper, f.qualifier, f.unit, f.kind) == (D(value), D(upper), qualifier, unit, kind)


@pytest.mark.parametrize("origin, text", WORDS, ids=[f"{o}: {t}" for o, t in WORDS])
def test_not_a_figure(origin, text):
    assert [f.text for f in figs.extract(text)] == []


SUBJECTS = [  # (sentence, figure, a subject that must be inside what figs says, or equal to it)
    ("配送网点15个，月单量突破百万。", "15个", "配送网点"),
    ("35名骑手投身抗疫一线。", "35名", "骑手"),
    ("该小区共有48栋楼。", "48栋", "楼"),
    ("营业额同比提升近10%的好成绩。", "近10%", "营业额"),
    ("美国对中国商品加征25%的关税。", "25%", "关税"),
    ("桐油产量占世界总产量的90%。", "90%", "桐油产量"),
    ("蜜薯的种植面积从最初的20亩增加到230亩。", "230亩", "种植面积"),
    ("6月出口较上年同期下滑1.3%。", "1.3%", "出口"),
    ("将在价值3600亿美元的中国商品之外。", "3600亿美元", "中国商品"),
    ("新增1例埃及输入病例。", "1例", "埃及"),
    ("穿过4公里宽的乔克西山口。", "4公里", "乔克西山口"),
    ("这支队伍3年来一直坚持义务植树。", "3年", "义务植树"),
    ("分别招募了30人、25人和18人的志愿服务队。", "25人", "志愿服务队"),
    ("这里24小时开放。", "24小时", "开放"),
    ("【参考售价】：3690元", "3690元", "参考售价"),
    ("累计确诊3例，死亡1例。", "3例", "累计确诊"),
    ("政府对价值500亿美元的商品提高了关税。", "500亿美元", "商品"),
    ("外国游客去年一季度下降了8%。", "8%", "外国游客"),
    ("收入50万元以上的村占比达60%。", "60%", "村占比"),
    ("出口总额初步估计为1100亿美元。", "1100亿美元", "出口总额"),
    ("营收突破10亿元大关。", "突破10亿元", "营收"),
    ("全年实现地区生产总值1234.5亿元，增长8%。", "8%", "地区生产总值"),
    ("百余名快递小哥参加活动。", "百余名", "快递小哥"),
    ("逾三成受访者表示满意。", "逾三成", "受访者"),
]


@pytest.mark.parametrize("sentence, text, subject", SUBJECTS, ids=[s[1] for s in SUBJECTS])
def test_subjects(sentence, text, subject):
    f = next(f for f in figs.extract(sentence) if f.text == text)
    assert subject in f.subject and len(f.subject) <= len(subject) + 6 or f.subject == subject


# Adverbs and verbs at the end of the words before a figure (才, 各, 估 …) are no part
# of its subject: (sentence, figure, the word its subject must not end in).
NOT_SUBJECT_ENDINGS = [
    ("农民人均纯收入才320元。", "320元", "才"),
    ("一、二等奖各1名。", "1名", "各"),
    ("初期资金各5亿铢。", "5亿铢", "各"),
    ("损失估30亿美元。", "30亿美元", "估"),
    ("贸易逆差初步测算为1115亿美元。", "1115亿美元", "测算"),
    ("全区近4成小微企业受益。", "近4成", "受益"),
    ("已有9成以上快递员参保。", "9成以上", "参保"),
]


@pytest.mark.parametrize("sentence, text, word", NOT_SUBJECT_ENDINGS, ids=[s[1] for s in NOT_SUBJECT_ENDINGS])
def test_subject_leaves_out_the_verb(sentence, text, word):
    f = next(f for f in figs.extract(sentence) if f.text == text)
    assert f.subject and not f.subject.endswith(word), f.subject
