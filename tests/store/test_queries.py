from __future__ import annotations

from datetime import date

import duckdb
import pytest

from dyadwatch.errors import BadActorPatternError, BadDateWindowError, UnknownActorError
from dyadwatch.store.db import open_db
from dyadwatch.store.queries import (
    DateWindow,
    check_window,
    count_matching,
    directed_counts,
    dyad_events,
    event_query,
    events_frame,
    iter_events,
    parse_actor,
    require_actor,
)
from dyadwatch.synthetic import make_event, write_events

D = date(2020, 1, 6)


@pytest.fixture(scope="module")
def conn() -> duckdb.DuckDBPyConnection:
    conn = open_db(":memory:")
    write_events(conn, [
        make_event("e1", "a1", D, "TURGOV", "SYRREB", "190", "TUR", "SYR"),
        make_event("e2", "a1", D, "SYRREB", "TURMIL", "111", "SYR", "TUR", sentence_index=1),
        make_event("e3", "a2", date(2020, 2, 3), "KURREB", "SYRGOV", "036", "TUR", "SYR"),
        make_event("e4", "a2", date(2020, 2, 3), "TURGOV", "RUSGOV", "042", "TUR", "RUS"),
        make_event("e5", "a3", None, "SYRGOV", "TURGOV", "130", "SYR", "TUR"),
    ])
    return conn


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("TUR", "country", "TUR"), ("tur*", "prefix", "TUR"), ("=TURGOV", "exact", "TURGOV"),
    ("TURGOV", "exact", "TURGOV"), ("=tur", "exact", "TUR"), ("US", "exact", "US"),
])
def test_queries_parse_actor(text: str, kind: str, value: str) -> None:
    pattern = parse_actor(text)
    assert (pattern.kind, pattern.value) == (kind, value)


@pytest.mark.parametrize("text", ["", "T UR", "=TUR*", "TUR%", "*"])
def test_queries_bad_actor_pattern(text: str) -> None:
    with pytest.raises(BadActorPatternError, match="E701"):
        parse_actor(text)


@pytest.mark.parametrize(("a", "b", "ids"), [
    ("TUR", "SYR", ["e1", "e2", "e3", "e5"]),  # KURREB has country TUR
    ("TUR*", "SYR*", ["e1", "e2", "e5"]),
    ("=TURGOV", "SYR", ["e1", "e5"]),
    ("=TURGOV", "=SYRGOV", ["e5"]),
    ("TURGOV", "SYRGOV", ["e5"]),  # a longer code is exact
])
def test_queries_dyad_patterns(conn: duckdb.DuckDBPyConnection, a: str, b: str,
                               ids: list[str]) -> None:
    frame = dyad_events(conn, parse_actor(a), parse_actor(b))
    assert frame["event_id"].tolist() == ids


@pytest.mark.parametrize(("event_id", "direction"), [("e1", "AB"), ("e2", "BA"), ("e5", "BA")])
def test_queries_dyad_direction(conn: duckdb.DuckDBPyConnection, event_id: str,
                                direction: str) -> None:
    frame = dyad_events(conn, parse_actor("TUR"), parse_actor("SYR")).set_index("event_id")
    assert frame.loc[event_id, "direction"] == direction
    article = frame.loc[event_id, "article_id"]
    assert frame.loc[event_id, "url"] == f"https://example.org/news/{article}"


@pytest.mark.parametrize(("since", "until", "ids"), [
    ("2020-01-01", "2020-01-31", ["e1", "e2"]), ("2020-02-01", None, ["e3"]),
])
def test_queries_dyad_window(conn: duckdb.DuckDBPyConnection, since: str, until: str | None,
                             ids: list[str]) -> None:
    frame = dyad_events(conn, parse_actor("TUR"), parse_actor("SYR"), DateWindow(since, until))
    assert frame["event_id"].tolist() == ids


@pytest.mark.parametrize(("since", "until"), [("2020-02-01", "2020-01-01"), ("soon", None)])
def test_queries_bad_window(since: str, until: str | None) -> None:
    with pytest.raises(BadDateWindowError, match="E704"):
        check_window(since, until)


@pytest.mark.parametrize(("by", "pairs"), [
    ("code", 5), ("country", 4),  # TUR->SYR, SYR->TUR, TUR->RUS; KUR/TUR->SYR merges
])
def test_queries_directed_counts(conn: duckdb.DuckDBPyConnection, by: str, pairs: int) -> None:
    counts = directed_counts(conn, by=by)  # type: ignore[arg-type]
    assert counts["events"].sum() == 5
    assert len(counts.groupby(["source", "target"])) == pairs - (1 if by == "country" else 0)


@pytest.mark.parametrize(("source", "ids"), [("TUR*", ["e1", "e4"]), (None, None)])
def test_queries_events_frame(conn: duckdb.DuckDBPyConnection, source: str | None,
                              ids: list[str] | None) -> None:
    frame = events_frame(conn, event_query(source))
    assert frame["event_id"].tolist() == (ids or ["e1", "e2", "e3", "e4", "e5"])


@pytest.mark.issue(15)
@pytest.mark.parametrize(("source", "ids"), [
    ("TUR", ["e1", "e3", "e4"]),  # the country: TURGOV twice and KURREB (country TUR)
    ("TURGOV", ["e1", "e4"]),  # exactly that code
    ("TUR*", ["e1", "e4"]),  # codes starting with TUR
    ("SYR", ["e2", "e5"]),
])
def test_queries_one_pattern_language_for_listings_and_dyads(
        conn: duckdb.DuckDBPyConnection, source: str, ids: list[str]) -> None:
    """`events --source X` and the dyad queries read a pattern the same way."""
    listed = [e.event_id for e in iter_events(conn, event_query(source))]
    assert listed == ids
    assert count_matching(conn, event_query(source)) == len(ids)
    as_dyad = dyad_events(conn, parse_actor(source), parse_actor("SYR*"))
    assert set(as_dyad[as_dyad["direction"] == "AB"]["event_id"]) <= set(ids)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("filters", "ids"), [
    ({"limit": 2}, ["e1", "e2"]),
    ({"article_id": "a2"}, ["e3", "e4"]),
    ({"article_id": "a2", "limit": 1}, ["e3"]),
    ({"limit": 2, "offset": 3}, ["e4", "e5"]),
])
def test_queries_event_query_filters(conn: duckdb.DuckDBPyConnection,
                                     filters: dict[str, object], ids: list[str]) -> None:
    query = event_query(**filters)  # type: ignore[arg-type]
    assert [e.event_id for e in iter_events(conn, query)] == ids
    assert events_frame(conn, query)["event_id"].tolist() == ids


@pytest.mark.issue(15)
@pytest.mark.parametrize(("text", "similar"), [("TURX", "TURGOV"), ("FRA", "none")])
def test_queries_unknown_actor_is_e708(conn: duckdb.DuckDBPyConnection, text: str,
                                       similar: str) -> None:
    with pytest.raises(UnknownActorError, match="E708") as caught:
        require_actor(conn, parse_actor(text), "db.duckdb")
    assert similar in str(caught.value)
