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

# Importing figs makes some 100,000 objects and no garbage: the collections the
# allocations would set off are a tenth of a short run's start-up, for nothing.
_collecting = gc.isenabled()
gc.disable()
try:
    from typing import Iterable, Iterator

    from .codecache import cached

    with cached():  # the dataclasses' methods compiled once per installation
        from .figures import extract as _extract
        from .model import Change, Figure
        from .numbers import parse_number
finally:
    if _collecting:
        gc.enable()

__version__ = "0.1.0"

__all__ = ["extract", "diff", "check", "parse_number", "Figure", "Change", "__version__"]


def extract(text: str, source: str = "-", dates: bool = False, **options) -> Iterator[Figure]:
    """Every figure in `text`, in order of appearance; see `figs.figures.extract`."""
    if not isinstance(text, str):
        hint = " (decode it first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"figs.extract: text must be a str, not {type(text).__name__}{hint}")
    if not isinstance(source, str):
        raise TypeError(f"figs.extract: source must be a str, not {type(source).__name__}")
    return _extract(text, source, dates, **options)


def diff(old: Iterable[Figure], new: Iterable[Figure], **options) -> Iterator[Change]:
    """The differences between two sequences of figures; see `figs.compare.diff`.

    >>> diff("a", "b")
    Traceback (most recent call last):
    TypeError: figs.diff: old must be figures (e.g. list(figs.extract(text))), not a str
    """
    from .compare import diff as _diff  # imported here: `figs extract` never needs it

    return _diff(_figures(old, "old"), _figures(new, "new"), **options)


def _figures(items, name: str) -> list[Figure]:
    if isinstance(items, (str, bytes, bytearray)) or not hasattr(items, "__iter__"):
        raise TypeError(f"figs.diff: {name} must be figures (e.g. list(figs.extract(text))), "
                        f"not a {type(items).__name__}")
    items = list(items)
    for i, f in enumerate(items):
        if not isinstance(f, Figure):
            raise TypeError(f"figs.diff: {name}[{i}] must be a Figure, not {type(f).__name__}")
    return items


def check(records):
    """Where the figures of each article disagree with each other; see `figs.checks.check`."""
    from .checks import check as _check

    return _check(records)
