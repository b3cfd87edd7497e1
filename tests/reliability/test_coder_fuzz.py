"""The coder on arbitrary and news-like text: no exception, offsets inside the text,
stable event ids, and every event survives a trip through the database unchanged."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.model import Article, Event
from dyadwatch.store import db

pytestmark = pytest.mark.model

EXAMPLES = int(os.environ.get("DYADWATCH_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])
_EVENT_ID = re.compile(r"[0-9a-f]{20}")

_actors = st.sampled_from([
    "Iran", "the United States", "Washington", "Tehran", "Russian troops", "Ukraine's army",
    "the UN Security Council", "Turkey", "Syrian rebels", "He", "They", "the country",
    "President Vladimir Putin", "NATO", "Kelly Craft", "police", "Iraq's parliament", "it",
])
_verbs = st.sampled_from([
    "attacked", "condemned", "met with", "threatened to strike", "did not attack",
    "accused", "said it would negotiate with", "praised", "killed", "sent troops to",
    "imposed sanctions on", "rejected talks with", "called on", "promised aid to",
    "would take further military action against", "declined to comment on",
])
_tails = st.sampled_from(["", " on Wednesday", " in Baghdad", " last week", ", officials said",
                          " after the killing of a general", " (Reuters)", "\u2026", ""])
_sentence = st.builds(lambda a, v, b, t, end: f"{a} {v} {b}{t}{end}", _actors, _verbs, _actors,
                      _tails, st.sampled_from([".", "!", "?", "", ".\n\n", ";"]))
_noise = st.one_of(st.text(max_size=15), st.sampled_from(
    ["\u00a0", "\u200b", "\ufffd", "\x00", "\t", "  ", "\n", "\u202e", "\U0001f600", "--", '"']))
news_text = st.lists(st.one_of(_sentence, _sentence, _noise), min_size=1, max_size=8).map(
    lambda parts: " ".join(parts))
any_text = st.one_of(st.text(max_size=300), news_text)


def code_text(nlp: Any, coder: Any, text: str, article_id: str = "fuzz-1") -> list[Event]:
    article = Article(id=article_id, text=text, published="2020-01-08", origin="fuzz")
    events: list[Event] = coder.code_doc(nlp(text), article)
    return events


def check_event(event: Event, text: str, article_id: str) -> None:
    assert _EVENT_ID.fullmatch(event.event_id)
    assert event.article_id == article_id
    assert 0 <= event.trigger_start < len(text)
    words = event.trigger.split(" ")
    assert any(text.startswith(word, event.trigger_start) for word in words), event
    assert event.sentence and event.sentence in text
    assert event.sentence_index >= 0
    assert event.cameo_root == event.cameo[:2] and event.quad_class in (1, 2, 3, 4)


@FUZZ
@given(text=any_text)
def test_coder_never_raises_and_offsets_stay_inside(nlp: Any, coder: Any, text: str) -> None:
    for event in code_text(nlp, coder, text):
        check_event(event, text, "fuzz-1")


@FUZZ
@given(text=news_text)
def test_coder_event_ids_stable_and_unique(nlp: Any, coder: Any, text: str) -> None:
    first = [e.event_id for e in code_text(nlp, coder, text)]
    second = [e.event_id for e in code_text(nlp, coder, text)]
    assert first == second
    assert len(set(first)) == len(first)


@pytest.mark.parametrize("path", [":memory:"])
@settings(FUZZ, max_examples=max(1, EXAMPLES // 2))
@given(text=news_text)
def test_coder_events_round_trip_through_the_database(nlp: Any, coder: Any, path: str,
                                                      text: str) -> None:
    events = code_text(nlp, coder, text)
    article = Article(id="fuzz-1", text=text, published="2020-01-08", origin="fuzz")
    conn = db.open_db(path)
    try:
        run = db.start_run(conn, "test", {}, {}, [])
        db.write_batch(conn, run, [db.CodedArticle(article, "sha", 1, tuple(events))], [])
        back = list(db.query_events(conn, db.EventFilter(article_id="fuzz-1")))
    finally:
        conn.close()
    assert sorted(back, key=_key) == sorted(events, key=_key)


def _key(event: Event) -> str:
    return event.event_id
