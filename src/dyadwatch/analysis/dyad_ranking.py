"""The most active dyads from plain rows, without pandas: the rows, numbers and order of
:func:`dyadwatch.analysis.dyads.rank_dyads`, for the ``dyads`` command (issue 16)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dyadwatch.analysis.periods import QUAD_COLUMNS
from dyadwatch.analysis.sums import group_sum, sorted_by_group

DYAD_FIELDS: tuple[str, ...] = (
    "actor_a", "actor_b", "events", *QUAD_COLUMNS, "events_ab", "events_ba",
    "goldstein_mean_ab", "goldstein_mean_ba", "goldstein_mean",
)
# The kind of each column (dyadwatch.cli.tables), as pandas' dtypes in rank_dyads.
DYAD_KINDS: dict[str, str] = {
    "actor_a": "str", "actor_b": "str", **dict.fromkeys(DYAD_FIELDS[2:-3], "int"),
    "goldstein_mean_ab": "float", "goldstein_mean_ba": "float", "goldstein_mean": "float",
}
# (source, target, quad_class, events, goldstein_sum, goldstein_n), as directed_counts
DirectedCount = tuple[str, str, int, int, float | None, int]


@dataclass(slots=True)
class _Way:
    """One direction of a dyad: its event count, Goldstein sums (in row order) and count."""

    events: int = 0
    sums: list[float] = field(default_factory=list)
    scored: int = 0


def _mean(total: float, count: int) -> float | None:
    return total / count if count else None


def rank_dyad_records(counts: Sequence[DirectedCount], top: int = 20) -> list[dict[str, Any]]:
    """The ``top`` unordered dyads by event count (then by actors), in DYAD_FIELDS order;
    actor_a is the alphabetically first actor, ``_ab`` columns are actor_a -> actor_b, a
    mean without scored events is None."""
    quads: dict[tuple[str, str], list[int]] = {}
    ways: dict[tuple[str, str, str], _Way] = {}
    keys = []
    for source, target, quad, events, total, scored in counts:
        pair, way = ((source, target), "ab") if source <= target else ((target, source), "ba")
        keys.append((*pair, way))
        cell = quads.setdefault(pair, [0] * len(QUAD_COLUMNS))
        if 1 <= quad <= len(QUAD_COLUMNS):
            cell[quad - 1] += events
        directed = ways.setdefault((*pair, way), _Way())
        directed.events += events
        directed.sums.append(float("nan") if total is None else total)
        directed.scored += scored
    grouped = sorted_by_group(keys) and all(
        value == value for way in ways.values() for value in way.sums)  # no NaN
    records = [_record(pair, cell, ways, grouped) for pair, cell in quads.items()]
    records.sort(key=lambda record: (-record["events"], record["actor_a"], record["actor_b"]))
    return records[:top]


def _record(pair: tuple[str, str], quads: list[int], ways: dict[tuple[str, str, str], _Way],
            grouped: bool) -> dict[str, Any]:
    ab, ba = (ways.get((*pair, way), _Way()) for way in ("ab", "ba"))
    sum_ab, sum_ba = (group_sum(way.sums, grouped) if way.sums else 0.0 for way in (ab, ba))
    return {"actor_a": pair[0], "actor_b": pair[1], "events": sum(quads),
            **dict(zip(QUAD_COLUMNS, quads, strict=True)), "events_ab": ab.events,
            "events_ba": ba.events, "goldstein_mean_ab": _mean(sum_ab, ab.scored),
            "goldstein_mean_ba": _mean(sum_ba, ba.scored),
            "goldstein_mean": _mean(sum_ab + sum_ba, ab.scored + ba.scored)}
