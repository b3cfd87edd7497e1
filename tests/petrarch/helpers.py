"""Paths shared by the petrarch tests (fixtures here; third-party data in ../shared/data)."""

from __future__ import annotations

import os
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"


def shared_data() -> Path:
    """``$DYADWATCH_SHARED_DATA``, else ``<repo>/../shared/data``."""
    if os.environ.get("DYADWATCH_SHARED_DATA"):
        return Path(os.environ["DYADWATCH_SHARED_DATA"])
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
