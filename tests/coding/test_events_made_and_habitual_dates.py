"""Dates of deeds told by the participle that made them and of habits, on invented
sentences with the shipped dictionaries (issue 14): "sanctions imposed on Peru last week"
are last week's (no day, so no date), "the raid carried out on Tuesday" is Tuesday's, and a
deed told with an adverb of habit ("has constantly threatened") is background with no day."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

SATURDAY = "2019-03-02"


def coded(nlp: Any, coder: Any, text: str) -> list[tuple[Any, ...]]:
    article = Article(id="t", text=text, published=SATURDAY)
    return [(e.source, e.cameo[:2], e.target, e.date)
            for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chilean sanctions imposed on Peru on Tuesday help maintain the impression of unity.",
     ("CHL", "16", "PER", "2019-02-26")),
    ("Chilean sanctions imposed on Peru last week help maintain the impression of unity.",
     ("CHL", "16", "PER", None)),
    ("The Chilean raid carried out on Tuesday angered Peru, officials said on Saturday.",
     ("CHL", "19", "PER", "2019-02-26")),
    ("Chile has constantly threatened to strike Peru with missiles.",
     ("CHL", "13", "PER", None)),
    ("Chile constantly criticised Peru on Monday.", ("CHL", "11", "PER", "2019-02-25")),
])
def test_events_made_and_habitual_dates(nlp: Any, coder: Any, text: str,
                                        expected: tuple[Any, ...]) -> None:
    assert expected in coded(nlp, coder, text)
