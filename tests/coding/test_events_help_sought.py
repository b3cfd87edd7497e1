"""Help asked for and help come to, on invented sentences with the shipped coder (issue
14): an appeal for help is aimed at the one named as the help's giver ("pleaded for help
from Peru"); the one who comes to another's aid helps it, and the possessor of 'aid' is the
one helped, not the helper ("Chile came to Peru's aid")."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

Triple = tuple[str | None, str, str | None]


def coded(nlp: Any, coder: Any, text: str) -> list[Triple]:
    article = Article(id="t", text=text, published="2018-06-12")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ecuadorian officials pleaded for help from Colombia.", ("ECUGOV", "020", "COL")),
    ("Ecuador's calls for Colombian support went unanswered.", ("ECU", "020", "COL")),
    ("Ecuador called for Colombia's help.", ("ECU", "020", "COL")),
])
def test_events_help_sought_from_named_giver(nlp: Any, coder: Any, text: str,
                                             expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


def test_events_help_sought_no_giver_no_target(nlp: Any, coder: Any) -> None:
    assert ("ECU", "020", None) in coded(nlp, coder, "Ecuador called for international help.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile came to Peru's aid after the floods.", ("CHL", "070", "PER")),
    ("Chile rushed to the aid of the Peruvian government.", ("CHL", "070", "PERGOV")),
])
def test_events_help_sought_come_to_aid(nlp: Any, coder: Any, text: str,
                                        expected: Triple) -> None:
    triples = coded(nlp, coder, text)
    assert expected in triples
    assert not [t for t in triples if t[0] == "PER"]  # Peru gives no aid
