"""figs diff: pairing, change detection, figures files read back, the command.

The edited versions of examples/*.txt and their expected diffs are written by
tests/data/diff/make_versions.py from a list of edits (figures edited, sentences
deleted and inserted, paragraphs swapped, lines re-wrapped, numbers rewritten in
another form); the expected diffs come from the edits, not from figs.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import figs
from figs.cli import main
from figs.compare import diff
from figs.errors import ExitStatus, FormatError
from figs.model import DIFF_FIELDS
from figs.records import load, read_figures_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data" / "diff"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NAMES = sorted(p.name[: -len(".new.txt")] for p in DATA.glob("*.new.txt"))


def changes(old: str, new: str, **options) -> list[tuple]:
    """(status, old text, new text) for each difference between two texts."""
    return [
        (c.status, c.old and c.old.text, c.new and c.new.text)
        for c in diff(figs.extract(old, "old"), figs.extract(new, "new"), **options)
    ]


# --- the edited examples: precision and recall 1.0 ------------------------------


def _expected(name: str) -> set[tuple]:
    with open(DATA / f"{name}.expected.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {
        (r["status"], r["old_text"] or None, int(r["old_start"]) if r["old_start"] else None,
         r["new_text"] or None, int(r["new_start"]) if r["new_start"] else None)
        for r in rows
    }


def _found(name: str) -> set[tuple]:
    old, new = load(str(EXAMPLES / f"{name}.txt")), load(str(DATA / f"{name}.new.txt"))
    return {
        (c.status, c.old and c.old.text, c.old and c.old.start, c.new and c.new.text, c.new and c.new.start)
        for c in diff(old, new)
    }


def test_there_is_an_edited_version_of_every_example():
    assert NAMES == sorted(p.stem for p in EXAMPLES.glob("*.txt"))


# In the edited haishu article a sentence is cut right after 390公顷的混合型电商产业: the measure
# of 3.9平方公里 reads 混合型电商产业园区 in one version and 海曙园 in the other, and figures of
# different measures do not pair (removed + added, not changed).
_READ_APART = pytest.mark.xfail(strict=True, reason="the measure read differently in a cut sentence")


@pytest.mark.parametrize("name", [pytest.param(n, marks=_READ_APART) if n == "haishu-ecommerce" else n
                                  for n in NAMES])
def test_edited_example_reports_exactly_the_edits(name):
    expected, found = _expected(name), _found(name)
    precision = len(expected & found) / len(found) if found else 1.0
    recall = len(expected & found) / len(expected) if expected else 1.0
    assert (precision, recall) == (1.0, 1.0), f"missed {expected - found}, extra {found - expected}"


@pytest.mark.parametrize("name", NAMES)
def test_a_text_against_itself_has_no_differences(name):
    figures = load(str(EXAMPLES / f"{name}.txt"))
    assert list(diff(figures, figures)) == []
    same = list(diff(figures, figures, include_same=True))
    assert [c.status for c in same] == ["same"] * len(figures)
    assert [c.new for c in same] == figures


# --- small cases, one rule each ---------------------------------------------------

CASES = [
    # (where it came from, old, new, expected differences)
    ("value edited", "现有员工1150余人，配送网点15个。", "现有员工1200余人，配送网点15个。",
     [("changed", "1150余人", "1200余人")]),
    ("qualifier edited", "累计贡献税收近400亿元。", "累计贡献税收超过400亿元。",
     [("changed", "近400亿元", "超过400亿元")]),
    ("adjacent range edited", "一两次走访很难摸清。", "两三次走访很难摸清。", [("changed", "一两次", "两三次")]),
    ("range edited", "亩产能达到4000至5000斤。", "亩产能达到4000至6000斤。",
     [("changed", "4000至5000斤", "4000至6000斤")]),
    ("unit edited", "园区占地3.9平方公里。", "园区占地390公顷。", [("changed", "3.9平方公里", "390公顷")]),
    ("magnitude written out", "取得了规模销售9亿元。", "取得了规模销售900000000元。", []),
    ("Chinese numerals written as digits", "栽植风景树两千株。", "栽植风景树2000株。", []),
    ("range written another way", "亩产能达到四五千斤。", "亩产能达到4000至5000斤。", []),
    ("paragraphs reordered", "配送网点15个。\n员工1150余人。\n", "员工1150余人。\n配送网点15个。\n", []),
    ("line re-wrapped", "据介绍，该小区共有48栋楼，入住率高，居民近8000人，之前物业公司禁止骑手进入。",
     "据介绍，该小区共有48栋楼，入住率高，\n居民近8000人，之前物业公司\n禁止骑手进入。", []),
    ("text without figures inserted", "配送网点15个。员工1150余人。",
     "配送网点15个。公司发展很快。员工1150余人。", []),
    ("sentence with a figure deleted", "配送网点15个。员工1150余人。", "员工1150余人。",
     [("removed", "15个", None)]),
    ("sentence with a figure inserted", "员工1150余人。", "员工1150余人。今年新招骑手35名。",
     [("added", None, "35名")]),
    ("repeated figure, one deleted", "100余名骑手参加运动会。\n\n启动仪式后，100余名骑手参与了拔河。\n",
     "启动仪式后，100余名骑手参与了拔河。\n", [("removed", "100余名", None)]),
    ("repeated figure, one edited", "100余名骑手参加运动会。\n\n启动仪式后，100余名骑手参与了拔河。\n",
     "100余名骑手参加运动会。\n\n启动仪式后，120余名骑手参与了拔河。\n", [("changed", "100余名", "120余名")]),
    ("a list, two counts edited", "其中西城区4例、朝阳区5例、海淀区6例、丰台区2例。",
     "其中西城区4例、朝阳区6例、海淀区8例、丰台区2例。",
     [("changed", "5例", "6例"), ("changed", "6例", "8例")]),
    ("next day's bulletin, written anew", "截至1日24时，本市新增17例，累计确诊病例156例，其中东城区3例、西城区17例、"
     "朝阳区27例、海淀区35例。", "截至2日12时，本市累计确诊病例168例。东城区3例、西城区17例、朝阳区28例、海淀区39例、"
     "房山区2例。另有4名患者出院。",
     [("removed", "17例", None), ("changed", "156例", "168例"), ("changed", "27例", "28例"),
      ("changed", "35例", "39例"), ("added", None, "2例"), ("added", None, "4名")]),
    ("sentence rewritten around an unchanged figure", "公司现有员工1150余人。",
     "据公司负责人介绍，这家企业目前一共有员工1150余人，大多是年轻人。", []),
    ("a body named, then pointed to with 该", "东方莫斯科项目用地规模53万平方米。",
     "据了解，该小区项目用地规模53万平方米。", []),
    ("unrelated figure of the same kind replaces another", "他们为社区送去慰问品30份。",
     "他们为社区送去慰问品30份。会后，大家一起种下了树苗40棵。", [("added", None, "40棵")]),
]


@pytest.mark.parametrize("where, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_case(where, old, new, expected):
    assert changes(old, new) == expected


def test_all_lists_same_pairs_too():
    found = changes("配送网点15个。员工1150余人。", "配送网点15个。员工1200余人。", include_same=True)
    assert found == [("same", "15个", "15个"), ("changed", "1150余人", "1200余人")]


def test_differences_come_in_the_order_of_the_new_text():
    old = "甲公司有员工10人。乙公司有员工20人。丙公司有员工30人。"
    new = "甲公司有员工11人。丙公司有员工33人。"
    assert changes(old, new) == [
        ("changed", "10人", "11人"), ("removed", "20人", None), ("changed", "30人", "33人"),
    ]


def test_library_wrapper():
    old, new = figs.extract("员工1150余人。"), figs.extract("员工1200余人。")
    [change] = figs.diff(old, new)
    assert (change.status, change.old.value, change.new.value) == ("changed", Decimal(1150), Decimal(1200))


# --- figures files read back ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_figures_file_reads_back_what_extract_wrote(tmp_path, fmt):
    path = tmp_path / f"figures.{fmt}"
    article = str(EXAMPLES / "liaoning-new-workers.txt")
    result = CliRunner().invoke(main, ["extract", article, "-f", fmt, "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    back = load(str(path))
    original = list(figs.extract((EXAMPLES / "liaoning-new-workers.txt").read_text(encoding="utf-8"), article))
    if fmt in ("csv", "tsv"):  # CSV keeps the spec's columns only
        original = [replace(f, currency="", time="", pair=None) for f in original]
    assert back == original
    assert all(isinstance(f.value, Decimal) for f in back)


MALFORMED = [
    ("bad.jsonl", '{"source": "a"}\n', "bad.jsonl: line 1: record has no 'line'"),
    ("bad.jsonl", "\n\n{oops\n", "bad.jsonl: line 3: not JSON"),
    ("bad.json", "[\n  {\"source\": 1},\n", "bad.json: line 2: record has no 'line'"),
    ("bad.json", "[\n  3\n]\n", "bad.json: line 2: a record must be an object"),
    ("bad.csv", "a,b\n1,2\n", "bad.csv: line 1: not a figures file: no column 'source'"),
]


@pytest.mark.parametrize("name, text, message", MALFORMED, ids=[m[2] for m in MALFORMED])
def test_malformed_figures_file(name, text, message):
    with pytest.raises(FormatError) as e:
        read_figures_text(text, name)
    assert str(e.value).startswith(message)


def test_malformed_value_names_its_line(tmp_path):
    path = tmp_path / "figures.csv"
    CliRunner().invoke(main, ["extract", str(EXAMPLES / "haishu-ecommerce.txt"), "-f", "csv", "-o", str(path)])
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[3][rows[0].index("value")] = "lots"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(FormatError) as e:
        load(str(path))
    assert str(e.value) == f"{path}: line 4: value is not a number: 'lots'"


# --- the command ------------------------------------------------------------------


def run(*args, input=None):
    return CliRunner().invoke(main, ["diff", *map(str, args)], input=input)


OLD = EXAMPLES / "shenyang-riders-wuyishan.txt"
NEW = DATA / "shenyang-riders-wuyishan.new.txt"


def test_exit_0_without_differences():
    result = run(OLD, OLD, "-f", "csv")
    assert result.exit_code == ExitStatus.OK
    assert result.stdout == ",".join(DIFF_FIELDS) + "\n"


def test_exit_1_with_differences():
    result = run(OLD, NEW, "-f", "csv")
    assert result.exit_code == ExitStatus.DIFFERENCES
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["status"] for r in rows} == {"changed", "added", "removed"}
    changed = next(r for r in rows if r["old_text"] == "近8000人")
    assert changed["new_text"] == "近9000人"
    assert (changed["old_value"], changed["new_value"]) == ("8000", "9000")
    assert changed["old_cite"] == f"{OLD}:11:35"
    assert re.fullmatch(re.escape(str(NEW)) + r":\d+:\d+", changed["new_cite"])
    assert "居民近9000人" in changed["new_sentence"]


@pytest.mark.parametrize("args, message", [
    (["missing.txt", OLD], "figs: missing.txt: no such file\n"),
    ([OLD, DATA], f"figs: {DATA}: is a directory\n"),
])
def test_exit_2_on_trouble(args, message):
    result = run(*args)
    assert result.exit_code == ExitStatus.TROUBLE
    assert result.stderr == message
    assert result.stdout == ""


def test_standard_input_only_once():
    result = run("-", "-", input="员工10人。")
    assert result.exit_code == ExitStatus.TROUBLE
    assert "cannot both be standard input" in result.stderr


def test_exit_2_on_a_malformed_figures_file(tmp_path):
    bad = tmp_path / "old.jsonl"
    bad.write_text('{"source": "x"}\n', encoding="utf-8")
    result = run(bad, NEW)
    assert result.exit_code == ExitStatus.TROUBLE
    assert result.stderr == f"figs: {bad}: line 1: record has no 'line'\n"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("flag", ["-q", "--quiet"])
def test_quiet_prints_nothing_and_sets_the_status(flag):
    assert (run(OLD, NEW, flag).exit_code, run(OLD, NEW, flag).output) == (1, "")
    assert (run(OLD, OLD, flag).exit_code, run(OLD, OLD, flag).output) == (0, "")


def test_all_lists_same_pairs():
    rows = [json.loads(line) for line in run(OLD, NEW, "--all", "-f", "jsonl").stdout.splitlines()]
    assert sum(r["status"] == "same" for r in rows) == len(load(str(OLD))) - 2 - 1  # 2 changed, 1 removed
    assert run(OLD, OLD, "--all", "-f", "jsonl").exit_code == 0


def test_jsonl_holds_the_records_as_extract_writes_them():
    result = run(OLD, NEW, "-f", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    extracted = CliRunner().invoke(main, ["extract", str(NEW), "-f", "jsonl"]).stdout
    new_records = [json.loads(line) for line in extracted.splitlines()]
    assert {r["status"] for r in rows} == {"changed", "added", "removed"}
    for row in rows:
        assert set(row) == {"status", "old", "new"}
        if row["new"] is not None:
            assert row["new"] in new_records
        assert (row["old"] is None) == (row["status"] == "added")
        assert (row["new"] is None) == (row["status"] == "removed")


def test_json_is_one_array_of_the_same_objects():
    lines = [json.loads(line) for line in run(OLD, NEW, "-f", "jsonl").stdout.splitlines()]
    assert json.loads(run(OLD, NEW, "-f", "json").stdout) == lines


def test_tsv_and_markdown_have_the_diff_columns():
    tsv = run(OLD, NEW, "-f", "tsv").stdout.splitlines()
    assert tsv[0].split("\t") == list(DIFF_FIELDS)
    md = run(OLD, NEW, "-f", "markdown").stdout
    assert md.startswith("| status ") and "近9000人" in md


def test_table_shows_both_sides():
    result = run(OLD, NEW, "-f", "table")
    assert result.exit_code == 1
    for word in ("changed", "added", "removed", "近8000人", "近9000人", "120余名"):
        assert word in result.stdout


def test_output_file(tmp_path):
    out = tmp_path / "changes.csv"
    result = run(OLD, NEW, "-o", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(",".join(DIFF_FIELDS))


def test_standard_input_with_label():
    result = run("-", NEW, "--label", "draft", "-f", "jsonl", input=OLD.read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert {r["old"]["source"] for r in rows if r["old"]} == {"draft"}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_figures_file_against_an_article(tmp_path, fmt):
    saved = tmp_path / f"old.{fmt}"
    assert CliRunner().invoke(main, ["extract", str(OLD), "-f", fmt, "-o", str(saved)]).exit_code == 0
    from_file = [json.loads(line) for line in run(saved, NEW, "-f", "jsonl").stdout.splitlines()]
    from_text = [json.loads(line) for line in run(OLD, NEW, "-f", "jsonl").stdout.splitlines()]
    assert [(r["status"], r["new"]) for r in from_file] == [(r["status"], r["new"]) for r in from_text]
    assert run(saved, OLD, "-q").exit_code == 0


# --- a real pair: two consecutive COVID bulletins of one province ------------------

_DISTRICT = re.compile(r"(?:、|，|其中)(\w{2,3}区)(\d+)例")
_TOTAL = re.compile(r"累计确诊病例\s*(\d+)\s*例")


def _bulletins():
    path = CORPUS / "dxy-covid-news-2020.jsonl"
    if not path.exists():
        pytest.skip("the corpus is not here")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    beijing = sorted((r for r in rows if r["provinceName"] == "北京市" and _TOTAL.search(r["summary"])),
                     key=lambda r: r["pubDate"])
    for a, b in zip(beijing, beijing[1:]):
        if _TOTAL.search(a["summary"]).group(1) != _TOTAL.search(b["summary"]).group(1):
            return a["summary"], b["summary"]
    pytest.skip("no two bulletins with different totals")


def test_consecutive_bulletins_report_the_changed_counts():
    old, new = _bulletins()
    found = [
        (c.old.subject, c.old.holder, int(c.old.value), int(c.new.value))
        for c in diff(figs.extract(old, "old"), figs.extract(new, "new"))
        if c.status == "changed"
    ]
    total = (int(_TOTAL.search(old).group(1)), int(_TOTAL.search(new).group(1)))
    assert any(subject == "累计确诊病例" and (x, y) == total for subject, _, x, y in found)
    before, after = dict(_DISTRICT.findall(old)), dict(_DISTRICT.findall(new))
    edited = [(d, int(before[d]), int(after[d])) for d in before.keys() & after.keys() if before[d] != after[d]]
    assert edited
    for district, a, b in edited:  # each district's count is its own claim: the district holds it
        assert any(holder == district and (x, y) == (a, b) for _, holder, x, y in found), district


# --- the README -------------------------------------------------------------------


def test_readme_shows_every_diff_option():
    import click

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Comparing versions: figs diff"):]
    options = [opt for p in main.commands["diff"].params if isinstance(p, click.Option) for opt in p.opts]
    assert options and all(f"`{opt}" in section or f" {opt}" in section for opt in options)


# --- pairing by claim: holder and measure -------------------------------------------


def _figure(text: str, holder: str, subject: str, sentence: str, start: int = 0) -> "figs.Figure":
    """A record as the extractor makes it, with the claim fields set by hand."""
    value = Decimal(re.match(r"[0-9]+", text).group())
    return figs.Figure(source="-", line=1, col=start + 1, start=start, end=start + len(text), text=text,
                       value=value, upper=None, qualifier="exact", unit="例", kind="count",
                       subject=subject, sentence=sentence, holder=holder)


def _pairs(old: list, new: list) -> list[tuple]:
    return [(c.status, c.old and (c.old.holder, c.old.subject, c.old.text),
             c.new and (c.new.holder, c.new.subject, c.new.text)) for c in diff(old, new)]


# Each: (mechanism, old figures, new figures, expected differences as (status, old, new)
# with each figure as (holder, subject, text)).  The sentences are the same list in both
# versions, so context alone would pair the wrong figures.
_LIST_OLD = "孝感市新增125例，出院2例。"
_LIST_NEW = "孝感市出院3例，新增130例。"
CLAIM_CASES = [
    ("a measure pairs with itself, not with the figure in its place",
     [_figure("125例", "孝感市", "新增确诊病例", _LIST_OLD), _figure("2例", "孝感市", "出院", _LIST_OLD, 8)],
     [_figure("3例", "孝感市", "出院", _LIST_NEW), _figure("130例", "孝感市", "新增确诊病例", _LIST_NEW, 8)],
     [("changed", ("孝感市", "出院", "2例"), ("孝感市", "出院", "3例")),
      ("changed", ("孝感市", "新增确诊病例", "125例"), ("孝感市", "新增确诊病例", "130例"))]),
    ("another holder's figure is no partner",
     [_figure("38例", "辽宁", "累计确诊病例", "辽宁累计38例。")],
     [_figure("40例", "吉林", "累计确诊病例", "吉林累计40例。")],
     [("added", None, ("吉林", "累计确诊病例", "40例")), ("removed", ("辽宁", "累计确诊病例", "38例"), None)]),
    ("another measure is no partner, even in the same words",
     [_figure("25例", "武汉市", "死亡", "武汉市25例。")],
     [_figure("804例", "武汉市", "重症", "武汉市804例。")],
     [("added", None, ("武汉市", "重症", "804例")), ("removed", ("武汉市", "死亡", "25例"), None)]),
    ("an unchanged number is not the same figure for another holder",
     [_figure("3例", "辽宁", "新增确诊病例", "辽宁新增3例。")],
     [_figure("3例", "吉林", "新增确诊病例", "吉林新增3例。")],
     [("added", None, ("吉林", "新增确诊病例", "3例")), ("removed", ("辽宁", "新增确诊病例", "3例"), None)]),
    ("the only figure of its claim pairs whatever its words: a headline total",
     [_figure("274例", "北京", "累计确诊病例", "北京新增21例，累计274例")],
     [_figure("297例", "北京", "累计确诊病例", "截至2日24时，全市累计报告本地确诊病例297例。")],
     [("changed", ("北京", "累计确诊病例", "274例"), ("北京", "累计确诊病例", "297例"))]),
    ("武汉 and 武汉市, 确诊病例 and 新增确诊病例 are one claim",
     [_figure("892例", "武汉市", "新增确诊病例", "武汉市新增892例。")],
     [_figure("356例", "武汉", "确诊病例", "其中武汉356例。")],
     [("changed", ("武汉市", "新增确诊病例", "892例"), ("武汉", "确诊病例", "356例"))]),
    ("a generic head noun is no difference: 新增确诊 and 确诊病例",
     [_figure("40例", "甲省", "新增确诊", "甲省新增确诊40例")],
     [_figure("52例", "甲省", "确诊病例", "甲省新增确诊病例52例")],
     [("changed", ("甲省", "新增确诊", "40例"), ("甲省", "确诊病例", "52例"))]),
    ("a generic head noun is no likeness: 确诊病例 and 死亡病例",
     [_figure("40例", "甲省", "确诊病例", "甲省40例")],
     [_figure("5例", "甲省", "死亡病例", "甲省5例")],
     [("added", None, ("甲省", "死亡病例", "5例")), ("removed", ("甲省", "确诊病例", "40例"), None)]),
    ("a flow is no stock: 新增 and 累计 before one measure never pair",
     [_figure("40例", "甲省", "确诊病例", "甲省新增确诊病例40例。")],
     [_figure("300例", "甲省", "确诊病例", "甲省累计确诊病例300例。")],
     [("added", None, ("甲省", "确诊病例", "300例")), ("removed", ("甲省", "确诊病例", "40例"), None)]),
    ("the same flow pairs: 新增 in both sentences",
     [_figure("40例", "甲省", "确诊病例", "甲省新增确诊病例40例。")],
     [_figure("52例", "甲省", "确诊病例", "甲省新增确诊病例52例。")],
     [("changed", ("甲省", "确诊病例", "40例"), ("甲省", "确诊病例", "52例"))]),
    ("a claim left empty conflicts with none",
     [_figure("15例", "", "配送网点", "配送网点15例。")],
     [_figure("16例", "公司", "配送网点", "配送网点16例。")],
     [("changed", ("", "配送网点", "15例"), ("公司", "配送网点", "16例"))]),
]


@pytest.mark.parametrize("where, old, new, expected", CLAIM_CASES, ids=[c[0] for c in CLAIM_CASES])
def test_pairs_by_claim(where, old, new, expected):
    assert sorted(_pairs(old, new), key=repr) == sorted(expected, key=repr)


# Two bulletins of consecutive days, written for this test in the style of the provincial
# health commissions' (the old one gives the totals per city, the new one the new cases).
OLD_BULLETIN = """甲省新增确诊40例，累计300例

