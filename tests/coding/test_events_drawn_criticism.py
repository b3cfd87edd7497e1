"""Rule tests of criticism told with a noun (issue 14) on fictional actors: a deed that
provokes or prompts criticism from a side is criticised by that side ('the Arnorian test
provoked condemnation from Gondor'), and a rebuke delivered to a side is aimed at it, as is
a statement made in a rebuke to it."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

CRITICISM = ["condemnation", "criticism", "rebuke"]

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "say.v", "lemmas": ["say"], "code": "010", "target": ["to"]},
        {"id": "say.in.rebuke", "lemmas": ["say"], "prep": "in",
         "prep_object": ["rebuke", "swipe"], "code": "111", "target": ["to", "at"]},
        {"id": "criticize.v", "lemmas": ["condemn", "criticise", "denounce"], "code": "111",
         "target": ["dobj", "for"]},
        {"id": "issue.condemnation", "lemmas": ["issue", "voice", "deliver"],
         "object": CRITICISM, "code": "111", "target": ["of", "against", "to"]},
        {"id": "draw.criticism", "lemmas": ["draw", "face", "provoke", "prompt", "spark"],
         "object": CRITICISM, "code": "111", "source": ["from", "by"], "target": ["nsubj"]},
        {"id": "condemnation.n", "lemmas": CRITICISM, "pos": "noun", "code": "111",
         "source": ["poss", "by", "amod", "compound", "from"],
         "target": ["of", "against", "on"]},
    ],
    "frames": [],
    "derive": {},
}


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, arnor_and_gondor({}))


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("The Arnorian test provoked condemnation from Gondor.", ("GON", "111", "ARN")),
    ("Arnor's blockade prompted a sharp rebuke by Gondor.", ("GON", "111", "ARN")),
    ("The Gondorian envoy delivered a rebuke to Arnor on Monday.", ("GON", "111", "ARN")),
    ("The border is closed, the Gondorian envoy said, in a rebuke to Arnor.",
     ("GON", "111", "ARN")),
    ("The Gondorian envoy said in a swipe at Arnor that the border was closed.",
     ("GON", "111", "ARN")),
])
def test_events_drawn_criticism(nlp: Any, engine: EventCoder, text: str,
                                expected: Triple) -> None:
    assert expected in coded_triples(nlp, engine, text)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unwanted"), [
    # the critic is the one the criticism comes from, never the deed's doer
    ("The Arnorian test provoked condemnation from Gondor.", ("ARN", "111", "GON")),
])
def test_events_drawn_criticism_roles(nlp: Any, engine: EventCoder, text: str,
                                      unwanted: Triple) -> None:
    assert unwanted not in coded_triples(nlp, engine, text)
