"""Dyad analysis, export and GDELT import commands (thin wrappers over the library)."""

from __future__ import annotations

import json
import logging
import math
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from dyadwatch.cli.common import (
    DB_HELP,
    actor_filter_options,
    coded_errors,
    existing_db,
    min_confidence,
    min_confidence_option,
    resolve_db,
)
from dyadwatch.cli.common import db_option as common_db_option
from dyadwatch.cli.main import cli

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger("dyadwatch.cli")

FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("gdelt", "plover", "phoenix", "parquet")
UNKNOWN_DATE = "date unknown"  # what a timeline shows for an undated event (listed last)


# ---- shared plumbing -----------------------------------------------------------------


def _open(db_path: Path | None) -> Any:
    from dyadwatch.api_python import EventDB

    return EventDB(existing_db(db_path), min_confidence())


def _reader(db_path: Path | None) -> Any:
    """The database without the analyses' pandas (the commands that print plain rows)."""
    from dyadwatch.event_reader import EventReader

    return EventReader(existing_db(db_path), min_confidence())


def emit_records(kinds: dict[str, str], rows: list[dict[str, Any]], fmt: str) -> None:
    """Write records as emit writes the DataFrame of the same rows (dyadwatch.cli.tables)."""
    from dyadwatch.cli.tables import Table, emit_table

    emit_table(Table.from_records(kinds, rows), fmt, sys.stdout)


db_option = common_db_option(DB_HELP + " Opened read-only.")


def window_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = min_confidence_option(func)
    func = click.option("--until", default=None, show_default=True,
                        help="Last event date to include (YYYY-MM-DD).")(func)
    return click.option("--since", default=None, show_default=True,
                        help="First event date to include (YYYY-MM-DD).")(func)


def freq_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week",
                        show_default=True, help="Period of the series.")(func)


def auto_freq_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--freq", type=click.Choice(["auto", "day", "week", "month"]),
                        default="auto", show_default=True,
                        help="Period of the series; auto chooses it from the dates of the "
                        "events (docs/analysis.md) and says which.")(func)


def format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format on stdout.")(func)


def dyad_arguments(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.argument("b")(func)
    return click.argument("a")(func)


def _cell(value: Any) -> Any:
    import pandas as pd

    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, tuple):
        return [_cell(item) for item in value]
    if isinstance(value, dict):
        return {key: _cell(item) for key, item in value.items()}
    if hasattr(value, "item"):  # numpy scalars
        return _cell(value.item())
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{key: _cell(value) for key, value in row.items()} for row in frame.to_dict("records")]


def emit(frame: pd.DataFrame, fmt: str, out: IO[str] | None = None) -> None:
    """Write a frame to stdout as an aligned table, CSV or a JSON array."""
    import pandas as pd

    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(_records(frame), ensure_ascii=False, indent=1) + "\n")
        return
    flat = frame.copy()
    for column in flat.columns:
        if pd.api.types.is_datetime64_any_dtype(flat[column]):
            flat[column] = flat[column].dt.strftime("%Y-%m-%d")
    if fmt == "csv":
        flat.to_csv(out, index=False, float_format="%.6g")
    elif flat.empty:
        out.write("(no rows)\n")
    else:
        out.write(flat.to_string(index=False, float_format=lambda v: f"{v:.3f}") + "\n")


# ---- dyads, series ----------------------------------------------------------------------


@cli.command("dyads")
@db_option
@window_options
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="How many dyads to list.")
@click.option("--by", type=click.Choice(["code", "country"]), default="code",
              show_default=True, help="Pair actors by full code or by country.")
@format_option
def dyads_command(db_path: Path | None, since: str | None, until: str | None, top: int,
                  by: str, fmt: str) -> None:
    """List the most active dyads (both directions) with counts by quad class."""
    from dyadwatch.analysis.dyad_ranking import DYAD_KINDS

    with coded_errors():
        rows = _reader(db_path).dyad_records(since, until, top, by)
    emit_records(DYAD_KINDS, rows, fmt)