1月28日0时-24时，甲省新增确诊病例40例。截至1月28日24时，甲省累计报告确诊病例300例（其中东市200例、西市60例、南市40例），已治愈出院12例，死亡5例（其中东市4例，西市1例）。
"""
NEW_BULLETIN = """甲省新增确诊病例52例，累计352例

1月29日0时-24时，甲省新增确诊病例52例（其中：东市30例、西市12例、南市10例）。全省新增死亡3例（其中：东市2例、南市1例）。截至1月29日24时，甲省累计报告确诊病例352例，已治愈出院15例，死亡8例。
"""


def _bulletin_changes() -> list[tuple]:
    return [(c.status, c.old and c.old.text, c.new and c.new.text)
            for c in diff(figs.extract(OLD_BULLETIN, "old"), figs.extract(NEW_BULLETIN, "new"))]


def test_consecutive_bulletins_pair_the_province_totals():
    found = _bulletin_changes()
    for pair in [("changed", "300例", "352例"), ("changed", "12例", "15例"), ("changed", "5例", "8例")]:
        assert pair in found


def test_consecutive_bulletins_pair_the_headline_totals():
    found = _bulletin_changes()
    assert found.count(("changed", "40例", "52例")) == 2  # the headline's and the body's
    assert found.count(("changed", "300例", "352例")) == 2


def test_consecutive_bulletins_do_not_pair_a_citys_total_with_its_new_cases():
    # 东市200例 is a part of the 累计 (total), 东市30例 of the 新增 (new cases): both measures
    # read 确诊病例, the word before them tells a stock from a flow
    found = _bulletin_changes()
    assert ("changed", "200例", "30例") not in found
    assert ("removed", "200例", None) in found and ("added", None, "30例") in found


def test_every_diff_format_names_the_holder_of_an_unpaired_figure(tmp_path):
    """北京新增21例 against 上海新增21例: the same measure and value, other holders, so a
    removal and an addition; the holder column says why they did not pair."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("北京新增21例。\n", encoding="utf-8")
    new.write_text("上海新增21例。\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(CliRunner().invoke(main, ["diff", str(old), str(new), "-f", "csv"]).output)))
    assert [(r["status"], r["holder"]) for r in rows] == [("removed", "北京"), ("added", "上海")]
    assert list(rows[0])[:3] == ["status", "subject", "holder"]
    table = CliRunner().invoke(main, ["diff", str(old), str(new), "-f", "table"]).output
    assert "holder" in table and "北京" in table and "上海" in table
