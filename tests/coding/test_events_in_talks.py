"""Rule tests of sides told as being in talks (issue 14), on fictional actors: 'be' heading
its clause with a phrase of state is a verb of the dictionaries ('Arnor and Gondor are in
talks' is talks between them, both ways), and a negated copula denies the deed noun in its
phrase ('Arnor is not in talks with Gondor' codes no talks)."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "talks.n", "lemmas": ["talks", "talk", "negotiation", "negotiations"],
         "pos": "noun", "code": "046", "source": ["poss", "by", "amod", "compound"],
         "target": ["with", "between"]},
        {"id": "be.in.talks", "lemmas": ["be", "remain"], "prep": "in",
         "prep_object": ["talk", "talks", "negotiation", "negotiations"], "code": "046",
         "target": ["with"]},
    ],
    "frames": [],
    "derive": {},
}


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, arnor_and_gondor({"president": "GOV", "minister": "GOV"}))


CODED = [
    ("Arnor and Gondor are in talks over the border on Monday.", ("ARN", "046", "GON"),
     "sides named together in talks talk with each other"),
    ("Arnor and Gondor are in talks over the border on Monday.", ("GON", "046", "ARN"),
     "sides named together in talks talk with each other, both ways"),
    ("Arnor and Gondor remained in negotiations over the border on Monday.",
     ("ARN", "046", "GON"), "'remained in negotiations' as 'are in talks'"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED)
def test_events_in_talks_coded(nlp: Any, engine: EventCoder, text: str,
                               expected: Triple, why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("Arnor is not in talks with Gondor.", ("ARN", "046", "GON"),
     "a negated copula denies the talks in its phrase"),
    ("Arnor and Gondor could be in talks by June.", ("ARN", "046", "GON"),
     "talks that could be are no talks held"),
]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED)
def test_events_in_talks_not_coded(nlp: Any, engine: EventCoder, text: str,
                                   unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
