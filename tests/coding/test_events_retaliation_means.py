"""Rule tests of a retaliation told by its means (issue 14) on fictional actors: a
retaliation whose by-gerund says how it was done ("retaliated by expelling Gondorian
diplomats") is the deed of the gerund, coded from it; the verb alone still codes
("retaliated against Gondorian bases")."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import coded_triples, toy_coder
from toy_coder import country as _country

from dyadwatch.coding.events import EventCoder
from dyadwatch.kb.actors import ActorDictionary

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "attack.v", "lemmas": ["attack", "retaliate"], "code": "190",
         "target": ["dobj", "against"]},
        {"id": "deport.v", "lemmas": ["expel", "deport"], "code": "174", "target": ["dobj"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={"diplomats": "GOV", "bases": "MIL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_retaliation_means_told_by_gerund(nlp: Any, engine: EventCoder) -> None:
    triples = coded_triples(nlp, engine, "Arnor retaliated by expelling 23 Gondorian diplomats.")
    assert ("ARN", "174", "GONGOV") in triples
    assert not any(code == "190" for _, code, _ in triples)


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_retaliation_means_bare_verb_codes(nlp: Any, engine: EventCoder) -> None:
    triples = coded_triples(nlp, engine, "Arnor retaliated against Gondorian bases on Friday.")
    assert ("ARN", "190", "GONMIL") in triples
