from __future__ import annotations

import pytest

from dyadwatch.coding.merge import merge_events
from dyadwatch.model import Event


def _event(event_id: str, article_id: str, sentence: str, cameo: str = "036",
           source: str | None = "GRC", target: str | None = "TUR",
           date: str | None = "2024-03-05") -> Event:
    return Event(
        event_id=event_id, article_id=article_id, date=date, source=source, target=target,
        source_country=source, target_country=target, source_text="Greece", target_text="Turkey",
        cameo=cameo, cameo_root=cameo[:2], plover_type="CONSULT", plover_mode=None,
        goldstein=4.0, quad_class=1, sentence=sentence, sentence_index=0, trigger="agreed",
        trigger_start=0, negated=False, modality="asserted", location=None, rule="test#1",
        dictionary_version="test",
    )


@pytest.mark.parametrize(
    ("publishers", "mentions", "articles", "sources"),
    [
        ({"a1": "Harbour Times", "a2": "Harbour Times", "a3": "Caucasus Wire"}, 4, 3, 2),
        ({"a1": "Harbour Times", "a2": "harbour times ", "a3": None}, 4, 3, 2),
        ({}, 4, 3, 3),  # unknown publishers: each article is its own source
    ],
)
def test_merge_counts_mentions_articles_sources(publishers: dict[str, str | None], mentions: int,
                                                articles: int, sources: int) -> None:
    events = [
        _event("e1", "a1", "Greece and Turkey agreed to resume talks."),
        _event("e2", "a1", "Athens said it would meet Ankara."),
        _event("e3", "a2", "Greece agreed to meet Turkey."),
        _event("e4", "a3", "The two neighbours will resume talks."),
        _event("e5", "a3", "Turkey sent a survey vessel.", cameo="190", source="TUR",
               target="GRC"),
    ]
    merged = merge_events(events, publishers)
    assert len(merged) == 2
    first = merged[0]
    assert (first.num_mentions, first.num_articles, first.num_sources) == (mentions, articles,
                                                                            sources)
    assert first.event_ids == ("e1", "e2", "e3", "e4")
    assert first.sentences == tuple(e.sentence for e in events[:4])
    assert first.event is events[0]
    assert (merged[1].cameo, merged[1].num_mentions, merged[1].num_sources) == ("190", 1, 1)


@pytest.mark.parametrize(
    "other",
    [
        {"date": "2024-03-06"}, {"cameo": "040"}, {"target": None}, {"source": "GRCGOV"},
    ],
)
def test_merge_keeps_different_keys_apart(other: dict[str, str | None]) -> None:
    events = [_event("e1", "a1", "s1"), _event("e2", "a2", "s2", **other)]  # type: ignore[arg-type]
    assert [m.num_mentions for m in merge_events(events, {})] == [1, 1]


@pytest.mark.parametrize("events", [[]])
def test_merge_nothing_in_nothing_out(events: list[Event]) -> None:
    assert merge_events(events, {}) == []
