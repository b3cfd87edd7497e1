"""Coverage of the shipped actor dictionary: IGOs, NGOs, armed groups and role words."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.kb.actors import ActorDictionary, load_actor_dictionary


@pytest.fixture(scope="module")
def kb() -> ActorDictionary:
    return load_actor_dictionary()


@pytest.mark.parametrize("text,code", [
    ("APEC", "IGOBUSAPC"), ("G20", "IGOGTW"), ("G-7", "IGOGOS"), ("Group of Eight", "IGOGOE"),
    ("Organization of African Unity", "IGOAFROAU"), ("OAU", "IGOAFROAU"),
    ("Commonwealth of Independent States", "IGOCASCIS"), ("the Commonwealth", "IGOCWN"),
    ("Mercosur", "IGOSAMBUSMRC"), ("European Economic Community", "IGOEUREEC"),
    ("EEC", "IGOEUREEC"), ("Non-Aligned Movement", "IGONON"),
    ("International Labour Organization", "IGOUNOLABILO"), ("UNCTAD", "IGOUNODEV"),
    ("ICTY", "IGOUNOJUDWCT"), ("International Crisis Group", "NGOICG"),
    ("Physicians for Human Rights", "NGOHRIHLH"), ("Transparency International", "NGODEV"),
    ("Revolutionary United Front", "SLEREB"), ("Kosovo Liberation Army", "KSVREB"),
    ("Armed Islamic Group", "DZAREB"), ("Justice and Equality Movement", "SDNREB"),
])
def test_coverage_entry_codes(kb: ActorDictionary, text: str, code: str) -> None:
    entry = kb.entry_for(text)
    assert entry is not None, text
    actor = entry.actor_on(None)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("text,day,code", [
    ("UNITA", date(1993, 1, 20), "AGOREB"), ("UNITA", date(2008, 9, 5), "AGOOPP"),
    ("SPLM", date(1999, 6, 1), "SDNREB"), ("SPLM", date(2015, 6, 1), "SSDGOVPTY"),
    ("SPLA", date(2012, 1, 1), "SSDMIL"), ("FIS", date(1991, 12, 26), "DZAOPP"),
    ("FIS", date(1995, 10, 1), "DZAREB"), ("Renamo", date(1985, 1, 1), "MOZREB"),
])
def test_coverage_dated_groups(kb: ActorDictionary, text: str, day: date, code: str) -> None:
    entry = kb.entry_for(text)
    assert entry is not None, text
    actor = entry.actor_on(day)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("lemma,code", [
    ("extremist", "RAD"), ("fundamentalist", "RAD"), ("hardliner", "RAD"), ("terrorist", "UAF"),
    ("settler", "CVL"), ("rioter", "OPP"), ("columnist", "MED"), ("dictator", "GOV"),
])
def test_coverage_role_words(kb: ActorDictionary, lemma: str, code: str) -> None:
    assert kb.role_of(lemma) == code


@pytest.mark.parametrize("text", ["IDB", "IRC", "NRC", "ICU", "SLA", "common market"])
def test_coverage_ambiguous_forms_are_left_out(kb: ActorDictionary, text: str) -> None:
    assert kb.entry_for(text) is None


def test_coverage_ec_is_case_sensitive(kb: ActorDictionary) -> None:
    entry = kb.entry_for("EC")
    assert entry is not None and entry.code == "IGOEUREEC"
    assert kb.entry_for("ec") is None and kb.entry_for("Ec") is None
