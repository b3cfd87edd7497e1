"""Nothing lost: a text spaCy fails on (E310), a batch that fails as a whole on a Ray actor
(E311), and a Ray run's failures kept in the dataset's run record and recorded by `load`.
No Ray and no model needed: a blank pipeline and a stub coder stand in."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy

from dyadwatch import pipeline
from dyadwatch.config import load_config
from dyadwatch.engine import dataset
from dyadwatch.model import Article, Event, Failure, RunSummary
from dyadwatch.store.db import open_db

POISON = "POISON"


class PoisonedPipeline:
    """A blank English pipeline that raises on any text holding POISON."""

    def __init__(self) -> None:
        self.blank = spacy.blank("en")
        self.blank.add_pipe("sentencizer")

    def __call__(self, text: str) -> Any:
        if POISON in text:
            raise ValueError("cannot parse this")
        return self.blank(text)

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
        for text in texts:
            yield self(text)


class ShortPipeline(PoisonedPipeline):
    """A pipeline that loses a document: the batch as a whole cannot be coded."""

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
        return iter([self.blank(text) for text in texts][1:])


class NoEvents:
    dictionary_version = "test"

    def code_doc(self, doc: Any, article: Article) -> list[Event]:
        return []


def prepared(texts: list[str]) -> list[pipeline.Prepared]:
    return [pipeline.Prepared(Article(id=f"a{i}", text=t, origin=f"in.jsonl:{i + 1}"), "sha")
            for i, t in enumerate(texts)]


@pytest.mark.issue(16)
@pytest.mark.parametrize("texts", [["Calm words.", f"A {POISON} text.", "More calm words."]])
def test_failures_parse_error_is_recorded_and_the_batch_coded(texts: list[str]) -> None:
    nlp: Any = PoisonedPipeline()
    result = pipeline.code_batch(prepared(texts), nlp, NoEvents(), batch_size=32)
    assert [item.article.id for item in result.coded] == ["a0", "a2"]
    assert [(f.code, f.article_id, f.input) for f in result.failures] == [
        ("E310", "a1", "in.jsonl:2")]
    assert "ValueError: cannot parse this" in result.failures[0].message
    assert result.skipped == 1


@pytest.mark.issue(16)
@pytest.mark.parametrize("texts", [["One.", "Two.", "Three."]])
def test_failures_failed_ray_batch_records_every_article(texts: list[str]) -> None:
    pytest.importorskip("pyarrow")
    from dyadwatch.engine.ray_data import batch_report, code_guarded

    cfg = load_config(environ={}, overrides=["ingest.english_only=false"])
    ready = prepared(texts)
    result = code_guarded(ready, ShortPipeline(), NoEvents(), cfg)
    assert [(f.code, f.article_id) for f in result.failures] == [
        ("E311", "a0"), ("E311", "a1"), ("E311", "a2")]
    report = batch_report(result)
    assert (report.coded, report.skipped, len(report.failures)) == (0, 3, 3)


@pytest.mark.issue(16)
@pytest.mark.parametrize("failures", [[
    Failure("E202", "in/bad.bin", "in/bad.bin: binary", None),
    Failure("E210", "in/b.jsonl:1", "in/b.jsonl:1: exact duplicate of article 'a1'", "b1"),
]])
def test_failures_run_record_round_trips_and_load_records_them(tmp_path: Path,
                                                               failures: list[Failure]) -> None:
    summary = RunSummary(articles_read=3, articles_coded=2, articles_skipped=1, sentences=9,
                         events=0, failures=failures, by_quad={1: 0}, top_dyads=[("A", "B", 1)])
    record = dataset.RunRecord("code --engine ray", ["in"], {"nlp": {}}, "finished",
                               "2026-01-01T00:00:00+00:00", "2026-01-01T00:01:00+00:00",
                               {"dyadwatch": "test"}, summary)
    out = tmp_path / "dataset"
    dataset.write_run_record(out, record)
    assert dataset.read_run_record(out) == record
    assert not list(out.rglob("*.parquet"))  # the events glob never reads the record
    conn = open_db(tmp_path / "events.duckdb")
    loaded = dataset.load_dataset(conn, out, load_config(environ={}))
    stored = conn.execute("SELECT code, input, article_id FROM failures ORDER BY code").fetchall()
    run = conn.execute("SELECT articles_read, articles_coded, failures FROM runs").fetchone()
    assert (loaded.failures, loaded.status) == (2, "finished")
    assert stored == [(f.code, f.input, f.article_id) for f in failures]
    assert run == (3, 2, 1)  # the linked copy (E210) is counted as skipped, not failed
