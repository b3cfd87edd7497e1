"""The subject a possessive pronoun is bound to, read from the parse.

A possessive "his" or "her" in a clause stands for that clause's subject before any
nearer name: "Kadar met Vellin's envoy to press his plan" is Kadar's plan, and so is the
phrase put before the subject, "After his talks with Vellin, Kadar said ...". A phrase
put before the subject binds "its" and "their" too: "In its report, the UN said ...".
The clause is the nearest verb
above the pronoun that has a subject; the climb goes through infinitives and other
subjectless verbs ("met Vellin to press his plan" is the subject's plan). It gives up, so
that the nearest earlier person stands, when the pronoun is inside the subject itself
("his threat must stop"), or when a verb on the way has a person object the pronoun may
mean ("praised Vellin for his courage", "urged Vellin to keep his promise"), or when
the pronoun's phrase hangs on a person ("had to contend with the president – on his feud
with ...").

"Its" and "their" after the subject of their clause stand for that subject when it names
a state, body or group ("The Vellish navy said its patrols ..."), or whose thing the
subject is ("Vellin's plan is to end its war"); a subject named but not known ("Le Monde
said its inquiry ...") is someone unknown, and a thing named for someone ("the UN truce
would not stop its offensive") is passed over for the subject of the clause above. They
give up on a subject that is a person or some other thing, and on the way past an object
that names a state or body ("praised Vellin for its restraint").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.coding.actors import DocActors
    from dyadwatch.model import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
ANTI_PREFIXES = frozenset({"anti-", "anti -"})


def binding_subject(pronoun: Token, memory: DocActors) -> Token | None:
    """The subject of the nearest clause above a possessive pronoun, or None where
    the parse leaves it open (see the module docstring)."""
    token, first_verb = pronoun, True
    while token.head.i != token.i:
        dep, token = token.dep_, token.head
        if token.pos_ not in {"VERB", "AUX"}:
            if _heads_person(token, memory):
                return None  # "a president ... on his feud": the phrase is about him
            continue
        if (first_verb or dep == "xcomp") and _person_object(token, pronoun, memory):
            return None
        first_verb = False
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            inside = subject.left_edge.i <= pronoun.i <= subject.right_edge.i
            same_voice = (subject.i in memory.quoted) == (pronoun.i in memory.quoted)
            return None if inside or not same_voice else subject
    return None


def subject_mention(subject: Token, memory: DocActors, person: bool,
                    gender: str | None) -> tuple[int, Actor | None] | None:
    """The remembered mention (first token, actor) of a person (or of a state or body) that
    ``subject`` or its appositive heads ("the defence minister, Kadar,"), of the pronoun's
    gender; None when the subject is no such remembered mention."""
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    for start, actor, is_person, _ in reversed(memory.history):
        if is_person != person or not subject.left_edge.i <= start <= subject.right_edge.i:
            continue
        if memory.genders.get(start, gender) == gender and any(
                _heads_mention(head, start, memory) for head in heads):
            return start, actor
    return None


def owner_before(pronoun: Token, memory: DocActors) -> tuple[int, Actor | None] | None:
    """The remembered mention (first token, actor) that an "its" or "their" after the
    subject of its clause stands for, actor None for a named unknown; None where the
    parse leaves it open (see the module docstring)."""
    token, passed = pronoun, -1
    while token.head.i != token.i:
        token = token.head
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        if _person_object(token, pronoun, memory, False):
            return None
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            continue
        if subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
            if token.dep_ != "ccomp" or not _opens(subject, pronoun):
                return None
            continue  # "said its inquiry found": the speaker's, one clause up
        if subject.i > pronoun.i or (subject.i in memory.quoted) != (
                pronoun.i in memory.quoted) or _named_between(
                max(subject.right_edge.i, passed), pronoun, memory):
            return None
        found = subject_mention(subject, memory, False, None) or next(
            (m for c in subject.children if c.dep_ == "poss"
             and (m := subject_mention(c, memory, False, None)) is not None), None)
        if found is not None:
            return found
        if _unknown_name(subject):
            return subject.left_edge.i, None  # named, not known: no actor rather than another
        if not _names_inside(subject, memory):
            return None
        passed = subject.right_edge.i
    return None


def _named_between(after: int, pronoun: Token, memory: DocActors) -> bool:
    """A state or body named between the subject and the pronoun, which it may mean
    ("Vellin's fate shows the worst Kadari failure: its refusal ..."); not one that a
    phrase is against ("its anti-UN drive")."""
    words = pronoun.doc
    return any(not is_person and after < start < pronoun.i
               and words[max(start - 2, 0):start].text.lower() not in ANTI_PREFIXES
               for start, _, is_person, _ in memory.history)


def _unknown_name(subject: Token) -> bool:
    """A name of some body the dictionaries do not know ("Le Monde", "the Vellish
    Herald"): an organisation's name, or a proper name of two words or more."""
    if subject.pos_ != "PROPN" or subject.ent_type_ in {"PERSON", "GPE", "NORP"}:
        return False
    return subject.ent_type_ == "ORG" or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.children)


def _opens(subject: Token, pronoun: Token) -> bool:
    """The pronoun opens the subject phrase ("its inquiry", "its own forces"), so that
    no other owner comes before it in the phrase."""
    return pronoun.head.i == subject.i and all(
        t.dep_ in {"det", "predet"} for t in subject.doc[subject.left_edge.i:pronoun.i])


def _names_inside(subject: Token, memory: DocActors) -> bool:
    """A thing named for a state or body that it does not stand for ("the UN truce")."""
    return subject.pos_ == "NOUN" and any(
        not is_person and subject.left_edge.i <= start < subject.i
        for start, _, is_person, _ in memory.history)


def _heads_mention(subject: Token, start: int, memory: DocActors) -> bool:
    """``subject`` is the head of the mention starting at ``start`` (a name, a role noun,
    an unknown person's name), not a word it modifies ("the Vellin plan")."""
    if start == subject.i or memory.spans.get(subject.i, (-1, -1))[0] == start:
        return True
    if subject.ent_type_ not in {"PERSON", "ORG"}:
        return False
    first = subject.i
    while first > start and subject.doc[first].ent_iob_ == "I":
        first -= 1
    return first == start


def _person_object(verb: Token, pronoun: Token, memory: DocActors,
                   person: bool = True) -> bool:
    """``verb`` has an object or a prepositional object ("contend with the president"),
    other than the phrase holding the pronoun, that names a person (or, ``person`` False,
    a state or body) the pronoun may mean."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS] + [
        o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for child in objects:
        if not child.left_edge.i <= pronoun.i <= child.right_edge.i and _heads_person(
                child, memory, person):
            return True
    return False


def _heads_person(token: Token, memory: DocActors, person: bool = True) -> bool:
    """``token`` is the head of a remembered person mention (or, ``person`` False, of a
    state or body)."""
    return any(is_person == person and token.left_edge.i <= start <= token.i
               and _heads_mention(token, start, memory)
               for start, _, is_person, _ in memory.history)
