"""CodingResources: everything the built-in coder reads, built once per configuration.

Verbs, actors, word lists, rules, the confidence table and the registers of texts
that are not political news (one merged, hashed :class:`Knowledge`) and the gazetteer.
Resources are immutable and hold no per-document state, so one instance is shared by
every call, thread and coder that uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.kb.actors import ActorDictionary, ActorPatterns
from dyadwatch.kb.confidence import ConfidenceTable, shipped_confidence_table
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.kb.lexicon import Lexicon
from dyadwatch.kb.places import Gazetteer, load_gazetteer
from dyadwatch.kb.registers import Registers
from dyadwatch.kb.verbs import VerbDictionary


@dataclass(frozen=True, slots=True)
class CodingResources:
    verbs: VerbDictionary
    actors: ActorDictionary
    lexicon: Lexicon
    places: Gazetteer | None
    dictionary_version: str  # the shipped version and the content hash of all knowledge
    layers: tuple[str, ...] = ()  # user dictionary folders merged over the shipped files
    # an event's confidence (data/coding/confidence.yaml); the shipped table by default
    confidence: ConfidenceTable = field(default_factory=shipped_confidence_table)
    # the cues of texts that are not political news (data/coding/registers.yaml)
    registers: Registers = field(default_factory=lambda: load_knowledge().registers)
    # the actors' surface forms as spaCy's English tokenizer splits them (words,
    # case-sensitive, entry id; coding.mentions.tokenised_forms), kept with the cached
    # build; None: tokenised when the coder first builds its phrase matchers
    actor_patterns: ActorPatterns | None = None


def load_resources(layers: Sequence[Path] = (), places: bool = True) -> CodingResources:
    """The shipped knowledge with ``layers`` merged over it, and the gazetteer."""
    knowledge = load_knowledge(layers)
    return CodingResources(knowledge.verbs, knowledge.actors, knowledge.lexicon,
                           load_gazetteer() if places else None, knowledge.version,
                           knowledge.layers, knowledge.confidence, knowledge.registers)
