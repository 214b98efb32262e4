"""figs on a Dask cluster, for corpora one machine cannot get through in time.

Install the extra (``pip install 'figs[dask]'``: dask.bag, distributed, pyarrow) and
map figs over a bag of documents, or of files; the records are the ones
``figs extract -f jsonl`` writes, and they can be written as JSON Lines or Parquet::

    from dask.distributed import Client
    import figs.dask

    client = Client("tcp://scheduler:8786")          # or Client() for this machine
    records = figs.dask.extract_files("/shared/news/*.jsonl", jsonl_field="content", id_field="id")
    figs.dask.to_parquet(records, "/shared/figures/")

The files must be on a file system every worker can read (NFS, a shared volume).
For object stores, build a bag of documents yourself (``dask.bag.read_text(...)
.map(json.loads)``) and pass it to `extract_bag`.

Dask is imported only when these functions run, so ``import figs`` never needs it.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from .decode import normalise_newlines
from .errors import FigsError
from .model import JSON_FIELDS, PARQUET_DTYPES, TYPES
from .parallel import Batch, Options, Result, run_batch, work
from .stream import Piece


def extract_files(paths: Iterable[str] | str, *, jsonl_field: str | None = None, id_field: str | None = None,
                  dates: bool = False, kinds: tuple[str, ...] = (), encoding: str | None = None,
                  errors: str = "strict", on_error: str = "raise"):
    """A `dask.bag.Bag` of the records of every file in `paths` (globs expanded), one
    partition per file: text files as ``figs extract FILE`` reads them, or JSON Lines
    corpora as ``figs extract FILE --jsonl-field … --id-field …`` does.

    `on_error`: ``"raise"`` stops the computation at the first input that cannot be
    read; ``"skip"`` leaves that input (or JSON line) out.
    """
    import glob

    import dask.bag as db

    files = sorted({f for p in ([paths] if isinstance(paths, str) else paths) for f in glob.glob(p)})
    if not files:
        raise FigsError("no files match", source=str(paths))
    options = Options(dates=dates, kinds=tuple(kinds))

    def records(part: list[str]) -> list[dict]:  # a list: a partition must pickle
        rows = []
        for path in part:
            items = work((path,), jsonl_field=jsonl_field, id_field=id_field, encoding=encoding, errors=errors)
            for item in items:
                rows += _rows(item if isinstance(item, Result) else run_batch(item, options), on_error)
        return rows

    return db.from_sequence(files, npartitions=len(files)).map_partitions(records)


def extract_bag(documents, *, text_field: str = "text", id_field: str = "id", dates: bool = False,
                kinds: tuple[str, ...] = (), on_error: str = "raise"):
    """The records of a `dask.bag.Bag` of documents: dicts with the text in
    `text_field` (a string or a list of paragraphs) and their source in `id_field`,
    or ``(source, text)`` pairs."""
    options = Options(dates=dates, kinds=tuple(kinds))

    def records(part: Iterable[Any]) -> list[dict]:  # a list: a partition must pickle
        pieces = []
        for doc in part:
            source, text = (doc[id_field], doc[text_field]) if isinstance(doc, dict) else doc
            if isinstance(text, list):
                text = "\n".join(text)
            pieces.append(Piece(str(source), normalise_newlines(text)))
        return list(_rows(run_batch(Batch(tuple(pieces)), options), on_error))

    return documents.map_partitions(records)


def _rows(results: Result | list[Result], on_error: str) -> Iterator[dict]:
    for r in [results] if isinstance(results, Result) else results:
        if r.error is not None:
            if on_error == "raise":
                raise r.error
            continue
        yield from r.rows


def to_jsonl(records, path: str) -> list[str]:
    """Write the records as JSON Lines, one file per partition (``path/0.jsonl`` …),
    each line as ``figs extract -f jsonl`` writes it, every file ending with a newline
    (``cat path/*.jsonl`` is JSON Lines); return the file names."""
    return records.map(lambda row: json.dumps(row, ensure_ascii=False)).to_textfiles(
        path.rstrip("/") + "/*.jsonl", last_endline=True)


# Parquet column types, from the record's types (`figs.model.PARQUET_DTYPES`). Values
# are float64: exact up to 2**53, which holds every figure short of a few
# quadrillion; JSON Lines keeps them exact.
_DTYPES = {c: PARQUET_DTYPES[TYPES[c]] for c in JSON_FIELDS}
_DECIMALS = tuple(c for c in JSON_FIELDS if TYPES[c] == "decimal")


def to_parquet(records, path: str, **options) -> None:
    """Write the records as a Parquet dataset at `path` (a directory), one file per
    partition, with the record's columns."""
    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype=_DTYPES[c]) for c in JSON_FIELDS})
    frame = records.map(_for_parquet).to_dataframe(meta=meta)
    frame.to_parquet(path, write_index=False, **options)


def _for_parquet(row: dict) -> dict:
    row = dict(row)
    for c in _DECIMALS:
        if row[c] is not None:
            row[c] = float(row[c])
    return row
