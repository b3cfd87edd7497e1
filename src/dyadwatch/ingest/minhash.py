"""MinHash signatures and an LSH index over them, computed as datasketch computes them
(its default "affine32" scheme: the same hash values, permutations and band
sizes) with NumPy alone.

datasketch's package imports SciPy to choose its band sizes, half a second of start-up
for every ``dyadwatch code``; the arithmetic below is small enough to keep here. A
signature's values equal those of ``datasketch.MinHash(num_perm, seed=1)`` (2.0) fed the same
byte strings (tested), so the estimated Jaccard of two texts does not change.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

MAX_HASH = (1 << 32) - 1
SEED = 1
_GRID = 4001  # points of the numeric integration that chooses the band sizes
# band_sizes of the settings dyadwatch uses, so that start-up need not compute them (tested)
KNOWN_BANDS = {(0.7, 128): (14, 9)}
# The MurmurHash3 32-bit finaliser: shifts and multipliers.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
         np.uint32(16))


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int = SEED) -> NDArray[np.uint32]:
    """The (a, b) of each permutation ``a * h + b mod 2**32`` (a odd), as datasketch's
    "affine32" scheme draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return np.array([a, b])


def hash32(value: bytes) -> int:
    """The first four bytes of the SHA-1 of ``value``, little-endian."""
    return int.from_bytes(hashlib.sha1(value).digest()[:4], "little")


def hash32_array(items: Iterable[bytes]) -> NDArray[np.uint32]:
    """``hash32`` of each item, as one array: the four bytes of each digest joined and read
    at once (no Python int per item)."""
    sha1 = hashlib.sha1
    joined = b"".join([sha1(item).digest()[:4] for item in items])
    return np.frombuffer(joined, dtype="<u4").astype(np.uint32)


def _mix(hashed: NDArray[np.uint32]) -> NDArray[np.uint32]:
    """The MurmurHash3 finaliser, a bijection that spreads the input hashes."""
    s1, m1, s2, m2, s3 = _FMIX
    hashed = hashed ^ (hashed >> s1)
    hashed = hashed * m1
    hashed = hashed ^ (hashed >> s2)
    hashed = hashed * m2
    return hashed ^ (hashed >> s3)


@dataclass(frozen=True, slots=True, eq=False)
class Signature:
    """The MinHash of a set: the least permuted hash of its members, per permutation."""

    values: NDArray[np.uint32]

    def jaccard(self, other: Signature) -> float:
        """The share of equal values: an estimate of the Jaccard similarity of the sets."""
        return float(np.count_nonzero(self.values == other.values)) / float(len(self.values))

    def is_empty(self) -> bool:
        return not bool(np.any(self.values != MAX_HASH))


def signature(items: Iterable[bytes], num_perm: int) -> Signature:
    """The MinHash signature of ``items`` with ``num_perm`` permutations."""
    hashed = hash32_array(items)
    if not len(hashed):
        return Signature(np.full(num_perm, MAX_HASH, dtype=np.uint32))
    a, b = permutations(num_perm)
    column = _mix(hashed.reshape(-1, 1))
    return Signature((column * a + b).min(axis=0))


@lru_cache(maxsize=16)
def band_sizes(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that minimise the mean of the false positive and false
    negative probabilities at ``threshold`` (datasketch's choice, equal weights)."""
    if (threshold, num_perm) in KNOWN_BANDS:
        return KNOWN_BANDS[(threshold, num_perm)]
    return _best_bands(threshold, num_perm)


def _best_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    low, high = np.linspace(0.0, threshold, _GRID), np.linspace(threshold, 1.0, _GRID)
    best, chosen = float("inf"), (0, 0)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_pos = _integral(1.0 - (1.0 - low ** rows) ** bands, low)
            false_neg = _integral((1.0 - high ** rows) ** bands, high)
            error = 0.5 * false_pos + 0.5 * false_neg
            if error < best:
                best, chosen = error, (bands, rows)
    return chosen


def _integral(y: NDArray[np.float64], x: NDArray[np.float64]) -> float:
    """The trapezoid rule over the points (x, y)."""
    return float(np.sum((y[1:] + y[:-1]) * np.diff(x)) / 2.0)


@dataclass(slots=True)
class LshIndex:
    """Signatures in bands: a query returns every key that shares a whole band with it."""

    threshold: float
    num_perm: int
    _tables: list[defaultdict[bytes, list[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        bands, _ = band_sizes(self.threshold, self.num_perm)
        self._tables = [defaultdict(list) for _ in range(bands)]

    def _bands(self, sig: Signature) -> list[bytes]:
        _, rows = band_sizes(self.threshold, self.num_perm)
        return [sig.values[i * rows:(i + 1) * rows].tobytes() for i in range(len(self._tables))]

    def insert(self, key: str, sig: Signature) -> None:
        for table, band in zip(self._tables, self._bands(sig), strict=True):
            table[band].append(key)

    def query(self, sig: Signature) -> set[str]:
        found: set[str] = set()
        for table, band in zip(self._tables, self._bands(sig), strict=True):
            found.update(table.get(band, ()))
        return found
