"""Targets of armed deeds told without a named object (issue 14): the side named as the
subject of a participle the parser hangs on 'with', a place struck that the gazetteer
does not know, read in the one country of its sentence, a bare role that force is aimed
at, read in that country too, and a place named with its wrapper ("Hama province")."""

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


@pytest.mark.parametrize(("text", "expected"), [
    ("Chilean troops mounted a fresh offensive against the rebels, who had dug in near "
     "Arequipa.", ("CHLMIL", "190", "PERREB")),
    ("Chilean warships launched missile strikes against government targets, a week after "
     "the talks in Lima collapsed.", ("CHLMIL", "195", "PERGOV")),
])
def test_events_armed_targets_role_in_sentence_country(nlp: Any, coder: Any, text: str,
                                                       expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "unexpected"), [
    # one of a role is as often a stranger where the deed is done
    ("Chilean agents killed a dissident inside the consulate in Lima.", ("CHL", "1823", "PEROPP")),
    # a place after 'from' says where someone or something comes from, not where force goes
    ("Chilean jets bombed the militants, who had crossed over from Peru.",
     ("CHLMIL", "195", "PERREB")),
    ("Chilean jets bombed the insurgents after weapons arrived from Peru.",
     ("CHLMIL", "195", "PERREB")),
])
def test_events_armed_targets_no_country_for_one_person_or_origin(nlp: Any, coder: Any,
                                                                  text: str,
                                                                  unexpected: Triple) -> None:
    assert unexpected not in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Chilean troops mounted a fresh offensive against the rebels in Arequipa province.",
     ("CHLMIL", "190", "PERREB")),
    ("Syrian jets bombed rebels in Hama province.", ("SYRMIL", "195", "SYRREB")),
])
def test_events_armed_targets_place_named_with_its_wrapper(nlp: Any, coder: Any, text: str,
                                                           expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)
