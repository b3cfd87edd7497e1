"""The register check: which documents are not political news, and what stays in them."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadwatch.coding.register import (
    UNMARKED,
    USER_DATA_KEY,
    Register,
    _token_cues,
    cues_by_register,
    document_register,
    kept_in_register,
    state_organ,
    token_forms,
)
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.kb.registers import NEWS, RegistersFile, build_registers
from dyadwatch.model import Article

REGISTERS = build_registers(RegistersFile.model_validate({
    "version": "test",
    "min_cues": 3,
    "news_ratio": 2.0,
    "unmarked_min_tokens": 8,
    "state_roles": ["GOV", "MIL"],
    "registers": [
        {"id": "sport", "words": ["striker", "goal", "match", "league"],
         "phrases": ["extra time"], "withheld_roots": ["18", "19", "20"]},
        {"id": "entertainment", "words": ["film", "album", "actress"]},
    ],
    "news": [{"id": "politics", "words": ["minister", "ceasefire", "troops"],
              "phrases": ["prime minister"]}],
}))


def _doc(text: str, lemmas: dict[str, str] | None = None) -> Doc:
    words = text.split()
    lemmas = lemmas or {}
    return Doc(Vocab(), words=words, lemmas=[lemmas.get(w, w.lower()) for w in words])


@pytest.mark.parametrize(("text", "expected"), [
    ("The striker scored a goal in extra time of the league match", "sport"),
    ("The actress made a film and an album", "entertainment"),
    ("The striker scored a goal", None),  # two cues are not enough
    ("The minister said troops broke the ceasefire after the league match and a goal by "
     "the striker", None),  # news cues weigh against the register's
    ("Talks between the prime minister and rebels", None),
    ("A tram left the rails near the old bridge on Monday and the driver was arrested",
     UNMARKED),  # long enough to show political news, and no cue of it
    ("The actress and the singer thanked the crowd at the charity gala last night", UNMARKED),
    ("The driver of the tram was arrested", None),  # too short to tell
    ("A tram left the rails near the old bridge and the minister was told", None),
])
def test_register_document_register(text: str, expected: str | None) -> None:
    assert document_register(_doc(text), REGISTERS).name == expected


@pytest.mark.parametrize("text", ["Strikers scored goals in the matches of the league"])
def test_register_matches_lemmas(text: str) -> None:
    lemmas = {"Strikers": "striker", "goals": "goal", "matches": "match"}
    register = document_register(_doc(text, lemmas), REGISTERS)
    assert register.name == "sport"
    assert register.cues == ("striker", "goal", "match", "league")


@pytest.mark.parametrize("text", ["the prime minister spoke after extra time"])
def test_register_phrases_count_once_each(text: str) -> None:
    register = document_register(_doc(text), REGISTERS)
    assert "extra time" in register.cues
    assert register.news_cues == ("prime minister", "minister")


STATED = "modifier:country+role"


@pytest.mark.parametrize(("rule", "text", "code", "country", "cameo", "kept"), [
    (STATED, "Arnor's authorities", "ARNGOV", "ARN", "163", True),  # a ban: an act
    (STATED, "the Arnorian army", "ARNMIL", "ARN", "043", True),
    ("actor:igo:un", "the UN", "IGOUNO", None, "042", True),
    ("actor:person:elessar", "King Elessar", "ARNGOV", "ARN", "042", True),
    ("actor:person:elessar", "Elessar", "ARNGOV", "ARN", "042", False),  # a surname alone
    ("actor:metonym:annuminas", "Annuminas", "ARNGOV", "ARN", "163", False),
    ("title:country+role", "Jane Roe", "ARNGOV", "ARN", "163", False),
    ("modifier:mention", "Annuminas boss", "ARNGOV", "ARN", "163", False),
    ("placed+modifier:role", "police", "ARNCOP", "ARN", "173", False),
    (STATED, "Arnor's authorities", "ARNGOV", "ARN", "010", False),  # a plain statement
    (STATED, "the Arnorian army", "ARNMIL", "ARN", "190", False),  # no force in sport
    (STATED, "the Arnorian league's tribunal", "ARNGOV", "ARN", "081", False),
    ("actor:country:ARN", "Arnor", "ARN", "ARN", "120", False),  # a country is a team
    ("modifier:role", "the government", "GOV", None, "163", False),
    (STATED, "Arnorian firms", "ARNBUS", "ARN", "163", False),
    (STATED, "its", "ARNGOV", "ARN", "163", False),  # its antecedent is not in the sentence
])
def test_register_kept_in_sport(rule: str, text: str, code: str, country: str | None,
                                cameo: str, kept: bool) -> None:
    assert kept_in_register(Register("sport", ("match",)), REGISTERS, rule, text, code,
                            country, cameo, frozenset({"it", "its"}), dyadic=True) is kept


@pytest.mark.parametrize(("text", "cues"), [
    ("A prospective candidate resigned over a newspaper report", ["candidate"]),
    ("Pupils learn little about politics and citizenship , and democracy will suffer",
     ["politics", "citizenship", "democracy"]),
    ("It was discussed by politicians in the House of Commons", ["politicians",
                                                                 "house of commons"]),
])
def test_register_shipped_political_cues(text: str, cues: list[str]) -> None:
    """Words that say politics outright (a candidate, politicians, citizenship, democracy,
    the House of Commons) are cues of political news: a long text with no other cue is
    not read as unmarked, and they weigh against a register's cues."""
    found = cues_by_register(_doc(text), load_knowledge().registers)
    assert found.get(NEWS) == cues


