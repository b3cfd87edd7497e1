"""`dyadwatch runs` and `dyadwatch errors`: what ran, how it ended, what failed and why."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dyadwatch.cli.common import db_option, existing_db
from dyadwatch.cli.main import cli
from dyadwatch.errors import DyadwatchError

if TYPE_CHECKING:  # duckdb is imported where a database is opened, not for --help
    import duckdb

    from dyadwatch.store.runs import FailureRecord, RunRecord

_DB_OPTION = db_option()
_FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
    show_default=True, help="Output format: an aligned table, or JSON Lines.",
)
_RUN_HEADER = ("run", "status", "command", "started (UTC)", "took", "read", "coded",
               "skipped", "new events", "failures")
_ERROR_HEADER = ("run", "code", "input", "message")


@cli.command("runs")
@_DB_OPTION
@_FORMAT_OPTION
def runs_command(db_path: Path | None, fmt: str) -> None:
    """List recorded runs: start, duration, counts, and how each ended."""
    from dyadwatch.store.runs import list_runs

    with _read_db(existing_db(db_path)) as conn:
        runs = list_runs(conn)
    if fmt == "jsonl":
        _echo_jsonl(run.to_record() for run in runs)
        return
    _echo_table(_RUN_HEADER, [_run_row(run) for run in runs])


@cli.command("errors")
@_DB_OPTION
@click.option("--run", "run_id", type=int, default=None,
              help="Only this run's failures (default: every run's, each failure once).")
@click.option("--code", default=None, metavar="EXXX", help="Only failures with this code.")
@_FORMAT_OPTION
def errors_command(db_path: Path | None, run_id: int | None, code: str | None, fmt: str) -> None:
    """List what failed and why: code, input and message (see docs/errors.md)."""
    from dyadwatch.store.runs import list_failures

    path = existing_db(db_path)
    with _read_db(path) as conn:
        try:
            failures = list_failures(conn, run_id, code, str(path))
        except DyadwatchError as e:
            raise click.ClickException(str(e)) from e
    if fmt == "jsonl":
        _echo_jsonl(failure.to_record() for failure in failures)
        return
    if not failures:
        click.echo(_no_failures(path, run_id, code))
        return
    _echo_table(_ERROR_HEADER, [_failure_row(failure) for failure in failures])


def _no_failures(path: Path, run_id: int | None, code: str | None) -> str:
    scope = f" in run {run_id}" if run_id is not None else ""
    kind = f" with code {code}" if code else ""
    return f"No failures{kind}{scope} recorded in {path}."


@contextmanager
def _read_db(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The database opened read-only; the coded error when unreadable."""
    from dyadwatch.store.db import open_db

    try:
        conn = open_db(db_path, read_only=True)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    try:
        yield conn
    finally:
        conn.close()


def _run_row(run: RunRecord) -> tuple[str, ...]:
    return (str(run.run_id), run.status, run.command, _when(run.started_at),
            _took(run.started_at, run.finished_at), str(run.articles_read),
            str(run.articles_coded), str(run.articles_skipped), str(run.events_new),
            str(run.failures))


def _failure_row(failure: FailureRecord) -> tuple[str, ...]:
    run = str(failure.run_id) if failure.runs <= 1 else f"{failure.run_id} (x{failure.runs})"
    message = failure.message.removeprefix(f"{failure.input}: ")
    return (run, failure.code, failure.input, message)


def _when(moment: datetime) -> str:
    return moment.isoformat(sep=" ", timespec="seconds")


def _took(start: datetime, end: datetime | None) -> str:
    if end is None:
        return "-"
    seconds = max(0.0, (end - start).total_seconds())
    return f"{seconds:.1f}s" if seconds < 120 else f"{seconds / 60:.1f}m"


def _echo_jsonl(records: Iterator[dict[str, Any]]) -> None:
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False, default=str))


def _echo_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Left-aligned columns; the last column (messages) is not padded."""
    widths = [max(len(str(cell)) for cell in column)
              for column in zip(header, *rows, strict=True)]
    for row in (header, *rows):
        cells = [str(cell).ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        click.echo("  ".join([*cells, str(row[-1])]).rstrip())
