"""The pattern cache (`figs.patterns`): the pattern read back is the one `re` compiles,
and a cache that does not hold this very pattern is never used."""
from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest

from figs import patterns, spans

SOURCE = r"(?P<n>[0-9]+) (?P<unit> 元 | 人 )?"
FLAGS = re.VERBOSE


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "_FOLDER", str(tmp_path))
    monkeypatch.setattr(patterns, "_chosen", {})
    return tmp_path


def test_written_then_read_back_the_same(folder):
    first = patterns.compile(SOURCE, FLAGS, name="t")
    assert list(folder.glob("t.*.re"))
    second = patterns.compile(SOURCE, FLAGS, name="t")
    expected = re.compile(SOURCE, FLAGS)
    # re compares patterns by flags, source and generated code.
    assert first == expected and second == expected
    assert second.groupindex == expected.groupindex
    m = second.search("共15人")
    assert (m.group("n"), m.group("unit")) == ("15", "人")


@pytest.mark.parametrize("other", [
    pytest.param((SOURCE.replace("元", "美元"), FLAGS), id="pattern-changed"),
    pytest.param((SOURCE, FLAGS | re.IGNORECASE), id="flags-changed"),
])
def test_a_cache_of_another_pattern_is_not_used(folder, other):
    patterns.compile(SOURCE, FLAGS, name="t")
    source, flags = other
    assert patterns.compile(source, flags, name="t") == re.compile(source, flags)
    assert patterns.compile(source, flags, name="t") == re.compile(source, flags)


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xe9" * 40], ids=["empty", "garbage", "binary"])
def test_a_broken_cache_file_is_compiled_afresh(folder, content):
    patterns.compile(SOURCE, FLAGS, name="t")
    (cache,) = folder.glob("t.*.re")
    cache.write_bytes(content)
    assert patterns.compile(SOURCE, FLAGS, name="t") == re.compile(SOURCE, FLAGS)


