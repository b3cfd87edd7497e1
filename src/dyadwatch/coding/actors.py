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
    private: bool = False  # a private person (a resident, an analyst): no side of any event
    collective: bool = False  # private people as a group ("dozens of journalists")

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
    private: set[int] = field(default_factory=set)  # tokens of private people's mentions
    private_names: set[str] = field(default_factory=set)  # their surnames, lower case
    dateline: set[int] = field(default_factory=set)  # tokens of datelines ("SEOUL, South Korea —")
    sole_country: str | None = None  # the only country the article names, if it names one
    genders: dict[int, str] = field(default_factory=dict)  # person mention start → "m" / "f"


def resolve_document(doc: Doc, cache: MatcherCache, day: date | None) -> DocActors:
    """Resolve every actor mention of ``doc`` in reading order. A dateline names a place,
    never an actor; a private person's mention is remembered as private."""
    lookup, lex = cache.lookup, cache.lex
    memory = DocActors(dateline=dateline_tokens(doc))
    everything = find_mentions(doc, cache)
    memory.sole_country = sole_country(everything, doc, lookup, memory.dateline)
    found = [span for span in everything if span.start not in memory.dateline]
    mentions = {span.start: span for span in found}
    covered = {i for span in found for i in range(span.start, span.end)}
    person_spans = {ent.start: ent for ent in doc.ents if ent.label_ in {"PERSON", "ORG"}
                    and not any(i in covered for i in range(ent.start, ent.end))}
    i = 0
    while i < len(doc):
        span = mentions.get(i) or person_spans.get(i)
        if i in memory.dateline:
            i += 1
            continue
        if span is None:
            i = _remember_word(doc, i, memory, lookup, lex)
            continue
        if _private_person(span, lookup, memory, lex):
            _remember_private(memory, span, person=True)
            i = span.end
            continue
        actor, person = _span_actor(span, lookup, memory, day, lex)
        if actor is not None:
            _remember(memory, span, actor, person)
        else:
            memory.history.append((span.start, None, person, _is_subject(span)))
        i = span.end
    memory.genders = {start: gender for start, _, person, _ in memory.history if person
                      and (gender := _gender_at(doc, start, lex)) is not None}
    return memory


