"""Force that a threat or a plan frames is aimed at the place its deed's object names
(issue 14): "threatened to invade Afrin" is a threat at Syria, as "invaded Afrin" is an
invasion of it; a place of the source's own state is no target (force at home)."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2018-03-18")


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey is threatening to invade Afrin.", ("TUR", "1382", "SYR")),
    ("Russia said its forces are poised to storm Idlib province.", ("RUSMIL", "138", "SYR")),
])
def test_events_framed_places_inner_object(nlp: Any, coder: Any, text: str,
                                           expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


def test_events_framed_places_home_place_no_target(nlp: Any, coder: Any) -> None:
    triples = coded(nlp, coder, "Damascus remains determined to retake Idlib.")
    assert not any(target == "SYR" for _, _, target in triples)
