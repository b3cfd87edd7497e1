"""A dyad's per-period series from plain rows, without pandas: the rows, numbers and order
of :func:`dyadwatch.analysis.series.build_series`, for the ``series`` command (issue 16).

Periods are those of pandas: a day, a week from Monday to Sunday (pandas' ``W-SUN``) or a
calendar month, each labelled by its first day. Sums of Goldstein scores are taken as
pandas 3 takes them (``group_sum``), so that each figure is the same float.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from dyadwatch.analysis import DIRECTIONS
from dyadwatch.analysis.sums import group_sum, sorted_by_group

Freq = Literal["day", "week", "month"]
QUAD_COLUMNS: tuple[str, ...] = (
    "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
)
SERIES_FIELDS: tuple[str, ...] = (
    "period", "direction", "events", *QUAD_COLUMNS, "goldstein_sum", "goldstein_n",
    "goldstein_mean", "cooperation", "conflict",
)
# The kind of each column (dyadwatch.cli.tables), as pandas' dtypes in build_series.
SERIES_KINDS: dict[str, str] = {
    "period": "date", "direction": "str", "events": "int",
    **dict.fromkeys(QUAD_COLUMNS, "int"), "goldstein_sum": "float", "goldstein_n": "int",
    "goldstein_mean": "float", "cooperation": "float", "conflict": "float",
}
SeriesEvent = tuple[date, str, int, float | None]  # date, direction, quad_class, goldstein


def period_start(day: date, freq: Freq) -> date:
    """The first day of the period holding ``day``."""
    if freq == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if freq == "month" else day


def _next_start(start: date, freq: Freq) -> date:
    if freq == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=7 if freq == "week" else 1)


def period_starts(first: date, last: date, freq: Freq) -> list[date]:
    """Every period from the one holding ``first`` to the one holding ``last``."""
    starts, start, end = [], period_start(first, freq), period_start(last, freq)
    while start <= end:
        starts.append(start)
        start = _next_start(start, freq)
    return starts


@dataclass(slots=True)
class _Cell:
    """One (period, direction) of the series while the events are added: the counts, and
    the Goldstein scores (0 where missing), positive parts and negative magnitudes."""

    counts: list[int] = field(default_factory=lambda: [0] * (2 + len(QUAD_COLUMNS)))
    scores: tuple[list[float], list[float], list[float]] = field(
        default_factory=lambda: ([], [], []))

    def add(self, quad: int, goldstein: float | None) -> None:
        self.counts[0] += 1
        if 1 <= quad <= len(QUAD_COLUMNS):
            self.counts[quad] += 1
        score = 0.0
        if goldstein is not None and not math.isnan(goldstein):
            score = goldstein
            self.counts[-1] += 1
        self.scores[0].append(score)
        self.scores[1].append(max(score, 0.0))
        self.scores[2].append(0.0 - min(score, 0.0))

    def record(self, start: date, direction: str, grouped: bool) -> dict[str, Any]:
        events, *quads, scored = self.counts
        total, cooperation, conflict = (group_sum(values, grouped) if values else 0.0
                                        for values in self.scores)
        return {"period": start, "direction": direction, "events": events,
                **dict(zip(QUAD_COLUMNS, quads, strict=True)), "goldstein_sum": total,
                "goldstein_n": scored, "goldstein_mean": total / scored if scored else None,
                "cooperation": cooperation, "conflict": conflict}


def series_records(events: Sequence[SeriesEvent], freq: Freq = "week",
                   since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """One record per (period, direction) in SERIES_FIELDS order, empty periods with zero
    counts, from ``since`` (else the first event's date) to ``until`` (else the last's);
    ``goldstein_mean`` is None for a period without scored events."""
    dated = [event for event in events if event[0] is not None]
    first = date.fromisoformat(since) if since else min((e[0] for e in dated), default=None)
    last = date.fromisoformat(until) if until else max((e[0] for e in dated), default=None)
    if first is None or last is None:
        return []
    cells = {(start, direction): _Cell() for start in period_starts(first, last, freq)
             for direction in DIRECTIONS}
    keys = [(period_start(day, freq), direction) for day, direction, _, _ in dated]
    for key, (_, _, quad, goldstein) in zip(keys, dated, strict=True):
        if key in cells:
            cells[key].add(quad, goldstein)
    grouped = sorted_by_group(keys)
    return [cell.record(start, direction, grouped)
            for (start, direction), cell in cells.items()]