def _gender_at(doc: Doc, start: int, lex: Lexicon) -> str | None:
    """'m' or 'f' when a title or noun beside the person mention says so ("Mr Kennedy",
    "the spokeswoman, Jane Roe", "Jane Roe, the mother of ...")."""
    token = doc[start]
    root = token.head if token.dep_ == "compound" else token
    near = [*doc[max(token.sent.start, start - 3) : start + 1],
            *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ == "appos":
        near.append(root.head)
    words = {t.lower_.rstrip(".") for t in near}
    male, female = bool(words & lex.male_titles), bool(words & lex.female_titles)
    return None if male == female else ("m" if male else "f")


def dateline_tokens(doc: Doc) -> set[int]:
    """The tokens of datelines: a sentence that opens with a place in capitals, perhaps its
    country or state and an agency, then a dash ("SEOUL, South Korea —", "CAIRO --",
    "WASHINGTON (Reuters) -"). A dateline says where the story was filed, not who acted."""
    found: set[int] = set()
    for sent in doc.sents:
        end = _dateline_end(doc, sent.start, sent.end)
        if end is not None:
            found.update(range(sent.start, end + 1))
    return found


def _dateline_end(doc: Doc, start: int, end: int) -> int | None:
    """The index of the dash that closes a dateline opening at ``start``, else None."""
    i = start
    while i < end and i - start < _DATELINE_PLACE and doc[i].is_upper and doc[i].is_alpha:
        i += 1
    if i == start or (i - start == 1 and len(doc[start]) < 3):
        return None
    if i < end and doc[i].text == ",":  # ", South Korea", ", Calif."
        i += 1
        while i < end and i - start < _DATELINE_SPAN and (
                doc[i].is_title or doc[i].text == "." or doc[i].is_upper):
            i += 1
    if i < end and doc[i].text == "(":  # "(Reuters)", "(AP)"
        close = next((j for j in range(i, min(end, i + 6)) if doc[j].text == ")"), None)
        if close is None:
            return None
        i = close + 1
    return i if i < end and doc[i].text in _DASHES else None


def _remember_word(doc: Doc, i: int, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon) -> int:
    """A word outside any dictionary mention: a demonym noun, a role or a private person's
    noun phrase. Returns the index of the next word to read."""
    token = doc[i]
    found = _word_actor(token, lookup)
    if found is not None:
        span, actor = found
        if one_person(token):
            _remember_private(memory, span, person=True)  # "a Briton", "the second Briton"
        else:
            _remember(memory, span, actor, person=False)
        return max(i + 1, span.end)
    compass = _compass_country(token, memory, lookup, lex)
    if compass is not None:
        _remember(memory, doc[i : i + 1], compass, person=False)
    elif private_head(token, lex) and token.dep_ in ARGUMENT_DEPS:
        _remember_private(memory, doc[i : i + 1], person=True)
    else:
        _remember_role_phrase(token, memory, lookup, lex)
    return i + 1


def _compass_country(token: Token, memory: DocActors, lookup: ActorLookup,
                     lex: Lexicon) -> Actor | None:
    """'the North' after North Korea is North Korea: a capitalised compass word after 'the',
    not followed by another name ("the North East"), names the country last mentioned whose
    name begins with it."""
    doc = token.doc
    if token.lower_ not in lex.compass_names or not token.is_title or token.i == 0 or (
            doc[token.i - 1].lower_ != "the"):
        return None
    if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
        return None
    for _, actor, _, _ in reversed(memory.history):
        country = actor.country if actor is not None else None
        entry = lookup.entries.get(f"country:{country}") if country else None
        if entry is not None and entry.names[0].startswith(f"{token.text} "):
            return Actor(code=str(country), country=country, name=token.text, rule="compass")
    return None


def _remember_private(memory: DocActors, span: Span, person: bool) -> None:
    memory.private.update(range(span.start, span.end))
    memory.history.append((span.start, None, person, _is_subject(span)))
    if span.label_ in {"PERSON", "ORG"}:
        memory.private_names.add(span[-1].lower_)


def private_head(token: Token, lex: Lexicon) -> bool:
    """A noun that names a private person ("resident", "analyst", "driver"), unless a state
    word qualifies it ("the state-run newspaper")."""
    if token.pos_ not in {"NOUN", "PROPN"} or not (
            token.lemma_.lower() in lex.private_people or token.lower_ in lex.private_people):
        return False
    return not any(t.lower_ in lex.state_qualifiers for t in token.subtree if t.i < token.i)


def one_person(token: Token) -> bool:
    """A demonym noun that names one person, not the people or the state: "a Briton",
    "another American", "the second Briton"."""
    return any((c.dep_ == "det" and c.lower_ in {"a", "an", "another"})
               or c.ent_type_ == "ORDINAL" or c.lower_ == "one" for c in token.children)


def _private_person(span: Span, lookup: ActorLookup, memory: DocActors, lex: Lexicon) -> bool:
    """A person or body the dictionaries do not know, titled or described as a private
    person or publication ("Brazilian driver Felipe Massa", "Jane Roe, a local resident",
    "the newspaper Daily Star"), or named again after such a mention ("Massa said")."""
    if span.label_ not in {"PERSON", "ORG"} or lookup.entry_for(span.text) is not None:
        return False
    if demonym_country(span.root, lookup)[0] is not None and one_person(span.root):
        return True  # "a Briton", tagged as a person
    if span[-1].lower_ in memory.private_names:
        return True
    return any(private_head(head, lex) for head in _title_heads(span))


def _title_heads(span: Span) -> Iterator[Token]:
    """The nouns that say who a named person is: the noun just before the name and the
    head of an appositive ("political analyst Amr X", "Jane Roe, the mother of ...")."""
    doc = span.doc
    if span.start > span.sent.start and doc[span.start - 1].pos_ == "NOUN":
        yield doc[span.start - 1]
    if span.root.dep_ == "appos":  # "a local resident, Omar Vell,"
        yield span.root.head
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and not (span.start <= child.i < span.end):
                yield child


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


def _word_actor(token: Token, lookup: ActorLookup) -> tuple[Span, Actor] | None:
    """A demonym used as a noun ("Iranians", "North Koreans") stands for its country."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in MODIFIER_DEPS:
        return None
    country, start = demonym_country(token, lookup)
    if country is None or _bare_singular(token, lookup):
        return None
    span = token.doc[start : token.i + 1]
    return span, Actor(code=country, country=country, name=span.text, rule="demonym")


def _bare_singular(token: Token, lookup: ActorLookup) -> bool:
    """A singular demonym with no determiner and a plural of its own ("American pledged to
    hire ...") is a name's shorthand or one person, not the country ("Americans", "the
    Chinese" are the people)."""
    return token.tag_ in {"NN", "NNP"} and not any(c.dep_ == "det" for c in token.children) and (
        lookup.country_of_demonym(f"{token.text}s") is not None)


def demonym_country(token: Token, lookup: ActorLookup) -> tuple[str | None, int]:
    """The country of a demonym and the index of its first word: a two-word demonym wins
    over its last word ("South Korean" is KOR; "Korean" alone names no country)."""
    if token.i > token.sent.start:
        previous = token.doc[token.i - 1]
        pair = lookup.country_of_demonym(f"{previous.text} {token.text}")
        if pair is not None:
            return pair, previous.i
    return lookup.country_of_demonym(token.text), token.i


_DASHES = frozenset({"—", "–", "-", "--", "---", "——"})
_DATELINE_PLACE = 4  # words in capitals ("RIO DE JANEIRO")
_DATELINE_SPAN = 10  # place, country or state, agency

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})


