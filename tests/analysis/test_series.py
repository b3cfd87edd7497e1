from __future__ import annotations

import pandas as pd
import pytest

from dyadwatch.analysis.series import build_series, combined


def frame(rows: list[tuple[str, str, int, float | None]]) -> pd.DataFrame:
    return pd.DataFrame({
        "date": pd.to_datetime([r[0] for r in rows]),
        "direction": [r[1] for r in rows],
        "quad_class": [r[2] for r in rows],
        "goldstein": [r[3] for r in rows],
    })


EVENTS = [("2020-01-01", "AB", 1, 2.0), ("2020-01-02", "BA", 4, -10.0),
          ("2020-01-02", "BA", 3, -4.0), ("2020-01-21", "AB", 4, None)]


@pytest.mark.parametrize(("freq", "periods"), [("day", 21), ("week", 4), ("month", 1)])
def test_series_has_every_period_for_both_directions(freq: str, periods: int) -> None:
    series = build_series(frame(EVENTS), freq)  # type: ignore[arg-type]
    assert len(series) == 2 * periods
    assert series["events"].sum() == 4
    assert set(series["direction"]) == {"AB", "BA"}


@pytest.mark.parametrize("freq", ["week"])
def test_series_empty_periods_are_zero(freq: str) -> None:
    series = build_series(frame(EVENTS), freq)  # type: ignore[arg-type]
    empty = series[series["period"] == pd.Timestamp("2020-01-06")]
    assert empty["events"].tolist() == [0, 0]
    assert empty["goldstein_sum"].tolist() == [0.0, 0.0]
    assert empty["goldstein_mean"].isna().all()


@pytest.mark.parametrize(("direction", "expected"), [
    ("AB", dict(events=1, verbal_coop=1, goldstein_sum=2.0, goldstein_mean=2.0,
                cooperation=2.0, conflict=0.0)),
    ("BA", dict(events=2, verbal_conflict=1, material_conflict=1, goldstein_sum=-14.0,
                goldstein_mean=-7.0, cooperation=0.0, conflict=14.0)),
])
def test_series_counts_quads_and_goldstein(direction: str, expected: dict[str, float]) -> None:
    series = build_series(frame(EVENTS), "week")
    row = series[(series["period"] == pd.Timestamp("2019-12-30"))
                 & (series["direction"] == direction)].iloc[0]
    for key, value in expected.items():
        assert row[key] == value, key


@pytest.mark.parametrize(("since", "until", "weeks"), [("2019-12-01", "2020-02-01", 10)])
def test_series_window_extends_the_grid(since: str, until: str, weeks: int) -> None:
    series = build_series(frame(EVENTS), "week", since, until)
    assert series["period"].nunique() == weeks
    assert series["period"].min() == pd.Timestamp("2019-11-25")  # the Monday of its week


@pytest.mark.parametrize("direction", ["both"])
def test_series_combined_mean_weights_events(direction: str) -> None:
    table = combined(build_series(frame(EVENTS), "week"), direction)
    assert table.loc[pd.Timestamp("2019-12-30"), "goldstein_mean"] == pytest.approx(-12.0 / 3)
    assert pd.isna(table.loc[pd.Timestamp("2020-01-20"), "goldstein_mean"])


@pytest.mark.parametrize("freq", ["week"])
def test_series_of_no_events_is_empty(freq: str) -> None:
    assert build_series(frame([]), freq).empty  # type: ignore[arg-type]
