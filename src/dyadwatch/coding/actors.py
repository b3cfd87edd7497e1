"""Document-level actor resolution: mentions → CAMEO-style actor codes.

A first pass over the whole document finds dictionary mentions (countries,
capital metonyms, organisations, armed groups, people), gives unknown people
an actor from their title and nationality ("US Ambassador to the UN Kelly
Craft" → USAGOV), and remembers every resolved mention in reading order. Later
mentions ("Craft said"), pronouns ("she noted", "it killed") and definite
descriptions ("the country", "the government") are resolved against that memory.
Anything that cannot be resolved stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from dyadwatch.coding.mentions import ActorLookup, MatcherCache, find_mentions
from dyadwatch.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.kb.lexicon import Lexicon

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
# Parts of speech allowed between a person's name and the title/nationality to its left.
_CONTEXT_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "ADP", "NUM"})


@dataclass(frozen=True, slots=True)
class Resolved:
    """An actor resolved for a token, with the mention text that proves it.

    ``actor`` is None for a mention that names someone the dictionaries do not know.
    """

    actor: Actor | None
    text: str
    token_i: int

    @property
    def code(self) -> str | None:
        return None if self.actor is None else self.actor.code

    @property
    def country(self) -> str | None:
        return None if self.actor is None else self.actor.country


@dataclass(slots=True)
class DocActors:
    """The actor memory of one document, filled by :func:`resolve_document`."""

    by_token: dict[int, Actor] = field(default_factory=dict)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # token → mention span
    people: dict[str, Actor] = field(default_factory=dict)  # lower-case name or surname
    # (first token, actor, is a person, is a clause subject) in reading order
    # an unknown person or organisation is kept with actor None, so that a pronoun that
    # points at it stays unknown instead of reaching back to an older, known actor
    history: list[tuple[int, Actor | None, bool, bool]] = field(default_factory=list)


def resolve_document(doc: Doc, cache: MatcherCache, day: date | None) -> DocActors:
    """Resolve every actor mention of ``doc`` in reading order."""
    lookup, lex = cache.lookup, cache.lex
    memory = DocActors()
    found = find_mentions(doc, cache)
    mentions = {span.start: span for span in found}
    covered = {i for span in found for i in range(span.start, span.end)}
    person_spans = {ent.start: ent for ent in doc.ents if ent.label_ in {"PERSON", "ORG"}
                    and not any(i in covered for i in range(ent.start, ent.end))}
    i = 0
    while i < len(doc):
        span = mentions.get(i) or person_spans.get(i)
        if span is None:
            actor = _word_actor(doc[i], lookup)
            if actor is not None:
                _remember(memory, doc[i : i + 1], actor, person=False)
            else:
                _remember_role_phrase(doc[i], memory, lookup, lex)
            i += 1
            continue
        actor, person = _span_actor(span, lookup, memory, day, lex)
        if actor is not None:
            _remember(memory, span, actor, person)
        else:
            memory.history.append((span.start, None, person, _is_subject(span)))
        i = span.end
    return memory


def _is_subject(span: Span) -> bool:
    return any(t.dep_ in {"nsubj", "nsubjpass"} for t in span) or span.root.head.dep_ in {
        "nsubj", "nsubjpass"}


def _span_actor(span: Span, lookup: ActorLookup, memory: DocActors, day: date | None,
                lex: Lexicon) -> tuple[Actor | None, bool]:
    entry = lookup.entries.get(span.label_) if span.label_ in lookup.entries else None
    if entry is None:
        entry = lookup.entry_for(span.text)
    if entry is not None and entry.kind != "person":
        return entry.actor_on(day), False
    if entry is None and span.label_ == "ORG":
        # an organisation the dictionaries do not know: its own words may still say who
        # it is ("the Nigerian Union of Teachers"); else it stays unknown
        return actor_from_words(list(span), lookup, memory.by_token, rule="org-name"), False
    actor = entry.actor_on(day) if entry is not None else None
    if actor is None:
        actor = _titled_person(span, lookup, memory, lex) or _known_person(span, memory)
    return actor, True


def _word_actor(token: Token, lookup: ActorLookup) -> Actor | None:
    """A demonym used as a noun ("Iranians") stands for its country."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in MODIFIER_DEPS:
        return None
    country = lookup.country_of_demonym(token.text)
    if country is None:
        return None
    return Actor(code=country, country=country, name=token.text, rule="demonym")


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})


def _remember_role_phrase(token: Token, memory: DocActors, lookup: ActorLookup,
                          lex: Lexicon) -> None:
    """Put 'Afghan rebel leaders' in the history so a later 'they' can find them."""
    if token.pos_ != "NOUN" or token.dep_ not in ARGUMENT_DEPS or lookup.role_of(
            token.lemma_) is None:
        return
    found = _role_actor(token, memory, lookup, lex)
    if found is not None and found.actor is not None:
        memory.history.append((token.i, found.actor, False,
                               token.dep_ in {"nsubj", "nsubjpass"}))


