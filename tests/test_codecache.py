"""The cache of the code `dataclasses` compiles for figs' classes (`figs.codecache`):
a second process compiles none of it, the code read back is the code compiled, and a
cache that is damaged, of another Python or in a folder that cannot be written is
no error.  Real processes, each importing figs afresh."""
from __future__ import annotations

import dataclasses
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import figs
from figs import codecache

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


def probe(root: Path) -> tuple[int, int, str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         check=True, cwd=root.parent).stdout.split(maxsplit=2)
    return int(out[0]), int(out[1]), out[2].strip()


def cache_file(root: Path) -> Path:
    return root / "figs" / "__pycache__" / f"dataclasses.{sys.implementation.cache_tag}.marshal"


def test_the_second_process_compiles_nothing(package):
    compiled, used, names = probe(package)
    assert compiled == used > 20 and cache_file(package).is_file()
    again = probe(package)
    assert again == (0, used, names)


def test_the_code_read_back_is_the_code_compiled(package):
    probe(package)
    key, codes = marshal.loads(cache_file(package).read_bytes())
    assert key == sys.version and codes
    for source, code in codes.items():
        assert code == compile(source, "<string>", "exec", dont_inherit=True)


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps(("2.7.18", {})), marshal.dumps(7)],
                         ids=["empty", "garbage", "other-python", "not-a-cache"])
def test_a_broken_cache_is_compiled_afresh_and_rewritten(package, content):
    _, used, names = probe(package)
    cache_file(package).write_bytes(content)
    assert probe(package) == (used, used, names)
    assert probe(package) == (0, used, names)


def test_a_folder_that_cannot_be_written_is_no_error(package):
    (package / "figs" / "__pycache__").write_text("a file, not a folder")
    first = probe(package)
    assert first[0] == first[1] > 20
    assert probe(package) == first  # compiled again each time, and no error


def test_the_block_leaves_dataclasses_as_it_found_it(tmp_path, monkeypatch):
    monkeypatch.setattr(codecache, "_FOLDER", str(tmp_path))
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
