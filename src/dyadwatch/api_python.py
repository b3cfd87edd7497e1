"""Python API for notebooks: ``dyadwatch.open(db)`` → :class:`EventDB`.

Every method returns a pandas DataFrame (``report`` returns the path it wrote). See
docs/python.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from dyadwatch.analysis import escalation as esc
from dyadwatch.analysis import reciprocity as rec
from dyadwatch.analysis.choice import (
    Coverage,
    FreqChoice,
    FreqOption,
    choose_freq,
    escalation_needs,
)
from dyadwatch.analysis.choice import reciprocity_needs as rec_needs
from dyadwatch.analysis.dyads import rank_dyads
from dyadwatch.analysis.series import FREQ_CODES, Freq, build_series, combined
from dyadwatch.analysis.timeline import build_timeline, sources
from dyadwatch.event_reader import Dyad, EventReader
from dyadwatch.store import queries

Direction = Literal["both", "AB", "BA"]


@dataclass(frozen=True, slots=True)
class EscalationResult:
    episodes: list[esc.Episode]
    series: pd.DataFrame
    signal: pd.Series
    choice: FreqChoice  # the period used and why
    penalty: esc.Penalty  # the PELT penalty used and where it came from


def open(db: str | Path | None = None,  # noqa: A001
         min_confidence: float | None = None) -> EventDB:
    """Open an event database read-only for analysis: ``db``, else the setting store.db
    (defaults.toml, a DYADWATCH_STORE__DB variable), as the command line does.
    ``min_confidence`` (0-1) leaves out every event less sure than that (docs/events.md)."""
    if db is None:
        from dyadwatch.config import load_config

        db = load_config().store.db
    return EventDB(db, min_confidence)


class EventDB(EventReader):
    """Read-only access to an event database with the dyad analyses on top.

    ``min_confidence`` applies to every query and analysis made through it (E350 when it
    is not a number from 0 to 1); dyad analyses read dyadic events only. The queries that
    need no pandas are those of :class:`~dyadwatch.event_reader.EventReader`."""

    def dyad_events(self, dyad: Dyad) -> pd.DataFrame:
        """The dyad's events in both directions; E702 (NoDyadEventsError) when there are none."""
        frame = queries.dyad_events(self.conn, dyad.a, dyad.b, dyad.window)
        if frame.empty:
            raise self.no_events(dyad)
        return frame

    def _dated(self, dyad: Dyad) -> pd.DataFrame:
        """The dyad's dated events (date, direction, quad_class, goldstein); E702 when none."""
        events = queries.dyad_series_events(self.conn, dyad.a, dyad.b, dyad.window)
        if events.empty:
            raise self.no_events(dyad)
        return events

    def _series(self, dyad: Dyad, freq: Freq) -> pd.DataFrame:
        return build_series(self._dated(dyad), freq, dyad.window.since, dyad.window.until)

    # ---- public API -------------------------------------------------------------------

    def events(self, source: str | None = None, target: str | None = None,
               since: str | None = None, until: str | None = None,
               article_id: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Events as a DataFrame; source/target are actor patterns ("USA" the country,
        "USAGOV" exactly that code, "USA*" codes starting with USA)."""
        query = self.query(source, target, since, until, article_id=article_id, limit=limit)
        return queries.events_frame(self.conn, query)

    def dyads(self, since: str | None = None, until: str | None = None, top: int = 20,
              by: Literal["code", "country"] = "code") -> pd.DataFrame:
        """The ``top`` most active unordered dyads with counts by quad class."""
        counts = queries.directed_counts(self.conn, self.window(since, until), by)
        return rank_dyads(counts, top)

    def series(self, a: str, b: str, freq: Freq = "week", since: str | None = None,
               until: str | None = None) -> pd.DataFrame:
        """Per-period counts by quad class and Goldstein sum/mean, both directions."""
        return self._series(self.dyad(a, b, since, until), freq)

    def escalation_result(self, a: str, b: str, freq: FreqOption = "auto",
                          since: str | None = None, until: str | None = None,
                          direction: Direction = "both", beta: float = esc.DEFAULT_BETA,
                          min_size: int = esc.DEFAULT_MIN_SIZE, min_change: float = 0.0,
                          drivers: int = 3, measure: str = "sum") -> EscalationResult:
        """Episodes with their driving events, plus the series and signal they came from.

        ``freq`` "auto" takes the coarsest period with enough periods (analysis.choice);
        the result says which one and the penalty used. ``measure`` is the per-period
        signal segmented: "sum" (net Goldstein of the period, 0 for a quiet one, so a
        burst of conflict events shows as an escalation) or "mean" (mean Goldstein of the
        period's events; quiet periods are left out).
        """
        dyad = self.dyad(a, b, since, until)
        dated = self._dated(dyad)
        chosen_rows = dated if direction == "both" else dated[dated["direction"] == direction]
        choice = choose_freq(chosen_rows["date"], freq, escalation_needs(min_size),
                             since, until)
        series = build_series(dated, choice.freq, since, until)
        table = combined(series, direction)
        signal = table["goldstein_sum"] if measure == "sum" else table["goldstein_mean"]
        used = esc.penalty_of(signal.dropna().to_numpy(dtype="float64"), beta)
        ends = _period_ends(signal.index, choice.freq)
        episodes = esc.find_episodes(signal, beta, min_size, min_change, ends)
        events = self.dyad_events(dyad)
        if direction != "both":
            events = events[events["direction"] == direction]
        return EscalationResult(esc.attach_drivers(episodes, events, drivers), series, signal,
                                choice, used)

    def escalation(self, a: str, b: str, freq: FreqOption = "auto", since: str | None = None,
                   until: str | None = None, **options: Any) -> pd.DataFrame:
        """Escalation / de-escalation episodes as a DataFrame (see escalation_result)."""
        result = self.escalation_result(a, b, freq, since, until, **options)
        return esc.episodes_frame(result.episodes)

    def reciprocity_choice(self, a: str, b: str, freq: FreqOption = "auto",
                           since: str | None = None, until: str | None = None,
                           max_lag: int = rec.DEFAULT_MAX_LAG, **options: Any
                           ) -> tuple[list[rec.Reciprocity], FreqChoice]:
        """Reciprocity both ways on the conflict, cooperation and net Goldstein channels,
        with the period it was measured at (``freq`` "auto": the coarsest long enough)."""
        dyad = self.dyad(a, b, since, until)
        dated = self._dated(dyad)
        need = rec_needs(max_lag, rec.MIN_OVERLAP)
        choice = choose_freq(dated["date"], freq, need, since, until,
                             smaller=lambda cov: _smaller_lag(cov, max_lag))
        series = build_series(dated, choice.freq, since, until)
        found = rec.dyad_reciprocity(series, dyad.labels, max_lag, **options)
        return found, choice

    def reciprocity_results(self, a: str, b: str, freq: FreqOption = "auto",
                            since: str | None = None, until: str | None = None,
                            max_lag: int = rec.DEFAULT_MAX_LAG,
                            permutations: int = rec.DEFAULT_PERMUTATIONS,
                            seed: int = 0) -> list[rec.Reciprocity]:
        """Reciprocity both ways on the conflict, cooperation and net Goldstein channels."""
        return self.reciprocity_choice(a, b, freq, since, until, max_lag,
                                       permutations=permutations, seed=seed)[0]

    def reciprocity(self, a: str, b: str, freq: FreqOption = "auto", since: str | None = None,
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


def _smaller_lag(cov: Coverage, max_lag: int) -> str:
    """"--max-lag K" when a smaller lag (K >= 0) would fit ``cov``'s periods, else ""."""
    fits = cov.periods - 4 - rec.MIN_OVERLAP
    return f"--max-lag {fits}" if 0 <= fits < max_lag else ""


def _period_ends(index: pd.Index, freq: Freq) -> pd.Series:
    periods = pd.DatetimeIndex(index).to_period(FREQ_CODES[freq])
    return pd.Series(periods.end_time.normalize(), index=index)
