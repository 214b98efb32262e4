"""The lexicon cache of `figs.segment`, as a user meets it.

A run reads only the words it looks up, from ``__pycache__/lexicon.marshal`` beside
the package; the first run (or one after a data file changed) builds the lexicon
and writes the cache.  These tests run figs from a copy of the installed package
(pure or compiled, whichever this Python imports) in real processes, and check
that whatever state the cache is in, the records are those of a fresh build.
"""
from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import figs
from figs import lexicon, patterns, segment

ARTICLE = "长春市奔跑兔商贸有限公司现有员工1150余人，配送网点15个，月单量突破百万。\n全省今年营业额增长8.5%。\n"

# A subprocess that says whether the lexicon came from the cache (not all built) and
# which class a few words have.
PROBE = """
import json, sys
from figs import lexicon, patterns, segment
words = sys.argv[1:]
classes = [segment.word_class(w) for w in words]
cut = [list(p) for p in segment.words("长春市奔跑兔商贸有限公司现有员工")]
print(json.dumps({"from_cache": not segment.LEXICON.loaded, "classes": classes, "cut": cut,
                  "file": segment.__file__}))
"""


@pytest.fixture
def package(tmp_path) -> Path:
    """A copy of the figs this Python imports (its compiled modules too), without
    any cache: the folder to put first on PYTHONPATH."""
    root = tmp_path / "site"
    source = Path(figs.__file__).parent
    shutil.copytree(source, root / "figs", ignore=shutil.ignore_patterns("__pycache__"))
    for lib in source.parent.glob("figs__mypyc*"):  # the compiled modules' shared library
        shutil.copy2(lib, root)
    return root


def cache_of(root: Path) -> Path:
    return root / "figs" / "__pycache__" / "lexicon.marshal"


def env(root: Path) -> dict:
    """The copy first on the path, and a user cache folder of its own (never the real one)."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(root)
    e["XDG_CACHE_HOME"] = str(root.parent / "user-cache")
    return e


def probe(root: Path, *words: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *words], env=env(root), capture_output=True,
                          text=True, check=True, cwd=root.parent)
    out = json.loads(done.stdout)
    assert Path(out["file"]).is_relative_to(root)  # the copy, not the installed figs
    return out


def extract(root: Path, article: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "figs", "extract", str(article), "-f", "jsonl"],
                            env=env(root), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=root.parent)


def records(root: Path, article: Path) -> bytes:
    out, err = extract(root, article).communicate()
    assert err == b""
    return out


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_the_first_run_writes_the_cache_and_the_next_reads_it(package, article):
    first = probe(package, "员工", "长春")
    assert not first["from_cache"] and cache_of(package).is_file()
    second = probe(package, "员工", "长春")
    assert second["from_cache"]
    assert second["classes"] == first["classes"] and second["cut"] == first["cut"]
    assert records(package, article) == records(package, article)


def test_every_word_read_from_the_cache_is_the_word_built(tmp_path, monkeypatch):
    """Each word's class, and the lengths by first and last two characters, the same
    from the cache as from the data files."""
    monkeypatch.setattr(patterns, "_FOLDER", str(tmp_path))
    monkeypatch.setattr(patterns, "_chosen", {})
    built = segment._Lexicon()
    built.open()  # no cache: builds, and writes one
    assert built.loaded and (tmp_path / "lexicon.marshal").is_file()
    cached = segment._Lexicon()
    cached.open()
    assert cached.opened and not cached.loaded and not cached.words
    for c in {w[-1] for w in built.words} | {w[0] for w in built.words}:
        cached.ensure_tail(c)
        cached.ensure_head(c)
    assert cached.words == built.words
    assert cached.end_lengths == built.end_lengths
    assert cached.head_lengths == built.head_lengths


@pytest.mark.parametrize("damage", [
    pytest.param(lambda b: b"", id="empty"),
    pytest.param(lambda b: b[:len(b) // 2], id="truncated"),
    pytest.param(lambda b: b"not marshal at all", id="garbage"),
    pytest.param(lambda b: b[:-100] + bytes(x ^ 0x55 for x in b[-100:]), id="bytes-flipped"),
])
def test_a_damaged_cache_is_built_afresh(package, article, damage):
    good = records(package, article)
    cache = cache_of(package)
    cache.write_bytes(damage(cache.read_bytes()))
    assert not probe(package, "员工")["from_cache"]  # built again …
    assert records(package, article) == good
    assert probe(package, "员工")["from_cache"]  # … and the cache written whole again


def test_an_edited_data_file_is_read_not_the_stale_cache(package):
    """A word's class corrected in the data: the next run has the new class."""
    before = probe(package, "上岗")
    assert before["classes"] == ["verb"] and probe(package, "上岗")["from_cache"]
    corrections = package / "figs" / "data" / "lexicon_corrections.tsv"
    text = corrections.read_text(encoding="utf-8")
    assert "上岗\tverb\t" in text
    corrections.write_text(text.replace("上岗\tverb\t", "上岗\tnoun\t"), encoding="utf-8")
    after = probe(package, "上岗")
    assert after["classes"] == ["noun"] and not after["from_cache"]
    assert probe(package, "上岗") == {**after, "from_cache": True}


