"""Hearsay on invented sentences with the shipped dictionaries (issue 14): a deed told as
what others say, think or claim ("is said to have", "is believed to", "unconfirmed
reports that …", "denied reports that …") is not stated as fact and codes nothing; one the
text states is kept."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize(("text", "root"), [
    ("The Kenyan general was said to have ordered the shelling of Somali villages.", "19"),
    ("Chilean troops are believed to have captured two Peruvian towns.", "19"),
    ("There are unconfirmed reports that Peruvian soldiers were killed in clashes with "
     "Chilean troops.", "19"),
    ("According to unverified accounts, Kenyan jets bombed a Somali village.", "19"),
    ("The Kenyan government denied reports that its troops had shelled Somali villages.",
     "19"),
    ("The Chilean president dismissed claims he had met Peruvian rebel leaders in Lima.",
     "04"),
])
def test_events_hearsay_is_no_deed(nlp: Any, coder: Any, text: str, root: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith(root)]


@pytest.mark.parametrize(("text", "root"), [
    ("Kenyan artillery is known to have shelled Somali villages.", "19"),
    ("Kenya said it had encircled the Somali town of Kismayo.", "19"),
    ("Kenya denied the reports and shelled Somali villages.", "19"),
    ("The protests are thought to have been part of a day of action to protest against "
     "Kenyan attacks on Somali villages.", "19"),
    ("The files are believed to contain the plans for the Kenyan president's visit to "
     "Somalia this week.", "04"),
])
def test_events_hearsay_stated_deed_is_kept(nlp: Any, coder: Any, text: str, root: str) -> None:
    assert [t for t in coded(nlp, coder, text) if t[1].startswith(root)]
