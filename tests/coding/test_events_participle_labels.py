"""Labels and one's own praise on invented sentences with the shipped dictionaries (issue
14): a participle of backing, arming or helping that picks out a noun, and one joined to
it, names a standing relationship; praise of one's own effort is no event between
actors; what a verb of owning up takes is conceded, no demand."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize(("text", "root"), [
    ("He still intends to withdraw the Kenyan troops currently helping the Somali army.", "0"),
    ("He was charged with assisting a militia helped by the Kenyan government.", "0"),
    ("The town fell to an alliance led by local militias and backed by Kenya.", "05"),
])
def test_events_participle_label_is_no_event(nlp: Any, coder: Any, text: str,
                                              root: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith(root)]


def test_events_helping_as_a_deed_is_kept(nlp: Any, coder: Any) -> None:
    triples = coded(nlp, coder, "Kenyan troops helped the Somali army retake the town.")
    assert [t for t in triples if t[0] and t[0].startswith("KEN") and t[1].startswith("0")]


@pytest.mark.parametrize("text", [
    "The Kenyan government continues to hail its small effort to resettle refugees.",
    "A new Peruvian video celebrates its missile capability.",
    "Kenya praised its own record on refugees.",
])
def test_events_own_praise_is_no_event(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == "051"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya hailed Somalia's decision to hold elections.", ("KEN", "051", "SOM")),
    ("Kenya praised Somalia for its role in the talks.", ("KEN", "051", "SOM")),
    ("Kenya praised Somalia's own plan for the elections.", ("KEN", "051", "SOM")),
])
def test_events_praise_of_another_is_kept(nlp: Any, coder: Any, text: str,
                                          expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)


def test_events_conceded_obligation_is_no_demand(nlp: Any, coder: Any) -> None:
    text = ("Kenyan diplomats have acknowledged that the Somali president would have to be "
            "allowed to stand in the elections.")
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith("10")]
    demand = "Kenya said Somalia must withdraw its troops."
    assert ("KEN", "106", "SOM") in coded(nlp, coder, demand)
