"""Rule tests of event nouns and their actors (issue 14) on fictional actors: states named
together in an event noun's national modifier ("Arnorian and Gondorian air strikes",
"an Arnorian-Gondorian offensive") each do the deed; the one an of-phrase names withdraws
("the withdrawal of Arnorian troops"); a deed that a verb of prevention takes as object,
or that something is safe from, never happened."""

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
        {"id": "attack.n", "lemmas": ["offensive", "attack", "strike"], "pos": "noun",
         "code": "190", "source": ["poss", "by", "amod", "compound"],
         "target": ["on", "against"]},
        {"id": "withdrawal.n", "lemmas": ["withdrawal", "pullout"], "pos": "noun",
         "code": "0874", "source": ["poss", "by", "amod", "compound", "of"],
         "target": ["from"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"army": "MIL", "troops": "MIL", "soldiers": "MIL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Arnorian and Gondorian air strikes on Rohan began on Monday.",
     {("ARN", "190", "ROH"), ("GON", "190", "ROH")},
     "coordinated national modifiers of an event noun are each a doer"),
    ("An Arnorian-Gondorian offensive against Rohan began in March.",
     {("ARN", "190", "ROH"), ("GON", "190", "ROH")},
     "so are two states joined by a hyphen"),
    ("The withdrawal of Arnorian troops from Gondor began on Friday.",
     {("ARNMIL", "0874", "GON")}, "the troops an of-phrase names are the ones who withdraw"),
    ("Rohan condemned the Arnorian offensive against Gondor.", {("ARN", "190", "GON")},
     "an event noun that is the object of another verb still happened"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_event_nouns_code(nlp: Any, engine: EventCoder, text: str,
                                 expected: set[Triple], why: str) -> None:
    assert expected <= coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("The truce is designed to prevent an Arnorian offensive against Gondor.",
     ("ARN", "190", "GON"), "a deed a verb of prevention takes as object never happened"),
    ("The Arnorian offensive against Gondor was averted by the truce.",
     ("ARN", "190", "GON"), "nor one that is averted in the passive"),
    ("The valley will be safe from Arnorian attack on Gondor.",
     ("ARN", "190", "GON"), "nor one that a place is safe from"),
    ("The withdrawal of Arnorian sanctions from Gondor began.",
     ("ARN", "0874", "GON"), "sanctions withdrawn are no one who withdraws"),
    ("A Gondorian-Rohirric offensive against Arnor began in March.",
     ("ARN", "190", "ARN"), "a hyphenated pair never makes a state its own target"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED,
                         ids=[c[2] for c in NOT_CODED])
def test_events_event_nouns_code_nothing(nlp: Any, engine: EventCoder, text: str,
                                         unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
