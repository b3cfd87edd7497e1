"""Forecasts of dyadic conflict and their honest evaluation against simple baselines.

A *panel* is a pandas DataFrame with one row per directed dyad and period: ``source``,
``target``, ``period`` (the period's first day), the four quad-class counts and
``goldstein_sum`` (NaN where the data carries no Goldstein values). ``features`` turns a
panel into model rows, ``model`` fits the pooled scikit-learn model, ``backtest`` runs the
rolling-origin evaluation beside persistence and climatology, ``truth`` reads conflict
ground truth. See docs/forecasting.md.
"""

from __future__ import annotations

from dyadwatch.store.panel import PANEL_COLUMNS

__all__ = ["PANEL_COLUMNS"]
