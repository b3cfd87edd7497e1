"""Command-line interface. Each area's commands live in their own module and register on ``cli``."""

from __future__ import annotations

from dyadwatch.cli import analysis as _analysis  # noqa: E402,F401

# Command modules register themselves on import (one line per area).
from dyadwatch.cli import coding as _coding  # noqa: E402,F401
from dyadwatch.cli import evaluate as _evaluate  # noqa: E402,F401
from dyadwatch.cli import ingest as _ingest  # noqa: E402,F401
from dyadwatch.cli import petrarch as _petrarch  # noqa: E402,F401
from dyadwatch.cli import runs as _runs  # noqa: E402,F401
from dyadwatch.cli import serve as _serve  # noqa: E402,F401
from dyadwatch.cli.main import cli

__all__ = ["cli"]
