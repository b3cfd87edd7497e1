"""The actor network of a period: who acted on whom, how often and how hostile."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

EDGE_FIELDS: tuple[str, ...] = ("source", "target", "events", "goldstein_mean", "conflict")
NODE_FIELDS: tuple[str, ...] = ("actor", "events", "out_events", "in_events")


def build_network(counts: pd.DataFrame, top: int = 40) -> dict[str, list[dict[str, Any]]]:
    """Directed edges (the ``top`` busiest) and their nodes from directed counts.

    ``counts`` has columns source, target, quad_class, events, goldstein_sum and goldstein_n
    (``store.queries.directed_counts``). ``conflict`` counts quad classes 3 and 4.
    """
    if counts.empty:
        return {"nodes": [], "edges": []}
    edges = _edges(counts).head(top)
    return {"nodes": _nodes(edges).to_dict("records"), "edges": edges.to_dict("records")}


def _edges(counts: pd.DataFrame) -> pd.DataFrame:
    hostile = counts["events"].where(counts["quad_class"] >= 3, 0)
    grouped = counts.assign(conflict=hostile).groupby(["source", "target"])[
        ["events", "goldstein_sum", "goldstein_n", "conflict"]].sum().reset_index()
    grouped["goldstein_mean"] = grouped["goldstein_sum"] / grouped["goldstein_n"].replace(
        0, np.nan)
    ranked = grouped.sort_values(["events", "source", "target"], ascending=[False, True, True])
    return ranked[list(EDGE_FIELDS)].reset_index(drop=True)


def _nodes(edges: pd.DataFrame) -> pd.DataFrame:
    out = edges.groupby("source")["events"].sum().rename("out_events")
    into = edges.groupby("target")["events"].sum().rename("in_events")
    nodes = pd.concat([out, into], axis=1).fillna(0).astype("int64")
    nodes["events"] = nodes["out_events"] + nodes["in_events"]
    nodes = nodes.rename_axis("actor").reset_index()
    return nodes.sort_values(["events", "actor"], ascending=[False, True])[list(NODE_FIELDS)]