def test_a_folder_where_no_cache_can_be_written_is_no_error(package, article):
    """__pycache__ that cannot be made (a file there): the same records, and the
    lexicon cached in the user's cache folder instead (figs.patterns.cache_path)."""
    good = records(package, article)
    shutil.rmtree(package / "figs" / "__pycache__")
    (package / "figs" / "__pycache__").write_text("a file, not a folder")
    assert records(package, article) == good
    assert probe(package, "员工")["from_cache"]
    assert list((package.parent / "user-cache").rglob("lexicon.marshal"))
    assert not list(package.glob("figs/*.tmp"))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes a read-only folder anyway")
def test_a_read_only_package_folder_is_no_error(package, article):
    good = records(package, article)
    shutil.rmtree(package / "figs" / "__pycache__")
    os.chmod(package / "figs", 0o555)
    try:
        assert records(package, article) == good
        assert not (package / "figs" / "__pycache__").exists()
    finally:
        os.chmod(package / "figs", 0o755)


def test_two_processes_starting_at_once_both_build_and_agree(package, article):
    good_cut = probe(package, "员工")["cut"]
    shutil.rmtree(package / "figs" / "__pycache__")
    runs = [extract(package, article) for _ in range(4)]
    outs = [r.communicate() for r in runs]
    assert all(r.returncode == 0 for r in runs) and all(err == b"" for _, err in outs)
    assert len({out for out, _ in outs}) == 1 and outs[0][0].count(b"\n") >= 4
    after = probe(package, "员工")
    assert after["from_cache"] and after["cut"] == good_cut
    assert not list((package / "figs" / "__pycache__").glob("*.tmp"))


# The tables of figs.lexicon (units, numerals, word lists …), kept in tables.marshal.

def test_the_tables_read_back_are_the_tables_read():
    from figs import lexicon

    texts = {name: lexicon.data_text(name) for name in lexicon._SOURCES}
    fresh = lexicon._load(texts)
    back = lexicon._from_plain(marshal.loads(marshal.dumps(lexicon._plain(fresh))))
    assert back == fresh
    for a, b in zip(back, fresh):
        assert type(a) is type(b)  # the same kinds of table, mappings in the same order
        assert isinstance(a, frozenset) or list(a) == list(b)
    assert [type(v) for v in back[2].values()] == [lexicon.Unit] * len(fresh[2])
    assert (lexicon.NUMERALS, lexicon.UNITS, lexicon.WORDS, lexicon.SUBUNITS) == (fresh[0], fresh[2], fresh[4], fresh[7])


TABLES_PROBE = "import figs.lexicon as l; print(l.UNITS['元'].kind, l.UNITS['元'].currency)"


def tables(root: Path) -> str:
    return subprocess.run([sys.executable, "-c", TABLES_PROBE], env=env(root), capture_output=True, text=True,
                          check=True, cwd=root.parent).stdout.strip()


def test_an_edited_data_file_is_read_not_the_stale_tables(package):
    assert tables(package) == tables(package) == "money CNY"
    assert (package / "figs" / "__pycache__" / "tables.marshal").is_file()
    units = package / "figs" / "data" / "units.tsv"
    text = units.read_text(encoding="utf-8")
    assert "\n元\tmoney\tCNY\t" in text
    units.write_text(text.replace("\n元\tmoney\tCNY\t", "\n元\tmoney\tUSD\t"), encoding="utf-8")
    assert tables(package) == tables(package) == "money USD"


@pytest.mark.skipif(not lexicon.__file__.endswith(".py"), reason="the compiled module is no source to edit")
def test_an_edited_loader_makes_the_tables_afresh(package):
    """The tables cache is keyed by lexicon.py too: an edited loader (an editable
    install, a new build at the same place) is not served the old loader's tables."""
    tables(package)
    cache = package / "figs" / "__pycache__" / "tables.marshal"
    before = cache.read_bytes()
    tables(package)
    assert cache.read_bytes() == before  # unchanged sources: read, not written
    with open(package / "figs" / "lexicon.py", "a", encoding="utf-8") as f:
        f.write("\n# an edit\n")
    assert tables(package) == "money CNY"
    assert cache.read_bytes() != before


def test_damaged_tables_are_read_afresh(package):
    good = tables(package)
    cache = package / "figs" / "__pycache__" / "tables.marshal"
    cache.write_bytes(cache.read_bytes()[:100])
    assert tables(package) == good
    assert tables(package) == good and len(cache.read_bytes()) > 1000  # written whole again


def test_a_package_folder_that_cannot_be_written_keeps_the_lexicon_in_the_users_cache(tmp_path, monkeypatch):
    """A read-only install (no __pycache__ can be made beside the modules) keeps its
    lexicon cache in the user's cache folder, as the pattern cache does, instead of
    building the lexicon again on every run."""
    (tmp_path / "file").write_text("")
    monkeypatch.setattr(patterns, "_FOLDER", str(tmp_path / "file" / "__pycache__"))
    monkeypatch.setattr(patterns, "_chosen", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    built = segment._Lexicon()
    built.open()
    assert built.loaded
    assert [p.name for p in (tmp_path / "user").rglob("*.marshal")] == ["lexicon.marshal"]
    cached = segment._Lexicon()
    cached.open()
    assert cached.opened and not cached.loaded
