"""What each endpoint answers, as plain functions over an open :class:`EventDB`.

Routes parse the request and call one function here; these call ``store.queries`` and
``analysis``. Every function returns a JSON-ready dict.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote

import numpy as np
import pandas as pd

from dyadwatch.analysis import escalation as esc
from dyadwatch.analysis.network import build_network
from dyadwatch.analysis.reciprocity import CHANNELS, cross_correlation
from dyadwatch.analysis.series import Freq
from dyadwatch.api.errors import AnalysisTooCostlyError, ArticleNotFoundError
from dyadwatch.api.serialize import clean, records
from dyadwatch.api_python import Direction, EventDB
from dyadwatch.kb.actors import ActorEntry, load_actor_dictionary
from dyadwatch.store import queries
from dyadwatch.store.db import event_from_row
from dyadwatch.store.snapshot import Snapshot, SnapshotSource, time_limit

ARTICLE_EVENTS_LIMIT = 5000
EXPORT_LIMIT = 100_000  # events in one download of a dashboard view
RECIPROCITY_RUNS = 2 * len(CHANNELS)  # both directions, every channel
TIMING_SAMPLES = 20  # permutations timed to foresee a reciprocity query's duration


@contextmanager
def reading(source: SnapshotSource, seconds: float) -> Iterator[EventDB]:
    """An EventDB over the current snapshot whose queries stop after ``seconds``."""
    with source.acquire() as snapshot:
        db = EventDB(snapshot.path)
        try:
            with time_limit(db.conn, seconds):
                yield db
        finally:
            db.close()


# ---- parameters ---------------------------------------------------------------------


def known_actor(db: EventDB, text: str) -> queries.ActorPattern:
    """Parse an actor pattern and check that some event has it: E708 (404) as in every
    command, with the service's own next step instead of a command line."""
    pattern = queries.parse_actor(text)
    hint = quote(pattern.value, safe="")
    return queries.require_actor(db.conn, pattern, "the database",
                                 next_step=f"Find codes with /api/actors?q={hint}.")


def _known_dyad(db: EventDB, a: str, b: str) -> None:
    known_actor(db, a)
    known_actor(db, b)


# ---- events, articles, runs ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventParams:
    source: str | None = None
    target: str | None = None
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    limit: int = 100
    offset: int = 0


def events(db: EventDB, params: EventParams) -> dict[str, Any]:
    """One page of events in the event-record form, with the total that match."""
    query = queries.EventQuery(
        source=known_actor(db, params.source) if params.source else None,
        target=known_actor(db, params.target) if params.target else None,
        window=db.window(params.since, params.until),
        article_id=params.article_id, cameo_root=params.cameo_root,
        quad_class=params.quad_class, limit=params.limit, offset=params.offset,
    )
    rows = queries.page_events(db.conn, query)
    return {"ok": True, "total": queries.count_matching(db.conn, query),
            "limit": params.limit, "offset": params.offset,
            "events": [clean(event_from_row(row).to_record()) for row in rows]}


def article(db: EventDB, article_id: str) -> dict[str, Any]:
    """The article with its text and every event coded from it."""
    record = queries.article_record(db.conn, article_id)
    if record is None:
        raise ArticleNotFoundError(article_id=article_id)
    query = queries.EventQuery(article_id=article_id, limit=ARTICLE_EVENTS_LIMIT)
    rows = queries.page_events(db.conn, query)
    return {"ok": True, "article": clean(record),
            "events": [clean(event_from_row(row).to_record()) for row in rows]}


def runs(db: EventDB, limit: int, offset: int) -> dict[str, Any]:
    return {"ok": True, "runs": clean(queries.recent_runs(db.conn, limit, offset))}


def summary(db: EventDB, snapshot: Snapshot | None, writer_active: bool) -> dict[str, Any]:
    """Database counts and which copy of the file they come from."""
    taken = snapshot.taken_at.isoformat() if snapshot else None
    return {"events": clean(queries.database_summary(db.conn)),
            "snapshot": {"generation": snapshot.generation if snapshot else None,
                         "taken_at": taken},
            "writer_active": writer_active}


