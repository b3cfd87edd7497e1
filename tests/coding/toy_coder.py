"""A coder over fictional states and a small verb table, shared by the rule tests."""

from __future__ import annotations

from typing import Any

from dyadwatch.coding.events import CoderOptions, EventCoder
from dyadwatch.kb.actors import ActorDictionary, ActorEntry
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.kb.resources import CodingResources
from dyadwatch.kb.verbs import parse_verb_file
from dyadwatch.model import Article

Triple = tuple[str | None, str, str | None]


def country(code: str, name: str) -> ActorEntry:
    return ActorEntry(id=f"country:{code}", kind="country", names=(name,), code=code,
                      country=code)


def toy_coder(verbs: dict[str, Any], actors: ActorDictionary) -> EventCoder:
    resources = CodingResources(parse_verb_file(verbs, "test"), actors, load_knowledge().lexicon,
                                places=None, dictionary_version="test")
    return EventCoder(resources, CoderOptions())


def coded_triples(nlp: Any, engine: EventCoder, text: str,
                  published: str = "2020-01-08") -> set[Triple]:
    """(source, CAMEO code, target) of every event coded from ``text``, an article of the
    day ``published``."""
    article = Article(id="t", text=text, published=published)
    return {(e.source, e.cameo, e.target) for e in engine.code_doc(nlp(text), article)}


def arnor_and_gondor(roles: dict[str, str]) -> ActorDictionary:
    """The two fictional states the rule tests code, with the role words a test needs."""
    return ActorDictionary(
        version="test",
        entries={e.id: e for e in (country("ARN", "Arnor"), country("GON", "Gondor"))},
        demonyms={"arnorian": "ARN", "gondorian": "GON"},
        roles=roles,
    )
