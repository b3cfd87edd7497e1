"""pandas' group sums of floats in plain Python, to the last bit (issue 16): the commands
that print without pandas (``series``, ``dyads``) add up Goldstein scores as the
DataFrames of the Python API do.

pandas 3 sums a float column by group with ``np.add.reduceat`` when the rows come sorted
by group and the column holds no NaN, and with a Kahan sum otherwise
(``pandas.core.groupby.ops``); the two can differ in the last bit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def sorted_by_group(keys: Sequence[Any]) -> bool:
    """Whether rows with these group keys (in row order) come sorted by group."""
    return all(before <= after for before, after in zip(keys, keys[1:], strict=False))


def kahan_sum(values: Sequence[float]) -> float:
    """A compensated (Kahan) sum in order, NaN skipped, step for step pandas' Cython
    ``group_sum``."""
    total = compensation = 0.0
    for value in values:
        if value != value:  # NaN: skipped
            continue
        y = value - compensation
        t = total + y
        compensation = t - total - y
        if compensation != compensation:  # an infinite value
            compensation = 0.0
        total = t
    return total


def pairwise_sum(values: Sequence[float]) -> float:
    """NumPy's pairwise sum of a float64 array (``pairwise_sum`` in its add loop)."""
    n = len(values)
    if n < 8:
        total = -0.0
        for value in values:
            total += value
        return total
    if n > 128:
        half = n // 2 - (n // 2) % 8
        return pairwise_sum(values[:half]) + pairwise_sum(values[half:])
    lanes = list(values[:8])
    end = n - n % 8
    for i in range(8, end, 8):
        for j in range(8):
            lanes[j] += values[i + j]
    total = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + \
        ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
    for value in values[end:]:
        total += value
    return total


def group_sum(values: Sequence[float], grouped: bool) -> float:
    """The float pandas' ``groupby().sum()`` gives for one group: ``np.add.reduceat`` (the
    first value plus the pairwise sum of the rest) when the rows came sorted by group and
    the column holds no NaN (``grouped``, see ``sorted_by_group``), else the Cython Kahan
    sum."""
    if not grouped:
        return kahan_sum(values)
    return values[0] + pairwise_sum(values[1:]) if len(values) > 1 else values[0]
