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
``tools/calibrate_confidence.py`` from the dev half of the real-news gold set:

    confidence = clamp(rule[family] × source[kind] × target[kind] × mood[mood])

where ``rule`` is the family's observed precision and each factor is a feature's
precision divided by the overall precision (1.0 when a feature was seldom seen). A
feature missing from the table counts as 1.0 (``rule``: the table's ``default``).

An event is **dyadic** when both sides resolve to a known actor as the real-news gold
set counts them (:func:`dyadwatch.goldset.country_key`): a country, an international body,
an NGO or a named non-state group; a sector-only code (``GOV``, ``CVL``) is not known.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dyadwatch.errors import DictionaryError

TABLE_FILE = "coding/confidence.yaml"
RULE_FAMILIES = ("verb", "noun", "frame", "obligation", "future", "refuse")
SIDE_KINDS = ("named", "country_role", "role", "pronoun", "placed", "place", "missing")
MOODS = ("asserted", "reported", "threatened", "intended", "hypothetical", "negated")
PLACE_RULE = "place"  # the actor rule of a place given as target (coding.arguments)
Side = tuple[str | None, str | None, str | None, str | None]  # code, country, how, text


class ConfidenceTable(BaseModel):
    """The feature → score table (``data/coding/confidence.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    calibrated_on: str = ""
    default: float = Field(ge=0.0, le=1.0)  # a rule family the table does not list
    rule: dict[str, float] = Field(default_factory=dict)
    source: dict[str, float] = Field(default_factory=dict)
    target: dict[str, float] = Field(default_factory=dict)
    mood: dict[str, float] = Field(default_factory=dict)
    # mentions that are pronouns: a side written so took its actor from an antecedent
    pronouns: list[str] = Field(default_factory=list)
    note: str = ""


@lru_cache(maxsize=1)
def confidence_table() -> ConfidenceTable:
    """The shipped table; a broken file is an E501 naming it."""
    text = resources.files("dyadwatch").joinpath("data").joinpath(TABLE_FILE).read_text(
        encoding="utf-8")
    return parse_table(yaml.safe_load(text), f"dyadwatch/data/{TABLE_FILE}")


def parse_table(document: Any, origin: str) -> ConfidenceTable:
    """A checked table; a document that is not one is an E501 naming ``origin``."""
    try:
        return ConfidenceTable.model_validate(document)
    except ValidationError as e:
        raise DictionaryError(path=origin, detail=str(e)) from e


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
    value = (table.rule.get(family, table.default) * table.source.get(source, 1.0)
             * table.target.get(target, 1.0) * table.mood.get(mood, 1.0))
    return round(min(1.0, max(0.0, value)), 3)


def features(rule: str, source: Side, target: Side, modality: str, negated: bool,
             table: ConfidenceTable | None = None) -> tuple[str, str, str, str]:
    """(rule family, source kind, target kind, mood) of an event; each side is
    (code, country, actor rule, mention)."""
    pronouns = _pronouns(table or confidence_table())
    return (rule_family(rule), side_kind(*source, pronouns=pronouns),
            side_kind(*target, pronouns=pronouns), mood_of(modality, negated))


def _pronouns(table: ConfidenceTable) -> frozenset[str]:
    return frozenset(word.lower() for word in table.pronouns)


def event_confidence(rule: str, source: Side, target: Side, modality: str, negated: bool,
                     table: ConfidenceTable | None = None) -> float:
    table = table or confidence_table()
    return score(table, *features(rule, source, target, modality, negated, table))
