"""Rule tests of quotations whose speaker is named in another sentence (issue 14) on
fictional actors: a quotation that names no speaker and opens its sentence goes on from
the speaker of the quotation just before it, or is the one a following sentence says
spoke, and its 'we' is that speaker, for events aimed at an actor; a quotation after the
author's own words or after reported speech has no speaker."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "say.v", "lemmas": ["say", "add", "speak"], "code": "010", "target": ["to"]},
        {"id": "criticize.v", "lemmas": ["condemn"], "code": "111", "target": ["dobj"]},
        {"id": "visit.v", "lemmas": ["visit"], "code": "042", "target": ["dobj"]},
        {"id": "cross.border", "lemmas": ["cross"], "code": "192", "target": ["dobj"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = arnor_and_gondor({"government": "GOV", "minister": "GOV", "president": "GOV",
                           "opposition": "OPP", "army": "MIL"})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("\u201cWe are patient,\u201d the Arnorian minister said on Monday. \u201cWe condemn "
     "the Gondorian decision.\u201d", ("ARNGOV", "111", "GON"),
     "a quotation that names no speaker goes on from the quotation before it"),
    ("\u201cWe are patient,\u201d the Arnorian minister said on Monday. \u201cWe will "
     "wait.\u201d \u201cWe condemn the Gondorian decision.\u201d", ("ARNGOV", "111", "GON"),
     "and from a whole quotation before it that goes on from that speaker"),
    ("\u201cWe condemn the Gondorian decision.\u201d The Arnorian minister was speaking "
     "after talks in the capital.", ("ARNGOV", "111", "GON"),
     "a sentence after the quotation that only says someone spoke names its speaker"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_quoted_speakers_code(nlp: Any, engine: EventCoder, text: str,
                                     expected: Triple, why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("The Arnorian minister visited the capital on Monday. \u201cWe condemn the Gondorian "
     "decision.\u201d", "GON",
     "a quotation after the author's own words has no speaker to go on from"),
    ("The Arnorian minister said the talks had failed. \u201cWe condemn the Gondorian "
     "decision.\u201d", "GON",
     "nor one after reported speech, which may be the author's summing up"),
    ("\u201cWe are patient,\u201d the Arnorian minister said on Monday. The Gondorian army "
     "crossed the river. \u201cWe condemn the Gondorian decision.\u201d", "GON",
     "the author's words between two quotations end the run"),
    ("\u201cWe condemn the Gondorian decision.\u201d The Arnorian minister said the talks "
     "had failed.", "GON", "a statement after the quotation says something of its own"),
]


@pytest.mark.parametrize(("text", "target", "why"), NOT_CODED, ids=[c[2] for c in NOT_CODED])
def test_events_quoted_speakers_code_nothing(nlp: Any, engine: EventCoder, text: str,
                                             target: str, why: str) -> None:
    judged = {t for t in coded_triples(nlp, engine, text) if t[1][:2] in {"01", "11"}}
    assert not any(t[2] == target for t in judged), why



ONE_SIDED = [
    ("\u201cWe are patient,\u201d the Arnorian minister said on Monday. \u201cWe crossed the "
     "river.\u201d", False,
     "a speaker named in another sentence is trusted only for what is aimed at an actor"),
    ("\u201cWe crossed the river,\u201d the Arnorian minister said on Monday.", True,
     "a speaker named in the quotation's own sentence keeps a one-sided deed"),
]


@pytest.mark.parametrize(("text", "kept", "why"), ONE_SIDED, ids=[c[2] for c in ONE_SIDED])
def test_events_quoted_speakers_one_sided(nlp: Any, engine: EventCoder, text: str, kept: bool,
                                          why: str) -> None:
    assert (("ARNGOV", "192", None) in coded_triples(nlp, engine, text)) is kept, why
