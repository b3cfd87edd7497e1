"""Rule tests of whom a sanction is aimed at and who imposed it (issue 14) on fictional
actors: the one a clause of aiming on the sanctions names ("sanctions targeting Gondor's
banks", "sanctions aimed at curbing Gondor's arms trade") is the target; the state
named before '-imposed' ("Arnorian-imposed sanctions") is the one who imposed them."""

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
        {"id": "impose.sanctions", "lemmas": ["impose", "announce", "approve", "adopt"],
         "object": ["sanction", "sanctions"], "code": "163",
         "target": ["on", "against", "dobj", "aimed_at"]},
        {"id": "sanction.n", "lemmas": ["sanction", "sanctions"], "pos": "noun",
         "code": "163", "source": ["poss", "by", "amod", "compound"],
         "target": ["on", "against", "aimed_at"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"government": "GOV"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Arnor approved a new round of sanctions targeting Gondor's coal exports.",
     {("ARN", "163", "GON")}, "a participle of targeting on the sanctions names the target"),
    ("Arnor imposed sanctions that target Gondor on Monday.",
     {("ARN", "163", "GON")}, "so does a relative clause of targeting"),
    ("Arnor announced sanctions aimed at curbing Gondor's arms trade.",
     {("ARN", "163", "GON")}, "and the object of the gerund in an aimed-at phrase"),
    ("Arnor announced new sanctions on Friday, targeting Gondor's banks.",
     {("ARN", "163", "GON")}, "and a participle of targeting on the imposing verb"),
    ("Arnorian-imposed sanctions have hurt farmers in Rohan.",
     {("ARN", "163", None)}, "the state before '-imposed' imposed the sanctions"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_sanction_targets_code(nlp: Any, engine: EventCoder, text: str,
                                      expected: set[Triple], why: str) -> None:
    assert expected <= coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("Arnor imposed sanctions on Rohan, targeting Gondor's banks later.",
     ("ARN", "163", "GON"), "an on-phrase target comes first; the clause is only a fallback"),
    ("Gondor-backed sanctions on Rohan were imposed by Arnor.",
     ("GON", "163", "ROH"), "the state before '-backed' backs someone else's sanctions"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED,
                         ids=[c[2] for c in NOT_CODED])
def test_events_sanction_targets_not_coded(nlp: Any, engine: EventCoder, text: str,
                                           unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
