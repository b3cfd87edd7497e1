"""The actor knowledge base: shipped data, lookups, dated roles, validation, round trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pycountry
import pytest
import yaml

from dyadwatch.errors import DictionaryError
from dyadwatch.kb.actors import (
    CODE_PATTERN,
    FILES,
    ActorDictionary,
    dump_actor_files,
    load_actor_dictionary,
)
from dyadwatch.kb.knowledge import load_knowledge

NON_STATE = load_knowledge().lexicon.non_state_prefixes

SEED_DAY = date(2020, 1, 8)
# CAMEO codes that are not ISO 3166 alpha-3 codes, each with the reason.
CAMEO_EXCEPTIONS = {"KSV": "Kosovo: World Bank / CAMEO code; ISO has no official code"}


@pytest.fixture(scope="module")
def kb() -> ActorDictionary:
    return load_actor_dictionary()


def _write(directory: Path, texts: dict[str, str]) -> Path:
    for name, text in texts.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize("kind,minimum", [
    ("country", 198), ("metonym", 120), ("igo", 40), ("group", 50), ("person", 250),
])
def test_actors_shipped_dictionary_loads(kb: ActorDictionary, kind: str, minimum: int) -> None:
    assert sum(e.kind == kind for e in kb.entries.values()) >= minimum


@pytest.mark.parametrize("kind", ["country", "metonym", "igo", "group", "person"])
def test_actors_codes_are_well_formed(kb: ActorDictionary, kind: str) -> None:
    countries = {e.code for e in kb.entries.values() if e.kind == "country"}
    for entry in (e for e in kb.entries.values() if e.kind == kind):
        codes = [entry.code] if entry.code else []
        codes += [spell.code for spell in entry.roles]
        for code in codes:
            assert CODE_PATTERN.match(code), (entry.id, code)
            assert code[:3] in countries | NON_STATE, (entry.id, code)


@pytest.mark.parametrize("table", ["roles", "demonyms"])
def test_actors_tables_are_well_formed(kb: ActorDictionary, table: str) -> None:
    for word, code in getattr(kb, table).items():
        assert word == word.lower().strip(), word
        assert CODE_PATTERN.match(code), (word, code)


def test_actors_country_codes_are_iso_or_documented(kb: ActorDictionary) -> None:
    for entry in (e for e in kb.entries.values() if e.kind == "country"):
        assert entry.code is not None
        if entry.code in CAMEO_EXCEPTIONS:
            assert entry.country is None and entry.note, entry.id
        else:
            assert pycountry.countries.get(alpha_3=entry.code) is not None, entry.id
            assert entry.country == entry.code, entry.id


@pytest.mark.parametrize("code", ["USA", "GBR", "IRN", "PSE", "KSV", "TWN", "VAT", "ESH", "SSD"])
def test_actors_countries_include_non_members(kb: ActorDictionary, code: str) -> None:
    assert f"country:{code}" in kb.entries


@pytest.mark.parametrize("text,day,code", [
    ("Trump", SEED_DAY, "USAGOV"),
    ("Donald Trump", date(2025, 6, 1), "USAGOV"),
    ("Kelly Craft", SEED_DAY, "USAGOV"),
    ("Craft", SEED_DAY, "USAGOV"),
    ("Majid Takht Ravanchi", SEED_DAY, "IRNGOV"),
    ("Qassem Soleimani", date(2020, 1, 3), "IRNMIL"),
    ("Ban Ki-moon", date(2010, 1, 1), "IGOUNO"),
    ("Ban Ki-moon", date(2005, 1, 1), "KORGOV"),
    ("Taliban", date(2010, 1, 1), "AFGREB"),
    ("Taliban", date(2022, 1, 1), "AFGGOV"),
])
def test_actors_person_role_on_day(kb: ActorDictionary, text: str, day: date, code: str) -> None:
    entry = kb.entry_for(text)
    assert entry is not None
    actor = entry.actor_on(day)
    assert actor is not None and actor.code == code
    assert actor.rule == f"actor:{entry.id}"


@pytest.mark.parametrize("text,day", [("Trump", date(2022, 6, 1)), ("Trump", date(2010, 1, 1))])
def test_actors_trump_out_of_office_is_not_government(
    kb: ActorDictionary, text: str, day: date
) -> None:
    entry = kb.entry_for(text)
    assert entry is not None
    actor = entry.actor_on(day)
    assert actor is not None and actor.code != "USAGOV"


@pytest.mark.parametrize("text,day", [("Qassem Soleimani", date(2021, 1, 1)),
                                      ("Kelly Craft", date(2015, 1, 1))])
def test_actors_uncovered_day_stays_unknown(kb: ActorDictionary, text: str, day: date) -> None:
    entry = kb.entry_for(text)
    assert entry is not None and entry.actor_on(day) is None


@pytest.mark.parametrize("text,code", [("Kelly Craft", "USAGOV"), ("Donald Trump", "USAGOV")])
def test_actors_undated_person_takes_latest_role(kb: ActorDictionary, text: str, code: str) -> None:
    entry = kb.entry_for(text)
    assert entry is not None
    actor = entry.actor_on(None)
    assert actor is not None and actor.code == code


@pytest.mark.parametrize("text,code,country,expected", [
    ("Tony Blair", "GOV", None, "GBRGOV"),        # a bare title's sector
    ("Michael Howard", "GBROPP", "GBR", "GBROPP"),  # the exact code
    ("Tony Blair", "GBRMIL", "GBR", None),        # no such office: none
])
def test_actors_actor_as_picks_the_titled_office(kb: ActorDictionary, text: str, code: str,
                                                 country: str | None,
                                                 expected: str | None) -> None:
    entry = kb.entry_for(text)
    assert entry is not None
    actor = entry.actor_as(code, country)
    assert (actor.code if actor is not None else None) == expected


@pytest.mark.parametrize("text,code,country", [
    ("Washington", "USAGOV", "USA"),
    ("Tehran", "IRNGOV", "IRN"),
    ("Kremlin", "RUSGOV", "RUS"),
    ("White House", "USAGOV", "USA"),
    ("Pentagon", "USAMIL", "USA"),
    ("Downing Street", "GBRGOV", "GBR"),
    ("Quds Force", "IRNMIL", "IRN"),
    ("Revolutionary Guards", "IRNMIL", "IRN"),
    ("UN Security Council", "IGOUNO", None),
    ("United Nations", "IGOUNO", None),
    ("Islamic State", "IMGMUSISI", None),
    ("Daesh", "IMGMUSISI", None),
    ("Hezbollah", "LBNREB", "LBN"),
    ("Hamas", "PSEREBHMS", "PSE"),
    ("NATO", "IGOWSTNAT", None),
    ("Nato", "IGOWSTNAT", None),
    ("the United States", "USA", "USA"),
    ("U.S.", "USA", "USA"),
    ("Britain", "GBR", "GBR"),
    ("DPRK", "PRK", "PRK"),
    ("Russian Federation", "RUS", "RUS"),
    ("united  states", "USA", "USA"),
])
def test_actors_entry_for_surface_form(
    kb: ActorDictionary, text: str, code: str, country: str | None
) -> None:
    entry = kb.entry_for(text)
    assert entry is not None, text
    actor = entry.actor_on(SEED_DAY)
    assert actor is not None and (actor.code, actor.country) == (code, country)


@pytest.mark.parametrize("text", ["us", "is", "who", "turkey", "trump", "craft", "Kurdish", ""])
def test_actors_case_sensitive_and_absent_forms(kb: ActorDictionary, text: str) -> None:
    assert kb.entry_for(text) is None


@pytest.mark.parametrize("form,sensitive", [
    ("US", True), ("UN", True), ("IS", True), ("EU", True), ("Trump", True),
    ("Turkey", True), ("United States", False), ("Tehran", False),
])
def test_actors_surface_forms_case_flags(kb: ActorDictionary, form: str, sensitive: bool) -> None:
    flags = {f: s for f, s, _ in kb.surface_forms()}
    assert flags[form] is sensitive


def test_actors_surface_forms_are_unique(kb: ActorDictionary) -> None:
    keys = [(s, f if s else f.lower()) for f, s, _ in kb.surface_forms()]
    assert len(keys) == len(set(keys))


def test_actors_shared_forms_are_known(kb: ActorDictionary) -> None:
    assert kb.shared_forms() == {}


@pytest.mark.parametrize("word,code", [
    ("Iranian", "IRN"), ("iranians", "IRN"), ("American", "USA"), ("Americans", "USA"),
    ("Syrian", "SYR"), ("Turkish", "TUR"), ("North Korean", "PRK"), ("Palestinian", "PSE"),
])
def test_actors_country_of_demonym(kb: ActorDictionary, word: str, code: str) -> None:
    assert kb.country_of_demonym(word) == code


def test_actors_answers_kept_are_the_tables_own(kb: ActorDictionary,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dyadwatch.kb.actors.ANSWERS_KEPT", 2)  # emptied after two words
    words = ["Iranian", "Kurdish", "\u2019Iranian", "Syrian", "Iranian", "minister", "troops"]
    for _ in range(2):
        assert [kb.country_of_demonym(w) for w in words] == [
            "IRN", None, kb.demonyms.get("\u2019iranian".replace("\u2019", "'")), "SYR", "IRN",
            None, None]
        assert [kb.role_of(w) for w in words[-2:]] == ["GOV", "MIL"]


@pytest.mark.parametrize("word", ["Kurdish", "Kurds", "Arab", "Western"])
def test_actors_non_country_adjectives_have_no_country(kb: ActorDictionary, word: str) -> None:
    assert kb.country_of_demonym(word) is None


@pytest.mark.parametrize("lemma,code", [
    ("minister", "GOV"), ("president", "GOV"), ("ambassador", "GOV"), ("regime", "GOV"),
    ("foreign minister", "GOV"), ("defense minister", "GOVMIL"), ("troops", "MIL"),
    ("soldier", "MIL"), ("general", "MIL"), ("police", "COP"), ("security forces", "COP"),
    ("rebel", "REB"), ("militant", "REB"), ("protester", "OPP"), ("court", "JUD"),
    ("parliament", "LEG"), ("journalist", "MED"), ("company", "BUS"), ("civilian", "CVL"),
    ("refugee", "REF"), ("Police", "COP"),
])
def test_actors_role_of(kb: ActorDictionary, lemma: str, code: str) -> None:
    assert kb.role_of(lemma) == code


def test_actors_shipped_dictionary_is_cached() -> None:
    assert load_actor_dictionary() is load_actor_dictionary()


def test_actors_round_trip(kb: ActorDictionary, tmp_path: Path) -> None:
    first = dump_actor_files(kb)
    reloaded = load_actor_dictionary(_write(tmp_path, first))
    assert reloaded == kb
    assert dump_actor_files(reloaded) == first


_TEXTS: dict[str, str] = {}


def _shipped_texts(kb: ActorDictionary) -> dict[str, str]:
    if not _TEXTS:
        _TEXTS.update(dump_actor_files(kb))
    return dict(_TEXTS)


@pytest.mark.parametrize("file,section,bad,entry_id", [
    ("groups.yaml", "groups", {"id": "bad-group", "names": ["X"], "code": "usareb"}, "bad-group"),
    ("groups.yaml", "groups", {"id": "odd-field", "names": ["X"], "code": "USAREB", "colour": 1},
     "odd-field"),
    ("people.yaml", "people", {"id": "no-roles", "names": ["Nobody"], "roles": []}, "no-roles"),
    ("people.yaml", "people",
     {"id": "bad-date", "names": ["A B"], "roles": [{"code": "USAGOV", "title": "x",
                                                      "start": "2020-13-01"}]}, "bad-date"),
    ("people.yaml", "people",
     {"id": "backwards", "names": ["A B"], "roles": [{"code": "USAGOV", "title": "x",
                                                       "start": "2020-01-02",
                                                       "end": "2020-01-01"}]}, "backwards"),
    ("igos.yaml", "igos", {"id": "nowhere", "names": ["Nowhere Org"], "code": "XYZGOV"}, "nowhere"),
    ("igos.yaml", "igos", {"id": "un", "names": ["Second UN"], "code": "IGOUNO"}, "igo:un"),
    ("roles.yaml", "roles", {"id": "clash", "code": "MIL", "words": ["president"]}, "clash"),
    ("countries.yaml", "countries",
     {"id": "ZZZ", "names": ["Zedland"], "country": "ZZZ", "demonyms": ["Afghan"]}, "ZZZ"),
])
def test_actors_malformed_entry_names_file_and_entry(
    kb: ActorDictionary, tmp_path: Path, file: str, section: str, bad: dict[str, object],
    entry_id: str,
) -> None:
    texts = _shipped_texts(kb)
    document = yaml.safe_load(texts[file])
    document[section].append(bad)
    texts[file] = yaml.safe_dump(document, sort_keys=False)
    with pytest.raises(DictionaryError) as info:
        load_actor_dictionary(_write(tmp_path, texts))
    assert file in str(info.value) and entry_id in str(info.value)
    assert info.value.code == "E501"


@pytest.mark.parametrize("file,text", [
    ("roles.yaml", "version: '2026.1'\nroles: [\n"),
    ("roles.yaml", "- just\n- a list\n"),
    ("igos.yaml", "version: '1999.1'\nigos: []\n"),
])
def test_actors_malformed_file_names_file(
    kb: ActorDictionary, tmp_path: Path, file: str, text: str
) -> None:
    texts = {**_shipped_texts(kb), file: text}
    with pytest.raises(DictionaryError, match=file):
        load_actor_dictionary(_write(tmp_path, texts))


@pytest.mark.parametrize("missing", FILES)
def test_actors_missing_file_is_reported(kb: ActorDictionary, tmp_path: Path, missing: str) -> None:
    texts = {k: v for k, v in _shipped_texts(kb).items() if k != missing}
    with pytest.raises(DictionaryError, match=missing):
        load_actor_dictionary(_write(tmp_path, texts))
