"""Moods on invented sentences with the shipped dictionaries (issue 14): a relative clause
in the simple present describes a standing relationship, not a deed."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2019-02-01")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "absent"), [
    ("Russia, which backs the Syrian government, said on Monday it would veto the resolution.",
     "051"),
    ("The coalition, which arms the Kurdish militia, said it would stay in Syria.", "072"),
    ("Kenya, which fears the spread of the Somali militias, closed the border.", "012"),
])
def test_events_moods_standing_relative_is_no_event(nlp: Any, coder: Any, text: str,
                                                    absent: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey, which attacked Afrin in January, said on Monday it would not withdraw.",
     ("TUR", "190", "SYR")),
])
def test_events_moods_past_relative_is_kept(nlp: Any, coder: Any, text: str,
                                            expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)
