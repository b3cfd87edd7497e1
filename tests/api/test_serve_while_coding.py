"""`dyadwatch code` writes the database the service is serving: no restart, no lock errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.cli.main import cli  # noqa: F401  (the CLI must import)

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
LAUNCH = "from dyadwatch.cli import cli; cli(prog_name='dyadwatch')"

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.mark.parametrize("article", ["2020-01-03_strike"])
def test_serve_while_coding_shows_new_events(synthetic_db: Path, tmp_path: Path,
                                             client_for: Any, article: str) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(synthetic_db, live)
    with client_for(live, tmp_path) as client:
        before = client.get("/api/health").json()["database"]["events"]["events"]
        client.get("/api/events", params={"article": article}).raise_for_status()
        process = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, "-q", "code", str(EXAMPLES), "--db", str(live)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        statuses = []
        while process.poll() is None:
            statuses.append(client.get("/api/dyads").status_code)
            time.sleep(0.05)
        _out, err = process.communicate()
        assert process.returncode == 0, err
        assert "lock" not in err.lower()
        health = client.get("/api/health").json()["database"]
        coded = client.get("/api/events", params={"article": article}).json()
        timeline = client.get("/api/timeline", params={"a": "USA", "b": "IRN",
                                                       "since": "2020-01-01"}).json()
    assert statuses and set(statuses) == {200}
    assert health["events"]["events"] > before and health["writer_active"] is False
    assert coded["total"] >= 1
    assert any("Soleimani" in event["sentence"] for event in timeline["events"])
