"""Senses of shipped verbs on invented sentences (issue 14): a regret for deaths is a
condolence, not disapproval; contributing to a report (a byline) or to a ruin is no aid."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2018-06-12")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("The government of Chile deeply regrets the deaths of 12 Peruvian passengers.",
     ("CHLGOV", "018", "PERCVL"), "110"),
    ("Chile regrets Peru's decision to close the border.", ("CHL", "110", "PER"), "018"),
])
def test_events_shipped_senses_regret(nlp: Any, coder: Any, text: str,
                                      expected: tuple[str, str, str], absent: str) -> None:
    triples = coded(nlp, coder, text)
    assert expected in triples
    assert not [t for t in triples if t[1] == absent]


@pytest.mark.parametrize(("text", "aid"), [
    ("Reuters reporters in Lima contributed to this report.", False),
    ("Ruritania said Britain contributed to the wreckage of Libya.", False),
    ("Japan contributed 10 million dollars to the UN refugee agency.", True),
])
def test_events_shipped_senses_contribute(nlp: Any, coder: Any, text: str, aid: bool) -> None:
    assert bool([t for t in coded(nlp, coder, text) if t[1] == "070"]) is aid