def _remember_role_phrase(token: Token, memory: DocActors, lookup: ActorLookup,
                          lex: Lexicon) -> None:
    """Put 'Afghan rebel leaders' in the history so a later 'they' can find them."""
    if token.pos_ != "NOUN" or token.dep_ not in ARGUMENT_DEPS or lookup.role_of(
            token.lemma_) is None:
        return
    if _names_a_named_person(token):
        return  # "the spokeswoman" in "Layla Ahmed, the spokeswoman": the name is remembered
    found = _role_actor(token, memory, lookup, lex)
    if found is not None and found.actor is not None:
        lemma = token.lemma_.lower()
        person = token.tag_ == "NN" and (lemma in lex.person_roles or lemma in lex.speaker_heads)
        memory.history.append((token.i, found.actor, person,
                               token.dep_ in {"nsubj", "nsubjpass"}))


def _names_a_named_person(token: Token) -> bool:
    """A role noun in apposition with a person's name."""
    return (token.dep_ == "appos" and token.head.ent_type_ == "PERSON") or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)


def _describes_subject(span: Span) -> bool:
    """A mention inside a predicate nominal describes the subject ("Turkey is a Nato
    member"): a later pronoun points to the subject, not to it."""
    token = span.root
    while token.dep_ not in {"attr", "ROOT"} and token.pos_ not in {"VERB", "AUX"}:
        token = token.head
    return token.dep_ == "attr" and token.i != span.root.i


def _remember(memory: DocActors, span: Span, actor: Actor, person: bool) -> None:
    for token in span:
        memory.by_token[token.i] = actor
        memory.spans[token.i] = (span.start, span.end)
    if not _describes_subject(span):
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
    after = [*_appositive_context(span), *_of_context(span)]
    context = [*_left_context(span, lex), *after]
    known = {**memory.by_token, **_states_ahead(after, lookup)}
    return actor_from_words(context, lookup, known, rule="title")


def _states_ahead(tokens: list[Token], lookup: ActorLookup) -> dict[int, Actor]:
    """States named in words not yet read ("... of the United States"), by their last word."""
    found: dict[int, Actor] = {}
    for token in tokens:
        words = token.doc[token.left_edge.i : token.i + 1]
        text = words.text[4:] if words.text.lower().startswith("the ") else words.text
        entry = lookup.entry_for(text)
        actor = entry.actor_on(None) if entry is not None and entry.kind in {
            "country", "metonym"} else None
        if actor is not None:
            found[token.i] = actor
    return found


