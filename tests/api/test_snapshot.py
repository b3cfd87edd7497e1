"""Reading a database another process writes: snapshots, writer detection, time limits."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dyadwatch.store.db import open_db
from dyadwatch.store.snapshot import QueryTimeoutError, SnapshotSource, time_limit, writer_pid
from dyadwatch.synthetic import make_event, write_events

HOLD = ("import duckdb, sys; conn = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
        "sys.stdin.read(); conn.close()")


@contextmanager
def writer(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds ``path`` open for writing until the block ends."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    try:
        yield process
    finally:
        process.communicate(input="", timeout=30)


def add_event(path: Path, event_id: str) -> None:
    conn = open_db(path)
    write_events(conn, [make_event(event_id, f"late-{event_id}", date(2021, 3, 1), "USAGOV",
                                   "IRNGOV", "190", "USA", "IRN")])
    conn.close()


@pytest.fixture
def live_db(synthetic_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live.duckdb"
    shutil.copyfile(synthetic_db, path)
    return path


@pytest.mark.parametrize("event_id", ["late-1"])
def test_snapshot_sees_new_events_after_a_write(live_db: Path, tmp_path: Path,
                                                client_for: Any, event_id: str) -> None:
    with client_for(live_db, tmp_path) as client:
        before = client.get("/api/health").json()["database"]
        add_event(live_db, event_id)
        after = client.get("/api/health").json()["database"]
        found = client.get("/api/events", params={"since": "2021-03-01"}).json()
    assert after["events"]["events"] == before["events"]["events"] + 1
    assert after["snapshot"]["generation"] == before["snapshot"]["generation"] + 1
    assert [e["event_id"] for e in found["events"]] == [event_id]


@pytest.mark.parametrize("path", ["/api/dyads"])
def test_snapshot_serves_last_copy_while_a_writer_holds_the_file(
        live_db: Path, tmp_path: Path, client_for: Any, path: str) -> None:
    with client_for(live_db, tmp_path) as client:
        first = client.get(path).json()
        with writer(live_db) as process:
            assert writer_pid(live_db) == process.pid
            during = client.get(path)
            health = client.get("/api/health").json()["database"]
        assert writer_pid(live_db) is None
    assert during.status_code == 200 and during.json() == first
    assert health["writer_active"] is True and health["ready"] is True


@pytest.mark.parametrize("path", ["/api/events"])
def test_snapshot_busy_without_earlier_copy_is_503(live_db: Path, tmp_path: Path,
                                                   client_for: Any,
                                                   assert_error: Callable[..., Any],
                                                   path: str) -> None:
    with writer(live_db), client_for(live_db, tmp_path) as client:
        response = client.get(path)
    assert_error(response, 503, "E410")
    assert response.headers["retry-after"] == "5"


@pytest.mark.parametrize("path", ["/api/series?a=USA&b=IRN"])
def test_snapshot_never_blocks_a_writer(live_db: Path, tmp_path: Path, client_for: Any,
                                        path: str) -> None:
    """A writer can open the file between and during reads: the app holds no lock on it."""
    with client_for(live_db, tmp_path) as client:
        assert client.get(path).status_code == 200
        conn = duckdb.connect(str(live_db))  # would fail if the app held the file open
        conn.close()
        add_event(live_db, "late-2")
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("seconds", [0.2])
def test_snapshot_time_limit_interrupts_long_queries(seconds: float) -> None:
    conn = duckdb.connect()
    with pytest.raises(QueryTimeoutError, match="E411"), time_limit(conn, seconds):
        conn.execute("SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3").fetchone()
    assert conn.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.parametrize("generations", [3])
def test_snapshot_old_copies_are_deleted(live_db: Path, tmp_path: Path,
                                         generations: int) -> None:
    folder = tmp_path / "snaps"
    folder.mkdir()
    source = SnapshotSource(live_db, folder)
    for n in range(generations):
        with source.acquire() as snapshot:
            assert snapshot.path.exists()
        add_event(live_db, f"gen-{n}")
    with source.acquire():
        assert len(list(folder.glob("*.duckdb"))) == 1
    source.close()
    assert list(folder.iterdir()) == []
