"""Backtest against outside ground truth: next-year dispute onset from event history.

The panel gives the features (a yearly event panel such as ICEWS); the outcome of row
(dyad, year t) is an onset for the dyad in year t + 1 from the ground truth (see
``truth.mid_onsets``). Baselines: **persistence** (an onset this year) and
**climatology** (the dyad's onset rate from ``history_start`` to this year). The model
sees the panel's features plus the same two values, so it starts from what the baselines
know. Origins are outcome years; training rows have outcome years before the origin.
"""

from __future__ import annotations

import pandas as pd

from dyadwatch.forecast.backtest import Design
from dyadwatch.forecast.features import BASE_FEATURES, DYAD, GOLDSTEIN_FEATURES
from dyadwatch.forecast.model import fit_classifier

ONSET_FEATURES: tuple[str, ...] = ("onset_now", "onset_rate")


def onset_columns(full: pd.DataFrame, onsets: pd.DataFrame,
                  history_start: int) -> pd.DataFrame:
    """Per panel row: onset this year, onset next year (the outcome), and the dyad's onset
    rate over ``history_start`` .. this year."""
    year = full["period"].dt.year
    keys = set(zip(onsets["source"], onsets["target"], onsets["year"], strict=True))
    now = [(s, t, y) in keys for s, t, y in zip(full["source"], full["target"], year,
                                                strict=True)]
    nxt = [(s, t, y + 1) in keys for s, t, y in zip(full["source"], full["target"], year,
                                                    strict=True)]
    past = onsets[onsets["year"] >= history_start]
    counts = past.groupby([*DYAD, "year"]).size().rename("n").reset_index()
    per_year = full[DYAD].assign(year=year.to_numpy())
    merged = per_year.merge(counts, on=[*DYAD, "year"], how="left")["n"].fillna(0.0)
    before = _onsets_before(past, full, year, history_start)
    cumulative = before + merged.to_numpy()
    return pd.DataFrame({
        "onset_now": pd.Series(now, index=full.index, dtype="float64"),
        "outcome": pd.Series(nxt, index=full.index, dtype="float64"),
        "onset_rate": cumulative / (year - history_start + 1).clip(lower=1).to_numpy(),
    }, index=full.index)


def _onsets_before(past: pd.DataFrame, full: pd.DataFrame, year: pd.Series,
                   history_start: int) -> pd.Series:
    """Onsets of the dyad from history_start to the year before the panel's first year."""
    first = int(year.min())
    early = past[past["year"] < first].groupby(DYAD).size().rename("early").reset_index()
    joined = full[DYAD].merge(early, on=DYAD, how="left")["early"].fillna(0.0)
    counts = joined.to_numpy()
    running = pd.Series(0.0, index=full.index)
    # the running count within the panel years, per dyad, in year order
    within = past[past["year"] >= first].assign(hit=1.0)
    hits = full[DYAD].assign(year=year.to_numpy()).merge(
        within[[*DYAD, "year", "hit"]], on=[*DYAD, "year"], how="left")["hit"].fillna(0.0)
    hits.index = full.index
    running = hits.groupby([full["source"], full["target"]]).cumsum() - hits
    return pd.Series(counts, index=full.index) + running


def onset_predictions(design: Design, columns: pd.DataFrame, origin_year: int,
                      first_outcome_year: int) -> pd.DataFrame:
    """Model, persistence and climatology for the onsets of ``origin_year``."""
    full = design.full
    names = (*BASE_FEATURES, *(GOLDSTEIN_FEATURES if design.goldstein else ()),
             *ONSET_FEATURES)
    rows = design.features.join(columns[list(ONSET_FEATURES)])
    year = full["period"].dt.year
    train = (year + 1 < origin_year) & (year + 1 >= first_outcome_year)
    model = fit_classifier(rows[train], columns.loc[train, "outcome"], names)
    test = year == origin_year - 1
    out = full.loc[test, DYAD].copy()
    out["origin"] = origin_year
    out["outcome"] = columns.loc[test, "outcome"]
    out["model"] = model.predict(rows[test])
    out["persistence"] = columns.loc[test, "onset_now"]
    out["climatology"] = columns.loc[test, "onset_rate"]
    return out.reset_index(drop=True)
