"""Rule tests of reactions to a thing someone made or decided (issue 14) on fictional
actors: a reaction told in a relative clause set off after a verb of making is aimed at
that verb's subject ('Arnor held drills off the coast, to which Gondor objects'), and a
restating noun after a possessed decision is aimed at its possessor ('Arnor's decision to
close the border, a move that angered Gondor'), as is one after a clause ('Arnor seized
the boats, a provocation denounced by Gondor')."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "object.to", "lemmas": ["object"], "prep": "to", "code": "110",
         "target": ["to"]},
        {"id": "reject.v", "lemmas": ["reject", "denounce"], "code": "120",
         "target": ["dobj"]},
        {"id": "praise.v", "lemmas": ["praise"], "code": "051", "target": ["dobj"]},
        {"id": "anger.v", "lemmas": ["anger", "infuriate"], "code": "110",
         "source": ["dobj"], "target": ["nsubj"]},
    ],
    "frames": [],
    "derive": {},
}


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, arnor_and_gondor({}))


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("Arnor held naval drills off the coast, to which Gondor strenuously objects.",
     ("GON", "110", "ARN")),
    ("Arnor announced a new plan for the border, which Gondor rejected.",
     ("GON", "120", "ARN")),
    ("The envoy answered Arnor's decision to close the border, a move that infuriated Gondor.",
     ("GON", "110", "ARN")),
])
def test_events_made_thing_reaction(nlp: Any, engine: EventCoder, text: str,
                                    expected: Triple) -> None:
    assert expected in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unwanted"), [
    # praising a plan does not make it the praiser's
    ("The Arnorian minister praised the plan for the border, which Gondor rejected.",
     ("GON", "120", "ARN")),
    # a bombing is no thing made: the relative names the place, and no target is guessed
    ("Arnor bombed the harbour near the border, which Gondor denounced.",
     ("GON", "120", "ARN")),
])
def test_events_made_thing_not_owned(nlp: Any, engine: EventCoder, text: str,
                                     unwanted: Triple) -> None:
    assert unwanted not in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Arnor seized two fishing boats off the coast, a provocation which was denounced by Gondor.",
    "Arnor seized two fishing boats off the coast, an act that Gondor denounced.",
])
def test_events_made_thing_restated_provocation(nlp: Any, engine: EventCoder,
                                               text: str) -> None:
    assert ("GON", "120", "ARN") in coded_triples(nlp, engine, text)


FRAMED: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "reject.plan", "lemmas": ["reject", "refuse"], "object": ["plan", "deal"],
         "code": "127", "target": ["dobj", "poss"]},
        {"id": "offer.v", "lemmas": ["propose", "offer"], "code": "030", "target": ["dative"]},
        {"id": "arm.v", "lemmas": ["arm"], "code": "062", "target": ["dobj"]},
    ],
    "frames": [{"id": "refuse.f", "lemmas": ["refuse", "reject"], "kind": "refuse"}],
    "derive": {"refuse": {"default": "120"}},
}


@pytest.fixture(scope="module")
def framed() -> EventCoder:
    return toy_coder(FRAMED, arnor_and_gondor({}))


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    ("Gondor rejected the plan proposed by Arnor.", ("GON", "127", "ARN"), ("GON", "120", None)),
    ("Gondor refused the deal offered by Arnor.", ("GON", "127", "ARN"), ("GON", "120", None)),
    ("Gondor rejected the plan drawn up by Arnor.", ("GON", "127", "ARN"), ("GON", "127", None)),
])
def test_events_made_thing_participle_is_no_frame(nlp: Any, framed: EventCoder, text: str,
                                                  expected: Triple, unwanted: Triple) -> None:
    triples = coded_triples(nlp, framed, text)
    assert expected in triples
    assert unwanted not in triples


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Gondor objected to the plan proposed by Arnor.",
    "Gondor objected to the proposal made by Arnor.",
])
def test_events_made_thing_prepositional_object(nlp: Any, engine: EventCoder, text: str) -> None:
    assert ("GON", "110", "ARN") in coded_triples(nlp, engine, text)
