"""Rolling-origin evaluation: train on the past only, predict the next period, move on.

Each origin is the period being predicted. For origin Y the model is fitted on rows whose
outcome period is before Y, and predicts the rows of period Y - horizon. Beside it stand
two baselines: **persistence** (next = this period: 1 if the dyad's material conflict is
over its threshold now, else 0) and **climatology** (the dyad's share of past periods over
its threshold). The ``above_median`` threshold is each dyad's median over the training
periods only. See docs/forecasting.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dyadwatch.errors import TooLittleHistoryError
from dyadwatch.forecast.features import (
    BASE_FEATURES,
    DYAD,
    GOLDSTEIN_FEATURES,
    THRESHOLD_FEATURES,
    Target,
    dyad_features,
    dyad_thresholds,
    future_goldstein,
    future_outcome,
    threshold_features,
)
from dyadwatch.forecast.model import fit_classifier, fit_regressor

FORECASTERS: tuple[str, ...] = ("model", "persistence", "climatology")
MIN_TRAIN_PERIODS = 3
PROB_CLIP = 1e-3
RELIABILITY_BINS = 10


@dataclass(frozen=True, slots=True)
class Design:
    """A complete panel with its features, ready for any origin."""

    full: pd.DataFrame
    features: pd.DataFrame
    names: tuple[str, ...]
    goldstein: bool


def make_design(full: pd.DataFrame) -> Design:
    """Features of a complete panel (see ``features.complete_panel``)."""
    features = dyad_features(full)
    goldstein = "goldstein_ab" in features
    names = (*BASE_FEATURES, *(GOLDSTEIN_FEATURES if goldstein else ()), *THRESHOLD_FEATURES)
    return Design(full, features, names, goldstein)


def periods_of(full: pd.DataFrame) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(sorted(full["period"].unique()))


def period_at(full: pd.DataFrame, t: int) -> pd.Timestamp:
    """The start of period position ``t``; past the panel's end, extrapolated by its step."""
    periods = periods_of(full)
    if t < len(periods):
        return periods[t]
    if len(periods) < 2:
        return periods[-1]
    return pd.Timestamp(periods[-1] + _step(periods) * (t - len(periods) + 1))


def _step(periods: pd.DatetimeIndex) -> pd.DateOffset | pd.Timedelta:
    """One period: a year, a month, or the fixed gap of days and weeks."""
    gaps = (periods[1:] - periods[:-1]).days
    if periods.is_year_start.all() and gaps.min() >= 365:
        return pd.DateOffset(years=1)
    if periods.is_month_start.all() and gaps.min() >= 28:
        return pd.DateOffset(months=1)
    return pd.Timedelta(days=int(gaps.min()))


def check_history(n_periods: int, origins: int, horizon: int, freq: str) -> None:
    """TooLittleHistoryError unless the panel allows ``origins`` evaluated forecasts."""
    needed = MIN_TRAIN_PERIODS + horizon + origins
    if n_periods < needed:
        raise TooLittleHistoryError(needed=needed, found=n_periods, freq=freq,
                                    train=MIN_TRAIN_PERIODS, origins=origins)


def _at_origin(design: Design, target: Target, horizon: int,
               origin_t: int) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    full = design.full
    threshold = dyad_thresholds(full, target, before_t=origin_t)
    rows = design.features.join(threshold_features(full, threshold))
    return rows, threshold, future_outcome(full, threshold, horizon)


def origin_predictions(design: Design, target: Target, horizon: int,
                       origin_t: int) -> pd.DataFrame:
    """Model and baseline probabilities for every dyad at one origin.

    1. thresholds and outcomes from training periods; 2. fit on rows whose outcome period
    is before the origin; 3. predict the rows ``horizon`` periods before it; 4. baselines.
    """
    full = design.full
    # 1.
    rows, threshold, outcome = _at_origin(design, target, horizon, origin_t)
    # 2.
    train = (full["t"] + horizon < origin_t) & outcome.notna()
    model = fit_classifier(rows[train], outcome[train], design.names)
    # 3.
    test = full["t"] == origin_t - horizon
    out = full.loc[test, DYAD].copy()
    out["origin"] = period_at(full, origin_t)
    out["outcome"] = outcome[test]
    out["model"] = model.predict(rows[test])
    # 4.
    out["persistence"] = rows.loc[test, "above_threshold_ab"]
    past = full[full["t"] < origin_t]
    above = (past["material_conflict"] > threshold[past.index]).astype("float64")
    rates = above.groupby([past["source"], past["target"]]).mean().rename("climatology")
    out = out.merge(rates.reset_index(), on=DYAD, how="left")
    if design.goldstein:
        out = _with_goldstein(design, rows, train, test, horizon, out)
    return out


