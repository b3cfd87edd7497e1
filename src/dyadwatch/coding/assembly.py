"""Stage 3 of the coder: assembly. One way to make an Event, for every producer.

The built-in coder, the PETRARCH/TABARI dictionary coder and the synthetic data all
build their events with :func:`assemble_event`, so the event id, the Goldstein value,
the quad class, the PLOVER type and mode and the country fields are made one way:

- the id is the sha1 (20 hex digits) of article, sentence, trigger offset, source,
  target and CAMEO code. It leaves out the dictionary version on purpose: coding an
  article again with other knowledge gives the same event the same id, and the store
  replaces an article's events as a whole (the run record says which version coded it);
- Goldstein, quad class and PLOVER come from the CAMEO table; a code the table lacks
  keeps no Goldstein value and no PLOVER type, and its quad class is its root's;
- a producer that knows an actor's country (the built-in actor dictionary) passes it; a
  producer that knows only codes gets the country from the code's first three letters
  when they are an ISO 3166 country (:func:`country_of_code`);
- ``confidence`` and ``dyadic`` come from :mod:`dyadwatch.coding.confidence` (the rule
  family, how each side was resolved, the mood), scored by the producer's confidence
  table (``CodingResources.confidence``).

:func:`rewritten` applies the CAMEO rewrites of ``rules.yaml`` (1823→186 for a named
official, 174→166 for an organisation) for the built-in coder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dyadwatch.coding.confidence import event_confidence, is_dyadic
from dyadwatch.model import Event, Location
from dyadwatch.ontology import CameoCode, cameo_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadwatch.coding.actors import Resolved
    from dyadwatch.kb.confidence import ConfidenceTable
    from dyadwatch.kb.lexicon import Lexicon

ID_LENGTH = 20


@dataclass(frozen=True, slots=True)
class Party:
    """One side of an event: its actor code, its country, the mention as written and the
    rule that resolved the actor (``Actor.rule``: ``anaphor``, ``placed+…``, ``place``…)."""

    code: str | None
    country: str | None = None
    text: str | None = None
    how: str | None = None


def party_of_code(code: str | None, text: str | None = None) -> Party:
    """A party known only by its code; the country comes from :func:`country_of_code`."""
    return Party(code, country_of_code(code), text)


@lru_cache(maxsize=4096)
def country_of_code(code: str | None) -> str | None:
    """ISO alpha-3 country of a CAMEO-style actor code, when its first three letters are one."""
    if not code or len(code) < 3:
        return None
    import pycountry

    return code[:3] if pycountry.countries.get(alpha_3=code[:3]) is not None else None


def event_id(article_id: str, sentence_index: int, trigger_start: int, source: str | None,
             target: str | None, cameo: str) -> str:
    """Stable id of an event: same article, sentence, trigger, actors and code, same id."""
    parts = (article_id, sentence_index, trigger_start, source or "", target or "", cameo)
    key = "|".join(str(part) for part in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


def assemble_event(*, article_id: str, sentence_index: int, trigger_start: int, cameo: str,
                   source: Party, target: Party | None, sentence: str, trigger: str,
                   rule: str, dictionary_version: str, confidence_table: ConfidenceTable,
                   date: str | None = None,
                   negated: bool = False, modality: str = "asserted",
                   location: Location | None = None) -> Event:
    """The Event of one coded predicate, with every derived field made here."""
    entry = cameo_table().get(cameo)
    target = target or Party(None)
    confidence = event_confidence(rule, (source.code, source.country, source.how, source.text),
                                  (target.code, target.country, target.how, target.text),
                                  modality, negated, confidence_table)
    return Event(
        event_id=event_id(article_id, sentence_index, trigger_start, source.code, target.code,
                          cameo),
        article_id=article_id, date=date,
        source=source.code, target=target.code,
        source_country=source.country, target_country=target.country,
        source_text=source.text, target_text=target.text,
        cameo=cameo, cameo_root=cameo[:2],
        plover_type=entry.plover_type if entry else None,
        plover_mode=entry.plover_mode if entry else None,
        goldstein=entry.goldstein if entry else None,
        quad_class=entry.quad_class if entry else root_quad_class(cameo),
        sentence=sentence, sentence_index=sentence_index, trigger=trigger,
        trigger_start=trigger_start, negated=negated, modality=modality, location=location,
        rule=rule, dictionary_version=dictionary_version, confidence=confidence,
        dyadic=is_dyadic(source.code, source.country, target.code, target.country),
    )


def root_quad_class(cameo: str) -> int:
    """The quad class of a code's root (0 only when the root is no CAMEO root either)."""
    root: CameoCode | None = cameo_table().get(cameo[:2])
    return root.quad_class if root is not None else 0


def rewritten(code: str, rule: str, target: Resolved | None, doc: Doc,
              lex: Lexicon) -> tuple[str, str]:
    """(code, rule) after the CAMEO rewrites of ``rules.yaml``, applied in order."""
    if target is None:
        return code, rule
    for rewrite in lex.rewrites:
        if (code == rewrite.code and _by_pattern(rule, rewrite.patterns)
                and _holds(rewrite.when, rewrite.values, target, doc)):
            code, rule = rewrite.to, rule + rewrite.rule_suffix
    return code, rule


def _by_pattern(rule: str, patterns: frozenset[str]) -> bool:
    """Was the event coded by one of ``patterns`` (any pattern when there are none)? A
    rule names its patterns as 'verb:force.out', 'frame:threaten.f+verb:force.out'."""
    return not patterns or any(part.partition(":")[2] in patterns for part in rule.split("+"))


def _holds(when: str, values: frozenset[str], target: Resolved, doc: Doc) -> bool:
    if when == "target_named_official":
        # killing a named person who holds one of these roles is assassination
        if target.actor is None:
            return False
        role = target.actor.code[3:] if target.actor.country else ""
        return doc[target.token_i].ent_type_ == "PERSON" and role[:3] in values
    if when == "target_sector":
        # "ousted Isis fighters from the town": whom the deed is done to, by sector
        if target.actor is None:
            return False
        code, country = target.actor.code, target.actor.country
        sector = code[len(country):] if country and code.startswith(country) else code
        return sector[:3] in values
    return (target.code or "")[:3] in values  # target_code_prefix
