"""Dispositions, guesses and standing stances on invented sentences with the shipped
dictionaries (issue 14): reluctance is neither a deed nor a refusal, a will-clause of belief
or fear and a deed under an adverb of a guess are no deeds, a perfect with 'long' tells a
stance held for years, 'committed' as an adjective pledges nothing, and praise said in
mockery is no praise."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize(("text", "absent"), [
    ("Kenya has been unwilling to order its troops out of Somalia.", ("12", "10")),
    ("Chile is reluctant to send more troops to Peru.", ("12", "15")),
    ("Chile hesitated to attack Peru.", ("12", "19")),
    ("The voters are reluctant for the state to fund the parties.", ("07",)),
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


@pytest.mark.parametrize(("text", "absent"), [
    ("Chile said it believed Peruvian militias would use civilians as human shields.",
     ("13", "18")),
    ("There are concerns that the Somali rebels will free the Kenyan prisoners.", ("03", "08")),
    ("Peru probably carried out the raid on the Chilean border post.", ("19", "18")),
    ("Chile allegedly attacked a Peruvian border post.", ("19", "18")),
])
def test_events_dispositions_foreseen_codes_nothing(nlp: Any, coder: Any, text: str,
                                                    absent: tuple[str, ...]) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] in absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Maybe Chile is waiting for its allies, but last year it attacked Peru at once.",
     ("CHL", "190", "PER")),
    ("Chile said it would launch an assault on Peru.", ("CHL", "138", "PER")),
    ("Officials in Lima think Peru will look carefully at what the Chilean president said "
     "about Bolivia.", ("CHLGOV", "010", "BOL")),
])
def test_events_dispositions_announced_kept(nlp: Any, coder: Any, text: str,
                                            expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("The Chilean president has long partnered with Peru against the cartels.", ("06",)),
    ("Kenya has long protested at Somalia's claims to the island.", ("14",)),
    ("Chile had long feared that Peru would annex the border town.", ("01",)),
])
def test_events_dispositions_long_held_codes_nothing(nlp: Any, coder: Any, text: str,
                                                     absent: tuple[str, ...]) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] in absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile has long accused Peru of arming the rebels.", ("CHL", "112", "PER")),
    ("Peruvian opposition leaders have long called for the Chilean ambassador's expulsion.",
     ("PEROPP", "020", "CHLGOV")),
])
def test_events_dispositions_long_accusation_kept(nlp: Any, coder: Any, text: str,
                                                  expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("Chile said it was committed to the defence of Peru.", ("03",)),
    ("Chile said the Peruvian rebels remain nominally allied to Bolivia.", ("05",)),
])
def test_events_dispositions_committed_codes_nothing(nlp: Any, coder: Any, text: str,
                                                     absent: tuple[str, ...]) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] in absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile committed to more air strikes against the Peruvian rebels.",
     ("CHL", "1384", "PERREB")),
    ("Peruvian rebels have now allied with Chilean government forces in the north.",
     ("PERREB", "050", "CHLGOV")),
])
def test_events_dispositions_pledge_kept(nlp: Any, coder: Any, text: str,
                                         expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("The Peruvian opposition leader mockingly welcomed the Chilean president to the summit.",
     ("05",)),
    ("Kenya sarcastically thanked Somalia for its help.", ("05",)),
])
def test_events_dispositions_mock_praise_codes_nothing(nlp: Any, coder: Any, text: str,
                                                       absent: tuple[str, ...]) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] in absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya warmly thanked Somalia for its help.", ("KEN", "051", "SOM")),
])
def test_events_dispositions_sincere_praise_kept(nlp: Any, coder: Any, text: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)