# ---- dyads and the network ---------------------------------------------------------


def dyads(db: EventDB, since: str | None, until: str | None, top: int,
          by: Literal["code", "country"]) -> dict[str, Any]:
    return {"ok": True, "dyads": records(db.dyads(since, until, top, by))}


def network(db: EventDB, since: str | None, until: str | None, top: int,
            by: Literal["code", "country"]) -> dict[str, Any]:
    """Nodes and directed edges of the busiest actor pairs in the window."""
    counts = queries.directed_counts(db.conn, db.window(since, until), by)
    return {"ok": True, **clean(build_network(counts, top))}


# ---- one dyad ----------------------------------------------------------------------


def series(db: EventDB, a: str, b: str, freq: Freq, since: str | None,
           until: str | None) -> dict[str, Any]:
    _known_dyad(db, a, b)
    frame = db.series(a, b, freq, since, until)
    return {"ok": True, "a": a.upper(), "b": b.upper(), "freq": freq, "series": records(frame)}


@dataclass(frozen=True, slots=True)
class EscalationParams:
    freq: Freq = "week"
    since: str | None = None
    until: str | None = None
    direction: Direction = "both"
    beta: float = esc.DEFAULT_BETA
    min_change: float = 0.0
    drivers: int = 3


def escalation(db: EventDB, a: str, b: str, params: EscalationParams) -> dict[str, Any]:
    """Episodes with their driving events."""
    _known_dyad(db, a, b)
    result = db.escalation_result(a, b, params.freq, params.since, params.until,
                                  direction=params.direction, beta=params.beta,
                                  min_change=params.min_change, drivers=params.drivers)
    return {"ok": True, "a": a.upper(), "b": b.upper(), "freq": params.freq,
            "episodes": records(esc.episodes_frame(result.episodes))}


def reciprocity(db: EventDB, a: str, b: str, freq: Freq, since: str | None,
                until: str | None, max_lag: int, permutations: int,
                seed: int, limit: float = float("inf")) -> dict[str, Any]:
    """Reciprocity both ways; refused (E618) before it starts when it would take over
    ``limit`` seconds."""
    _known_dyad(db, a, b)
    periods = int(db.series(a, b, freq, since, until)["period"].nunique())
    check_reciprocity_cost(periods, max_lag, permutations, limit)
    frame = db.reciprocity(a, b, freq, since, until, max_lag=max_lag,
                           permutations=permutations, seed=seed)
    return {"ok": True, "a": a.upper(), "b": b.upper(), "freq": freq,
            "results": records(frame)}


def permutation_seconds(periods: int, max_lag: int, samples: int = TIMING_SAMPLES) -> float:
    """Measured seconds of one permutation of one reciprocity run over ``periods``."""
    rng = np.random.default_rng(0)
    x, y = rng.random(max(periods, 2)), rng.random(max(periods, 2))
    lag = min(max_lag, max(periods - 2, 0))
    start = time.perf_counter()
    for _ in range(samples):
        cross_correlation(x, rng.permutation(y), lag)
    return (time.perf_counter() - start) / samples


def check_reciprocity_cost(periods: int, max_lag: int, permutations: int,
                           limit: float) -> None:
    """E618 when the permutation tests would run past ``limit`` seconds (timed, not guessed)."""
    if permutations == 0 or limit == float("inf"):
        return
    each = RECIPROCITY_RUNS * permutation_seconds(periods, max_lag)
    if each * permutations > limit:
        raise AnalysisTooCostlyError(
            what=f"Reciprocity over {periods} periods with {permutations} permutations",
            seconds=each * permutations, limit=limit, permutations=int(limit / each))


@dataclass(frozen=True, slots=True)
class TimelineParams:
    since: str | None = None
    until: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None
    limit: int = 200
    offset: int = 0


def timeline_frame(db: EventDB, a: str, b: str, params: TimelineParams) -> pd.DataFrame:
    """The dyad's events in date order (undated last), narrowed to a CAMEO root or quad class."""
    _known_dyad(db, a, b)
    frame = db.timeline(a, b, params.since, params.until)
    return filter_timeline(frame, params.cameo_root, params.quad_class)


