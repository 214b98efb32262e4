"""A JSON Lines document of any length is read in bounded memory (figs.jsonl), and
gives the text, the name and the errors that json.loads gives on a short line."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from figs.errors import InputError
from figs.inputs import jsonl_documents

TEXT = "长春市奔跑兔商贸有限公司现有员工1150余人，配送网点15个。\n会员资产总价值达600多亿元。"

# name: one JSON line (shapes a long line may have)
LINES = {
    "plain": json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False),
    "\\u escapes (json.dumps' default)": json.dumps({"id": "a", "text": TEXT}),
    "id after the text": json.dumps({"text": TEXT, "meta": {"x": [1, 2.5e3, None, True]}, "id": 7}),
    "paragraphs as a list": json.dumps({"id": "b", "text": TEXT.split("\n") * 3}, ensure_ascii=False),
    "an empty list": json.dumps({"id": "b", "text": []}),
    "escapes of every kind": json.dumps({"id": "c", "text": 'a"b\\c/\b\f\n\r\t\u00e9😀\r\n\rx' + TEXT}),
    "surrogate pairs, escaped": json.dumps({"id": "c", "text": "😀" * 50}),
    "the key repeated: the last wins": '{"text": "旧的3人。", "id": "d", "text": "新的5人。"}',
    "a key escaped": '{"\\u0074ext": "共有8人。", "id": "e"}',
    "white space everywhere": ' { "id" : "f" ,\t"text" :\r "共9人。" } ',
    "a CRLF line end": json.dumps({"id": "g", "text": TEXT}) + "\r",
}

# name: (a bad line, the start of what the message says)
BAD = {
    "not an object": ("[1, 2]", "no field 'text'"),
    "no text field": ('{"id": "a", "body": "x"}', "no field 'text'"),
    "a number for text": ('{"id": "a", "text": 5}', "no text in field 'text'"),
    "a list with a number": ('{"id": "a", "text": ["a", 5]}', "no text in field 'text'"),
    "no id": ('{"text": "x"}', "no field 'id'"),
    "an escaped lone surrogate": ('{"id": "a", "text": "x\\ud800y"}', "field 'text' holds an escaped lone surrogate"),
    "a lone surrogate in the id": ('{"id": "\\udc00", "text": "x"}', "field 'id' holds an escaped lone surrogate"),
    "unterminated string": ('{"id": "a", "text": "xy', "not valid JSON: unterminated string"),
    "extra data": ('{"id": "a", "text": "x"} 5', "not valid JSON: extra data"),
    "a bad escape": ('{"id": "a", "text": "\\q"}', "not valid JSON: invalid \\escape"),
    "a missing colon": ('{"id" "a"}', "not valid JSON: expecting ':'"),
    "an unclosed object": ('{"id": "a", "text": "x"', "not valid JSON"),
    "100k brackets": ("[" * 100_000, "not valid JSON"),
    "a missing value": ('{"id": , "text": "x"}', "not valid JSON: expecting"),
    "a list for the id": ('{"id": [1], "text": "x"}', "field 'id' holds a list, not a name"),
    "an object for the id": ('{"text": "x", "id": {"a": 1}}', "field 'id' holds an object, not a name"),
    "true for the id": ('{"id": true, "text": "x"}', "field 'id' holds a boolean, not a name"),
}


def read(line: str | bytes, line_bytes: int, id_field: str | None = "id"):
    data = line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")
    out = []
    for doc in jsonl_documents(io.BytesIO(data + b"\n" + b'{"id": "z", "text": "x"}\n'), "f", "text", id_field,
                               line_bytes=line_bytes):
        if isinstance(doc, InputError):
            out.append(str(doc))
        else:
            source, blocks = doc
            blocks = list(blocks)
            out.append((source, "".join(t for t, _ in blocks), sum(n for _, n in blocks)))
    return out


@pytest.mark.parametrize("line_bytes", [8, 64])
@pytest.mark.parametrize("name", LINES, ids=list(LINES))
def test_a_long_line_reads_as_a_short_one(name, line_bytes):
    short = read(LINES[name], 1 << 20)
    assert isinstance(short[0], tuple), short
    assert read(LINES[name], line_bytes) == short


@pytest.mark.parametrize("line_bytes", [8, 1 << 20])
@pytest.mark.parametrize("name", BAD, ids=list(BAD))
def test_a_bad_line_gives_one_error_and_the_next_is_read(name, line_bytes):
    line, message = BAD[name]
    got = read(line, line_bytes)
    assert len(got) == 2 and got[1] == ("z", "x", len(b'{"id": "z", "text": "x"}\n'))
    assert isinstance(got[0], str) and got[0].startswith(f"f: line 1: {message}"), got[0]


def test_bytes_not_utf8_in_a_long_line():
    (error, _) = read(b'{"id": "a", "text": "ab\xffc"}', 8)
    assert error == "f: line 1: not valid UTF-8 (byte 23 of the line)"


def test_a_long_document_from_the_command_line(tmp_path, examples_text):
    """Past figs.jsonl.LINE_BYTES: the records of the same text read as a .txt file."""
    text = examples_text * 12  # about 3 MB of UTF-8
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc.jsonl").write_text(json.dumps({"text": text, "id": "doc"}) + "\n", encoding="utf-8")
    txt = subprocess.run([sys.executable, "-m", "figs", "extract", "doc.txt", "-f", "jsonl", "-j", "1"],
                         capture_output=True, text=True, cwd=tmp_path)
    doc = subprocess.run([sys.executable, "-m", "figs", "extract", "doc.jsonl", "--jsonl-field", "text",
                          "--id-field", "id", "-f", "jsonl", "-j", "2"], capture_output=True, text=True, cwd=tmp_path)
    assert doc.returncode == txt.returncode == 0, doc.stderr
    assert txt.stdout.count("\n") > 3000
    assert doc.stdout == txt.stdout.replace('"source": "doc.txt"', '"source": "doc"')


def test_ids_are_named_as_json_writes_them(tmp_path):
    """A string id as it is, a number as JSON writes it; true, a list or an object is
    no name (Python's True or {'a': 1} is in no JSON): one line each, the rest read."""
    lines = [{"id": "a", "text": "员工5人。"}, {"id": 7, "text": "员工6人。"}, {"id": 2.5, "text": "员工7人。"},
             {"id": True, "text": "员工8人。"}, {"id": {"a": 1}, "text": "员工9人。"}]
    (tmp_path / "ids.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "figs", "extract", "ids.jsonl", "--jsonl-field", "text",
                             "--id-field", "id", "-f", "jsonl"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == ["a", "7", "2.5"]
    assert result.stderr.splitlines() == [
        "figs: ids.jsonl: line 4: field 'id' holds a boolean, not a name (a string or a number)",
        "figs: ids.jsonl: line 5: field 'id' holds an object, not a name (a string or a number)"]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "wait4"), reason="wait4")
