"""Many inputs, or one large one, on every core, with the output of a single process.

The main process reads and decodes the inputs and cuts them into pieces
(`figs.stream`); worker processes extract figures from batches of pieces and turn
them into output text; the main process writes the results in input order.  Only a
few batches are in flight at once, so memory stays flat however large the input.

`extract_all` is the whole pipeline; with ``jobs=1`` it runs in this process, and
its results are the same, in the same order.

The workers are a `concurrent.futures.ProcessPoolExecutor`: should one die (killed,
or out of memory), every batch not yet done fails at once with `BrokenProcessPool`,
and the run stops with one line naming the first input it lost, instead of waiting
forever for a result that will not come.  Workers ignore SIGINT: Ctrl-C at a terminal
reaches the whole process group, and only the main process answers it.

>>> [r.rows for r in extract_all([Piece("a", "员工1150余人。")], Options(fmt="csv", columns=("text", "value")))]
['1150余人,1150\\n']
"""
from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import render
from .errors import FigsError, InputError
from .inputs import display_name, escaped_name, expand, jsonl_documents, jsonl_field_of, opened
from .model import JSON_FIELDS, Figure
from .stream import CHUNK_CHARS, Piece, decoded_blocks, extract_piece, pieces

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
# multiprocessing and concurrent.futures are imported by the functions that start
# workers: a run with -j 1 never needs them (start-up time).

# Pieces are sent to a worker in batches of about this many characters.
BATCH_CHARS = 1 << 18
# An input at least this large is worth more than one core on its own.
LARGE_BYTES = 4 << 20


@dataclass(frozen=True)
class Options:
    """What to extract, and the form the worker returns rows in.

    ``fmt`` one of `figs.render.ENCODED`: rows come back as that format's text
    (`figs.render.encode`, with ``escape_formulas``); ``"tuples"``: as tuples of
    ``columns``; None: as dicts.  With ``encoding``, that text comes back as bytes
    in that encoding (and ``errors``), ready for the output file: the workers
    encode it, not the main process, which writes for all of them.
    """

    dates: bool = False
    kinds: tuple[str, ...] = ()
    fmt: str | None = None
    columns: tuple[str, ...] = JSON_FIELDS
    escape_formulas: bool = True
    encoding: str = ""
    errors: str = "strict"


@dataclass(frozen=True)
class Result:
    """The records of one piece of one input, or the error that stopped the input.

    ``first`` and ``last`` mark the input's first and last result, so that a sink can
    treat each input as a unit (the SQLite sink replaces an input's rows at once).
    """

    source: str
    rows: Any = ()
    count: int = 0
    nbytes: int = 0
    first: bool = True
    last: bool = True
    error: FigsError | None = None


@dataclass(frozen=True)
class Batch:
    pieces: tuple[Piece, ...]


def default_jobs(paths: Iterable[str]) -> int:
    """All cores for several inputs or one large one, else one."""
    return cpu_count() if large_run(paths) else 1


def large_run(paths: Iterable[str]) -> bool:
    """True for several inputs, or one of `LARGE_BYTES` or more."""
    paths = list(paths)
    return len(paths) > 1 or any(p != "-" and os.path.isfile(p) and os.path.getsize(p) >= LARGE_BYTES
                                 for p in paths)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def work(paths: tuple[str, ...], label: str = "-", encoding: str | None = None, errors: str = "strict",
         jsonl_field: str | None = None, id_field: str | None = None,
         chunk_chars: int = CHUNK_CHARS, batch_chars: int = BATCH_CHARS,
         expanded: bool = False) -> Iterator[Batch | Result]:
    """The inputs as batches of pieces to extract from, and `Result`s for the inputs
    (or JSON lines) that could not be read, in input order.  `expanded`: `paths` is
    already what `expand` made of them (the CLI expands them once)."""
    batch = _Batcher(batch_chars)
    for path in paths if expanded else expand(paths, "*.txt" if jsonl_field is None else "*.jsonl"):
        if isinstance(path, InputError):
            yield from batch.flush()
            yield Result(path.source or "-", error=path)
            continue
        name = label if path == "-" else display_name(path)
        if path != "-" and name != path:
            yield from batch.flush()
            yield Result(name, error=escaped_name(name))
        started = False
        try:
            with opened(path) as f:
                field = jsonl_field if jsonl_field is not None or path == "-" else jsonl_field_of(f, path, name)
                if field is not None:
                    parts = _jsonl_pieces(f, name, field, id_field, chunk_chars)
                else:
                    blocks = decoded_blocks(f, name, encoding=encoding, errors=errors)
                    parts = pieces(blocks, name, chunk_chars=chunk_chars)
                for part in parts:
                    if isinstance(part, Result):
                        yield from batch.flush()
                        yield part
                    else:
                        started = True
                        yield from batch.add(part)
        except InputError as e:
            e.source = name
            yield from batch.flush()
            yield Result(name, first=not started, error=e)
    yield from batch.flush()


