"""Rule tests of the place a withdrawal leaves (issue 14) on fictional actors: forces
withdrawn from where they are kept abroad ('the withdrawal of Arnorian troops in
Gondor', 'troops stationed in Gondor') are withdrawn from that country; forces in their
own country, or a phrase of time, leave no state."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "withdraw.troops", "lemmas": ["withdraw", "pull"],
         "object": ["troops", "forces", "soldiers"], "code": "0874", "target": ["from"]},
        {"id": "withdrawal.n", "lemmas": ["withdrawal", "drawdown"], "pos": "noun",
         "code": "0874", "source": ["poss", "amod", "compound", "of"], "target": ["from"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = arnor_and_gondor({"troops": "MIL", "forces": "MIL", "soldiers": "MIL"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("Arnor withdrew its troops in Gondor last week.", ("ARN", "0874", "GON")),
    ("Arnor will withdraw the soldiers stationed in Gondor.", ("ARN", "0874", "GON")),
    ("The withdrawal of Arnorian troops in Gondor began on Monday.", ("ARNMIL", "0874", "GON")),
    ("The Arnorian drawdown in Gondor worried the traders.", ("ARN", "0874", "GON")),
])
def test_events_garrison_left(nlp: Any, engine: EventCoder, text: str,
                              expected: Triple) -> None:
    assert expected in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Arnor withdrew its troops in March.",
    "Gondor withdrew its troops in Gondor after the floods.",
])
def test_events_garrison_no_place(nlp: Any, engine: EventCoder, text: str) -> None:
    assert all(target is None for _, code, target in coded_triples(nlp, engine, text)
               if code == "0874")
