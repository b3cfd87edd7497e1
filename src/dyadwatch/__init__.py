"""dyadwatch: news to political event data, coded in CAMEO and PLOVER, with evidence."""

from __future__ import annotations

from typing import Any

from dyadwatch import imported_sources as _imported_sources

_imported_sources.install()  # the resource cache's key reads the modules as imported

__version__ = "0.1.0"
DICTIONARY_VERSION = "2026.1"


def __getattr__(name: str) -> Any:
    """``dyadwatch.open(db)`` and ``dyadwatch.code(...)``: the notebook API, imported on
    first use (it loads pandas and spaCy)."""
    if name == "open":
        from dyadwatch.api_python import open as open_events

        return open_events
    if name == "code":
        from dyadwatch.pipeline import code

        return code
    raise AttributeError(f"module 'dyadwatch' has no attribute {name!r}")
