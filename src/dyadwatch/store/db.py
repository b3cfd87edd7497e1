"""DuckDB storage: open and migrate, write batches transactionally, read events.

All SQL of dyadwatch lives in this package and is parameterised.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from dyadwatch.errors import (
    DatabaseError,
    DatabaseLockedError,
    MigrationError,
    SchemaVersionError,
)
from dyadwatch.model import Article, Event, Failure, Location, RunSummary, encodable
from dyadwatch.store.schema import DYADIC_FROM_CODES, MIGRATIONS, SCHEMA_VERSION

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "date", "source", "target", "source_country",
    "target_country", "source_text", "target_text", "cameo", "cameo_root", "plover_type",
    "plover_mode", "goldstein", "quad_class", "sentence", "sentence_index", "trigger",
    "trigger_start", "negated", "modality", "location_name", "location_country",
    "location_lat", "location_lon", "rule", "dictionary_version", "confidence", "dyadic",
)


ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id", "text_sha1", "published", "url", "title", "publisher", "origin", "n_chars",
    "n_sentences", "n_events", "status", "duplicate_of", "run_id", "text",
    "dictionary_version", "coding_key",
)


def open_db(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating and migrating when writable) the event database at ``path``."""
    target = str(path)
    try:
        conn = duckdb.connect(target, read_only=read_only)
    except duckdb.Error as e:
        raise _open_error(target, e) from e
    try:
        if not read_only:
            migrate(conn, target)
        else:
            _check_version(conn, target)
            _newer_event_columns(conn)
    except duckdb.Error as e:
        conn.close()
        raise DatabaseError(path=target, detail=f"cannot read the database; is it damaged? ({e})"
                            ) from e
    except BaseException:
        conn.close()  # release the file lock before reporting
        raise
    return conn


def _newer_event_columns(conn: duckdb.DuckDBPyConnection) -> None:
    """A database opened read-only before schema 6 shows its events with ``confidence``
    (null) and ``dyadic`` (from the codes, as migration 5 → 6 sets it), through a
    temporary view: reading never needs a migration."""
    names = {row[0] for row in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' "
        "AND table_schema = 'main'").fetchall()}
    if not names or "confidence" in names:
        return
    catalog = conn.execute("SELECT current_database()").fetchone()
    conn.execute(
        f'CREATE TEMP VIEW events AS SELECT *, NULL::DOUBLE AS confidence, '
        f'{DYADIC_FROM_CODES} AS dyadic '
        f'FROM "{catalog[0] if catalog else "memory"}".main.events')


def _open_error(path: str, error: duckdb.Error) -> DatabaseError | DatabaseLockedError:
    """E405 when another process holds the file's lock, else E401 with DuckDB's reason."""
    text = str(error)
    if "lock" in text.lower() and ("Conflicting" in text or "Could not set" in text):
        holder = text.split("Conflicting lock is held in", 1)[-1].split(". See", 1)[0].strip()
        return DatabaseLockedError(path=path, detail=f"lock held by {holder}"[:200])
    return DatabaseError(path=path, detail=f"cannot open the database ({text})")


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    found = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_info").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _check_version(conn: duckdb.DuckDBPyConnection, path: str) -> int:
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(path=path, found=version, supported=SCHEMA_VERSION)
    return version


def migrate(conn: duckdb.DuckDBPyConnection, path: str = "") -> int:
    """Apply every migration after the database's version, each in one transaction."""
    version = _check_version(conn, path)
    while version < SCHEMA_VERSION:
        _migrate_step(conn, path, version)
        version += 1
    return version


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All statements in the block or none: any error, or an interrupt, rolls back."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _migrate_step(conn: duckdb.DuckDBPyConnection, path: str, version: int) -> None:
    """MIGRATIONS[version] and the new version number, all or nothing (E404 on failure)."""
    try:
        with transaction(conn):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute("DELETE FROM schema_info")
            conn.execute("INSERT INTO schema_info VALUES (?)", [version + 1])
    except duckdb.Error as e:
        raise MigrationError(path=path, found=version, target=version + 1, detail=str(e)) from e