class _Batcher:
    """Pieces gathered into batches of about `limit` characters."""

    def __init__(self, limit: int):
        self.limit, self.pieces, self.size = limit, [], 0

    def add(self, piece: Piece) -> Iterator[Batch]:
        self.pieces.append(piece)
        self.size += len(piece.text)
        if self.size >= self.limit:
            yield from self.flush()

    def flush(self) -> Iterator[Batch]:
        if self.pieces:
            yield Batch(tuple(self.pieces))
        self.pieces, self.size = [], 0


def _jsonl_pieces(f, name: str, field: str, id_field: str | None, chunk_chars: int) -> Iterator[Piece | Result]:
    for doc in jsonl_documents(f, name, field, id_field):
        if isinstance(doc, InputError):
            yield Result(doc.source or name, error=doc)
        else:
            source, blocks = doc
            yield from pieces(blocks, source, chunk_chars=chunk_chars)


def run_batch(batch: Batch, options: Options) -> list[Result]:
    """Extract the figures of every piece in `batch`, as `options` asks for them."""
    results = []
    for piece in batch.pieces:
        rows, errors = _rows(piece, options)
        for error in errors:
            results.append(Result(piece.source, first=piece.first, last=False, error=error))
        count = len(rows)
        rows = render.encode(rows, options.columns, options.fmt, options.escape_formulas)
        if options.encoding and isinstance(rows, str):
            try:
                rows = rows.encode(options.encoding, options.errors)
            except UnicodeEncodeError:
                pass  # left as text: the output says what it cannot write, as it always has
        results.append(Result(piece.source, rows, count, piece.nbytes, piece.first and not errors, piece.last))
    return results


def _rows(piece: Piece, options: Options, salvage: bool = True) -> tuple[list[Figure], list[FigsError]]:
    """The figures of a piece.  Should the extractor fail on it (a bug), the piece is read
    again paragraph by paragraph, and only the paragraphs it fails on are lost, each
    reported as an error with its lines."""
    try:
        return [f for f in extract_piece(piece, dates=options.dates)
                if not options.kinds or f.kind in options.kinds], []
    except Exception as e:
        keep_to = len(piece.text) if piece.keep_to is None else piece.keep_to
        if not salvage:
            first = piece.line + piece.text.count("\n", 0, piece.keep_from) + 1
            last = first + piece.text.count("\n", piece.keep_from, keep_to - 1)
            where = f"line {first}" if first == last else f"lines {first}-{last}"
            return [], [FigsError(f"the extractor failed here ({type(e).__name__}: {e}); please report it",
                                  source=piece.source, where=where)]
    rows, errors = [], []
    for small in pieces([piece.text], piece.source, chunk_chars=1, context=0):
        keep_from = max(small.offset + small.keep_from, piece.keep_from) - small.offset
        keep_to_small = min(small.offset + (small.keep_to or len(small.text)), keep_to) - small.offset
        if keep_from >= keep_to_small:
            continue
        one = replace(small, offset=piece.offset + small.offset, line=piece.line + small.line,
                      col=small.col + (piece.col if small.line == 0 else 0),
                      keep_from=keep_from, keep_to=keep_to_small)
        more_rows, more_errors = _rows(one, options, salvage=False)
        rows += more_rows
        errors += more_errors
    return rows, errors


def extract_all(items: Iterable[Batch | Result | Piece], options: Options = Options(), jobs: int = 1,
                in_flight: int | None = None) -> Iterator[Result]:
    """Run `run_batch` over `items` (from `work`) on `jobs` processes; results in order.

    At most `in_flight` batches (default: two per process) are handed out and not
    yet written, which bounds memory.
    """
    items = (Batch((i,)) if isinstance(i, Piece) else i for i in items)
    if jobs <= 1:
        for item in items:
            yield from [item] if isinstance(item, Result) else run_batch(item, options)
        return
    in_flight = in_flight or 2 * jobs
    pool = _started_pool(jobs)
    finished = False
    try:
        pending: deque[tuple[Result | Future, Batch | None]] = deque()
        for item in items:
            if isinstance(item, Result):
                pending.append((item, None))
            else:
                pending.append((_submit(pool, item, options), item))
            while pending and (len(pending) > in_flight or _ready(pending[0][0])):
                yield from _results(pool, *pending.popleft())
        while pending:
            yield from _results(pool, *pending.popleft())
        finished = True
    finally:
        # Python would wind the pool down at exit anyway, and there (up to 3.12) its
        # exit hook can race the pool's own thread for a pipe and print a traceback
        # after figs's one line (seen under load, with an encoding error on -j 2).
        _wind_down(pool, kill=not finished)


# How long a pool whose work is done may take to end before its workers are killed.
WIND_DOWN_SECONDS = 10.0


