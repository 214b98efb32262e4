"""Large regular expressions compiled once per installation, not once per run.

The standard library's `re` compiles a pattern in Python (parse, then generate the
matcher's code) and hands the code to its C engine.  For the span pattern of
`figs.spans`, thousands of characters long, that is a fifth of a run's start-up.
`compile` keeps the generated code in the package's ``__pycache__`` folder, as
Python keeps bytecode there: the next run reads it and hands it straight to the
engine.  The result is the same pattern object (`re` compares patterns by their
code, and the tests check that they are equal).

The cache holds the pattern, its flags and the Python version beside the code, so a changed
pattern (a unit added to ``data/units.tsv``) or another Python compiles afresh.
A folder that cannot be written is no error (each run then compiles, as before),
and anything amiss with the cache file falls back to `re.compile`.  The cache is
written even under PYTHONDONTWRITEBYTECODE, which many containers set: it is one
small file a pattern, replaced in place, never a growing set.
"""
from __future__ import annotations

import marshal
import os
import re
import sys

try:  # Python 3.11 and later
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

import _sre

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")


def compile(pattern: str, flags: int = 0, name: str = "") -> re.Pattern:
    """`re.compile(pattern, flags)`, its code read from the cache file `name` when that
    holds this very pattern; else compiled, and the cache written for the next run."""
    if not name:
        return re.compile(pattern, flags)
    key = (sys.version, _sre.MAGIC, int(flags), pattern)
    path = os.path.join(_FOLDER, f"{name}.{sys.implementation.cache_tag}.re")
    try:
        with open(path, "rb") as f:
            stored_key, args = marshal.load(f)
        if stored_key == key:
            return _sre.compile(pattern, *args)
    except Exception:  # no cache yet, or one this Python cannot read
        pass
    args = _generate(pattern, flags)
    compiled = _sre.compile(pattern, *args)
    _write(path, key, args)
    return compiled


def _generate(pattern: str, flags: int) -> tuple:
    """The arguments `re` passes to its engine for `pattern` (what re._compiler.compile does)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # Plain ints (the code holds named int constants), so that marshal can store them.
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _write(path: str, key: tuple, args: tuple) -> None:
    """Write the cache file whole or not at all (another process may be reading it)."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump((key, args), f)
        os.replace(tmp, path)
    except (OSError, ValueError):  # a folder that cannot be written; a value marshal cannot store
        try:
            os.unlink(tmp)
        except OSError:
            pass
