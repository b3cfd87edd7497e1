"""A bare 'the regime' that no earlier 'X regime' explains is the state the article has
named far more often than any other before it (by its names, capital and demonyms), not
the last state named in passing; with no such state it stays the last one named
(issue 14). Invented sentences, shipped dictionaries."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def sources(nlp: Any, coder: Any, text: str) -> set[str | None]:
    article = Article(id="t", text=text, published="2021-03-10")
    return {e.source for e in coder.code_doc(nlp(text), article) if e.cameo == "150"}


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("North Korea fired a missile on Monday. North Korea said the launch was a success. "
     "Pyongyang has fired 12 missiles this year, and North Korean state media praised the "
     "test. Japan protested. Weeks later the regime tested another rocket.",
     "PRKGOV", "JPNGOV"),
    ("Sudan's army shelled the town. Chad condemned the shelling. Later the regime tested "
     "another rocket.", "TCDGOV", "SDNGOV"),
])
def test_actor_dominant_regime_is_the_state_named_far_most(nlp: Any, coder: Any, text: str,
                                                           present: str, absent: str) -> None:
    found = sources(nlp, coder, text)
    assert present in found
    assert absent not in found
