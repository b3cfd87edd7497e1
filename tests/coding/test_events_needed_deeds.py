"""Deeds asked for or planned, not done or threatened (issue 14). A necessity stated of an
empty 'it' ("said it was vital that Gondor withdraw") asks Gondor to act, an appeal like
'should'; the deed asked for is not done, even where no one is said to say it; a necessity
the speaker lays on itself, a fact and a denied necessity ask nothing. A deed of force
ahead on condition that its doer first gets the means ("would shoot them down if it bought
the radars") is a plan, no threat; one on condition of another's deed stays a threat.
"Told Gondor it must withdraw" is a demand on Gondor, not the speaker's own resolve."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister said it was vital that Somalia withdraw its troops.",
    "The Kenyan foreign minister said it was essential that Somalia should withdraw its troops.",
    "The Kenyan foreign minister said it is important for Somalia to withdraw its troops.",
    "Kenya said it was of vital importance that Somalia take concrete steps to ease tensions.",
    "The Kenyan foreign minister said it was time for Somalia to withdraw its troops.",
])
def test_events_needed_deed_is_an_appeal(nlp: Any, coder: Any, text: str) -> None:
    triples = coded(nlp, coder, text)
    assert [t for t in triples if t[0].startswith("KEN") and t[1].startswith("02")
            and t[2] == "SOM"]
    assert not [t for t in triples if t[0] == "SOM"]


@pytest.mark.parametrize("text", [
    "It is vital that Somalia withdraw its troops from Kenya.",
    "It is time for Somalia to withdraw its troops from Kenya.",
    "The Kenyan foreign minister said it was not necessary that Somalia withdraw its troops.",
])
def test_events_needed_deed_is_not_done(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[0] == "SOM"]


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister said it was vital that we move ahead with the border talks.",
    "The Kenyan foreign minister said it was important that Somalia was part of the talks.",
    "The Kenyan foreign minister said it was not necessary that Somalia withdraw its troops.",
])
def test_events_needed_deed_asks_nothing(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith(("02", "10"))]


@pytest.mark.parametrize("text", [
    "The Kenyan president said Somalia would shoot the drones down if it bought the new radars.",
    "Somalia will shoot the drones down when it completes the purchase of the radars, the"
    " Kenyan president said.",
])
def test_events_self_conditioned_deed_is_no_threat(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith("13")]


@pytest.mark.parametrize("text", [
    "Kenya will strike Somalia if it builds the dam, the Kenyan president said.",
    "Kenya will strike Somalia if the militia crosses the border, the Kenyan president said.",
])
def test_events_condition_on_another_keeps_threat(nlp: Any, coder: Any, text: str) -> None:
    assert ("KEN", "138", "SOM") in coded(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister told Somalia it must withdraw its troops from the border.",
])
def test_events_told_it_must_is_a_demand(nlp: Any, coder: Any, text: str) -> None:
    assert [t for t in coded(nlp, coder, text) if t[0] == "KENGOV" and t[1].startswith("10")
            and t[2] == "SOM"]


@pytest.mark.parametrize("text", [
    "The Kenyan president said it was critical for a political party to keep its promises.",
    "The Kenyan president said it was important for politicians to be mindful of their words.",
])
def test_events_needed_of_anyone_asks_no_one(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith("02")]
