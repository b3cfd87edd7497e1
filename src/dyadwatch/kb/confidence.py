"""The confidence table as knowledge: ``data/coding/confidence.yaml``.

The table gives an event's ``confidence`` from four features (docs/events.md): the
precision of its rule family, and a factor for how each side was resolved and for its
mood. It is written by ``tools/calibrate_confidence.py`` from the dev half of the
real-news gold set, loaded and layered with the other knowledge files
(:mod:`dyadwatch.kb.knowledge`), part of the content hash of ``dictionary_version``, and
read by :mod:`dyadwatch.coding.confidence` through ``CodingResources.confidence``.

Keys are checked: a family, side kind or mood the coder does not make is an error
naming the file, the section and the key, not a score that silently never applies.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dyadwatch.errors import DictionaryError

CONFIDENCE_FILE = "coding/confidence.yaml"
RuleFamily = Literal["verb", "noun", "frame", "obligation", "future", "refuse", "other"]
SideKind = Literal["named", "country_role", "role", "pronoun", "placed", "place", "missing"]
Mood = Literal["asserted", "reported", "threatened", "intended", "hypothetical", "negated"]
RULE_FAMILIES: tuple[str, ...] = get_args(RuleFamily)[:-1]  # "other": another producer's
SIDE_KINDS: tuple[str, ...] = get_args(SideKind)
MOODS: tuple[str, ...] = get_args(Mood)
Precision = Annotated[float, Field(ge=0.0, le=1.0)]
Factor = Annotated[float, Field(ge=0.0)]


class ConfidenceTable(BaseModel):
    """The feature → score table (``data/coding/confidence.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    calibrated_on: str = ""
    default: Precision  # a rule family the table does not list
    rule: dict[RuleFamily, Precision] = Field(default_factory=dict)
    source: dict[SideKind, Factor] = Field(default_factory=dict)
    target: dict[SideKind, Factor] = Field(default_factory=dict)
    mood: dict[Mood, Factor] = Field(default_factory=dict)
    # mentions that are pronouns: a side written so took its actor from an antecedent
    pronouns: list[str] = Field(default_factory=list)
    note: str = ""


def parse_confidence_table(document: Any, origin: str) -> ConfidenceTable:
    """A checked table; a document that is not one is an E501 naming ``origin``."""
    try:
        return ConfidenceTable.model_validate(document)
    except ValidationError as e:
        raise DictionaryError(path=origin, detail=str(e)) from e


def shipped_confidence_table() -> ConfidenceTable:
    """The shipped table (with no user layers), from the shipped knowledge."""
    from dyadwatch.kb.knowledge import load_knowledge

    return load_knowledge().confidence