@cli.command("series")
@dyad_arguments
@db_option
@window_options
@freq_option
@format_option
def series_command(a: str, b: str, db_path: Path | None, since: str | None,
                   until: str | None, freq: str, fmt: str) -> None:
    """Per-period event counts by quad class and Goldstein sum/mean for A->B and B->A.

    A and B are actor patterns: TUR (three letters: the country, any actor of it), TURGOV
    (exactly that code), TUR* (codes starting with TUR), =TUR (the code TUR alone).
    """
    from dyadwatch.analysis.periods import SERIES_KINDS

    with coded_errors():
        rows = _reader(db_path).series_records(a, b, freq, since, until)
    labels = {"AB": f"{a.upper()}->{b.upper()}", "BA": f"{b.upper()}->{a.upper()}"}
    emit_records(SERIES_KINDS, [{**row, "direction": labels[row["direction"]]} for row in rows],
                 fmt)


# ---- escalation ------------------------------------------------------------------------


@cli.command("escalation")
@dyad_arguments
@db_option
@window_options
@auto_freq_option
@click.option("--direction", type=click.Choice(["both", "AB", "BA"]), default="both",
              show_default=True, help="Series to segment: both directions, A->B or B->A.")
@click.option("--penalty", "beta", type=click.FloatRange(min=0, min_open=True), default=4.0,
              show_default=True, help="Factor beta of the PELT penalty beta*sigma^2*log(n); "
              "sigma (the series' noise) and n come from the data.")
@click.option("--measure", type=click.Choice(["sum", "mean"]), default="sum", show_default=True,
              help="Signal to segment: net Goldstein per period (quiet periods 0) or the "
                   "mean Goldstein of each period's events.")
@click.option("--min-change", type=click.FloatRange(min=0), default=0.0, show_default=True,
              help="Drop episodes whose change in the signal's level is smaller than this.")
@click.option("--drivers", type=click.IntRange(min=0), default=3, show_default=True,
              help="Driving events listed per episode.")
@format_option
def escalation_command(a: str, b: str, db_path: Path | None, since: str | None,
                       until: str | None, freq: str, direction: str, beta: float, measure: str,
                       min_change: float, drivers: int, fmt: str) -> None:
    """Escalation and de-escalation episodes (change points in the Goldstein series)."""
    from dyadwatch.analysis.escalation import episodes_frame

    with coded_errors():
        result = _open(db_path).escalation_result(a, b, freq, since, until, direction=direction,
                                             beta=beta, min_change=min_change,
                                             drivers=drivers, measure=measure)
    click.echo(f"Escalation {a.upper()}-{b.upper()}: {result.choice.describe()}", err=True)
    click.echo(f"PELT {result.penalty.describe()}", err=True)
    if result.choice.caution():
        click.echo(result.choice.caution(), err=True)
    frame = episodes_frame(result.episodes)
    if fmt == "table":
        _episodes_table(frame)
    elif fmt == "csv":
        emit(frame.assign(drivers=frame["drivers"].map(
            lambda ds: ";".join(str(d["event_id"]) for d in ds))), fmt)
    else:
        emit(frame, fmt)


def _episodes_table(frame: pd.DataFrame) -> None:
    if frame.empty:
        click.echo("(no episodes)")
        return
    for row in frame.to_dict("records"):
        click.echo(f"{row['start'].date()} .. {row['end'].date()}  {row['direction']:<13} "
                   f"{row['size']:+.2f} ({row['mean_before']:.2f} -> {row['mean_after']:.2f})  "
                   f"{row['events']} events")
        for d in row["drivers"]:
            click.echo(f"    {d['date']} {d['source']}->{d['target']} {d['cameo']} "
                       f"{d['goldstein']}: {d['sentence']}")


# ---- reciprocity -----------------------------------------------------------------------


