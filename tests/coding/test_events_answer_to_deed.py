"""An answer noun's to-phrase names the deed answered (issue 14): "Tokyo vowed a firm
response to the launch" is a threat at the one who launched, as "vowed revenge for the
strike" is at the one who struck."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def events(nlp: Any, coder: Any, text: str) -> set[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2018-03-18")
    return {(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Seoul promised a strong response to the North Korean missile launch.",
     ("KORGOV", "138", "PRK")),
    ("North Korea fired a missile over Japan on Tuesday. Tokyo vowed a firm response to "
     "the launch.", ("JPNGOV", "138", "PRK")),
])
def test_events_answer_to_deed_doer(nlp: Any, coder: Any, text: str,
                                    expected: tuple[str, str, str]) -> None:
    assert expected in events(nlp, coder, text)


def test_events_answer_to_indefinite_deed_no_target(nlp: Any, coder: Any) -> None:
    coded = events(nlp, coder,
                   "Washington promised a strong response to any attack on the ceasefire.")
    assert all(target is None for source, code, target in coded if code == "138")


def test_events_answer_in_response_force(nlp: Any, coder: Any) -> None:
    text = ("North Korea fired a missile over Japan. South Korea held a live-fire drill in "
            "response to the launch.")
    assert ("KOR", "150", "PRK") in events(nlp, coder, text)


def test_events_answer_in_response_meeting_no_target(nlp: Any, coder: Any) -> None:
    coded = events(nlp, coder,
                   "Japan held an emergency meeting in response to the North Korean launch.")
    assert all(target is None for _, code, target in coded if code.startswith("04"))
