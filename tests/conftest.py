"""Shared fixtures: the third-party data folder, the spaCy pipeline, a fresh database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    """../shared/data beside the checkout, or DYADWATCH_SHARED_DATA."""
    override = os.environ.get("DYADWATCH_SHARED_DATA")
    return Path(override) if override else REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"third-party data folder {path} is absent (set DYADWATCH_SHARED_DATA)")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from dyadwatch.nlp import load_pipeline

    return load_pipeline("auto")


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    from dyadwatch.config import load_config
    from dyadwatch.pipeline import build_coder

    return build_coder(load_config(environ={}))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"
