"""figs: every quantitative claim in Chinese news text, normalised, with a citation.

>>> import figs
>>> [(f.text, int(f.value), f.unit, f.subject) for f in figs.extract("配送网点15个，月单量突破百万。")]
[('15个', 15, '个', '配送网点'), ('突破百万', 1000000, '', '月单量')]

Arguments of the wrong type are a TypeError at the call, naming the argument:

>>> figs.extract("15个".encode())
Traceback (most recent call last):
TypeError: figs.extract: text must be a str, not bytes (decode it first, e.g. data.decode('utf-8'))
"""
from __future__ import annotations

import gc
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from .model import Change, Figure

__version__ = "0.1.0"

__all__ = ["extract", "diff", "check", "parse_number", "Figure", "Change", "__version__"]


def extract(text: str, source: str = "-", dates: bool = False, **options) -> Iterator[Figure]:
    """Every figure in `text`, in order of appearance; see `figs.figures.extract`."""
    if not isinstance(text, str):
        hint = " (decode it first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"figs.extract: text must be a str, not {type(text).__name__}{hint}")
    if not isinstance(source, str):
        raise TypeError(f"figs.extract: source must be a str, not {type(source).__name__}")
    return _imported("figures").extract(text, source, dates, **options)


def diff(old: Iterable[Figure], new: Iterable[Figure], **options) -> Iterator[Change]:
    """The differences between two sequences of figures; see `figs.compare.diff`.

    >>> diff("a", "b")
    Traceback (most recent call last):
    TypeError: figs.diff: old must be figures (e.g. list(figs.extract(text))), not a str
    """
    return _imported("compare").diff(_figures(old, "old"), _figures(new, "new"), **options)


def _figures(items, name: str) -> list[Figure]:
    if isinstance(items, (str, bytes, bytearray)) or not hasattr(items, "__iter__"):
        raise TypeError(f"figs.diff: {name} must be figures (e.g. list(figs.extract(text))), "
                        f"not a {type(items).__name__}")
    items = list(items)
    Figure = _imported("model").Figure
    for i, f in enumerate(items):
        if not isinstance(f, Figure):
            raise TypeError(f"figs.diff: {name}[{i}] must be a Figure, not {type(f).__name__}")
    return items


def check(records):
    """Where the figures of each article disagree with each other; see `figs.checks.check`."""
    return _imported("checks").check(records)


# The names imported when first used (PEP 562), not by `import figs`: the package is
# cheap to import, so the command's own start (figs.cli) is where the work of
# importing happens, inside its Ctrl-C and SIGTERM handling.
_LAZY = {"Figure": "model", "Change": "model", "parse_number": "numbers"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'figs' has no attribute {name!r}")
    value = getattr(_imported(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def _imported(name: str):
    """The module figs.`name`, imported (once) with the collector off and the
    dataclasses' methods from figs' code cache: importing figs makes some 100,000
    objects and no garbage, and the collections the allocations would set off are a
    tenth of a short run's start-up, for nothing."""
    module = sys.modules.get(f"{__name__}.{name}")
    if module is not None:
        return module
    from .codecache import cached

    collecting = gc.isenabled()
    gc.disable()
    try:
        with cached():
            return import_module(f".{name}", __name__)
    finally:
        if collecting:
            gc.enable()
