"""Rule tests of passive lists (issue 14) on fictional actors: a bare past participle
joined to a passive verb ("were trained and armed by", "was funded, trained and armed
by") shares that verb's auxiliary and so its subject, the patient of every participle in
the list; a joined verb with an auxiliary or subject of its own does not."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "arm.v", "lemmas": ["arm"], "code": "072", "target": ["dobj"]},
        {"id": "support.v", "lemmas": ["back"], "code": "051", "target": ["dobj"]},
        {"id": "criticize.v", "lemmas": ["condemn"], "code": "111", "target": ["dobj"]},
    ],
}

ACTORS = arnor_and_gondor({"militia": "REB", "militias": "REB", "army": "MIL",
                           "government": "GOV"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("The Gondorian militias were trained and armed by Arnor.", {("ARN", "072", "GONREB")},
     "a participle joined to a passive verb shares its subject"),
    ("The Gondorian militia was funded, trained and armed by the Arnorian army.",
     {("ARNMIL", "072", "GONREB")}, "so does the last participle of a comma list"),
    ("The Gondorian government was praised at home and condemned by Arnor.",
     {("ARN", "111", "GONGOV")}, "a joined participle with an agent of its own"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_passive_lists_share_subject(nlp: Any, engine: EventCoder, text: str,
                                            expected: set[Triple], why: str) -> None:
    assert expected <= coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("The Gondorian army was defeated and has condemned Arnor.", ("ARN", "111", "GONMIL"),
     "a joined verb with an auxiliary of its own is active: the army condemns"),
    ("Arnor was committed and backed the Gondorian militias.", ("*", "051", "ARN"),
     "a passive of disposition shares no patient"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED,
                         ids=[c[2] for c in NOT_CODED])
def test_events_passive_lists_own_clause(nlp: Any, engine: EventCoder, text: str,
                                         unexpected: Triple, why: str) -> None:
    coded = coded_triples(nlp, engine, text)
    assert not any(t[1:] == unexpected[1:] and unexpected[0] in {"*", t[0]} for t in coded), why