@pytest.mark.issue(14)
@pytest.mark.parametrize("register", [Register("sport", ("match",)), Register(UNMARKED)])
@pytest.mark.parametrize(("cameo", "dyadic", "kept"), [
    ("163", True, True), ("163", False, False),  # a ban with no political target: no event
    ("057", False, False), ("042", True, True)])
def test_register_keeps_only_dyadic_events(register: Register, cameo: str, dyadic: bool,
                                           kept: bool) -> None:
    assert kept_in_register(register, REGISTERS, STATED, "Arnor's authorities", "ARNGOV",
                            "ARN", cameo, dyadic=dyadic) is kept


@pytest.mark.parametrize(("cameo", "kept"), [("190", True), ("010", False)])
def test_register_withheld_roots_are_per_register(cameo: str, kept: bool) -> None:
    register = Register("entertainment", ("film",))
    assert kept_in_register(register, REGISTERS, STATED, "the Arnorian army", "ARNMIL",
                            "ARN", cameo, dyadic=True) is kept


@pytest.mark.parametrize("rule", ["anaphor", "placed+modifier:role", ""])
@pytest.mark.parametrize("dyadic", [True, False])
def test_register_political_news_keeps_everything(rule: str, dyadic: bool) -> None:
    assert kept_in_register(Register(None), REGISTERS, rule, "it", None, None, "010",
                            dyadic=dyadic)


@pytest.mark.parametrize(("code", "country", "expected"), [
    ("ARNGOV", "ARN", True), ("ARNMILGOV", "ARN", True), ("IGOUNO", None, True),
    ("ARN", "ARN", False), ("ARNCVL", "ARN", False), ("GOV", None, False), (None, None, False),
])
def test_register_state_organ(code: str | None, country: str | None, expected: bool) -> None:
    assert state_organ(code, country, REGISTERS) is expected


@pytest.mark.parametrize("name", ["sport", "entertainment", "business", "science"])
def test_register_shipped_file_names_each_register(name: str) -> None:
    registers = load_knowledge().registers
    assert name in registers.names
    assert registers.min_cues >= 1


@pytest.mark.parametrize("register", [Register("sport", tuple(f"c{i}" for i in range(10)),
                                               ("minister",))])
def test_register_describe(register: Register) -> None:
    assert register.describe() == ("sport (10 cues: c0, c1, c2, c3, c4, c5, c6, c7, ...; "
                                   "1 of political news)")


MATCH_REPORT = (
    "Brazil beat Argentina 2-0 in the World Cup semi-final on Sunday. The striker scored "
    "twice before half-time and the goalkeeper saved a penalty in extra time. The coach "
    "praised his squad after the match, and the fans in the stadium sang until the final "
    "whistle.")
FILM_BAN = (
    "The government of Kenya banned the film on Friday and accused the government of Uganda "
    "of funding it. The director said the actress and "
    "the producer were shocked. The film had been nominated for three awards at the "
    "festival and topped the box office in its first week, and the album of its songs "
    "entered the charts.")


@pytest.mark.model
@pytest.mark.parametrize("text", [MATCH_REPORT])
def test_register_match_report_is_no_force(nlp: Any, coder: Any, text: str) -> None:
    doc = nlp(text)
    events = coder.code_doc(doc, Article(id="t", text=text, published="2021-03-10"))
    assert doc.user_data[USER_DATA_KEY].name == "sport"
    assert not [e for e in events if e.cameo_root in {"17", "18", "19", "20"}], events


@pytest.mark.model
@pytest.mark.parametrize("text", [FILM_BAN])
def test_register_state_act_on_a_state_stays_in_entertainment(nlp: Any, coder: Any,
                                                             text: str) -> None:
    doc = nlp(text)
    events = coder.code_doc(doc, Article(id="t", text=text, published="2021-03-10"))
    assert doc.user_data[USER_DATA_KEY].name == "entertainment"
    assert [(e.source, e.cameo_root, e.target) for e in events] == [("KENGOV", "11", "UGAGOV")]


@pytest.mark.model
@pytest.mark.parametrize(("text", "counted"), [(MATCH_REPORT, {"sport": 1}), (FILM_BAN, {
    "entertainment": 1}), ("Kenya and Uganda signed a border treaty on Friday.", {})])
def test_register_run_counts_off_topic_articles(nlp: Any, coder: Any, text: str,
                                                counted: dict[str, int]) -> None:
    from dyadwatch.pipeline import Prepared, code_batch

    result = code_batch([Prepared(Article(id="t", text=text), "sha")], nlp, coder, 8)
    assert result.off_topic == counted


@pytest.mark.parametrize("text", [
    "Extra time ended the league match , then a goal in extra time and a film",
    "goal goal Goals prime minister extra",  # repeated words; a phrase cut off at the end
    "",
])
def test_register_cues_only_where_a_cue_starts_are_every_tokens_cues(text: str) -> None:
    doc = _doc(text, {"Goals": "goal"})
    forms = token_forms(doc)
    seen: dict[str, list[str]] = {}
    for i in range(len(doc)):  # every token asked, as before the shortcut
        for cue, name in _token_cues(forms, i, REGISTERS):
            seen.setdefault(name, [])
            seen[name] += [] if cue in seen[name] else [cue]
    assert cues_by_register(doc, REGISTERS) == seen
