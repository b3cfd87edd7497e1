"""Fixtures of the web-service tests: coded databases, an app client, the error checker."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web service needs the [api] extra (fastapi)")

from fastapi.testclient import TestClient  # noqa: E402

from dyadwatch.api import Settings, create_app  # noqa: E402
from dyadwatch.store.db import open_db  # noqa: E402
from dyadwatch.synthetic import Crisis, background_events, crisis_events, write_events  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
LAUNCH = "from dyadwatch.cli import cli; cli(prog_name='dyadwatch')"
ERROR_KEYS = {"ok", "error", "errors", "status"}


def run_code(inputs: Path, db: Path) -> subprocess.CompletedProcess[str]:
    """`dyadwatch code INPUTS --db DB` in a separate process, as a user would run it."""
    return subprocess.run([sys.executable, "-c", LAUNCH, "-q", "code", str(inputs), "--db",
                           str(db)], capture_output=True, text=True, timeout=300, check=False)


def write_synthetic(path: Path) -> None:
    conn = open_db(path)
    write_events(conn, crisis_events(Crisis()) + background_events(300))
    conn.close()


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """USAGOV↔IRNGOV crisis over 60 weeks (escalation at week 30) plus background dyads."""
    path = tmp_path_factory.mktemp("synthetic") / "events.duckdb"
    write_synthetic(path)
    return path


def moods_events() -> list[Any]:
    """Events of our own beside the planted crisis: a threat, an intent, a reported deed, a
    denied one, and two events without a date (the dashboard says "date unknown")."""
    from dataclasses import replace

    from dyadwatch.synthetic import make_event

    day = date(2019, 3, 4)
    plain = [
        ("mood-threat", day, "USAGOV", "IRNGOV", "138", {"modality": "threatened"}),
        ("mood-intent", day, "IRNGOV", "USAGOV", "036", {"modality": "intended"}),
        ("mood-reported", day, "USAGOV", "IRNGOV", "190", {"modality": "reported"}),
        ("mood-denied", day, "IRNGOV", "USAGOV", "190", {"negated": True}),
        ("mood-undated-1", None, "USAGOV", "IRNGOV", "042", {}),
        ("mood-undated-2", None, "IRNGOV", "USAGOV", "111", {}),
    ]
    return [replace(make_event(name, f"art-{name}", when, src, tgt, code,
                               src[:3], tgt[:3], f"Our own sentence for {name}."), **extra)
            for name, when, src, tgt, code, extra in plain]


@pytest.fixture(scope="session")
def moods_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic crisis and background plus moods_events()."""
    path = tmp_path_factory.mktemp("moods") / "events.duckdb"
    conn = open_db(path)
    write_events(conn, crisis_events(Crisis()) + background_events(300) + moods_events())
    conn.close()
    return path


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ coded by `dyadwatch code` (needs the spaCy model)."""
    path = tmp_path_factory.mktemp("examples") / "events.duckdb"
    done = run_code(EXAMPLES, path)
    assert done.returncode == 0, done.stderr
    return path


def make_client(db: Path, tmp_path: Path, **settings: Any) -> TestClient:
    app = create_app(db, Settings(snapshot_dir=tmp_path / "snapshots", **settings))
    return TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False)


@pytest.fixture
def client(synthetic_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    with make_client(synthetic_db, tmp_path) as test_client:
        yield test_client


def check_error(response: Any, status: int, *needles: str) -> dict[str, Any]:
    """The response is a JSON error of exactly the documented shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    assert set(body) == ERROR_KEYS, body
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and body["errors"][0] == body["error"]
    assert all(isinstance(item, str) for item in body["errors"])
    for needle in needles:
        assert needle in body["error"], (needle, body["error"])
    return body


@pytest.fixture
def assert_error() -> Callable[..., dict[str, Any]]:
    return check_error


@pytest.fixture
def client_for() -> Callable[..., TestClient]:
    """make_client(db, tmp_path, **settings) for tests that need their own settings."""
    return make_client
