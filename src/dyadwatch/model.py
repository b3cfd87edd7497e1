"""Domain values shared by every layer: articles, actor mentions, events, failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def encodable(text: str) -> str:
    """``text`` with lone surrogates (which UTF-8 cannot encode) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from an input, before any language processing."""

    id: str
    text: str
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    origin: str = ""  # where it was read from: path, path:line, URL


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO-style code plus its country (ISO alpha-3) when it has one."""

    code: str
    country: str | None
    name: str = ""
    rule: str = ""  # which dictionary entry or inference produced the code


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in a document: character span, text and the actor it resolves to."""

    start: int  # character offsets into the article text
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with the evidence that proves it (see docs/events.md)."""

    event_id: str
    article_id: str
    date: str | None
    source: str | None
    target: str | None
    source_country: str | None
    target_country: str | None
    source_text: str | None
    target_text: str | None
    cameo: str
    cameo_root: str
    plover_type: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: int
    sentence: str
    sentence_index: int
    trigger: str
    trigger_start: int  # character offset of the trigger in the article text
    negated: bool
    modality: str  # asserted | threatened | intended | reported | hypothetical
    location: Location | None
    rule: str
    dictionary_version: str
    # how sure the rule and the actor resolution are (0-1; None for rows stored before
    # it existed) and whether both sides are known actors (docs/events.md); an event made
    # without ``dyadic`` gets it from its codes (coding.confidence.is_dyadic)
    confidence: float | None = None
    dyadic: bool | None = None

    def __post_init__(self) -> None:
        if self.dyadic is None:
            from dyadwatch.coding.confidence import is_dyadic

            object.__setattr__(self, "dyadic", is_dyadic(
                self.source, self.source_country, self.target, self.target_country))

    def to_record(self) -> dict[str, Any]:
        """The JSON Lines record of the event contract."""
        record = {name: getattr(self, name) for name in RECORD_FIELDS}
        if self.location is not None:
            loc = self.location
            record["location"] = {
                "name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
            }
        return record


RECORD_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "date", "source", "target", "source_country",
    "target_country", "source_text", "target_text", "cameo", "cameo_root",
    "plover_type", "plover_mode", "goldstein", "quad_class", "sentence",
    "sentence_index", "trigger", "trigger_start", "negated", "modality", "location",
    "rule", "dictionary_version", "confidence", "dyadic",
)


@dataclass(frozen=True, slots=True)
class Failure:
    """A recorded problem with one input: never fatal to a run unless --strict."""

    code: str  # e.g. "E201"
    input: str  # path, path:line or article id
    message: str
    article_id: str | None = None


# Failure codes that record an article skipped on purpose rather than a failure: a copy of
# an article already read (E210 DuplicateArticleError) is linked to it, not coded again.
SKIPPED_ON_PURPOSE: frozenset[str] = frozenset({"E210"})


@dataclass(slots=True)
class RunSummary:
    """Counts a run reports at its end and stores in the runs table."""

    articles_read: int = 0
    articles_coded: int = 0
    articles_skipped: int = 0
    articles_unchanged: int = 0  # already coded from the same text, coder and settings
    sentences: int = 0
    events: int = 0
    events_new: int = 0
    failures: list[Failure] = field(default_factory=list)
    by_quad: dict[int, int] = field(default_factory=dict)
    top_dyads: list[tuple[str, str, int]] = field(default_factory=list)
    # articles coded as texts that are not political news, by register (sport, ...): only
    # events of state organs and international bodies are kept from them (docs/coding.md)
    off_topic: dict[str, int] = field(default_factory=dict)

    @property
    def duplicates(self) -> int:
        """Articles linked to a copy read before (E210): skipped on purpose, not failed."""
        return sum(1 for failure in self.failures if failure.code in SKIPPED_ON_PURPOSE)

    @property
    def errors(self) -> list[Failure]:
        """The failures that are failures (every recorded one but the linked copies)."""
        return [failure for failure in self.failures if failure.code not in SKIPPED_ON_PURPOSE]
