"""Rule tests of event locations (issue 14): a wider place after a town the gazetteer does
not know, and a place named with its wrapper word; a name tagged as an organisation is a
place only under the gazetteer's own name for it."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding.places import event_location, organisation_place_country
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.model import Location


class _Gazetteer:
    def __init__(self, places: dict[str, str], names: dict[str, str] | None = None) -> None:
        self.places = places
        self.names = names or {}  # an alternate name → the place's own name

    def lookup(self, name: str) -> Location | None:
        country = self.places.get(name)
        return Location(self.names.get(name, name), country) if country else None


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "country"), [
    ("Gunmen killed ten people in the village of Kafr Batna in Homs province.", "SYR"),
    ("Gunmen killed ten people in Hasakah province.", "SYR"),
    ("Gunmen killed ten people in the town of Kobani.", "SYR"),
])
def test_places_event_location_wider_place(nlp: Any, text: str, country: str) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "kill")
    gazetteer = _Gazetteer({"Homs": "SYR", "Hasakah": "SYR", "Kobani": "SYR"})
    found = event_location((verb,), gazetteer, load_knowledge().lexicon)
    assert found is not None and found.country == country


@pytest.mark.issue(14)
@pytest.mark.parametrize(("word", "country"), [("Idlib", "SYR"), ("Hamas", None)])
def test_places_organisation_name_only_by_own_name(word: str, country: str | None) -> None:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["strikes", "on", word], pos=["NOUN", "ADP", "PROPN"])
    doc.ents = [Span(doc, 2, 3, label="ORG")]
    gazetteer = _Gazetteer({"Idlib": "SYR", "Hamas": "DEU"}, names={"Hamas": "Hamm"})
    assert organisation_place_country(doc[2], gazetteer) == country
