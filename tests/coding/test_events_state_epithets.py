"""Rule tests of states named by an epithet (issue 14): 'the isolated country', 'the
kingdom' stand for the most salient state before them that agrees with them (named
as a subject or object, and lately), never the
subject of their own clause; where no state fits, no side."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples, toy_coder
from toy_coder import country as _country

from dyadwatch.coding.events import EventCoder
from dyadwatch.kb.actors import ActorDictionary

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [{"id": "attack.v", "lemmas": ["attack"], "code": "190", "target": ["dobj"]}],
    "frames": [],
    "derive": {},
}

# Harad stands under a monarchy's code (SAU), Mordor under a republic's (IRN)
ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"), _country("SAU", "Harad"),
                               _country("IRN", "Mordor"))},
    demonyms={},
    roles={"government": "GOV"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "unexpected"), [
    ("Arnor tested a rocket. Arnor said more would follow, and officials in Gondor "
     "protested. Rohan attacked the reclusive state.",
     ("ROH", "190", "ARN"), ("ROH", "190", "GON")),
    ("Gondor protested. Arnor tested a rocket over Gondor. Rohan attacked the small, "
     "isolated nation.", ("ROH", "190", "ARN"), ("ROH", "190", "GON")),
    ("Arnor tested a rocket. Arnor said more would follow, and officials in Gondor "
     "protested. Rohan attacked the country.", ("ROH", "190", "ARN"), ("ROH", "190", "GON")),
    # a name that modifies the subject weighs as a modifier, not as the subject
    ("The Arnor war in Rohan was over. Mordor attacked the country.",
     ("IRN", "190", "ROH"), ("IRN", "190", "ARN")),
    ("Mordor seized a ship. Mordor said it was lawful. Harad denied any part. "
     "Rohan attacked the kingdom.", ("ROH", "190", "SAU"), ("ROH", "190", "IRN")),
])
def test_events_state_epithets_point_back(nlp: Any, engine: EventCoder, text: str,
                                          expected: Triple, unexpected: Triple) -> None:
    triples = coded_triples(nlp, engine, text)
    assert expected in triples and unexpected not in triples


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "wrong"), [
    # no monarchy named: the kingdom is no one the article names
    ("Mordor seized a ship. Mordor said it was lawful. Rohan attacked the kingdom.", "IRN"),
    # the subject of the clause is not the state its object describes
    ("Gondor protested. Rohan said that Rohan attacked the isolated country.", "ROH"),
    ("Gondor protested. Rohan and Arnor attacked the country.", "ARN"),
    # 'the first country' picks one out; it points back to no one
    ("Arnor tested a rocket. Rohan attacked the first country.", "ARN"),
])
def test_events_state_epithets_no_side(nlp: Any, engine: EventCoder, text: str,
                                       wrong: str) -> None:
    assert not any(t[2] == wrong for t in coded_triples(nlp, engine, text))
