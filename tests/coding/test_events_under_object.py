"""A hostile event noun after 'under' on a verb that has an object is done to the object,
not to the verb's subject (issue 14): in "Paris invited Kurdish leaders under assault from
Turkey to a summit" Turkey's assault is on the leaders, never on France."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def events(nlp: Any, coder: Any, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2018-03-18")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


def test_events_under_object_suffers(nlp: Any, coder: Any) -> None:
    coded = events(nlp, coder,
                   "Paris invited Kurdish leaders under assault from Turkey to a summit.")
    assert not any(source == "TUR" and target is not None and target.startswith("FRA")
                   for source, _, target in coded)


def test_events_under_subject_without_object(nlp: Any, coder: Any) -> None:
    coded = events(nlp, coder, "Syrian soldiers came under attack from Turkish jets.")
    assert ("TURMIL", "190", "SYRMIL") in coded or ("TUR", "190", "SYRMIL") in coded
