"""The cache of the code figs' imports compile (`figs.codecache`): the methods
`dataclasses` writes and the `regex` patterns.  A second process compiles none of
it, the code read back is the code compiled (a pattern read back matches as the one
`regex` compiles), and a cache that is damaged, of another Python or in a folder that
cannot be written is no error.  Real processes, each importing figs afresh."""
from __future__ import annotations

import dataclasses
import json
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import figs
from figs import codecache, patterns

PROBE = ("import figs.cli, figs.codecache as c, figs.model as m; "
         "print(len(c.compiled), len(c._used), repr(m.Figure.__init__.__code__.co_varnames[:3]))")


@pytest.fixture
def package(tmp_path) -> Path:
    """A copy of the figs this Python imports, without its __pycache__."""
    root = tmp_path / "site"
    source = Path(figs.__file__).parent
    shutil.copytree(source, root / "figs", ignore=shutil.ignore_patterns("__pycache__"))
    for lib in source.parent.glob("figs__mypyc*"):
        shutil.copy2(lib, root)
    return root


def env(root: Path) -> dict:
    """The copy first on the path, and a user cache folder of its own (never the real one)."""
    return {**os.environ, "PYTHONPATH": str(root), "XDG_CACHE_HOME": str(root.parent / "user-cache")}


def probe(root: Path, wrap: tuple[str, ...] = ()) -> tuple[int, int, str]:
    out = subprocess.run([*wrap, sys.executable, "-c", PROBE], env=env(root), capture_output=True, text=True,
                         check=True, cwd=root.parent).stdout.split(maxsplit=2)
    return int(out[0]), int(out[1]), out[2].strip()


def cache_file(root: Path) -> Path:
    return root / "figs" / "__pycache__" / f"dataclasses.{sys.implementation.cache_tag}.marshal"


def test_the_second_process_compiles_nothing(package):
    compiled, used, names = probe(package)
    assert compiled == used > 20 and cache_file(package).is_file()
    again = probe(package)
    # (it may use fewer: the first also compiled the patterns that reading the data
    # files takes, which the next reads from its own cache, figs.lexicon's)
    assert again[0] == 0 and 20 < again[1] <= used and again[2] == names


def test_the_code_read_back_is_the_code_compiled(package):
    probe(package)
    key, codes = marshal.loads(cache_file(package).read_bytes())
    assert key == sys.version and codes
    sources = [k for k in codes if isinstance(k, str)]
    assert len(sources) > 20
    for source in sources:
        assert codes[source] == compile(source, "<string>", "exec", dont_inherit=True)
    assert len(codes) - len(sources) > 10  # the regex patterns


# Patterns of figs' modules compiled at import, and texts to match them on.
TEXTS = ["全国共有１２３万人参加，比上年增长8.5%。", "【本报讯】记者：今年营业额3.5亿元", "时速达350公里",
         "一百二十三点五万", "比去年同期减少三成", "1,234.5万元与2/3", "abc 中文 123", "", "\n\n字\n"]


def test_a_pattern_read_back_matches_as_regex_compiles_it(package):
    probe(package)  # the cache written
    code = ("import json, figs.cli, figs.claims as c, figs.numbers as n, figs.sentences as s, figs.codecache as k\n"
            "import regex\n"
            "pats = [v for m in (c, n, s) for v in vars(m).values() if isinstance(v, regex.Pattern)]\n"
            "texts = json.loads(%r)\n"
            "out = []\n"
            "for p in pats:\n"
            "    fresh = regex.compile(p.pattern, p.flags)\n"
            "    assert fresh is not p and fresh.groupindex == p.groupindex, p.pattern\n"
            "    for t in texts:\n"
            "        assert [m.span() for m in p.finditer(t)] == [m.span() for m in fresh.finditer(t)], p.pattern\n"
            "        assert [m.groups() for m in p.finditer(t)] == [m.groups() for m in fresh.finditer(t)], p.pattern\n"
            "print(len(k.compiled), len(pats))\n") % json.dumps(TEXTS)
    out = subprocess.run([sys.executable, "-c", code], env=env(package), capture_output=True, text=True,
                         check=True, cwd=package.parent).stdout.split()
    assert out[0] == "0" and int(out[1]) > 10  # all read from the cache, and all match the same


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps(("2.7.18", {})), marshal.dumps(7)],
                         ids=["empty", "garbage", "other-python", "not-a-cache"])
def test_a_broken_cache_is_compiled_afresh_and_rewritten(package, content):
    probe(package)
    _, used, names = probe(package)  # (as every run after the first: see above)
    cache_file(package).write_bytes(content)
    assert probe(package) == (used, used, names)
    assert probe(package) == (0, used, names)


def user_caches(root: Path) -> list[Path]:
    return sorted((root.parent / "user-cache" / "figs").glob("*/*"))


