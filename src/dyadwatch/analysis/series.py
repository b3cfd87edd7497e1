"""Per-period dyad series: event counts by quad class and Goldstein sums, both directions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dyadwatch.analysis import DIRECTIONS
from dyadwatch.analysis.periods import QUAD_COLUMNS as QUAD_COLUMNS  # also exported here
from dyadwatch.analysis.periods import SERIES_FIELDS as SERIES_FIELDS
from dyadwatch.analysis.periods import Freq as Freq

# pandas period codes; weeks run Monday–Sunday and are labelled by their Monday.
FREQ_CODES: dict[str, str] = {"day": "D", "week": "W-SUN", "month": "M"}
_SUMS: tuple[str, ...] = ("events", *QUAD_COLUMNS, "goldstein_sum", "goldstein_n",
                          "cooperation", "conflict")


def period_index(start: pd.Timestamp, end: pd.Timestamp, freq: Freq) -> pd.PeriodIndex:
    """Every period from the one holding ``start`` to the one holding ``end``."""
    return pd.period_range(start=start, end=end, freq=FREQ_CODES[freq])


def _event_columns(events: pd.DataFrame, freq: Freq) -> pd.DataFrame:
    gold = events["goldstein"].astype("float64")
    quad = events["quad_class"].to_numpy()
    frame = pd.DataFrame({
        "period": events["date"].dt.to_period(FREQ_CODES[freq]),
        "direction": events["direction"].to_numpy(),
        "events": 1,
        "goldstein_sum": gold.fillna(0.0).to_numpy(),
        "goldstein_n": gold.notna().astype("int64").to_numpy(),
        "cooperation": gold.clip(lower=0).fillna(0.0).to_numpy(),
        "conflict": (0.0 - gold.clip(upper=0)).fillna(0.0).to_numpy(),
    })
    for number, name in enumerate(QUAD_COLUMNS, start=1):
        frame[name] = (quad == number).astype("int64")
    return frame


def build_series(events: pd.DataFrame, freq: Freq = "week", since: str | None = None,
                 until: str | None = None) -> pd.DataFrame:
    """Long frame: one row per (period, direction), empty periods present with zero counts.

    ``events`` needs columns date (datetime64), direction ("AB"/"BA"), quad_class and
    goldstein. ``goldstein_mean`` is NaN for a period without scored events.
    ``cooperation``/``conflict`` are the sums of positive / of the magnitude of negative
    Goldstein scores. ``period`` is the first day of the period.
    """
    dated = events[events["date"].notna()]
    grid = _grid(dated, freq, since, until)
    index = pd.MultiIndex.from_product([grid, list(DIRECTIONS)], names=["period", "direction"])
    sums = _event_columns(dated, freq).groupby(["period", "direction"]).sum()
    table = sums.reindex(index, fill_value=0)[list(_SUMS)]
    table["goldstein_mean"] = table["goldstein_sum"] / table["goldstein_n"].replace(0, np.nan)
    table = table.reset_index()
    table["period"] = pd.PeriodIndex(table["period"]).start_time
    return table[list(SERIES_FIELDS)]


def _grid(dated: pd.DataFrame, freq: Freq, since: str | None,
          until: str | None) -> pd.PeriodIndex:
    start = pd.Timestamp(since) if since else dated["date"].min()
    end = pd.Timestamp(until) if until else dated["date"].max()
    if pd.isna(start) or pd.isna(end):
        return pd.PeriodIndex([], freq=FREQ_CODES[freq])
    return period_index(start, end, freq)


def directed(series: pd.DataFrame, direction: str, column: str) -> pd.Series:
    """One column of one direction as a Series indexed by period start."""
    rows = series[series["direction"] == direction]
    return pd.Series(rows[column].to_numpy(), index=pd.DatetimeIndex(rows["period"]), name=column)


def combined(series: pd.DataFrame, direction: str = "both") -> pd.DataFrame:
    """Sums over the chosen directions ("both", "AB" or "BA") per period, with the mean."""
    rows = series if direction == "both" else series[series["direction"] == direction]
    table = rows.groupby("period")[list(_SUMS)].sum()
    table["goldstein_mean"] = table["goldstein_sum"] / table["goldstein_n"].replace(0, np.nan)
    return table
