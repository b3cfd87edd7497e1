"""Escalation and de-escalation episodes: change points in a dyad's Goldstein series.

Change points are found with PELT (ruptures, least-squares cost, i.e. changes in mean)
and a BIC-style penalty ``beta * sigma**2 * log(n)``, where sigma is a robust estimate of
the noise (median absolute first difference / (0.6745 * sqrt 2)). Each change point opens an
episode that lasts until the next one; its size is the change in mean Goldstein, negative
for escalation (towards conflict) and positive for de-escalation. See docs/analysis.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

DEFAULT_BETA = 4.0
DEFAULT_MIN_SIZE = 2
SIGMA_FLOOR = 0.1
EPISODE_FIELDS: tuple[str, ...] = (
    "start", "end", "direction", "size", "mean_before", "mean_after", "periods", "events",
    "drivers",
)


@dataclass(frozen=True, slots=True)
class Episode:
    """A run of periods whose mean Goldstein differs from the run before it."""

    start: pd.Timestamp  # first day of the first period
    end: pd.Timestamp  # last day of the last period
    direction: str  # "escalation" | "de-escalation"
    size: float  # mean_after - mean_before
    mean_before: float
    mean_after: float
    periods: int
    events: int = 0
    drivers: tuple[dict[str, object], ...] = field(default_factory=tuple)


def noise_sigma(values: np.ndarray) -> float:
    """Robust noise scale from first differences (MAD), floored at SIGMA_FLOOR."""
    if len(values) < 3:
        return SIGMA_FLOOR
    diffs = np.diff(values)
    robust = float(np.median(np.abs(diffs))) / (0.6745 * math.sqrt(2.0))
    if robust <= SIGMA_FLOOR:
        # a sparse series (most periods quiet, as in news-coded sums) has a zero MAD;
        # its noise is then measured by the spread of all differences
        robust = float(np.std(diffs)) / math.sqrt(2.0)
    return max(robust, SIGMA_FLOOR)


def penalty(values: np.ndarray, beta: float = DEFAULT_BETA) -> float:
    """The PELT penalty: beta * sigma^2 * log(n)."""
    return penalty_of(values, beta).value


@dataclass(frozen=True, slots=True)
class Penalty:
    """The PELT penalty of one series and the data-derived terms it is made of."""

    beta: float
    sigma: float  # robust noise scale of the series (noise_sigma)
    n: int  # periods segmented

    @property
    def value(self) -> float:
        return self.beta * self.sigma ** 2 * math.log(max(self.n, 2))

    def describe(self) -> str:
        return (f"penalty {self.value:.3g} = {self.beta:g} x sigma^2 x log n (sigma "
                f"{self.sigma:.3g}: the series' own noise; n = {self.n} periods)")


def penalty_of(values: np.ndarray, beta: float = DEFAULT_BETA) -> Penalty:
    """The penalty of ``values``: beta times the series' own noise variance times log n."""
    return Penalty(beta, noise_sigma(values), len(values))


def change_points(values: np.ndarray, beta: float = DEFAULT_BETA,
                  min_size: int = DEFAULT_MIN_SIZE) -> list[int]:
    """Indices where a new segment starts (0 < i < n), by PELT on the l2 cost."""
    if len(values) < 2 * min_size:
        return []
    import ruptures as rpt  # imported here: it loads scipy

    algo = rpt.Pelt(model="l2", min_size=min_size, jump=1).fit(values.reshape(-1, 1))
    return [int(i) for i in algo.predict(pen=penalty(values, beta))[:-1]]


def find_episodes(signal: pd.Series, beta: float = DEFAULT_BETA,
                  min_size: int = DEFAULT_MIN_SIZE, min_change: float = 0.0,
                  period_end: pd.Series | None = None) -> list[Episode]:
    """Episodes in ``signal`` (mean Goldstein indexed by period start; NaN periods dropped).

    ``period_end`` maps a period start to its last day; when absent, an episode ends the
    day before the next observed period starts (or at the last observation).
    """
    observed = signal.dropna()
    values = observed.to_numpy(dtype="float64")
    if len(values) == 0:
        return []
    bounds = [0, *change_points(values, beta, min_size), len(values)]
    means = [float(values[a:b].mean()) for a, b in zip(bounds, bounds[1:], strict=False)]
    episodes = []
    for k in range(1, len(means)):
        size = means[k] - means[k - 1]
        if abs(size) < min_change:
            continue
        first, last = bounds[k], bounds[k + 1] - 1
        episodes.append(Episode(
            start=observed.index[first], end=_end_of(observed, last, period_end),
            direction="escalation" if size < 0 else "de-escalation",
            size=size, mean_before=means[k - 1], mean_after=means[k], periods=last - first + 1,
        ))
    return episodes


def _end_of(observed: pd.Series, last: int, period_end: pd.Series | None) -> pd.Timestamp:
    start = observed.index[last]
    if period_end is not None:
        return pd.Timestamp(period_end[start])
    return pd.Timestamp(start)


def attach_drivers(episodes: list[Episode], events: pd.DataFrame,
                   n: int = 3) -> list[Episode]:
    """Add to each episode its event count and the ``n`` events that drove it.

    Drivers of an escalation are its most negative events, of a de-escalation its most
    positive ones (ties: earlier first).
    """
    return [_with_drivers(episode, events, n) for episode in episodes]


def _with_drivers(episode: Episode, events: pd.DataFrame, n: int) -> Episode:
    inside = events[(events["date"] >= episode.start) & (events["date"] <= episode.end)]
    scored = inside[inside["goldstein"].notna()]
    ascending = episode.direction == "escalation"
    top = scored.sort_values(["goldstein", "date"], ascending=[ascending, True]).head(n)
    drivers = tuple(_driver(row) for row in top.to_dict("records"))
    return Episode(episode.start, episode.end, episode.direction, episode.size,
                   episode.mean_before, episode.mean_after, episode.periods, len(inside), drivers)


def _driver(row: dict[str, object]) -> dict[str, object]:
    keys = ("event_id", "date", "source", "target", "cameo", "goldstein", "sentence",
            "article_id")
    record = {key: row.get(key) for key in keys}
    day = record["date"]
    record["date"] = day.date().isoformat() if isinstance(day, pd.Timestamp) else day
    return record


def episodes_frame(episodes: list[Episode]) -> pd.DataFrame:
    """Episodes as a DataFrame with EPISODE_FIELDS columns."""
    rows = [{name: getattr(episode, name) for name in EPISODE_FIELDS} for episode in episodes]
    return pd.DataFrame(rows, columns=list(EPISODE_FIELDS))
