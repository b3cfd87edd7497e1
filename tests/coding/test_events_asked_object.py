"""Rule tests of appeals with a clause (issue 14) on fictional actors: a verb of appeal
with a named direct object and a clause of its own asks that object ("asked Gondor
whether it could open its border"), not the subject of the clause; with no object the
one told to act in the clause is the target ("demanded that Gondor open its border")."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "ask.v", "lemmas": ["ask"], "code": "020", "target": ["dobj"]},
        {"id": "demand.v", "lemmas": ["demand"], "code": "100", "target": ["from"]},
    ],
    "frames": [{"id": "appeal.f", "lemmas": ["ask"], "kind": "appeal"},
               {"id": "demand.f", "lemmas": ["demand"], "kind": "demand"}],
    "derive": {"appeal": {"default": "020"}, "demand": {"default": "100"}},
}

ACTORS = arnor_and_gondor({"government": "GOV"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Arnor asked Gondor whether it could open its border.", {("ARN", "020", "GON")},
     "the named object of an appeal is the one asked, not the clause's pronoun"),
    ("Arnor demanded that Gondor open its border.", {("ARN", "100", "GON")},
     "with no object the clause's subject is the one told to act"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_asked_object_is_target(nlp: Any, engine: EventCoder, text: str,
                                       expected: set[Triple], why: str) -> None:
    assert expected <= coded_triples(nlp, engine, text), why