def _wind_down(pool: ProcessPoolExecutor, kill: bool) -> None:
    """Shut `pool` down, its processes and threads ended, before `extract_all` returns.

    On Ctrl-C, SIGTERM, an error or a consumer that stops early (`kill`), the
    workers are killed first: their work would be thrown away, and a worker that
    died holding the pool's queue lock (kill -9, out of memory) leaves the others
    waiting for it forever, and CPython's shutdown waiting for them.  A second
    Ctrl-C or SIGTERM meanwhile is held back until the pool is down (it would
    otherwise leave it half shut, for the exit hook to wait on forever).
    """
    # (taken first: shutdown(wait=False) forgets them)
    manager, processes, results = getattr(pool, "_executor_manager_thread", None), _processes(pool), _results_queue(pool)
    with _signals_held(replay=not kill):
        if kill:
            _stop_workers(processes, results)
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + WIND_DOWN_SECONDS
        while manager is not None and manager.is_alive():
            manager.join(WATCH_SECONDS)
            if _a_worker_died(processes) or time.monotonic() > deadline:
                _stop_workers(processes, results)
        if results is not None:
            results.close()


@contextmanager
def _signals_held(replay: bool = True) -> Iterator[None]:
    """SIGINT and SIGTERM noted, not acted on, inside the block; with `replay`,
    acted on after it, as they would have been (their handlers run then).  Without
    it, the run is being stopped already, and one more stop says nothing new.  Only
    the main thread can change handlers: elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    before = {s: signal.signal(s, lambda signum, frame: arrived.append(signum))
              for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
        for s in dict.fromkeys(arrived) if replay else ():
            signal.raise_signal(s)


def _processes(pool: ProcessPoolExecutor) -> list:
    return list((getattr(pool, "_processes", None) or {}).values())


def _results_queue(pool: ProcessPoolExecutor) -> Any:
    """The queue the workers send their results back through."""
    return getattr(pool, "_result_queue", None)


def _a_worker_died(processes: list) -> bool:
    """A worker ended other than by the pool's shutdown (which ends them with 0)."""
    return any(p.exitcode not in (None, 0) for p in processes)


def _stop_workers(processes: list, results) -> None:
    """Kill the workers, and close this process's end of the pipe they write results to.

    A worker killed halfway through sending a result (a large batch, the OOM
    killer) leaves CPython's pool (up to 3.13 at least) waiting forever: its manager
    thread reads the rest of a message that will never come, and so never sees the
    death.  With no writer left, that read ends, and the pool breaks as for any
    death (every batch not done fails with `BrokenProcessPool`).  (Only this thread
    closes that end; the pool's own thread closes others, which are left to it.)
    """
    for p in processes:
        if p.exitcode is None:
            with suppress(OSError):
                p.kill()
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with suppress(OSError):
            writer.close()


def _submit(pool: ProcessPoolExecutor, batch: Batch, options: Options) -> Future:
    """The batch handed to the pool; a pool already broken gives a future that says so,
    and the results before it are still written, in order."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(run_batch, batch, options)
    except BrokenProcessPool as e:
        future: Future = Future()
        future.set_exception(e)
        return future


def _started_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of `jobs` workers, started: its processes forked and its threads running.

    The pool's threads write to pipes that a dead worker closes.  figs takes SIGPIPE's
    default (figs … | head ends quietly), which would end the whole program there,
    silently; so the threads start with SIGPIPE blocked, and get EPIPE instead.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    blocked = hasattr(signal, "pthread_sigmask") and hasattr(signal, "SIGPIPE")
    if blocked:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
    try:
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                   initargs=(os.getpid(), blocked))
        with suppress(BrokenProcessPool):  # (a worker killed already: the first batch says so)
            pool.submit(int).result()  # the threads exist once a call has gone round
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return pool


def _start_worker(parent: int, unblock_sigpipe: bool) -> None:
    """In a worker: leave SIGINT to the main process (a terminal sends it to every
    process of the group: each worker would print a traceback), take SIGTERM's
    default, and end when the main process has gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if unblock_sigpipe:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGPIPE})
    _watch_parent(parent)


def _watch_parent(parent: int) -> None:
    """In a worker: end when the main process has gone.  Killed at once (figs … | head
    closes the pipe and SIGPIPE ends it), it cannot tell its workers, which would
    otherwise wait for work forever."""

    import threading
    import time

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# How often the main process, waiting for a batch, looks whether a worker has died.
WATCH_SECONDS = 0.5


def _unblock_if_a_worker_died(pool: ProcessPoolExecutor) -> None:
    """When a worker has died and the pool does not say it is broken, make it so
    (`_stop_workers` says why it may not)."""
    processes = _processes(pool)
    if not getattr(pool, "_broken", False) and _a_worker_died(processes):
        _stop_workers(processes, _results_queue(pool))


def _ready(item: Result | Future) -> bool:
    return isinstance(item, Result) or item.done()


def _results(pool: ProcessPoolExecutor, item: Result | Future, batch: Batch | None) -> list[Result]:
    if isinstance(item, Result):
        return [item]
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    try:
        while True:
            try:
                return item.result(timeout=WATCH_SECONDS)
            except FutureTimeout:
                _unblock_if_a_worker_died(pool)
    except BrokenProcessPool:
        piece = batch.pieces[0]
        line = piece.line + piece.text.count("\n", 0, piece.keep_from) + 1
        raise FigsError("a worker process died while extracting it (killed, or out of memory?); "
                        "the run is stopped", source=piece.source,
                        where=None if piece.first else f"from line {line}") from None
