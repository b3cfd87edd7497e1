"""Rule tests of a particle read as the first word of 'out of' (issue 14) on fictional
actors: 'Arnorian troops pulled out of Gondor' is a withdrawal from Gondor; the verb with
an object ('forced the merchants out of Gondor') or a thing that is no place ('pulled out
of the accord') is not."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "pull.out", "lemmas": ["pull", "move"], "particle": "out", "code": "0874",
         "target": ["of", "from"]},
        {"id": "drive.out", "lemmas": ["drive", "force"], "particle": "out", "code": "190",
         "target": ["dobj", "of", "from"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = arnor_and_gondor({
    "troops": "MIL", "army": "MIL", "merchants": "BUS",
})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("Arnorian troops pulled out of Gondor last week.", ("ARNMIL", "0874", "GON")),
])
def test_events_out_of_place(nlp: Any, engine: EventCoder, text: str,
                             expected: Triple) -> None:
    assert expected in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "code"), [
    ("The Arnorian army forced the merchants out of Gondor.", "190"),
    ("Arnor pulled out of the trade accord in May.", "0874"),
])
def test_events_out_of_not_place(nlp: Any, engine: EventCoder, text: str, code: str) -> None:
    assert not any(c == code for _, c, _ in coded_triples(nlp, engine, text))
