"""A participle that only says a deed noun was done carries the noun's prepositions
(issue 14): "sanctions imposed on Russia" are sanctions on Russia. One with a doer of
its own ("imposed by Washington on Pyongyang") is coded as the verb's deed, once."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def events(nlp: Any, coder: Any, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2018-03-18")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


def test_events_carried_deeds_participle_preposition(nlp: Any, coder: Any) -> None:
    coded = events(nlp, coder, "The new US sanctions imposed on Russia last week hurt its banks.")
    assert ("USA", "163", "RUS") in coded


def test_events_carried_deeds_participle_with_doer_once(nlp: Any, coder: Any) -> None:
    coded = events(nlp, coder,
                   "The sanctions imposed by Washington on Pyongyang hit its coal exports.")
    assert [e for e in coded if e[1] == "163"] == [("USAGOV", "163", "PRKGOV")]

