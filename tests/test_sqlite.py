"""-f sqlite: a figures table with indexes; re-running replaces a source's rows."""
from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

import figs
from figs.cli import main
from figs.model import JSON_FIELDS
from figs.parallel import Result
from figs.sink import write_sqlite


def extract(*args):
    return CliRunner().invoke(main, ["extract", *args])


def rows(db, sql="select * from figures order by source, start"):
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        return [dict(r) for r in con.execute(sql)]


def test_sqlite_has_the_records_of_jsonl(tmp_path, examples_text):
    (tmp_path / "a.txt").write_text(examples_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("员工1150余人，网点15个。", encoding="utf-8")
    db = tmp_path / "figures.db"
    result = extract(str(tmp_path), "-f", "sqlite", "-o", str(db), "-j", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    as_json = extract(str(tmp_path), "-f", "jsonl")
    expected = sorted((json.loads(line) for line in as_json.stdout.splitlines()),
                      key=lambda r: (r["source"], r["start"]))
    assert rows(db) == expected and len(expected) > 300
    with sqlite3.connect(db) as con:
        columns = [r[1] for r in con.execute("pragma table_info(figures)")]
        indexes = {r[1] for r in con.execute("pragma index_list(figures)")}
    assert tuple(columns) == JSON_FIELDS
    assert indexes == {"figures_source", "figures_kind", "figures_unit"}


def test_rerun_replaces_a_sources_rows(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("员工1150余人，网点15个。", encoding="utf-8")
    b.write_text("月单量突破百万。", encoding="utf-8")
    db = str(tmp_path / "figures.db")
    assert extract(str(a), str(b), "-f", "sqlite", "-o", db).exit_code == 0
    assert extract(str(a), str(b), "-f", "sqlite", "-o", db).exit_code == 0
    assert len(rows(db)) == 3
    a.write_text("员工1150余人。", encoding="utf-8")  # a changed: one figure now
    assert extract(str(a), "-f", "sqlite", "-o", db).exit_code == 0
    assert [(r["source"], r["text"]) for r in rows(db)] == [(str(a), "1150余人"), (str(b), "突破百万")]
    a.write_text("没有数字。", encoding="utf-8")  # no figures left: its rows go
    assert extract(str(a), "-f", "sqlite", "-o", db).exit_code == 0
    assert [r["source"] for r in rows(db)] == [str(b)]


def test_a_failed_source_keeps_its_old_rows(tmp_path):
    db = str(tmp_path / "figures.db")
    old = [f.to_dict() for f in figs.extract("员工15人，网点3个。", source="s")]
    tuples = [tuple(r[c] for c in JSON_FIELDS) for r in old]
    write_sqlite([Result("s", tuples, 2)], db, on_error=lambda e: None)
    errors = []
    failing = [Result("s", tuples[:1], 1, first=True, last=False),
               Result("s", first=False, last=True, error=figs.errors.DecodeError("bad", source="s"))]
    write_sqlite(failing, db, on_error=errors.append)
    assert len(errors) == 1
    assert [r["text"] for r in rows(db)] == ["15人", "3个"]


def test_sqlite_needs_a_file():
    result = extract("-f", "sqlite")
    assert result.exit_code == 2 and "-o FILE" in result.output


def test_sqlite_query_over_jsonl_corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": 7, "t": "客单价超过3000元，营业额提升近10%。"}\n', encoding="utf-8")
    db = str(tmp_path / "f.db")
    assert extract(str(path), "--jsonl-field", "t", "--id-field", "id", "-f", "sqlite", "-o", db).exit_code == 0
    assert rows(db, "select source, kind, value, unit from figures order by start") == [
        {"source": "7", "kind": "money", "value": 3000, "unit": "元"},
        {"source": "7", "kind": "percent", "value": 10, "unit": "%"},
    ]


def test_repeated_ids_in_one_run_keep_all_their_rows(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"id": 1, "t": "员工15人。"}\n{"id": 1, "t": "网点3个。"}\n', encoding="utf-8")
    db = str(tmp_path / "f.db")
    for _ in range(2):
        assert extract(str(path), "--jsonl-field", "t", "--id-field", "id", "-f", "sqlite", "-o", db).exit_code == 0
    assert [r["text"] for r in rows(db, "select text from figures order by rowid")] == ["15人", "3个"]
