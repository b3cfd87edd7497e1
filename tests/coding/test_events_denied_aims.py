"""Clauses that are no deed on invented sentences with the shipped dictionaries (issue 14):
an aim to use force that the narrator attributes is no threat, the content of a denial or
of a saying negated is not stated, negation reaches a to-clause and its bare conjuncts,
a deed spared never happened, and a negated phrase names no target."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize("text", [
    "Chile hopes to drive the Peruvian militia out of the valley.",
    "The Bolivian council adopted sanctions on Peru, seeking to impose restrictions on "
    "Peruvian ships.",
    "Chilean troops are poised to storm the Peruvian border town.",
])
def test_events_denied_aims_narrated_aim_is_no_threat(nlp: Any, coder: Any,
                                                      text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith(("13", "17", "19"))]


@pytest.mark.parametrize("text", [
    "Chile pledged on Monday to drive the Peruvian militia out of the valley.",
    "Bolivia said on Monday it plans to attack the Peruvian border posts.",
])
def test_events_denied_aims_pledged_or_said_aim_is_a_threat(nlp: Any, coder: Any,
                                                            text: str) -> None:
    assert [t for t in coded(nlp, coder, text)
            if t[1].startswith("13") and (t[2] or "").startswith("PER")]


@pytest.mark.parametrize(("text", "absent"), [
    ("Chile denied on Monday that it was obliged to observe the truce with Peru.", "087"),
    ("Bolivia has not confirmed that its delegation will attend the talks with Peru.", "03"),
    ("Bolivia would not dare to shell Peruvian towns and attack Peruvian troops.", "19"),
    ("The Chilean government did not allow Peruvian troops to attack the rebels.", "19"),
    ("The Peruvian port was spared an assault by Chile last month.", "19"),
    ("Chilean officials say they\u2019ll attack the Peruvian border posts next.", "19"),
])
def test_events_denied_aims_clause_is_no_deed(nlp: Any, coder: Any, text: str,
                                              absent: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith(absent)]


@pytest.mark.parametrize("text", [
    "The Chilean president spoke at length on Monday, but not about Peru.",
])
def test_events_denied_aims_negated_phrase_is_no_target(nlp: Any, coder: Any,
                                                        text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if (t[2] or "").startswith("PER")]
