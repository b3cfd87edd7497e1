"""Bulk storage: a whole batch of articles and events per statement, and Parquet datasets.

``write_batch_bulk`` has the contract of :func:`dyadwatch.store.db.write_batch` (one
transaction per batch; stored articles are replaced with their events; returns the number
of new events) but inserts each batch with one statement per table, its columns bound as
lists (``SELECT unnest(?::VARCHAR[]), ...``), instead of one statement per article, which
is what keeps storage a small share of a coding run. It builds no Arrow table: pyarrow
imports pandas on its first array made from Python objects (about 0.3 s of CPU at the
start of every ``dyadwatch code``).
``load_event_dataset`` brings a Parquet event dataset (as written by the Ray engine) into
a database; event ids are stable, so loading the same dataset twice adds nothing. A
dataset written before schema 6 has no ``confidence`` and ``dyadic`` columns: its events
are read as migration 5 → 6 reads stored rows (confidence null, dyadic from the codes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from dyadwatch.errors import DatasetError
from dyadwatch.model import Event, Failure
from dyadwatch.store import db
from dyadwatch.store.db import EVENT_COLUMNS, CodedArticle
from dyadwatch.store.schema import DYADIC_FROM_CODES

if TYPE_CHECKING:
    import pyarrow as pa

ARTICLE_COLUMNS = ("article_id", "text_sha1", "published", "url", "title", "publisher",
                   "origin", "n_chars", "n_sentences", "n_events", "status", "duplicate_of",
                   "run_id", "text", "dictionary_version", "coding_key")
# the SQL type each column's values are bound as; VARCHAR when not listed (the types of
# export.PARQUET_SCHEMA, the Parquet datasets' columns)
_SQL_TYPES = {"published": "DATE", "date": "DATE", "n_chars": "INTEGER",
              "n_sentences": "INTEGER", "n_events": "INTEGER", "run_id": "INTEGER",
              "goldstein": "DOUBLE", "quad_class": "TINYINT", "sentence_index": "INTEGER",
              "trigger_start": "INTEGER", "negated": "BOOLEAN", "location_lat": "DOUBLE",
              "location_lon": "DOUBLE", "confidence": "DOUBLE", "dyadic": "BOOLEAN"}
_EVENT_LIST = ", ".join(EVENT_COLUMNS)
_DATASET = "read_parquet(?, hive_partitioning = true, union_by_name = true)"
# event columns added after the first datasets were written, and what they read as there
LATER_COLUMNS = {"confidence": "NULL::DOUBLE", "dyadic": DYADIC_FROM_CODES}


def event_table(events: Sequence[Event]) -> pa.Table:
    """Events as an Arrow table with the events-table columns (PARQUET_SCHEMA)."""
    import pyarrow as pa

    from dyadwatch.store.export import PARQUET_SCHEMA

    return pa.Table.from_pydict(event_columns(events), schema=PARQUET_SCHEMA)


def event_columns(events: Sequence[Event]) -> dict[str, list[Any]]:
    """The events-table columns of ``events``, each a list of values (dates as dates)."""
    columns: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
    for event in events:
        for name, value in zip(EVENT_COLUMNS, db.event_row(event), strict=True):
            columns[name].append(value)
    columns["date"] = [_to_date(value) for value in columns["date"]]
    return columns


def _to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def article_columns(coded: Sequence[CodedArticle], run_id: int) -> dict[str, list[Any]]:
    """The articles-table columns of a batch (ARTICLE_COLUMNS), each a list of values."""
    rows = [_article_row(item, run_id) for item in coded]
    return {name: [row[name] for row in rows] for name in ARTICLE_COLUMNS}


def _article_row(item: CodedArticle, run_id: int) -> dict[str, Any]:
    art = item.article
    return {"article_id": art.id, "text_sha1": item.text_sha1,
            "published": _to_date(art.published), "url": art.url, "title": art.title,
            "publisher": art.publisher, "origin": art.origin, "n_chars": len(art.text),
            "n_sentences": item.n_sentences, "n_events": len(item.events),
            "status": item.status, "duplicate_of": item.duplicate_of, "run_id": run_id,
            "text": art.text, "dictionary_version": item.dictionary_version,
            "coding_key": item.coding_key}


def write_batch_bulk(conn: duckdb.DuckDBPyConnection, run_id: int,
                     coded: Sequence[CodedArticle], failures: Sequence[Failure]) -> int:
    """Write a batch in one transaction, one statement per table; returns new events.

    An article id seen twice in the batch keeps its last version, as with
    ``db.write_batch``. Any error (or an interrupt) rolls the whole batch back.
    """
    latest = list({item.article.id: item for item in coded}.values())
    events = list({e.event_id: e for item in latest for e in item.events}.values())
    with db.transaction(conn):
        before = db.count_events(conn)
        _replace_articles(conn, run_id, latest, events)
        db.insert_failures(conn, run_id, failures)
        after = db.count_events(conn)
    return after - before


def _replace_articles(conn: duckdb.DuckDBPyConnection, run_id: int,
                      coded: Sequence[CodedArticle], events: Sequence[Event]) -> None:
    if not coded:
        return
    ids = [item.article.id for item in coded]
    conn.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    conn.execute("DELETE FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                 [ids])
    _insert_columns(conn, "articles", article_columns(coded, run_id), ())
    if events:
        _insert_columns(conn, "events", event_columns(events), (run_id,))


def _insert_columns(conn: duckdb.DuckDBPyConnection, table: str,
                    columns: dict[str, list[Any]], extra: tuple[int, ...]) -> None:
    """INSERT OR REPLACE the rows of ``columns`` (equal lists, bound as SQL lists and
    unnested side by side) into ``table`` (``extra``: trailing run_id)."""
    names = ", ".join(columns) + (", run_id" if extra else "")
    values = ", ".join(f"unnest(?::{_SQL_TYPES.get(name, 'VARCHAR')}[])" for name in columns)
    conn.execute(f"INSERT OR REPLACE INTO {table} ({names}) SELECT {values}"
                 + (", ?::INTEGER" if extra else ""), [*columns.values(), *extra])


def run_article_sha1(conn: duckdb.DuckDBPyConnection, run_id: int,
                     ids: Iterable[str]) -> dict[str, str]:
    """article_id → text_sha1 of the given ids that run ``run_id`` has already stored."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    rows = conn.execute(
        "SELECT article_id, text_sha1 FROM articles WHERE run_id = ? AND article_id IN "
        "(SELECT unnest(?::VARCHAR[]))", [run_id, wanted],
    ).fetchall()
    return {str(a): str(s) for a, s in rows}


