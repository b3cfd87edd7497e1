"""Rule tests of appeals and demands whose for-to or that-clause names the one asked
(issue 14) on fictional actors: the clause's subject is the target, not the object of the
deed asked for ("called for Gondor to leave Rohan" asks Gondor), also where the parser
hangs the clause away from the noun of appeal ("its call for Gondor to stand aside was
an opinion") or the appeal is a noun a light verb makes ("renewed its call for Gondor to
withdraw")."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples, country, toy_coder

from dyadwatch.coding.events import EventCoder
from dyadwatch.kb.actors import ActorDictionary

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "call.for", "lemmas": ["call"], "prep": "for", "code": "020",
         "target": ["on", "dobj"]},
        {"id": "call.n", "lemmas": ["call"], "pos": "noun", "prep": "for", "code": "020",
         "source": ["poss", "by", "amod", "compound"], "target": ["on", "to"]},
        {"id": "issue.appeal", "lemmas": ["renew", "repeat"], "object": ["call", "appeal"],
         "code": "020", "target": ["object_clause_subject", "to", "on", "for"]},
        {"id": "make.demand", "lemmas": ["repeat", "renew"], "object": ["demand"],
         "code": "100", "target": ["object_clause_subject", "of", "on", "to"]},
        {"id": "quit.v", "lemmas": ["leave", "quit"], "code": "161", "target": ["dobj"]},
    ],
    "frames": [{"id": "appeal.f", "lemmas": ["call"], "kind": "appeal"}],
    "derive": {"appeal": {"default": "020"}, "demand": {"default": "100"}},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (country("ARN", "Arnor"), country("GON", "Gondor"),
                               country("ROH", "Rohan"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Arnor called for Gondor to leave Rohan.", ("ARN", "020", "GON"),
     "the subject of the for-to clause is asked, not the object of the deed asked for"),
    ("Arnor renewed its call for Gondor to withdraw its troops.", ("ARN", "020", "GON"),
     "a light verb's appeal asks the subject of its noun's for-to clause"),
    ("Arnor repeated its demand that Gondor pay the debt.", ("ARN", "100", "GON"),
     "a light verb's demand asks the subject of its noun's that-clause"),
]

NOT_CODED = [
    ("Arnor called for Gondor to leave Rohan.", ("ARN", "020", "ROH"),
     "the place or body to be left is not the one asked"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_for_to_clause_subject_is_asked(nlp: Any, engine: EventCoder, text: str,
                                               expected: Triple, why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED, ids=[c[2] for c in NOT_CODED])
def test_events_for_to_clause_deed_object_not_asked(nlp: Any, engine: EventCoder, text: str,
                                                    unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