def _remember(memory: DocActors, span: Span, actor: Actor, person: bool) -> None:
    for token in span:
        memory.by_token[token.i] = actor
        memory.spans[token.i] = (span.start, span.end)
    memory.history.append((span.start, actor, person, _is_subject(span)))
    if person:
        words = [t.text for t in span if t.pos_ == "PROPN"] or [span[-1].text]
        memory.people[" ".join(words).lower()] = actor
        memory.people[words[-1].lower()] = actor


def _known_person(span: Span, memory: DocActors) -> Actor | None:
    return memory.people.get(span.text.lower()) or memory.people.get(span[-1].text.lower())


def _titled_person(span: Span, lookup: ActorLookup, memory: DocActors,
                   lex: Lexicon) -> Actor | None:
    """An unknown person's actor from the title and nationality before or beside the name."""
    context = list(_left_context(span, lex)) + list(_appositive_context(span))
    return actor_from_words(context, lookup, memory.by_token, rule="title")


def _left_context(span: Span, lex: Lexicon) -> Iterator[Token]:
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start:
        token = doc[i]
        outside = token.pos_ not in _CONTEXT_POS or (
            token.pos_ == "ADP" and token.lower_ not in lex.title_preps)
        if outside and token.tag_ != "POS":
            break
        yield token
        i -= 1


def _appositive_context(span: Span) -> Iterator[Token]:
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and not (span.start <= child.i < span.end):
                yield from child.subtree


def actor_from_words(words: list[Token], lookup: ActorLookup, known: dict[int, Actor],
                     rule: str) -> Actor | None:
    """Combine the first country and role found among ``words`` into one actor.

    An organisation or group code found among them is used as the actor when
    there is no country ("Quds Force leader" → the Quds Force's code).
    """
    country, role, organisation = _scan_words(words, lookup, known)
    if country is not None and role is None:
        # "Kosovo Liberation Army fighters": a known mention with its own sector keeps it
        sectored = next((known[t.i] for t in words if t.i in known
                         and known[t.i].code != known[t.i].country), None)
        if sectored is not None and sectored.country == country:
            return Actor(code=sectored.code, country=country, rule=f"{rule}:mention")
    if country is not None and role is not None:
        return Actor(code=_join(country, role), country=country, rule=f"{rule}:country+role")
    if organisation is not None:
        return Actor(code=organisation.code, country=organisation.country, rule=f"{rule}:org")
    if country is not None and role is None and rule == "modifier":
        return Actor(code=country, country=country, rule=f"{rule}:country")
    if role is not None and role != "":
        # A sector with no country ("rebels", "President X" of an unknown state) keeps
        # its role code alone, as CAMEO does for unattributed actors.
        return Actor(code=role, country=None, rule=f"{rule}:role")
    return None


def _scan_words(words: list[Token], lookup: ActorLookup,
                known: dict[int, Actor]) -> tuple[str | None, str | None, Actor | None]:
    country = role = None
    organisation: Actor | None = None
    for token in words:
        actor = known.get(token.i)
        if actor is not None and _is_state(actor) and country is None:
            country = actor.country
        elif actor is not None and not _is_state(actor) and organisation is None:
            organisation = actor
        demonym = lookup.country_of_demonym(token.text)
        if demonym is not None and country is None:
            country = demonym
        word_role = lookup.role_of(token.lemma_) or lookup.role_of(token.text)
        if word_role is not None and role is None:
            role = word_role
    return country, role, organisation


def _join(country: str, role: str) -> str:
    return country if role in {"", country} else f"{country}{role}"


def _is_state(actor: Actor) -> bool:
    """A country or one of its sectors (USA, USAGOV), as opposed to an IGO or a group."""
    return actor.country is not None and actor.code.startswith(actor.country)


def actors_for(token: Token, memory: DocActors, lookup: ActorLookup,
               lex: Lexicon) -> list[Resolved]:
    """Actors an argument head stands for, following coordination ("Iran and its militias")."""
    heads = [token, *_conjuncts(token)]
    found = [_resolve_head(head, memory, lookup, lex) for head in heads]
    return [r for r in found if r is not None]


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            yield child
            yield from _conjuncts(child)


