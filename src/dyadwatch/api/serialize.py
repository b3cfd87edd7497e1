"""JSON-ready values from pandas frames, numpy scalars, dates and dataclasses."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import pandas as pd


def clean(value: Any) -> Any:
    """A JSON-safe copy: NaN/inf → None, timestamps → ISO text, numpy → Python."""
    if isinstance(value, dict):
        return {str(key): clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [clean(item) for item in value]
    if value is pd.NaT or value is pd.NA:  # NaT is a datetime: test it before those
        return None
    if isinstance(value, pd.Timestamp):
        return _timestamp(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return clean(value.item())  # numpy scalar
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _timestamp(value: pd.Timestamp) -> str:
    if value == value.normalize():
        return str(value.date().isoformat())
    return str(value.isoformat())


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as JSON-safe dicts."""
    return [clean(row) for row in frame.to_dict("records")]
