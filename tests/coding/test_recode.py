"""Reruns skip what is already coded; --recode and new dictionaries code it again (issue 13)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dyadwatch.config import load_config
from dyadwatch.model import RunSummary
from dyadwatch.pipeline import build_coder, code_paths
from dyadwatch.store.db import open_db

TEXT = "date 2020-01-08\nIran attacked Iraq on Monday. Turkey praised Russia.\n"
# the user's entry replaces the shipped praise.v (051, praise) by its id: 'praised' is now 042
MINE = "patterns:\n  - {id: praise.v, lemmas: [praise], code: '042', target: [dobj]}\n"


def _run(nlp: Any, db: Path, inputs: Path, *settings: str,
         dictionaries: tuple[str, ...] = ()) -> RunSummary:
    cfg = load_config(overrides=["nlp.workers=1", *settings], environ={})
    conn = open_db(db)
    try:
        return code_paths([inputs], conn, cfg, nlp, build_coder(cfg, dictionaries))
    finally:
        conn.close()


def _stored(db: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with duckdb.connect(str(db), read_only=True) as conn:
        events = conn.execute("SELECT event_id, cameo, dictionary_version FROM events "
                              "ORDER BY event_id").fetchall()
        articles = conn.execute("SELECT article_id, dictionary_version, coding_key "
                                "FROM articles").fetchall()
    return events, articles


@pytest.mark.model
@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [TEXT])
def test_recode_rerun_skips_unchanged_articles(nlp: Any, tmp_path: Path, text: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text(text, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    first = _run(nlp, db, source)
    events, articles = _stored(db)
    assert first.articles_coded == 1 and events
    assert articles[0][1] == events[0][2] and articles[0][2]  # version and key recorded
    again = _run(nlp, db, source)
    assert (again.articles_coded, again.articles_unchanged) == (0, 1)
    assert _stored(db) == (events, articles)
    forced = _run(nlp, db, source, "coding.recode=true")
    assert (forced.articles_coded, forced.articles_unchanged) == (1, 0)
    assert _stored(db)[0] == events
    changed = _run(nlp, db, source, "coding.keep_negated=true")
    assert changed.articles_coded == 1  # other coding settings: coded again


@pytest.mark.model
@pytest.mark.issue(13)
@pytest.mark.parametrize("text", [TEXT])
def test_recode_other_dictionaries_replace_the_events(nlp: Any, tmp_path: Path,
                                                      text: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text(text, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "verbs.yaml").write_text(MINE, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    _run(nlp, db, source)
    before, _ = _stored(db)
    summary = _run(nlp, db, source, dictionaries=(f"dyadwatch:{mine}",))
    after, articles = _stored(db)
    assert summary.articles_coded == 1
    assert {v for _, _, v in after} == {articles[0][1]} != {v for _, _, v in before}
    assert len(after) == len({event_id for event_id, _, _ in after})  # no second copy
    assert {cameo for _, cameo, _ in before} - {cameo for _, cameo, _ in after} == {"051"}
    assert {cameo for _, cameo, _ in after} - {cameo for _, cameo, _ in before} == {"042"}


def _dataset(folder: Path, version: str, codes: list[str]) -> Path:
    import pyarrow.parquet as pq

    from dyadwatch.store.bulk import event_table
    from dyadwatch.synthetic import make_event

    events = [make_event(None, "a1", None, "USAGOV", "IRNGOV", code, "USA", "IRN",
                         sentence_index=i) for i, code in enumerate(codes)]
    events = [replace(e, dictionary_version=version) for e in events]
    folder.mkdir(parents=True)
    pq.write_table(event_table(events), folder / "part-0.parquet")
    return folder


@pytest.mark.issue(13)
@pytest.mark.parametrize(("first", "second"), [(["190", "138"], ["036"])])
def test_recode_load_replaces_an_articles_events(tmp_path: Path, first: list[str],
                                                 second: list[str]) -> None:
    from dyadwatch.store.bulk import load_event_dataset

    conn = open_db(tmp_path / "e.duckdb")
    assert load_event_dataset(conn, _dataset(tmp_path / "v1", "v1", first), 1) == 2
    assert load_event_dataset(conn, _dataset(tmp_path / "v1b", "v1", first), 2) == 0
    assert load_event_dataset(conn, _dataset(tmp_path / "v2", "v2", second), 3) == 1
    rows = conn.execute("SELECT cameo, dictionary_version FROM events").fetchall()
    conn.close()
    assert rows == [("036", "v2")]
