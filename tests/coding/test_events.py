"""Rule tests of the event engine on fictional actors with a small hand-written dictionary."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding.events import CoderOptions, EventCoder
from dyadwatch.kb.actors import ActorDictionary, ActorEntry, RoleSpell
from dyadwatch.kb.verbs import parse_verb_file
from dyadwatch.model import Article

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "attack.v", "lemmas": ["attack", "strike"], "code": "190"},
        {"id": "kill.v", "lemmas": ["kill"], "code": "1823"},
        {"id": "say.v", "lemmas": ["say"], "code": "010", "target": ["to"]},
        {"id": "meet.v", "lemmas": ["meet"], "code": "040", "target": ["dobj", "with"]},
        {"id": "impose.sanctions", "lemmas": ["impose"], "object": ["sanction"],
         "code": "163", "target": ["on", "against"]},
        {"id": "attack.n", "lemmas": ["attack"], "pos": "noun", "code": "190",
         "source": ["poss", "by"], "target": ["on", "against"]},
        {"id": "negotiate.v", "lemmas": ["negotiate"], "code": "046", "target": ["with"]},
    ],
    "frames": [
        {"id": "threaten.f", "lemmas": ["threaten", "warn"], "kind": "threaten"},
        {"id": "intend.f", "lemmas": ["ready", "plan", "offer"], "kind": "intend"},
    ],
    "derive": {
        "threaten": {"default": "130", "19": "138", "18": "138"},
        "intend": {"default": "030", "04": "036"},
    },
}


def _entry(kind: str, slug: str, names: tuple[str, ...], code: str | None,
           country: str | None, roles: tuple[RoleSpell, ...] = ()) -> ActorEntry:
    return ActorEntry(id=f"{kind}:{slug}", kind=kind, names=names, code=code, country=country,
                      roles=roles)


ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (
        _entry("country", "ARN", ("Arnor",), "ARN", "ARN"),
        _entry("country", "GON", ("Gondor",), "GON", "GON"),
        _entry("country", "ROH", ("Rohan",), "ROH", "ROH"),
        _entry("metonym", "annuminas", ("Annuminas",), "ARNGOV", "ARN"),
        _entry("person", "elessar", ("Aragorn Elessar", "Elessar"), None, "GON",
               (RoleSpell("GONGOV", "King", None, None),)),
    )},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"army": "MIL", "government": "GOV", "minister": "GOV", "troops": "MIL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return EventCoder(ACTORS, parse_verb_file(VERBS, "test"), CoderOptions())


def triples(nlp: Any, engine: EventCoder, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2020-01-08")
    events = engine.code_doc(nlp(text), article)
    return [(e.source, e.cameo, e.target) for e in events]


CASES = [
    ("Arnor attacked Gondor.", [("ARN", "190", "GON")], "active"),
    ("Gondor was attacked by Arnor.", [("ARN", "190", "GON")], "passive agent"),
    ("Arnor did not attack Gondor.", [], "negation codes nothing"),
    ("If Arnor attacks Gondor, Rohan will suffer.", [], "conditional codes nothing"),
    ("Arnor threatened to attack Gondor.", [("ARN", "138", "GON")], "threat frame"),
    ("Arnor warned that it would attack Gondor.", [("ARN", "138", "GON")], "pronoun + frame"),
    ("Arnor and Rohan attacked Gondor.", [("ARN", "190", "GON"), ("ROH", "190", "GON")],
     "coordinated sources"),
    ("The Arnorian army attacked Gondor.", [("ARNMIL", "190", "GON")], "demonym + role"),
    ("Arnor imposed sanctions on Gondor.", [("ARN", "163", "GON")], "light verb + object"),
    ("Arnor's attack on Gondor shocked Rohan.", [("ARN", "190", "GON")], "event noun"),
    ("Annuminas said Gondor attacked Rohan.", [("ARNGOV", "010", None), ("GON", "190", "ROH")],
     "reported speech keeps both"),
    ("King Aragorn Elessar met the Arnorian minister.", [("GONGOV", "040", "ARNGOV")],
     "person with role"),
    ("Arnor is ready to negotiate with Gondor.", [("ARN", "036", "GON")], "intent frame"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_events_constructions(nlp: Any, engine: EventCoder, text: str,
                              expected: list[tuple[str | None, str, str | None]], why: str) -> None:
    assert triples(nlp, engine, text) == expected, why


@pytest.mark.model
@pytest.mark.parametrize("text", ["Elessar met Arnor. Later he attacked Rohan."])
def test_events_pronoun_follows_person(nlp: Any, engine: EventCoder, text: str) -> None:
    assert ("GONGOV", "190", "ROH") in triples(nlp, engine, text)


@pytest.mark.model
@pytest.mark.parametrize(("text", "day"), [("On Monday, Arnor attacked Gondor.", "2020-01-06")])
def test_events_relative_date(nlp: Any, engine: EventCoder, text: str, day: str) -> None:
    article = Article(id="t", text=text, published="2020-01-08")
    [event] = engine.code_doc(nlp(text), article)
    assert event.date == day
    assert event.sentence == text
    assert text[event.trigger_start:].startswith(event.trigger.split()[0])
