"""Plumbing shared by the commands: the one ``--db`` option, opening a database to read,
and turning coded errors into click exits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from dyadwatch.errors import (
    BadActorPatternError,
    BadDateWindowError,
    DatabaseNotFoundError,
    DyadwatchError,
)

DB_HELP = ("Event database (DuckDB file). Default: the setting store.db "
           "(dyadwatch.duckdb unless DYADWATCH_STORE__DB or a --config file sets it).")


def db_option(help_text: str = DB_HELP) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--db FILE`` (parameter ``db_path``), None when not given: see :func:`resolve_db`."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                        default=None, help=help_text)


def resolve_db(db_path: Path | None, configured: str | None = None) -> Path:
    """``--db`` when given, else the setting store.db (``configured`` when the command has
    already resolved its settings, else the defaults and DYADWATCH_* variables)."""
    if db_path is not None:
        return db_path
    if configured is None:
        from dyadwatch.config import load_config

        try:
            configured = load_config().store.db
        except DyadwatchError as e:
            raise click.ClickException(str(e)) from e
    return Path(configured)


def db_setting(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """Click callback for a ``--db`` given as text: the value, else the setting store.db."""
    return str(resolve_db(Path(value) if value else None))


def existing_db(db_path: Path | None) -> Path:
    """The database to read; E705 (exit 1) when the file does not exist."""
    path = resolve_db(db_path)
    if not path.is_file():
        raise click.ClickException(str(DatabaseNotFoundError(path=str(path))))
    return path


MIN_CONFIDENCE = "min_confidence"


def min_confidence_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--min-confidence X``: read only events with a confidence of at least X. The value
    is kept in the context (:func:`min_confidence`), so every command that opens the
    database for reading applies it without a parameter of its own."""
    return click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
                        metavar="X", expose_value=False, callback=_keep_min_confidence,
                        help="Only events with a confidence of at least X (0-1; "
                        "docs/events.md). Events stored without one are left out.")(func)


def _keep_min_confidence(ctx: click.Context, param: click.Parameter,
                         value: float | None) -> float | None:
    if value is not None:
        ctx.meta[MIN_CONFIDENCE] = value
    return value


def min_confidence() -> float | None:
    """The ``--min-confidence`` of the running command (None when not given)."""
    ctx = click.get_current_context(silent=True)
    value = ctx.meta.get(MIN_CONFIDENCE) if ctx is not None else None
    return float(value) if value is not None else None


def actor_filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--source and --target: actor patterns (docs/analysis.md, "Actor patterns")."""
    for role in ("target", "source"):
        func = click.option(f"--{role}", default=None, metavar="PATTERN",
                            help=f"{role.capitalize()} actor: USA (the country), USAGOV "
                            "(exactly that code), USA* (codes starting with USA).")(func)
    return func


@contextmanager
def coded_errors() -> Iterator[None]:
    """Coded errors → exit 2 for bad arguments (E701, E704), exit 1 for everything else."""
    try:
        yield
    except (BadActorPatternError, BadDateWindowError) as e:
        raise click.UsageError(str(e)) from e
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
