"""The code figs' imports compile, compiled once per installation: the methods
`dataclasses` writes for figs' classes, and the patterns that figs' modules and the
libraries they import compile with `regex` and `re`.

``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` … as Python source and compiles it (``exec``): for
figs' dozen frozen dataclasses that is 25,000 characters of source, a tenth of a
short run's start-up.  While figs' modules are imported, `cached` hands
`dataclasses` an ``exec`` that keeps the compiled code in figs' cache folder
(``dataclasses.<python>.marshal``; see `figs.patterns.cache_path`), as Python keeps a
module's bytecode in ``__pycache__``: the next run reads the code instead of
compiling the source.  The code is what ``exec`` would have compiled from the same
source (same flags, same file name), so the classes are the same.

The same block keeps what a pattern compiles into (the arguments handed to the C
engine, as `figs.patterns` does): `regex` patterns, and `re` patterns, which the
standard library compiles in Python, parser and code generator: json, gettext,
platform, click and figs' own modules compile some thirty at import, as much as a
tenth of a short run.  A pattern compiled in the block is read back and handed
straight to the engine.  Only a plain str (or, for `re`, bytes) pattern without
named lists, the LOCALE or the DEBUG flag is kept; any other is compiled as before,
and so is every pattern compiled after the import.

The cache holds the Python and `regex` versions beside the code, and a code is used
only for its very source text (a pattern, for its very text and flags); a cache file that is missing, damaged or of another Python is
ignored (the source is compiled, as without the cache), one that cannot be written
is no error.  It is written whole or not at all, and only when a run compiled
something it did not hold.
"""
from __future__ import annotations

import marshal
import re
import sys
from contextlib import contextmanager
from typing import Iterator

import _sre

from . import patterns

_KEY = sys.version
_codes: dict | None = None  # source text -> code, pattern key -> engine arguments; None until read
_used: dict = {}  # the codes this process used: what the file is written with
compiled: list = []  # the sources (and patterns) this process compiled, not found in the cache


def _path() -> str:
    return patterns.cache_path(f"dataclasses.{sys.implementation.cache_tag}.marshal")


def _read() -> dict:
    try:
        with open(_path(), "rb") as f:
            key, codes = marshal.loads(f.read())
        if key == _KEY and isinstance(codes, dict):
            return codes
    except Exception:  # no cache yet, a damaged one, or one this Python cannot read
        pass
    return {}


_active = False  # a block is open (the CLI's block imports figs, whose __init__ opens one)


@contextmanager
def cached() -> Iterator[None]:
    """While in this block, the code `dataclasses`, `regex` and `re` compile comes from the cache."""
    global _codes, _active
    if _active or not sys.implementation.cache_tag:
        yield  # already cached further up (or nowhere to keep the code)
        return
    if _codes is None:
        _codes = _read()
    codes, used = _codes, _used
    missed: list = []
    re_compile = patterns._compiler.compile
    re_flags_not_kept = re.DEBUG

    def cached_re(pattern, flags):
        """`re`'s compile (re._compiler.compile), its code from the cache."""
        if type(pattern) not in (str, bytes) or flags & re_flags_not_kept:
            return re_compile(pattern, flags)
        key = ("re", _sre.MAGIC, int(flags), pattern)
        args = codes.get(key)
        if args is not None:
            try:
                pat = _sre.compile(pattern, *args)
                used[key] = args
                return pat
            except Exception:  # an entry this Python cannot take: compile afresh
                pass
        args = patterns.generate(pattern, int(flags))
        pat = _sre.compile(pattern, *args)
        codes[key] = used[key] = args
        missed.append(key)
        compiled.append(pattern)
        return pat

    # First, so that the patterns dataclasses and regex compile at their import are kept too.
    patterns._compiler.compile = cached_re
    _active = True
    try:
        import dataclasses

        import regex._main

        with _cached_exec(dataclasses, codes, used, missed), _cached_regex(regex._main, codes, used, missed):
            yield
    finally:
        patterns._compiler.compile = re_compile
        _active = False
        if missed:  # (only what this process used: the file never grows past figs' needs)
            _write(used)



@contextmanager
def _cached_exec(dataclasses, codes: dict, used: dict, missed: list) -> Iterator[None]:
    """dataclasses' ``exec`` of the methods it writes, their code from the cache."""
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

    dataclasses.exec = cached_exec  # found before the builtin
    try:
        yield
    finally:
        del dataclasses.exec


@contextmanager
def _cached_regex(main, codes: dict, used: dict, missed: list) -> Iterator[None]:
    """`regex`'s compile (regex._main._compile), its code from the cache."""
    regex_compile = main._compile
    flags_not_kept = main.LOCALE | main.DEBUG

    def cached_regex(pattern, flags, ignore_unused, kwargs, cache_it):
        if kwargs or type(pattern) is not str or flags & flags_not_kept:
            return regex_compile(pattern, flags, ignore_unused, kwargs, cache_it)
        key = ("regex", main.__version__, int(main.DEFAULT_VERSION), int(flags), pattern)
        args = codes.get(key)
        if args is not None:
            try:
                pat = main._regex.compile(pattern, *args)
                used[key] = args
                return pat
            except Exception:  # an entry this regex cannot take: compile afresh
                pass
        engine = main._regex
        taken: list = []
        main._regex = _Recorder(engine, taken)
        try:
            pat = regex_compile(pattern, flags, ignore_unused, kwargs, cache_it)
        finally:
            main._regex = engine
        if len(taken) == 1:
            codes[key] = used[key] = _plain(taken[0])
            missed.append(key)
            compiled.append(pattern)
        return pat

    main._compile = cached_regex
    try:
        yield
    finally:
        main._compile = regex_compile


def _plain(value):
    """`value` with its flags and other int subclasses as plain ints, which marshal stores."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


class _Recorder:
    """`regex`'s C engine, keeping the arguments of each pattern it compiles."""

    def __init__(self, engine, taken: list) -> None:
        self._engine, self._taken = engine, taken

    def __getattr__(self, name: str):
        return getattr(self._engine, name)

    def compile(self, pattern, *args):
        self._taken.append(args)
        return self._engine.compile(pattern, *args)


def _write(codes: dict) -> None:
    """The cache file written whole or not at all (another process may be reading it)."""
    try:
        data = marshal.dumps((_KEY, codes))
    except ValueError:  # a value marshal cannot store
        return
    patterns.write_whole(_path(), data)
