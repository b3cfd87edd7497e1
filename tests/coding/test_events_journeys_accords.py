"""Rule tests of visits told in a phrase and of agreements and calls made together (issue
14), on fictional actors: 'during a visit to X' on a clause is the subject's visit to X,
and its 'to' is no addressee of the clause's statement; coordinated sides that sign or
strike a deal with no one else named, or speak by phone, are each other's partner in it."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "say.v", "lemmas": ["say"], "code": "010", "target": ["to"]},
        {"id": "warn.v", "lemmas": ["warn"], "code": "130", "target": ["dobj"]},
        {"id": "visit.n", "lemmas": ["visit", "trip"], "pos": "noun", "code": "042",
         "source": ["poss", "by", "amod", "compound"], "target": ["to"]},
        {"id": "make.visit", "lemmas": ["pay", "make"], "object": ["visit", "trip"],
         "code": "042", "target": ["to"]},
        {"id": "speak.by.phone", "lemmas": ["speak", "talk"], "prep": "by",
         "prep_object": ["phone", "telephone"], "code": "041", "target": ["with", "to"]},
        {"id": "sign.agreement", "lemmas": ["sign", "strike"],
         "object": ["agreement", "deal", "pact"], "code": "057", "target": ["with", "between"]},
    ],
    "frames": [],
    "derive": {},
}


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, arnor_and_gondor({"president": "GOV", "minister": "GOV"}))


CODED = [
    ("During a visit to Gondor on Monday, the Arnorian president said the talks would go on.",
     ("ARNGOV", "042", "GON"), "a visit in a phrase on the clause is its subject's"),
    ("The Arnorian minister warned Gondor on a visit to Gondor last week.",
     ("ARNGOV", "042", "GON"), "'on a visit to' tells a visit as well"),
    ("The Arnorian president paid a visit to Gondor.", ("ARNGOV", "042", "GON"),
     "a visit the pattern names keeps its destination"),
    ("Arnor and Gondor signed a trade pact on Monday.", ("ARN", "057", "GON"),
     "coordinated sides of a deal are each other's partner"),
    ("Arnor and Gondor signed a trade pact on Monday.", ("GON", "057", "ARN"),
     "coordinated sides of a deal are each other's partner, both ways"),
    ("The Arnorian and Gondorian presidents spoke by telephone on Tuesday.",
     ("ARNGOV", "041", "GONGOV"), "sides named together who speak by phone call each other"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED)
def test_events_journeys_accords_coded(nlp: Any, engine: EventCoder, text: str,
                                       expected: Triple, why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("During a visit to Gondor on Monday, the Arnorian president said the talks would go on.",
     ("ARNGOV", "010", "GON"), "the visit's destination is no addressee of the statement"),
    ("The Arnorian minister told reporters during a trip to Gondor that talks would go on.",
     ("ARNGOV", "042", "GON"), "a trip in a phrase may pass through a place with no host met"),
    ("Arnorian officials are limited to one visit to Gondor a year.",
     ("ARNGOV", "042", "GON"), "a visit in a phrase not of time is no visit made"),
    ("Arnor signed a trade pact with Gondor on Monday.", ("ARN", "057", "ARN"),
     "a side named with 'with' is the partner, the signer is not its own"),
    ("The Arnorian president, speaking by telephone, said the talks had failed.",
     ("ARNGOV", "041", None), "one side speaking by phone to the press calls no one"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED)
def test_events_journeys_accords_not_coded(nlp: Any, engine: EventCoder, text: str,
                                           unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
