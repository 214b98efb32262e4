"""The figs command: parse options, call the library, render, exit.

No reading of figures happens here; see `figs.figures` for that.
"""
from __future__ import annotations

import codecs
import gc
import os
import signal
import sys
from contextlib import closing, contextmanager
from typing import Iterator


def _stopped_at_start(signum, frame) -> None:
    """Ctrl-C or SIGTERM while the modules below are still being imported: one line and
    the usual status, not a traceback from wherever the import had got to.  Nothing
    has been opened or written yet, so nothing is left to clean up."""
    if sys.stderr is not None:
        sys.stderr.write(f"figs: {'interrupted' if signum == signal.SIGINT else 'terminated'}\n")
        sys.stderr.flush()
    os._exit(128 + signum)


def _catch_at_start() -> dict:
    """`_stopped_at_start` set for SIGINT and SIGTERM; the handlers it replaced."""
    replaced = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            replaced[signum] = signal.signal(signum, _stopped_at_start)
        except ValueError:  # imported outside the main thread: signals are not its to handle
            break
    return replaced


_before_start = _catch_at_start()
# No collection while the modules are imported (see figs/__init__.py); `main` then
# freezes what they made, so that no later collection walks it again.
_collecting = gc.isenabled()
gc.disable()

from . import __version__  # noqa: E402
from .codecache import cached  # noqa: E402

with cached():  # the dataclasses' methods and the patterns compiled once per installation
    import click  # (in the block: click and what it imports compile some patterns)

    from .errors import ExitStatus, FigsError
    from .inputs import expand
    from .model import FIELDS, JSON_FIELDS
    from .parallel import Options, cpu_count, default_jobs, extract_all, large_run, work
    from .render import ENCODED, FORMATS, visible, write_changes
    from .sink import SINKS, byte_encoding, opened_output, refuse_an_input, write_sqlite, write_text

if _collecting:
    gc.enable()
for _signum, _handler in _before_start.items():
    signal.signal(_signum, _handler)

# `figs extract` imports only what it uses: the modules of diff and check (compare,
# records, checks, checkcli) are imported by those commands (start-up time).

KINDS = ("count", "money", "percent", "ratio", "measure", "duration", "age", "rate", "date")


def _fail(message: str) -> None:
    """One line on stderr, prefixed with the program's name; a control character in
    it (a file name may hold a line break or an escape sequence) is shown escaped."""
    click.echo(visible(f"figs: {message}"), err=True)


def default_format(output: str | None) -> str:
    """A table for a person at a terminal, CSV for a pipe or a file."""
    if output is None and _is_terminal(sys.stdout):
        return "table"
    return "csv"


def _is_terminal(stream) -> bool:
    """Whether `stream` is a terminal; a stream the shell closed (``>&-``, ``2>&-``:
    Python then has None for it) is none."""
    return stream is not None and stream.isatty()


def _known_encoding(ctx, param, value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


def output_options(formats: tuple[str, ...] = FORMATS, help_format: str = "Output format"):
    """The options every command that writes records shares: -f/--format (one of
    `formats`), -o/--output, --label, --escape-formulas/--no-escape-formulas and
    --version.  The command receives them as ``fmt``, ``output``, ``label`` and
    ``escape_formulas``."""
    def decorate(command):
        for option in reversed((
            click.option("-f", "--format", "fmt", type=click.Choice(formats), default=None,
                         help=f"{help_format} [default: table on a terminal, csv otherwise]."),
            click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                         help="Write to FILE instead of standard output: it appears only when the "
                              "run succeeds (a symlink's target is written, a FIFO or device directly)."),
            click.option("--label", default="-", show_default=True,
                         help="The source name for standard input."),
            click.option("--escape-formulas/--no-escape-formulas", default=True, show_default=True,
                         help="In CSV/TSV, put a ' before text cells starting with = + - @ (a "
                              "spreadsheet would run them as formulas); figs reads them back exactly."),
            click.version_option(__version__, prog_name="figs"),
        )):
            command = option(command)
        return command
    return decorate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figs")
def main() -> None:
    """Pull every quantitative claim out of Chinese news text.

    \b
      figs extract article.txt             a table of its figures
      figs extract corpus/ -f jsonl | jq   every .txt file below corpus/
      figs diff draft.txt published.txt    which figures changed
      figs check article.txt               do its own figures add up
    """
    # The objects of the modules live as long as the process: no collection need
    # walk them again, nor the one at exit (start-up).  Once a process.
    if not gc.get_freeze_count():
        gc.freeze()
    # A closed pipe (figs extract … | head) ends the program quietly.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # kill (SIGTERM) unwinds like Ctrl-C: temporary files go, transactions roll back.
    # Worker processes forked from this one keep the default: they just end.
    signal.signal(signal.SIGTERM, _terminated)
    os.register_at_fork(after_in_child=_default_sigterm)


class Terminated(BaseException):
    """SIGTERM arrived: unwind as for Ctrl-C, and exit 143 (128 + 15)."""


