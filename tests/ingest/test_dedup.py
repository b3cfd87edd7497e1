from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.ingest.dedup import (
    Deduplicator,
    drop_duplicates,
    normalise_text,
    shingles,
    text_sha1,
)
from dyadwatch.model import Article, Failure
from dyadwatch.store.db import CodedArticle, open_db, start_run, write_batch
from dyadwatch.store.seen import DbSeen

STORY = (
    "Greece and Turkey agreed on Tuesday to resume exploratory talks on their long-running "
    "dispute over maritime boundaries in the Aegean Sea, the two foreign ministries said in a "
    "joint statement after a meeting in Athens. The Greek foreign minister said the talks would "
    "begin in Ankara next month and would cover the continental shelf and exclusive economic "
    "zones. Turkey's foreign minister welcomed the decision and called it a step towards lasting "
    "calm. Relations between the two NATO members had soured last year when Turkey sent a survey "
    "vessel into waters claimed by Greece, prompting Athens to put its navy on alert."
)
OTHER = (
    "Armenia's defence ministry accused Azerbaijan on Thursday of shelling two villages near the "
    "border overnight, wounding a farmer and damaging several houses. Azerbaijan denied it and "
    "said its troops had only returned fire after Armenian units opened fire on its positions."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("  Hello,   WORLD!\n", "hello world"), ("Ｆｕｌｌ-width", "full width"), ("", "")],
)
def test_dedup_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(("size", "count"), [(5, 2), (6, 1), (10, 1)])
def test_dedup_shingles(size: int, count: int) -> None:
    assert len(shingles("one two three four five six", size)) == count


@pytest.mark.parametrize(
    ("copy", "first"),
    [
        (STORY, "a"),  # identical
        (STORY.upper().replace(",", " ,"), "a"),  # case and punctuation only: exact
        ("ATHENS (Harbour Times) - " + STORY + " Sign up for our newsletter.", "a"),  # near
        (STORY.replace("Tuesday", "Wednesday").replace("next month", "in May"), "a"),  # near
        (OTHER, None),
    ],
)
def test_dedup_check_finds_first_copy(copy: str, first: str | None) -> None:
    dedup = Deduplicator()
    assert dedup.check(Article(id="a", text=STORY)) is None
    assert dedup.check(Article(id="b", text=copy)) == first


@pytest.mark.parametrize("text", [STORY])
def test_dedup_same_article_again_is_not_a_copy(text: str) -> None:
    dedup = Deduplicator()
    assert dedup.check(Article(id="a", text=text)) is None
    assert dedup.check(Article(id="a", text=text)) is None


@pytest.mark.parametrize("kind", ["exact", "near"])
def test_dedup_drop_duplicates_records_e210(kind: str) -> None:
    copy = STORY if kind == "exact" else STORY + " Editing by Helen Markou."
    items = [Article(id="a", text=STORY), Article(id="b", text=copy, origin="feed.rss#2")]
    out = list(drop_duplicates(items, Deduplicator()))
    assert out[0] == items[0]
    failure = out[1]
    assert isinstance(failure, Failure)
    assert (failure.code, failure.article_id) == ("E210", "b")
    assert f"{kind} duplicate of article 'a'" in failure.message


@pytest.mark.parametrize("copy_id", ["later"])
def test_dedup_reloads_from_database(tmp_path: Path, copy_id: str) -> None:
    conn = open_db(tmp_path / "events.duckdb")
    run_id = start_run(conn, "test", {}, {}, [])
    stored = Article(id="stored", text=STORY)
    write_batch(conn, run_id, [CodedArticle(stored, text_sha1(STORY), 1, ())], [])
    dedup = Deduplicator()
    assert dedup.load(DbSeen(conn).article_texts()) == 1
    assert dedup.check(Article(id=copy_id, text=STORY + " Reporting by the desk.")) == "stored"
    conn.close()


@pytest.mark.shared
@pytest.mark.parametrize(("exact", "near_range"), [(1, (8, 14))])
def test_dedup_giveme5w1h_counts(shared_data: Path, exact: int,
                                 near_range: tuple[int, int]) -> None:
    path = shared_data / "news" / "giveme5w1h_news_2016_2018.jsonl"
    with path.open(encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r.get("text")]
    dedup = Deduplicator()
    found = [dedup.match(str(r["id"]), r["text"]) for r in records]
    kinds = [m.kind for m in found if m is not None]
    assert kinds.count("exact") == exact
    assert near_range[0] <= kinds.count("near") <= near_range[1]
