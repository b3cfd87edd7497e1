"""Rule tests of rebels and the opposition placed by the government they act on (issue 14)
on fictional actors: a noun that 'opposition' or 'rebel' qualifies, also one coordinated
with the clause's subject, is of the one government its clause acts on."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "criticize.v", "lemmas": ["condemn"], "code": "111", "target": ["dobj"]},
        {"id": "meet.v", "lemmas": ["meet"], "code": "040", "target": ["dobj", "with"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = arnor_and_gondor({"government": "GOV", "opposition": "OPP", "rebel": "REB"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


OPPOSING = [
    ("Arnor and Gondor met on Monday. Church groups and opposition leaders condemned the "
     "Gondorian government.", ("GONOPP", "111", "GONGOV"),
     "opposition leaders coordinated with the subject are of the government they act on"),
    ("Arnor and Gondor met on Monday. Opposition leaders condemned the Gondorian "
     "government.", ("GONOPP", "111", "GONGOV"),
     "a noun 'opposition' qualifies is of the government its clause acts on"),
]


@pytest.mark.parametrize(("text", "expected", "why"), OPPOSING, ids=[c[2] for c in OPPOSING])
def test_events_opposing_nouns_placed(nlp: Any, engine: EventCoder, text: str,
                                                    expected: Triple, why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_PLACED = [
    ("Arnor and Gondor met on Monday. Opposition leaders condemned the Gondorian army.",
     "GONOPP", "a government's forces, often abroad, place no one"),
]


@pytest.mark.parametrize(("text", "source", "why"), NOT_PLACED, ids=[c[2] for c in NOT_PLACED])
def test_events_opposing_nouns_not_placed(nlp: Any, engine: EventCoder, text: str,
                                          source: str, why: str) -> None:
    assert not any(t[0] == source for t in coded_triples(nlp, engine, text)), why
