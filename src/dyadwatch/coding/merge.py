"""Merge the events several articles report into one record per (source, target, cameo, date).

Counts follow GDELT 2.0: ``num_mentions`` is every event mention (one per coded
sentence), ``num_articles`` the distinct articles and ``num_sources`` the distinct
publishers among them (an article without a publisher counts as a source of its
own). Every evidence sentence is kept, in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dyadwatch.model import Event

MergeKey = tuple[str | None, str | None, str, str | None]  # source, target, cameo, date


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One event as reported by one or more articles."""

    source: str | None
    target: str | None
    cameo: str
    date: str | None
    num_mentions: int
    num_articles: int
    num_sources: int
    event: Event  # the first report: its codes, Goldstein, quad class, actors' text
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]  # distinct, in order of first report
    sources: tuple[str, ...]  # distinct publishers, in order of first report
    sentences: tuple[str, ...]  # every evidence sentence, in input order


def merge_key(event: Event) -> MergeKey:
    return (event.source, event.target, event.cameo, event.date)


def merge_events(events: Iterable[Event],
                 article_publishers: Mapping[str, str | None]) -> list[MergedEvent]:
    """Merged events in order of their first report.

    ``article_publishers`` maps article ids to publishers; missing or None
    publishers make the article its own source.
    """
    groups: dict[MergeKey, list[Event]] = {}
    for event in events:
        groups.setdefault(merge_key(event), []).append(event)
    return [_merged(group, article_publishers) for group in groups.values()]


def _merged(group: list[Event], publishers: Mapping[str, str | None]) -> MergedEvent:
    first = group[0]
    article_ids = tuple(dict.fromkeys(e.article_id for e in group))
    sources = _distinct_sources(article_ids, publishers)
    return MergedEvent(
        source=first.source, target=first.target, cameo=first.cameo, date=first.date,
        num_mentions=len(group), num_articles=len(article_ids), num_sources=len(sources),
        event=first, event_ids=tuple(e.event_id for e in group), article_ids=article_ids,
        sources=sources, sentences=tuple(e.sentence for e in group),
    )


def _distinct_sources(article_ids: Iterable[str],
                      publishers: Mapping[str, str | None]) -> tuple[str, ...]:
    """Distinct publishers (compared without case), first spelling kept."""
    seen: dict[str, str] = {}
    for article_id in article_ids:
        name = (publishers.get(article_id) or "").strip() or f"article:{article_id}"
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())
