"""Read queries behind dyad analysis: actor patterns, dyad event frames, dyad counts.

Actor patterns (see docs/analysis.md):

* ``TUR``     the actor code starts with TUR *or* the actor's country is TUR
* ``TUR*``    the actor code starts with TUR (TUR, TURGOV, TURMIL, ...)
* ``=TURGOV`` exactly the code TURGOV

All SQL is parameterised; results come back as pandas DataFrames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import duckdb
import pandas as pd

from dyadwatch.errors import BadActorPatternError, BadDateWindowError
from dyadwatch.store.db import EVENT_COLUMNS

PatternKind = Literal["code_or_country", "prefix", "exact"]
Role = Literal["source", "target"]

_PATTERN = re.compile(r"^(=)?([A-Z0-9]+)(\*)?$")

# Columns of a dyad frame, in order (``direction`` is "AB" for A→B, "BA" for B→A).
DYAD_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "date", "direction", "source", "target", "source_country",
    "target_country", "source_text", "target_text", "cameo", "cameo_root", "plover_type",
    "plover_mode", "goldstein", "quad_class", "sentence", "sentence_index", "trigger",
    "negated", "modality", "origin", "url", "publisher", "title",
)
SERIES_COLUMNS: tuple[str, ...] = ("date", "direction", "quad_class", "goldstein")


@dataclass(frozen=True, slots=True)
class ActorPattern:
    """A parsed actor argument: what the user typed and how it matches."""

    text: str
    kind: PatternKind
    value: str

    @property
    def label(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class DateWindow:
    since: str | None = None
    until: str | None = None

    def describe(self) -> str:
        if not (self.since or self.until):
            return ""
        return f" from {self.since or 'the start'} to {self.until or 'the end'}"


def parse_actor(text: str) -> ActorPattern:
    """Parse ``TUR``, ``TUR*`` or ``=TURGOV`` (case-insensitive) into an ActorPattern."""
    match = _PATTERN.match(text.strip().upper())
    if match is None or (match.group(1) and match.group(3)):
        raise BadActorPatternError(value=text)
    exact, value, star = match.groups()
    kind: PatternKind = "exact" if exact else ("prefix" if star else "code_or_country")
    return ActorPattern(text=text.strip().upper(), kind=kind, value=value)


def check_window(since: str | None, until: str | None) -> DateWindow:
    """Validate ISO dates of a window; raises BadDateWindowError."""
    parsed = [_parse_date(value) for value in (since, until)]
    if parsed[0] and parsed[1] and parsed[0] > parsed[1]:
        raise BadDateWindowError(detail=f"--since {since} is after --until {until}")
    return DateWindow(since, until)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise BadDateWindowError(detail=f"{value!r} is not a date") from e


def actor_clause(pattern: ActorPattern, role: Role, params: list[Any]) -> str:
    """SQL condition on ``events`` for one actor pattern in one role."""
    column = f"e.{role}"
    if pattern.kind == "exact":
        params.append(pattern.value)
        return f"{column} = ?"
    params.append(pattern.value + "%")
    if pattern.kind == "prefix":
        return f"{column} LIKE ?"
    params.append(pattern.value)
    return f"({column} LIKE ? OR e.{role}_country = ?)"


def _direction_clause(a: ActorPattern, b: ActorPattern, params: list[Any]) -> str:
    return f"({actor_clause(a, 'source', params)} AND {actor_clause(b, 'target', params)})"


def _window_clause(window: DateWindow, params: list[Any]) -> str:
    clauses = []
    if window.since:
        clauses.append("e.date >= CAST(? AS DATE)")
        params.append(window.since)
    if window.until:
        clauses.append("e.date <= CAST(? AS DATE)")
        params.append(window.until)
    return "".join(f" AND {clause}" for clause in clauses)


def _dyad_sql(select: str, a: ActorPattern, b: ActorPattern,
              window: DateWindow) -> tuple[str, list[Any]]:
    params: list[Any] = []
    ab = _direction_clause(a, b, params)
    select_sql = select.replace("{direction}", f"CASE WHEN {ab} THEN 'AB' ELSE 'BA' END")
    where_ab = _direction_clause(a, b, params)
    where_ba = _direction_clause(b, a, params)
    window_sql = _window_clause(window, params)
    sql = f"{select_sql} WHERE ({where_ab} OR {where_ba}){window_sql}"
    return sql, params


def dyad_events(conn: duckdb.DuckDBPyConnection, a: ActorPattern, b: ActorPattern,
                window: DateWindow = DateWindow()) -> pd.DataFrame:
    """Every event of the dyad, both directions, with its article's url and publisher."""
    select = (
        "SELECT e.event_id, e.article_id, e.date, {direction} AS direction, e.source, e.target, "
        "e.source_country, e.target_country, e.source_text, e.target_text, e.cameo, "
        "e.cameo_root, e.plover_type, e.plover_mode, e.goldstein, e.quad_class, e.sentence, "
        "e.sentence_index, e.trigger, e.negated, e.modality, e.origin, "
        "COALESCE(a.url, CASE WHEN e.origin = 'gdelt' THEN e.article_id END) AS url, "
        "a.publisher, a.title FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
    )
    sql, params = _dyad_sql(select, a, b, window)
    sql += (" ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, "
            "e.event_id")
    frame = conn.execute(sql, params).df()
    return _with_dates(frame)