def _left_context(span: Span, lex: Lexicon) -> Iterator[Token]:
    """The words left of a name that may title it; not across the preposition the name is
    the object of ("the lawyer for Jane Roe" is no title of Jane Roe's)."""
    doc = span.doc
    i = span.start - 1
    while i >= span.sent.start:
        token = doc[i]
        outside = token.pos_ not in _CONTEXT_POS or (
            token.pos_ == "ADP" and token.lower_ not in lex.title_preps)
        if (outside and token.tag_ != "POS") or (
                span.root.dep_ == "pobj" and token.i == span.root.head.i):
            break
        yield token
        i -= 1


def _of_context(span: Span) -> Iterator[Token]:
    """'Chancellor Ute Brandt of Germany': the of-phrase right after a name."""
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == span.end:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                yield from pobj.subtree


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
        demonym, _ = demonym_country(token, lookup)
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


def political(sources: list[Resolved], code: str, lex: Lexicon) -> list[Resolved]:
    """The sources of a political event (a private person or an actor of a private sector,
    such as a company, is never one): a group of private people may act ("dozens of
    journalists appealed to the government"), but quoted they are witnesses ("residents
    said"), no source of a statement."""
    return [r for r in sources if not (r.private or private_sector(r.actor, lex)) or (
        r.collective and code not in lex.statement_roots)]


def private_sector(actor: Actor | None, lex: Lexicon) -> bool:
    """An actor of a private sector ("USABUS", "MED", "PPL"; list private_sectors)."""
    if actor is None:
        return False
    country = actor.country or ""
    sector = actor.code[len(country):] if country and actor.code.startswith(country) else (
        actor.code)
    return sector[:3] in lex.private_sectors


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
    """One argument head, placed in its country when it is a generic actor."""
    found = _find_head(head, memory, lookup, lex)
    if found is None or found.actor is None:
        return found
    collective = head.tag_ in {"NNS", "NNPS"} or head.lower_ in {"they", "them", "their"}
    actor = found.actor
    if private_sector(actor, lex) and _state_qualified(head, lex):
        actor = _state_organ(actor)  # "the state-run newspaper" is the state's media
    placed = _placed(actor, head, memory, lex) if actor.country is None else None
    return Resolved(placed or actor, found.text, found.token_i, collective=collective)


def _state_qualified(token: Token, lex: Lexicon) -> bool:
    return any(t.lower_ in lex.state_qualifiers for t in token.subtree if t.i < token.i)


def _state_organ(actor: Actor) -> Actor:
    """MED → GOVMED, IRNMED → IRNGOVMED."""
    country = actor.country or ""
    sector = actor.code[len(country):] if country and actor.code.startswith(country) else (
        actor.code)
    return Actor(code=f"{country}GOV{sector}", country=actor.country, name=actor.name,
                 rule=f"state+{actor.rule}")


def _placed(actor: Actor, head: Token, memory: DocActors, lex: Lexicon) -> Actor | None:
    """A generic actor with no country ("police", "the court", "troops") in the country the
    article places it: a place in its own clause ("police in Lyon", "demonstrators gathered
    outside the embassy in Niamey"), else the article's only country."""
    country = None
    if actor.code in lex.clause_placed_roles:
        country = _clause_country(head, memory, lex)
    if country is None and actor.code in lex.article_placed_roles:
        country = memory.sole_country
    if country is None:
        return None
    return Actor(code=f"{country}{actor.code}", country=country, name=actor.name,
                 rule=f"placed+{actor.rule}")


_SCENE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around"})


def _clause_country(head: Token, memory: DocActors, lex: Lexicon) -> str | None:
    """The one country named by the places of a noun and of the clause it is subject of."""
    anchors = [head, head.head] if head.dep_ in {"nsubj", "nsubjpass"} else [head]
    countries = {country for anchor in anchors for place in _scene_objects(anchor)
                 if (country := _state_country(place, memory)) is not None}
    return next(iter(countries)) if len(countries) == 1 else None


def _scene_objects(anchor: Token) -> Iterator[Token]:
    """Objects of locative prepositions, one level deep ("outside the embassy in Niamey")."""
    for prep in anchor.children:
        if prep.dep_ == "prep" and prep.lower_ in _SCENE_PREPS:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                yield pobj
                yield from (g for p in pobj.children if p.dep_ == "prep" and p.lower_ == "in"
                            for g in p.children if g.dep_ == "pobj")