@cli.command("reciprocity")
@dyad_arguments
@db_option
@window_options
@auto_freq_option
@click.option("--max-lag", type=click.IntRange(min=0, max=52), default=4, show_default=True,
              help="Largest lag K (in periods) of the cross-correlation.")
@click.option("--permutations", type=click.IntRange(min=0), default=999, show_default=True,
              help="Permutations for the p-value.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the permutation generator (same seed, same p-values).")
@format_option
def reciprocity_command(a: str, b: str, db_path: Path | None, since: str | None,
                        until: str | None, freq: str, max_lag: int, permutations: int, seed: int,
                        fmt: str) -> None:
    """Does B answer A in kind (and A answer B), and with what lag? Lagged
    cross-correlation of the two directed series with a permutation-test p-value."""
    from dyadwatch.analysis.reciprocity import reciprocity_frame

    with coded_errors():
        found, choice = _open(db_path).reciprocity_choice(
            a, b, freq, since, until, max_lag, permutations=permutations, seed=seed)
    click.echo(f"Reciprocity {a.upper()}-{b.upper()}: {choice.describe()}; lags are in "
               f"{choice.freq}s.", err=True)
    if choice.caution():
        click.echo(choice.caution(), err=True)
    frame = reciprocity_frame(found)
    emit(frame.drop(columns=["ccf"]) if fmt == "table" else frame, fmt)


# ---- timeline, report ------------------------------------------------------------------


@cli.command("timeline")
@dyad_arguments
@db_option
@window_options
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text",
              show_default=True, help="Output format on stdout.")
def timeline_command(a: str, b: str, db_path: Path | None, since: str | None, until: str | None,
                     fmt: str) -> None:
    """The dyad's events in date order with the evidence sentence and the source."""
    from dyadwatch.analysis.timeline import TIMELINE_KINDS, mood_label
    from dyadwatch.cli.tables import Table, records

    with coded_errors():
        rows = _reader(db_path).timeline_records(a, b, since, until)
    if fmt != "text":
        emit_records(TIMELINE_KINDS, rows, fmt)
        return
    for row in records(Table.from_records(TIMELINE_KINDS, rows)):
        mood = mood_label(row.get("modality"), bool(row.get("negated")))
        click.echo(f"{row['date'] or UNKNOWN_DATE}  {row['direction']}  {row['cameo']} "
                   f"{row['event']}{f' [{mood}]' if mood else ''}  Goldstein {row['goldstein']}")
        click.echo(f"    \u201c{row['sentence']}\u201d")
        click.echo(f"    {row['url'] or row['article_id']}")


@cli.command("report")
@dyad_arguments
@db_option
@window_options
@freq_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              default="report.html", show_default=True, help="HTML file to write.")
@click.option("--max-lag", type=click.IntRange(min=0, max=52), default=4, show_default=True,
              help="Largest reciprocity lag (periods).")
@click.option("--permutations", type=click.IntRange(min=0), default=999, show_default=True,
              help="Permutations for reciprocity p-values.")
@click.option("--seed", type=int, default=0, show_default=True, help="Permutation seed.")
def report_command(a: str, b: str, db_path: Path | None, since: str | None,
                   until: str | None, freq: str, output: str, max_lag: int,
                   permutations: int, seed: int) -> None:
    """Write a self-contained HTML crisis report for the dyad A-B."""
    with coded_errors():
        path = _open(db_path).report(a, b, output, freq, since, until, max_lag=max_lag,
                                permutations=permutations, seed=seed)
    click.echo(f"wrote {path}", err=True)


