"""figs on Dask: the records of the CLI, from a LocalCluster with two workers."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

import dask.bag as db  # noqa: E402

import figs.dask  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples_text):
    d = tmp_path_factory.mktemp("corpus")
    (d / "a.txt").write_text(examples_text, encoding="utf-8")
    (d / "b.txt").write_text(examples_text[:3000], encoding="utf-8")
    lines = [{"id": f"doc{i}", "text": para} for i, para in enumerate(examples_text.split("\n")[:400])]
    (d / "news.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                  encoding="utf-8")
    return d


def cli(*args: str) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "figs", "extract", *args, "-f", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def read_jsonl(files) -> list[dict]:
    return [json.loads(line) for f in files for line in open(f, encoding="utf-8")]


def test_files_on_a_cluster_equal_the_cli(client, corpus, tmp_path):
    records = figs.dask.extract_files(str(corpus / "*.txt"))
    files = figs.dask.to_jsonl(records, str(tmp_path / "out"))
    assert len(files) == 2
    expected = cli(str(corpus / "a.txt"), str(corpus / "b.txt"))
    assert read_jsonl(files) == expected and len(expected) > 150
    # Every partition ends with a newline: the files put together are JSON Lines.
    assert all(open(f, encoding="utf-8").read().endswith("}\n") for f in files)
    joined = "".join(open(f, encoding="utf-8").read() for f in files)
    assert [json.loads(line) for line in joined.splitlines()] == expected


def test_jsonl_corpus_on_a_cluster_to_parquet(client, corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    records = figs.dask.extract_files([str(corpus / "news.jsonl")], jsonl_field="text", id_field="id")
    figs.dask.to_parquet(records, str(tmp_path / "pq"))
    frame = pd.read_parquet(tmp_path / "pq")
    expected = cli(str(corpus / "news.jsonl"), "--jsonl-field", "text", "--id-field", "id")
    assert len(frame) == len(expected) > 50
    got = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for row, want in zip(got, expected):
        want = dict(want, value=float(want["value"]),
                    upper=None if want["upper"] is None else float(want["upper"]))
        assert row == want


def test_a_bag_of_documents(client, corpus):
    docs = [json.loads(line) for line in open(corpus / "news.jsonl", encoding="utf-8")]
    bag = db.from_sequence(docs, npartitions=4)
    got = figs.dask.extract_bag(bag).compute()
    assert got == cli(str(corpus / "news.jsonl"), "--jsonl-field", "text", "--id-field", "id")


def test_errors_raise_or_are_skipped(client, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "员工15人。"}\nnope\n', encoding="utf-8")
    with pytest.raises(figs.errors.FigsError, match="line 2: not valid JSON"):
        figs.dask.extract_files(str(path), jsonl_field="text").compute()
    skipped = figs.dask.extract_files(str(path), jsonl_field="text", on_error="skip").compute()
    assert [r["text"] for r in skipped] == ["15人"]
