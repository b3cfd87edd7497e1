"""--freq auto: the period is chosen from the dates alone; too few data are said plainly."""

from __future__ import annotations

import pandas as pd
import pytest

from dyadwatch.analysis.choice import (
    FREQ_OPTIONS,
    Coverage,
    choose_freq,
    coverage,
    escalation_needs,
    reciprocity_needs,
)
from dyadwatch.errors import SeriesTooShortError


def days(start: str, offsets: list[int]) -> pd.Series:
    return pd.Series(pd.Timestamp(start) + pd.to_timedelta(offsets, unit="D"))


@pytest.mark.parametrize(("offsets", "freq", "periods", "active"), [
    ([0, 1, 9], "day", 10, 3),
    ([0, 1, 9], "week", 2, 2),  # 2020-01-06 is a Monday
    ([0, 40], "month", 2, 2),
])
def test_choice_coverage_counts_periods_and_active(offsets: list[int], freq: str,
                                                   periods: int, active: int) -> None:
    cov = coverage(days("2020-01-06", offsets), freq)  # type: ignore[arg-type]
    assert (cov.periods, cov.active) == (periods, active)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("offsets", "expected"), [
    (list(range(0, 84, 3)), "week"),  # 12 weeks, every one with events; days a third full
    (list(range(0, 400, 2)), "day"),  # every other day for a year: day is dense enough
    ([0, 1, 2, 30, 31, 60, 61, 90, 120, 150, 180, 210, 240], "month"),  # sparse weeks
])
def test_choice_auto_takes_the_finest_dense_period(offsets: list[int], expected: str) -> None:
    choice = choose_freq(days("2020-01-06", offsets), "auto", escalation_needs(2))
    assert choice.freq == expected and choice.auto
    assert f"--freq {expected} (auto: the finest period with" in choice.describe()
    assert choice.caution() == ""


@pytest.mark.issue(15)
@pytest.mark.parametrize("offsets", [[0, 5, 20, 33, 47, 60]])
def test_choice_auto_falls_back_to_the_densest_long_enough(offsets: list[int]) -> None:
    """No period is half full: the coarsest that still has enough periods."""
    choice = choose_freq(days("2020-01-06", offsets), "auto", reciprocity_needs(0, 8))
    assert choice.freq == "day" and not choice.coverage.dense
    assert "so the densest with at least 12 periods" in choice.describe()
    assert choice.caution().startswith("Few data: only 6 of 61 days have events")


@pytest.mark.issue(15)
@pytest.mark.parametrize(("offsets", "freq", "hint"), [
    ([0, 7, 14, 21, 28, 35, 42, 49, 56], "month", "Try --freq week."),
    ([0, 1, 2], "auto", "The data are too few for this analysis at any period"),
    ([0, 1, 2], "day", "The data are too few for this analysis at any period"),
])
def test_choice_too_short_hint_names_only_options_that_exist_and_work(
        offsets: list[int], freq: str, hint: str) -> None:
    with pytest.raises(SeriesTooShortError, match="E703") as caught:
        choose_freq(days("2020-01-06", offsets), freq, escalation_needs(2))  # type: ignore[arg-type]
    message = str(caught.value)
    assert hint in message
    suggested = [word for word in message.split() if word.startswith("--freq")]
    assert all(message.split()[message.split().index(s) + 1].strip(".,;") in FREQ_OPTIONS
               for s in suggested)
    if freq == "day":
        assert "finer" not in message and "Try --freq" not in message


@pytest.mark.issue(15)
@pytest.mark.parametrize(("max_lag", "hint"), [(4, "Try --freq day or --max-lag 2.")])
def test_choice_reciprocity_hint_offers_a_smaller_lag_that_fits(max_lag: int,
                                                                hint: str) -> None:
    weekly = days("2020-01-06", [7 * k for k in range(14)])  # 14 weeks, every one active

    def smaller(cov: Coverage) -> str:
        fits = cov.periods - 4 - 8
        return f"--max-lag {fits}" if 0 <= fits < max_lag else ""

    with pytest.raises(SeriesTooShortError) as caught:
        choose_freq(weekly, "week", reciprocity_needs(max_lag, 8), smaller=smaller)
    assert hint in str(caught.value)
