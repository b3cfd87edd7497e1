"""Dyad analysis over pandas DataFrames: series, escalation, reciprocity, timelines, dyads.

Functions here are pure: they take frames produced by ``dyadwatch.store.queries`` and
return frames or values. See docs/analysis.md.
"""

from __future__ import annotations

DIRECTIONS: tuple[str, str] = ("AB", "BA")
