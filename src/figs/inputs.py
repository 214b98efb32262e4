"""Where articles come from: files, directories and standard input, read and decoded.

`documents` expands the paths a user gave into named texts, one at a time, and
reports each input that cannot be read as a `figs.errors.InputError` in its place,
so that the caller can say so and go on with the rest.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .decode import decode
from .errors import InputError


@dataclass(frozen=True)
class Document:
    source: str   # the name records carry: the path as given, or the label for stdin
    text: str


def expand(paths: tuple[str, ...]) -> Iterator[str | InputError]:
    """Each path as given; a directory becomes its ``*.txt`` files, recursively, sorted."""
    for path in paths or ("-",):
        if path != "-" and os.path.isdir(path):
            found = sorted(str(p) for p in Path(path).rglob("*.txt") if p.is_file())
            if not found:
                yield InputError("no .txt files in this directory", source=path)
            yield from found
        else:
            yield path


def read_bytes(path: str) -> bytes:
    """The bytes of `path` ('-' is standard input), or an `InputError` saying why not."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", source=path) from None
    except PermissionError:
        raise InputError("permission denied", source=path) from None
    except OSError as e:
        raise InputError(e.strerror or str(e), source=path) from None


def documents(paths: tuple[str, ...], label: str = "-", encoding: str | None = None,
              errors: str = "strict") -> Iterator[Document | InputError]:
    """The decoded text of every input, or the error that stopped it, in order."""
    for path in expand(paths):
        if isinstance(path, InputError):
            yield path
            continue
        name = label if path == "-" else path
        try:
            text = decode(read_bytes(path), name, encoding=encoding, errors=errors)
        except InputError as e:
            e.source = name
            yield e
            continue
        yield Document(name, text)