def dataset_glob(directory: str | Path) -> str:
    """The glob DuckDB reads a hive-partitioned event dataset with."""
    return str(Path(directory) / "**" / "*.parquet")


def load_event_dataset(conn: duckdb.DuckDBPyConnection, directory: str | Path,
                       run_id: int) -> int:
    """Load the dataset under ``directory``; returns how many of its event ids are new.

    One transaction. The events of every article in the dataset replace that article's
    stored events (an article coded again with other knowledge leaves no older copy); an
    event id found twice in the dataset is loaded once.
    """
    glob = dataset_glob(directory)
    columns = event_select(dataset_columns(conn, directory), str(directory))
    source = f"SELECT DISTINCT ON (event_id) {columns} FROM {_DATASET} ORDER BY event_id"
    with db.transaction(conn):
        row = conn.execute(f"SELECT count(DISTINCT event_id) FROM {_DATASET} WHERE event_id "
                           "NOT IN (SELECT event_id FROM events)", [glob]).fetchone()
        conn.execute(f"DELETE FROM events WHERE article_id IN (SELECT DISTINCT article_id "
                     f"FROM {_DATASET})", [glob])
        conn.execute(f"INSERT OR REPLACE INTO events ({_EVENT_LIST}, run_id) "
                     f"SELECT *, ?::INTEGER FROM ({source})", [run_id, glob])
    return int(row[0]) if row else 0


def dataset_columns(conn: duckdb.DuckDBPyConnection, directory: str | Path) -> set[str]:
    """The columns of the dataset's files (all files together); E407 when unreadable."""
    try:
        cursor = conn.execute(f"SELECT * FROM {_DATASET} LIMIT 0", [dataset_glob(directory)])
    except duckdb.Error as e:
        raise DatasetError(path=str(directory), detail=f"cannot read the Parquet files ({e})"
                           ) from e
    return {str(column[0]) for column in cursor.description or ()}


def event_select(columns: set[str], path: str) -> str:
    """The select list of the events columns from a dataset with ``columns``: a column of
    LATER_COLUMNS it lacks reads as its default, a ``dyadic`` that some of its files lack
    (null there) comes from the codes; any other missing column is an E407."""
    missing = [name for name in EVENT_COLUMNS if name not in columns | LATER_COLUMNS.keys()]
    if missing:
        raise DatasetError(path=path, detail=(
            f"not a dyadwatch event dataset: no column {', '.join(missing)}"))
    parts = [name if name in columns else f"{LATER_COLUMNS[name]} AS {name}"
             for name in EVENT_COLUMNS]
    if "dyadic" in columns:
        parts[EVENT_COLUMNS.index("dyadic")] = f"coalesce(dyadic, {DYADIC_FROM_CODES}) AS dyadic"
    return ", ".join(parts)


def count_dataset_events(directory: str | Path) -> int:
    """Rows in the event dataset under ``directory`` (0 when it holds no Parquet file)."""
    if not any(Path(directory).rglob("*.parquet")):
        return 0
    with duckdb.connect() as conn:
        try:
            row = conn.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                               [dataset_glob(directory)]).fetchone()
        except duckdb.Error as e:
            raise DatasetError(path=str(directory),
                               detail=f"cannot read the Parquet files ({e})") from e
    return int(row[0]) if row else 0
