"""Read PETRARCH2, TABARI and Phoenix dictionaries and code spaCy parses with them.

The one entry point for coding is :func:`load_petrarch_coder`.
"""

from __future__ import annotations

from dyadwatch.petrarch.coder import PetrarchCoder, load_petrarch_coder

__all__ = ["PetrarchCoder", "load_petrarch_coder"]
