"""Worker processes (`dyadwatch code --workers N`) give the rows one process gives."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.config import load_config
from dyadwatch.engine import local
from dyadwatch.store.db import open_db

REPO = Path(__file__).resolve().parents[1]
ROWS = "SELECT * EXCLUDE (run_id) FROM {} ORDER BY ALL"


def reuters_sample(shared: Path, out: Path, n: int) -> Path:
    """The first ``n`` Reuters-21578 records that have a body, as JSONL."""
    with gzip.open(shared / "news" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = itertools.islice((line for line in fh if json.loads(line).get("body")), n)
        out.write_text("".join(rows), encoding="utf-8")
    return out


def stored(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = open_db(db, read_only=True)
    try:
        return (conn.execute(ROWS.format("events")).fetchall(),
                conn.execute(ROWS.format("articles")).fetchall())
    finally:
        conn.close()


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("workers", [2])
def test_pipeline_workers_same_rows_as_one_process(shared_data: Path, tmp_path: Path,
                                                   workers: int) -> None:
    sample = reuters_sample(shared_data, tmp_path / "reuters.jsonl", 48)
    results = []
    for n in (1, workers):
        cfg = load_config(environ={}, overrides=[f"nlp.workers={n}", "nlp.batch_size=8"])
        conn = open_db(tmp_path / f"w{n}.duckdb")
        summary = local.code_paths([sample], conn, cfg)
        conn.close()
        results.append((summary.articles_coded, summary.events, stored(tmp_path / f"w{n}.duckdb")))
    assert results[0][1] > 0
    assert results[0] == results[1]


@pytest.mark.model
@pytest.mark.parametrize("workers", ["2"])
def test_pipeline_workers_cli_option(db_path: Path, workers: str) -> None:
    args = ["code", str(REPO / "examples"), "--db", str(db_path), "--workers", workers,
            "--set", "nlp.batch_size=1"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "Events:" in result.stderr
    conn = open_db(db_path, read_only=True)
    row = conn.execute("SELECT count(*) FROM events").fetchone()
    conn.close()
    assert row is not None and row[0] > 0


@pytest.mark.parametrize(("setting", "expected"), [(3, 3), (1, 1)])
def test_pipeline_workers_setting(setting: int, expected: int) -> None:
    assert local.resolve_workers(setting) == expected
    assert local.resolve_workers(0) == local.available_cpus() >= 1
