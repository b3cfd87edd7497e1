"""Rule tests of passive gerunds (issue 14) on fictional actors: a passive gerund with
no subject of its own after a preposition of manner or time ("after being urged by
Arnor") is done to the subject of the verb it hangs on."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "urge.v", "lemmas": ["urge"], "code": "020", "target": ["dobj"]},
        {"id": "halt.v", "lemmas": ["halt"], "code": "087", "target": ["against"]},
    ],
}

ACTORS = arnor_and_gondor({"government": "GOV"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Gondor halted the offensive after being urged by Arnor to do so.", ("ARN", "020", "GON"),
     "the one urged is the subject of the verb the gerund hangs on"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_passive_gerund_patient_is_main_subject(nlp: Any, engine: EventCoder, text: str,
                                                       expected: Triple, why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why
