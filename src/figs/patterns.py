"""Regular expressions compiled once per installation, not once per run.

The standard library's `re` compiles a pattern in Python (parse, then generate the
matcher's code) and hands the code to its C engine.  For the span pattern of
`figs.spans`, thousands of characters long, that is a fifth of a run's start-up,
and the hundred smaller patterns of the other modules as much again.
`compile` keeps the generated code in figs' cache folder (`cache_path`: the
package's ``__pycache__``, as Python keeps bytecode there): the next run reads it
and hands it straight to the engine.  The result is the same pattern object (`re` compares patterns by their
code, and the tests check that they are equal).

A pattern with a `name` has a cache file of its own; the others share one
(``shared.<python>.re``), read at the first `compile` and written again when the
process ends if it compiled a pattern the file did not hold.

The cache holds the pattern, its flags and the Python version beside the code, so a changed
pattern (a unit added to ``data/units.tsv``) or another Python compiles afresh.
Anything amiss with the cache file falls back to `re.compile`.  The cache is
written even under PYTHONDONTWRITEBYTECODE, which many containers set: it is one
small file a pattern, replaced in place, never a growing set.

Where figs' caches live (`cache_path`, for all of them: these patterns, the code of
`figs.codecache`, the lexicon of `figs.segment`): the package's ``__pycache__``; or,
when the package is installed where this user cannot write (a read-only
site-packages, a system install), a folder of the user's cache directory
(``$XDG_CACHE_HOME/figs``, else ``~/.cache/figs``) named after the package's place, so
that such an install does not build its caches again at every run; that folder is used
only when it is this user's alone (mode 0700), since figs runs code it reads from it.  Where neither can
be written, each run builds what the caches would hold, as without them.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib

try:  # Python 3.11 and later
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

import _sre

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
_chosen: dict[str, str] = {}  # _FOLDER -> the folder the caches go to (decided once a process)


def cache_path(name: str) -> str:
    """The path of figs' cache file `name`: in the package's ``__pycache__`` where this
    process may write there, else in the user's cache directory (see the module's notes)."""
    folder = _chosen.get(_FOLDER)
    if folder is None:
        folder = _chosen[_FOLDER] = _FOLDER if _writable(_FOLDER) else _user_folder(_FOLDER)
    return os.path.join(folder, name)


def _writable(folder: str) -> bool:
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:  # a read-only file system, or a file where the folder would be
        return False
    return os.access(folder, os.W_OK)


def _user_folder(package_cache: str) -> str:
    """The user's cache folder for the package whose ``__pycache__`` is `package_cache`:
    one per installed copy (a pure and a compiled build side by side keep apart), made
    private to this user (`_private`); the package's own folder when there is no home
    to put it in, or the folder is not this user's alone."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative: the XDG spec says ignore it
        base = os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return package_cache
    folder = os.path.join(base, "figs", f"{zlib.crc32(package_cache.encode('utf-8', 'surrogateescape')):08x}")
    return folder if _private(folder) else package_cache


def _private(folder: str) -> bool:
    """`folder` made (mode 0700) if need be, and True only if it, and the ``figs``
    folder above it, belong to this user and no one else may write them.  figs runs
    the code it reads from its caches (`figs.codecache`): a folder another user can
    write (a shared HOME, XDG_CACHE_HOME set to a shared place) could plant it."""
    try:
        os.makedirs(os.path.dirname(folder), mode=0o700, exist_ok=True)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not hasattr(os, "getuid"):  # not POSIX: the user's profile is private
            return True
        for path in (folder, os.path.dirname(folder)):
            st = os.stat(path)
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return False
    except OSError:
        return False
    return True


# The shared cache: (flags, pattern) -> the engine's arguments; None until first read.
_shared: dict | None = None
_SHARED_MAX = 2000  # more patterns than figs has: a file grown past it starts afresh


def compile(pattern: str, flags: int = 0, name: str = "") -> re.Pattern:
    """`re.compile(pattern, flags)`, its code read from the cache file `name` (or the
    shared one) when that holds this very pattern; else compiled, and the cache
    written for the next run."""
    if not name:
        return _compile_shared(pattern, int(flags))
    key = (sys.version, _sre.MAGIC, int(flags), pattern)
    path = _path(name)
    try:
        stored_key, args = _read(path)
        if stored_key == key:
            return _sre.compile(pattern, *args)
    except Exception:  # no cache yet, or one this Python cannot read
        pass
    args = generate(pattern, flags)
    compiled = _sre.compile(pattern, *args)
    _write(path, key, args)
    return compiled


def _path(name: str) -> str:
    return cache_path(f"{name}.{sys.implementation.cache_tag}.re")


def _read(path: str):
    with open(path, "rb") as f:
        return marshal.loads(f.read())  # (marshal.load on the file is ten times slower)


def _compile_shared(pattern: str, flags: int) -> re.Pattern:
    global _shared
    if _shared is None:
        _shared = {}
        try:
            stored_key, entries = _read(_path("shared"))
            if stored_key == (sys.version, _sre.MAGIC) and isinstance(entries, dict):
                _shared = entries
        except Exception:  # no cache yet, or one this Python cannot read
            pass
    args = _shared.get((flags, pattern))
    if args is not None:
        try:
            return _sre.compile(pattern, *args)
        except Exception:  # pragma: no cover - a damaged entry
            pass
    args = generate(pattern, flags)
    compiled = _sre.compile(pattern, *args)
    if not _missed:
        atexit.register(_write_shared)
    _missed.append((flags, pattern))
    _shared[(flags, pattern)] = args
    return compiled


_missed: list = []


def _write_shared() -> None:
    """At exit: the shared cache with the patterns this process compiled added."""
    if _shared is None:
        return
    entries = _shared if len(_shared) <= _SHARED_MAX else {k: _shared[k] for k in _missed}
    _write(_path("shared"), (sys.version, _sre.MAGIC), entries)


def generate(pattern: str | bytes, flags: int) -> tuple:
    """The arguments `re` passes to its engine for `pattern` (what re._compiler.compile
    does), as values marshal can store."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # Plain ints (the code holds named int constants), so that marshal can store them.
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _write(path: str, key: tuple, args: object) -> None:
    try:
        data = marshal.dumps((key, args))
    except ValueError:  # a value marshal cannot store
        return
    write_whole(path, data)


def write_whole(path: str, data: bytes) -> None:
    """Write `data` to the cache file `path` whole or not at all (another process may
    be reading it): a folder that cannot be written is no error, the next run builds
    what the file would have held.  figs' other caches (codecache, segment) use it too."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