def _resolve_head(head: Token, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> Resolved | None:
    """One argument head: a known mention, a pronoun, a role noun with its modifiers."""
    if head.i >= 2 and head.doc[head.i - 1].text == "-" and head.doc[head.i - 2].lower_ == "non":
        return None  # "non-combatants" are not combatants
    lower = head.lower_
    if head.i in memory.by_token and not _has_role_head(head, lookup):
        start, end = memory.spans[head.i]
        return Resolved(memory.by_token[head.i], head.doc[start:end].text, head.i)
    if lower in lex.person_pronouns or lower in lex.group_pronouns:
        return _antecedent(head, memory, person=lower in lex.person_pronouns)
    if lower in lex.relative_pronouns and head.head.dep_ == "relcl":
        return _resolve_head(head.head.head, memory, lookup, lex)
    if head.lemma_.lower() in lex.anaphors and _is_definite(head):
        return _described_country(head, memory, lex)
    if head.lemma_.lower() in lex.quantity_heads or head.pos_ == "NUM":
        # "hundreds of UN troops", "members of the party", "a group of activists"
        for member in _of_objects(head):
            found = _resolve_head(member, memory, lookup, lex)
            if found is not None:
                return found
    return _role_actor(head, memory, lookup, lex)


def _of_objects(head: Token) -> Iterator[Token]:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _has_role_head(head: Token, lookup: ActorLookup) -> bool:
    """'US forces': the head is a role word and its country comes from a modifier."""
    return head.pos_ == "NOUN" and lookup.role_of(head.lemma_) is not None


def _role_actor(head: Token, memory: DocActors, lookup: ActorLookup,
                lex: Lexicon) -> Resolved | None:
    """A noun phrase read from its words: 'Iranian forces', 'rebels in Darfur', 'US targets'.

    A role comes from the head noun or a noun compound ("police officers"), never from an
    adjective alone: "military action" is not an actor.
    """
    modifiers = list(_modifiers(head, lex))
    role_words = [head, *(m for m in modifiers if m.dep_ == "compound" and m.pos_ == "NOUN")]
    if not any(lookup.role_of(w.lemma_) or lookup.role_of(w.text) for w in role_words):
        # "positions of the Gondorian army": the role of a thing is its holder's
        role_words += [m for m in modifiers if m.dep_ == "pobj" and m.pos_ == "NOUN"]
    if not any(lookup.role_of(w.lemma_) or lookup.role_of(w.text) for w in role_words):
        modifiers = [m for m in modifiers if not _role_adjective(m, lookup)]
    compounds = [m for m in modifiers if m.dep_ == "compound" and m.pos_ == "NOUN"]
    words = [*compounds, head, *(m for m in modifiers if m not in compounds)]
    actor = actor_from_words(words, lookup, memory.by_token, rule="modifier")
    if actor is None:
        return None
    text_tokens = sorted(words, key=lambda t: t.i)
    text = head.doc[text_tokens[0].i : text_tokens[-1].i + 1].text
    return Resolved(actor, text, head.i)


def _role_adjective(token: Token, lookup: ActorLookup) -> bool:
    is_role = lookup.role_of(token.lemma_) is not None
    return is_role and lookup.country_of_demonym(token.text) is None


def _modifiers(head: Token, lex: Lexicon) -> Iterator[Token]:
    """Left modifiers of a noun and the object of its 'of' phrase ("government of Iran")."""
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS:
            yield child
            yield from (c for c in child.children if c.dep_ in MODIFIER_DEPS)
        elif child.dep_ == "prep" and (child.lower_ in {"of", "in", "from"} or (
                child.lower_ in {"at", "for"} and head.lemma_.lower() in lex.speaker_heads)):
            # "the government of Iran", "rebels in Darfur", "officials from Kabul",
            # "a spokesman at Turkey's foreign ministry", "spokesperson for the prime minister"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                yield pobj
                yield from (g for g in pobj.children if g.dep_ in {"poss", "amod", "compound"})


def _is_definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children) and not any(
        c.dep_ in MODIFIER_DEPS for c in head.children)


def _antecedent(head: Token, memory: DocActors, person: bool) -> Resolved | None:
    """The nearest earlier mention of the right kind (people for he/she, others for it/they).

    A subject pronoun prefers the nearest earlier subject ("Erdogan met Trump. He said …"
    is Erdogan), within the same or the previous two sentences. When that mention is
    someone unknown, the pronoun stays unknown.
    """
    earlier = [(start, actor, subject) for start, actor, is_person, subject in memory.history
               if start < head.i and is_person == person]
    if not earlier:
        return None
    chosen = earlier[-1][1]
    if head.dep_ in {"nsubj", "nsubjpass"}:
        window = head.sent.start - 3 * max(len(head.sent), 1)
        for start, actor, subject in reversed(earlier):
            if subject and start >= window:
                chosen = actor
                break
    return None if chosen is None else Resolved(chosen, head.text, head.i)


def _described_country(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    role = lex.anaphors[head.lemma_.lower()]
    for start, actor, is_person, _ in reversed(memory.history):
        if actor is not None and start < head.i and not is_person and _is_state(actor) and (
                actor.country):
            code = _join(actor.country, role) if role else actor.country
            return Resolved(Actor(code, actor.country, rule="anaphor"), head.text, head.i)
    return None
