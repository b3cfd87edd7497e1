"""Dispositions, guesses and standing stances on invented sentences with the shipped
dictionaries (issue 14): reluctance is neither a deed nor a refusal."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2019-02-01")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "absent"), [
    ("Kenya has been unwilling to order its troops out of Somalia.", ("12", "10")),
    ("Chile is reluctant to send more troops to Peru.", ("12", "15")),
    ("Chile hesitated to attack Peru.", ("12", "19")),
])
def test_events_dispositions_reluctance_codes_nothing(nlp: Any, coder: Any, text: str,
                                                      absent: tuple[str, ...]) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] in absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile refused to meet the Peruvian envoy.", ("CHL", "125", "PERGOV")),
])
def test_events_dispositions_refusal_kept(nlp: Any, coder: Any, text: str,
                                          expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)