def _state_country(token: Token, memory: DocActors) -> str | None:
    actor = memory.by_token.get(token.i)
    return actor.country if actor is not None and _is_state(actor) else None


def sole_country(spans: list[Span], doc: Doc, lookup: ActorLookup,
                 dateline: set[int]) -> str | None:
    """The country of an article that names exactly one (names, capitals, people, groups and
    demonyms counted), at least twice or in its dateline; else None. A country named once
    in passing ("two men from Algeria") does not place a story that never names its own."""
    named = [entry.country for span in spans
             if (entry := lookup.entries.get(span.label_)) is not None and entry.country]
    named += [country for token in doc if (country := demonym_country(token, lookup)[0])]
    if len(set(named)) != 1:
        return None
    in_dateline = any(span.start in dateline for span in spans)
    return named[0] if len(named) >= _SOLE_MENTIONS or in_dateline else None


_SOLE_MENTIONS = 2


def _find_head(head: Token, memory: DocActors, lookup: ActorLookup,
               lex: Lexicon) -> Resolved | None:
    """One argument head: a known mention, a pronoun, a role noun with its modifiers."""
    if head.i >= 2 and head.doc[head.i - 1].text == "-" and head.doc[head.i - 2].lower_ == "non":
        return None  # "non-combatants" are not combatants
    if head.i in memory.dateline:
        return None
    if head.i in memory.private or private_head(head, lex):
        return Resolved(None, _phrase_text(head), head.i, private=True,
                        collective=head.tag_ in {"NNS", "NNPS"})
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
    named = _named_group(head, memory, lex)
    if named is not None:
        return named
    if _bare_singular(head, lookup) and head.i not in memory.by_token:
        return None
    if head.lemma_.lower() in lex.quantity_heads or head.pos_ == "NUM":
        # "hundreds of UN troops", "members of the party", "a group of activists"
        for member in _of_objects(head):
            found = _resolve_head(member, memory, lookup, lex)
            if found is not None:
                return found
    return _role_actor(head, memory, lookup, lex)


