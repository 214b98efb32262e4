"""Typed errors and exit statuses.

The library raises `FigsError` subclasses; the CLI turns each into one line on
stderr (``figs: FILE: where: what``) and an exit status, never a traceback.
"""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit statuses, as diff(1) and grep(1) use them."""

    OK = 0
    DIFFERENCES = 1  # figs diff only
    TROUBLE = 2


class FigsError(Exception):
    """Something figs cannot do with this input; the message is for the user."""

    def __init__(self, message: str, source: str | None = None, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.where = where

    def __str__(self) -> str:
        parts = [p for p in (self.source, self.where) if p]
        return ": ".join(parts + [self.message])


class InputError(FigsError):
    """An input could not be read: missing, a directory, not permitted, binary."""


class DecodeError(InputError):
    """An input's bytes are not text in the encoding figs found or was given."""


class FormatError(FigsError):
    """A figures file (CSV/JSON/JSONL) given to `figs diff` is not in figs' format."""


class OutputError(FigsError):
    """The output could not be written: the disk is full, a database is locked or is
    not figs'."""