def _default_sigterm() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _terminated(signum, frame) -> None:
    raise Terminated()


@main.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@output_options(FORMATS + SINKS, "Output format; sqlite writes (or adds to) the database -o names")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only figures of this kind (repeatable).")
@click.option("--dates", is_flag=True, help="Also list calendar dates, as kind 'date'.")
@click.option("--encoding", default=None, metavar="NAME", callback=_known_encoding,
              help="Read inputs in this encoding [default: found from the bytes].")
@click.option("--encoding-errors", type=click.Choice(["strict", "replace"]), default="strict",
              show_default=True, help="On bytes not valid in the encoding: stop, or replace and warn.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, metavar="N",
              help="Extract in N processes; 0 means one per core "
                   "[default: one per core for several inputs or a large one, else 1].")
@click.option("--jsonl-field", metavar="FIELD",
              help="Read each PATH (a directory: its *.jsonl files) as JSON Lines, one document "
                   "a line, its text in FIELD (a string or a list of paragraphs).")
@click.option("--id-field", metavar="FIELD",
              help="With --jsonl-field: the field that names each document's records "
                   "[default: PATH:LINE].")
def extract(paths, fmt, output, label, escape_formulas, kinds, dates, encoding, encoding_errors, jobs,
            jsonl_field, id_field):
    """List the figures in each PATH: a text file, a directory (its *.txt files,
    recursively) or - for standard input (the default).

    Records come out as the input is read, in input order whatever -j is, and
    memory stays flat however large the input.

    \b
    Examples:
      figs extract article.txt
      figs extract corpus/ -f jsonl | jq 'select(.kind == "money")'
      figs extract article.txt --kind money --kind percent -f csv -o money.csv
      cat article.txt | figs extract --label article.txt -f json
      figs extract archive/ -j 8 -f sqlite -o figures.db
      figs extract news.jsonl --jsonl-field content --id-field id -f jsonl
    """
    fmt = fmt or default_format(output)
    columns = JSON_FIELDS if fmt in ("json", "jsonl", "sqlite") else FIELDS
    if fmt == "sqlite" and output in (None, "-"):
        raise click.UsageError("-f sqlite needs a database file: -o FILE")
    # (is None, not falsy: --jsonl-field "" names the field "", as JSON allows)
    if id_field is not None and jsonl_field is None:
        raise click.UsageError("--id-field needs --jsonl-field")
    trouble = False

    def report(error: FigsError) -> None:
        nonlocal trouble
        _fail(str(error))
        trouble = True

    found = list(expand(paths, "*.txt" if jsonl_field is None else "*.jsonl"))  # once, for the whole run
    inputs = [p for p in found if isinstance(p, str)]
    jobs = default_jobs(inputs) if jobs is None else (jobs or cpu_count())
    items = work(found, expanded=True, label=label, encoding=encoding, errors=encoding_errors,
                 jsonl_field=jsonl_field, id_field=id_field)

    def results(out_encoding: tuple[str, str] = ("", "")):
        options = Options(dates=dates or "date" in kinds, kinds=kinds, columns=columns,
                          fmt=fmt if fmt in ENCODED else "tuples", escape_formulas=escape_formulas,
                          encoding=out_encoding[0], errors=out_encoding[1])
        return shown(extract_all(items, options, jobs=jobs))

    # (closed as the block ends, however it ends: the workers are wound down then,
    # not when Python collects the generator, or at its exit)
    with reported_errors(), _progress(inputs) as shown:
        refuse_an_input(output, inputs)
        if fmt == "sqlite":
            with closing(results()) as rows:
                write_sqlite(rows, output, report, columns)
        else:
            with opened_output(output) as out:
                # The workers encode the text for the output, not this process.
                with closing(results(byte_encoding(out) if fmt in ENCODED else ("", ""))) as rows:
                    write_text(rows, columns, fmt, out, report)
                if trouble and output:
                    raise _Trouble()  # keep no output file when an input failed
    _exit(ExitStatus.TROUBLE if trouble else ExitStatus.OK)


