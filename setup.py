"""The build: the hot modules compiled with mypyc, or pure Python where that cannot be.

Everything about the package is in pyproject.toml; this file only adds the compiled
modules.  `pip install .` builds a wheel with the modules in `HOT` compiled by mypyc
(the same Python source, type-checked and turned into C, so the output is the same).
Pure Python, the same package without the compiled modules, is built instead when

- the install is editable (`pip install -e .`: for development, edits take effect);
- the environment says FIGS_PURE=1 (CI tests both builds);
- mypyc is not at hand, or it refuses the code, or there is no C compiler, or the
  compiler fails: a warning says why, and the install goes on.
"""
from __future__ import annotations

import os
import sys
import traceback

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules every figure goes through: compiled, they make extraction about 1.5×
# faster.  A new module on that path belongs here when it type-checks under mypy.
HOT = ["spans", "numbers", "figures", "sentences", "textnorm", "lexicon", "model"]
# Modules of the claims work (some on the way): compiled when they exist.
MAYBE_HOT = ["claims", "timewords", "segment", "changes", "holders", "subjects"]

# The setup.py commands that build the package's files; the others (egg_info,
# dist_info, sdist, editable_wheel, develop …) only need its metadata or its sources.
_BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def _warn(message: str) -> None:
    print(f"figs setup: {message}; installing pure Python instead", file=sys.stderr)


def _hot_modules() -> list[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    names = HOT + [m for m in MAYBE_HOT if os.path.exists(os.path.join(here, "src", "figs", f"{m}.py"))]
    return [os.path.join("src", "figs", f"{m}.py") for m in names]


def _compiled() -> list:
    """The mypyc extension modules, or [] for a pure build."""
    if os.environ.get("FIGS_PURE", "") not in ("", "0"):
        return []
    if not _BUILDS.intersection(sys.argv[1:]) or "editable_wheel" in sys.argv or "develop" in sys.argv:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc (part of mypy) is not installed")
        return []
    try:
        # mypycify type-checks the modules (mypy's flags after the paths) and writes C.
        # Modules they import but that are not compiled are read for their types only.
        return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *_hot_modules()],
                        opt_level="3", debug_level="0", group_name="figs")
    except BaseException as e:  # mypy reports a type error by SystemExit
        if isinstance(e, KeyboardInterrupt):
            raise
        traceback.print_exc()
        _warn("mypyc did not compile the modules")
        return []


class OptionalBuildExt(build_ext):
    """build_ext that falls back to the pure modules when the C compiler fails:
    the .py files are in the wheel anyway, and Python imports them when no
    compiled module stands beside them."""

    failed = False

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # no compiler at all
            self._give_up(e)

    def build_extension(self, ext) -> None:
        if self.failed:
            return
        try:
            super().build_extension(ext)
        except Exception as e:
            self._give_up(e)

    def _give_up(self, e: Exception) -> None:
        _warn(f"the C compiler failed ({type(e).__name__}: {e})")
        self.failed = True
        # None of the compiled modules, rather than some: they import one another.
        for ext in self.extensions:
            path = self.get_ext_fullpath(ext.name)
            if os.path.exists(path):
                os.remove(path)


setup(ext_modules=_compiled(), cmdclass={"build_ext": OptionalBuildExt})
