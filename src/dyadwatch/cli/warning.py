"""Early-warning commands: alerts, forecast, backtest, import-panel (thin wrappers)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from dyadwatch.cli.analysis import emit
from dyadwatch.cli.common import (
    DB_HELP,
    coded_errors,
    db_setting,
    min_confidence,
    min_confidence_option,
)
from dyadwatch.cli.main import cli
from dyadwatch.errors import (
    DatabaseNotFoundError,
    DyadwatchError,
)

if TYPE_CHECKING:
    import duckdb

    from dyadwatch.early_warning import AlertResult, BacktestResult, Forecast

BRIEF_SUFFIXES = (".html", ".htm", ".md", ".atom", ".xml", ".json")




def _read_only(db: str) -> duckdb.DuckDBPyConnection:
    from dyadwatch.store.db import open_db

    if not Path(db).is_file():
        raise DatabaseNotFoundError(path=db)
    return open_db(db, read_only=True)


def _db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default=None, callback=db_setting,
                        help=DB_HELP + " Opened read-only.")(func)


def _by_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--by", type=click.Choice(["country", "actor"]), default="country",
                        show_default=True,
                        help="Pair actors by country or by full actor code.")(func)


def _panel_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--panel", default=None, show_default=True,
                        help="Use this imported panel (see import-panel) instead of the coded "
                             "events; the two are never pooled.")(func)


def _panel_data(db: str, panel: str | None, freq: str, by: str) -> Any:
    """The dyad-period panel that forecast and backtest read (coded events, dyadic and at
    least --min-confidence sure, or an import)."""
    from dyadwatch.early_warning import load_panel

    conn = _read_only(db)
    try:
        return load_panel(conn, panel, freq, by, db,  # type: ignore[arg-type]
                          min_confidence=min_confidence())
    finally:
        conn.close()


def _model_freq_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--freq", type=click.Choice(["day", "week", "month", "year"]),
                        default="month", show_default=True,
                        help="Period of the coded events (an imported panel keeps its "
                             "own).")(func)


def _format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "json"]),
                        default="table", show_default=True,
                        help="Output format on stdout.")(func)


# ---- alerts -------------------------------------------------------------------------------


@cli.command("alerts")
@_db_option
@click.option("--as-of", "as_of", default=None, show_default=True,
              help="Judge the period holding this date (YYYY-MM-DD); only articles published "
                   "by then count. Default: the latest coded article's date.")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week",
              show_default=True, help="Length of a period.")
@click.option("--min-events", type=click.IntRange(min=1), default=2, show_default=True,
              help="Events a dyad needs in the judged period to be considered.")
@click.option("--baseline", type=click.IntRange(min=2, max=104), default=8,
              show_default=True, help="Periods before the judged one that form the baseline.")
@click.option("--z", "z", type=click.FloatRange(min=0.5), default=2.0, show_default=True,
              help="Fire when net Goldstein per article falls this many baseline sd.")
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True,
              help="How many dyads to list.")
@_by_option
@min_confidence_option
@_format_option
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Also write a brief: .html (one self-contained page), .md, .atom or "
                   ".json, by the file's extension.")
@click.option("--forecast-freq", type=click.Choice(["week", "month", "none"]), default="month",
              show_default=True, help="Period of the forecasts shown in the brief (none: "
                                      "no forecast).")
def alerts_command(db: str, as_of: str | None, freq: str, min_events: int, baseline: int,
                   z: float, top: int, by: str, fmt: str, output: str | None,
                   forecast_freq: str | None) -> None:
    """Rank the dyads whose latest period turned against their own recent baseline."""
    from dyadwatch.early_warning import AlertSettings, alert_forecasts, compute_alerts

    _check_suffix(output)
    settings = AlertSettings(as_of, freq, by, min_events, baseline, z, top,  # type: ignore[arg-type]
                             min_confidence())
    forecasts: dict[str, Any] = {}
    with coded_errors():
        if as_of:
            from dyadwatch.store.queries import check_window

            check_window(as_of, None)
        conn = _read_only(db)
        try:
            result = compute_alerts(conn, settings, db)
            if output and forecast_freq != "none":
                forecasts = alert_forecasts(conn, result, forecast_freq or "month")
        finally:
            conn.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(result.record(), ensure_ascii=False, indent=1) + "\n")
    else:
        _alerts_table(result, sys.stdout)
    if output:
        from dyadwatch.brief import write_brief

        write_brief(result, Path(output), forecasts)
        click.echo(f"Brief written to {output}", err=True)


def _check_suffix(output: str | None) -> None:
    if output and Path(output).suffix.lower() not in BRIEF_SUFFIXES:
        raise click.BadParameter(f"{output}: use one of {', '.join(BRIEF_SUFFIXES)}",
                                 param_hint="-o/--output")


def _alerts_table(result: AlertResult, out: IO[str]) -> None:
    record = result.record()
    out.write(f"Alerts as of {record['as_of']}: {record['freq']} {record['period_start']} to "
              f"{record['period_end']}, {record['articles_latest']} articles coded "
              f"(baseline: {record['baseline_periods']} {record['freq']}s, "
              f"{record['articles_baseline']} articles)\n")
    if record["note"]:
        out.write(f"Note: {record['note']}\n")
    if not result.alerts:
        out.write("No dyad turned.\n")
    for rank, alert in enumerate(result.alerts, start=1):
        out.write(f"{rank}. {alert.actor_a} – {alert.actor_b}  score {alert.score:.2f}  "
                  f"events {alert.events}  net Goldstein/article "
                  f"{alert.net_goldstein_per_article:+.2f} (baseline "
                  f"{alert.baseline_mean:+.2f} ± {alert.baseline_sd:.2f})\n")
        for reason in alert.why:
            out.write(f"     why: {reason}\n")
        for item in alert.evidence:
            out.write(f"     “{item['sentence']}” ({item['date']}, "
                      f"{item['publisher'] or item['article_id']})\n")


# ---- forecast and backtest ---------------------------------------------------------------------


@cli.command("forecast")
@click.argument("a")
@click.argument("b")
@_db_option
@_panel_option
@_model_freq_option
@click.option("--horizon", type=click.IntRange(min=1, max=12), default=1, show_default=True,
              help="How many periods ahead.")
@click.option("--origins", type=click.IntRange(min=2, max=60), default=6, show_default=True,
              help="Earlier periods over which the track record is measured.")
@_by_option
@min_confidence_option
@_format_option
def forecast_command(a: str, b: str, db: str, panel: str | None, freq: str, horizon: int,
                     origins: int, by: str, fmt: str) -> None:
    """Probability of material conflict between A and B next period, with its track record."""
    from dyadwatch.early_warning import forecast_pair

    with coded_errors():
        data = _panel_data(db, panel, freq, by)
        result = forecast_pair(data, a, b, horizon, origins)
    if fmt == "json":
        sys.stdout.write(json.dumps(result.record(), ensure_ascii=False, indent=1) + "\n")
        return
    _forecast_table(result, sys.stdout)


def _forecast_table(result: Forecast, out: IO[str]) -> None:
    out.write(f"Forecast for the {result.freq} starting {result.period} "
              f"({result.horizon} ahead), from {result.data}\n")
    for d in result.directions:
        cal = d["calibration"]
        calib = (f"when the model said {cal['bin']}, it happened {cal['observed']:.0%} of "
                 f"{cal['n']} times" if cal["n"] else "no backtest forecast in this range")
        out.write(f"  {d['source']} → {d['target']}: P(material conflict) "
                  f"{d['probability']:.1%}  [{calib}]\n")
        gold = d["net_goldstein"]
        if gold:
            out.write(f"      expected net Goldstein {gold['expected']:+.1f} "
                      f"({gold['interval']} interval {gold['low']:+.1f} to {gold['high']:+.1f}, "
                      f"from the {gold['from']})\n")
        else:
            out.write("      no net Goldstein forecast: this data carries no Goldstein values\n")
    out.write("Track record (rolling origin, same data):\n")
    _scores_table(result.track.scores, out)


def _scores_table(scores: Any, out: IO[str]) -> None:
    table = scores[["forecaster", "n", "base_rate", "brier", "log_loss", "aupr"]]
    emit(table, "table", out)


@cli.command("backtest")
@_db_option
@_panel_option
@_model_freq_option
@click.option("--target", type=click.Choice(["any", "above-median"]), default="any",
              show_default=True, help="Outcome: any material conflict, or more than the "
                                      "dyad's median over the training periods.")
@click.option("--horizon", type=click.IntRange(min=1, max=12), default=1, show_default=True,
              help="How many periods ahead.")
@click.option("--from", "first", default=None, help="First origin (a period's first day).")
@click.option("--to", "last", default=None, help="Last origin (a period's first day).")
@click.option("--origins", type=click.IntRange(min=1), default=6, show_default=True,
              help="Without --from/--to: the last N periods are the origins.")
@_by_option
@min_confidence_option
@_format_option
@click.option("--predictions", type=click.Path(dir_okay=False), default=None,
              help="Also write every prediction as CSV to this file.")
def backtest_command(db: str, panel: str | None, freq: str, target: str, horizon: int,
                     first: str | None, last: str | None, origins: int, by: str, fmt: str,
                     predictions: str | None) -> None:
    """Rolling-origin backtest: the model against persistence and climatology."""
    from dyadwatch.early_warning import run_backtest

    with coded_errors():
        data = _panel_data(db, panel, freq, by)
        result = run_backtest(data, target.replace("-", "_"), horizon,  # type: ignore[arg-type]
                              first, last, None if (first or last) else origins)
    if predictions:
        result.predictions.to_csv(predictions, index=False)
    if fmt == "json":
        sys.stdout.write(json.dumps(result.record(), ensure_ascii=False, indent=1) + "\n")
        return
    _backtest_table(result, sys.stdout)


def _backtest_table(result: BacktestResult, out: IO[str]) -> None:
    record = result.record()
    out.write(f"Backtest on {result.origin}, {result.freq}s, target {result.target}, horizon "
              f"{result.horizon}, origins {', '.join(record['origins'])}\n")
    _scores_table(result.scores, out)
    out.write("Reliability of the model (forecasts grouped by probability):\n")
    emit(result.reliability, "table", out)
    if result.goldstein:
        g = result.goldstein
        out.write(f"Net Goldstein: mean absolute error {g['mae']:.2f}; 80% of errors within "
                  f"{g['q10']:+.2f} to {g['q90']:+.2f}\n")


# ---- import-panel ----------------------------------------------------------------------------


@cli.command("import-panel")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--db", default=None, callback=db_setting, help=DB_HELP + " Created when missing.")
@click.option("--name", default=None, help="Panel name (default: the file name's stem).")
@click.option("--strict", is_flag=True, help="Exit 1 when any row was refused.")
def import_panel_command(file: str, db: str, name: str | None, strict: bool) -> None:
    """Load a dyad-period table of quad-class counts (ICEWS or GDELT aggregates) as a panel."""
    from dyadwatch.store import db as store_db
    from dyadwatch.store.panel import finish_import, read_panel_file, store_panel

    panel_name = name or Path(file).name.split(".")[0]
    try:
        read = read_panel_file(file)
        conn = store_db.open_db(db)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    try:
        run = store_db.start_run(conn, "import-panel", {"name": panel_name}, {}, [file])
        rows = store_panel(conn, panel_name, read, file, run)
        store_db.insert_failures(conn, run, read.failures)
        finish_import(conn, run, read.refused)
    finally:
        conn.close()
    gold = "with" if read.frame["goldstein_sum"].notna().any() else "without"
    click.echo(f"Imported panel {panel_name!r} into {db}: {rows} dyad-{read.freq}s {gold} "
               f"Goldstein values; {read.refused} rows refused", err=True)
    if strict and read.refused:
        raise click.ClickException(f"{read.refused} rows of {file} were refused "
                                   "(see `dyadwatch errors`)")
