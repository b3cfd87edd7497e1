"""Read-only access to an event database without pandas: the actor and window checks and
the event query that :class:`dyadwatch.api_python.EventDB` builds its analyses on, and
what ``dyadwatch events``, ``dyads``, ``timeline`` and ``series`` read through (importing pandas and
the analyses would take most of those commands' start-up)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from dyadwatch.analysis.dyad_ranking import rank_dyad_records
from dyadwatch.analysis.periods import Freq, series_records
from dyadwatch.analysis.timeline import timeline_records
from dyadwatch.errors import DatabaseNotFoundError, NoDyadEventsError
from dyadwatch.model import Event
from dyadwatch.store import queries
from dyadwatch.store.db import open_db
from dyadwatch.store.queries import ActorPattern, DateWindow

if TYPE_CHECKING:
    import duckdb

_Reader = TypeVar("_Reader", bound="EventReader")


@dataclass(frozen=True, slots=True)
class Dyad:
    """Two parsed actor patterns and a date window."""

    a: ActorPattern
    b: ActorPattern
    window: DateWindow

    @property
    def labels(self) -> tuple[str, str]:
        return self.a.label, self.b.label


class EventReader:
    """Read-only access to an event database: the checked queries, streamed as Event
    records. ``min_confidence`` applies to every query made through it (E350 when it is
    not a number from 0 to 1)."""

    def __init__(self, path: str | Path, min_confidence: float | None = None) -> None:
        self.min_confidence = queries.check_confidence(min_confidence)
        self.path = Path(path)
        if not self.path.is_file():
            raise DatabaseNotFoundError(path=str(path))
        self.conn: duckdb.DuckDBPyConnection = open_db(self.path, read_only=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self: _Reader) -> _Reader:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ---- helpers ----------------------------------------------------------------------

    def dyad(self, a: str, b: str, since: str | None = None, until: str | None = None) -> Dyad:
        """Parse two actor patterns and a window; E701/E704 when malformed, E708 when an
        actor matches no stored event."""
        first, second = queries.parse_actor(a), queries.parse_actor(b)
        window = queries.check_window(since, until, self.min_confidence)
        return Dyad(self.known(first), self.known(second), window)

    def known(self, pattern: ActorPattern) -> ActorPattern:
        """``pattern`` when some event has it as source or target, else E708."""
        return queries.require_actor(self.conn, pattern, str(self.path))

    def query(self, source: str | None = None, target: str | None = None,
              since: str | None = None, until: str | None = None,
              **filters: Any) -> queries.EventQuery:
        """The one event query (see store.queries.EventQuery) from user text, with both
        actors checked: E701/E704 when malformed, E708 when unknown."""
        return self.checked(queries.event_query(source, target, since, until, **filters))

    def window(self, since: str | None = None, until: str | None = None) -> DateWindow:
        """A checked window with this database's least confidence."""
        return queries.check_window(since, until, self.min_confidence)

    def checked(self, query: queries.EventQuery) -> queries.EventQuery:
        """``query`` when each of its actor patterns matches some event, else E708; with
        this database's least confidence when the query sets none."""
        for pattern in (query.source, query.target):
            if pattern is not None:
                self.known(pattern)
        if query.window.min_confidence is None and self.min_confidence is not None:
            query = replace(query, window=replace(query.window,
                                                  min_confidence=self.min_confidence))
        return query

    def iter_events(self, query: queries.EventQuery) -> Iterator[Event]:
        """The events matching ``query`` as Event records, streamed."""
        return queries.iter_events(self.conn, query)

    def no_events(self, dyad: Dyad) -> NoDyadEventsError:
        """E702: the dyad has no events in its window."""
        return NoDyadEventsError(a=dyad.a.label, b=dyad.b.label,
                                 window=dyad.window.describe(), path=str(self.path))

    def timeline_records(self, a: str, b: str, since: str | None = None,
                         until: str | None = None) -> list[dict[str, Any]]:
        """The rows of EventDB.timeline as records (dates as ``date``, missing values None);
        E702 when the dyad has no events."""
        dyad = self.dyad(a, b, since, until)
        events = queries.dyad_event_records(self.conn, dyad.a, dyad.b, dyad.window)
        if not events:
            raise self.no_events(dyad)
        return timeline_records(events, dyad.labels)

    def series_records(self, a: str, b: str, freq: Freq = "week", since: str | None = None,
                       until: str | None = None) -> list[dict[str, Any]]:
        """The rows of EventDB.series as records (``goldstein_mean`` None where pandas has
        NaN); E702 when the dyad has no dated events."""
        dyad = self.dyad(a, b, since, until)
        events = queries.dyad_series_rows(self.conn, dyad.a, dyad.b, dyad.window)
        if not events:
            raise self.no_events(dyad)
        return series_records(events, freq, dyad.window.since, dyad.window.until)

    def dyad_records(self, since: str | None = None, until: str | None = None, top: int = 20,
                     by: Literal["code", "country"] = "code") -> list[dict[str, Any]]:
        """The rows of EventDB.dyads as records (a mean without scored events None)."""
        counts = queries.directed_count_rows(self.conn, self.window(since, until), by)
        return rank_dyad_records(counts, top)
