"""Code spaCy parses with PETRARCH/TABARI dictionaries.

For each sentence: (1) story/sentence discards, (2) actor and agent phrases joined into
groups by the dependency parse, (3) dictionary verbs by form or lemma, (4) the most
specific matching pattern of the verb's block, (5) source and target from the pattern's
``$ + %`` slots, else the verb's subject and the first group it governs after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.petrarch.discards import find_discard
from dyadwatch.petrarch.entries import Dictionaries, Pattern, VerbBlock
from dyadwatch.petrarch.groups import NULL_ACTOR, Group, build_groups, build_lexicon, find_mentions
from dyadwatch.petrarch.matcher import Capture, View, match_pattern
from dyadwatch.petrarch.roles import object_group, passive_agent, subject_group
from dyadwatch.petrarch.verbs_index import VerbHit, VerbLexicon, find_verbs
from dyadwatch.petrarch.words import normalize_word

if TYPE_CHECKING:
    from spacy.tokens import Span

DISCARD_CODE = "###"
PASS_CODE = "+++"  # a pattern with this code leaves the verb's own code in force


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One (source, target, code) found in a sentence, with its evidence."""

    source: str
    target: str
    code: str
    source_text: str
    target_text: str
    trigger: str
    trigger_index: int  # token index in the sentence
    rule: str


@dataclass(frozen=True, slots=True)
class SentenceResult:
    events: tuple[CodedEvent, ...]
    discarded: str | None = None  # "sentence" when a discard phrase or code matched


@dataclass(frozen=True, slots=True)
class _Roles:
    source: Group | None
    target: Group | None
    reciprocal: bool = False


class SentenceCoder:
    """The dictionaries in matching form; codes one parsed sentence at a time."""

    def __init__(self, dictionaries: Dictionaries) -> None:
        self.dictionaries = dictionaries
        self.lexicon = build_lexicon(dictionaries.actors, dictionaries.agents)
        self.verbs = VerbLexicon(dictionaries.verbs)
        self.patterns: dict[int, list[Pattern]] = {
            id(b): sorted(b.patterns, key=lambda p: -p.weight) for b in dictionaries.verbs
        }
        self.sentence_discards = [d for d in dictionaries.discards if not d.story]
        self.story_discards = [d for d in dictionaries.discards if d.story]

    def story_discarded(self, text: str) -> bool:
        return find_discard(self.story_discards, text) is not None

    def code_sentence(self, sent: Span, date: int | None) -> SentenceResult:
        """Events of one sentence (see the module docstring for the steps)."""
        # 1. discards
        if find_discard(self.sentence_discards, sent.text) is not None:
            return SentenceResult((), "sentence")
        # 2. actor groups
        words = [normalize_word(t.text) for t in sent]
        groups = build_groups(sent, find_mentions(words, self.lexicon, date))
        if self.dictionaries.flavour == "tabari" and _has_discard_code(groups):
            return SentenceResult((), "sentence")
        forward = View(words, {g.start: g for g in groups},
                       [(c.start - sent.start, c.end - sent.start) for c in sent.noun_chunks])
        backward = forward.mirrored()
        # 3.-5. verbs, patterns, roles
        events: list[CodedEvent] = []
        for hits in find_verbs(sent, words, self.verbs):
            events.extend(self._code_verb(sent, hits, groups, forward, backward))
        return SentenceResult(tuple(dict.fromkeys(events)))

    def _code_verb(self, sent: Span, hits: list[VerbHit], groups: list[Group], forward: View,
                   backward: View) -> list[CodedEvent]:
        hit, pattern, captures = self._best_pattern(hits, forward, backward)
        if pattern is not None and not null_code(pattern.code, PASS_CODE):
            code, rule = pattern.code, f"petrarch:{pattern.pid}"
        else:
            code = _default_code(hits)
            rule = f"petrarch:{hit.block.name}"
        roles = _roles(sent, hit, groups, captures)
        return _events(roles, code, sent[hit.head].text, hit.head, rule)

    def _best_pattern(self, hits: list[VerbHit], forward: View, backward: View
                      ) -> tuple[VerbHit, Pattern | None, list[Capture]]:
        best: tuple[VerbHit, Pattern | None, list[Capture]] = (hits[0], None, [])
        for hit in hits:
            for pattern in self.patterns[id(hit.block)]:
                if best[1] is not None and pattern.weight <= best[1].weight:
                    break
                captures = match_pattern(pattern, forward, backward, hit.start, hit.end)
                if captures is not None:
                    best = (hit, pattern, captures)
                    break
        return best


def _default_code(hits: list[VerbHit]) -> str:
    """The verb's own code, else its block's; the first that is not null."""
    for hit in hits:
        code = hit.form.code or hit.block.code
        if not null_code(code):
            return code
    return "---"


def _has_discard_code(groups: list[Group]) -> bool:
    return any(code.startswith(DISCARD_CODE) for g in groups for code in g.codes)


def _roles(sent: Span, hit: VerbHit, groups: list[Group], captures: list[Capture]) -> _Roles:
    source = target = None
    for capture in captures:
        if capture.kind == "compound" and capture.before_verb:
            return _Roles(capture.group, capture.group, True)
        if capture.kind == "source":
            source = capture.group
        else:
            target = capture.group
    if source is None and target is None and not captures:
        agent = passive_agent(sent, hit, groups)
        if agent is not None:
            return _Roles(agent, subject_group(sent, hit, groups))
    if source is None:
        source = _source_default(sent, hit, groups, target)
    if target is None:
        target = object_group(sent, hit, groups, source)
    return _Roles(source, target)


def _source_default(sent: Span, hit: VerbHit, groups: list[Group], target: Group | None
                    ) -> Group | None:
    if target is not None and target.start < hit.start:
        before = [g for g in groups if g.end <= target.start]
        return before[-1] if before else None
    return subject_group(sent, hit, groups)


def _events(roles: _Roles, code: str, trigger: str, index: int, rule: str) -> list[CodedEvent]:
    if roles.source is None or roles.target is None:
        return []
    primary, _, secondary = code.partition(":")
    events: list[CodedEvent] = []
    for source in roles.source.codes:
        for target in roles.target.codes:
            if source == target or NULL_ACTOR in (source, target):
                continue
            for one, other, part in ((source, target, primary), (target, source, secondary)):
                if part.strip() and part.strip() != "---":
                    events.append(CodedEvent(
                        one, other, part.strip(),
                        (roles.source if one == source else roles.target).text,
                        (roles.target if one == source else roles.source).text,
                        trigger, index, rule))
    return events


def null_code(code: str, *also: str) -> bool:
    """An empty or ``---`` code (and any of ``also``) codes nothing."""
    return code.strip() in ("", "---", *also)


__all__ = ["CodedEvent", "SentenceCoder", "SentenceResult", "VerbBlock"]
