"""Rule tests of plain descriptions (issue 14) on fictional actors: a verb of calling that
says no criticism is about its object alone, so a thing described ('the situation in
Gondor', 'it' for a moment) gives the statement no target; a side described keeps it."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "describe.v", "lemmas": ["describe", "characterise"], "code": "010",
         "target": ["dobj"]},
        {"id": "call.name", "lemmas": ["call"], "complement": True, "code": "010",
         "target": ["dobj"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = arnor_and_gondor({"minister": "GOV", "army": "MIL", "militia": "REB"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


THINGS = [
    "The Arnorian minister described the situation in Gondor as grim.",
    "The Arnorian minister characterised the objective in Gondor as a lasting peace.",
    "The Arnorian minister described Gondor's northern valleys as quiet.",
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize("text", THINGS)
def test_events_described_thing_has_no_target(nlp: Any, engine: EventCoder, text: str) -> None:
    assert [t for t in coded_triples(nlp, engine, text) if t[2] is not None] == []


SIDES = [
    ("The Arnorian minister described Gondor as a partner.", ("ARNGOV", "010", "GON")),
    ("The Arnorian minister described the Gondorian army as a partner.",
     ("ARNGOV", "010", "GONMIL")),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), SIDES)
def test_events_described_side_is_the_target(nlp: Any, engine: EventCoder, text: str,
                                             expected: tuple[str, str, str]) -> None:
    assert expected in coded_triples(nlp, engine, text)
