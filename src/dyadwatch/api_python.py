"""Python API for notebooks: ``dyadwatch.open(db)`` → :class:`EventDB`.

Every method returns a pandas DataFrame (``report`` returns the path it wrote). See
docs/python.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb
import pandas as pd

from dyadwatch.analysis import escalation as esc
from dyadwatch.analysis import reciprocity as rec
from dyadwatch.analysis.dyads import rank_dyads
from dyadwatch.analysis.series import FREQ_CODES, Freq, build_series, combined
from dyadwatch.analysis.timeline import build_timeline, sources
from dyadwatch.errors import DatabaseNotFoundError, NoDyadEventsError, SeriesTooShortError
from dyadwatch.store import queries
from dyadwatch.store.db import open_db
from dyadwatch.store.queries import ActorPattern, DateWindow

Direction = Literal["both", "AB", "BA"]


@dataclass(frozen=True, slots=True)
class Dyad:
    """Two parsed actor patterns and a date window."""

    a: ActorPattern
    b: ActorPattern
    window: DateWindow

    @property
    def labels(self) -> tuple[str, str]:
        return self.a.label, self.b.label


@dataclass(frozen=True, slots=True)
class EscalationResult:
    episodes: list[esc.Episode]
    series: pd.DataFrame
    signal: pd.Series


def open(db: str | Path = "dyadwatch.duckdb") -> EventDB:  # noqa: A001
    """Open an event database read-only for analysis."""
    return EventDB(db)


class EventDB:
    """Read-only access to an event database with the dyad analyses on top."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise DatabaseNotFoundError(path=str(path))
        self.conn: duckdb.DuckDBPyConnection = open_db(self.path, read_only=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> EventDB:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ---- helpers ----------------------------------------------------------------------

    def dyad(self, a: str, b: str, since: str | None = None, until: str | None = None) -> Dyad:
        return Dyad(queries.parse_actor(a), queries.parse_actor(b),
                    queries.check_window(since, until))

    def dyad_events(self, dyad: Dyad) -> pd.DataFrame:
        """The dyad's events in both directions; E702 (NoDyadEventsError) when there are none."""
        frame = queries.dyad_events(self.conn, dyad.a, dyad.b, dyad.window)
        if frame.empty:
            raise NoDyadEventsError(a=dyad.a.label, b=dyad.b.label,
                                    window=dyad.window.describe(), path=str(self.path))
        return frame

    def _series(self, dyad: Dyad, freq: Freq) -> pd.DataFrame:
        events = queries.dyad_series_events(self.conn, dyad.a, dyad.b, dyad.window)
        if events.empty:
            raise NoDyadEventsError(a=dyad.a.label, b=dyad.b.label,
                                    window=dyad.window.describe(), path=str(self.path))
        return build_series(events, freq, dyad.window.since, dyad.window.until)

    # ---- public API -------------------------------------------------------------------

    def events(self, source: str | None = None, target: str | None = None,
               since: str | None = None, until: str | None = None,
               article_id: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Events as a DataFrame; source/target take actor patterns ("TUR", "TUR*", "=TURGOV")."""
        return queries.events_frame(
            self.conn,
            queries.parse_actor(source) if source else None,
            queries.parse_actor(target) if target else None,
            queries.check_window(since, until), article_id, limit,
        )

    def dyads(self, since: str | None = None, until: str | None = None, top: int = 20,
              by: Literal["code", "country"] = "code") -> pd.DataFrame:
        """The ``top`` most active unordered dyads with counts by quad class."""
        counts = queries.directed_counts(self.conn, queries.check_window(since, until), by)
        return rank_dyads(counts, top)

    def series(self, a: str, b: str, freq: Freq = "week", since: str | None = None,
               until: str | None = None) -> pd.DataFrame:
        """Per-period counts by quad class and Goldstein sum/mean, both directions."""
        return self._series(self.dyad(a, b, since, until), freq)

    def escalation_result(self, a: str, b: str, freq: Freq = "week",
                          since: str | None = None, until: str | None = None,
                          direction: Direction = "both", beta: float = esc.DEFAULT_BETA,
                          min_size: int = esc.DEFAULT_MIN_SIZE, min_change: float = 0.0,
                          drivers: int = 3, measure: str = "sum") -> EscalationResult:
        """Episodes with their driving events, plus the series and signal they came from.

        ``measure`` is the per-period signal segmented: "sum" (net Goldstein of the period,
        0 for a quiet one, so a burst of conflict events shows as an escalation) or "mean"
        (mean Goldstein of the period's events; quiet periods are left out).
        """
        dyad = self.dyad(a, b, since, until)
        series = self._series(dyad, freq)
        table = combined(series, direction)
        signal = table["goldstein_sum"] if measure == "sum" else table["goldstein_mean"]
        active = int((table["goldstein_n"] > 0).sum())  # periods that have events
        if active < 2 * min_size:
            raise SeriesTooShortError(what="Escalation", needed=2 * min_size, found=active,
                                      freq=freq)
        ends = _period_ends(signal.index, freq)
        episodes = esc.find_episodes(signal, beta, min_size, min_change, ends)
        events = self.dyad_events(dyad)
        if direction != "both":
            events = events[events["direction"] == direction]
        return EscalationResult(esc.attach_drivers(episodes, events, drivers), series, signal)

    def escalation(self, a: str, b: str, freq: Freq = "week", since: str | None = None,
                   until: str | None = None, **options: Any) -> pd.DataFrame:
        """Escalation / de-escalation episodes as a DataFrame (see escalation_result)."""
        result = self.escalation_result(a, b, freq, since, until, **options)
        return esc.episodes_frame(result.episodes)

    def reciprocity_results(self, a: str, b: str, freq: Freq = "week",
                            since: str | None = None, until: str | None = None,
                            max_lag: int = rec.DEFAULT_MAX_LAG,
                            permutations: int = rec.DEFAULT_PERMUTATIONS,
                            seed: int = 0) -> list[rec.Reciprocity]:
        """Reciprocity both ways on the conflict, cooperation and net Goldstein channels."""
        dyad = self.dyad(a, b, since, until)
        series = self._series(dyad, freq)
        periods = int(series["period"].nunique())
        if not rec.enough_periods(periods, max_lag):
            raise SeriesTooShortError(what=f"Reciprocity with --max-lag {max_lag}",
                                      needed=max_lag + 4 + rec.MIN_OVERLAP, found=periods,
                                      freq=freq)
        return rec.dyad_reciprocity(series, dyad.labels, max_lag, permutations, seed)

    def reciprocity(self, a: str, b: str, freq: Freq = "week", since: str | None = None,
                    until: str | None = None, **options: Any) -> pd.DataFrame:
        """Reciprocity as a DataFrame (see reciprocity_results)."""
        return rec.reciprocity_frame(self.reciprocity_results(a, b, freq, since, until,
                                                              **options))

    def timeline(self, a: str, b: str, since: str | None = None,
                 until: str | None = None) -> pd.DataFrame:
        """The dyad's events in date order with evidence sentence and source."""
        dyad = self.dyad(a, b, since, until)
        return build_timeline(self.dyad_events(dyad), dyad.labels)

    def sources(self, a: str, b: str, since: str | None = None,
                until: str | None = None) -> pd.DataFrame:
        """The articles behind the dyad's events."""
        return sources(self.dyad_events(self.dyad(a, b, since, until)))

    def report(self, a: str, b: str, path: str | Path, freq: Freq = "week",
               since: str | None = None, until: str | None = None, **options: Any) -> Path:
        """Write the self-contained HTML crisis report for the dyad to ``path``."""
        from dyadwatch.report import build_report

        html = build_report(self, a, b, freq, since, until, **options)
        target = Path(path)
        target.write_text(html, encoding="utf-8")
        return target


def _period_ends(index: pd.Index, freq: Freq) -> pd.Series:
    periods = pd.DatetimeIndex(index).to_period(FREQ_CODES[freq])
    return pd.Series(periods.end_time.normalize(), index=index)
