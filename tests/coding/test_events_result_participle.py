"""Rule tests of a participle of result (issue 14) on fictional actors: in 'Arnorian
troops staged drills, angering Gondor' the angering is the drills' doing, so Gondor's
anger is aimed at Arnor's troops, as for a participle that names who criticises the
main clause's subject ('drawing criticism from Gondor')."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "anger.v", "lemmas": ["anger", "infuriate"], "code": "110",
         "source": ["dobj"], "target": ["nsubj", "agent"]},
        {"id": "draw.criticism", "lemmas": ["draw"], "object": ["criticism"], "code": "111",
         "source": ["from"], "target": ["nsubj"]},
        {"id": "hold.drills", "lemmas": ["stage", "hold"], "object": ["drills"], "code": "150",
         "target": []},
    ],
    "frames": [],
    "derive": {},
}


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, arnor_and_gondor({"troops": "MIL"}))


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("Arnorian troops staged drills near the river, angering Gondor.",
     ("GON", "110", "ARNMIL")),
    ("Arnor closed the border on Monday, drawing criticism from Gondor.",
     ("GON", "111", "ARN")),
])
def test_events_result_participle_doer(nlp: Any, engine: EventCoder, text: str,
                                       expected: Triple) -> None:
    assert expected in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "The storm flooded the valley on Monday, angering Gondor.",
])
def test_events_result_participle_no_doer(nlp: Any, engine: EventCoder, text: str) -> None:
    assert all(target is None for _, code, target in coded_triples(nlp, engine, text)
               if code == "110")
