"""Early warning over an event database: alerts, forecasts and backtests.

Plain functions behind ``dyadwatch alerts | forecast | backtest``, the API's ``/api/alerts``
and ``/alerts.atom``, and ``watch --brief``. They read through ``dyadwatch.store`` and
compute with ``dyadwatch.analysis.alerts`` and ``dyadwatch.forecast``. Coded events and
imported panels are never pooled: a forecast or backtest runs on one or the other, and
says which. See docs/alerts.md and docs/forecasting.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from dyadwatch.analysis import alerts as al
from dyadwatch.analysis.series import Freq
from dyadwatch.errors import (
    BadDateWindowError,
    DyadwatchError,
    NoAlertDataError,
    UnknownForecastDyadError,
)
from dyadwatch.forecast import backtest as bt
from dyadwatch.forecast.features import Target, complete_panel
from dyadwatch.store import alerts as store_alerts
from dyadwatch.store import panel as store_panel
from dyadwatch.store.queries import DateWindow, check_confidence, event_query

if TYPE_CHECKING:
    import duckdb

By = Literal["country", "actor"]
DEFAULT_TRACK_ORIGINS = 6
INTERVAL = (0.1, 0.9)


# ---- alerts ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AlertSettings:
    as_of: str | None = None
    freq: Freq = "week"
    by: By = "country"
    min_events: int = al.DEFAULT_MIN_EVENTS
    baseline: int = al.DEFAULT_BASELINE
    z: float = al.DEFAULT_Z
    top: int | None = 5
    min_confidence: float | None = None  # only events at least this sure (E350 outside 0-1)


@dataclass(frozen=True, slots=True)
class AlertResult:
    """The ranked alerts of one database on one date, and how the period was judged."""

    db: str
    settings: AlertSettings
    window: al.Window
    alerts: list[al.Alert]
    articles_latest: int
    articles_baseline: int

    def record(self) -> dict[str, Any]:
        w = self.window
        return {
            "db": self.db, "as_of": w.as_of.date().isoformat(), "freq": w.freq,
            "by": self.settings.by, "period_start": w.latest.start_time.date().isoformat(),
            "period_end": w.latest.end_time.date().isoformat(), "complete": w.complete,
            "days_covered": w.days_covered, "days_total": w.days_total, "note": w.note,
            "articles_latest": self.articles_latest,
            "articles_baseline": self.articles_baseline,
            "baseline_periods": len(w.baseline), "min_events": self.settings.min_events,
            "alerts": [al.alert_record(a) for a in self.alerts],
        }


def compute_alerts(conn: duckdb.DuckDBPyConnection, settings: AlertSettings,
                   path: str = "") -> AlertResult:
    """Rank the dyads that turned in the period holding ``settings.as_of`` (default: the
    latest publication date of a coded article). Events are read as every dyad analysis
    reads them: dyadic only, and at least ``settings.min_confidence`` sure when it is set;
    articles coded count whatever their events."""
    least = check_confidence(settings.min_confidence)
    as_of = _checked_date(settings.as_of) or store_alerts.latest_article_date(conn)
    if as_of is None:
        raise NoAlertDataError(path=path, what="coded articles with a date", as_of="now",
                               hint="Code articles with `dyadwatch code` first.")
    stamp = pd.Timestamp(as_of)
    since = _since(stamp, settings.freq, settings.baseline)
    articles = store_alerts.articles_by_day(conn, since, as_of)
    if articles.empty:
        raise NoAlertDataError(path=path, what=f"coded articles from {since}", as_of=as_of,
                               hint="Pick an --as-of inside the coded dates.")
    window = al.choose_window(articles, stamp, settings.freq, settings.baseline)
    query = event_query(since=since, until=as_of, min_confidence=least)
    events = store_alerts.alert_events(conn, query, as_of, settings.by)
    firsts = store_alerts.first_event_dates(conn, as_of, settings.by,
                                            DateWindow(min_confidence=least))
    alerts = al.rank_alerts(events, articles, firsts, window, settings.min_events,
                            settings.z, settings.top)
    counts = _article_counts(articles, window)
    return AlertResult(path, settings, window, alerts, *counts)


def _checked_date(value: str | None) -> str | None:
    """An --as-of date as YYYY-MM-DD between 1900 and 2200, else BadDateWindowError."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as e:
        raise BadDateWindowError(detail=f"--as-of {value!r} is not a date") from e
    if not 1900 <= day.year <= 2200:
        raise BadDateWindowError(detail=f"--as-of {value!r} is outside 1900-2200")
    return day.isoformat()


def _since(as_of: pd.Timestamp, freq: Freq, baseline: int) -> str:
    span = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(weeks=1),
            "month": pd.Timedelta(days=31)}[freq]
    start: pd.Timestamp = as_of - span * (baseline + 2)
    return str(start.date().isoformat())


def _article_counts(articles: pd.DataFrame, window: al.Window) -> tuple[int, int]:
    periods = articles["date"].dt.to_period(window.latest.freqstr)
    latest = int(articles.loc[periods == window.latest, "articles"].sum())
    baseline = int(articles.loc[periods.isin(window.baseline), "articles"].sum())
    return latest, baseline


