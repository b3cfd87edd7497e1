"""Code spaCy parses with PETRARCH/TABARI dictionaries.

For each sentence: (1) story/sentence discards, (2) actor and agent phrases joined into
groups by the dependency parse, (3) dictionary verbs by form or lemma, (4) the most
specific matching pattern of the verb's block, (5) source and target from the pattern's
``$ + %`` slots, else the verb's subject and the first group it governs after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.petrarch import tabari_rules as tr
from dyadwatch.petrarch.discards import find_discard
from dyadwatch.petrarch.entries import Dictionaries, Pattern
from dyadwatch.petrarch.groups import (
    NULL_ACTOR,
    ActorLexicon,
    Group,
    build_groups,
    build_lexicon,
    find_mentions,
)
from dyadwatch.petrarch.matcher import Capture, Match, View, match_pattern
from dyadwatch.petrarch.new_actors import new_actor_groups
from dyadwatch.petrarch.roles import object_group, passive_agent, subject_group
from dyadwatch.petrarch.settings import PetrarchSettings, TabariSettings
from dyadwatch.petrarch.verbs_index import VerbHit, VerbLexicon, find_verbs
from dyadwatch.petrarch.words import normalize_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DISCARD_CODE = "###"
WEAK = "?"
PASS_CODE = "+++"  # a pattern with this code leaves the verb's own code in force
_OBJECTS = {"dobj", "dative", "attr", "oprd"}


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
    first_actor: str | None = None  # code of the first actor phrase (TABARI forwarding)


@dataclass(frozen=True, slots=True)
class _Roles:
    source: Group | None
    target: Group | None
    reciprocal: bool = False


class SentenceCoder:
    """The dictionaries in matching form; codes one parsed sentence at a time."""

    def __init__(self, dictionaries: Dictionaries, lexicon: ActorLexicon | None = None) -> None:
        self.dictionaries = dictionaries
        self.tabari = dictionaries.flavour == "tabari"
        self.lexicon = lexicon or build_lexicon(dictionaries.actors, dictionaries.agents)
        self.verbs = VerbLexicon(dictionaries.verbs)
        self.patterns: dict[int, list[Pattern]] = {
            id(b): sorted(b.patterns, key=lambda p: -p.weight) for b in dictionaries.verbs
        }
        self.sentence_discards = [d for d in dictionaries.discards if not d.story]
        self.story_discards = [d for d in dictionaries.discards if d.story]

    def story_discarded(self, text: str) -> bool:
        return find_discard(self.story_discards, text) is not None

    def code_sentence(self, sent: Span, date: int | None,
                      settings: TabariSettings | None = None,
                      forwarded: str | None = None,
                      config: PetrarchSettings | None = None) -> SentenceResult:
        """Events of one sentence (see the module docstring for the steps).

        ``settings``: TABARI options (TABARI dictionaries only; default: TABARI's defaults).
        ``forwarded``: the first actor of the story's previous sentence, which a leading
        pronoun refers to under ``FORWARD:``.
        ``config``: PETRARCH ``<Config>`` settings (PETRARCH dictionaries only).
        """
        return self._code(sent, date, settings, forwarded, config or PetrarchSettings())

    def _code(self, sent: Span, date: int | None, settings: TabariSettings | None,
              forwarded: str | None, config: PetrarchSettings) -> SentenceResult:
        # 1. discards
        if find_discard(self.sentence_discards, sent.text) is not None:
            return SentenceResult((), "sentence")
        # 2. actor groups
        words = [normalize_word(t.text) for t in sent]
        mentions = find_mentions(words, self.lexicon, date)
        first = next((m.code.split("/")[0] for m in mentions if m.kind == "actor"), None)
        groups = build_groups(sent, mentions)
        rules = (settings or TabariSettings()) if self.tabari else None
        if rules is None and config.new_actor_length > 0:
            groups = sorted([*groups, *new_actor_groups(sent, groups, config.new_actor_length)],
                            key=lambda g: g.start)
        if rules is not None:
            if _has_discard_code(groups):
                return SentenceResult((), "sentence")
            if tr.too_short(sent, rules):
                return SentenceResult(())
            groups = tr.convert_agents(groups, rules)
            if rules.forward and forwarded:
                groups = tr.forward_pronoun(sent, groups, forwarded)
            skipped = tr.skipped_commas(sent, rules.comma)
            groups = [g for g in groups if g.start not in skipped]
        forward = View(words, {g.start: g for g in groups},
                       [(c.start - sent.start, c.end - sent.start) for c in sent.noun_chunks])
        backward = forward.mirrored()
        # 3.-5. verbs, patterns, roles
        choices = [self._choose(hits, forward, backward)
                   for hits in find_verbs(sent, words, self.verbs, self.tabari)]
        if rules is not None:
            choices = [c for c in choices if c.hit.head not in skipped]
        if rules is not None and tr.is_complex(sent, [c.hit.head for c in choices], groups, rules):
            return SentenceResult(())
        by_head: dict[int, list[CodedEvent]] = {}
        for choice in _unconsumed(choices):
            by_head[choice.hit.head] = self._code_verb(sent, choice, groups, rules, config)
        if rules is not None:
            by_head = _tabari_select(sent, by_head, rules)
        else:
            by_head = _without_embedded_halves(sent, by_head)
        coding_all = rules is not None and rules.code_by == "all"
        events = [e for v in by_head.values() for e in v] if coding_all else _uncontrolled(
            sent, by_head)
        if rules is not None:
            if tr.has_complex_code([(e.source, e.target, e.code) for e in events]):
                return SentenceResult(())
            events = _dominant(events)
        return SentenceResult(tuple(dict.fromkeys(_weak_last(events))), None, first)

    def _code_verb(self, sent: Span, choice: _Choice, groups: list[Group],
                   rules: TabariSettings | None, config: PetrarchSettings) -> list[CodedEvent]:
        hit, pattern = choice.hit, choice.pattern
        passing = () if rules is not None else (PASS_CODE,)
        if pattern is not None and not null_code(pattern.code, *passing):
            code, rule = pattern.code, f"petrarch:{pattern.pid}"
        else:
            code = _default_code(choice.hits)
            rule = f"petrarch:{hit.block.name}"
        captures = choice.match.captures if choice.match else []
        roles = _roles(sent, hit, groups, captures, self.tabari)
        if rules is not None:
            roles = _regular_roles(sent, hit, groups, captures, roles, rules)
        open_target = rules is None and not config.require_dyad and _has_object(sent[hit.head])
        return _events(roles, code, sent[hit.head].text, hit.head, rule, open_target)

    def _choose(self, hits: list[VerbHit], forward: View, backward: View) -> _Choice:
        """The most specific pattern matching any of the verb's blocks."""
        best = _Choice(hits, hits[0], None, None)
        for hit in hits:
            for pattern in self.patterns[id(hit.block)]:
                if best.pattern is not None and pattern.weight <= best.pattern.weight:
                    break
                match = match_pattern(pattern, forward, backward, hit.start, hit.end)
                if match is not None:
                    best = _Choice(hits, hit, pattern, match)
                    break
        return best


@dataclass(frozen=True, slots=True)
class _Choice:
    hits: list[VerbHit]
    hit: VerbHit
    pattern: Pattern | None
    match: Match | None

    @property
    def weight(self) -> int:
        return self.pattern.weight if self.pattern else -1


def _unconsumed(choices: list[_Choice]) -> list[_Choice]:
    """Drop verbs whose word a more specific pattern of another verb already used."""
    used: set[int] = set()
    kept: list[_Choice] = []
    for choice in sorted(choices, key=lambda c: -c.weight):
        if choice.hit.head in used:
            continue
        kept.append(choice)
        if choice.match is not None:
            used |= choice.match.consumed
    return sorted(kept, key=lambda c: c.hit.head)


def _uncontrolled(sent: Span, by_head: dict[int, list[CodedEvent]]) -> list[CodedEvent]:
    """Events, leaving out verbs controlled (xcomp) by a verb that was coded itself."""
    events: list[CodedEvent] = []
    for head, coded in by_head.items():
        token = sent[head]
        while token.dep_ == "xcomp" and token.head != token:
            token = token.head
            if by_head.get(token.i - sent.start):
                coded = []
                break
        events.extend(coded)
    return events


def _without_embedded_halves(sent: Span, by_head: dict[int, list[CodedEvent]]
                             ) -> dict[int, list[CodedEvent]]:
    """Drop one-sided events (``---`` target) of a verb inside the clause of a verb that
    coded a full event ("restored ties with Gondor after crowds burned ...").
    """
    full: set[int] = set()
    for head, events in by_head.items():
        if any(not _one_sided(e) for e in events):
            full |= _control_chain(sent[head])
    kept: dict[int, list[CodedEvent]] = {}
    for head, events in by_head.items():
        embedded = any(t.i in full for t in sent[head].ancestors)
        kept[head] = [e for e in events if not (embedded and _one_sided(e))]
    return kept


def _control_chain(token: Token) -> set[int]:
    """Document positions of a verb and the words that control it ("is about to restore")."""
    chain = {token.i}
    while token.dep_ in ("xcomp", "acomp") and token.head != token:
        token = token.head
        chain.add(token.i)
    return chain


def _one_sided(event: CodedEvent) -> bool:
    return NULL_ACTOR in (event.source, event.target)


def _tabari_select(sent: Span, by_head: dict[int, list[CodedEvent]], rules: TabariSettings
                   ) -> dict[int, list[CodedEvent]]:
    """TABARI's ``CODE BY`` rule over the coded verbs."""
    codes = {head: [e.code for e in events] for head, events in by_head.items() if events}
    kept = tr.select_by_clause(sent, codes, rules.code_by)
    return {head: events for head, events in by_head.items() if head in kept}


def _dominant(events: list[CodedEvent]) -> list[CodedEvent]:
    """Dominant codes (``031!``) cancel the other events; the marker is dropped."""
    keep = tr.keep_dominant([e.code for e in events])
    return [CodedEvent(e.source, e.target, e.code.rstrip(tr.DOMINANT), e.source_text,
                       e.target_text, e.trigger, e.trigger_index, e.rule)
            for e, kept in zip(events, keep, strict=True) if kept]


def _regular_roles(sent: Span, hit: VerbHit, groups: list[Group], captures: list[Capture],
                   roles: _Roles, rules: TabariSettings) -> _Roles:
    """TABARI's regular source (the first actor of the clause) unless a pattern slot or a
    passive ``by`` set it, and its regular target where the parse and the pattern found none.
    """
    if roles.reciprocal:
        return roles
    source, target = roles.source, roles.target
    if not any(c.kind == "source" for c in captures) and passive_agent(
            sent, hit, groups) is None:
        source = None
    if source is None:
        source = tr.regular_source(sent, hit.start, groups, target, rules)
    if target is None:
        target = tr.regular_target(hit.end, hit.start, groups, source, rules)
    return _Roles(source, target)


def _weak_last(events: list[CodedEvent]) -> list[CodedEvent]:
    """Codes ending in ``?`` (TABARI ``SAID [023?]``) count only when nothing else is coded."""
    strong = [e for e in events if not e.code.endswith(WEAK)]
    if strong:
        return strong
    return [CodedEvent(e.source, e.target, e.code.rstrip(WEAK), e.source_text, e.target_text,
                       e.trigger, e.trigger_index, e.rule) for e in events]


def _default_code(hits: list[VerbHit]) -> str:
    """The verb's own code, else its block's; the first that is not null."""
    for hit in hits:
        code = hit.form.code or hit.block.code
        if not null_code(code):
            return code
    return "---"


def _has_discard_code(groups: list[Group]) -> bool:
    return any(code.startswith(DISCARD_CODE) for g in groups for code in g.codes)


def _roles(sent: Span, hit: VerbHit, groups: list[Group], captures: list[Capture],
           tabari: bool) -> _Roles:
    """Source and target: pattern slots first, then the parse (passive agent, subject, object).

    A compound slot ``%`` before the verb (anywhere, in TABARI files) makes the members of
    the compound act on each other.
    """
    source = target = None
    for capture in captures:
        if capture.kind == "compound" and (capture.before_verb or tabari):
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


def _events(roles: _Roles, code: str, trigger: str, index: int, rule: str,
            open_target: bool = False) -> list[CodedEvent]:
    """Events between the roles' codes; with ``open_target`` a missing target is ``---``."""
    sides = _sides(roles, open_target)
    if sides is None:
        return []
    (sources, source_text), (targets, target_text) = sides
    primary, _, secondary = code.partition(":")
    events: list[CodedEvent] = []
    for source in sources:
        for target in targets:
            if source == target or _null_pair(source, target, roles):
                continue
            for one, other, part in ((source, target, primary), (target, source, secondary)):
                if part.strip() and part.strip() != "---" and one != NULL_ACTOR:
                    texts = (source_text, target_text) if one == source else (
                        target_text, source_text)
                    events.append(CodedEvent(one, other, part.strip(), *texts, trigger, index,
                                             rule))
    return events


def _sides(roles: _Roles, open_target: bool
           ) -> tuple[tuple[list[str], str], tuple[list[str], str]] | None:
    """(codes, text) of source and target; None when the event cannot be coded."""
    if roles.source is None or (roles.target is None and not open_target):
        return None
    source = (roles.source.codes, roles.source.text)
    target = (roles.target.codes, roles.target.text) if roles.target else ([NULL_ACTOR], "")
    return source, target


def _has_object(verb: Token) -> bool:
    """The verb governs a noun phrase after it (an object or a prepositional object), which
    PETRARCH codes ``---`` when it holds no actor; "said today" has none.
    """
    for child in verb.rights:
        if child.dep_ in _OBJECTS:
            return True
        if child.dep_ in ("prep", "agent") and any(c.dep_ == "pobj" for c in child.children):
            return True
    return False


def _null_pair(source: str, target: str, roles: _Roles) -> bool:
    """A ``---`` actor found in the text (not standing for a missing target) codes nothing."""
    return source == NULL_ACTOR or (target == NULL_ACTOR and roles.target is not None)


def null_code(code: str, *also: str) -> bool:
    """An empty or ``---`` code (and any of ``also``) codes nothing."""
    return code.strip() in ("", "---", *also)


__all__ = ["CodedEvent", "SentenceCoder", "SentenceResult"]
