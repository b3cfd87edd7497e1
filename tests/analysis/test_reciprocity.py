from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dyadwatch.analysis.reciprocity import (
    answer,
    cross_correlation,
    dyad_reciprocity,
    enough_periods,
)


def echo(n: int, lag: int, seed: int, strength: float = 0.8) -> tuple[np.ndarray, np.ndarray]:
    """x: Poisson conflict counts; y answers x after ``lag`` periods, plus noise."""
    rng = np.random.default_rng(seed)
    x = rng.poisson(3.0, n).astype(float)
    y = rng.normal(0.0, 1.0, n)
    y[lag:] += strength * x[: n - lag]
    return x, y


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("lag", [0, 2, 3])
def test_reciprocity_answer_with_lag_is_found(lag: int, seed: int) -> None:
    x, y = echo(104, lag, seed)
    best, r, p_value, threshold, ccf, _ = answer(x, y, max_lag=6, permutations=199, seed=0)
    assert best == lag
    assert r > threshold
    assert p_value < 0.01
    assert len(ccf) == 7


@pytest.mark.parametrize("seed", [11])
def test_reciprocity_random_pair_is_not_significant(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x, y = rng.poisson(3.0, 104).astype(float), rng.poisson(3.0, 104).astype(float)
    assert answer(x, y, max_lag=6, permutations=499, seed=0)[2] > 0.05


@pytest.mark.parametrize("alpha", [0.05])
def test_reciprocity_permutation_test_is_calibrated(alpha: float) -> None:
    """Independent AR(1) pairs: about alpha of them come out significant, not more."""
    significant = 0
    for seed in range(40):
        rng = np.random.default_rng(1000 + seed)
        noise = rng.normal(size=(2, 80))
        x, y = np.zeros(80), np.zeros(80)
        for t in range(1, 80):
            x[t] = 0.6 * x[t - 1] + noise[0, t]
            y[t] = 0.6 * y[t - 1] + noise[1, t]
        significant += answer(x, y, max_lag=4, permutations=99, seed=seed)[2] < alpha
    assert significant <= 6  # 5% of 40 is 2; 6 or more has probability < 0.5%


@pytest.mark.parametrize("seed", [3])
def test_reciprocity_same_seed_same_p_value(seed: int) -> None:
    x, y = echo(60, 1, 5, strength=0.2)
    first = answer(x, y, 4, 99, seed)
    assert answer(x, y, 4, 99, seed)[2] == first[2]


@pytest.mark.parametrize("lag", [2])
def test_reciprocity_cross_correlation_definition(lag: int) -> None:
    x = np.array([0.0, 1, 0, 0, 3, 0, 1, 0, 2, 0])
    y = np.roll(x, lag)
    y[:lag] = 0
    ccf = cross_correlation(x, y, 3)
    assert ccf[lag] == pytest.approx(np.corrcoef(x[:-lag], y[lag:])[0, 1])
    assert int(np.argmax(ccf)) == lag


@pytest.mark.parametrize("constant", [0.0])
def test_reciprocity_constant_series_has_zero_correlation(constant: float) -> None:
    assert cross_correlation(np.full(10, constant), np.arange(10.0), 2).tolist() == [0.0] * 3


@pytest.mark.parametrize(("periods", "max_lag", "ok"), [(16, 4, True), (15, 4, False)])
def test_reciprocity_needs_enough_periods(periods: int, max_lag: int, ok: bool) -> None:
    assert enough_periods(periods, max_lag) is ok


@pytest.mark.parametrize("lag", [2])
def test_reciprocity_dyad_both_ways_on_every_channel(lag: int) -> None:
    x, y = echo(80, lag, 0)
    periods = pd.date_range("2020-01-06", periods=80, freq="7D")
    rows = []
    for direction, values in (("AB", x), ("BA", np.clip(y, 0, None))):
        for period, value in zip(periods, values, strict=True):
            rows.append({"period": period, "direction": direction, "conflict": value,
                         "cooperation": 1.0, "goldstein_sum": -value})
    results = dyad_reciprocity(pd.DataFrame(rows), ("USA", "IRN"), max_lag=4, permutations=99)
    assert len(results) == 6
    conflict = next(r for r in results if r.channel == "conflict" and r.responder == "IRN")
    assert conflict.best_lag == lag and conflict.p_value < 0.05
