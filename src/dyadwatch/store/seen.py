"""What the database already holds, for watching and de-duplication (read-only queries)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import duckdb

from dyadwatch.store.db import known_articles

# Failure codes that mean "read, judged and deliberately not coded": not retried.
SETTLED_CODES: tuple[str, ...] = ("E209", "E210")
_FETCH_ROWS = 1000


def stored_sha1(conn: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, str]:
    """article_id → text_sha1 for the given ids that are stored."""
    return known_articles(conn, ids)


def settled_ids(conn: duckdb.DuckDBPyConnection, ids: Iterable[str],
                codes: Iterable[str] = SETTLED_CODES) -> set[str]:
    """The given article ids that earlier runs recorded as skipped on purpose."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return set()
    rows = conn.execute(
        "SELECT DISTINCT article_id FROM failures WHERE article_id IN "
        "(SELECT unnest(?::VARCHAR[])) AND code IN (SELECT unnest(?::VARCHAR[]))",
        [wanted, list(codes)],
    ).fetchall()
    return {str(row[0]) for row in rows}


def article_texts(conn: duckdb.DuckDBPyConnection) -> Iterator[tuple[str, str]]:
    """(article_id, text) of every stored article that is not a duplicate, oldest run first."""
    cursor = conn.execute(
        "SELECT article_id, text FROM articles "
        "WHERE text IS NOT NULL AND coalesce(status, '') <> 'duplicate' "
        "ORDER BY run_id NULLS FIRST, article_id"
    )
    while rows := cursor.fetchmany(_FETCH_ROWS):
        for article_id, text in rows:
            yield str(article_id), str(text)


class DbSeen:
    """The watch's view of one open database (``ingest.watch.SeenStore``)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self.conn = conn

    def stored_sha1(self, ids: Sequence[str]) -> dict[str, str]:
        return stored_sha1(self.conn, ids)

    def settled_ids(self, ids: Sequence[str]) -> set[str]:
        return settled_ids(self.conn, ids)

    def article_texts(self) -> Iterable[tuple[str, str]]:
        return article_texts(self.conn)