def test_a_20_mb_document_in_bounded_memory(tmp_path, examples_text):
    """Memory stays flat: a 20 MB JSON Lines document and an 8 MB line with no full
    stop each peak under 150 MB (bench/memory.py measures 200 MB)."""
    line = examples_text.replace("\n", "")
    with open(tmp_path / "doc.jsonl", "w", encoding="utf-8") as f:
        f.write('{"text": "' + json.dumps(line, ensure_ascii=False)[1:-1] * 150 + '", "id": 1}\n')
    with open(tmp_path / "line.txt", "w", encoding="utf-8") as f:
        f.write(line.replace("。", "，") * 60)
    for args in (["doc.jsonl", "--jsonl-field", "text", "--id-field", "id"], ["line.txt"]):
        proc = subprocess.Popen([sys.executable, "-m", "figs", "extract", *args, "-f", "jsonl", "-j", "1"],
                                stdout=subprocess.PIPE, cwd=tmp_path)
        records = sum(1 for _ in proc.stdout)
        _, status, usage = os.wait4(proc.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert records > 20_000
        assert usage.ru_maxrss / 1024 < 150, (args, usage.ru_maxrss)


def test_an_empty_field_name_is_a_field_name(tmp_path):
    """--jsonl-field "" names the field "" (JSON allows it); it used to be taken for no
    option at all, and a file not named .jsonl was then read as prose, braces and all."""
    (tmp_path / "docs.data").write_text('{"": "员工5人。", "id": "a"}\n{"text": "员工6人。"}\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "figs", "extract", "docs.data", "--jsonl-field", "",
                             "-f", "jsonl"], capture_output=True, text=True, cwd=tmp_path)
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == ["docs.data:1"]
    assert result.stderr == "figs: docs.data: line 2: no field ''\n" and result.returncode == 2


@pytest.mark.parametrize("line_bytes", [8, 1 << 20])
def test_a_byte_order_mark_before_the_first_line_is_dropped(line_bytes):
    source, text, _ = read(b"\xef\xbb\xbf" + LINES["plain"].encode(), line_bytes)[0]
    assert (source, text) == read(LINES["plain"], 1 << 20)[0][:2]


def extract_jsonl(tmp_path, name: str, data: bytes, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / name).write_bytes(data)
    return subprocess.run([sys.executable, "-m", "figs", "extract", name, *args, "-f", "csv"],
                          capture_output=True, text=True, cwd=tmp_path)


DOCS = '{"text": "员工5人。"}\n{"text": "员工6人。"}\n'
# name: (the file's bytes, the one line figs says of it, with and without --jsonl-field text)
ODD_FILES = {
    "UTF-16": (DOCS.encode("utf-16"), "JSON Lines in UTF-16 or UTF-32: figs reads JSON Lines as UTF-8"),
    "UTF-32": (DOCS.encode("utf-32"), "JSON Lines in UTF-16 or UTF-32: figs reads JSON Lines as UTF-8"),
    "GB18030": (DOCS.encode("gb18030"), "line 1: not valid UTF-8 (byte 12 of the line)"),
    "prose": ("员工5人。\n员工6人。\n".encode(), "line 1: not valid JSON: expecting value at column 1"),
}


@pytest.mark.parametrize("given", [[], ["--jsonl-field", "text"]], ids=["by-name", "jsonl-field"])
@pytest.mark.parametrize("name", ODD_FILES, ids=list(ODD_FILES))
def test_a_jsonl_file_not_in_utf8_json_says_so(tmp_path, name, given):
    """Not a record read as whatever json.loads guesses (UTF-16's first line whole,
    the rest garbage), nor 'no field text' for a file whose lines are not JSON."""
    data, message = ODD_FILES[name]
    result = extract_jsonl(tmp_path, "news.jsonl", data, *given)
    # no input was read, so not even a header: nothing on stdout, as csvkit does
    assert result.returncode == 2 and result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"figs: news.jsonl: {message}"), result.stderr
    if not given or name.startswith("UTF"):
        assert result.stderr == first + "\n"  # one line for the file, not one a line


@pytest.mark.parametrize("data", [b"", b"\n\n"], ids=["empty", "blank-lines"])
def test_an_empty_jsonl_file_is_no_error(tmp_path, data):
    result = extract_jsonl(tmp_path, "news.jsonl", data)
    assert (result.returncode, result.stderr, result.stdout.count("\n")) == (0, "", 1)