@contextmanager
def _progress(inputs: list[str]):
    """A progress bar on stderr (bytes read, MB/s, figures found) for a person
    watching a run over several inputs or a large one; otherwise nothing.  It lives
    on stderr only: rich would otherwise take standard output over, and the data
    with it."""
    if not _is_terminal(sys.stderr) or not large_run(inputs):
        yield lambda results: results
        return
    sizes = [os.path.getsize(p) for p in inputs if p != "-" and os.path.isfile(p)]
    from rich.console import Console
    from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                               TimeRemainingColumn, TransferSpeedColumn)

    total = sum(sizes) if len(sizes) == len(inputs) else None
    with Progress(TextColumn("figs"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  TextColumn("{task.fields[figures]:,} figures"), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=False,
                  # The data goes on to standard output untouched, never through the display.
                  redirect_stdout=False, redirect_stderr=False) as progress:
        task = progress.add_task("extract", total=total, figures=0)

        def shown(results):
            figures = 0
            with closing(results):
                for r in results:
                    figures += r.count
                    progress.update(task, advance=r.nbytes, figures=figures)
                    yield r

        yield shown


class _Trouble(Exception):
    """Some input failed (and was reported): do not keep the output file."""


@contextmanager
def reported_errors() -> Iterator[None]:
    """The one place errors become exit statuses: a `FigsError` is one line on stderr
    and status 2, Ctrl-C is status 130 and SIGTERM 143, each one line, and none
    shows a traceback."""
    try:
        yield
    except _Trouble:
        _exit(ExitStatus.TROUBLE)
    except FigsError as e:
        _exit(ExitStatus.TROUBLE, str(e))
    except KeyboardInterrupt:
        _exit(130, "interrupted")
    except Terminated:
        _exit(143, "terminated")


def _exit(status: int, message: str | None = None) -> None:
    """Say `message` (one line on stderr) and exit with `status`.  A Ctrl-C or
    SIGTERM from here on (a second one, or one that comes as Python ends) ends the
    process at once and quietly: the run is over, its files are cleaned up, and
    Python would print a traceback from wherever its exit had got to."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _end_now)
    if message is not None:
        _fail(message)
    sys.exit(status)


def _end_now(signum, frame) -> None:
    os._exit(128 + signum)


@main.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@output_options()
@click.option("--all", "show_all", is_flag=True, help="Also list the figures that did not change, as 'same'.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit status tells.")
def diff(old, new, fmt, output, label, escape_formulas, show_all, quiet):
    """Which figures changed, appeared or vanished between OLD and NEW.

    Each is an article (its figures are extracted; - is standard input) or a
    figures file written by figs extract (.csv, .tsv, .json, .jsonl).  Exit
    status 0: no differences, 1: differences, 2: trouble.

    \b
    Examples:
      figs diff draft.txt published.txt
      figs diff last-month.csv article.txt -f csv -o changes.csv
      figs diff old.txt new.txt -f jsonl | jq 'select(.status == "changed")'
      if figs diff -q draft.txt published.txt; then echo unchanged; fi
    """
    if old == new == "-":
        raise click.UsageError("OLD and NEW cannot both be standard input")
    # Imported here, not at the top: `figs extract` never needs them (start-up time).
    from .compare import diff as diff_figures
    from .records import load

    with reported_errors():
        refuse_an_input(output, (old, new))
        changes = list(diff_figures(load(old, label), load(new, label), include_same=show_all))
        if not quiet:
            with opened_output(output) as out:
                write_changes(changes, fmt or default_format(output), out, escape_formulas)
    differences = any(c.status != "same" for c in changes)
    _exit(ExitStatus.DIFFERENCES if differences else ExitStatus.OK)


class _CheckNames(click.Choice):
    """The names of the checks, read from `figs.checks` only when `figs check` needs
    them (to parse --check, or for its help), not at every start."""

    def __init__(self) -> None:
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self):
        from .checks import CHECKS

        return CHECKS

    @choices.setter
    def choices(self, value) -> None:
        pass


@main.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@output_options(help_format="Output format")
@click.option("--check", "checks", multiple=True, type=_CheckNames(),
              help="Only findings of this check (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; only the exit status tells.")
def check_command(paths, fmt, output, label, escape_formulas, checks, quiet):
    """Do each article's own figures add up?  Lists parts that exceed their total,
    a stated change that its from and to figures contradict (rate, difference or
    direction), shares past 100 %, and one claim stated twice with two values.

    Each PATH is an article (a text file, a directory of *.txt files, or - for
    standard input, the default) or a figures file written by figs extract
    (.csv, .tsv, .json, .jsonl; on standard input told by how it begins).  Exit
    status 0: no findings, 1: findings, 2: trouble.

    \b
    Examples:
      figs check article.txt
      figs check archive/ -f csv -o findings.csv
      figs extract news.jsonl --jsonl-field content -f jsonl | figs check -f jsonl
      if figs check -q draft.txt; then echo "its figures add up"; fi
    """
    from .checkcli import load_records, write_findings
    from .checks import check as check_records

    fmt = fmt or default_format(output)
    findings, trouble = [], False
    with reported_errors():
        paths = list(expand(paths, "*.txt"))
        refuse_an_input(output, [p for p in paths if isinstance(p, str)])
        for path in paths:
            try:
                if isinstance(path, FigsError):
                    raise path
                found = check_records(load_records(path, label))
            except FigsError as e:
                _fail(str(e))
                trouble = True
                continue
            findings.extend(f for f in found if not checks or f.check in checks)
        if trouble and output:
            raise _Trouble()  # keep no output file when an input failed
        if not quiet:
            with opened_output(output) as out:
                write_findings(findings, fmt, out, escape_formulas)
    _exit(ExitStatus.TROUBLE if trouble else ExitStatus.DIFFERENCES if findings else ExitStatus.OK)
