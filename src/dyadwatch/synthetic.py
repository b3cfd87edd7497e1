"""Synthetic event data with known structure, for tests, benchmarks and the docs.

``crisis_events`` plants an escalation at ``change_week`` and makes B answer A's conflict
``lag`` weeks later; ``background_events`` adds unrelated dyads. Nothing here is news.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

import duckdb
import numpy as np

from dyadwatch.coding.assembly import Party, assemble_event
from dyadwatch.kb.confidence import shipped_confidence_table
from dyadwatch.model import Article, Event, RunSummary
from dyadwatch.ontology import lookup_cameo
from dyadwatch.store.db import CodedArticle, finish_run, start_run, write_batch

COOPERATION_CODES: tuple[str, ...] = ("036", "042", "057", "061", "071")
CONFLICT_CODES: tuple[str, ...] = ("111", "130", "138", "173", "190", "195")
COUNTRIES: tuple[str, ...] = ("USA", "IRN", "IRQ", "SYR", "TUR", "RUS", "ISR", "SAU", "GBR",
                              "FRA", "DEU", "CHN", "UKR", "EGY", "JOR", "LBN")
ROLES: tuple[str, ...] = ("", "GOV", "MIL", "REB", "OPP", "CVL")


@dataclass(frozen=True, slots=True)
class Crisis:
    """Parameters of a planted crisis between two actors."""

    a: str = "USAGOV"
    b: str = "IRNGOV"
    a_country: str = "USA"
    b_country: str = "IRN"
    start: date = date(2019, 1, 7)  # a Monday
    weeks: int = 60
    change_week: int = 30
    lag: int = 2
    seed: int = 0


def make_event(event_id: str | None, article_id: str, day: date | None, source: str | None,
               target: str | None, cameo: str, source_country: str | None = None,
               target_country: str | None = None, sentence: str | None = None,
               sentence_index: int = 0) -> Event:
    """An Event with the Goldstein value, quad class and PLOVER type of its CAMEO code,
    made by :func:`~dyadwatch.coding.assembly.assemble_event`. A given ``event_id`` replaces
    the assembled one (tests name their events); None keeps it."""
    entry = lookup_cameo(cameo)
    text = sentence or f"{source} {entry.name.lower()} {target}."
    event = assemble_event(
        article_id=article_id, sentence_index=sentence_index, trigger_start=0, cameo=cameo,
        source=Party(source, source_country, source), target=Party(target, target_country, target),
        sentence=text, trigger=entry.name.split()[0].lower(), rule="synthetic",
        dictionary_version="synthetic", confidence_table=shipped_confidence_table(),
        date=day.isoformat() if day else None,
    )
    return event if event_id is None else replace(event, event_id=event_id)


def _id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _pick(rng: np.random.Generator, codes: tuple[str, ...]) -> str:
    return str(codes[int(rng.integers(len(codes)))])


def crisis_events(crisis: Crisis = Crisis()) -> list[Event]:
    """Weekly A↔B events: cooperative, then conflictual from change_week; B echoes A's
    conflict count ``lag`` weeks later."""
    rng = np.random.default_rng(crisis.seed)
    hostile = rng.poisson(np.where(np.arange(crisis.weeks) < crisis.change_week, 1.0, 4.0))
    events: list[Event] = []
    for week in range(crisis.weeks):
        late = week >= crisis.change_week
        echoed = int(hostile[week - crisis.lag]) if week >= crisis.lag else 0
        plan = (("AB", int(hostile[week]), int(rng.poisson(1.0 if late else 4.0))),
                ("BA", echoed, int(rng.poisson(1.0 if late else 4.0))))
        for way, n_conflict, n_coop in plan:
            codes = [_pick(rng, CONFLICT_CODES) for _ in range(n_conflict)]
            codes += [_pick(rng, COOPERATION_CODES) for _ in range(n_coop)]
            events += _week_events(crisis, week, way, codes, rng)
    return events


def _week_events(crisis: Crisis, week: int, way: str, codes: list[str],
                 rng: np.random.Generator) -> list[Event]:
    src, tgt = (crisis.a, crisis.b) if way == "AB" else (crisis.b, crisis.a)
    src_c, tgt_c = ((crisis.a_country, crisis.b_country) if way == "AB"
                    else (crisis.b_country, crisis.a_country))
    day = crisis.start + timedelta(days=7 * week + int(rng.integers(7)))
    article = f"syn-{crisis.seed}-{week}-{way}"
    return [make_event(None, article, day, src, tgt, code, src_c, tgt_c,
                       sentence_index=i) for i, code in enumerate(codes)]


def background_events(n: int, seed: int = 1, start: date = date(2019, 1, 7),
                      days: int = 420) -> list[Event]:
    """``n`` events between random country-role actors, uniformly over ``days`` days."""
    rng = np.random.default_rng(seed)
    codes = COOPERATION_CODES + CONFLICT_CODES
    events = []
    for i in range(n):
        src_c, tgt_c = rng.choice(len(COUNTRIES), size=2, replace=False)
        src = COUNTRIES[src_c] + _pick(rng, ROLES)
        tgt = COUNTRIES[tgt_c] + _pick(rng, ROLES)
        day = start + timedelta(days=int(rng.integers(days)))
        article = f"bg-{seed}-{i // 4}"
        events.append(make_event(None, article, day, src, tgt, _pick(rng, codes),
                                 COUNTRIES[src_c], COUNTRIES[tgt_c], sentence_index=i % 4))
    return events


def _article(article_id: str, events: list[Event]) -> CodedArticle:
    article = Article(id=article_id, text="Synthetic article.", published=events[0].date,
                      url=f"https://example.org/news/{article_id}", title=f"Report {article_id}",
                      publisher="Example Wire", origin="synthetic")
    return CodedArticle(article=article, text_sha1=_id(article_id), n_sentences=len(events),
                        events=tuple(events))


def write_events(conn: duckdb.DuckDBPyConnection, events: Iterable[Event]) -> int:
    """Store events through write_batch, one synthetic article per article_id."""
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_article[event.article_id].append(event)
    run_id = start_run(conn, "synthetic", {}, {}, [])
    coded = [_article(article_id, items) for article_id, items in by_article.items()]
    written = write_batch(conn, run_id, coded, [])
    finish_run(conn, run_id, RunSummary(events_new=written))
    return written
