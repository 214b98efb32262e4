"""Markdown and the table size their columns over blocks of rows, never the whole run:
memory stays bounded however many figures a run has (a terminal shows a table by
default, so a long run on one would otherwise grow without end)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from wcwidth import wcswidth

from figs.render import BLOCK_ROWS

FIGS = [sys.executable, "-m", "figs", "extract", "-j", "1"]


def _article(path, lines: int) -> None:
    """`lines` lines of three figures each; the numbers grow, so the columns widen."""
    path.write_text("".join(f"第{i}段：公司现有员工{i + 10}余人，配送网点{i % 97 + 2}个，销售额达{i + 3}.5亿元。\n"
                            for i in range(lines)), encoding="utf-8")


def _peak_kb(args, env=None) -> int:
    """The peak resident memory of a figs process (its own, through wait4)."""
    p = subprocess.Popen([*FIGS, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env={**os.environ, "COLUMNS": "200", **(env or {})})
    _, status, usage = os.wait4(p.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, p.stderr.read()
    return usage.ru_maxrss


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_memory_does_not_grow_with_the_rows(tmp_path, fmt):
    # 18,000 rows: held whole, they cost some 60 MB more than CSV, which streams.
    src = tmp_path / "long.txt"
    _article(src, 6000)
    csv_kb = _peak_kb([src, "-f", "csv"])
    assert _peak_kb([src, "-f", fmt]) < csv_kb + 25_000


def test_markdown_is_one_table_its_rows_padded_per_block(tmp_path):
    src = tmp_path / "a.txt"
    _article(src, BLOCK_ROWS)  # 3 × BLOCK_ROWS rows: three blocks
    text = subprocess.run([*FIGS, src, "-f", "markdown"], capture_output=True, check=True).stdout.decode()
    lines = text.splitlines()
    assert len(lines) == 2 + 3 * BLOCK_ROWS  # one header, one separator, every row
    assert sum(line.startswith("|--") for line in lines) == 1
    bars = {line.replace("\\|", "").count("|") for line in lines}
    assert bars == {lines[0].count("|")}
    # In a block, the bars line up; the last block's numbers are wider than the first's.
    first, last = lines[2:2 + BLOCK_ROWS], lines[-BLOCK_ROWS:]
    assert len({wcswidth(line) for line in first}) == 1
    assert wcswidth(last[-1]) > wcswidth(first[0])


def test_table_blocks_keep_the_title_once_and_every_row(tmp_path):
    src = tmp_path / "a.txt"
    _article(src, BLOCK_ROWS)
    result = subprocess.run([*FIGS, src.name, "-f", "table"], capture_output=True, check=True, cwd=tmp_path,
                            env={**os.environ, "COLUMNS": "200"})
    text = result.stdout.decode()
    assert text.count("a.txt") == 1  # the title, over the first block only
    assert text.count("┏") == 3  # one table a block
    assert sum(line.startswith("│") for line in text.splitlines()) == 3 * BLOCK_ROWS


def test_table_of_several_sources_says_where(tmp_path):
    (tmp_path / "a.txt").write_text("公司员工15人。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("公司员工16人。\n", encoding="utf-8")
    text = subprocess.run([*FIGS, "a.txt", "b.txt", "-f", "table"], capture_output=True, check=True,
                          cwd=tmp_path, env={**os.environ, "COLUMNS": "200"}).stdout.decode()
    assert "where" in text and "a.txt:1" in text and "b.txt:1" in text and text.count("┏") == 1
