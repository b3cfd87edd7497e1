"""Default source and target of a verb from the dependency parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.petrarch.groups import Group
from dyadwatch.petrarch.verbs_index import VerbHit

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_CLIMB = {"xcomp", "conj", "acomp", "dep"}
_MODIFIES_NOUN = {"relcl", "acl"}
_NO_SUBJECT = {"pcomp", "pobj", "prep"}
_MAX_CLIMB = 8


def subject_token(verb: Token) -> Token | None:
    """The verb's subject; for controlled and conjoined verbs, the governing verb's."""
    token = verb
    for _ in range(_MAX_CLIMB):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0]
        if token.dep_ in _MODIFIES_NOUN:
            return token.head
        if token.dep_ not in _CLIMB or token.head == token:
            return None
        token = token.head
    return None


def subject_group(sent: Span, hit: VerbHit, groups: list[Group]) -> Group | None:
    """The group of the verb's subject; with no subject, the nearest group before the verb."""
    verb = sent[hit.head]
    subject = subject_token(verb)
    if subject is None:
        # "after leaving X": a verb inside a prepositional phrase has no source of its own
        return None if verb.dep_ in _NO_SUBJECT else _nearest_before(groups, hit.start)
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return group_of(sent, verb.head, groups)  # "the woman who shot ..." -> the woman
    group = group_of(sent, subject, groups) or _sibling_subject(sent, subject, groups)
    if group is None and subject.pos_ == "PRON":
        return _nearest_before(groups, subject.i - sent.start)  # "it", "he": the last actor
    return group


def _sibling_subject(sent: Span, subject: Token, groups: list[Group]) -> Group | None:
    """A coded second subject of the same verb ("Lions, tigers, and Gondor welcomed" parsed
    with two subjects)."""
    for other in subject.head.children:
        if other is not subject and other.dep_ in _SUBJECTS:
            group = group_of(sent, other, groups)
            if group is not None:
                return group
    return None


def _nearest_before(groups: list[Group], pos: int) -> Group | None:
    before = [g for g in groups if g.end <= pos]
    return before[-1] if before else None


def passive_agent(sent: Span, hit: VerbHit, groups: list[Group]) -> Group | None:
    """The actor of a ``by`` phrase of a passive verb ("was opposed by Osgiliath")."""
    verb = sent[hit.head]
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects:
                return group_of(sent, objects[0], groups)
    return None


def group_of(sent: Span, token: Token, groups: list[Group]) -> Group | None:
    """The group headed by ``token``, else the first group inside its subtree."""
    pos = token.i - sent.start
    for group in groups:
        if group.anchor == pos or pos in group.positions:
            return group
    subtree = {t.i - sent.start for t in token.subtree}
    inside = [g for g in groups if g.anchor in subtree]
    return inside[0] if inside else None


def object_group(sent: Span, hit: VerbHit, groups: list[Group], source: Group | None
                 ) -> Group | None:
    """The first group after the verb that the verb governs (not its subject or other verbs)."""
    verb = sent[hit.head]
    excluded: set[int] = set()
    for child in verb.children:
        if child.dep_ in _SUBJECTS or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            excluded |= {t.i - sent.start for t in child.subtree}
    governed = {t.i - sent.start for t in verb.subtree} - excluded
    after = [g for g in groups if g is not source and g.start >= hit.end]
    for group in after:
        if group.anchor in governed or group.positions & governed:
            return group
    # a mis-attached object: the first later group whose clause governs this verb
    governors = {verb.i, *(t.i for t in verb.ancestors)}
    for group in after:
        anchor = sent[group.anchor]
        if anchor.dep_ not in _SUBJECTS and _clause_verb(anchor).i in governors:
            return group
    return None


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds ``token`` (the sentence root when none)."""
    while token.head != token:
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
    return token
