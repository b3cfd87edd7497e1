"""The verb-pattern dictionary: predicates (verbs and event nouns) to CAMEO codes.

The shipped dictionary is ``data/verbs.yaml``; its format is documented in
docs/coding.md. Each pattern names the predicate lemmas, optional conditions
(particle, direct-object lemma, required preposition) and where its source and
target are found in the dependency parse. Frames are embedding predicates
(threaten, promise, refuse, urge, demand, ...) whose code is derived from the
event they embed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dyadwatch.errors import DictionaryError
from dyadwatch.ontology import is_cameo

# "nsubj", "dobj", "iobj", "agent", "poss", "compound", or a preposition: "with", "against"
Slot = str
FrameKind = Literal["threaten", "intend", "refuse", "appeal", "demand", "agree", "deny", "accuse"]


class VerbPattern(BaseModel):
    """One dictionary entry. More specific patterns (with conditions) win over bare lemmas."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    lemmas: list[str] = Field(min_length=1)
    pos: Literal["verb", "noun", "adj"] = "verb"
    code: str
    particle: str | None = None
    object: list[str] = Field(default_factory=list)
    # one of these must modify the object ("take military action"): amod or compound lemma
    object_modifier: list[str] = Field(default_factory=list)
    prep: str | None = None
    # the object of that preposition must be one of these ("put on alert", not "put the
    # blame on Kyiv")
    prep_object: list[str] = Field(default_factory=list)
    # the pattern does not hold when one of these lemmas modifies the predicate, is the
    # object of its preposition ("oil demand", "demand for oil" are not political demands),
    # or heads its object or subject ("met its commitments", "troops met")
    not_with: list[str] = Field(default_factory=list)
    # the verb needs a small clause on its object ("called the plan a disgrace", not
    # "called the president"), and is no participle restating another verb's deed
    # ("dismissed the offer, calling it a gimmick")
    complement: bool = False
    source: list[Slot] = Field(default_factory=lambda: ["nsubj", "agent"])
    target: list[Slot] = Field(default_factory=lambda: ["dobj"])
    note: str = ""

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        if not is_cameo(code):
            raise ValueError(f"{code!r} is not a CAMEO event code")
        return code

    @property
    def specificity(self) -> int:
        return (2 * bool(self.object) + 2 * bool(self.object_modifier)
                + (2 if self.particle else 0) + (1 if self.prep else 0)
                + 2 * bool(self.prep_object) + bool(self.complement))


class Frame(BaseModel):
    """An embedding predicate: the code comes from ``derive[kind]`` and the embedded root."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    lemmas: list[str] = Field(min_length=1)
    kind: FrameKind
    target: list[Slot] = Field(default_factory=lambda: ["dobj", "to", "against", "on"])
    note: str = ""


class VerbFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    patterns: list[VerbPattern]
    frames: list[Frame] = Field(default_factory=list)
    # derive[kind][embedded CAMEO root or "default"] = code of the framed event
    derive: dict[FrameKind, dict[str, str]] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    version: str
    by_lemma: dict[tuple[str, str], tuple[VerbPattern, ...]]  # (pos, lemma) → most specific first
    frames: dict[str, Frame]  # lemma → frame
    derive: dict[str, dict[str, str]]

    def patterns_for(self, lemma: str, pos: str) -> tuple[VerbPattern, ...]:
        return self.by_lemma.get((pos, lemma), ())

    def frame_for(self, lemma: str) -> Frame | None:
        return self.frames.get(lemma)

    def derived_code(self, kind: str, embedded_code: str | None) -> str | None:
        table = self.derive.get(kind, {})
        if embedded_code is not None:
            for end in (4, 3, 2):
                if embedded_code[:end] in table:
                    return table[embedded_code[:end]]
        return table.get("default")


def parse_verb_file(data: object, origin: str) -> VerbDictionary:
    """Validate a loaded YAML document and index it; errors name the file and entry."""
    try:
        parsed = VerbFile.model_validate(data)
    except ValidationError as e:
        raise DictionaryError(path=origin, detail=f"invalid verb dictionary: {e}") from e
    by_lemma: dict[tuple[str, str], list[VerbPattern]] = defaultdict(list)
    for pattern in parsed.patterns:
        for lemma in pattern.lemmas:
            by_lemma[(pattern.pos, lemma.lower())].append(pattern)
    ordered = {key: tuple(sorted(group, key=lambda p: -p.specificity))
               for key, group in by_lemma.items()}
    frames = {lemma.lower(): frame for frame in parsed.frames for lemma in frame.lemmas}
    derive = {str(kind): table for kind, table in parsed.derive.items()}
    return VerbDictionary(parsed.version, ordered, frames, derive)


def load_verb_dictionary(path: Path | None = None) -> VerbDictionary:
    """The shipped dictionary, or the YAML file at ``path``."""
    if path is None:
        return _shipped()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DictionaryError(path=str(path), detail=f"cannot read: {e}") from e
    return parse_verb_file(data, str(path))


def _shipped() -> VerbDictionary:
    from dyadwatch.kb.knowledge import load_knowledge

    return load_knowledge().verbs
