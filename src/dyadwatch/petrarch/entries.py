"""The compiled form of PETRARCH/TABARI dictionaries: plain frozen values, picklable."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Flavour = Literal["petrarch", "tabari"]
ElementKind = Literal["words", "source", "target", "compound", "skip"]


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """An entry that was skipped while loading, and why."""

    where: str  # path:line
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` inclusive (YYYYMMDD; None is open)."""

    code: str
    start: int | None = None
    end: int | None = None

    def covers(self, date: int) -> bool:
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor record: its phrases, the default code and date-bounded codes in file order."""

    phrases: tuple[tuple[str, ...], ...]
    default: str | None
    dated: tuple[DatedCode, ...]
    where: str
    stem: bool = False  # TABARI: the last word of a phrase may be a word stem
    gapped: tuple[bool, ...] = ()  # TABARI: per phrase, words written with blanks may be apart

    def code_on(self, date: int | None) -> str | None:
        """The code that applies on ``date``: the first matching restriction, else the default."""
        if date is not None:
            for dated in self.dated:
                if dated.covers(date):
                    return dated.code
        return self.default


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent phrase and its code; ``prefix`` codes go before the actor code (``NGO~``)."""

    phrases: tuple[tuple[str, ...], ...]
    code: str
    prefix: bool
    where: str
    stem: bool = False


@dataclass(frozen=True, slots=True)
class Element:
    """One slot of a verb pattern. ``tight``: must touch the previous slot (``_``)."""

    kind: ElementKind
    tight: bool
    alternatives: tuple[tuple[str, ...], ...] = ()  # for "words": phrases any of which match
    stem: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb pattern: slots before the verb (nearest first) and after it, and its code."""

    pid: str
    text: str
    code: str
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    where: str

    @property
    def weight(self) -> int:
        """How specific the pattern is: more slots win."""
        return len(self.before) + len(self.after)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A (possibly multi-word) verb; ``head`` indexes the word that is the verb itself."""

    words: tuple[tuple[str, ...], ...]  # each position: the spellings that match
    head: int
    code: str | None
    lemma: str
    stem: bool = False


@dataclass(frozen=True, slots=True)
class VerbBlock:
    """A synonym block: its verbs share the patterns; ``code`` is the block default."""

    name: str
    code: str
    forms: tuple[VerbForm, ...]
    patterns: tuple[Pattern, ...]
    where: str


@dataclass(frozen=True, slots=True)
class Discard:
    """A phrase that stops coding of the sentence, or of the whole story when ``story``."""

    phrase: str
    story: bool
    exact_end: bool
    where: str


@dataclass(frozen=True, slots=True)
class Issue:
    """An issue phrase and its code; ``ignore`` phrases cancel issue coding."""

    phrase: str
    code: str
    ignore: bool
    where: str


@dataclass(frozen=True, slots=True)
class Transformation:
    """A PETRARCH2 event transformation (read and kept; see docs/petrarch.md)."""

    text: str
    where: str


@dataclass(slots=True)
class Dictionaries:
    """Everything one coder needs, as read from a set of dictionary files."""

    flavour: Flavour
    verbs: list[VerbBlock] = field(default_factory=list)
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    transformations: list[Transformation] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    version: str = ""

    def extend(self, other: Dictionaries) -> None:
        """Add the entries and warnings of ``other`` (read from another file)."""
        for name in ("verbs", "actors", "agents", "discards", "issues", "transformations",
                     "warnings", "files"):
            getattr(self, name).extend(getattr(other, name))