def test_a_package_folder_that_cannot_be_written_keeps_its_cache_in_the_users(package):
    (package / "figs" / "__pycache__").write_text("a file, not a folder")
    first = probe(package)
    assert first[0] == first[1] > 20
    again = probe(package)
    assert again[0] == 0 and 20 < again[1] <= first[1]  # read back from the user's cache folder
    names = [p.name for p in user_caches(package)]
    assert cache_file(package).name in names and f"shared.{sys.implementation.cache_tag}.re" in names


def test_no_folder_that_can_be_written_is_no_error(package):
    (package / "figs" / "__pycache__").write_text("a file, not a folder")
    (package.parent / "user-cache").write_text("a file, not a folder")
    first = probe(package)
    assert first[0] == first[1] > 20
    assert probe(package) == first  # compiled again each time, and no error


READ_ONLY = ("unshare", "--mount", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"')


def read_only(folder: Path) -> tuple[str, ...]:
    """A command prefix that runs a command with `folder` mounted read-only, as a
    site-packages on a read-only file system is; () where this system cannot."""
    try:
        done = subprocess.run([*READ_ONLY, str(folder), "sh", "-c", f"! touch {folder}/probe 2>/dev/null"],
                              capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return (*READ_ONLY, str(folder)) if done.returncode == 0 else ()


def test_a_read_only_install_builds_its_caches_once(package, tmp_path):
    """A copy of figs never run, on a read-only mount: the first run builds the caches
    into the user's cache folder, the next reads them, and both extract the same."""
    wrap = read_only(package)
    if not wrap:
        pytest.skip("no read-only mount on this system (needs unshare and mount)")
    article = tmp_path / "a.txt"
    article.write_text("全国共有１２３万人参加，比上年增长8.5%。\n", encoding="utf-8")

    def run() -> bytes:
        return subprocess.run([*wrap, sys.executable, "-m", "figs", "extract", str(article), "-f", "jsonl"],
                              env=env(package), capture_output=True, check=True, cwd=package.parent).stdout

    first = run()
    assert not (package / "figs" / "__pycache__").exists()
    assert first.count(b"\n") == 2 and run() == first
    assert probe(package, wrap)[0] == 0  # nothing compiled: all read from the user's folder
    assert cache_file(package).name in [p.name for p in user_caches(package)]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """figs' caches in `tmp_path`, as if never written."""
    monkeypatch.setattr(patterns, "_FOLDER", str(tmp_path))
    monkeypatch.setattr(patterns, "_chosen", {})
    return tmp_path


def test_the_block_leaves_dataclasses_as_it_found_it(folder, monkeypatch):
    tmp_path = folder
    monkeypatch.setattr(codecache, "_codes", None)
    monkeypatch.setattr(codecache, "_used", {})
    with codecache.cached():
        assert "exec" in vars(dataclasses)

        @dataclasses.dataclass(frozen=True)
        class Point:
            x: int
            y: int = 2
    assert "exec" not in vars(dataclasses)
    assert Point(1) == Point(1, 2) and repr(Point(1)).endswith("Point(x=1, y=2)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Point(1).x = 3  # type: ignore[misc]
    assert list(tmp_path.glob("dataclasses.*.marshal"))


def test_after_the_block_regex_compiles_as_before(folder, monkeypatch):
    import regex
    import regex._main

    monkeypatch.setattr(codecache, "_codes", None)
    monkeypatch.setattr(codecache, "_used", {})
    before = regex._main._compile
    with codecache.cached():
        inside = regex.compile(r"\p{Han}{2}(?=[0-9])")
        assert regex._main._compile is not before
    assert regex._main._compile is before
    assert [m.group() for m in inside.finditer("中文12英文ab数字3")] == ["中文", "数字"]


@pytest.mark.parametrize("source", [r"(?P<n>[0-9]+) ?(元|人)?$", rb"^[ \t]*#.*coding[:=]\s*([-\w.]+)"],
                         ids=["str", "bytes"])
def test_a_re_pattern_read_back_is_the_one_re_compiles(folder, monkeypatch, source):
    import re

    monkeypatch.setattr(codecache, "_codes", None)
    monkeypatch.setattr(codecache, "_used", {})
    monkeypatch.setattr(codecache, "compiled", [])
    before = patterns._compiler.compile
    re.purge()  # (re keeps the patterns it compiled: the block would not see this one)
    with codecache.cached():
        first = re.compile(source, re.IGNORECASE)
    assert patterns._compiler.compile is before and codecache.compiled == [source]
    codecache._codes = None  # as a new process: read from the file
    re.purge()
    with codecache.cached():
        second = re.compile(source, re.IGNORECASE)
    assert codecache.compiled == [source]  # not compiled again
    re.purge()
    fresh = re.compile(source, re.IGNORECASE)
    # re compares patterns by flags, source and generated code.
    assert first == second == fresh and second.groupindex == fresh.groupindex
