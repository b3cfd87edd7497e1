"""Rule tests of 'the regime' and 'the administration' (issue 14): a name given to one
government points back to the government the article called so, not to the last
country named."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples, toy_coder
from toy_coder import country as _country

from dyadwatch.coding.events import EventCoder
from dyadwatch.kb.actors import ActorDictionary

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [{"id": "attack.v", "lemmas": ["attack"], "code": "190", "target": ["dobj"]}],
    "frames": [],
    "derive": {},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={"regime": "GOV", "administration": "GOV", "government": "GOV"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "unexpected"), [
    ("The Arnorian regime fell silent. Despite Gondor's warnings, the regime attacked Rohan.",
     ("ARNGOV", "190", "ROH"), ("GONGOV", "190", "ROH")),
])
def test_events_named_anaphors_point_back(nlp: Any, engine: EventCoder, text: str,
                                          expected: Triple, unexpected: Triple) -> None:
    triples = coded_triples(nlp, engine, text)
    assert expected in triples and unexpected not in triples
