"""Rule tests of the doer a relative clause names for the thing a reaction is about
(issue 14) on fictional actors: 'rejected the plan Arnor put forward' is aimed at Arnor;
not a clause that only describes ('to which Arnor is a signatory')."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "reject.v", "lemmas": ["reject"], "code": "120", "target": ["dobj"]},
        {"id": "angry.adj", "lemmas": ["angry"], "pos": "adj", "code": "110",
         "source": ["nsubj"], "target": ["at", "with"]},
        {"id": "attack.v", "lemmas": ["attack"], "code": "190", "target": ["dobj"]},
    ],
    "frames": [],
    "derive": {},
}


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, arnor_and_gondor({}))


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("Gondor rejected the plan Arnor put forward on Monday.", ("GON", "120", "ARN")),
    ("Gondor is angry at the support Arnor continues to provide to the rebels.",
     ("GON", "110", "ARN")),
])
def test_events_gap_doer_target(nlp: Any, engine: EventCoder, text: str,
                                expected: Triple) -> None:
    assert expected in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Gondor rejected the treaty, to which Arnor is a signatory.",
])
def test_events_gap_doer_not_target(nlp: Any, engine: EventCoder, text: str) -> None:
    assert all(target != "ARN" for _, _, target in coded_triples(nlp, engine, text))