def dyad_series_events(conn: duckdb.DuckDBPyConnection, a: ActorPattern, b: ActorPattern,
                       window: DateWindow = DateWindow()) -> pd.DataFrame:
    """The four columns a dyad series needs, for dated events only."""
    select = ("SELECT e.date, {direction} AS direction, e.quad_class, e.goldstein "
              "FROM events e")
    sql, params = _dyad_sql(select, a, b, window)
    frame = conn.execute(sql + " AND e.date IS NOT NULL", params).df()
    return _with_dates(frame)


def _with_dates(frame: pd.DataFrame) -> pd.DataFrame:
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def directed_counts(conn: duckdb.DuckDBPyConnection, window: DateWindow = DateWindow(),
                    by: Literal["code", "country"] = "code") -> pd.DataFrame:
    """Events per (source, target, quad_class) with Goldstein sum and count."""
    src, tgt = ("e.source", "e.target") if by == "code" else ("e.source_country",
                                                              "e.target_country")
    params: list[Any] = []
    window_sql = _window_clause(window, params)
    sql = (
        f"SELECT {src} AS source, {tgt} AS target, e.quad_class, count(*) AS events, "
        "sum(e.goldstein) AS goldstein_sum, count(e.goldstein) AS goldstein_n FROM events e "
        f"WHERE {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}{window_sql} "
        "GROUP BY ALL"
    )
    return conn.execute(sql, params).df()


def events_frame(conn: duckdb.DuckDBPyConnection, source: ActorPattern | None = None,
                 target: ActorPattern | None = None, window: DateWindow = DateWindow(),
                 article_id: str | None = None, limit: int | None = None) -> pd.DataFrame:
    """Events as a DataFrame with the event-table columns, filtered like ``dyadwatch events``."""
    params: list[Any] = []
    clauses = ["TRUE"]
    if source is not None:
        clauses.append(actor_clause(source, "source", params))
    if target is not None:
        clauses.append(actor_clause(target, "target", params))
    if article_id is not None:
        clauses.append("e.article_id = ?")
        params.append(article_id)
    sql = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)}, e.origin FROM events e "
           f"WHERE {' AND '.join(clauses)}{_window_clause(window, params)} "
           "ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, "
           "e.event_id")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return _with_dates(conn.execute(sql, params).df())


