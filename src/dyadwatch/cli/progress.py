"""The progress bar of long commands: records done of the total, rate and time left.

The total is counted before the run where that is cheap (one article per text or HTML
file, the lines of a JSON Lines file, the rows of a CSV file); for feeds and WARC archives,
or inputs larger than COUNT_LIMIT_BYTES, it is unknown and the bar shows the count and
rate only.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

COUNT_LIMIT_BYTES = 2 * 1024**3  # counting reads every byte once: skip it above this
_ONE_EACH = frozenset({".txt", ".text", ".md", ".html", ".htm"})
_LINES = frozenset({".jsonl", ".ndjson"})


def _format_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _open_text(path: Path) -> IO[str]:
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8", errors="replace",
                                newline="")
    return open(path, encoding="utf-8", errors="replace", newline="")  # noqa: SIM115


def records_in(path: Path) -> int | None:
    """Articles (or records) one input file will yield, or None when not cheap to know."""
    ext = _format_suffix(path)
    if ext in _ONE_EACH:
        return 1
    if ext not in _LINES and ext != ".csv":
        return None
    try:
        with _open_text(path) as fh:
            if ext in _LINES:
                return sum(1 for line in fh if line.strip())
            return max(sum(1 for row in csv.reader(fh) if any(row)) - 1, 0)
    except (OSError, EOFError, csv.Error, gzip.BadGzipFile):
        return None  # the reader will record the problem; the bar just has no total


def count_records(files: Iterable[Path]) -> int | None:
    """The total of records_in over ``files``; None when one of them is unknown or the
    files are too large to count cheaply."""
    paths = list(files)
    try:
        size = sum(path.stat().st_size for path in paths)
    except OSError:
        return None
    if size > COUNT_LIMIT_BYTES:
        return None
    total = 0
    for path in paths:
        found = records_in(path)
        if found is None:
            return None
        total += found
    return total


def _columns(total: int | None) -> tuple[Any, ...]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    rate = TextColumn("{task.fields[rate]}")
    if total is None:
        return (SpinnerColumn(), TextColumn("{task.completed} articles"), rate,
                TimeElapsedColumn())
    return (BarColumn(), MofNCompleteColumn(), TextColumn("articles"), rate,
            TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())


def _rate(speed: float | None) -> str:
    return f"{speed:.1f}/s" if speed else "-/s"


@contextmanager
def progress_bar(quiet: bool, total: int | None = None,
                 console: Any = None) -> Iterator[Callable[[int], None] | None]:
    """``advance(n)`` on a rich bar on stderr when it is a terminal (or on ``console``);
    None when quiet or not a terminal."""
    import sys

    if quiet or (console is None and not sys.stderr.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(*_columns(total), console=console or Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("coding", total=total, rate=_rate(None))

        def advance(n: int) -> None:
            bar.advance(task, n)
            bar.update(task, rate=_rate(bar.tasks[0].speed))

        yield advance
