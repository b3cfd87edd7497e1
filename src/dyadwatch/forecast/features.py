"""Model rows from a dyad-period panel: lagged counts of both directions, trend, history,
and each side's activity with everyone. Every feature of period t uses periods <= t only.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from dyadwatch.analysis.series import QUAD_COLUMNS

Target = Literal["any", "above_median"]
DYAD: list[str] = ["source", "target"]
BASE_FEATURES: tuple[str, ...] = (
    *(f"{q}_ab" for q in QUAD_COLUMNS), *(f"{q}_ba" for q in QUAD_COLUMNS),
    "material_conflict_ab_lag1", "material_conflict_ba_lag1", "conflict_trend_ab",
    "history_rate_ab", "history_mean_ab", "history_rate_ba",
    "source_sent", "target_received", "target_sent", "source_received",
    "source_conflict_sent", "target_conflict_received",
)
GOLDSTEIN_FEATURES: tuple[str, ...] = ("goldstein_ab", "goldstein_ba")
THRESHOLD_FEATURES: tuple[str, ...] = ("threshold", "above_threshold_ab", "rate_above_ab")


def has_goldstein(panel: pd.DataFrame) -> bool:
    """Whether the panel carries Goldstein sums (imported panels may not)."""
    return bool("goldstein_sum" in panel and panel["goldstein_sum"].notna().any())


def complete_panel(panel: pd.DataFrame, periods: pd.DatetimeIndex | None = None) -> pd.DataFrame:
    """Every directed dyad of ``panel``, and its reverse, in every period (missing rows are
    zero counts: a pair seen one way can be forecast both ways).

    Rows come sorted by source, target, period, with ``t`` the period's position (0, 1, ...).
    """
    grid_periods = periods if periods is not None else pd.DatetimeIndex(
        sorted(panel["period"].unique()))
    reverse = panel[DYAD].rename(columns={"source": "target", "target": "source"})
    dyads = pd.concat([panel[DYAD], reverse[DYAD]]).drop_duplicates()
    grid = dyads.merge(pd.DataFrame({"period": grid_periods}), how="cross")
    values = panel.groupby([*DYAD, "period"], as_index=False)[
        [*QUAD_COLUMNS, "goldstein_sum"]].sum(min_count=1)
    full = grid.merge(values, on=[*DYAD, "period"], how="left")
    full[list(QUAD_COLUMNS)] = full[list(QUAD_COLUMNS)].fillna(0.0).astype("float64")
    if has_goldstein(panel):
        full["goldstein_sum"] = full["goldstein_sum"].fillna(0.0)
    else:
        full["goldstein_sum"] = np.nan
    full = full.sort_values([*DYAD, "period"], ignore_index=True)
    full["t"] = full["period"].map({p: i for i, p in enumerate(grid_periods)}).astype("int64")
    return full


def _signed_log(values: pd.Series) -> pd.Series:
    return np.sign(values) * np.log1p(values.abs())


def _reverse(full: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The B→A values of ``columns`` aligned on the A→B rows (zero when B→A is absent)."""
    back = full[["source", "target", "period", *columns]].rename(
        columns={"source": "target", "target": "source"})
    aligned = full[[*DYAD, "period"]].merge(back, on=[*DYAD, "period"], how="left")
    return aligned[columns].fillna(0.0).set_axis(full.index)


def _activity(full: pd.DataFrame, side: str, column: str) -> pd.Series:
    totals = full.groupby([side, "period"])[column].transform("sum")
    return np.log1p(totals)


