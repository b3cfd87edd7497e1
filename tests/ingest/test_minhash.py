"""ingest.minhash gives datasketch's signatures and band sizes without importing it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dyadwatch.ingest import minhash

ITEMS = [f"shingle number {i}".encode() for i in range(200)]


@pytest.mark.issue(16)
@pytest.mark.parametrize(("threshold", "num_perm", "expected"), [(0.7, 128, (14, 9))])
def test_minhash_band_sizes(threshold: float, num_perm: int, expected: tuple[int, int]) -> None:
    assert minhash.band_sizes(threshold, num_perm) == expected
    assert minhash._best_bands(threshold, num_perm) == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize("count", [1, 7, 200])
def test_minhash_signature_equals_datasketch(count: int) -> None:
    datasketch = pytest.importorskip("datasketch")
    if not hasattr(datasketch.MinHash(num_perm=4), "scheme"):
        pytest.skip("datasketch before 2.0 uses another permutation scheme")
    theirs = datasketch.MinHash(num_perm=128)
    theirs.update_batch(ITEMS[:count])
    assert (minhash.signature(ITEMS[:count], 128).values == theirs.hashvalues).all()


@pytest.mark.issue(16)
@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.9])
def test_minhash_band_sizes_equal_datasketch(threshold: float) -> None:
    lsh = pytest.importorskip("datasketch.lsh")
    assert minhash._best_bands(threshold, 128) == lsh._optimal_param(threshold, 128, 0.5, 0.5)


@pytest.mark.issue(16)
@pytest.mark.parametrize(("start", "found"), [(0, True), (10, True), (180, False)])
def test_minhash_index_finds_similar_sets(start: int, found: bool) -> None:
    index = minhash.LshIndex(0.7, 128)
    index.insert("first", minhash.signature(ITEMS[:200], 128))
    other = [f"another shingle {i}".encode() for i in range(start)]
    assert ("first" in index.query(minhash.signature(ITEMS[start:200] + other, 128))) is found


@pytest.mark.issue(16)
@pytest.mark.parametrize("items", [[], [b"one"]])
def test_minhash_empty_signature(items: list[bytes]) -> None:
    assert minhash.signature(items, 128).is_empty() is (not items)


@pytest.mark.issue(16)
@pytest.mark.parametrize("module", ["dyadwatch.ingest.dedup", "dyadwatch.engine.plan"])
def test_minhash_dedup_imports_no_scipy(module: str) -> None:
    code = f"import sys, {module}; print([m for m in ('scipy', 'datasketch') if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.issue(16)
@pytest.mark.parametrize("items", [[b"the talks resumed", b"", "Kyiv \u2019s envoy".encode()], []])
def test_minhash_hash32_array_equals_hash32(items: list[bytes]) -> None:
    found = minhash.hash32_array(items)
    assert str(found.dtype) == "uint32"
    assert found.tolist() == [minhash.hash32(item) for item in items]
