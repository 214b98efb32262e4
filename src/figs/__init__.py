"""figs: every quantitative claim in Chinese news text, normalised, with a citation.

>>> import figs
>>> [(f.text, int(f.value), f.unit, f.subject) for f in figs.extract("配送网点15个，月单量突破百万。")]
[('15个', 15, '个', '配送网点'), ('突破百万', 1000000, '', '月单量')]
"""
from .figures import extract
from .model import Change, Figure
from .numbers import parse_number

__version__ = "0.1.0"

__all__ = ["extract", "diff", "check", "parse_number", "Figure", "Change", "__version__"]


def diff(old, new, **options):
    """The differences between two sequences of figures; see `figs.compare.diff`."""
    from .compare import diff as _diff

    return _diff(old, new, **options)


def check(records):
    """Where the figures of each article disagree with each other; see `figs.checks.check`."""
    from .checks import check as _check

    return _check(records)
