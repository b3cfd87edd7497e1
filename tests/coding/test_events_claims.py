"""Deeds not stated as fact, on invented sentences with the shipped dictionaries (issue
14): a deed of another side told as the content of a claim or an allegation ("claims Peru
shelled …", "claims of Peruvian ships aiding …") codes nothing, nor do the other deeds
only pictured or sought listed below; a side's claim of its own deed, and a deed the text
states beside the claim, are kept."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize(("text", "root"), [
    ("The Chilean minister claims Peruvian troops shelled the border villages.", "19"),
    ("A lawyer alleges the Kenyan government has pressured Somalia to close the camps.", "17"),
    ("The Chilean president repeated his claim that Peru has proof that Bolivian troops "
     "shelled the border villages.", "19"),
    ("Two sources backed up their claims of Peruvian ships aiding Bolivia's efforts to "
     "buy fuel.", "07"),
    ("I imagined Kenyan jets bombing the Somali camp and killing us.", "19"),
    ("The film mixes real images with a fictional plot about Kenyan intelligence services "
     "conspiring to silence the Somali politician.", "17"),
    ("The envoy had been pushing for Peruvian fighters to be allowed to seek protection "
     "from Chilean troops.", "02"),
])
def test_events_claims_are_no_deed(nlp: Any, coder: Any, text: str, root: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith(root)]


@pytest.mark.parametrize(("text", "root"), [
    ("Chile claims to have encircled the Peruvian town of Tacna.", "19"),
    ("The Chilean army claims it has shelled Peruvian positions.", "19"),
    ("The Chilean senator disputed the president's claim that the army had won, used to "
     "justify his decision to withdraw Chilean troops from Peru.", "03"),
])
def test_events_claims_own_or_stated_deed_is_kept(nlp: Any, coder: Any, text: str,
                                                   root: str) -> None:
    assert [t for t in coded(nlp, coder, text) if t[1].startswith(root)]
