"""The run plan of the Ray engine: copies and reused ids decided across input files, in
input order, exactly as a local run decides them (no Ray, no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch import pipeline
from dyadwatch.config import Config, load_config
from dyadwatch.engine import plan as planning
from dyadwatch.ingest.readers import iter_input_files, read_inputs
from dyadwatch.model import Article, Failure
from dyadwatch.store.db import open_db

STORY = ("The foreign minister of Valdoria accused the government of Ostrava of moving troops "
         "to the border on Tuesday, and warned that the talks planned for next week could fail.")
OTHER = ("Ostrava's president invited Valdoria's prime minister to a summit on water rights, "
         "saying both countries wanted the dispute settled before the summer.")
THIRD = "Protesters marched through the capital of Valdoria demanding new elections."


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", [{"id": "a1", "text": STORY}, {"id": "a2", "text": OTHER}])
    write_jsonl(folder / "b.jsonl", [
        {"id": "b1", "text": STORY.upper()},  # an exact copy of a1 (case does not count)
        {"id": "a2", "text": THIRD},  # a2's id again for another text
        {"id": "b3", "text": STORY + " It was read on television."},  # near
    ])
    (folder / "c.jsonl").write_text('{"id": "c1", "text": "ok"}\nnot json\n', encoding="utf-8")
    return folder


def plan_for(folder: Path, cfg: Config) -> tuple[planning.Plan, list[str]]:
    files = [str(p) for p in iter_input_files([folder])]
    return planning.decide((planning.scan_file(f, cfg) for f in files), cfg), files


def planned(folder: Path, cfg: Config) -> list[tuple[str, str, str]]:
    plan, files = plan_for(folder, cfg)
    return [(p.article.id, p.article.text, p.sha1)
            for path, decisions in zip(files, plan.files, strict=True)
            for p in planning.planned_articles(path, decisions, cfg)]


def local_prepared(folder: Path, cfg: Config, tmp_path: Path) -> tuple[list[tuple[str, str, str]],
                                                                      list[Failure]]:
    """What a local run parses: screened for copies, then prepared with a run-wide guard."""
    conn = open_db(tmp_path / "local.duckdb")
    items = list(pipeline.screened(read_inputs([folder]), conn, cfg))
    conn.close()
    failures = [item for item in items if isinstance(item, Failure)]
    articles = [item for item in items if isinstance(item, Article)]
    batch = pipeline.prepare_batch(articles, failures, cfg, pipeline.IdGuard(None, 0))
    return [(p.article.id, p.article.text, p.sha1) for p in batch.ready], batch.failures


@pytest.mark.issue(16)
@pytest.mark.parametrize("deduplicate", [True, False])
def test_plan_same_articles_and_failures_as_a_local_run(inputs: Path, tmp_path: Path,
                                                         deduplicate: bool) -> None:
    cfg = load_config(environ={}, overrides=[f"ingest.deduplicate={str(deduplicate).lower()}"])
    plan, _ = plan_for(inputs, cfg)
    ready, failures = local_prepared(inputs, cfg, tmp_path)
    assert planned(inputs, cfg) == ready
    assert sorted(plan.failures, key=repr) == sorted(failures, key=repr)
    assert plan.articles_read == len(ready) + plan.skipped


@pytest.mark.issue(16)
@pytest.mark.parametrize("deduplicate", [True])
def test_plan_finds_copies_and_reused_ids_across_files(inputs: Path, deduplicate: bool) -> None:
    cfg = load_config(environ={}, overrides=[f"ingest.deduplicate={str(deduplicate).lower()}"])
    plan, _ = plan_for(inputs, cfg)
    copies = {(f.article_id, f.code) for f in plan.failures if f.code == "E210"}
    assert copies == {("b1", "E210"), ("b3", "E210")}
    assert all("'a1'" in f.message for f in plan.failures if f.code == "E210")
    ids = [article_id for article_id, _, _ in planned(inputs, cfg)]
    assert ids[:2] == ["a1", "a2"]
    assert ids[2].startswith("a2~") and len(ids) == 4  # a1 a2 a2~sha c1
    assert [f.input.rsplit("/", 1)[-1] for f in plan.failures if f.code != "E210"] == [
        "c.jsonl:2"]
