"""Standing ties on invented sentences with the shipped dictionaries (issue 14): material
cooperation or aid told as a habit in the present after the lead ('backs the rebels',
'continue to receive weapons', 'hosts refugees', 'does fund') is a standing relationship,
no deed; the same deed in another tense, and a stance of support in the present, stay."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

LEAD = "Fighting went on near the border on Monday. "


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, LEAD + text, published="2020-01-08")


@pytest.mark.parametrize(("text", "absent"), [
    ("Kenya backs the Somali rebels in the south.", "06"),
    ("Somali rebels continue to receive weapons from Eritrea.", "07"),
    ("Kenya hosts half a million Somali refugees.", "07"),
    ("Ethiopia does fund Somali aid groups in the camps.", "07"),
    ("It once armed one Somali militia and now backs the Somali rebels.", "062"),
])
def test_events_standing_ties_present_habit_is_no_event(nlp: Any, coder: Any, text: str,
                                                         absent: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith(absent)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya has armed the Somali rebels since 2015.", ("KEN", "072", "SOMREB")),
    ("Ethiopia sent weapons to the Somali rebels last week.", ("ETH", "072", "SOMREB")),
    ("Eritrea backs the new Somali peace plan.", ("ERI", "051", "SOM")),
])
def test_events_standing_ties_other_tenses_and_stances_stay(
        nlp: Any, coder: Any, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya backs the Somali rebels in the south.", ("KEN", "062", "SOMREB")),
])
def test_events_standing_ties_lead_present_is_news(nlp: Any, coder: Any, text: str,
                                                   expected: Triple) -> None:
    assert expected in coded_triples(nlp, coder, text, published="2020-01-08")


@pytest.mark.parametrize(("text", "absent"), [
    ("The Somali president, who is backed by Ethiopia, said he would stay.", "051"),
    ("The Somali rebels, who are armed by Eritrea, seized a town.", "072"),
])
def test_events_standing_ties_present_passive_relative_is_no_event(
        nlp: Any, coder: Any, text: str, absent: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("A Kenyan aid worker, who is held by Somali rebels, wrote to his family.",
     ("SOMREB", "173", "KENNGO")),
])
def test_events_standing_ties_custody_relative_stays(nlp: Any, coder: Any, text: str,
                                                     expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)