def start_run(conn: duckdb.DuckDBPyConnection, command: str, config: dict[str, Any],
              versions: dict[str, str], inputs: Sequence[str]) -> int:
    """Record the start of a run and return its id."""
    row = conn.execute(
        "INSERT INTO runs (run_id, command, started_at, status, config, versions, inputs, "
        "pid, host) VALUES (nextval('run_ids'), ?, ?, 'running', ?, ?, ?, ?, ?) RETURNING run_id",
        [command, _now(), json.dumps(config, default=str), json.dumps(versions),
         json.dumps(list(inputs)), os.getpid(), socket.gethostname()],
    ).fetchone()
    if row is None:
        raise DatabaseError(path="runs", detail="could not record the run")
    return int(row[0])


def finish_run(conn: duckdb.DuckDBPyConnection, run_id: int, summary: RunSummary,
               status: str = "finished") -> None:
    """Record how the run ended; linked copies (E210) count as skipped, not as failures."""
    conn.execute(
        "UPDATE runs SET finished_at = ?, status = ?, articles_read = ?, articles_coded = ?, "
        "articles_skipped = ?, events_new = ?, failures = ? WHERE run_id = ?",
        [_now(), status, summary.articles_read, summary.articles_coded,
         summary.articles_skipped + summary.duplicates, summary.events_new,
         len(summary.errors), run_id],
    )


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """What one article contributes to a batch write."""

    article: Article
    text_sha1: str
    n_sentences: int
    events: tuple[Event, ...]
    status: str = "coded"  # coded | skipped | duplicate
    duplicate_of: str | None = None
    dictionary_version: str | None = None  # the knowledge it was coded with
    coding_key: str | None = None  # see dyadwatch.pipeline.coding_key


def known_articles(conn: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, str]:
    """article_id → text_sha1 for the ids already stored."""
    rows = _article_rows(conn, "article_id, text_sha1", "TRUE", ids)
    return {str(a): str(s) for a, s in rows}


