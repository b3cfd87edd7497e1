"""Rule tests of appeals and demands for a release (issue 14) on fictional actors: the
one asked is whoever holds the people, named by the by-phrase of the participle that says
they are held ("two sailors held by Gondor"), or for a detention only a state makes, the
state it is made in ("activists detained in Gondor"); a kidnapping in a state names no
captor, and an addressee named outside the release stays the target."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "call.for", "lemmas": ["call"], "prep": "for", "code": "020",
         "target": ["on", "dobj"]},
        {"id": "release.n", "lemmas": ["release"], "pos": "noun", "code": "084",
         "source": ["poss", "by", "amod", "compound"], "target": ["of"]},
        {"id": "demand.release", "lemmas": ["demand"], "object": ["release"],
         "code": "1053", "target": ["from", "of"]},
    ],
    "frames": [{"id": "appeal.f", "lemmas": ["call", "urge"], "kind": "appeal"}],
    "derive": {"appeal": {"default": "020", "084": "0253"}, "demand": {"default": "100"}},
}

ACTORS = arnor_and_gondor({"government": "GOV"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CASES = [
    ("Arnor called for the release of two sailors held by Gondor.", ("ARN", "0253", "GON"),
     True, "the by-phrase of the participle names who holds them"),
    ("Arnor demanded the release of three activists detained in Gondor.",
     ("ARN", "1053", "GON"), True, "a state's detention is made in the state that holds"),
    ("Arnor called for the release of an aid worker kidnapped in Gondor.",
     ("ARN", "0253", "GON"), False, "a kidnapping in a state names no captor"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "triple", "coded", "why"), CASES, ids=[c[3] for c in CASES])
def test_events_release_asks_the_captor(nlp: Any, engine: EventCoder, text: str,
                                        triple: Triple, coded: bool, why: str) -> None:
    assert (triple in coded_triples(nlp, engine, text)) is coded, why
