"""Read queries: the one event query builder, actor patterns, dyad frames, dyad counts.

Actor patterns (one language for every command, the web API and the Python API; see
docs/analysis.md, "Actor patterns"):

* ``USA``     three letters: the country, i.e. every actor whose country is USA or whose
              code starts with USA (USA, USAGOV, USAMIL, ...; IGO matches IGOUNO, ...)
* ``USAGOV``  any other code: exactly that code
* ``USA*``    a trailing ``*``: every code that starts with USA
* ``=USA``    a leading ``=``: exactly that code, also for three letters

Every filter on events goes through :class:`EventQuery` and :func:`_where`. All SQL is
parameterised; results come back as pandas DataFrames or :class:`Event` objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

import duckdb

from dyadwatch.errors import (
    BadActorPatternError,
    BadConfidenceError,
    BadDateWindowError,
    UnknownActorError,
)
from dyadwatch.model import Event
from dyadwatch.store.db import EVENT_COLUMNS, event_from_row

if TYPE_CHECKING:  # imported where a frame is built: `dyadwatch code` counts without it
    import pandas as pd

PatternKind = Literal["country", "prefix", "exact"]
Role = Literal["source", "target"]

_PATTERN = re.compile(r"^(=)?([A-Z0-9]+)(\*)?$")
COUNTRY_LENGTH = 3
_ORDER = "ORDER BY e.date NULLS LAST, e.article_id, e.sentence_index, e.trigger_start, e.event_id"

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

    def describe(self) -> str:
        """In words, for messages: "the country USA", "the code USAGOV", ..."""
        if self.kind == "country":
            return f"the country {self.value} (its actors, or codes starting with {self.value})"
        if self.kind == "prefix":
            return f"codes starting with {self.value}"
        return f"exactly the code {self.value}"


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The part of the stored events every query looks at: the dates, and the least
    confidence (``--min-confidence``; an event with no confidence is left out then)."""

    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None

    def describe(self) -> str:
        confidence = ("" if self.min_confidence is None
                      else f" with confidence >= {self.min_confidence:g}")
        if not (self.since or self.until):
            return confidence
        return f" from {self.since or 'the start'} to {self.until or 'the end'}{confidence}"


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Every filter of an event listing: the CLI, the web API and the Python API build one.

    A new filter is one field here and one line in :func:`_conditions`.
    """

    source: ActorPattern | None = None
    target: ActorPattern | None = None
    window: DateWindow = DateWindow()
    article_id: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    limit: int | None = None
    offset: int = 0


Filters = DateWindow | EventQuery  # a bare window: its dates only


def parse_actor(text: str) -> ActorPattern:
    """Parse ``USA``, ``USAGOV``, ``USA*`` or ``=USA`` (case-insensitive) into an ActorPattern."""
    match = _PATTERN.match(text.strip().upper())
    if match is None or (match.group(1) and match.group(3)):
        raise BadActorPatternError(value=text)
    exact, value, star = match.groups()
    return ActorPattern(text=text.strip().upper(), kind=_kind(value, bool(exact), bool(star)),
                        value=value)


def _kind(value: str, exact: bool, star: bool) -> PatternKind:
    if star:
        return "prefix"
    if exact or len(value) != COUNTRY_LENGTH:
        return "exact"
    return "country"


def parse_optional(text: str | None) -> ActorPattern | None:
    """parse_actor for an optional option value (None or blank: no filter)."""
    return parse_actor(text) if text and text.strip() else None


def check_window(since: str | None, until: str | None,
                 min_confidence: float | str | None = None) -> DateWindow:
    """Validate ISO dates of a window (BadDateWindowError) and the least confidence
    (BadConfidenceError)."""
    parsed = [_parse_date(value) for value in (since, until)]
    if parsed[0] and parsed[1] and parsed[0] > parsed[1]:
        raise BadDateWindowError(detail=f"--since {since} is after --until {until}")
    return DateWindow(since, until, check_confidence(min_confidence))


def check_confidence(value: float | str | None) -> float | None:
    """A least confidence from 0 to 1 (text or number), or None; E350 otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except ValueError as e:
        raise BadConfidenceError(value=value) from e
    if not 0.0 <= number <= 1.0:  # also refuses NaN
        raise BadConfidenceError(value=value)
    return number


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise BadDateWindowError(detail=f"{value!r} is not a date") from e


def actor_clause(pattern: ActorPattern, role: Role, params: list[Any]) -> str:
    """SQL condition on ``events e`` for one actor pattern in one role."""
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