# ---- panels --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PanelData:
    """A complete dyad-period panel and where it came from."""

    full: pd.DataFrame
    freq: str
    origin: str  # "coded events (by country)" or "imported panel 'icews'"


def load_panel(conn: duckdb.DuckDBPyConnection, panel: str | None, freq: str, by: By,
               path: str = "", until: str | None = None,
               min_confidence: float | None = None) -> PanelData:
    """The imported panel named ``panel`` (at its own period), or the coded events at
    ``freq`` (dyadic ones, at least ``min_confidence`` sure when it is set); coded events
    end with the last complete period."""
    if panel:
        info = store_panel.panel_info(conn, panel, path)
        frame = store_panel.imported_panel(conn, panel, path)
        return PanelData(complete_panel(frame), info.freq, f"imported panel {panel!r}")
    window = DateWindow(min_confidence=check_confidence(min_confidence))
    frame = store_panel.coded_panel(conn, freq, by, until, window)  # type: ignore[arg-type]
    if frame.empty:
        raise NoAlertDataError(path=path, what="dated events between two actors",
                               as_of="now", hint="Code articles with `dyadwatch code` first.")
    last_day = until or store_alerts.latest_article_date(conn)
    grid = store_panel.period_grid(frame["period"].min(), frame["period"].max(),
                                   freq)  # type: ignore[arg-type]
    if last_day is not None:
        grid = _complete_periods(grid, pd.Timestamp(last_day), freq)
    frame = frame[frame["period"].isin(grid)]
    return PanelData(complete_panel(frame, grid), freq, f"coded events (by {by})")


def _complete_periods(grid: pd.DatetimeIndex, last_day: pd.Timestamp,
                      freq: str) -> pd.DatetimeIndex:
    codes = {"day": "D", "week": "W-SUN", "month": "M", "year": "Y"}
    ends = grid.to_period(codes[freq]).end_time.normalize()
    return grid[ends <= last_day]


# ---- backtest --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BacktestResult:
    origin: str
    freq: str
    target: Target
    horizon: int
    predictions: pd.DataFrame
    scores: pd.DataFrame
    by_origin: pd.DataFrame
    reliability: pd.DataFrame
    goldstein: dict[str, float]

    def record(self) -> dict[str, Any]:
        return {
            "data": self.origin, "freq": self.freq, "target": self.target,
            "horizon": self.horizon,
            "origins": sorted({str(o.date()) for o in self.predictions["origin"]}),
            "scores": _rows(self.scores), "by_origin": _rows(self.by_origin),
            "reliability": _rows(self.reliability), "goldstein": self.goldstein,
        }


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict("records"):
        out.append({k: (v.date().isoformat() if isinstance(v, pd.Timestamp) else
                        (None if isinstance(v, float) and v != v else v))
                    for k, v in row.items()})
    return out


def run_backtest(data: PanelData, target: Target = "any", horizon: int = 1,
                 first: str | None = None, last: str | None = None,
                 count: int | None = None) -> BacktestResult:
    """Rolling-origin backtest of the model against persistence and climatology."""
    design = bt.make_design(data.full)
    origins = bt.origin_positions(data.full, first, last, count, horizon)
    n_periods = len(bt.periods_of(data.full))
    if not origins:
        bt.check_history(n_periods, max(count or 1, 1), horizon, data.freq)
        raise BadDateWindowError(detail=f"no period from {first} to {last} can be an origin "
                                 f"(the data's periods run {bt.periods_of(data.full)[0].date()}"
                                 f" to {bt.periods_of(data.full)[-1].date()})")
    predictions = bt.rolling_origin(design, target, horizon, origins)
    return BacktestResult(data.origin, data.freq, target, horizon, predictions,
                          bt.score_table(predictions), bt.scores_by_origin(predictions),
                          bt.reliability(predictions), bt.goldstein_errors(predictions))


# ---- forecast --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Forecast:
    """Next-period forecasts for both directions of a pair, with the track record."""

    a: str
    b: str
    data: str
    freq: str
    horizon: int
    period: str
    directions: list[dict[str, Any]]
    track: BacktestResult

    def record(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "data": self.data, "freq": self.freq,
                "horizon": self.horizon, "period": self.period,
                "directions": self.directions, "track_record": self.track.record()}


def forecast_pair(data: PanelData, a: str, b: str, horizon: int = 1,
                  track_origins: int = DEFAULT_TRACK_ORIGINS) -> Forecast:
    """P(material conflict) A→B and B→A in the period ``horizon`` after the last one, the
    expected net Goldstein with an 80% interval (when the data has Goldstein), and the
    model's track record over the last ``track_origins`` periods."""
    return forecast_pairs(data, [(a, b)], horizon, track_origins)[0]


