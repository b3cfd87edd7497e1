"""Rule tests of places (issue 14): a continent or world region is no state's place,
though the gazetteer knows a town by its name."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding.places import place_country
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.model import Location


class _Towns:
    """A gazetteer that knows a town by each name it is asked for."""

    def lookup(self, name: str) -> Location | None:
        return Location(name, "PHL", 0.0, 0.0)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The minister flew to Asia.", "Asia", None),
    ("The minister flew to Manila.", "Manila", "PHL"),
])
def test_places_world_region_no_country(nlp: Any, text: str, word: str,
                                        expected: str | None) -> None:
    doc = nlp(text)
    place = next(t for t in doc if t.text == word)
    assert place_country(place, _Towns(), load_knowledge().lexicon) == expected
