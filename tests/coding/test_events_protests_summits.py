"""Rule tests of targets found beyond the pattern's slots (issue 14) on fictional actors:
coercion of a protest is aimed at the protesters, civilians of the protest's country or of
the source's own state; a meeting between three or more sides is each meeting each;
private people met are no side that meets."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples, toy_coder
from toy_coder import country as _country

from dyadwatch.coding.events import EventCoder
from dyadwatch.kb.actors import ActorDictionary

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "crack.down", "lemmas": ["crack", "clamp"], "particle": "down", "code": "175",
         "target": ["on"]},
        {"id": "meeting.n", "lemmas": ["meeting", "summit"], "pos": "noun", "code": "040",
         "source": ["poss", "by", "amod", "compound"], "target": ["with", "between"]},
        {"id": "clash.n", "lemmas": ["clash", "clashes"], "pos": "noun", "code": "190",
         "source": ["poss", "by", "amod", "compound"], "target": ["with", "between"]},
        {"id": "meet.v", "lemmas": ["meet"], "code": "040", "target": ["dobj", "with"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"), _country("MOR", "Mordor"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"police": "COP", "government": "GOV", "president": "GOV", "girls": "PPL",
           "girl": "PPL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("The Gondorian government clamped down on the protests last spring.",
     ("GONGOV", "175", "GONCVL"),
     "a government coerces at home: the protesters are its own country's civilians"),
    ("Arnorian police cracked down on the rally after the speech.",
     ("ARNCOP", "175", "ARNCVL"),
     "police coerce at home: a rally they break up is of their own country's civilians"),
    ("The summit between Arnor, Gondor and Rohan opened on Monday.", ("ARN", "040", "ROH"),
     "a meeting of three sides is each meeting each"),
    ("The summit between Arnor, Gondor and Rohan opened on Monday.", ("ROH", "040", "GON"),
     "a meeting of three sides is each meeting each, both ways"),
    ("The Gondorian president met the freed girls in the capital.", ("GONGOV", "040", "PPL"),
     "the president meets the girls"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED)
def test_events_protests_summits_coded(nlp: Any, engine: EventCoder, text: str,
                                       expected: Triple, why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("Clashes between Arnor, Gondor and Rohan were reported.", ("ARN", "190", "ROH"),
     "fighting among three sides does not say who fought whom"),
    ("The Gondorian president met the freed girls in the capital.", ("PPL", "040", "GONGOV"),
     "private people met are no source of the meeting"),
    ("The summit between Arnor and Gondor arranged by Rohan opened.", ("ROH", "040", "ARN"),
     "a side named after a verb in the way is not in the list of the summit's sides"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED)
def test_events_protests_summits_not_coded(nlp: Any, engine: EventCoder, text: str,
                                           unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
