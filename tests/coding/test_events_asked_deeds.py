"""Deeds only asked for or feared (issue 14): a deed or a frame set deeper in the to-clause of an
appeal or a demand ('urged Gondor to try to seize', 'urging Arnor and Rohan to agree')
is neither done nor agreed; the appeal itself is coded. A warning of a danger, of what
something else would cause, or to one's own people, is no threat; a rocket that lands and
'went to great lengths' are no journeys."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize(("text", "absent"), [
    ("Kenya urged Somalia to try to arrest the militia leaders.", "17"),
    ("Kenya is urging Ethiopia and Somalia to agree to a new border accord.", "03"),
])
def test_events_asked_deed_is_not_done(nlp: Any, coder: Any, text: str, absent: str) -> None:
    triples = coded(nlp, coder, text)
    assert [t for t in triples if t[0] == "KEN" and t[1].startswith("02")]
    assert not [t for t in triples if t[1].startswith(absent)]


def test_events_asked_conjunct_still_coded_through_appeal(nlp: Any, coder: Any) -> None:
    text = "Kenya urged Somalia to de-escalate, limit its military actions and avoid casualties."
    assert [t for t in coded(nlp, coder, text) if t[0] == "KEN" and t[2] == "SOM"]


@pytest.mark.parametrize("text", [
    "Kenyan officials warned of the dangers of a border clash with Somalia.",
    "Kenya warned that the bombing campaign could be the catalyst for a new exodus.",
    "Kenya warned that the new law would cause instability and new conflicts.",
    "Kenya warned its residents to stay indoors.",
])
def test_events_warning_of_danger_is_no_threat(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith("13")]


def test_events_warning_of_own_force_is_threat(nlp: Any, coder: Any) -> None:
    text = "Kenya warned Somalia that its troops would strike the militia camps."
    assert [t for t in coded(nlp, coder, text) if t[0] == "KEN" and t[1].startswith("13")]


@pytest.mark.parametrize("text", [
    "The Kenyan rocket broke apart over the coast and landed in the sea.",
    "Kenya had gone to considerable trouble to keep Somalia out of the talks.",
])
def test_events_no_journey(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == "042"]


def test_events_joined_journey_kept(nlp: Any, coder: Any) -> None:
    text = "The Kenyan president met Somali leaders and flew to Ethiopia on Monday."
    assert [t for t in coded(nlp, coder, text) if t[1] == "042" and t[2] == "ETH"]
