"""The web service and dashboard: ``create_app(db_path, settings)``; see docs/api.md."""

from __future__ import annotations

from dyadwatch.api.app import create_app
from dyadwatch.api.settings import Settings

__all__ = ["Settings", "create_app"]