def coded_keys(conn: duckdb.DuckDBPyConnection,
               ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """article_id → (text_sha1, coding_key) of the given ids stored as coded."""
    rows = _article_rows(conn, "article_id, text_sha1, coding_key", "status = 'coded'", ids)
    return {str(a): (str(s), None if k is None else str(k)) for a, s, k in rows}


def _article_rows(conn: duckdb.DuckDBPyConnection, columns: str, condition: str,
                  ids: Iterable[str]) -> list[tuple[Any, ...]]:
    """``columns`` of the stored articles among ``ids`` that meet ``condition`` (constant
    SQL of this module; the ids are a parameter)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    return conn.execute(
        f"SELECT {columns} FROM articles WHERE {condition} AND article_id IN "
        "(SELECT unnest(?::VARCHAR[]))", [wanted],
    ).fetchall()


def write_batch(conn: duckdb.DuckDBPyConnection, run_id: int,
                coded: Sequence[CodedArticle], failures: Sequence[Failure]) -> int:
    """Write a batch of articles, their events and failures in one transaction.

    Returns the number of events that were new. Articles already stored are
    replaced together with their events, so a re-run adds nothing twice; a failure
    already recorded for this run is not recorded again. Any error (or an interrupt)
    rolls the whole batch back.
    """
    try:
        with transaction(conn):
            before = count_events(conn)
            for item in coded:
                _replace_article(conn, run_id, item)
            insert_failures(conn, run_id, failures)
            after = count_events(conn)
    except duckdb.Error as e:
        raise DatabaseError(path=f"run {run_id}",
                            detail=f"the batch was not written and nothing of it was kept ({e})"
                            ) from e
    return after - before


def _replace_article(conn: duckdb.DuckDBPyConnection, run_id: int, item: CodedArticle) -> None:
    art = item.article
    conn.execute("DELETE FROM events WHERE article_id = ?", _storable([art.id]))
    conn.execute("DELETE FROM articles WHERE article_id = ?", _storable([art.id]))
    conn.execute(
        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
        f"VALUES ({', '.join(['?'] * len(ARTICLE_COLUMNS))})",
        _storable([art.id, item.text_sha1, art.published, art.url, art.title, art.publisher,
                   art.origin, len(art.text), item.n_sentences, len(item.events), item.status,
                   item.duplicate_of, run_id, art.text, item.dictionary_version,
                   item.coding_key]),
    )
    rows = [_storable(event_row(event) + (run_id,)) for event in item.events]
    if rows:
        placeholders = ", ".join(["?"] * (len(EVENT_COLUMNS) + 1))
        columns = ", ".join(EVENT_COLUMNS + ("run_id",))
        conn.executemany(
            f"INSERT OR REPLACE INTO events ({columns}) VALUES ({placeholders})", rows
        )


def insert_failures(conn: duckdb.DuckDBPyConnection, run_id: int,
                    failures: Sequence[Failure]) -> None:
    """Record ``failures`` for the run, once each (code, input, message)."""
    now = _now()
    unique = {(f.code, f.input, f.message): f for f in failures}.values()
    rows = [_storable((run_id, f.code, f.input, f.message, f.article_id, now)) for f in unique]
    if rows:
        conn.executemany(
            "INSERT INTO failures (run_id, code, input, message, article_id, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows,
        )


def _storable(values: Sequence[Any]) -> list[Any]:
    """The values with every string made UTF-8 encodable (lone surrogates → U+FFFD).

    Readers already replace and record such characters; this is the last guard, since
    DuckDB refuses the whole batch over one unencodable string (a file name with
    undecodable bytes, an HTML entity for a surrogate).
    """
    return [encodable(v) if isinstance(v, str) else v for v in values]


def event_row(event: Event) -> tuple[Any, ...]:
    """An event's values in EVENT_COLUMNS order (location flattened)."""
    loc = event.location
    values = {name: getattr(event, name) for name in EVENT_COLUMNS if hasattr(event, name)}
    values.update(
        location_name=loc.name if loc else None,
        location_country=loc.country if loc else None,
        location_lat=loc.lat if loc else None,
        location_lon=loc.lon if loc else None,
    )
    return tuple(values[name] for name in EVENT_COLUMNS)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Event filters as text, read by :func:`dyadwatch.store.queries.event_query`: actor
    patterns as in every command ("IRN" the country, "IRNGOV" exactly, "IRN*" a prefix)."""

    source: str | None = None
    target: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    limit: int | None = None
    offset: int = 0


def query_events(conn: duckdb.DuckDBPyConnection, flt: EventFilter) -> Iterator[Event]:
    """Events matching ``flt`` in (date, article, sentence, trigger) order (the one query
    builder of store.queries)."""
    from dyadwatch.store import queries  # queries builds on this module

    query = queries.event_query(flt.source, flt.target, flt.since, flt.until,
                                article_id=flt.article_id, limit=flt.limit, offset=flt.offset)
    return queries.iter_events(conn, query)


def event_from_row(row: Sequence[Any]) -> Event:
    values = dict(zip(EVENT_COLUMNS, row, strict=True))
    name = values.pop("location_name")
    country, lat, lon = (values.pop(k) for k in ("location_country", "location_lat",
                                                 "location_lon"))
    date = values.pop("date")
    return Event(
        **values,
        date=date.isoformat() if date is not None else None,
        location=Location(name, country, lat, lon) if name else None,
    )


def count_events(conn: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> int:
    """How many events (matching ``flt``) the database holds."""
    from dyadwatch.store import queries

    query = queries.event_query(flt.source, flt.target, flt.since, flt.until,
                                article_id=flt.article_id) if flt else queries.EventQuery()
    return queries.count_matching(conn, query)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
