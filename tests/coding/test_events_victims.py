"""Rule tests of private people as targets (issue 14): people whom a political actor
holds, harms or frees are civilians of the country where it happens, else of the source's
own country when the source acts at home, else of the article's only country; never of
the source's own country when its armed forces strike with no place named."""

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
        {"id": "arrest.v", "lemmas": ["arrest", "detain"], "code": "173", "target": ["dobj"]},
        {"id": "kill.v", "lemmas": ["kill"], "code": "1823", "target": ["dobj"]},
        {"id": "shoot.v", "lemmas": ["shoot"], "code": "193", "target": ["dobj"]},
        {"id": "abduct.v", "lemmas": ["kidnap", "abduct"], "code": "181", "target": ["dobj"]},
        {"id": "say.v", "lemmas": ["say", "tell"], "code": "010", "target": ["dobj", "to"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               ActorEntry(id="group:orc-legion", kind="group",
                                          names=("Orc Legion",), code="IMGORC",
                                          country=None),
                               ActorEntry(id="group:ent-guard", kind="group",
                                          names=("Ent Guard",), code="ARNREB",
                                          country="ARN"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={"police": "COP", "troops": "MIL", "people": "PPL", "civilians": "CVL",
           "villagers": "CVL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Gondorian police arrested twenty journalists on Monday.", ("GONCOP", "173", "GONCVL"),
     "police act at home: the private people they hold are their own country's civilians"),
    ("The Ent Guard kidnapped a journalist.", ("ARNREB", "181", "ARNCVL"),
     "one private person abducted is a civilian"),
    ("The Ent Guard kidnapped twenty villagers.", ("ARNREB", "181", "ARNCVL"),
     "rebels tied to a country act at home"),
    ("The Orc Legion killed ten people. Gondor mourned. Gondor's king spoke.",
     ("IMGORC", "1823", "GONCVL"),
     "a group with no country harms the people of the article's only country"),
    ("The Orc Legion surrounded the villages near Gondor, killing ten people. Arnor "
     "condemned the raid.", ("IMGORC", "1823", "GONCVL"),
     "with two countries in the article, the one place named in the sentence"),
    ("Gondorian police arrested an Arnorian in the capital.", ("GONCOP", "173", "ARNCVL"),
     "one person a demonym names is a civilian of its country"),
    ("The Ent Guard detained another Gondorian on Friday.", ("ARNREB", "173", "GONCVL"),
     "also when held by an armed group"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED)
def test_events_victims_placed(nlp: Any, engine: EventCoder, text: str, expected: Triple,
                               why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("Arnorian troops killed three civilians. Arnor said so. Arnor's king spoke.",
     ("ARNMIL", "1823", "ARNCVL"),
     "armed forces strike abroad as often as at home: the article's country is not theirs"),
    ("Gondorian police told reporters the road was closed.", ("GONCOP", "010", "GONCVL"),
     "a statement to private people is no deed done to them"),
    ("Gondorian police shot the driver.", ("GONCOP", "193", "GONCVL"),
     "one person shot or held by police is most often a suspect, no sure civilian"),
    ("Arnor said the Orc Legion had killed ten people. Gondor arrested twenty journalists.",
     ("IMGORC", "1823", "ARNCVL"),
     "a state named as a side of the sentence (the one who says) is no place of the deed"),
    ("Arnor, like Gondor, has faced attacks by the Orc Legion, killing ten people. Gondor "
     "arrested twenty journalists.", ("ARN", "1823", "GONCVL"),
     "a state named in a comparison is no place of the deed"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED)
def test_events_victims_not_placed(nlp: Any, engine: EventCoder, text: str,
                                   unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
