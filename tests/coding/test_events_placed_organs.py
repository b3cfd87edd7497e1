"""Rule tests of bare state organs placed by the actors beside them (issue 14): a bare
organ coordinated with actors of one state is of that state, and the target of an armed
group tied to one country is of its state, except in force."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples, toy_coder
from toy_coder import country as _country

from dyadwatch.coding.events import EventCoder
from dyadwatch.kb.actors import ActorDictionary, ActorEntry

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "hold.talks", "lemmas": ["hold"], "object": ["talks"], "code": "046",
         "target": ["with"]},
        {"id": "hand.over", "lemmas": ["hand"], "particle": "over", "code": "084",
         "target": ["to"]},
        {"id": "attack.v", "lemmas": ["attack"], "code": "190", "target": ["dobj"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               ActorEntry(id="group:ent-guard", kind="group",
                                          names=("Ent Guard",), code="ARNREB",
                                          country="ARN"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={"king": "GOV", "commander": "MIL", "authorities": "GOV"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), [
    ("The Gondorian king and the army commander held talks on Monday.",
     {("GONGOV", "046", "GONMIL"), ("GONMIL", "046", "GONGOV")},
     "a bare organ coordinated with actors of one state is of that state"),
    ("The Ent Guard handed the prisoners over to the authorities.",
     {("ARNREB", "084", "ARNGOV")}, "a group tied to one country deals with its own state"),
])
def test_events_placed_organs_code(nlp: Any, engine: EventCoder, text: str,
                                   expected: set[Triple], why: str) -> None:
    assert expected <= coded_triples(nlp, engine, text), why


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), [
    ("The Ent Guard attacked the authorities.", ("ARNREB", "190", "ARNGOV"),
     "in force the other side is as often foreign"),
    ("The Gondorian king, the Arnorian king and the army commander held talks.",
     ("GONMIL", "046", "GONGOV"), "actors of two states place no bare organ"),
])
def test_events_placed_organs_not_coded(nlp: Any, engine: EventCoder, text: str,
                                        unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
