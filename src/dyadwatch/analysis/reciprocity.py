"""Reciprocity: does the responder answer the leader in kind, and after how many periods?

For a leader series x (e.g. A→B conflict per week) and a responder series y (B→A), the
lagged cross-correlation is r(k) = corr(x_t, y_{t+k}) for k = 0..K. Both series are first
prewhitened with the AR(p) filter fitted to x (Box & Jenkins), so autocorrelation in x
does not masquerade as response. The statistic is max_k r(k) (a positive answer in kind);
its p-value comes from a permutation test that shuffles the prewhitened responder series
with a seeded generator, taking the maximum over the same lags in every permutation.
See docs/analysis.md for the formula and references.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dyadwatch.analysis.series import directed

CHANNELS: tuple[str, ...] = ("conflict", "cooperation", "goldstein_sum")
DEFAULT_MAX_LAG = 4
DEFAULT_PERMUTATIONS = 999
MIN_OVERLAP = 8
RECIPROCITY_FIELDS: tuple[str, ...] = (
    "leader", "responder", "channel", "best_lag", "r", "p_value", "threshold", "n_periods",
    "ar_order", "ccf",
)


@dataclass(frozen=True, slots=True)
class Reciprocity:
    """The answer of ``responder`` to ``leader`` on one channel."""

    leader: str
    responder: str
    channel: str
    best_lag: int
    r: float
    p_value: float
    threshold: float  # 95th percentile of the permutation maximum: r above it is p < 0.05
    n_periods: int
    ar_order: int
    ccf: tuple[float, ...]  # r(k) for k = 0..max_lag


def cross_correlation(x: np.ndarray, y: np.ndarray, max_lag: int) -> np.ndarray:
    """r(k) = Pearson corr(x[t], y[t + k]) over the overlapping periods, k = 0..max_lag.

    A lag whose overlap has no variance gets r = 0.
    """
    return np.array([_corr(x[: len(x) - k], y[k:]) for k in range(max_lag + 1)])


def _corr(x: np.ndarray, y: np.ndarray) -> float:
    xc, yc = x - x.mean(), y - y.mean()
    denom = float(np.sqrt((xc * xc).sum() * (yc * yc).sum()))
    return float((xc * yc).sum() / denom) if denom > 0 else 0.0


def _ar_design(x: np.ndarray, order: int) -> tuple[np.ndarray, np.ndarray]:
    rows = [x[order - j - 1: len(x) - j - 1] for j in range(order)]
    design = np.column_stack([np.ones(len(x) - order), *rows])
    return design, x[order:]


def fit_ar(x: np.ndarray, max_order: int) -> np.ndarray:
    """AR coefficients [c, phi_1..phi_p] by least squares, p <= max_order chosen by AIC."""
    best = np.array([float(x.mean())])
    best_aic = _aic(x[max_order:] - x.mean(), 1)
    for order in range(1, max_order + 1):
        design, target = _ar_design(x, order)
        coef = np.linalg.lstsq(design, target, rcond=None)[0]
        resid = (target - design @ coef)[max_order - order:]
        aic = _aic(resid, order + 1)
        if aic < best_aic:
            best, best_aic = coef, aic
    return best


def _aic(resid: np.ndarray, params: int) -> float:
    variance = max(float((resid * resid).mean()), 1e-12)
    return len(resid) * float(np.log(variance)) + 2 * params


def ar_filter(series: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """Residuals of ``series`` under the AR filter ``coef`` (drops the first p periods)."""
    order = len(coef) - 1
    if order == 0:
        return np.asarray(series - coef[0], dtype="float64")
    design, target = _ar_design(series, order)
    return np.asarray(target - design @ coef, dtype="float64")


def prewhiten(x: np.ndarray, y: np.ndarray, max_order: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Filter x and y with the AR model fitted to x (Box-Jenkins prewhitening)."""
    coef = fit_ar(x, max_order)
    return ar_filter(x, coef), ar_filter(y, coef), len(coef) - 1


def permutation_test(x: np.ndarray, y: np.ndarray, max_lag: int, permutations: int,
                     rng: np.random.Generator) -> tuple[int, float, float, float, np.ndarray]:
    """(best lag, r at it, p-value, 95% threshold, ccf) for the max-over-lags statistic."""
    ccf = cross_correlation(x, y, max_lag)
    best = int(np.argmax(ccf))
    null = np.array([cross_correlation(x, rng.permutation(y), max_lag).max()
                     for _ in range(permutations)])
    p_value = (1.0 + float((null >= ccf[best] - 1e-12).sum())) / (1.0 + permutations)
    threshold = float(np.quantile(null, 0.95)) if permutations else float("nan")
    return best, float(ccf[best]), p_value, threshold, ccf


def answer(x: np.ndarray, y: np.ndarray, max_lag: int = DEFAULT_MAX_LAG,
           permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0,
           prewhitening: bool = True) -> tuple[int, float, float, float, np.ndarray, int]:
    """Best lag, r, p-value, threshold, ccf and AR order of y answering x."""
    order = 0
    if prewhitening:
        x, y, order = prewhiten(x, y, max_order=min(4, max(len(x) // 10, 1)))
    rng = np.random.default_rng(seed)
    best, r, p_value, threshold, ccf = permutation_test(x, y, max_lag, permutations, rng)
    return best, r, p_value, threshold, ccf, order


def enough_periods(n_periods: int, max_lag: int) -> bool:
    """Whether a series of n periods leaves MIN_OVERLAP pairs at the largest lag."""
    return n_periods - max_lag - 4 >= MIN_OVERLAP


def dyad_reciprocity(series: pd.DataFrame, labels: tuple[str, str],
                     max_lag: int = DEFAULT_MAX_LAG,
                     permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0,
                     channels: tuple[str, ...] = CHANNELS) -> list[Reciprocity]:
    """Both ways (B answers A, A answers B) on every channel of a build_series frame."""
    results = []
    for leader, responder, names in (("AB", "BA", labels), ("BA", "AB", labels[::-1])):
        for channel in channels:
            x = directed(series, leader, channel).to_numpy(dtype="float64")
            y = directed(series, responder, channel).to_numpy(dtype="float64")
            best, r, p_value, threshold, ccf, order = answer(x, y, max_lag, permutations, seed)
            results.append(Reciprocity(names[0], names[1], channel, best, r, p_value,
                                       threshold, len(x), order, tuple(float(v) for v in ccf)))
    return results


def reciprocity_frame(results: list[Reciprocity]) -> pd.DataFrame:
    rows = [{name: getattr(item, name) for name in RECIPROCITY_FIELDS} for item in results]
    return pd.DataFrame(rows, columns=list(RECIPROCITY_FIELDS))
