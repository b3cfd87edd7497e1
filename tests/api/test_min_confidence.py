"""--min-confidence and dyadic events in the CLI, the web API and the Python API (issue 14)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import dyadwatch.api_python as dw
from dyadwatch.api import Settings, create_app
from dyadwatch.cli import cli
from dyadwatch.store.db import open_db
from dyadwatch.synthetic import make_event, write_events

pytestmark = pytest.mark.issue(14)
QUAD = "material_conflict"  # CAMEO 190 is quad class 4


@pytest.fixture(scope="module")
def graded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Arnor→Gondor events: weekly ones at confidence 0.9 and 0.2, and one with a
    sector-only target (not dyadic)."""
    path = tmp_path_factory.mktemp("graded") / "events.duckdb"
    start = date(2020, 1, 6)
    events = []
    for week in range(12):
        day = start + timedelta(weeks=week)
        for score in (0.9, 0.2):
            base = make_event(f"w{week}-{score}", f"art-{week}", day, "ARNGOV", "GONMIL",
                              "190", "ARN", "GON")
            events.append(replace(base, confidence=score))
    lone = make_event("sector", "art-0", start, "ARNGOV", "CVL", "190", "ARN", None)
    events.append(replace(lone, confidence=0.95))
    conn = open_db(path)
    write_events(conn, events)
    conn.close()
    return path


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_cli_events_min_confidence(graded_db: Path) -> None:
    code, out = _cli("events", "--db", str(graded_db), "--min-confidence", "0.5")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 13
    assert all(r["confidence"] >= 0.5 for r in records)
    code, out = _cli("events", "--db", str(graded_db))
    assert code == 0 and len(out.splitlines()) == 25
    assert _cli("events", "--db", str(graded_db), "--min-confidence", "2")[0] == 2


def test_cli_timeline_and_series_min_confidence(graded_db: Path) -> None:
    code, out = _cli("timeline", "ARN", "GON", "--db", str(graded_db), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 24  # dyadic events only
    code, out = _cli("timeline", "ARN", "GON", "--db", str(graded_db), "--format", "json",
                     "--min-confidence", "0.5")
    assert code == 0 and len(json.loads(out)) == 12
    totals = []
    for extra in ((), ("--min-confidence", "0.5")):
        code, out = _cli("series", "ARN", "GON", "--db", str(graded_db), "--format", "json",
                         *extra)
        assert code == 0
        totals.append(sum(row[QUAD] for row in json.loads(out)))
    assert totals == [24, 12]


def test_python_api_min_confidence(graded_db: Path) -> None:
    with dw.open(graded_db, min_confidence=0.5) as db:
        assert len(db.events()) == 13
        assert len(db.timeline("ARN", "GON")) == 12
        sure = db.dyads(by="country")
    with dw.open(graded_db) as db:
        assert len(db.timeline("ARN", "GON")) == 24
        every = db.dyads(by="country")
    # the sector-only event (ARN -> CVL) is in no dyad
    assert (len(sure), len(every)) == (1, 1)
    assert (sure.iloc[0][QUAD], every.iloc[0][QUAD]) == (12, 24)


def test_python_api_bad_min_confidence(graded_db: Path) -> None:
    from dyadwatch.errors import BadConfidenceError

    with pytest.raises(BadConfidenceError, match="E350"):
        dw.open(graded_db, min_confidence=1.5)


def test_api_min_confidence(graded_db: Path, tmp_path: Path, assert_error: Any) -> None:
    app = create_app(graded_db, Settings(snapshot_dir=tmp_path / "snapshots"))
    with TestClient(app, base_url="http://127.0.0.1:8000",
                    raise_server_exceptions=False) as client:
        every = client.get("/api/events", params={"limit": 100}).json()
        sure = client.get("/api/events", params={"limit": 100, "min_confidence": 0.5}).json()
        assert (every["total"], sure["total"]) == (25, 13)
        timeline = client.get("/api/timeline", params={"a": "ARN", "b": "GON",
                                                        "min_confidence": "0.5"})
        assert timeline.status_code == 200
        assert_error(client.get("/api/dyads", params={"min_confidence": "lots"}), 400, "E350")
