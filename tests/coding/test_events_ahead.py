"""What is only aimed at, entailed or still to come, on invented sentences with the shipped
dictionaries (issue 14): a deed that a strategy or an agenda is is no deed, a hope or belief
whose will-clause has a clause for subject foresees, what 'it means doing' entails is no
deed, what a side will be forced to do is not done, and an event noun only sought is not done."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize("text", [
    "The Chilean strategy, with the help of Bolivia, is to expel the Peruvian rebels from "
    "the border towns.",
])
def test_events_ahead_strategy_codes_nothing(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] == "17"]


@pytest.mark.parametrize("text", [
    "Bolivian rebels hope that taking the Chilean border town will open a humanitarian "
    "corridor into Peru.",
    "Bolivia hopes that seizing the port will force Chile to negotiate.",
])
def test_events_ahead_hoped_effect_codes_nothing(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] in {"03", "04"}]


@pytest.mark.parametrize(("text", "absent", "expected"), [
    ("Peru's minister said a no-fly zone is war. It means destroying Chile's combat planes "
     "from the air.", "13", None),
    ("Chile said it meant to strike the Peruvian rebels.", "19", ("CHL", "138", "PERREB")),
])
def test_events_ahead_entailed_codes_nothing(nlp: Any, coder: Any, text: str, absent: str,
                                            expected: tuple[str, str, str] | None) -> None:
    triples = coded(nlp, coder, text)
    assert not [t for t in triples if t[1][:2] == absent]
    assert expected is None or expected in triples


@pytest.mark.parametrize("text", [
    "This will force Peru to negotiate with Chile.",
    "The sanctions would push Bolivia to negotiate with Chile.",
])
def test_events_ahead_forced_later_codes_nothing(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] == "04"]


@pytest.mark.parametrize(("text", "absent", "expected"), [
    ("Chile is seeking a UN-led investigation into the shooting of Peruvian fishermen.", "09",
     None),
    ("Bolivia wants a UN inquiry into the Chilean raid.", "09", None),
    ("Chile wants the Peruvian blockade lifted.", "00", ("PER", "191", None)),
])
def test_events_ahead_sought_noun_codes_nothing(nlp: Any, coder: Any, text: str, absent: str,
                                                expected: tuple[str, str, None] | None) -> None:
    triples = coded(nlp, coder, text)
    assert not [t for t in triples if t[1][:2] == absent]
    assert expected is None or expected in triples
