"""A phrase after a name given in the object, on invented sentences with the shipped coder
(issue 14): the parser hangs the verb's phrase after "known as the Wolves" on the naming
participle; it is still the verb's ("extradited two members of the gang known as the
Wolves to Portugal" is extradition to Portugal)."""

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
    ("Spain extradited two members of the gang known as the Wolves to Portugal.",
     ("ESP", "063", "PRT")),
    ("Spain tried to extradite three members of the cell known as the Hawks to Portugal.",
     ("ESP", "063", "PRT")),
])
def test_events_named_as_phrase_is_the_verbs(nlp: Any, coder: Any, text: str,
                                             expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)
