"""Targets of armed deeds told without a named object (issue 14): the side named as the
subject of a participle the parser hangs on 'with', and a place struck that the gazetteer
does not know, read in the one country of its sentence."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

Triple = tuple[str | None, str, str | None]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    article = Article(id="t", text=text, published="2018-03-18")
    return {(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Chilean troops have shot down Peruvian drones and exchanged fire with Peruvian "
     "contractors working for a local militia.", ("CHLMIL", "193", "PERBUS")),
])
def test_events_armed_targets_participle_subject_after_with(nlp: Any, coder: Any, text: str,
                                                             expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Chilean jets attacked the village of Quebrada Honda in southern Peru.",
     ("CHLMIL", "190", "PER")),
    ("Chilean artillery shelled the town of Quebrada Honda, which lies near Arequipa.",
     ("CHLMIL", "194", "PER")),
])
def test_events_armed_targets_unknown_place_in_sentence_country(nlp: Any, coder: Any,
                                                                text: str,
                                                                expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)