def _with_goldstein(design: Design, rows: pd.DataFrame, train: pd.Series, test: pd.Series,
                    horizon: int, out: pd.DataFrame) -> pd.DataFrame:
    value = future_goldstein(design.full, horizon)
    fit_rows = train & value.notna()
    regressor = fit_regressor(rows[fit_rows], value[fit_rows], design.names)
    out["goldstein_true"] = value[test].to_numpy()
    out["goldstein_pred"] = regressor.predict(rows[test])
    out["activity"] = [activity_bin(v) for v in out["goldstein_pred"]]
    return out


def activity_bin(expected: float) -> str:
    """Which errors an interval is taken from: forecasts of about the same size (|expected
    net Goldstein| under 0.5, under 3, or 3 and more), so the many quiet dyads do not narrow
    the interval of a dyad expected to move."""
    size = abs(expected)
    return "quiet" if size < 0.5 else ("small" if size < 3 else "large")


def rolling_origin(design: Design, target: Target, horizon: int,
                   origins: list[int]) -> pd.DataFrame:
    """Predictions at each origin (period positions), concatenated."""
    frames = [origin_predictions(design, target, horizon, t) for t in origins]
    return pd.concat(frames, ignore_index=True)


def origin_positions(full: pd.DataFrame, first: str | None, last: str | None, count: int | None,
                     horizon: int) -> list[int]:
    """Positions of the origins: from ``first`` to ``last`` (period labels), else the last
    ``count`` periods, never earlier than MIN_TRAIN_PERIODS + horizon."""
    periods = periods_of(full)
    earliest = MIN_TRAIN_PERIODS + horizon
    positions = list(range(earliest, len(periods)))
    if first or last:
        lo = pd.Timestamp(first) if first else periods[0]
        hi = pd.Timestamp(last) if last else periods[-1]
        return [t for t in positions if lo <= periods[t] <= hi]
    return positions[-count:] if count else positions


# ---- scores ---------------------------------------------------------------------------


def _clip(p: np.ndarray) -> np.ndarray:
    return np.asarray(np.clip(p.astype("float64"), PROB_CLIP, 1 - PROB_CLIP), dtype="float64")


def score(outcome: np.ndarray, p: np.ndarray) -> dict[str, float]:
    """Brier score, log loss (probabilities clipped to [0.001, 0.999]) and AUPR."""
    from sklearn.metrics import average_precision_score

    y = outcome.astype("float64")
    clipped = _clip(p)
    logloss = float(-np.mean(y * np.log(clipped) + (1 - y) * np.log(1 - clipped)))
    aupr = float(average_precision_score(y, p)) if 0 < y.sum() < len(y) else float("nan")
    return {"brier": float(np.mean((p - y) ** 2)), "log_loss": logloss, "aupr": aupr}


def score_table(predictions: pd.DataFrame) -> pd.DataFrame:
    """One row per forecaster: n, base rate, Brier, log loss, AUPR (lower Brier is better)."""
    y = predictions["outcome"].to_numpy()
    rows = []
    for name in FORECASTERS:
        scores = score(y, predictions[name].to_numpy(dtype="float64"))
        rows.append({"forecaster": name, "n": len(y), "base_rate": float(y.mean()), **scores})
    return pd.DataFrame(rows)


def scores_by_origin(predictions: pd.DataFrame) -> pd.DataFrame:
    """Brier and AUPR of each forecaster at each origin."""
    parts = []
    for origin, group in predictions.groupby("origin", sort=True):
        table = score_table(group)
        table.insert(0, "origin", origin)
        parts.append(table)
    return pd.concat(parts, ignore_index=True)


def reliability(predictions: pd.DataFrame, column: str = "model",
                bins: int = RELIABILITY_BINS) -> pd.DataFrame:
    """Forecasts grouped by predicted probability: count, mean forecast, observed rate."""
    p = predictions[column].to_numpy(dtype="float64")
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    frame = pd.DataFrame({"bin": which, "p": p, "y": predictions["outcome"].to_numpy()})
    grouped = frame.groupby("bin").agg(n=("p", "size"), forecast=("p", "mean"),
                                       observed=("y", "mean"))
    grouped.insert(0, "low", edges[grouped.index])
    grouped.insert(1, "high", edges[grouped.index + 1])
    return grouped.reset_index(drop=True)


def goldstein_errors(predictions: pd.DataFrame) -> dict[str, float]:
    """Mean absolute error of the net Goldstein forecast and the 10th/90th residual
    percentiles (the 80% interval added to a point forecast), overall and, as
    ``q10_<bin>``/``q90_<bin>``, for each size of forecast (see ``activity_bin``)."""
    if "goldstein_true" not in predictions:
        return {}
    residual = predictions["goldstein_true"] - predictions["goldstein_pred"]
    out = {"mae": float(np.mean(np.abs(residual))), "q10": float(np.quantile(residual, 0.1)),
           "q90": float(np.quantile(residual, 0.9)), "n": float(len(residual))}
    for name, part in residual.groupby(predictions["activity"]):
        out[f"q10_{name}"] = float(np.quantile(part, 0.1))
        out[f"q90_{name}"] = float(np.quantile(part, 0.9))
        out[f"n_{name}"] = float(len(part))
    return out
