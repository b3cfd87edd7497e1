"""A reaction to a deed is aimed at the deed's doer (issue 14): the doer its own phrase
names, else the one who did the same deed before in the article; never the reacting side
itself, and nothing for a deed whose doer is not told."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2022-03-16")


@pytest.mark.parametrize(("text", "expected"), [
    ("Ecuador fired two missiles into the sea on Sunday. Chile condemned these missile tests.",
     ("CHL", "111", "ECU")),
    ("Ecuador fired a missile over Peru on Tuesday. Chile held naval drills on Wednesday. "
     "Peru criticised the launch.", ("PER", "111", "ECU")),
    ("Chile struck a Peruvian army base on Friday. Lima vowed revenge for the attack.",
     ("PERGOV", "138", "CHL")),
    ("Bolivia vowed revenge for the Chilean raid.", ("BOL", "138", "CHL")),
    ("Bolivia demanded an apology for the Chilean seizure of the boat.", ("BOL", "100", "CHL")),
    ("Peru retaliated for the Chilean strike.", ("PER", "190", "CHL")),
    ("Ecuador fired a missile over Peru on Tuesday. Chile said the launch was reckless.",
     ("CHL", "111", "ECU")),
    ("Chile condemned the reckless provocation of Ecuador's latest missile launch.",
     ("CHL", "111", "ECU")),
    ("The Chilean minister said he was \"outraged\" by the provocation of Ecuador's "
     "missile launch.", ("CHLGOV", "110", "ECU")),
])
def test_events_deed_doers_reaction_aimed_at_doer(nlp: Any, coder: Any, text: str,
                                                  expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "code"), [
    ("Chile carried out air strikes on Peru on Monday. Chile defended its decision.", "052"),
    ("Peru imposed sanctions on Chile on Monday. Bolivia threatened sanctions on Tuesday.",
     "1312"),
    ("Peru shelled a Chilean town on Monday. Bolivia condemned any attack.", "111"),
    ("Chile shelled a Peruvian town on Monday. Twenty people were killed in a bombing in Lima "
     "on Tuesday. Bolivia condemned the attack.", "111"),
])
def test_events_deed_doers_no_doer_told(nlp: Any, coder: Any, text: str, code: str) -> None:
    reactions = [t for t in coded(nlp, coder, text) if t[1] == code]
    assert reactions
    assert all(t[2] is None for t in reactions)


@pytest.mark.parametrize("text", [
    "Ecuador fired a missile over Peru on Tuesday. Chile said the launch was a success.",
    "Ecuador fired a missile over Peru on Tuesday. Chile said these provocations only "
    "deepened the crisis.",
])
def test_events_deed_doers_statement_without_criticism(nlp: Any, coder: Any, text: str) -> None:
    """A statement whose clause does not criticise the deed, or only names it with a word
    of scorn, is aimed at no doer."""
    assert not any(t[0] == "CHL" and t[2] == "ECU" for t in coded(nlp, coder, text))
