"""Rule tests of a frame noun's to-clause that the parser hangs on the main verb (issue 14),
on fictional actors: 'alarmed Rohan with his vow to destroy Gondor' is a threat to Gondor,
as 'repeated his vow to destroy Gondor' is; a to-clause that does not follow the noun at
once ('with his advisers to discuss') stays the main verb's."""

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
        {"id": "destroy.v", "lemmas": ["destroy"], "code": "1712", "target": ["dobj"]},
        {"id": "talk.v", "lemmas": ["discuss"], "code": "040", "target": ["with"]},
    ],
    "frames": [{"id": "threaten.f", "lemmas": ["vow", "threat"], "kind": "threaten"}],
    "derive": {"threaten": {"default": "130", "17": "138"}},
}

ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={"president": "GOV"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Arnor's president alarmed Rohan with his vow to destroy Gondor.",
    "Arnor's president repeated his vow to destroy Gondor.",
])
def test_a_vow_to_destroy_is_a_threat_wherever_the_parser_hangs_it(
        nlp: Any, engine: EventCoder, text: str) -> None:
    coded = coded_triples(nlp, engine, text)
    assert any(s and s.startswith("ARN") and c.startswith("13") and t == "GON"
               for s, c, t in coded), coded
    assert not any(c.startswith("17") for _, c, _ in coded), coded
