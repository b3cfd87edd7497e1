"""Which side acted, where a construction hides it (issue 14), on invented sentences coded
with the shipped dictionaries: a by-phrase that is denied names no doer ("not by X, but by
Y" is Y's deed); the subject of a participle after 'with' is what was done to ("with the
rebels crushed"), and so is an object pronoun before a participle ("to have them killed");
the noun a 'whose' clause describes owns its subject and is no left-out object; an object
pronoun the parser made the subject of the clause below is never the subject of its own
verb ("Turkey helped them train")."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

Triple = tuple[str | None, str, str | None]


def coded(nlp: Any, coder: Any, text: str) -> list[Triple]:
    article = Article(id="t", text=text, published="2021-03-10")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "doer", "denied"), [
    ("The port was shelled not by the Ethiopian army but by Eritrea, monitors said.",
     "ERI", {"ETHMIL"}),
    ("The convoy was attacked by Sudanese troops, not by Chad.", "SDNMIL", {"TCD"}),
    ("The convoy was attacked not by Chad or Libya, but by Sudanese troops.", None,
     {"TCD", "LBY"}),
])
def test_actor_sides_denied_agent_did_nothing(nlp: Any, coder: Any, text: str,
                                              doer: str | None, denied: set[str]) -> None:
    sources = {source for source, _, _ in coded(nlp, coder, text)}
    assert doer is None or doer in sources
    assert not sources & denied


@pytest.mark.parametrize(("text", "not_doer"), [
    ("With the Tamil Tigers routed and the opposition in disarray, India and Sri Lanka "
     "will hold talks in Delhi.", "LKAREB"),
    ("With al-Shabaab crushed, Somalia will rebuild the port.", "SOMREB"),
    ("Kenya's interior minister said the only way of dealing with the fighters is to have "
     "them killed.", "KEN"),
    ("Ethiopia would prefer them expelled, said the Somali rebels.", "ETH"),
])
def test_actor_sides_absolute_participle_subject_is_no_doer(nlp: Any, coder: Any, text: str,
                                                            not_doer: str) -> None:
    assert all(source != not_doer for source, _, _ in coded(nlp, coder, text))


@pytest.mark.parametrize(("text", "event"), [
    ("With al-Shabaab crushed by Kenyan troops, Somalia will rebuild the port.",
     ("KENMIL", "175", "SOMREB")),
    ("Even as the rebels negotiated with Russia for protection, government troops took "
     "other towns in Syria.", ("RUS", "046", "REB")),
])
def test_actor_sides_named_agent_or_finite_clause_still_codes(nlp: Any, coder: Any,
                                                              text: str, event: Triple) -> None:
    assert event in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "owner"), [
    ("Iran, whose Quds Force and militiamen are fighting alongside Iraq's forces, said it "
     "would respect the ceasefire.", "IRN"),
])
def test_actor_sides_whose_clause_noun_is_no_object(nlp: Any, coder: Any, text: str,
                                                    owner: str) -> None:
    assert all(target != owner for _, _, target in coded(nlp, coder, text))


@pytest.mark.parametrize(("text", "helper"), [
    ("Kenyan officials say Ethiopia has helped them train thousands of police.", "ETH"),
])
def test_actor_sides_raised_object_pronoun_is_not_its_verbs_subject(
        nlp: Any, coder: Any, text: str, helper: str) -> None:
    assert all(source != helper for source, code, _ in coded(nlp, coder, text)
               if code.startswith("06"))