def forecast_pairs(data: PanelData, pairs: list[tuple[str, str]], horizon: int = 1,
                   track_origins: int = DEFAULT_TRACK_ORIGINS) -> list[Forecast]:
    """Forecasts for several pairs from one backtest and one final fit.

    1. check the pairs and the history; 2. backtest; 3. fit on everything, predict.
    """
    # 1.
    wanted = [(a.strip().upper(), b.strip().upper()) for a, b in pairs]
    known = set(zip(data.full["source"], data.full["target"], strict=True))
    for a, b in wanted:
        if (a, b) not in known and (b, a) not in known:
            raise UnknownForecastDyadError(a=a, b=b, data=data.origin)
    n_periods = len(bt.periods_of(data.full))
    bt.check_history(n_periods, track_origins, horizon, data.freq)
    # 2.
    track = run_backtest(data, "any", horizon, count=track_origins)
    # 3.
    design = bt.make_design(data.full)
    origin_t = n_periods - 1 + horizon
    predicted = bt.origin_predictions(design, "any", horizon, origin_t)
    period = bt.period_at(data.full, origin_t).date().isoformat()
    out = []
    for a, b in wanted:
        directions = [_direction(predicted, track, s, t) for s, t in ((a, b), (b, a))]
        out.append(Forecast(a, b, data.origin, data.freq, horizon, period,
                            [d for d in directions if d], track))
    return out


def alert_forecasts(conn: duckdb.DuckDBPyConnection, result: AlertResult,
                    freq: str = "month") -> dict[str, Any]:
    """alert id → its dyad's forecast record, or the coded error that stopped it (a string:
    too little history, say); the forecast data ends with the alerts' as-of date."""
    if not result.alerts:
        return {}
    try:
        data = load_panel(conn, None, freq, result.settings.by, result.db,
                          result.window.as_of.date().isoformat(),
                          result.settings.min_confidence)
    except DyadwatchError as e:
        return {a.alert_id: str(e) for a in result.alerts}
    known = set(zip(data.full["source"], data.full["target"], strict=True))
    out: dict[str, Any] = {
        a.alert_id: str(UnknownForecastDyadError(a=a.actor_a, b=a.actor_b, data=data.origin))
        for a in result.alerts if (a.actor_a, a.actor_b) not in known
        and (a.actor_b, a.actor_a) not in known}
    alerts = [a for a in result.alerts if a.alert_id not in out]
    try:
        forecasts = forecast_pairs(data, [(a.actor_a, a.actor_b) for a in alerts])
    except DyadwatchError as e:
        return out | {a.alert_id: str(e) for a in alerts}
    return out | {a.alert_id: f.record() for a, f in zip(alerts, forecasts, strict=True)}


def _direction(predicted: pd.DataFrame, track: BacktestResult, source: str,
               target: str) -> dict[str, Any]:
    rows = predicted[(predicted["source"] == source) & (predicted["target"] == target)]
    if rows.empty:
        return {}
    row = rows.iloc[0]
    p = float(row["model"])
    out: dict[str, Any] = {
        "source": source, "target": target, "probability": round(p, 4),
        "persistence": float(row["persistence"]), "climatology": round(float(row["climatology"]),
                                                                       4),
        "calibration": _calibration(track.reliability, p),
    }
    if "goldstein_pred" in row and track.goldstein:
        expected = float(row["goldstein_pred"])
        g = track.goldstein
        name = str(row["activity"]) if f"q10_{row['activity']}" in g else ""
        low, high = (g[f"q10_{name}"], g[f"q90_{name}"]) if name else (g["q10"], g["q90"])
        out["net_goldstein"] = {"expected": round(expected, 2),
                                "low": round(expected + low, 2),
                                "high": round(expected + high, 2), "interval": "80%",
                                "from": f"backtest errors of {name or 'all'} forecasts"}
    else:
        out["net_goldstein"] = None
    return out


def _calibration(table: pd.DataFrame, p: float) -> dict[str, Any]:
    """How often it happened in the backtest when the model said about ``p``."""
    hit = table[(table["low"] <= p) & ((p < table["high"]) | (table["high"] >= 1.0))]
    if hit.empty:
        return {"bin": None, "observed": None, "n": 0}
    row = hit.iloc[0]
    return {"bin": f"{row['low']:.1f}-{row['high']:.1f}", "observed": round(float(
        row["observed"]), 4), "n": int(row["n"])}


# ---- briefs after a watch cycle ------------------------------------------------------------


def write_cycle_brief(conn: duckdb.DuckDBPyConnection, folder: Path, path: str = "",
                      settings: AlertSettings | None = None) -> list[Path]:
    """Write ``folder/brief-<as-of>.html`` (with forecasts) and ``folder/alerts.atom`` for
    the database as it is now; returns the files written."""
    from dyadwatch.brief import write_brief

    result = compute_alerts(conn, settings or AlertSettings(), path)
    forecasts = alert_forecasts(conn, result)
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / f"brief-{result.window.as_of.date().isoformat()}.html"
    atom = folder / "alerts.atom"
    write_brief(result, html, forecasts)
    write_brief(result, atom)
    return [html, atom]