def filter_timeline(frame: pd.DataFrame, cameo_root: str | None,
                    quad_class: int | None) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if cameo_root:
        keep &= frame["cameo"].astype(str).str[:2] == cameo_root
    if quad_class:
        keep &= frame["quad_class"] == quad_class
    return frame[keep].reset_index(drop=True)


def timeline(db: EventDB, a: str, b: str, params: TimelineParams) -> dict[str, Any]:
    """A page of the dyad's events in date order, with evidence sentence and source."""
    frame = timeline_frame(db, a, b, params)
    page = frame.iloc[params.offset:params.offset + params.limit]
    return {"ok": True, "a": a.upper(), "b": b.upper(), "total": len(frame),
            "limit": params.limit, "offset": params.offset, "events": records(page)}


def timeline_download(db: EventDB, a: str, b: str, params: TimelineParams,
                      fmt: Literal["csv", "json"]) -> tuple[str, str]:
    """(body, file name) of every event of the view as CSV or a JSON array."""
    frame = timeline_frame(db, a, b, params).head(EXPORT_LIMIT)
    parts = [a, b, params.since or "", params.until or "",
             f"cameo{params.cameo_root}" if params.cameo_root else "",
             f"quad{params.quad_class}" if params.quad_class else ""]
    name = "-".join(_file_part(part) for part in ["dyadwatch", *parts] if part) + "." + fmt
    if fmt == "csv":
        return frame.to_csv(index=False), name
    return json.dumps(records(frame), ensure_ascii=False, indent=1) + "\n", name


def _file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "", text.replace("*", "x")) or "x"


# ---- actor search ------------------------------------------------------------------


def actors(db: EventDB, text: str, limit: int) -> dict[str, Any]:
    """Actors whose code or name matches ``text``: coded ones first, then the dictionary."""
    found = [{"code": code, "name": mention or "", "kind": "coded", "country": country,
              "events": n} for code, country, n, mention in
             queries.actor_codes(db.conn, text, limit)]
    listed = _dictionary_matches(text, limit)
    counts = queries.code_event_counts(db.conn, sorted({item["code"] for item in listed}))
    for item in listed:
        item["events"] = counts.get(str(item["code"]), 0)
    return {"ok": True, "actors": _merge(found, listed, limit)}


def _merge(found: list[dict[str, Any]], listed: list[dict[str, Any]],
           limit: int) -> list[dict[str, Any]]:
    named = {str(item["code"]): item for item in reversed(listed)}
    for item in found:
        entry = named.get(str(item["code"]))
        if entry is not None:
            item["name"], item["kind"] = entry["name"], entry["kind"]
    seen = {(item["code"], item["name"]) for item in found}
    extra = [item for item in listed if (item["code"], item["name"]) not in seen]
    extra.sort(key=lambda item: (-int(item["events"]), str(item["name"])))
    return (found + extra)[:limit]


def _dictionary_matches(text: str, limit: int) -> list[dict[str, Any]]:
    needle = text.strip().lower()
    matches: list[dict[str, Any]] = []
    for entry in load_actor_dictionary().entries.values():
        if _entry_matches(entry, needle):
            matches += _entry_items(entry)
        if len(matches) >= 4 * limit:
            break
    return matches


def _entry_matches(entry: ActorEntry, needle: str) -> bool:
    codes = [entry.code or "", *(spell.code for spell in entry.roles)]
    return (any(needle in name.lower() for name in entry.names)
            or any(code.lower().startswith(needle) for code in codes if code))


def _entry_items(entry: ActorEntry) -> list[dict[str, Any]]:
    if not entry.roles:
        codes = [(entry.code, "")] if entry.code else []
    else:
        codes = list({spell.code: spell.title for spell in reversed(entry.roles)}.items())
    return [{"code": code, "name": entry.names[0] + (f" ({title})" if title else ""),
             "kind": entry.kind, "country": entry.country} for code, title in codes]
