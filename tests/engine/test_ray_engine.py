"""The Ray engine on a local Ray instance: same events as the local engine, Parquet layout,
idempotent load. Skipped when Ray is not installed (pip install 'dyadwatch[ray]')."""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.config import load_config
from dyadwatch.engine import local, ray_data
from dyadwatch.engine.dataset import load_dataset
from dyadwatch.store.bulk import dataset_glob
from dyadwatch.store.db import open_db

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'dyadwatch[ray]'")
pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")]
EVENTS = "SELECT * EXCLUDE (run_id, origin) FROM events ORDER BY event_id"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    """A Ray instance of 2 CPUs started by the test, so that CI needs no cluster."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def reuters_sample(shared: Path, out: Path, n: int) -> Path:
    with gzip.open(shared / "news" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = itertools.islice((line for line in fh if json.loads(line).get("body")), n)
        out.write_text("".join(rows), encoding="utf-8")
    return out


def dataset_ids(directory: Path) -> set[str]:
    rows = duckdb.sql(f"SELECT event_id FROM read_parquet('{dataset_glob(directory)}', "
                      "hive_partitioning = 1)").fetchall()
    return {str(row[0]) for row in rows}


@pytest.mark.shared
@pytest.mark.parametrize("n", [300])
def test_ray_engine_same_events_as_local(local_ray: Any, shared_data: Path, tmp_path: Path,
                                         n: int) -> None:
    sample = reuters_sample(shared_data, tmp_path / "reuters.jsonl", n)
    cfg = load_config(environ={}, overrides=["nlp.workers=2"])
    written = ray_data.code_paths([sample], tmp_path / "dataset", cfg)
    conn = open_db(tmp_path / "local.duckdb")
    local.code_paths([sample], conn, cfg)
    local_ids = {str(row[0]) for row in conn.execute("SELECT event_id FROM events").fetchall()}
    assert len(local_ids) > 50  # a comparison of substance, not of two empty sets
    assert dataset_ids(tmp_path / "dataset") == local_ids
    assert written.events == len(local_ids)
    loaded = open_db(tmp_path / "loaded.duckdb")
    load_dataset(loaded, tmp_path / "dataset", cfg)
    assert loaded.execute(EVENTS).fetchall() == conn.execute(EVENTS).fetchall()


@pytest.mark.parametrize("times", [2])
def test_ray_engine_cli_partitions_and_idempotent_load(local_ray: Any, tmp_path: Path,
                                                       times: int) -> None:
    records = [{"id": "dated", "date": "2020-01-08",
                "text": "Iran fired missiles at US bases in Iraq on Wednesday."},
               {"id": "undated", "text": "Iran accused the United States of terrorism."}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out, db = tmp_path / "dataset", tmp_path / "events.duckdb"
    runner = CliRunner()
    result = runner.invoke(cli, ["code", str(source), "--engine", "ray", "--out", str(out)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert (out / "date=2020-01-08").is_dir()
    dates = duckdb.sql(f"SELECT DISTINCT date FROM read_parquet('{dataset_glob(out)}', "
                       "hive_partitioning = 1) ORDER BY ALL").fetchall()
    assert [d for (d,) in dates if d is not None][0].isoformat() == "2020-01-08"
    counts = []
    for _ in range(times):
        result = runner.invoke(cli, ["load", str(out), "--db", str(db)],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        conn = open_db(db, read_only=True)
        counts.append(conn.execute("SELECT count(*) FROM events").fetchone())
        conn.close()
    assert counts[0] == counts[-1] and counts[0] is not None and counts[0][0] > 0
    again = runner.invoke(cli, ["code", str(source), "--engine", "ray", "--out", str(out)])
    assert again.exit_code == 1
    assert "already holds Parquet files" in again.stderr


def poisoned_inputs(folder: Path) -> Path:
    """Our example wires, a binary file, and a file with a broken row and a copy of a wire
    (a copy across input files)."""
    folder.mkdir()
    wires = (REPO / "examples" / "wires.jsonl").read_text(encoding="utf-8")
    (folder / "a_wires.jsonl").write_text(wires, encoding="utf-8")
    (folder / "b_poison.bin").write_bytes(bytes(range(256)) * 8)
    first = json.loads(wires.splitlines()[0])
    rows = ['{"id": "broken", "text": ', json.dumps(first | {"id": "copy-of-first"}),
            json.dumps({"id": "fresh", "text": "Iran accused the United States of lying."})]
    (folder / "c_mixed.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.mark.issue(16)
@pytest.mark.parametrize("workers", [2])
def test_ray_engine_poisoned_input_records_failures_and_codes_the_rest(
        local_ray: Any, tmp_path: Path, workers: int) -> None:
    inputs = poisoned_inputs(tmp_path / "in")
    cfg = load_config(environ={}, overrides=[f"nlp.workers={workers}"])
    written = ray_data.code_paths([inputs], tmp_path / "dataset", cfg)
    conn = open_db(tmp_path / "local.duckdb")
    local_summary = local.code_paths([inputs], conn, cfg)
    local_ids = {str(row[0]) for row in conn.execute("SELECT event_id FROM events").fetchall()}
    assert written.events == len(local_ids) > 5
    assert dataset_ids(tmp_path / "dataset") == local_ids

    def failed(summary: Any) -> list[tuple[str, str | None]]:
        return sorted((f.code, f.article_id) for f in summary.failures)

    assert failed(written.summary) == failed(local_summary)
    assert {code for code, _ in failed(written.summary)} == {"E203", "E206", "E210"}
    assert written.summary.articles_coded == local_summary.articles_coded
    loaded = open_db(tmp_path / "loaded.duckdb")
    load_dataset(loaded, tmp_path / "dataset", cfg)
    stored = loaded.execute("SELECT code, article_id FROM failures ORDER BY ALL").fetchall()
    assert sorted(stored, key=repr) == sorted(failed(written.summary), key=repr)