def filter_clause(filters: Filters, params: list[Any]) -> str:
    """`` AND ...`` for the non-actor filters on ``events e`` (a bare DateWindow is its
    dates and least confidence only); appends their values to ``params``."""
    query = filters if isinstance(filters, EventQuery) else EventQuery(window=filters)
    scalar = replace(query, source=None, target=None)
    return f" AND {_where(scalar, params)}"


def _dyad_sql(select: str, a: ActorPattern, b: ActorPattern,
              window: Filters) -> tuple[str, list[Any]]:
    """A dyad's events, both directions; dyadic events only (both sides known actors)."""
    params: list[Any] = []
    ab = _direction_clause(a, b, params)
    select_sql = select.replace("{direction}", f"CASE WHEN {ab} THEN 'AB' ELSE 'BA' END")
    where_ab = _direction_clause(a, b, params)
    where_ba = _direction_clause(b, a, params)
    window_sql = filter_clause(window, params)
    sql = f"{select_sql} WHERE ({where_ab} OR {where_ba}) AND e.dyadic{window_sql}"
    return sql, params


def _dyad_events_sql(a: ActorPattern, b: ActorPattern,
                     window: Filters) -> tuple[str, list[Any]]:
    select = (
        "SELECT e.event_id, e.article_id, e.date, {direction} AS direction, e.source, e.target, "
        "e.source_country, e.target_country, e.source_text, e.target_text, e.cameo, "
        "e.cameo_root, e.plover_type, e.plover_mode, e.goldstein, e.quad_class, e.sentence, "
        "e.sentence_index, e.trigger, e.negated, e.modality, e.origin, "
        "COALESCE(a.url, CASE WHEN e.origin = 'gdelt' THEN e.article_id END) AS url, "
        "a.publisher, a.title FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
    )
    sql, params = _dyad_sql(select, a, b, window)
    return f"{sql} {_ORDER}", params


def dyad_events(conn: duckdb.DuckDBPyConnection, a: ActorPattern, b: ActorPattern,
                window: Filters = DateWindow()) -> pd.DataFrame:
    """Every event of the dyad, both directions, with its article's url and publisher."""
    sql, params = _dyad_events_sql(a, b, window)
    return _with_dates(conn.execute(sql, params).df())


def dyad_event_records(conn: duckdb.DuckDBPyConnection, a: ActorPattern, b: ActorPattern,
                       window: Filters = DateWindow()) -> list[dict[str, Any]]:
    """The rows of dyad_events as dicts by column name (dates as ``date``, missing values
    None), read without pandas."""
    sql, params = _dyad_events_sql(a, b, window)
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _dyad_series_sql(a: ActorPattern, b: ActorPattern,
                     window: Filters) -> tuple[str, list[Any]]:
    select = ("SELECT e.date, {direction} AS direction, e.quad_class, e.goldstein "
              "FROM events e")
    sql, params = _dyad_sql(select, a, b, window)
    return sql + " AND e.date IS NOT NULL", params


def dyad_series_events(conn: duckdb.DuckDBPyConnection, a: ActorPattern, b: ActorPattern,
                       window: Filters = DateWindow()) -> pd.DataFrame:
    """The four columns a dyad series needs, for dated events only."""
    sql, params = _dyad_series_sql(a, b, window)
    return _with_dates(conn.execute(sql, params).df())


def dyad_series_rows(conn: duckdb.DuckDBPyConnection, a: ActorPattern, b: ActorPattern,
                     window: Filters = DateWindow()) -> list[tuple[Any, ...]]:
    """The rows of dyad_series_events as (date, direction, quad_class, goldstein) tuples, in
    the same order, read without pandas."""
    sql, params = _dyad_series_sql(a, b, window)
    return conn.execute(sql, params).fetchall()


