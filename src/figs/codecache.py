"""The methods `dataclasses` writes for figs' classes, compiled once per installation.

``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` … as Python source and compiles it (``exec``): for
figs' dozen frozen dataclasses that is 25,000 characters of source, a tenth of a
short run's start-up.  While figs' modules are imported, `cached` hands
`dataclasses` an ``exec`` that keeps the compiled code in the package's
``__pycache__`` (``dataclasses.<python>.marshal``), as Python keeps a module's
bytecode there: the next run reads the code instead of compiling the source.  The
code is what ``exec`` would have compiled from the same source (same flags, same
file name), so the classes are the same.

The cache holds the Python version beside the code, and a code is used only for
its very source text; a cache file that is missing, damaged or of another Python is
ignored (the source is compiled, as without the cache), one that cannot be written
is no error.  It is written whole or not at all, and only when a run compiled
something it did not hold.
"""
from __future__ import annotations

import marshal
import os
import sys
from contextlib import contextmanager
from typing import Iterator

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
_KEY = sys.version
_codes: dict | None = None  # source text -> code; None until the file is read
_used: dict = {}  # the codes this process used: what the file is written with
compiled: list = []  # the sources this process compiled (not found in the cache)


def _path() -> str:
    return os.path.join(_FOLDER, f"dataclasses.{sys.implementation.cache_tag}.marshal")


def _read() -> dict:
    try:
        with open(_path(), "rb") as f:
            key, codes = marshal.loads(f.read())
        if key == _KEY and isinstance(codes, dict):
            return codes
    except Exception:  # no cache yet, a damaged one, or one this Python cannot read
        pass
    return {}


@contextmanager
def cached() -> Iterator[None]:
    """While in this block, the code `dataclasses` compiles comes from the cache."""
    import dataclasses

    global _codes
    if "exec" in vars(dataclasses) or not sys.implementation.cache_tag:
        yield  # already cached further up (or nowhere to keep the code)
        return
    if _codes is None:
        _codes = _read()
    codes, used = _codes, _used
    missed = []

    def cached_exec(source, globals=None, locals=None, /):
        if isinstance(source, str):
            code = codes.get(source)
            if code is None:
                # dont_inherit: the flags exec gives code from dataclasses.py (no __future__)
                code = codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
                missed.append(source)
                compiled.append(source)
            used[source] = code
            source = code
        return exec(source, globals, locals)

    dataclasses.exec = cached_exec  # type: ignore[attr-defined]  # found before the builtin
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        if missed:  # (only what this process used: the file never grows past figs' classes)
            _write(used)


def _write(codes: dict) -> None:
    """The cache file written whole or not at all (another process may be reading it)."""
    path = _path()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(_FOLDER, exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(marshal.dumps((_KEY, codes)))
        os.replace(tmp, path)
    except (OSError, ValueError):  # a folder that cannot be written; a value marshal cannot store
        try:
            os.unlink(tmp)
        except OSError:
            pass