def _named_group(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    """A group noun named by a known actor is that actor, and so are its members: "the
    Syrian Democratic Forces group of Kurdish and Arab militias" is the SDF, and so are
    the militias."""
    group = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in (
            lex.quantity_heads):
        group = head.head.head
    if group.lemma_.lower() not in lex.quantity_heads:
        return None
    for child in group.children:
        if child.dep_ == "compound" and child.i in memory.by_token:
            start, end = memory.spans[child.i]
            return Resolved(memory.by_token[child.i], head.doc[start:end].text, head.i)
    return None


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
    modifiers = list(_modifiers(head, lex, lookup))
    role_words = [head, *(m for m in modifiers if m.dep_ == "compound" and m.pos_ == "NOUN")]
    if not any(lookup.role_of(w.lemma_) or lookup.role_of(w.text) for w in role_words):
        # "positions of the Gondorian army": the role of a thing is its holder's
        role_words += [m for m in modifiers if m.dep_ == "pobj" and m.pos_ == "NOUN"]
    if not any(lookup.role_of(w.lemma_) or lookup.role_of(w.text) for w in role_words):
        modifiers = [m for m in modifiers if not _role_adjective(m, lookup)]
    compounds = [m for m in modifiers if m.dep_ == "compound" and m.pos_ == "NOUN"]
    words = [*compounds, head, *(m for m in modifiers if m not in compounds)]
    known = memory.by_token
    if head.dep_ in {"nsubj", "nsubjpass"} and (
            lookup.role_of(head.lemma_) or lookup.role_of(head.text)):
        # "her government would never ...", not "withdrew its troops" (its own means)
        known = {**known, **_possessor_antecedents(modifiers, memory, lex)}
    actor = actor_from_words(words, lookup, known, rule="modifier")
    if actor is None:
        return None
    text_tokens = sorted(words, key=lambda t: t.i)
    text = head.doc[text_tokens[0].i : text_tokens[-1].i + 1].text
    return Resolved(actor, text, head.i)


def _phrase_text(head: Token) -> str:
    """A noun with its left modifiers and its of-phrase ("the correspondent of the news
    agency")."""
    doc = head.doc
    end = max([head.i, *(c.right_edge.i for c in head.children
                         if c.dep_ == "prep" and c.lower_ == "of")])
    stop = next((t.i for t in doc[head.i : end + 1] if t.text == "," or t.dep_ in {
        "relcl", "acl"}), end + 1)
    return doc[head.left_edge.i : stop].text


def _possessor_antecedents(modifiers: list[Token], memory: DocActors,
                           lex: Lexicon) -> dict[int, Actor]:
    """'his government', 'its army': a possessive pronoun stands for what it points back to
    (Merkel said his government … → DEUGOV)."""
    found: dict[int, Actor] = {}
    for token in modifiers:
        lower = token.lower_
        if token.dep_ != "poss" or lower not in lex.person_pronouns | lex.group_pronouns:
            continue
        antecedent = _antecedent(token, memory, person=lower in lex.person_pronouns)
        actor = antecedent.actor if antecedent is not None else None
        if actor is not None and (actor.country or actor.code[:3] in lex.non_state_prefixes):
            found[token.i] = actor
    return found


def _role_adjective(token: Token, lookup: ActorLookup) -> bool:
    is_role = lookup.role_of(token.lemma_) is not None
    return is_role and lookup.country_of_demonym(token.text) is None


def _modifiers(head: Token, lex: Lexicon, lookup: ActorLookup) -> Iterator[Token]:
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
                if child.lower_ == "of" and pobj.pos_ == "NOUN" and not _role_like(
                        pobj, lex, lookup):
                    continue  # "violators of U.N. sanctions" are not the UN's
                yield from (g for g in pobj.children if g.dep_ in {"poss", "amod", "compound"})


def _role_like(token: Token, lex: Lexicon, lookup: ActorLookup) -> bool:
    """An of-object whose own modifiers name whose it is: a role ("the Gondorian army"), a
    held thing, a group or a country word ("the Iranian government")."""
    lemma = token.lemma_.lower()
    return bool(lookup.role_of(lemma) or lookup.role_of(token.text)) or (
        lemma in lex.held_nouns or lemma in lex.quantity_heads or lemma in lex.anaphors)


def _is_definite(head: Token) -> bool:
    """'the government', not 'the Iranian government' or 'the government of Korea'."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children) and not any(
        c.dep_ in MODIFIER_DEPS or (c.dep_ == "prep" and c.lower_ == "of") for c in head.children)


def _antecedent(head: Token, memory: DocActors, person: bool) -> Resolved | None:
    """The nearest earlier mention of the right kind (people for he/she, others for it/they).

    A subject pronoun prefers the nearest earlier subject ("Erdogan met Trump. He said …"
    is Erdogan), within the same or the previous two sentences. When that mention is
    someone unknown, the pronoun stays unknown.
    """
    gender = _pronoun_gender(head.lower_) if person else None
    earlier = [(start, actor, subject) for start, actor, is_person, subject in memory.history
               if start < head.i and is_person == person
               and memory.genders.get(start, gender) == gender]
    if not earlier:
        return None
    chosen_start, chosen, _ = earlier[-1]
    if head.dep_ in {"nsubj", "nsubjpass"}:
        window = head.sent.start - 3 * max(len(head.sent), 1)
        for start, actor, subject in reversed(earlier):
            if subject and start >= window:
                chosen_start, chosen = start, actor
                break
    if chosen is None:
        # a private person stays private ("the driver said he ..."); someone unknown, unknown
        return Resolved(None, head.text, head.i, private=True) if (
            chosen_start in memory.private) else None
    return Resolved(chosen, head.text, head.i)


def _pronoun_gender(lower: str) -> str | None:
    return "m" if lower in {"he", "him", "his"} else "f" if lower in {"she", "her", "hers"} else (
        None)


def _described_country(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    role = lex.anaphors[head.lemma_.lower()]
    for start, actor, is_person, _ in reversed(memory.history):
        if actor is not None and start < head.i and not is_person and _is_state(actor) and (
                actor.country):
            code = _join(actor.country, role) if role else actor.country
            return Resolved(Actor(code, actor.country, rule="anaphor"), head.text, head.i)
    return None
