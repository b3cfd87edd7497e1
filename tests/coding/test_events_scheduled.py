"""Deeds that are scheduled, on invented sentences with the shipped dictionaries (issue 14):
"is due to" and "is about to" tell a deed still ahead, not one done; a plan in the present
passive ("is scheduled for talks on Friday", "is expected to visit") takes the coming day
and keeps the object of the deed it plans as the target."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

SATURDAY = "2019-03-02"


def coded(nlp: Any, coder: Any, text: str) -> list[tuple[Any, ...]]:
    article = Article(id="t", text=text, published=SATURDAY)
    return [(e.source, e.cameo, e.target, e.modality, e.date)
            for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry said the Chilean foreign minister is scheduled for talks with his "
     "Peruvian counterpart on Friday.", ("CHLGOV", "036", "PERGOV", "2019-03-08")),
    ("The Chilean foreign minister is scheduled to meet his Peruvian counterpart on Friday.",
     ("CHLGOV", "036", "PERGOV", "2019-03-08")),
    ("The Chilean president is due to visit Peru on Friday.",
     ("CHLGOV", "036", "PER", "2019-03-08")),
])
def test_events_scheduled_take_the_coming_day(nlp: Any, coder: Any, text: str,
                                              expected: tuple[Any, ...]) -> None:
    source, code, target, day = expected
    assert (source, code, target, "intended", day) in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chilean president is expected to visit Peru.", ("CHLGOV", "036", "PER")),
    ("Chile is about to impose sanctions on Peru.", ("CHL", "1312", "PER")),
])
def test_events_scheduled_keep_the_planned_target(nlp: Any, coder: Any, text: str,
                                                  expected: tuple[str, str, str]) -> None:
    assert expected in {event[:3] for event in coded(nlp, coder, text)}


def test_events_scheduled_are_not_done(nlp: Any, coder: Any) -> None:
    text = "The Chilean president is due to visit Peru next week."
    events = coded(nlp, coder, text)
    assert ("CHLGOV", "036", "PER") in {e[:3] for e in events}  # coded, as an intent
    assert not [e for e in events if e[1] == "042"]
