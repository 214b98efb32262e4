"""Writes the edited versions of examples/*.txt that test `figs diff`, and their expected diffs.

Each article gets a list of edits: a text replaced (a figure edited, a sentence
deleted or inserted, a number rewritten in another form), two paragraphs swapped,
a paragraph re-wrapped.  The expected differences come from the edits themselves,
written down here by hand, never from running `figs diff`:

    python tests/data/diff/make_versions.py     # rewrites NAME.new.txt, NAME.expected.tsv

The expected file has one line per difference: status, old text, old start,
new text, new start (start: the 0-based offset of the figure in its version).
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[2] / "examples"


@dataclass
class Replace:
    """`old` (unique in the article) becomes `new`; `changes` lists the differences
    it makes as (status, old figure text, new figure text), texts found inside
    `old` and `new`."""

    old: str
    new: str
    changes: list = field(default_factory=list)


@dataclass
class Swap:
    """The paragraphs (whole lines) starting with `a` and with `b` trade places."""

    a: str
    b: str


@dataclass
class Wrap:
    """The paragraph starting with `prefix` is re-wrapped at `width` characters."""

    prefix: str
    width: int


EDITS = {
    "changchun-party-building": [
        Replace("现有员工1150余人", "现有员工1200余人", [("changed", "1150余人", "1200余人")]),
        Replace("累计贡献税收近400亿元", "累计贡献税收超过400亿元", [("changed", "近400亿元", "超过400亿元")]),
        Replace("取得了规模销售9亿元", "取得了规模销售900000000元"),
        Replace("某化妆品专柜3小时的直播时间里，卖出了153单商品，成交额超过13万元，客单价超过3000元。", "",
                [("removed", "3小时", None), ("removed", "153单", None),
                 ("removed", "超过13万元", None), ("removed", "超过3000元", None)]),
        Replace("密集推送促销信息，吸引了大量人气。", "密集推送促销信息，吸引了大量人气。商场负责人表示，线上引流效果明显。"),
        Replace("党员11名，2016年成立了党支部。", "党员11名，2016年成立了党支部。今年又新吸纳志愿者50多名。",
                [("added", None, "50多名")]),
        Swap("拥有20多家美容连锁中心", "“作为一名党员企业家"),
        Wrap("通过10年来持续读好书", 30),
    ],
    "haishu-ecommerce": [
        Replace("2万多名员工", "3万多名员工", [("changed", "2万多名", "3万多名")]),
        Replace("有法律、金融等8支服务团队", "有法律、金融等10支服务团队", [("changed", "8支", "10支")]),
        Replace("据不完全统计,“携爱同行”党员志愿者服务队已组织开展爱心助学、便民服务、文明劝导、走访慰问、"
                "义务劳动等志愿活动100多次,参与者达上万人次。\n", "",
                [("removed", "100多次", None), ("removed", "上万人次", None)]),
        Replace("宁波电商城海曙园3.9平方公里", "宁波电商城海曙园390公顷", [("changed", "3.9平方公里", "390公顷")]),
        Replace("座谈会上,面对企业负责人陈述的难题,", "座谈会上,面对企业负责人陈述的难题,与会人员逐条梳理,"),
        Swap("杨先生是首批入驻空间", "“我和小谢是两家"),
        Wrap("海曙区望春街道新星商圈电商党委成立于", 24),
    ],
    "liaoning-new-workers": [
        Replace("双提升三年行动计划", "双提升3年行动计划"),
        Replace("亩产能达到四五千斤", "亩产能达到4000至5000斤"),
        Replace("吸收党员56名", "吸收党员66名", [("changed", "56名", "66名")]),
        Replace("建立近600个“爱心驿站”", "建立600余个“爱心驿站”", [("changed", "近600个", "600余个")]),
        Replace("筹措党建资金6万余元,将村党支部修葺一新。", "", [("removed", "6万余元", None)]),
        Replace("首块20亩试验田种下了蜜薯。", "首块20亩试验田种下了蜜薯。当年亩产达到4500斤。",
                [("added", None, "4500斤")]),
        Replace("一两次走访很难摸清", "两三次走访很难摸清", [("changed", "一两次", "两三次")]),
        Swap("两个村的村民一直", "“必须打破村内种植品种单一"),
        Swap("营口市开展", "阜新市向美团"),
        Wrap("扎根乡村4年", 25),
    ],
    "new-economy-reporters": [
        Replace("约24万家网商", "约25万家网商", [("changed", "约24万家", "约25万家")]),
        Replace("仅8公斤重", "仅8000克重", [("changed", "8公斤", "8000克")]),
        Replace("截至目前，望京新兴产业区已有国家级专精特新“小巨人”企业1家、北京市专精特新“小巨人”企业2家、"
                "北京市“专精特新”中小企业4家。\n", "",
                [("removed", "1家", None), ("removed", "2家", None), ("removed", "4家", None)]),
        Replace("覆盖园区80余家企业。", "覆盖园区80余家企业。楼宇内党员已超过300名。", [("added", None, "超过300名")]),
        Swap("“我们马上回去研究。”", "“依托基层市场监管所"),
        Swap("“别看它的个头小", "深圳南山区无人机产业链党委"),
        Wrap("现在，义乌中国小商品城每天", 28),
    ],
    "shenyang-riders-wuyishan": [
        Replace("居民近8000人", "居民近9000人", [("changed", "近8000人", "近9000人")]),
        Replace("“流动运动会”，100余名骑手", "“流动运动会”，120余名骑手", [("changed", "100余名", "120余名")]),
        Replace("、评选党员示范店20个", "", [("removed", "20个", None)]),
        Replace("如今，131个“于快”", "如今，一百三十一个“于快”"),
        Replace("搭建党组织发挥作用平台，切实把高质量党建优势转化为企业高质量发展胜势。\n",
                "搭建党组织发挥作用平台，切实把高质量党建优势转化为企业高质量发展胜势。\n\n"
                "目前，全市已有非公企业党组织120个。\n",
                [("added", None, "120个")]),
        Swap("“校企联建”助推技术创新", "“村企联建”助推产业创优"),
        Wrap("据依云首府社区党委书记张晓悦介绍", 32),
    ],
}


def apply(text: str, edits: list) -> tuple[str, list]:
    """The edited text, and the expected differences as (status, old, old_start, new, new_start)."""
    pending = []  # (status, old text, old start, new text, new snippet)
    for e in edits:
        if isinstance(e, Replace):
            at = _unique(text, e.old)
            for status, old_fig, new_fig in e.changes:
                old_start = at + e.old.index(old_fig) if old_fig else None
                pending.append((status, old_fig, old_start, new_fig, e.new))
    new = text
    for e in edits:
        if isinstance(e, Replace):
            _unique(new, e.old)
            new = new.replace(e.old, e.new)
        elif isinstance(e, Swap):
            new = _swap(new, e.a, e.b)
        else:
            new = _wrap(new, e.prefix, e.width)
    expected = []
    for status, old_fig, old_start, new_fig, snippet in pending:
        new_start = _find_wrapped(new, snippet, new_fig) if new_fig else None
        expected.append((status, old_fig, old_start, new_fig, new_start))
    return new, expected


def _unique(text: str, snippet: str) -> int:
    at = text.find(snippet)
    assert at >= 0 and text.find(snippet, at + 1) < 0, f"not once in the text: {snippet!r}"
    return at


def _find_wrapped(text: str, snippet: str, part: str) -> int:
    """Where `part` of `snippet` starts in `text`, line breaks from a re-wrap allowed."""
    def loose(s: str) -> str:
        return "\n?".join(map(re.escape, s))

    found = list(re.finditer(loose(snippet), text))
    assert len(found) == 1, f"not once in the text: {snippet!r}"
    inner = re.search(loose(part), found[0].group(0))
    return found[0].start() + inner.start()


def _line_starting(lines: list[str], prefix: str) -> int:
    found = [k for k, line in enumerate(lines) if line.startswith(prefix)]
    assert len(found) == 1, f"not one paragraph starts with {prefix!r}"
    return found[0]


def _swap(text: str, a: str, b: str) -> str:
    lines = text.split("\n")
    i, j = _line_starting(lines, a), _line_starting(lines, b)
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _wrap(text: str, prefix: str, width: int) -> str:
    lines = text.split("\n")
    k = _line_starting(lines, prefix)
    lines[k] = "\n".join(textwrap.wrap(lines[k], width))
    return "\n".join(lines)


def main() -> None:
    for name, edits in EDITS.items():
        old = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        new, expected = apply(old, edits)
        (HERE / f"{name}.new.txt").write_text(new, encoding="utf-8")
        rows = ["\t".join("" if v is None else str(v) for v in row) for row in expected]
        (HERE / f"{name}.expected.tsv").write_text(
            "status\told_text\told_start\tnew_text\tnew_start\n" + "".join(r + "\n" for r in rows),
            encoding="utf-8")


if __name__ == "__main__":
    main()
