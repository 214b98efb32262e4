"""Rewrite the expected outputs in examples/ after a deliberate change in extraction.

    python tests/update_golden.py

Then read `git diff examples/` before committing: every changed row is a change
users will see.
"""
from pathlib import Path

from click.testing import CliRunner

from figs.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def expected(path: Path, fmt: str) -> str:
    result = CliRunner().invoke(main, ["extract", path.name, "-f", fmt], catch_exceptions=False)
    return result.output


if __name__ == "__main__":
    import os

    os.chdir(EXAMPLES)
    for article in sorted(EXAMPLES.glob("*.txt")):
        for fmt in ("csv", "json"):
            article.with_suffix(f".{fmt}").write_text(expected(article, fmt), encoding="utf-8")
            print("wrote", article.with_suffix(f".{fmt}").name)
