"""The batch driver of dyadwatch.pipeline: ids, order, bounded state, bulk writes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from dyadwatch.config import load_config
from dyadwatch.model import Article, Event, Failure
from dyadwatch.pipeline import BatchResult, IdGuard, Prepared, run_batches
from dyadwatch.store import bulk
from dyadwatch.store.db import CodedArticle, open_db, start_run, write_batch
from dyadwatch.synthetic import make_event


def fake_events(article: Article) -> tuple[Event, ...]:
    """Two events per article whose ids depend on the article id, as the coder's do."""
    return tuple(make_event(f"{article.id}#{i}", article.id, date(2020, 1, 1 + i),
                            "USAGOV", "IRNGOV", "190") for i in range(2))


def fake_mapper(batches: Iterable[list[Prepared]]) -> Iterator[BatchResult]:
    """A BatchMapper that parses nothing: two made-up events per article."""
    for ready in batches:
        yield BatchResult(coded=[CodedArticle(p.article, p.sha1, 1, fake_events(p.article))
                                 for p in ready])


def articles(n: int, text: str = "Iran attacked.") -> list[Article]:
    return [Article(id=f"a{i}", text=f"{text} {i}", published="2020-01-08") for i in range(n)]


@pytest.mark.parametrize(("n", "batch_size"), [(10, 3), (64, 32), (1, 32)])
def test_pipeline_run_batches_writes_every_article(db_path: Path, n: int,
                                                   batch_size: int) -> None:
    cfg = load_config(environ={}, overrides=[f"nlp.batch_size={batch_size}"])
    conn = open_db(db_path)
    summary = run_batches(iter(articles(n)), conn, cfg, fake_mapper, {})
    assert summary.articles_read == n
    assert summary.articles_coded == n
    assert summary.events == summary.events_new == 2 * n
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (n,)


@pytest.mark.parametrize("batch_size", [1, 4])
def test_pipeline_id_clash_gets_suffix_across_batches(db_path: Path, batch_size: int) -> None:
    cfg = load_config(environ={}, overrides=[f"nlp.batch_size={batch_size}"])
    items = [Article(id="x", text="First text."), *articles(5),
             Article(id="x", text="Second text."), Article(id="x", text="First text.")]
    conn = open_db(db_path)
    run_batches(iter(items), conn, cfg, fake_mapper, {})
    ids = {row[0] for row in conn.execute("SELECT article_id FROM articles").fetchall()}
    assert "x" in ids
    assert sum(1 for i in ids if i.startswith("x~")) == 1


@pytest.mark.parametrize("in_flight", [3])
def test_pipeline_id_guard_holds_only_unwritten_ids(db_path: Path, in_flight: int) -> None:
    conn = open_db(db_path)
    run_id = start_run(conn, "code", {}, {}, [])
    guard = IdGuard(conn, run_id)
    sizes = []
    for start in range(0, 40, 4):
        batch = [(Article(id=f"a{i}", text="t"), "sha") for i in range(start, start + 4)]
        ids = guard.assign(batch)
        sizes.append(len(guard.pending))
        coded = [CodedArticle(Article(id=i, text="t"), "sha", 1, ()) for i in ids]
        bulk.write_batch_bulk(conn, run_id, coded, [])
        guard.written(ids)
    assert max(sizes) == 4
    assert guard.pending == {}
    # a clash with an id written batches ago is still found, through the database
    assert guard.assign([(Article(id="a1", text="u"), "other")]) == ["a1~other"]


@pytest.mark.parametrize("rerun", [False, True])
def test_pipeline_bulk_write_matches_write_batch(tmp_path: Path, rerun: bool) -> None:
    batch = [CodedArticle(a, "sha", 2, fake_events(a)) for a in articles(5)]
    batch.append(CodedArticle(Article(id="a0", text="again"), "sha2", 1,
                              fake_events(Article(id="a0", text="again"))))
    failures = [Failure("E205", "in.jsonl:3", "empty", "a9")]
    tables = []
    for name, write in (("rows", write_batch), ("bulk", bulk.write_batch_bulk)):
        conn = open_db(tmp_path / f"{name}.duckdb")
        run_id = start_run(conn, "code", {}, {}, [])
        new = [write(conn, run_id, batch, failures) for _ in range(2 if rerun else 1)]
        tables.append((new, [conn.execute(f"SELECT * EXCLUDE (run_id) FROM {t} ORDER BY ALL")
                             .fetchall() for t in ("articles", "events")],
                       conn.execute("SELECT code, input FROM failures").fetchall()))
    assert tables[0] == tables[1]


@pytest.mark.issue(16)
@pytest.mark.parametrize("text", ["Vel fell.  \n\n  Then Arnor met Gondor. \n\n", "Vel.", ""])
def test_pipeline_counts_the_sentences_with_words(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    from dyadwatch.pipeline import _count_sentences

    doc = nlp(text)
    assert _count_sentences(doc) == sum(1 for sent in doc.sents if sent.text.strip())
