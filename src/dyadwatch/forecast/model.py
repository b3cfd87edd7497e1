"""The pooled forecast model: scikit-learn gradient boosting over all dyads' rows.

Hyper-parameters are fixed here, chosen before any evaluation and never tuned on test
periods; early stopping holds out a random tenth of the *training* rows only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

SEED = 0
CLASSIFIER_PARAMS: dict[str, Any] = {
    "learning_rate": 0.1, "max_iter": 200, "max_leaf_nodes": 15, "min_samples_leaf": 40,
    "l2_regularization": 1.0, "early_stopping": True, "validation_fraction": 0.1,
    "n_iter_no_change": 20, "random_state": SEED,
}
REGRESSOR_PARAMS: dict[str, Any] = dict(CLASSIFIER_PARAMS)
MIN_ROWS_FOR_EARLY_STOPPING = 400


@dataclass(frozen=True, slots=True)
class FittedClassifier:
    """A fitted classifier, or the training rate when the training rows hold one class."""

    estimator: Any | None
    base_rate: float
    features: tuple[str, ...]

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        if self.estimator is None:
            return np.full(len(rows), self.base_rate)
        proba = self.estimator.predict_proba(rows[list(self.features)].to_numpy())
        return np.asarray(proba[:, 1], dtype="float64")


@dataclass(frozen=True, slots=True)
class FittedRegressor:
    estimator: Any | None
    mean: float
    features: tuple[str, ...]

    def predict(self, rows: pd.DataFrame) -> np.ndarray:
        if self.estimator is None:
            return np.full(len(rows), self.mean)
        return np.asarray(self.estimator.predict(rows[list(self.features)].to_numpy()),
                          dtype="float64")


def _params(base: dict[str, Any], rows: int) -> dict[str, Any]:
    params = dict(base)
    if rows < MIN_ROWS_FOR_EARLY_STOPPING:
        params["early_stopping"] = False
        params["max_iter"] = 100
    return params


def fit_classifier(rows: pd.DataFrame, outcome: pd.Series,
                   features: tuple[str, ...]) -> FittedClassifier:
    """Fit P(outcome = 1 | features) on the training rows."""
    y = outcome.to_numpy(dtype="float64")
    rate = float(y.mean()) if len(y) else 0.0
    if len(np.unique(y)) < 2:
        return FittedClassifier(None, rate, features)
    from sklearn.ensemble import HistGradientBoostingClassifier  # heavy: imported on use

    model = HistGradientBoostingClassifier(**_params(CLASSIFIER_PARAMS, len(y)))
    model.fit(rows[list(features)].to_numpy(), y.astype("int64"))
    return FittedClassifier(model, rate, features)


def fit_regressor(rows: pd.DataFrame, value: pd.Series,
                  features: tuple[str, ...]) -> FittedRegressor:
    """Fit E[value | features] (the next period's net Goldstein) on the training rows."""
    y = value.to_numpy(dtype="float64")
    mean = float(y.mean()) if len(y) else 0.0
    if len(y) < 10 or float(np.std(y)) == 0.0:
        return FittedRegressor(None, mean, features)
    from sklearn.ensemble import HistGradientBoostingRegressor

    model = HistGradientBoostingRegressor(**_params(REGRESSOR_PARAMS, len(y)))
    model.fit(rows[list(features)].to_numpy(), y)
    return FittedRegressor(model, mean, features)