def _with_dates(frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def _directed_counts_sql(window: Filters, by: str) -> tuple[str, list[Any]]:
    src, tgt = ("e.source", "e.target") if by == "code" else ("e.source_country",
                                                              "e.target_country")
    params: list[Any] = []
    window_sql = filter_clause(window, params)
    sql = (
        f"SELECT {src} AS source, {tgt} AS target, e.quad_class, count(*) AS events, "
        "sum(e.goldstein) AS goldstein_sum, count(e.goldstein) AS goldstein_n FROM events e "
        f"WHERE {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt} AND e.dyadic"
        f"{window_sql} "
        "GROUP BY ALL ORDER BY source, target, e.quad_class"  # one row order every run:
        # the float sums over a dyad's rows depend on it in their last bit
    )
    return sql, params


def directed_counts(conn: duckdb.DuckDBPyConnection, window: Filters = DateWindow(),
                    by: Literal["code", "country"] = "code") -> pd.DataFrame:
    """Dyadic events per (source, target, quad_class) with Goldstein sum and count."""
    sql, params = _directed_counts_sql(window, by)
    return conn.execute(sql, params).df()


def directed_count_rows(conn: duckdb.DuckDBPyConnection, window: Filters = DateWindow(),
                        by: Literal["code", "country"] = "code") -> list[tuple[Any, ...]]:
    """The rows of directed_counts as tuples in its column order, read without pandas."""
    sql, params = _directed_counts_sql(window, by)
    return conn.execute(sql, params).fetchall()


# ---- the one event query builder ------------------------------------------------------


def event_query(source: str | None = None, target: str | None = None,
                since: str | None = None, until: str | None = None,
                min_confidence: float | None = None, **filters: Any) -> EventQuery:
    """An EventQuery from user text: actor patterns parsed, dates and the least confidence
    checked (E701, E704, E350)."""
    return EventQuery(source=parse_optional(source), target=parse_optional(target),
                      window=check_window(since, until, min_confidence), **filters)


def _conditions(query: EventQuery) -> list[tuple[str, Any]]:
    """(SQL condition with one placeholder, value) for every scalar filter; None: unset."""
    return [
        ("e.date >= CAST(? AS DATE)", query.window.since),
        ("e.date <= CAST(? AS DATE)", query.window.until),
        ("e.confidence >= ?", query.window.min_confidence),
        ("e.article_id = ?", query.article_id),
        ("e.cameo_root = ?", query.cameo_root),
        ("e.quad_class = ?", query.quad_class),
    ]


def _where(query: EventQuery, params: list[Any]) -> str:
    """The WHERE condition of ``query`` on ``events e``; appends its values to ``params``."""
    clauses = ["TRUE"]
    for role, pattern in (("source", query.source), ("target", query.target)):
        if pattern is not None:
            clauses.append(actor_clause(pattern, role, params))  # type: ignore[arg-type]
    for condition, value in _conditions(query):
        if value is not None:
            clauses.append(condition)
            params.append(value)
    return " AND ".join(clauses)


def _select_events(query: EventQuery, extra: str = "") -> tuple[str, list[Any]]:
    params: list[Any] = []
    sql = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)}{extra} FROM events e "
           f"WHERE {_where(query, params)} {_ORDER}")
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(query.limit)
    if query.offset:
        sql += " OFFSET ?"
        params.append(query.offset)
    return sql, params


def page_events(conn: duckdb.DuckDBPyConnection, query: EventQuery) -> list[tuple[Any, ...]]:
    """Event rows (EVENT_COLUMNS order) in (date, article, sentence) order, undated last."""
    sql, params = _select_events(query)
    return conn.execute(sql, params).fetchall()


def iter_events(conn: duckdb.DuckDBPyConnection, query: EventQuery) -> Iterator[Event]:
    """The events matching ``query``, streamed in page_events order."""
    sql, params = _select_events(query)
    cursor = conn.execute(sql, params)
    while rows := cursor.fetchmany(1000):
        yield from (event_from_row(row) for row in rows)


def events_frame(conn: duckdb.DuckDBPyConnection, query: EventQuery) -> pd.DataFrame:
    """The events matching ``query`` as a DataFrame (event-table columns and ``origin``)."""
    sql, params = _select_events(query, extra=", e.origin")
    return _with_dates(conn.execute(sql, params).df())


def count_matching(conn: duckdb.DuckDBPyConnection, query: EventQuery) -> int:
    """How many events match ``query``'s filters (paging ignored)."""
    params: list[Any] = []
    sql = f"SELECT count(*) FROM events e WHERE {_where(query, params)}"
    row = conn.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def require_actor(conn: duckdb.DuckDBPyConnection, pattern: ActorPattern, path: str,
                  next_step: str | None = None) -> ActorPattern:
    """``pattern`` when some event has it as source or target, else UnknownActorError
    (E708) naming ``path`` and ``next_step`` (default: the ``dyadwatch dyads`` command)."""
    if actor_seen(conn, pattern):
        return pattern
    like = [code for code, *_ in actor_codes(conn, pattern.value[:COUNTRY_LENGTH], 5)]
    step = next_step or f"List the active pairs with `dyadwatch dyads --db {path}`."
    raise UnknownActorError(value=pattern.text, meaning=pattern.describe(), path=path,
                            similar=", ".join(like) if like else "none", next_step=step)


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
