"""The most active dyads: unordered pairs, both directions, counts by quad class."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dyadwatch.analysis.dyad_ranking import DYAD_FIELDS as DYAD_FIELDS  # also exported here
from dyadwatch.analysis.series import QUAD_COLUMNS


def rank_dyads(counts: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Rank unordered dyads by event count from directed (source, target, quad_class) counts.

    ``counts`` has columns source, target, quad_class, events, goldstein_sum, goldstein_n.
    actor_a is the alphabetically first actor; ``_ab`` columns are actor_a → actor_b.
    """
    if counts.empty:
        return pd.DataFrame(columns=list(DYAD_FIELDS))
    frame = _oriented(counts)
    table = _pivot_quads(frame).join(_directions(frame)).fillna(0)
    for column in ("events_ab", "events_ba", "gn_ab", "gn_ba"):
        table[column] = table[column].astype("int64")
    table["goldstein_mean_ab"] = _mean(table, "ab")
    table["goldstein_mean_ba"] = _mean(table, "ba")
    table["goldstein_mean"] = (table["gsum_ab"] + table["gsum_ba"]) / (
        table["gn_ab"] + table["gn_ba"]).replace(0, np.nan)
    table = table.reset_index().sort_values(["events", "actor_a", "actor_b"],
                                            ascending=[False, True, True])
    return table.head(top)[list(DYAD_FIELDS)].reset_index(drop=True)


def _oriented(counts: pd.DataFrame) -> pd.DataFrame:
    forward = counts["source"] <= counts["target"]
    return counts.assign(
        actor_a=counts["source"].where(forward, counts["target"]),
        actor_b=counts["target"].where(forward, counts["source"]),
        way=np.where(forward, "ab", "ba"),
    )


def _pivot_quads(frame: pd.DataFrame) -> pd.DataFrame:
    quads = frame.pivot_table(index=["actor_a", "actor_b"], columns="quad_class",
                              values="events", aggfunc="sum", fill_value=0)
    quads = quads.reindex(columns=[1, 2, 3, 4], fill_value=0)
    quads.columns = list(QUAD_COLUMNS)
    quads["events"] = quads.sum(axis=1)
    return quads


def _directions(frame: pd.DataFrame) -> pd.DataFrame:
    sums = frame.groupby(["actor_a", "actor_b", "way"])[
        ["events", "goldstein_sum", "goldstein_n"]].sum().unstack("way")
    out = pd.DataFrame(index=sums.index)
    for way in ("ab", "ba"):
        for column, short in (("events", "events"), ("goldstein_sum", "gsum"),
                              ("goldstein_n", "gn")):
            key = (column, way)
            out[f"{short}_{way}"] = sums[key] if key in sums.columns else 0
    return out


def _mean(table: pd.DataFrame, way: str) -> pd.Series:
    return table[f"gsum_{way}"] / table[f"gn_{way}"].replace(0, np.nan)
