"""Engines that run the coding pipeline elsewhere: worker processes on this machine
(:mod:`dyadwatch.engine.local`) or a Ray cluster (:mod:`dyadwatch.engine.ray_data`).

Every engine parses and codes with :func:`dyadwatch.pipeline.code_batch`, so the same
input gives the same event ids whichever engine ran it. See docs/scale.md.
"""

from __future__ import annotations
