"""Rule tests of predicates (issue 14) on fictional actors: driving armed forces out of
ground is fighting, not the expulsion of people; people held by someone are detained;
'the fight against' is fighting; forces that sweep or push into a country attack it; accepting
that something is so is no agreement."""

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
        {"id": "oust.v", "lemmas": ["oust"], "code": "174", "target": ["dobj", "from"]},
        {"id": "deport.v", "lemmas": ["expel", "deport"], "code": "174",
         "target": ["dobj", "from"]},
        {"id": "held.captive", "lemmas": ["hold"], "prep": "by",
         "object": ["PERSON", "NORP", "citizens", "fighters"], "code": "173",
         "source": ["agent"], "target": ["dobj"]},
        {"id": "fighting.n", "lemmas": ["fighting", "fight"], "pos": "noun", "code": "190",
         "source": ["poss", "by", "amod", "compound"], "target": ["with", "against"]},
        {"id": "advance.into", "lemmas": ["sweep", "push"], "prep": "into", "code": "190",
         "target": ["into"], "not_with": ["power", "poverty"]},
        {"id": "advance.across", "lemmas": ["sweep"], "prep": "across", "code": "190",
         "target": ["across"]},
        {"id": "force.out", "lemmas": ["drive", "push"], "prep": "out", "code": "174",
         "target": ["dobj"]},
        {"id": "withdraw.troops", "lemmas": ["withdraw"], "object": ["troops"], "code": "0874",
         "target": ["from"]},
    ],
    "frames": [{"id": "agree.f", "lemmas": ["agree", "accept"], "kind": "agree"}],
    "derive": {"agree": {"default": "030", "08": "0356"}},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={"army": "MIL", "troops": "MIL", "rebels": "REB", "envoy": "GOV",
           "diplomats": "GOV", "journalists": "MED"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Arnor ousted Gondorian troops from the border town.", {("ARN", "190", "GONMIL")},
     "ousting armed forces from ground is fighting"),
    ("The Arnorian army drove the Gondorian rebels out of the valley.",
     {("ARNMIL", "190", "GONREB")}, "so is driving them out"),
    ("Arnor expelled two Gondorian diplomats.", {("ARN", "174", "GONGOV")},
     "expelling people who are not armed stays an expulsion"),
    ("Arnor deported the Gondorian rebels.", {("ARN", "174", "GONREB")},
     "deporting and expelling armed people stays an expulsion: only ousting and driving "
     "out are fighting"),
    ("Two Gondorian citizens are being held by the Arnorian army.",
     {("ARNMIL", "173", "GON")}, "people held by someone are detained"),
    ("Gondorian fighters held by Arnorian troops were questioned.",
     {("ARNMIL", "173", "GON")}, "also in a participle that describes them"),
    ("Arnorian troops are still engaged in the fight against Gondor.",
     {("ARNMIL", "190", "GON")}, "the fight against an actor is fighting"),
    ("Arnorian troops pushed deep into Gondor on Tuesday.", {("ARNMIL", "190", "GON")},
     "forces pushing into a country attack it"),
    ("The Arnorian army swept across Gondor and Rohan in 2014.",
     {("ARNMIL", "190", "GON"), ("ARNMIL", "190", "ROH")}, "or sweeping across it"),
    ("Arnor agreed to withdraw its troops from Gondor.", {("ARN", "0356", "GON")},
     "agreeing to a deed is an intent to do it"),
]

NOT_CODED = [
    ("The Gondorian town was held by Arnorian troops for two years.", ("ARNMIL", "173", "GON"),
     "ground held by someone is no detention"),
    ("Thousands were killed during the fight against Gondor.", ("ARN", "190", "GON"),
     "a fight that only sets the scene has no author"),
    ("The Arnorian army swept into power in Gondor.", ("ARNMIL", "190", "GON"),
     "sweeping into power is no attack"),
    ("Arnor accepts that if the talks fail, Gondor will withdraw its troops from Rohan.",
     ("ARN", "0356", None), "accepting that something will be so acknowledges it"),
    ("Arnor agreed that Gondor had withdrawn its troops from Rohan.", ("ARN", "0356", None),
     "agreeing that something was so is no agreement to a deed"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_predicates_code(nlp: Any, engine: EventCoder, text: str,
                                expected: set[Triple], why: str) -> None:
    assert expected <= coded_triples(nlp, engine, text), why


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED,
                         ids=[c[2] for c in NOT_CODED])
def test_events_predicates_code_nothing(nlp: Any, engine: EventCoder, text: str,
                                        unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
