"""Rule tests of senses by company (issue 14) on fictional actors: small clauses of naming
verbs ('declared the war over', 'designated X a safe area'), campaigns that are no force,
conditions met, plural nouns of people, static 'surrounded by', figurative aims,
to-clauses that belong to a plain object noun and warnings that threaten nothing."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding.events import CoderOptions, EventCoder
from dyadwatch.kb.actors import ActorDictionary, ActorEntry
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.kb.resources import CodingResources
from dyadwatch.kb.verbs import parse_verb_file
from dyadwatch.model import Article

FORCE_MODIFIERS = ["military", "air", "bombing"]
VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "attack.v", "lemmas": ["attack"], "code": "190", "target": ["dobj", "on"]},
        {"id": "say.v", "lemmas": ["say", "declare"], "code": "010", "target": ["to"]},
        {"id": "declare.war", "lemmas": ["declare"], "object": ["war"], "code": "190",
         "target": ["on"]},
        {"id": "sanction.v", "lemmas": ["designate"], "code": "163", "target": ["dobj"]},
        {"id": "meet.v", "lemmas": ["meet"], "code": "040", "target": ["dobj", "with"],
         "not_with": ["precondition", "preconditions"]},
        {"id": "launch.attack", "lemmas": ["launch"], "object": ["attack"], "code": "190",
         "target": ["on"]},
        {"id": "launch.campaign", "lemmas": ["launch"], "object": ["campaign"],
         "object_modifier": FORCE_MODIFIERS, "code": "190", "target": ["on", "against"]},
        {"id": "campaign.force", "lemmas": ["campaign"], "pos": "noun",
         "object_modifier": FORCE_MODIFIERS, "code": "190", "source": ["poss", "amod"],
         "target": ["against"]},
        {"id": "deportation.n", "lemmas": ["exile"], "pos": "noun", "code": "174",
         "source": ["poss", "amod"], "target": ["of"]},
        {"id": "surround.v", "lemmas": ["surround"], "code": "191", "target": ["dobj"],
         "not_with": ["sympathiser", "sympathisers"]},
        {"id": "fighting.n", "lemmas": ["war"], "pos": "noun", "code": "190",
         "source": ["poss", "amod"], "target": ["with", "against"]},
        {"id": "operation.n", "lemmas": ["operation"], "pos": "noun", "code": "190",
         "source": ["poss", "amod"], "target": ["against"]},
        {"id": "threaten.v", "lemmas": ["warn"], "code": "130",
         "target": ["dobj", "against", "to"]},
    ],
    "frames": [{"id": "intend.f", "lemmas": ["mean", "signal", "intention"], "kind": "intend"}],
    "derive": {"intend": {"default": "030", "19": "138"}},
}


def _country(code: str, name: str) -> ActorEntry:
    return ActorEntry(id=f"country:{code}", kind="country", names=(name,), code=code,
                      country=code)


ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON"},
    roles={"army": "MIL", "government": "GOV", "troops": "MIL", "militia": "REB"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    resources = CodingResources(parse_verb_file(VERBS, "test"), ACTORS, load_knowledge().lexicon,
                                places=None, dictionary_version="test")
    return EventCoder(resources, CoderOptions())


def triples(nlp: Any, engine: EventCoder, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2020-01-08")
    return [(e.source, e.cameo, e.target) for e in engine.code_doc(nlp(text), article)]


NOTHING = [
    ("The Arnorian president declared the war over.",
     "a naming verb with a small clause ('the war over') declares no war"),
    ("Arnor designated the Gondorian town a safe area.",
     "a status given in a small clause is no sanction"),
    ("Arnor declared northern Gondor a buffer zone.",
     "a status given in a small clause is no statement"),
    ("Few of the preconditions have been met by Arnor.",
     "conditions met are no meeting, also in the passive and through 'few of'"),
    ("Arnor launched its campaign for the elections.",
     "a campaign with no force modifier is no force, also through a support verb"),
    ("Gondor would welcome back its exiles.", "a plural noun of people is no expulsion"),
    ("The camp is surrounded by Arnorian sympathisers.",
     "the head of a passive's agent is company: sympathisers besiege nothing"),
    ("For Arnor, the pullout means more time to attack Gondor.",
     "a to-clause on a plain object noun is no intent of the frame verb"),
    ("Arnor attacked the Gondorian plans.", "plans attacked are a figure of speech"),
    ("Arnor launched an attack on the cost of the Gondorian reform.",
     "an attack aimed at a cost is a figure of speech"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "why"), NOTHING, ids=[c[1] for c in NOTHING])
def test_events_small_clauses_code_nothing(nlp: Any, engine: EventCoder, text: str,
                                           why: str) -> None:
    assert triples(nlp, engine, text) == [], why


CODED = [
    ("Arnor declared war on Gondor.", ("ARN", "190", "GON"), "declaring war on a side is war"),
    ("Arnor designated the Gondorian militia a terrorist organisation.",
     ("ARN", "163", "GONREB"), "a blacklisting in a small clause is a sanction"),
    ("Arnor launched a military campaign against Gondor.", ("ARN", "190", "GON"),
     "a campaign with a force modifier is force"),
    ("Arnor began an air campaign against Gondor.", ("ARN", "190", "GON"),
     "a noun pattern's object_modifier is the noun's own modifier, also under a support verb"),
    ("Arnorian troops surrounded the Gondorian army.", ("ARNMIL", "191", "GONMIL"),
     "troops surrounding an army is a siege"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_small_clauses_code(nlp: Any, engine: EventCoder, text: str,
                                   expected: tuple[str, str, str], why: str) -> None:
    assert expected in triples(nlp, engine, text), why


WARNINGS = [
    ("Arnor warned against complacency.", ("ARN", "010", None),
     "a warning of a danger is a statement"),
    ("Arnor warned that the reform would have to wait.", ("ARN", "010", None),
     "a warning whose clause names no deed of conflict is a statement"),
    ("Arnor warned Gondor that an Arnorian operation was near.", ("ARN", "130", "GON"),
     "a warning that names force is a threat"),
    ("Arnor warned Gondor.", ("ARN", "130", "GON"), "a bare warning to a side is a threat"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), WARNINGS, ids=[c[2] for c in WARNINGS])
def test_events_small_clauses_warnings(nlp: Any, engine: EventCoder, text: str,
                                       expected: tuple[str, str, str | None], why: str) -> None:
    found = triples(nlp, engine, text)
    assert expected in found, why
    assert not [t for t in found if t[1][:2] == "13" and expected[1][:2] != "13"], why
