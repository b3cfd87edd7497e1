"""The ``dyadwatch`` click group: global options shared by every command.

The group is also the CLI's edge: an exception that escapes a command is shown as one coded
error (E001, with the log file of its traceback), never as a Python traceback.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from dyadwatch import __version__
from dyadwatch.errors import DyadwatchError, InternalError

CRASH_DIR_ENV = "DYADWATCH_LOG_DIR"


def crash_log_dir() -> Path:
    """Where tracebacks of internal errors go: $DYADWATCH_LOG_DIR, else the temp folder."""
    return Path(os.environ.get(CRASH_DIR_ENV) or Path(tempfile.gettempdir()) / "dyadwatch")


def write_crash_log(error: BaseException, folder: Path) -> Path:
    """Write the traceback, the command line and the versions to a new file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"error-{stamp}-{os.getpid()}.log"
    lines = [f"dyadwatch {__version__}, Python {platform.python_version()}, "
             f"{platform.platform()}", "command: " + " ".join(sys.argv), "",
             *traceback.format_exception(error)]
    path.write_text("\n".join(line.rstrip("\n") for line in lines) + "\n", encoding="utf-8")
    return path


def internal_error(error: Exception, command: str) -> InternalError:
    """E001 for an unexpected exception, its traceback saved to a log file."""
    try:
        log = str(write_crash_log(error, crash_log_dir()))
    except OSError as e:
        log = f"(not written: {e}; run again with -vv to see the traceback)"
    detail = " ".join(str(error).split())[:200] or "no message"
    return InternalError(command=command, kind=type(error).__name__, detail=detail, log=log)


class DyadwatchGroup(click.Group):
    """A click group that turns any exception escaping a command into one coded error."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except DyadwatchError as e:
            raise click.ClickException(str(e)) from e
        except Exception as e:
            logging.getLogger("dyadwatch.cli").debug("internal error", exc_info=True)
            command = ctx.invoked_subcommand or ctx.info_name or "?"
            raise click.ClickException(str(internal_error(e, command))) from e


@click.group(cls=DyadwatchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="dyadwatch")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr; no progress bar.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """dyadwatch: news to political event data (CAMEO, PLOVER, Goldstein) with evidence."""
    levels = (logging.WARNING, logging.INFO, logging.DEBUG)
    level = logging.ERROR if quiet else levels[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["quiet"] = quiet