def test_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "_FOLDER", str(tmp_path / "file" / "below"))
    monkeypatch.setattr(patterns, "_chosen", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file" / "too"))
    (tmp_path / "file").write_text("a file, not a folder")
    assert patterns.compile(SOURCE, FLAGS, name="t") == re.compile(SOURCE, FLAGS)


def test_a_package_folder_that_cannot_be_written_has_its_caches_in_the_users(tmp_path, monkeypatch):
    """One folder for all of figs' caches: the package's __pycache__, else one of the
    user's cache folder for this copy of the package."""
    package = tmp_path / "site" / "figs" / "__pycache__"
    package.parent.mkdir(parents=True)
    monkeypatch.setattr(patterns, "_FOLDER", str(package))
    monkeypatch.setattr(patterns, "_chosen", {})
    assert patterns.cache_path("x.re") == str(package / "x.re")
    package.rmdir()
    package.write_text("a file, not a folder")
    monkeypatch.setattr(patterns, "_chosen", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    user = patterns.cache_path("x.re")
    assert user.startswith(str(tmp_path / "user" / "figs")) and user.endswith("x.re")
    assert patterns.compile(SOURCE, FLAGS, name="t") == re.compile(SOURCE, FLAGS)
    assert list((tmp_path / "user" / "figs").glob("*/t.*.re"))
    monkeypatch.setattr(patterns, "_FOLDER", str(tmp_path / "other" / "__pycache__"))
    (tmp_path / "other").write_text("a file, not a folder")
    assert patterns.cache_path("x.re") != user  # another copy, another folder


def unwritable_package(tmp_path, monkeypatch) -> None:
    (tmp_path / "site").write_text("a file where the package's folder would be")
    monkeypatch.setattr(patterns, "_FOLDER", str(tmp_path / "site" / "__pycache__"))
    monkeypatch.setattr(patterns, "_chosen", {})


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes")
def test_the_users_cache_folder_is_private(tmp_path, monkeypatch):
    """figs runs code read from its caches: the user's folder is made 0700."""
    unwritable_package(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    folder = os.path.dirname(patterns.cache_path("x.re"))
    assert folder.startswith(str(tmp_path / "user" / "figs"))
    for path in (folder, os.path.dirname(folder)):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes")
@pytest.mark.parametrize("which", ["figs", "copy"])
def test_a_cache_folder_others_may_write_is_not_used(tmp_path, monkeypatch, which):
    """A shared HOME, or XDG_CACHE_HOME on a shared place: a folder that others may
    write could hold planted code, so figs caches nothing there."""
    unwritable_package(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    folder = os.path.dirname(patterns.cache_path("x.re"))
    os.chmod(folder if which == "copy" else os.path.dirname(folder), 0o777)
    monkeypatch.setattr(patterns, "_chosen", {})
    assert not patterns.cache_path("x.re").startswith(str(tmp_path / "user"))
    assert patterns.compile(SOURCE, FLAGS, name="t") == re.compile(SOURCE, FLAGS)
    assert not list((tmp_path / "user").rglob("t.*.re"))


def test_a_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch):
    """The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored (~/.cache)."""
    unwritable_package(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert patterns.cache_path("x.re").startswith(str(tmp_path / "home" / ".cache" / "figs"))


@pytest.mark.parametrize("dates", [False, True], ids=["no-dates", "dates"])
def test_the_span_pattern_is_the_one_re_compiles(dates):
    pattern = spans.span_pattern(dates)
    assert pattern == re.compile(pattern.pattern, re.VERBOSE)


def test_a_second_process_reads_the_cache_and_finds_the_same(tmp_path):
    """Two runs, the second from the cache the first wrote: the same records."""
    article = tmp_path / "a.txt"
    article.write_text("现有员工1150余人，配送网点15个，月单量突破百万。\n", encoding="utf-8")
    runs = [subprocess.run([sys.executable, "-m", "figs", "extract", str(article), "-f", "jsonl"],
                           capture_output=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1] and runs[0].count(b"\n") == 3


@pytest.fixture
def shared(folder, monkeypatch):
    """A fresh shared cache in `folder`, as at the start of a process."""
    monkeypatch.setattr(patterns, "_shared", None)
    monkeypatch.setattr(patterns, "_missed", [])
    monkeypatch.setattr(patterns.atexit, "register", lambda f: None)  # written by the test
    return folder


def test_shared_cache_written_then_read_back_the_same(shared, monkeypatch):
    first = patterns.compile(SOURCE, FLAGS)
    assert patterns._missed == [(int(FLAGS), SOURCE)]
    patterns._write_shared()
    assert list(shared.glob("shared.*.re"))
    monkeypatch.setattr(patterns, "_shared", None)
    monkeypatch.setattr(patterns, "_missed", [])
    second = patterns.compile(SOURCE, FLAGS)
    assert patterns._missed == []  # read from the file, not compiled
    assert first == second == re.compile(SOURCE, FLAGS)
    assert second.groupindex == re.compile(SOURCE, FLAGS).groupindex


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xe9" * 40], ids=["empty", "garbage", "binary"])
def test_a_broken_shared_cache_is_compiled_afresh(shared, content):
    (shared / f"shared.{sys.implementation.cache_tag}.re").write_bytes(content)
    assert patterns.compile(SOURCE, FLAGS) == re.compile(SOURCE, FLAGS)
    assert patterns._missed == [(int(FLAGS), SOURCE)]


def test_a_second_process_compiles_no_pattern(tmp_path):
    """Once a run has written the shared cache, the next compiles none of figs'
    module-level patterns: it reads them all."""
    code = ("import figs.cli, figs.patterns as p; import sys; "
            "sys.stdout.write(str(len(p._missed)) + ' ' + str(len(p._shared or ())))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    missed, held = map(int, runs[1].split())
    assert missed == 0 and held > 50