# ---- export, import ---------------------------------------------------------------------


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="gdelt (61-column TSV), plover (JSONL), phoenix (TSV) or parquet.")
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file; '-' is stdout (not for parquet).")
@db_option
@window_options
@actor_filter_options
@click.option("--article", "--article-id", "article_id", default=None,
              help="Only the events of this article id.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="At most this many events.")
def export_command(fmt: str, output: str, db_path: Path | None, since: str | None,
                   until: str | None, source: str | None, target: str | None,
                   article_id: str | None, limit: int | None) -> None:
    """Export events as GDELT 2.0, PLOVER, Phoenix or Parquet."""
    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet needs -o PATH (Parquet is not written to stdout)")
    from dyadwatch.store.queries import event_query

    with coded_errors():  # a malformed pattern or date is a usage error, database or not
        query = event_query(source, target, since, until, article_id=article_id, limit=limit)
    with coded_errors():
        db = _open(db_path)
        written = _export(db.conn, db.checked(query), fmt, output)
    click.echo(f"exported {written.events} events ({fmt})", err=True)
    if written.undated:
        click.echo(f"skipped {written.undated} events without a date: a GDELT row needs "
                   "SQLDATE (list them with `dyadwatch events`)", err=True)


@dataclass(frozen=True, slots=True)
class Written:
    events: int
    undated: int = 0


def _export(conn: Any, query: Any, fmt: str, output: str) -> Written:
    from dyadwatch.store.export import write_parquet
    from dyadwatch.store.queries import iter_events

    events = iter_events(conn, query)
    if fmt == "parquet":
        return Written(write_parquet(events, output))
    if output == "-":
        return _write_text(conn, events, fmt, sys.stdout)
    with open(output, "w", encoding="utf-8", newline="\n") as fh:
        return _write_text(conn, events, fmt, fh)


def _write_text(conn: Any, events: Iterator[Any], fmt: str, fh: IO[str]) -> Written:
    from dyadwatch.store import export, queries

    count = undated = 0
    for chunk in _chunks(events, 10_000):
        ids = [event.article_id for event in chunk]
        if fmt == "gdelt":
            extras = queries.gdelt_extras(conn, [event.event_id for event in chunk])
            urls = {k: u for k, (u, _) in queries.article_urls(conn, ids).items() if u}
            written = export.write_gdelt(chunk, fh, extras, urls)
            undated += len(chunk) - written
            count += written
        elif fmt == "phoenix":
            count += export.write_phoenix(chunk, fh, queries.article_urls(conn, ids))
        else:
            count += export.write_plover(chunk, fh)
    return Written(count, undated)


@cli.command("import-gdelt")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@common_db_option(DB_HELP + " Created when missing.")
@click.option("--strict", is_flag=True, show_default=True,
              help="Exit 1 when any row could not be read.")
def import_gdelt_command(file: str, db_path: Path | None, strict: bool) -> None:
    """Import a GDELT 2.0 event export (61-column TSV) into the events table."""
    target = resolve_db(db_path)
    created = not target.exists()
    try:
        with coded_errors():
            report = _import_gdelt(target, file)
    except click.ClickException:
        if created:
            _remove_database(target)
        raise
    click.echo(f"imported {report.events} events from {file} into {target}: "
               f"{report.new} new, {report.events - report.new} already there "
               f"({len(report.failures)} rows skipped)", err=True)
    if strict and report.failures:
        raise click.ClickException(f"{len(report.failures)} rows could not be read: "
                                   f"{report.failures[0].message}")


def _import_gdelt(target: Path, file: str) -> Any:
    """One recorded import-gdelt run into ``target``; the run is marked failed on error."""
    from dyadwatch.model import RunSummary
    from dyadwatch.store.db import finish_run, open_db, start_run
    from dyadwatch.store.gdelt import import_gdelt

    conn = open_db(target)
    try:
        run_id = start_run(conn, "import-gdelt", {}, {}, [file])
        try:
            report = import_gdelt(conn, file, run_id)
        except BaseException:
            finish_run(conn, run_id, RunSummary(), status="failed")
            raise
        finish_run(conn, run_id, RunSummary(events=report.events, events_new=report.new,
                                            failures=report.failures))
        return report
    finally:
        conn.close()


def _remove_database(target: Path) -> None:
    """Delete a database file this command created and could not fill (and its WAL)."""
    for path in (target, target.with_name(target.name + ".wal")):
        path.unlink(missing_ok=True)
