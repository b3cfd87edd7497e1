"""Rule tests of labels and judgements (issue 14) on fictional actors: a verb of calling
whose label scorns criticises the one labelled, a neutral label does not; what the 'as'
phrase of a verb of scorn names is no deed; a criticised subject outranks a forecast one;
a word of scorn set before an organ of state in a quote criticises that organ."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "say.v", "lemmas": ["say"], "code": "010", "target": ["to"]},
        {"id": "call.name", "lemmas": ["call", "label"], "complement": True, "code": "010",
         "target": ["dobj", "named_object"]},
        {"id": "describe.v", "lemmas": ["describe"], "code": "010", "target": ["dobj"]},
        {"id": "dismiss.as", "lemmas": ["dismiss"], "prep": "as", "code": "111",
         "target": ["dobj"]},
        {"id": "meeting.n", "lemmas": ["meeting"], "pos": "noun", "code": "040",
         "source": ["poss", "amod"], "target": ["with", "between"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = arnor_and_gondor({
    "government": "GOV", "regime": "GOV", "ministers": "GOV", "opposition": "OPP",
    "president": "GOV",
})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("The Arnorian president called the Gondorian president a monster.",
     ("ARNGOV", "111", "GONGOV"), "a scornful label given by a verb of calling criticises"),
    ("The Arnorian president labelled the Gondorian president a criminal.",
     ("ARNGOV", "111", "GONGOV"), "a label of crime is scorn when a verb of calling gives it"),
    ("Arnor described Gondor's sanctions as economic terrorism.", ("ARN", "111", "GON"),
     "an 'as' label of scorn on an owned thing criticises the owner"),
    ("Arnor described the Gondorian government as a criminal regime.",
     ("ARN", "111", "GONGOV"), "a label word before a noun of a body is the label"),
    ("The Arnorian president described the Gondorian envoy in a speech as a criminal.",
     ("ARNGOV", "111", "GON"), "an 'as' hung on the object of the verb's preposition"),
    ("The Arnorian opposition said the Credit Bill would help, but ministers had been "
     "complacent.", ("ARNOPP", "111", "ARNGOV"),
     "a criticised subject comes before a forecast's named subject"),
    ("\u201cThis dodgy regime that handed us the dodgy census is now drafting a dodgy "
     "constitution,\u201d the Arnorian opposition said.", ("ARNOPP", "111", "ARNGOV"),
     "a word of scorn before an organ of state in the quote criticises the organ"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_labels_code(nlp: Any, engine: EventCoder, text: str, expected: Triple,
                            why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("The Arnorian president called the Gondorian president a neighbour.", "111",
     "a neutral label is no criticism"),
    ("Arnor called Gondor's talks constructive.", "111", "praise is no criticism"),
    ("Arnor called Gondor's vote a dangerous moment.", "111",
     "a label word before a noun of no body tells of a state of affairs"),
    ("Arnor dismissed Gondor's summit as a meeting of the government with itself.", "040",
     "the 'as' phrase of a verb of scorn names no meeting held"),
]


@pytest.mark.parametrize(("text", "code", "why"), NOT_CODED, ids=[c[2] for c in NOT_CODED])
def test_events_labels_code_nothing(nlp: Any, engine: EventCoder, text: str, code: str,
                                    why: str) -> None:
    assert not [t for t in coded_triples(nlp, engine, text) if t[1] == code], why
