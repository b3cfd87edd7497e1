from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.errors import SchemaVersionError
from dyadwatch.model import Article, Event, Failure, Location
from dyadwatch.store import db
from dyadwatch.store.schema import SCHEMA_VERSION


def make_event(event_id: str = "e1", article_id: str = "a1", **changes: object) -> Event:
    values: dict[str, object] = dict(
        event_id=event_id, article_id=article_id, date="2020-01-08", source="ARNGOV",
        target="GONMIL", source_country="ARN", target_country="GON", source_text="Arnor",
        target_text="Gondor's army", cameo="190", cameo_root="19", plover_type="ASSAULT",
        plover_mode=None, goldstein=-10.0, quad_class=4, sentence="Arnor attacked Gondor's army.",
        sentence_index=0, trigger="attacked", trigger_start=6, negated=False,
        modality="asserted", location=Location("Minas Tirith", "GON", 1.5, 2.5),
        rule="verb:attack.v", dictionary_version="test",
    )
    values.update(changes)
    return Event(**values)  # type: ignore[arg-type]


def coded(article_id: str, events: tuple[Event, ...]) -> db.CodedArticle:
    article = Article(id=article_id, text="Arnor attacked Gondor's army.", published="2020-01-08")
    return db.CodedArticle(article, "sha", 1, events)


@pytest.mark.parametrize("times", [2])
def test_db_rewriting_an_article_adds_nothing(db_path: Path, times: int) -> None:
    conn = db.open_db(db_path)
    run = db.start_run(conn, "test", {}, {}, [])
    new = [db.write_batch(conn, run, [coded("a1", (make_event(),))], []) for _ in range(times)]
    assert new == [1] + [0] * (times - 1)
    assert db.count_events(conn) == 1


@pytest.mark.parametrize("code", ["E204"])
def test_db_failures_recorded(db_path: Path, code: str) -> None:
    conn = db.open_db(db_path)
    run = db.start_run(conn, "test", {}, {}, [])
    db.write_batch(conn, run, [], [Failure(code, "x.txt", "bad bytes")])
    assert conn.execute("SELECT code, input FROM failures").fetchall() == [(code, "x.txt")]


@pytest.mark.parametrize("newer", [SCHEMA_VERSION + 1])
def test_db_newer_schema_refused(db_path: Path, newer: int) -> None:
    db.open_db(db_path).close()
    conn = duckdb.connect(str(db_path))
    conn.execute("UPDATE schema_info SET version = ?", [newer])
    conn.close()
    with pytest.raises(SchemaVersionError) as info:
        db.open_db(db_path)
    assert str(newer) in str(info.value)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (db.EventFilter(source="ARNGOV"), 1),
        (db.EventFilter(source="ARN*"), 1),
        (db.EventFilter(target="ARN*"), 0),
        (db.EventFilter(since="2020-01-09"), 0),
        (db.EventFilter(until="2020-01-08"), 1),
    ],
)
def test_db_event_filters(db_path: Path, flt: db.EventFilter, expected: int) -> None:
    conn = db.open_db(db_path)
    run = db.start_run(conn, "test", {}, {}, [])
    db.write_batch(conn, run, [coded("a1", (make_event(),))], [])
    assert len(list(db.query_events(conn, flt))) == expected


_text = st.text(max_size=40)


@settings(max_examples=30, deadline=None)
@given(sentence=_text, source=st.one_of(st.none(), _text), goldstein=st.floats(-10, 10),
       negated=st.booleans(), location=st.booleans())
def test_db_event_round_trip(tmp_path_factory: pytest.TempPathFactory, sentence: str,
                             source: str | None, goldstein: float, negated: bool,
                             location: bool) -> None:
    path = tmp_path_factory.mktemp("rt") / "rt.duckdb"
    event = make_event(sentence=sentence, source=source, goldstein=goldstein, negated=negated,
                       location=Location("X", None) if location else None)
    conn = db.open_db(path)
    run = db.start_run(conn, "test", {}, {}, [])
    db.write_batch(conn, run, [coded("a1", (event,))], [])
    [back] = db.query_events(conn, db.EventFilter())
    assert back == event


def _database_at(path: Path, version: int) -> duckdb.DuckDBPyConnection:
    """A database made by the migrations up to ``version`` only (an older dyadwatch)."""
    from dyadwatch.store.schema import MIGRATIONS

    conn = duckdb.connect(str(path))
    for step in range(version):
        for statement in MIGRATIONS[step]:
            conn.execute(statement)
    conn.execute("INSERT INTO schema_info VALUES (?)", [version])
    return conn


@pytest.mark.issue(14)
def test_db_migration_6_gives_old_rows_dyadic_from_codes_and_no_confidence(
        db_path: Path) -> None:
    old = _database_at(db_path, 5)
    columns = ("event_id, article_id, source, target, source_country, target_country, cameo, "
               "cameo_root, quad_class, sentence, sentence_index, trigger, trigger_start, "
               "negated, modality, rule, dictionary_version")
    rows = [("both", "ARN", "GON", "ARN", "GON"), ("body", "IGOUNO", "GON", None, "GON"),
            ("sector", "GOV", "GON", None, "GON"), ("alone", "ARN", None, "ARN", None)]
    for event_id, source, target, source_country, target_country in rows:
        old.execute(f"INSERT INTO events ({columns}) VALUES "
                    "(?, 'a1', ?, ?, ?, ?, '190', '19', 4, 's', 0, 't', 0, false, 'asserted', "
                    "'verb:x', 'old')", [event_id, source, target, source_country, target_country])
    old.close()
    conn = db.open_db(db_path)
    assert db.schema_version(conn) == SCHEMA_VERSION
    found = dict(conn.execute("SELECT event_id, dyadic FROM events").fetchall())
    assert found == {"both": True, "body": True, "sector": False, "alone": False}
    assert conn.execute("SELECT count(*) FROM events WHERE confidence IS NOT NULL").fetchone() \
        == (0,)
    stored = {e.event_id: e for e in db.query_events(conn, db.EventFilter())}
    assert stored["both"].confidence is None and stored["both"].dyadic is True


@pytest.mark.issue(14)
def test_db_keeps_confidence_and_dyadic(db_path: Path) -> None:
    conn = db.open_db(db_path)
    run = db.start_run(conn, "test", {}, {}, [])
    db.write_batch(conn, run, [coded("a1", (make_event(confidence=0.42, dyadic=True),))], [])
    (event,) = db.query_events(conn, db.EventFilter())
    assert (event.confidence, event.dyadic) == (0.42, True)
