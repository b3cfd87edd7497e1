"""Event locations: the place a sentence says the event happened in."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Protocol

from dyadwatch.coding.doc_arrays import entity_at
from dyadwatch.model import Location

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.kb.lexicon import Lexicon

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


class PlaceLookup(Protocol):
    def lookup(self, name: str) -> Location | None: ...


def event_location(anchors: tuple[Token, ...], gazetteer: PlaceLookup,
                   lex: Lexicon) -> Location | None:
    """The first place named in a locative phrase on the predicate or its objects
    ("… attacked US targets in Iraq", "… in the town of Gorazde")."""
    for anchor in anchors:
        for place in _locative_places(anchor, lex):
            found = _lookup(place, gazetteer, lex)
            if found is not None:
                return found
    return None


def _lookup(place: Token, gazetteer: PlaceLookup, lex: Lexicon) -> Location | None:
    """A place by its whole name, else by its name without the wrapper word the tagger
    took into it ("Homs province" is Homs)."""
    name = _entity_text(place)
    if _world_region(name, lex):
        return None
    found = gazetteer.lookup(name)
    if found is not None:
        return found
    words = name.split()
    bare = [w for w in words if w.lower() not in lex.place_wrappers]
    return gazetteer.lookup(" ".join(bare)) if bare and len(bare) < len(words) else None


def place_country(place: Token, gazetteer: PlaceLookup, lex: Lexicon) -> str | None:
    """The country of a named place, or of the place a wrapper names ("the town of
    Afrin", "Idlib province"), from the gazetteer."""
    names = _wrapped_places(place, compounds=place.pos_ != "PROPN") if (
        place.lemma_.lower() in lex.place_wrappers) else [place]
    for name in names:
        if _place_name(name):
            found = _lookup(name, gazetteer, lex)
            if found is not None and found.country:
                return found.country
    return None


def organisation_place_country(place: Token, gazetteer: PlaceLookup) -> str | None:
    """The country of a proper name the tagger took for an organisation ("strikes on
    Idlib"), only when the gazetteer knows it by that very name: its alternate names hold
    organisations' names for other places ("Hamas" is a name of Hamm)."""
    if place.ent_type_ != "ORG" or place.pos_ != "PROPN":
        return None
    name = _entity_text(place)
    found = gazetteer.lookup(name)
    if found is None or _folded(found.name) != _folded(name):
        return None
    return found.country


def _world_region(name: str, lex: Lexicon) -> bool:
    """A continent or world region ("Asia", "the Middle East"): no state's place, though
    the gazetteer knows a town by the same name."""
    return name.lower().strip() in lex.world_regions


def _folded(name: str) -> str:
    """A name without accents, marks or case ("‘Afrīn" and "Afrin" alike)."""
    letters = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in letters if ch.isalnum() or ch == " ").lower()


def _locative_places(anchor: Token, lex: Lexicon) -> list[Token]:
    places = []
    for prep in anchor.children:
        if prep.dep_ != "prep" or prep.lower_ not in lex.place_prepositions:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            places.extend(_named_places(pobj, lex))
            places.extend(_wider_places(pobj, lex))
    return places


def _wider_places(pobj: Token, lex: Lexicon) -> list[Token]:
    """'in the town of Qaryatain in Homs province': the wider place named after a place
    (or its of-object), tried after it for a town the gazetteer does not know."""
    narrow = [pobj, *_objects(pobj, "of")]
    return [place for token in narrow for inner in _objects(token, "in")
            for place in _named_places(inner, lex)]


def _objects(token: Token, word: str) -> list[Token]:
    return [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == word
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _named_places(pobj: Token, lex: Lexicon) -> list[Token]:
    """A place object, or the places a wrapper names: "the town of Gorazde", "Hasakah
    province"."""
    if pobj.ent_type_ in PLACE_ENTITIES:
        return [pobj]
    if pobj.lemma_.lower() not in lex.place_wrappers:
        return []
    return _wrapped_places(pobj)


def _wrapped_places(wrapper: Token, compounds: bool = True) -> list[Token]:
    """The places a wrapper names: "the town of Gorazde", and with ``compounds`` "Idlib
    province" (not where the wrapper is itself part of a name: "the Old City")."""
    return [*_of_places(wrapper), *(c for c in wrapper.children
                                    if compounds and c.dep_ == "compound" and _place_name(c))]


def _of_places(wrapper: Token) -> list[Token]:
    """'the town of Gorazde' → Gorazde; 'the Syrian town of Kobani' too."""
    return [pobj for prep in wrapper.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children if pobj.dep_ == "pobj" and _place_name(pobj)]


def _place_name(token: Token) -> bool:
    """A place entity, or a proper name the tagger gave another or no entity type ("the
    resort of Sochi" tagged as a nationality): the gazetteer has the last word."""
    return token.ent_type_ in PLACE_ENTITIES or (
        token.pos_ == "PROPN" and token.ent_type_ in {"", "NORP"})


def _entity_text(token: Token) -> str:
    """The whole named entity the token belongs to ("New York", "the Middle East")."""
    ent = entity_at(token)
    if ent is None:
        return token.text
    return " ".join(t.text for t in ent if t.lower_ != "the")
