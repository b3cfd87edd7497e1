"""How sure an event is (``confidence``) and whether both its sides are known (``dyadic``).

Both fields are made by :func:`dyadwatch.coding.assembly.assemble_event`, for every
producer, from what the event already records:

- the **rule family** (the first word of ``rule``: ``verb``, ``noun``, ``frame``,
  ``obligation``, ``future``, ``refuse``; another producer's rule is ``other``);
- how **each side** was resolved (:func:`side_kind`): a named country or actor, a
  country with a role word, a sector-only role word, a pronoun or definite description
  pointing back, a generic placed in a country by the article, a place given as target,
  or missing;
- the **mood**: ``asserted``, ``reported``, ``threatened``, ``intended``,
  ``hypothetical``, or ``negated``.

The numbers are data, ``data/coding/confidence.yaml``, written by
``tools/calibrate_confidence.py`` from the dev half of the real-news gold set, loaded with
the other knowledge files (:mod:`dyadwatch.kb.confidence`; a ``--dictionaries`` folder may
layer its own) and passed in as a :class:`ConfidenceTable`:

    confidence = clamp(rule[family] × source[kind] × target[kind] × mood[mood])

where ``rule`` is the family's observed precision and each factor is a feature's
precision divided by the overall precision (1.0 when a feature was seldom seen). A
feature missing from the table counts as 1.0 (``rule``: the table's ``default``).

An event is **dyadic** when both sides resolve to a known actor as the real-news gold
set counts them (:func:`dyadwatch.goldset.country_key`): a country, an international body,
an NGO or a named non-state group; a sector-only code (``GOV``, ``CVL``) is not known.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dyadwatch.kb.confidence import RULE_FAMILIES, ConfidenceTable

PLACE_RULE = "place"  # the actor rule of a place given as target (coding.arguments)
Side = tuple[str | None, str | None, str | None, str | None]  # code, country, how, text


def rule_family(rule: str) -> str:
    """``verb:kill#2`` → ``verb``; ``frame:agree+verb:meet`` → ``frame``."""
    head = rule.split("+", 1)[0].split(":", 1)[0]
    return head if head in RULE_FAMILIES else "other"


def side_kind(code: str | None, country: str | None, how: str | None,
              text: str | None = None, pronouns: frozenset[str] = frozenset()) -> str:
    """How one side was resolved, from its code, country, actor rule (``how``) and the
    mention as written (a pronoun, or a definite description such as "the government",
    points back to an antecedent)."""
    if not code:
        return "missing"
    how = how or ""
    if how == PLACE_RULE:
        return "place"
    if how == "anaphor" or (text or "").lower() in pronouns:
        return "pronoun"
    if how.startswith("placed+"):
        return "placed"
    if country is None:
        return "named" if known_code(code, None) else "role"
    return "country_role" if how.endswith(":country+role") else "named"


def mood_of(modality: str, negated: bool) -> str:
    return "negated" if negated else modality


def known_code(code: str | None, country: str | None) -> bool:
    """Is this side a known actor (a country, an international body, a named group)?"""
    from dyadwatch.goldset import country_key  # one definition, shared with the gold set

    return country_key(code, country) is not None


def is_dyadic(source: str | None, source_country: str | None, target: str | None,
              target_country: str | None) -> bool:
    return known_code(source, source_country) and known_code(target, target_country)


def score(table: ConfidenceTable, family: str, source: str, target: str, mood: str) -> float:
    """The confidence of an event with these features, rounded to 3 places."""
    value = (_factor(table.rule, family, table.default) * _factor(table.source, source)
             * _factor(table.target, target) * _factor(table.mood, mood))
    return round(min(1.0, max(0.0, value)), 3)


def _factor(scores: Mapping[Any, float], feature: str, missing: float = 1.0) -> float:
    """A feature's score; ``missing`` when the table does not list it."""
    return scores.get(feature, missing)


def features(rule: str, source: Side, target: Side, modality: str, negated: bool,
             table: ConfidenceTable) -> tuple[str, str, str, str]:
    """(rule family, source kind, target kind, mood) of an event; each side is
    (code, country, actor rule, mention)."""
    pronouns = _pronouns(table)
    return (rule_family(rule), side_kind(*source, pronouns=pronouns),
            side_kind(*target, pronouns=pronouns), mood_of(modality, negated))


def _pronouns(table: ConfidenceTable) -> frozenset[str]:
    return frozenset(word.lower() for word in table.pronouns)


def event_confidence(rule: str, source: Side, target: Side, modality: str, negated: bool,
                     table: ConfidenceTable) -> float:
    return score(table, *features(rule, source, target, modality, negated, table))
