"""dyadwatch: news to political event data, coded in CAMEO and PLOVER, with evidence."""

from __future__ import annotations

__version__ = "0.1.0"
DICTIONARY_VERSION = "2026.1"
