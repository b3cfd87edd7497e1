"""Command-line interface. Each area's commands live in their own module and register on ``cli``.

Importing a command module registers its commands (one line per area).
"""

from __future__ import annotations

from dyadwatch.cli import analysis as _analysis  # noqa: F401
from dyadwatch.cli import coding as _coding  # noqa: F401
from dyadwatch.cli import dictionaries as _dictionaries  # noqa: F401
from dyadwatch.cli import evaluate as _evaluate  # noqa: F401
from dyadwatch.cli import ingest as _ingest  # noqa: F401
from dyadwatch.cli import petrarch as _petrarch  # noqa: F401
from dyadwatch.cli import runs as _runs  # noqa: F401
from dyadwatch.cli import serve as _serve  # noqa: F401
from dyadwatch.cli import warning as _warning  # noqa: F401
from dyadwatch.cli.main import cli

__all__ = ["cli"]
