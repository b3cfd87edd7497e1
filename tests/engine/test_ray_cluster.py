"""The Ray engine on two nodes (ray.cluster_utils.Cluster: two raylets on this machine, one
CPU each, so the two coding actors run on different nodes) gives the local engine's events
and failures, copies across input files included. Skipped when Ray is not installed or
cannot start a cluster here."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.config import load_config
from dyadwatch.engine import local, ray_data
from dyadwatch.engine.dataset import load_dataset
from dyadwatch.store.db import open_db

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'dyadwatch[ray]'")
pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")]
REPO = Path(__file__).resolve().parents[2]
EVENTS = "SELECT * EXCLUDE (run_id) FROM events ORDER BY event_id"


@pytest.fixture(scope="module")
def two_nodes() -> Iterator[Any]:
    from ray.cluster_utils import Cluster

    if ray.is_initialized():
        ray.shutdown()
    try:
        cluster = Cluster(initialize_head=True,
                          head_node_args={"num_cpus": 1, "include_dashboard": False})
        cluster.add_node(num_cpus=1)
        ray.init(address=cluster.address, log_to_driver=False)
        cluster.wait_for_nodes()
    except Exception as e:  # noqa: BLE001 - any start-up failure is a reason to skip
        pytest.skip(f"Ray could not start a two-node cluster here: {type(e).__name__}: {e}")
    yield cluster
    ray.shutdown()
    cluster.shutdown()


def inputs_with_copy(folder: Path) -> Path:
    """The example articles, and a file holding a copy of one of them under another id."""
    shutil.copytree(REPO / "examples", folder)
    text = (folder / "2020-01-03_strike.txt").read_text(encoding="utf-8")
    copy = {"id": "copy-of-strike", "text": text.split("\n", 1)[1]}
    (folder / "zz_copies.jsonl").write_text(json.dumps(copy) + "\n", encoding="utf-8")
    return folder.resolve()


@pytest.mark.issue(16)
@pytest.mark.parametrize("workers", [2])
def test_ray_cluster_two_nodes_give_the_local_events(two_nodes: Any, tmp_path: Path,
                                                     workers: int) -> None:
    assert len([n for n in ray.nodes() if n["Alive"]]) == 2
    inputs = inputs_with_copy(tmp_path / "in")
    cfg = load_config(environ={}, overrides=[f"nlp.workers={workers}"])
    written = ray_data.code_paths([inputs], tmp_path / "dataset", cfg)
    conn = open_db(tmp_path / "local.duckdb")
    local_summary = local.code_paths([inputs], conn, cfg)
    loaded = open_db(tmp_path / "loaded.duckdb")
    load_dataset(loaded, tmp_path / "dataset", cfg)
    assert written.events == local_summary.events > 20
    assert loaded.execute(EVENTS).fetchall() == conn.execute(EVENTS).fetchall()
    assert [(f.code, f.article_id) for f in written.summary.failures] == [
        ("E210", "copy-of-strike")]
    assert [(f.code, f.article_id) for f in local_summary.failures] == [
        ("E210", "copy-of-strike")]