def dyad_features(full: pd.DataFrame) -> pd.DataFrame:
    """The target-independent features of each row of a complete panel.

    1. this period's quad counts, both directions (log1p); 2. last period's material
    conflict and the trend; 3. the dyad's history up to t; 4. each side's activity.
    """
    out = pd.DataFrame(index=full.index)
    events = full[list(QUAD_COLUMNS)].sum(axis=1)
    # 1.
    for q in QUAD_COLUMNS:
        out[f"{q}_ab"] = np.log1p(full[q])
    back = _reverse(full, list(QUAD_COLUMNS))
    for q in QUAD_COLUMNS:
        out[f"{q}_ba"] = np.log1p(back[q])
    # 2.
    lagged = out.groupby([full["source"], full["target"]], sort=False)[
        ["material_conflict_ab", "material_conflict_ba"]].shift(1).fillna(0.0)
    out["material_conflict_ab_lag1"] = lagged["material_conflict_ab"]
    out["material_conflict_ba_lag1"] = lagged["material_conflict_ba"]
    out["conflict_trend_ab"] = out["material_conflict_ab"] - out["material_conflict_ab_lag1"]
    # 3.
    any_ab = (full["material_conflict"] > 0).astype("float64")
    out["history_rate_ab"] = _expanding_mean(full, any_ab)
    out["history_mean_ab"] = _expanding_mean(full, out["material_conflict_ab"])
    out["history_rate_ba"] = _expanding_mean(
        full, (back["material_conflict"] > 0).astype("float64"))
    # 4.
    with_events = full.assign(events=events)
    out["source_sent"] = _activity(with_events, "source", "events")
    out["target_received"] = _activity(with_events, "target", "events")
    out["source_conflict_sent"] = _activity(with_events, "source", "material_conflict")
    out["target_conflict_received"] = _activity(with_events, "target", "material_conflict")
    sent = with_events.groupby(["source", "period"])["events"].sum()
    received = with_events.groupby(["target", "period"])["events"].sum()
    out["target_sent"] = np.log1p(_lookup(sent, full["target"], full["period"]))
    out["source_received"] = np.log1p(_lookup(received, full["source"], full["period"]))
    if full["goldstein_sum"].notna().any():
        out["goldstein_ab"] = _signed_log(full["goldstein_sum"])
        out["goldstein_ba"] = _signed_log(_reverse(full, ["goldstein_sum"])["goldstein_sum"])
    return out


def _expanding_mean(full: pd.DataFrame, values: pd.Series) -> pd.Series:
    """Per dyad, the mean of ``values`` over periods up to and including each row's."""
    keys = [full["source"], full["target"]]
    return values.groupby(keys).cumsum() / (values.groupby(keys).cumcount() + 1)


def _lookup(totals: pd.Series, actor: pd.Series, period: pd.Series) -> np.ndarray:
    keys = pd.MultiIndex.from_arrays([actor, period])
    return np.asarray(totals.reindex(keys).fillna(0.0).to_numpy(), dtype="float64")


def dyad_thresholds(full: pd.DataFrame, target: Target, before_t: int) -> pd.Series:
    """Per row, the count that the dyad's material conflict must exceed to be an event.

    ``any``: 0. ``above_median``: the dyad's median over periods ``t < before_t`` (the
    training periods only).
    """
    if target == "any":
        return pd.Series(0.0, index=full.index)
    past = full[full["t"] < before_t]
    medians = past.groupby(DYAD)["material_conflict"].median().rename("median")
    joined = full[DYAD].merge(medians.reset_index(), on=DYAD, how="left")
    return joined["median"].fillna(0.0).set_axis(full.index)


def threshold_features(full: pd.DataFrame, threshold: pd.Series) -> pd.DataFrame:
    """How this period and the dyad's history stand against its threshold."""
    above = (full["material_conflict"] > threshold).astype("float64")
    rate = _expanding_mean(full, above)
    return pd.DataFrame({"threshold": np.log1p(threshold), "above_threshold_ab": above,
                         "rate_above_ab": rate}, index=full.index)


def future_outcome(full: pd.DataFrame, threshold: pd.Series, horizon: int = 1) -> pd.Series:
    """1.0 when the dyad's material conflict ``horizon`` periods later exceeds the threshold,
    NaN where that period is past the panel's end."""
    later = full.groupby(DYAD, sort=False)["material_conflict"].shift(-horizon)
    outcome = (later > threshold).astype("float64")
    return outcome.where(later.notna())


def future_goldstein(full: pd.DataFrame, horizon: int = 1) -> pd.Series:
    """The dyad's Goldstein sum ``horizon`` periods later (NaN past the end)."""
    return full.groupby(DYAD, sort=False)["goldstein_sum"].shift(-horizon)
