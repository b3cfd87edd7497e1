from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dyadwatch.analysis.escalation import (
    attach_drivers,
    change_points,
    find_episodes,
    noise_sigma,
)


def planted(n: int, at: int, before: float, after: float, sigma: float,
            seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = rng.normal(before, sigma, n)
    values[at:] += after - before
    return values


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(("at", "before", "after"), [(30, 2.0, -5.0), (18, -6.0, 1.0)])
def test_escalation_planted_change_point_found_within_one_period(
        seed: int, at: int, before: float, after: float) -> None:
    points = change_points(planted(52, at, before, after, 1.5, seed))
    assert any(abs(point - at) <= 1 for point in points), points


@pytest.mark.parametrize("n", [52])
def test_escalation_noise_alone_rarely_gives_a_change_point(n: int) -> None:
    """About 3% of pure-noise years get a false change point with the default penalty."""
    false = sum(bool(change_points(planted(n, 0, -1.0, -1.0, 1.5, seed))) for seed in range(100))
    assert false <= 8


@pytest.mark.parametrize(("at", "size"), [(30, -7.0)])
def test_escalation_episode_has_dates_direction_and_size(at: int, size: float) -> None:
    weeks = pd.date_range("2020-01-06", periods=52, freq="7D")
    signal = pd.Series(planted(52, at, 2.0, 2.0 + size, 1.0, 0), index=weeks)
    episodes = find_episodes(signal)
    assert len(episodes) == 1
    episode = episodes[0]
    assert episode.direction == "escalation"
    assert abs((episode.start - weeks[at]).days) <= 7
    assert episode.end == weeks[-1]
    assert episode.size == pytest.approx(size, abs=1.0)
    assert episode.mean_after - episode.mean_before == pytest.approx(episode.size)


@pytest.mark.parametrize("direction", ["de-escalation"])
def test_escalation_de_escalation_is_positive(direction: str) -> None:
    signal = pd.Series([-8.0] * 10 + [3.0] * 10,
                       index=pd.date_range("2020-01-06", periods=20, freq="7D"))
    episodes = find_episodes(signal)
    assert [e.direction for e in episodes] == [direction]
    assert episodes[0].size == pytest.approx(11.0)


@pytest.mark.parametrize("n", [0, 3])
def test_escalation_short_series_has_no_episode(n: int) -> None:
    signal = pd.Series([1.0] * n, index=pd.date_range("2020-01-06", periods=n, freq="7D"),
                       dtype="float64")
    assert find_episodes(signal) == []


@pytest.mark.parametrize("values", [[1.0, 1.0, 1.0, 1.0]])
def test_escalation_sigma_is_floored(values: list[float]) -> None:
    assert noise_sigma(np.array(values)) > 0


@pytest.mark.parametrize("top", [2])
def test_escalation_drivers_are_the_most_negative_events(top: int) -> None:
    signal = pd.Series([3.0] * 6 + [-8.0] * 6,
                       index=pd.date_range("2020-01-06", periods=12, freq="7D"))
    events = pd.DataFrame({
        "event_id": ["a", "b", "c", "d"],
        "date": pd.to_datetime(["2020-01-07", "2020-02-18", "2020-02-25", "2020-03-03"]),
        "goldstein": [-10.0, -10.0, -2.0, -9.5], "source": "X", "target": "Y",
        "cameo": "190", "sentence": "s", "article_id": "art",
    })
    [episode] = attach_drivers(find_episodes(signal), events, top)
    assert [d["event_id"] for d in episode.drivers] == ["b", "d"]
    assert episode.events == 3
