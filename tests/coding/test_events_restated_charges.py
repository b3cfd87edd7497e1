"""Rule tests of a denial that answers a charge told in the same sentence (issue 14) on
fictional actors: 'Arnor accused Gondor of …, a charge Gondor denied' and 'Arnor blamed
Gondor …, but Gondor rejected the accusation' are denials aimed at Arnor; an accusation
told inside someone's report is not the reporter's."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "deny.claim", "lemmas": ["deny", "reject", "refute"],
         "object": ["accusation", "charge", "claim"], "code": "016", "target": []},
        {"id": "accuse.v", "lemmas": ["accuse", "blame"], "code": "112", "target": ["dobj"]},
    ],
    "frames": [],
    "derive": {},
}


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, arnor_and_gondor({}))


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("Arnor accused Gondor of hoarding grain, a charge refuted by Gondor.",
     ("GON", "016", "ARN")),
    ("Arnor accused Gondor of hoarding grain, but Gondor rejected the accusation.",
     ("GON", "016", "ARN")),
])
def test_events_restated_charge_denied(nlp: Any, engine: EventCoder, text: str,
                                       expected: Triple) -> None:
    assert expected in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Arnor said that Gondor had rejected the accusation.",
    "Arnor declared victory, but the claim was rejected by Gondor.",
])
def test_events_restated_charge_not_owned(nlp: Any, engine: EventCoder, text: str) -> None:
    assert ("GON", "016", "ARN") not in coded_triples(nlp, engine, text)