def has_table(conn: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def gdelt_extras(conn: duckdb.DuckDBPyConnection,
                 event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """event_id → the GDELT columns kept for it in gdelt_extra (empty when none)."""
    if not event_ids or not has_table(conn, "gdelt_extra"):
        return {}
    cursor = conn.execute(
        "SELECT * FROM gdelt_extra WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [event_ids]
    )
    names = [d[0] for d in cursor.description]
    return {str(row[0]): dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def article_urls(conn: duckdb.DuckDBPyConnection,
                 article_ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """article_id → (url, publisher) for the stored articles among ``article_ids``."""
    wanted = list(dict.fromkeys(article_ids))
    if not wanted:
        return {}
    rows = conn.execute(
        "SELECT article_id, url, publisher FROM articles WHERE article_id IN "
        "(SELECT unnest(?::VARCHAR[]))", [wanted],
    ).fetchall()
    return {str(a): (u, p) for a, u, p in rows}


# ---- reads behind the web service (dyadwatch.api) ------------------------------------


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters and paging of the events endpoint."""

    source: ActorPattern | None = None
    target: ActorPattern | None = None
    window: DateWindow = DateWindow()
    article_id: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    limit: int = 100
    offset: int = 0


def _event_query_where(query: EventQuery, params: list[Any]) -> str:
    clauses = ["TRUE"]
    if query.source is not None:
        clauses.append(actor_clause(query.source, "source", params))
    if query.target is not None:
        clauses.append(actor_clause(query.target, "target", params))
    for column, value in (("article_id", query.article_id), ("cameo_root", query.cameo_root),
                          ("quad_class", query.quad_class)):
        if value is not None:
            clauses.append(f"e.{column} = ?")
            params.append(value)
    return " AND ".join(clauses) + _window_clause(query.window, params)


def page_events(conn: duckdb.DuckDBPyConnection, query: EventQuery) -> list[tuple[Any, ...]]:
    """One page of event rows (EVENT_COLUMNS order) in (date, article, sentence) order."""
    params: list[Any] = []
    where = _event_query_where(query, params)
    sql = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e WHERE {where} "
           "ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, "
           "e.event_id LIMIT ? OFFSET ?")
    return conn.execute(sql, [*params, query.limit, query.offset]).fetchall()


def count_matching(conn: duckdb.DuckDBPyConnection, query: EventQuery) -> int:
    """How many events match ``query``'s filters (paging ignored)."""
    params: list[Any] = []
    where = _event_query_where(query, params)
    row = conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


def actor_seen(conn: duckdb.DuckDBPyConnection, pattern: ActorPattern) -> bool:
    """Whether any event has an actor matching ``pattern`` as its source or its target."""
    params: list[Any] = []
    sql = (f"SELECT EXISTS (SELECT 1 FROM events e WHERE {actor_clause(pattern, 'source', params)}"
           f" OR {actor_clause(pattern, 'target', params)})")
    row = conn.execute(sql, params).fetchone()
    return bool(row and row[0])


def actor_codes(conn: duckdb.DuckDBPyConnection, text: str,
                limit: int = 20) -> list[tuple[str, str | None, int, str | None]]:
    """(code, country, events, a mention) of the actors whose code starts with ``text``
    or whose mention text contains it (case-insensitive), most events first."""
    needle = text.strip().lower()
    sql = (
        "WITH sides AS ("
        " SELECT source AS code, source_country AS country, source_text AS mention FROM events"
        " UNION ALL"
        " SELECT target, target_country, target_text FROM events)"
        " SELECT code, any_value(country), count(*) AS n, mode(mention) FROM sides"
        " WHERE code IS NOT NULL"
        " AND (lower(code) LIKE ? ESCAPE '\\' OR lower(mention) LIKE ? ESCAPE '\\')"
        " GROUP BY code ORDER BY n DESC, code LIMIT ?"
    )
    rows = conn.execute(sql, [_like_prefix(needle), _like_contains(needle), limit]).fetchall()
    return [(str(c), country, int(n), mention) for c, country, n, mention in rows]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(text: str) -> str:
    return _like_escape(text) + "%"


def _like_contains(text: str) -> str:
    return "%" + _like_escape(text) + "%"


def code_event_counts(conn: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, int]:
    """code → events in which it is the source or the target, for the given codes."""
    if not codes:
        return {}
    sql = (
        "WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS code)"
        " SELECT w.code, count(e.event_id) FROM wanted w LEFT JOIN events e"
        " ON e.source = w.code OR e.target = w.code GROUP BY w.code"
    )
    return {str(code): int(n) for code, n in conn.execute(sql, [codes]).fetchall()}


ARTICLE_FIELDS: tuple[str, ...] = (
    "article_id", "published", "url", "title", "publisher", "origin", "n_chars",
    "n_sentences", "n_events", "status", "duplicate_of", "run_id", "text",
)


def article_record(conn: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The stored article (with its text) as a dict, or None when there is none."""
    row = conn.execute(f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE article_id = ?",
                       [article_id]).fetchone()
    return None if row is None else dict(zip(ARTICLE_FIELDS, row, strict=True))


RUN_FIELDS: tuple[str, ...] = (
    "run_id", "command", "started_at", "finished_at", "status", "inputs", "articles_read",
    "articles_coded", "articles_skipped", "events_new", "failures",
)


def recent_runs(conn: duckdb.DuckDBPyConnection, limit: int = 50,
                offset: int = 0) -> list[dict[str, Any]]:
    """The runs table, newest first."""
    rows = conn.execute(f"SELECT {', '.join(RUN_FIELDS)} FROM runs ORDER BY run_id DESC "
                        "LIMIT ? OFFSET ?", [limit, offset]).fetchall()
    return [dict(zip(RUN_FIELDS, row, strict=True)) for row in rows]


def database_summary(conn: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts of events, articles and runs, and the first and last event date."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles),"
        " (SELECT count(*) FROM runs), (SELECT min(date) FROM events),"
        " (SELECT max(date) FROM events)"
    ).fetchone()
    events, articles, runs, first, last = row if row else (0, 0, 0, None, None)
    return {"events": int(events), "articles": int(articles), "runs": int(runs),
            "first_date": first, "last_date": last}
