"""Rule tests of to-clauses of aim (issue 14) on fictional actors: "trained units to fight
Gondor" says what the training was for, not that Arnor fought; means, dispatch of force,
protest and a first doer keep their to-clause as the deed."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from toy_coder import arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder
from dyadwatch.coding.mood import _aim_named, purpose
from dyadwatch.kb.knowledge import load_knowledge

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "fight.v", "lemmas": ["fight"], "code": "190", "target": ["dobj", "against"]},
        {"id": "bomb.v", "lemmas": ["bomb"], "code": "195", "target": ["dobj"]},
        {"id": "support.v", "lemmas": ["support"], "code": "051", "target": ["dobj"]},
        {"id": "allow.v", "lemmas": ["allow"], "code": "080", "target": ["dobj"]},
        {"id": "criticize.v", "lemmas": ["condemn"], "code": "111", "target": ["dobj"]},
        {"id": "visit.v", "lemmas": ["visit"], "code": "042", "target": ["dobj"]},
        {"id": "protest.v", "lemmas": ["protest"], "code": "140", "target": ["dobj"]},
        {"id": "say.v", "lemmas": ["say"], "code": "010", "target": ["to"]},
        {"id": "designate.v", "lemmas": ["designate"], "code": "163", "target": ["dobj"]},
        {"id": "attack.n", "lemmas": ["attack", "war"], "pos": "noun", "code": "190",
         "source": ["poss", "by", "amod", "compound"], "target": ["on", "between"]},
    ],
    "frames": [],
    "derive": {},
}


ACTORS = arnor_and_gondor({
    "army": "MIL", "government": "GOV", "troops": "MIL", "minister": "GOV", "parliament": "LEG",
    "forces": "MIL",
})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


AIMS = [
    ("Arnor trained the rebels to fight Gondor.", "190", "trained to fight: the fight is the aim"),
    ("Arnor sent advisers to support the Gondorian army.", "051",
     "advisers sent to support: the support is the aim"),
    ("Arnor changed its law to allow Gondorian inspectors.", "080",
     "a law changed to allow: the concession is the aim"),
    ("Arnor built a fence and sent guards to support Gondor.", "051",
     "a conjunct of a sent clause shares its aim"),
    ("Arnor is struggling to support the Gondorian army.", "051",
     "struggling to support: the support is striven for (striving_heads)"),
    ("The Arnorian army, battling to bomb Gondor, lost two jets.", "195",
     "a participle of striving: the bombing is its aim"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "code", "why"), AIMS, ids=[c[2] for c in AIMS])
def test_events_purpose_aim_codes_nothing(nlp: Any, engine: EventCoder, text: str, code: str,
                                          why: str) -> None:
    assert [t for t in coded_triples(nlp, engine, text) if t[1] == code] == [], why


DEEDS = [
    ("Arnor used its jets to bomb Gondor.", ("ARN", "195", "GON"), "a to-clause of means"),
    ("Arnor sent jets to bomb Gondor.", ("ARN", "195", "GON"),
     "force sent is force done (dispatch_heads, dispatched_roots)"),
    ("The Arnorian minister took to the radio to condemn Gondor.", ("ARNGOV", "111", "GON"),
     "'take to' a medium is a means"),
    ("The Arnorian minister went on to condemn Gondor.", ("ARNGOV", "111", "GON"),
     "'go on to' is what came next"),
    ("Arnor's parliament voted on Tuesday to designate all Gondorian forces as a terrorist "
     "organisation.", ("ARNLEG", "163", "GONMIL"),
     "a vote's to-clause is what was decided"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), DEEDS, ids=[c[2] for c in DEEDS])
def test_events_purpose_deed_is_kept(nlp: Any, engine: EventCoder, text: str,
                                     expected: tuple[str, str, str], why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize("text", ["Arnor said it would train guards to fight Gondor."])
def test_events_purpose_statement_gives_way_to_its_aim(nlp: Any, engine: EventCoder,
                                                       text: str) -> None:
    """The statement's content holds only an aim: neither the aim nor a bare 010 is coded."""
    assert coded_triples(nlp, engine, text) == set()


FIRST = ["Arnor", "became", "the", "first", "state", "to", "visit", "Gondor"]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("words", "expected"), [
    (FIRST, False),
    (["Arnor", "became", "a", "strong", "state", "to", "visit", "Gondor"], True),
])
def test_mood_purpose_first_doer(words: list[str], expected: bool) -> None:
    """'became the first state to visit Gondor' did visit, whichever way the parser hangs the
    to-clause; the same clause after any other object is an aim."""
    doc = Doc(English().vocab, words=words, heads=[1, 1, 4, 4, 1, 6, 1, 6],
              deps=["nsubj", "ROOT", "det", "amod", "attr", "aux", "advcl", "dobj"],
              pos=["PROPN", "VERB", "DET", "ADJ", "NOUN", "PART", "VERB", "PROPN"],
              tags=["NNP", "VBD", "DT", "JJ", "NN", "TO", "VB", "NNP"],
              lemmas=["Arnor", "become", "the", words[3], "state", "to", "visit", "Gondor"])
    assert purpose(doc[6], "042", load_knowledge().lexicon) is expected


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Arnor raised its fences under the risk of attack by Gondor.",
    "The talks brought the prospect of a war between Arnor and Gondor closer.",
])
def test_events_purpose_potential_event_noun(nlp: Any, engine: EventCoder, text: str) -> None:
    """An event noun in the of-phrase of a noun of what may come has not happened."""
    assert [t for t in coded_triples(nlp, engine, text) if t[1] == "190"] == []


@pytest.mark.issue(14)
@pytest.mark.parametrize(("noun", "expected"), [("wish", True), ("leader", False)])
def test_mood_aim_named_after_noun(noun: str, expected: bool) -> None:
    """'the move was driven by its wish to push back Gondor': a to-clause right after a noun
    of aim is that aim, though the parser hangs it on the passive verb; after another noun
    it is not."""
    words = ["The", "move", "was", "driven", "by", "its", noun, "to", "repel", "Gondor"]
    doc = Doc(English().vocab, words=words, heads=[1, 3, 3, 3, 3, 6, 4, 8, 3, 8],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "poss", "pobj", "aux",
                    "xcomp", "dobj"],
              pos=["DET", "NOUN", "AUX", "VERB", "ADP", "PRON", "NOUN", "PART", "VERB", "PROPN"],
              tags=["DT", "NN", "VBD", "VBN", "IN", "PRP$", "NN", "TO", "VB", "NNP"],
              lemmas=["the", "move", "be", "drive", "by", "its", noun, "to", "repel", "Gondor"])
    assert _aim_named(doc[8], load_knowledge().lexicon) is expected
