"""Reads behind the alerts: dyad events and articles coded per period, as known on a date.

Only articles published on or before ``as_of`` count (an alert for a past date sees what
was known then); undated articles are left out of the counts. Events are read as every
dyad analysis reads them: dyadic events only, through the filters of the shared query
builder (:class:`dyadwatch.store.queries.EventQuery`: dates, ``--min-confidence``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from dyadwatch.store.queries import DateWindow, Filters, filter_clause

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

By = Literal["country", "actor"]
ALERT_EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "date", "actor_a", "actor_b", "direction", "source", "target",
    "cameo", "quad_class", "goldstein", "sentence", "url", "publisher", "title",
)


def _dyad_condition(by: By, filters: Filters, params: list[Any]) -> tuple[str, str, str]:
    """(source column, target column, condition): dated dyadic events between two
    different actors that pass ``filters``; appends the filters' values to ``params``."""
    src, tgt = (("e.source_country", "e.target_country") if by == "country"
                else ("e.source", "e.target"))
    condition = (f"e.date IS NOT NULL AND {src} IS NOT NULL AND {tgt} IS NOT NULL "
                 f"AND {src} <> {tgt} AND e.dyadic{filter_clause(filters, params)}")
    return src, tgt, condition


def alert_events(conn: duckdb.DuckDBPyConnection, filters: Filters, as_of: str,
                 by: By = "country") -> pd.DataFrame:
    """Dated dyadic events between two different actors that pass ``filters`` (its window
    gives the dates) and whose article was published by ``as_of``; ``actor_a`` is the
    alphabetically first side and ``direction`` is "AB" when it is the source."""
    import pandas as pd

    params: list[Any] = []
    src, tgt, condition = _dyad_condition(by, filters, params)
    sql = (
        f"SELECT e.event_id, e.article_id, e.date, least({src}, {tgt}) AS actor_a, "
        f"greatest({src}, {tgt}) AS actor_b, "
        f"CASE WHEN {src} < {tgt} THEN 'AB' ELSE 'BA' END AS direction, e.source, e.target, "
        "e.cameo, e.quad_class, e.goldstein, e.sentence, a.url, a.publisher, a.title "
        "FROM events e JOIN articles a ON a.article_id = e.article_id "
        f"WHERE {condition} AND a.published IS NOT NULL AND a.published <= CAST(? AS DATE) "
        "ORDER BY e.date, e.article_id, e.sentence_index, e.trigger_start, e.event_id"
    )
    frame = conn.execute(sql, [*params, as_of]).df()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame[list(ALERT_EVENT_COLUMNS)]


def first_event_dates(conn: duckdb.DuckDBPyConnection, as_of: str, by: By = "country",
                      filters: Filters | None = None) -> pd.DataFrame:
    """actor_a, actor_b → the date of their first dated dyadic event that passes
    ``filters`` (any article up to as_of)."""
    import pandas as pd

    params: list[Any] = []
    src, tgt, condition = _dyad_condition(by, filters or DateWindow(), params)
    sql = (
        f"SELECT least({src}, {tgt}) AS actor_a, greatest({src}, {tgt}) AS actor_b, "
        "min(e.date) AS first_date FROM events e JOIN articles a ON a.article_id = e.article_id "
        f"WHERE {condition} "
        "AND a.published IS NOT NULL AND a.published <= CAST(? AS DATE) GROUP BY ALL"
    )
    frame = conn.execute(sql, [*params, as_of]).df()
    frame["first_date"] = pd.to_datetime(frame["first_date"])
    return frame


def articles_by_day(conn: duckdb.DuckDBPyConnection, since: str, as_of: str) -> pd.DataFrame:
    """date → number of articles coded with that publication date."""
    import pandas as pd

    frame = conn.execute(
        "SELECT published AS date, count(*) AS articles FROM articles WHERE status = 'coded' "
        "AND published BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) GROUP BY 1 ORDER BY 1",
        [since, as_of]).df()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def latest_article_date(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The latest publication date of a coded article (the default --as-of)."""
    row = conn.execute("SELECT max(published) FROM articles WHERE status = 'coded'").fetchone()
    return row[0].isoformat() if row and row[0] is not None else None
