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

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from spacy.symbols import NOUN, PROPN

from dyadwatch.coding.actor_words import (
    MODIFIER_DEPS,
    actor_from_words,
    appositive_context,
    dateline_tokens,
    demonym_countries,
    demonym_country,
    describes_subject,
    gender_at,
    is_state,
    is_subject,
    left_context,
    of_context,
    one_person,
    party_sector,
    place_name,
    plural_phrase,
    private_head,
    private_person,
    pronoun_gender,
    proxied,
    quoted_tokens,
    sole_country,
    states_ahead,
    word_actor,
    word_role_of,
)
from dyadwatch.coding.binding import (
    OBJECT_DEPS,
    binding_subject,
    owner_before,
    subject_mention,
)
from dyadwatch.coding.doc_arrays import entities, sentence_at, token_parts, token_strings
from dyadwatch.coding.mentions import ActorLookup, MatcherCache, find_mentions
from dyadwatch.coding.peoples import named_mentions, people_actor, read_peoples
from dyadwatch.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.kb.lexicon import Lexicon


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
    unknown_names: set[str] = field(default_factory=set)  # surnames of unknown people named
    dateline: set[int] = field(default_factory=set)  # tokens of datelines ("SEOUL, South Korea —")
    sole_country: str | None = None  # the only country the article names, if it names one
    genders: dict[int, str] = field(default_factory=dict)  # person mention start → "m" / "f"
    # the article's dictionary mentions and demonyms: (first token, entry id, country)
    named: list[tuple[int, str, str | None]] = field(default_factory=list)
    given_names: dict[str, Actor] = field(default_factory=dict)  # "kim" of "Kim Jong Un"
    quoted: set[int] = field(default_factory=set)  # tokens inside quotation marks
    # first-person words whose quotation's speaker is named in another sentence
    carried_speakers: set[int] = field(default_factory=set)
    # "he" or "she" saying what comes before it → the tokens of what it says
    said_before: dict[int, frozenset[int]] = field(default_factory=dict)
    plural: set[int] = field(default_factory=set)  # history starts of plural phrases
    # the subject pronoun of a reported clause → the head of who reports it
    reporters: dict[int, int] = field(default_factory=dict)
    places: set[int] = field(default_factory=set)  # history starts of singular place names
    # argument heads already resolved (clause_actors), by token: the memory is complete
    # once read, so a head reads the same wherever it is asked for
    heads: dict[int, Resolved | None] = field(default_factory=dict)


def _said_before(doc: Doc, lex: Lexicon) -> dict[int, frozenset[int]]:
    """'Mr Blair's government was a bossy government, he added': a speaker put after what
    he or she says is nobody named in it (who would say 'my government' or 'I'), so the
    words of the clause a verb of saying governs before its subject "he" or "she" start
    no mention that pronoun may point to; keyed by the pronoun."""
    found: dict[int, frozenset[int]] = {}
    for i, lower in enumerate(token_strings(doc, "LOWER")):
        if lower not in {"he", "she"}:
            continue
        token = doc[i]
        verb = token.head
        if token.dep_ != "nsubj" or verb.lemma_.lower() not in lex.reporting_verbs:
            continue
        words = frozenset(t.i for clause in verb.children
                          if clause.dep_ == "ccomp" and clause.right_edge.i < token.i
                          for t in clause.subtree)
        if words:
            found[token.i] = words
    return found


REPORTED_PRONOUNS = frozenset({"he", "she", "it", "they"})
OWNER_DEPS = frozenset({"poss", "compound", "amod"})  # "Vellin's", "a Vellin", "Vellinese"


def _reporters(doc: Doc, lex: Lexicon) -> dict[int, int]:
    """'a Vellin announcement that it would train an army', 'leading Kadar to say he would
    consider ...': the subject pronoun of a clause that a verb of saying or a statement
    noun governs stands for the one who says it (see :func:`_reporter`), a noun or a name;
    keyed by the pronoun, the reporter's head as value."""
    found: dict[int, int] = {}
    for i, lower in enumerate(token_strings(doc, "LOWER")):
        if lower not in REPORTED_PRONOUNS:
            continue  # most words: no Token built
        token = doc[i]
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.dep_ not in {"ccomp", "acl"}:
            continue
        reporter = _reporter(token.head.head, lex)
        if reporter is not None and reporter.i < token.i and reporter.pos_ in {"NOUN", "PROPN"}:
            found[i] = reporter.i
    return found


def _reporter(word: Token, lex: Lexicon) -> Token | None:
    """Who says what ``word`` governs: the owner of a statement noun ("Vellin's
    announcement", "a Vellin statement"), the subject of a verb of saying, or for a
    to-infinitive without one the object (else the subject) of the verb above ("led Kadar
    to say")."""
    lemma = word.lemma_.lower()
    if word.pos_ in {"NOUN", "PROPN"}:
        return next((c for c in word.children if c.dep_ in OWNER_DEPS), None) if (
            lemma in lex.statement_nouns) else None
    if word.pos_ != "VERB" or lemma not in lex.reporting_verbs:
        return None
    subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
    if subject is None and word.dep_ == "xcomp":
        above = list(word.head.children)
        subject = next((c for c in above if c.dep_ == "dobj"),
                       next((c for c in above if c.dep_ == "nsubj"), None))
    return subject


def resolve_document(doc: Doc, cache: MatcherCache, day: date | None) -> DocActors:
    """Resolve every actor mention of ``doc`` in reading order. A dateline names a place,
    never an actor; a private person's mention is remembered as private."""
    lookup, lex = cache.lookup, cache.lex
    memory = DocActors(dateline=dateline_tokens(doc), quoted=quoted_tokens(doc),
                       said_before=_said_before(doc, lex), reporters=_reporters(doc, lex))
    everything = find_mentions(doc, cache)
    demonyms = demonym_countries(doc, lookup)
    memory.sole_country = sole_country(everything, demonyms, lookup, memory.dateline)
    found = [span for span in everything
             if span.start not in memory.dateline and not _starts_a_title(span, lookup)]
    covered = {i for span in found for i in range(span.start, span.end)}
    memory.named = named_mentions(demonyms, found, lookup)
    for i, people in read_peoples(doc, memory.named, lookup, lex, covered).items():
        # read first, so a role phrase before them sees them ("the leader of the Kurds")
        memory.by_token[i], memory.spans[i] = people, (i, i + 1)
    mentions = {span.start: span for span in found}
    person_spans = {ent.start: ent for ent in entities(doc) if ent.label_ in {"PERSON", "ORG"}
                    and not any(i in covered for i in range(ent.start, ent.end))}
    plain = _plain_words(doc, demonyms, lex)
    i = 0
    while i < len(doc):
        span = mentions.get(i) or person_spans.get(i)
        if i in memory.dateline:
            i += 1
            continue
        if span is None:
            i = i + 1 if plain[i] else _remember_word(doc[i], memory, lookup, lex,
                                                      demonyms[i] is not None)
            continue
        if private_person(span, lookup, memory.private_names, lex):
            _remember_private(memory, span, person=True)
            i = span.end
            continue
        actor, person = _span_actor(span, lookup, memory, day, lex)
        if actor is not None:
            _remember(memory, span, actor, person)
        else:
            memory.history.append((span.start, None, person, is_subject(span)))
            if person and len(span) > 1:
                memory.unknown_names.add(span[-1].lower_)
        i = span.end
    memory.genders = {start: gender for start, _, person, _ in memory.history if person
                      and (gender := gender_at(doc, start, lex)) is not None}
    memory.plural = {start for start, actor, person, _ in memory.history if not person
                     and plural_phrase(doc, start, memory.spans, actor)}
    memory.places = {start for start, _, person, _ in memory.history if not person
                     and place_name(doc, start, memory.spans)}
    return memory


def _starts_a_title(span: Span, lookup: ActorLookup) -> bool:
    """'the Washington Post', 'the Washington Examiner', 'the Tehran Times': a seat of
    government that begins a longer name (the entity goes on with a proper noun) is part
    of the title of a paper or a body, not the government."""
    entry = lookup.entries.get(span.label_)
    if entry is None or entry.kind != "metonym" or span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.pos_ == "PROPN" and after.ent_iob_ == "I" and (
        after.ent_type_ in _TITLED_ENTITIES)


_TITLED_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "FAC", "EVENT"})


def _plain_words(doc: Doc, demonyms: list[str | None], lex: Lexicon) -> list[bool]:
    """For each token: a word that is no noun, no proper noun, no demonym, no people's name
    and no compass word, which :func:`_remember_word` passes over; read from the document's
    arrays (each distinct form looked up once), without building a Token."""
    parts = token_parts(doc)
    lowers = token_strings(doc, "LOWER")
    return [pos not in _NAME_POS and country is None and lower not in lex.peoples
            and lower not in lex.compass_names
            for pos, lower, country in zip(parts, lowers, demonyms, strict=True)]


_NAME_POS = frozenset({NOUN, PROPN})  # the parts of speech of nouns and names, as numbers


def _remember_word(token: Token, memory: DocActors, lookup: ActorLookup, lex: Lexicon,
                   demonym: bool) -> int:
    """A word outside any dictionary mention: a people's name, a demonym noun (``demonym``:
    the word is one, see actor_words.demonym_countries), a role or a private person's noun
    phrase. Returns the index of the next word to read."""
    doc, i = token.doc, token.i
    lower = token.lower_
    if token.pos_ not in {"NOUN", "PROPN"} and not demonym and lower not in lex.peoples and (
            lower not in lex.compass_names):
        return i + 1  # most words: none of the readings below applies to them
    again = _surname_again(token, memory)
    if again is not None:
        _remember(memory, doc[i : i + 1], again, person=True)
        return i + 1
    if lower in lex.peoples:
        people = people_actor(token, lookup, lex, memory.named)
        if people is not None and one_person(token):
            _remember_private(memory, doc[i : i + 1], person=True)  # "a Kurd"
        elif people is not None:
            _remember(memory, doc[i : i + 1], people, person=False)
        return i + 1
    found = word_actor(token, lookup) if demonym else None
    if found is not None:
        span, actor = found
        if one_person(token):
            _remember_private(memory, span, person=True)  # "a Briton", "the second Briton"
        else:
            _remember(memory, span, actor, person=False)
        return max(i + 1, span.end)
    named_before = _compass_country(token, memory, lookup, lex) or _organisation_again(
        token, memory, lex)
    if named_before is not None:
        _remember(memory, doc[i : i + 1], named_before, person=False)
    elif private_head(token, lex) and token.dep_ in ARGUMENT_DEPS:
        _remember_private(memory, doc[i : i + 1], person=True)
    else:
        _remember_role_phrase(token, memory, lookup, lex)
    return i + 1


def _surname_again(token: Token, memory: DocActors) -> Actor | None:
    """'Ahmed Rashid, spokesman of the Free Syrian Army, said … Rashid criticised Moscow': a
    surname met again that the entity recogniser missed is the person named before; so is
    one it read as a month, where it stands as a side of a verb with no number beside it
    ("Theresa May … the leaders urged May to give MPs a vote", not "on 5 May"), and one it
    read as a place or a product that names a newsmaker ("Binali Yıldırım … Yıldırım
    said")."""
    if token.pos_ != "PROPN" or token.lower_ in memory.private_names:
        return None
    again = memory.people.get(token.lower_)
    if token.ent_type_ and not _month_read_surname(token) and not (
            token.ent_type_ in MISREAD_NAME_TYPES and _newsmaker(again)):
        return None
    return again


# entity types the recogniser gives a surname it does not take for a person's ("Yıldırım
# said" read as a place): a newsmaker the dictionary knows is still the person named
# before; a word of a dictionary mention never comes this far
MISREAD_NAME_TYPES = frozenset({"GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


SURNAME_SIDE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "npadvmod"})


def _month_read_surname(token: Token) -> bool:
    """A word the entity recogniser took for a date that stands as a verb's subject or
    object (or a possessor), with no number on either side."""
    doc = token.doc
    numbers = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
    if token.ent_type_ != "DATE" or any(t.like_num for t in numbers) or any(
            c.dep_ == "nummod" for c in token.children):
        return False
    return token.dep_ in SURNAME_SIDE_DEPS


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


def _organisation_again(token: Token, memory: DocActors, lex: Lexicon) -> Actor | None:
    """'the Syrian National Coalition … the coalition will not attend': a bare definite
    noun that ends the name of an organisation named before is that organisation."""
    if token.lower_ not in lex.name_anaphors or token.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(
            c.dep_ in {"amod", "compound", "poss", "nmod", "prep"} for c in token.children):
        return None
    doc = token.doc
    for start, actor, person, _ in reversed(memory.history):
        span = memory.spans.get(start)
        if not person and actor is not None and span is not None and (
                doc[span[1] - 1].lower_ == token.lower_):
            return actor
    return None


def _remember_private(memory: DocActors, span: Span, person: bool) -> None:
    memory.private.update(range(span.start, span.end))
    memory.history.append((span.start, None, person, is_subject(span)))
    if span.label_ in {"PERSON", "ORG"}:
        memory.private_names.add(span[-1].lower_)


def _span_actor(span: Span, lookup: ActorLookup, memory: DocActors, day: date | None,
                lex: Lexicon) -> tuple[Actor | None, bool]:
    entry = lookup.entries.get(span.label_) if span.label_ in lookup.entries else None
    if entry is None:
        entry = lookup.entry_for(span.text)
    if entry is not None and entry.kind != "person":
        actor = entry.actor_on(day)
        return _foreign_party(span, actor, memory, lookup) or _home_party(
            span, actor, memory, lookup, lex, day) or actor, False
    if entry is not None and len(span) == 1 and _other_first_name(
            span, entry.names, lex.male_titles | lex.female_titles | TITLE_ABBREVIATIONS,
            lookup):
        # "Elrond Thorne" is not Brand Thorne: a surname in a longer name the dictionary
        # does not know is someone else's
        memory.unknown_names.add(span.text.lower())
        return None, True
    if entry is not None and len(span) == 1 and (
            span.text.lower() in memory.people or span.text.lower() in memory.unknown_names):
        # "Jack McConnell, the first minister … Mr McConnell said": a surname is the person
        # the article named with it, not another person the dictionary knows by it
        return memory.people.get(span.text.lower()), True
    if entry is None and span.label_ == "ORG" and (
            _titled_surname(span, memory) or _named_surname(span, memory)):
        # "Vincent Cable says … Mr Cable said ministers had been complacent", the recogniser
        # reading "Mr Cable" (or "Cable" alone) as an organisation: the person the article
        # named before
        return memory.people[span[-1].lower_], True
    if entry is None and span.label_ == "ORG":
        # an organisation the dictionaries do not know: its own words may still say who
        # it is ("the Nigerian Union of Teachers"), and so may its possessor or a modifier
        # the recogniser left outside it ("Iran's Foreign Ministry"); else it stays unknown
        owners = [c for c in span.root.children
                  if c.i < span.start and c.dep_ in {"poss", "compound", "amod"}]
        return actor_from_words([*owners, *span], lookup, memory.by_token,
                                rule="org-name"), False
    actor = entry.actor_on(day) if entry is not None else None
    if entry is not None and day is None and len(entry.roles) > 1:
        # an undated article: the office its title gives ("Tory leader Michael Howard"),
        # else the one read at the person's first mention, else the latest
        before = _known_person(span, memory)
        if before is not None and actor is not None and before.rule == actor.rule:
            actor = before
        titled = _titled_person(span, lookup, memory, lex, day)
        actor = (entry.actor_as(titled.code, titled.country) if titled is not None
                 else None) or actor
    if actor is None:
        titled, known = _titled_person(span, lookup, memory, lex, day), _known_person(span, memory)
        # a name met before wins over a bare role read around it ("a spokesperson for
        # Moon's office": Moon is the president named before, not a spokesperson)
        actor = known if known is not None and (titled is None or titled.country is None) else (
            titled or known)
    return actor, True


PERSON_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})


def _named_surname(span: Span, memory: DocActors) -> bool:
    """'Mevlüt Çavuşoğlu told reporters … Çavuşoğlu said': one proper noun that is the
    surname of a newsmaker the article named before in full."""
    return len(span) == 1 and span[0].pos_ == "PROPN" and span[0].lower_ not in (
        memory.private_names) and _newsmaker(memory.people.get(span[0].lower_))


def _newsmaker(actor: Actor | None) -> bool:
    """A person the dictionary knows by name, not one read from a title around the name
    (which may be a private person's: "a minority Kurd")."""
    return actor is not None and actor.rule.startswith("actor:person:")


def _titled_surname(span: Span, memory: DocActors) -> bool:
    """'Mr Cable', 'Mrs Beckett': a title of a person and one name, which the article has
    given a person it named before."""
    return len(span) == 2 and span[0].lower_.rstrip(".") in PERSON_TITLES and (
        span[-1].lower_ in memory.people)


def _foreign_party(span: Span, actor: Actor | None, memory: DocActors,
                   lookup: ActorLookup) -> Actor | None:
    """A party name that another state's name or demonym owns is that state's party, not
    the dictionary's party of the same name ("Germany's Social Democrats", "Japan's
    Democratic Party" are no American party): a party of that state (PTY), since whether
    it governs is not known."""
    if actor is None or actor.country is None or not party_sector(actor):
        return None
    for owner in span.root.children:
        if owner.i >= span.start or owner.dep_ not in {"poss", "amod", "compound", "nmod"}:
            continue
        known = memory.by_token.get(owner.i)
        country = (known.country if known is not None and is_state(known)
                   else demonym_country(owner, lookup)[0] if known is None else None)
        if country is not None and country != actor.country:
            return Actor(code=f"{country}PTY", country=country, name=span.text,
                         rule=f"party-of:{country}")
    return None


def _home_party(span: Span, actor: Actor | None, memory: DocActors, lookup: ActorLookup,
                lex: Lexicon, day: date | None) -> Actor | None:
    """'the Conservatives', 'the Liberal party' in a story about Canada: a party name made
    only of words that name parties of several states (words.yaml: generic_party_words),
    with no word before it, is the party of that name of the state the article names most
    (by its names and demonyms), where that state is not the entry's own and the dictionary
    knows such a party there ("Conservative Party of Canada")."""
    if actor is None or actor.country is None or not party_sector(actor) or any(
            c.i < span.start and c.dep_ in {"poss", "amod", "compound", "nmod"}
            for c in span.root.children):
        return None
    words = _party_words(span.text)
    if not words or not words <= _party_words(" ".join(lex.generic_party_words)):
        return None
    home = _article_state(memory)
    if home is None or home == actor.country:
        return None
    for entry in lookup.entries.values():
        if entry.kind == "group" and entry.country == home and any(
                words <= _party_words(name) for name in entry.names):
            found = entry.actor_on(day)
            if found is not None and party_sector(found):
                return found
    return None


def _party_words(text: str) -> frozenset[str]:
    """The words of a party name that tell it from others, without a plural 's' ("the
    Conservatives" → conservative); 'the' and 'party' tell nothing."""
    return frozenset(word.lower().removesuffix("s") for word in text.split()
                     if word.lower() not in {"the", "party", "parties"})


def _article_state(memory: DocActors) -> str | None:
    """The state an article names most by its names and demonyms, if one leads alone."""
    counts = Counter(country for _, entry_id, country in memory.named
                     if country and (entry_id == "" or entry_id.startswith("country:")))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _other_first_name(span: Span, names: tuple[str, ...], titles: frozenset[str],
                      lookup: ActorLookup) -> bool:
    """A one-word name inside a longer person's name whose first word, past any title or
    role, is none of the entry's first names nor a spelling of one ("Jack McConnell" for
    the entry of Mitch McConnell, "Sir Ian Blair" for Tony Blair's; not "Donald J. Trump",
    "President Musharraf", "Yassir Arafat")."""
    token = span[0]
    if token.ent_iob_ != "I" or token.ent_type_ != "PERSON":
        return False
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while start < token.i and (doc[start].lower_.rstrip(".") in titles
                               or lookup.role_of(doc[start].lemma_) is not None):
        start += 1
    if start == token.i:
        return False
    first = doc[start].lower_
    words = {word.lower() for name in names for word in name.split()}
    return first not in words and not any(word[:2] == first[:2] for word in words)


# abbreviated titles the recogniser keeps inside a name ("Gen Pervez Musharraf")
TITLE_ABBREVIATIONS = frozenset({"gen", "col", "lt", "maj", "capt", "cpt", "sgt", "adm",
                                 "gov", "sen", "rep", "pres", "dr", "prof", "rev", "mr",
                                 "mrs", "ms"})


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})


def _remember_role_phrase(token: Token, memory: DocActors, lookup: ActorLookup,
                          lex: Lexicon) -> None:
    """Put 'Afghan rebel leaders' in the history so a later 'they' can find them; also a
    role noun the tagger takes for a name outside any entity ('the Iranian foreign ministry
    said it ...')."""
    if not (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not token.ent_type_)) or (
            token.dep_ not in ARGUMENT_DEPS or lookup.role_of(token.lemma_.lower()) is None):
        return
    if _names_a_named_person(token):
        return  # "the spokeswoman" in "Layla Ahmed, the spokeswoman": the name is remembered
    found = role_actor(token, memory, lookup, lex)
    if found is not None and found.actor is not None:
        lemma = token.lemma_.lower()
        person = token.tag_ == "NN" and (lemma in lex.person_roles or lemma in lex.speaker_heads)
        memory.history.append((token.i, found.actor, person,
                               token.dep_ in {"nsubj", "nsubjpass"}))


def _names_a_named_person(token: Token) -> bool:
    """A role noun in apposition with a person's name."""
    return (token.dep_ == "appos" and token.head.ent_type_ == "PERSON") or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)


def _remember(memory: DocActors, span: Span, actor: Actor, person: bool) -> None:
    for token in span:
        memory.by_token[token.i] = actor
        memory.spans[token.i] = (span.start, span.end)
    if not describes_subject(span):
        memory.history.append((span.start, actor, person, is_subject(span)))
    if person:
        words = [t.text for t in span if t.pos_ == "PROPN"] or [span[-1].text]
        memory.people[" ".join(words).lower()] = actor
        memory.people[words[-1].lower()] = actor
        if len(words) > 1 and words[0].isalpha():
            # a family name written first: "Kim Jong Un ... Kim said", "Moon Jae-in"
            memory.given_names[words[0].lower()] = actor


def _known_person(span: Span, memory: DocActors) -> Actor | None:
    """A person named again by full name, surname or the first part of the name (a family
    name written first); not by a first name within a longer, unknown name."""
    last = span[-1].text.lower()
    return memory.people.get(span.text.lower()) or memory.people.get(last) or (
        memory.given_names.get(last) if len(span) == 1 else None)


def _titled_person(span: Span, lookup: ActorLookup, memory: DocActors,
                   lex: Lexicon, day: date | None) -> Actor | None:
    """An unknown person's actor from the title and nationality before or beside the name."""
    # not the enemy, backer or base a modifier names ("a spokeswoman for the anti-Isis
    # coalition", "a spokesman for the Baghdad-based coalition")
    # nor the foe a group's name before a fight noun names ("the liaison to the Isis fight")
    after = [t for t in (*appositive_context(span), *of_context(span)) if not proxied(t, lex)
             and not (t.dep_ == "compound" and t.head.lemma_.lower() in lex.foe_first_nouns)]
    # "Russia's UK ambassador X": the possessor names the state the person serves; a
    # country in a compound is where the post is
    left = sorted(left_context(span, lex), key=lambda t: t.dep_ != "poss")
    context = [*left, *after]
    known = {**memory.by_token, **states_ahead(after, lookup, day)}
    return actor_from_words(context, lookup, known, rule="title")


def role_actor(head: Token, memory: DocActors, lookup: ActorLookup,
                lex: Lexicon) -> Resolved | None:
    """A noun phrase read from its words: 'Iranian forces', 'rebels in Darfur', 'US targets'.

    A role comes from the head noun or a noun compound ("police officers"), never from an
    adjective alone: "military action" is not an actor.
    """
    if head.ent_type_ in {"MONEY", "QUANTITY"}:
        return None  # "1 million Egyptian pounds", "tons of Russian grain" are no actors
    if _related_to_named(head, memory):
        return None  # "its Nato ally", "an EU member", "Iran's rivals": someone else
    if head.lemma_.lower() in ORIGIN_NOUNS:
        return None  # "of Iraqi-Kurdish origin, who arrived": an origin is nobody
    if _dispute_parties(head, lex):
        return None  # "all parties concerned should exercise restraint": sides, no party
    modifiers = _body_before_country(_own_modifiers(head, list(_modifiers(head, lex, lookup))),
                                     memory)
    role_words = [head, *(m for m in modifiers if m.dep_ == "compound" and m.pos_ == "NOUN")]
    if not any(lookup.role_of(w.lemma_) or lookup.role_of(w.text) for w in role_words):
        # "positions of the Gondorian army": the role of a thing is its holder's
        role_words += [m for m in modifiers if m.dep_ == "pobj" and m.pos_ == "NOUN"]
    if not any(lookup.role_of(w.lemma_) or lookup.role_of(w.text) for w in role_words):
        modifiers = [m for m in modifiers if not _role_adjective(m, lookup)]
    compounds = [m for m in modifiers if m.dep_ == "compound" and m.pos_ == "NOUN"]
    words = [*compounds, head, *(m for m in modifiers if m not in compounds)]
    known = memory.by_token
    text_tokens = sorted(words, key=lambda t: t.i)
    text = head.doc[text_tokens[0].i : text_tokens[-1].i + 1].text
    if lookup.role_of(head.lemma_) == "PTY":
        owners = _possessor_antecedents(modifiers, memory, lex)
        party = next((a for a in owners.values() if party_sector(a)), None)
        if party is not None:
            return Resolved(party, text, head.i)  # a party leader's "his party" is his own
    if head.dep_ in {"nsubj", "nsubjpass", "pobj"} and (
            lookup.role_of(head.lemma_) or lookup.role_of(head.text)):
        # "her government would never ...", "Trump's insults to their leader", not
        # "withdrew its troops" (its own means)
        known = {**known, **_possessor_antecedents(modifiers, memory, lex)}
    actor = actor_from_words(words, lookup, known, rule="modifier")
    if actor is None:
        return None
    return Resolved(actor, text, head.i)


def _dispute_parties(head: Token, lex: Lexicon) -> bool:
    """'all parties concerned', 'the warring parties', 'both parties to the talks': plural
    parties marked as the sides of a dispute (words.yaml ``dispute_party_marks``)."""
    return head.lower_ == "parties" and any(
        c.lower_ in lex.dispute_party_marks for c in head.children
        if c.dep_ in {"det", "predet", "amod", "acl", "nummod"})


def _body_before_country(modifiers: list[Token], memory: DocActors) -> list[Token]:
    """'the UN Syria envoy', 'the EU Iran negotiator': an international body named before
    a state in the compounds of one noun owns it; the state is what the post is for."""
    named: list[tuple[Token, Actor]] = sorted(
        ((m, actor) for m in modifiers if m.dep_ in {"compound", "nmod"}
         and (actor := memory.by_token.get(m.i)) is not None), key=lambda pair: pair[0].i)
    if not named or not named[0][1].code.startswith("IGO"):
        return modifiers
    states = {m.i for m, actor in named[1:] if actor.country}
    return [m for m in modifiers if m.i not in states]


# members of a body of states: the body named on them is not the member ("an EU member");
# for nouns of a relation ("a US ally" is not the US) see RELATION_NOUNS below
MEMBER_NOUNS = frozenset({"member", "state"})


def _related_to_named(head: Token, memory: DocActors) -> bool:
    """'urged its Nato ally to pull back', 'criticised an EU member', 'Iran's rivals': the
    actor named on a noun of a relation, or the body named on a member, is someone else."""
    lemma = head.lemma_.lower()
    named = [memory.by_token.get(c.i) for c in head.children if c.dep_ in {"compound", "poss"}
             and c.pos_ == "PROPN"]
    if lemma in RELATION_NOUNS:
        return any(a is not None for a in named)
    return lemma in MEMBER_NOUNS and any(a is not None and a.code.startswith("IGO")
                                         for a in named)


def _possessor_antecedents(modifiers: list[Token], memory: DocActors,
                           lex: Lexicon) -> dict[int, Actor]:
    """'his government', 'its army': a possessive pronoun stands for what it points back to
    (Merkel said his government … → DEUGOV)."""
    found: dict[int, Actor] = {}
    for token in modifiers:
        lower = token.lower_
        if token.dep_ != "poss" or lower not in lex.person_pronouns | lex.group_pronouns:
            continue
        antecedent = antecedent_of(token, memory, person=lower in lex.person_pronouns)
        actor = antecedent.actor if antecedent is not None else None
        if actor is not None and (actor.country or actor.code[:3] in lex.non_state_prefixes):
            found[token.i] = actor
    return found


def _role_adjective(token: Token, lookup: ActorLookup) -> bool:
    is_role = lookup.role_of(token.lemma_) is not None
    return is_role and lookup.country_of_demonym(token.text) is None


# a person's origin names a people or a land of birth, not the state they act for
ORIGIN_NOUNS = frozenset({"origin", "origins", "descent", "heritage", "extraction",
                          "ancestry", "background"})


def _modifiers(head: Token, lex: Lexicon, lookup: ActorLookup) -> Iterator[Token]:
    """Left modifiers of a noun and the object of its 'of' phrase ("government of Iran")."""
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS and not proxied(child, lex):
            yield child
            yield from (c for c in child.children
                        if c.dep_ in MODIFIER_DEPS and not proxied(c, lex))
            if child.lower_ in LOYALTY_WORDS:
                # "forces loyal to Bashar al-Assad" serve Assad's state
                yield from (pobj for prep in child.children
                            if prep.dep_ == "prep" and prep.lower_ == "to"
                            for pobj in prep.children if pobj.dep_ == "pobj")
        elif child.dep_ == "prep" and (child.lower_ in {"of", "in", "from"} or (
                child.lower_ in {"at", "for"} and head.lemma_.lower() in lex.speaker_heads)):
            # "the government of Iran", "rebels in Darfur", "officials from Kabul",
            # "a spokesman at Turkey's foreign ministry", "spokesperson for the prime minister"
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                if pobj.lemma_.lower() in ORIGIN_NOUNS:
                    continue  # "a rapper of Iraqi origin" is no actor of Iraq's
                yield pobj
                if child.lower_ == "of" and pobj.pos_ == "NOUN" and not _role_like(
                        pobj, lex, lookup):
                    continue  # "violators of U.N. sanctions" are not the UN's
                yield from (g for g in pobj.children if g.dep_ in {"poss", "amod", "compound"}
                            and not proxied(g, lex))  # not "for the anti-Isis coalition"


RELATION_NOUNS = frozenset({
    "ally", "allies", "enemy", "foe", "rival", "adversary", "opponent", "critic", "partner",
    "backer", "patron", "sponsor", "proxy", "neighbour", "neighbor", "detractor", "nemesis"})


def _own_modifiers(head: Token, modifiers: list[Token]) -> list[Token]:
    """A noun of a relation names someone else than its possessor or of-object: "Assad's
    allies" and "the enemies of Iran" are not Assad's or Iran's; "Turkey's Syrian rebel
    allies" are still Syrian rebels."""
    if head.lemma_.lower() not in RELATION_NOUNS and head.lower_ not in RELATION_NOUNS:
        return modifiers
    others = {t.i for c in head.children
              if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for t in c.subtree}
    return [m for m in modifiers if m.i not in others]


LOYALTY_WORDS = frozenset({"loyal", "answerable", "subordinate"})


def _role_like(token: Token, lex: Lexicon, lookup: ActorLookup) -> bool:
    """An of-object whose own modifiers name whose it is: a role ("the Gondorian army"), a
    held thing, a group or a country word ("the Iranian government")."""
    lemma = token.lemma_.lower()
    return word_role_of(token, lookup) is not None or (
        lemma in lex.held_nouns or lemma in lex.quantity_heads or lemma in lex.anaphors)


def _sentences_back(token: Token, count: int) -> int:
    """The first token of the sentence ``count`` sentences before ``token``'s own."""
    start = sentence_at(token.doc, token.i).start
    for _ in range(count):
        if start == 0:
            break
        start = sentence_at(token.doc, start - 1).start
    return start


def _main_subject(token: Token) -> bool:
    """The subject of its sentence's main verb, or of a verb joined to it ("Mr Howard
    said", "He went on to accuse ..."), not of a clause inside ("urged the chancellor to
    admit he had been ..."); ``token`` is the subject's head or a word before it."""
    while token.dep_ in {"compound", "det", "amod", "poss", "nmod", "punct", "case"} and (
            token.head.i > token.i):
        token = token.head
    verb = token.head
    return token.dep_ in {"nsubj", "nsubjpass"} and (verb.dep_ == "ROOT" or (
        verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _previous_main_pronoun(head: Token, memory: DocActors) -> Token | None:
    """'He went on to accuse Mr Brown. He urged the chancellor to admit he ... “We can all
    see ...” He also accused ...': the same pronoun as subject of the main verb of the
    sentence before (a quotation between them not counted), which ``head`` goes on from."""
    start = sentence_at(head.doc, head.i).start
    while start > 0:
        sent = sentence_at(head.doc, start - 1)
        if not all(t.i in memory.quoted or t.is_punct or t.is_space for t in sent):
            subject = next((c for c in sent.root.children
                            if c.dep_ in {"nsubj", "nsubjpass"}), None)
            return subject if subject is not None and subject.lower_ == head.lower_ and (
                subject.i not in memory.quoted) else None
        start = sent.start
    return None


def _same_pronoun(head: Token, bound: Token, gender: str | None) -> bool:
    """A subject pronoun that a possessive pronoun goes on from: "During his call ..., he
    said", "In its statement, it said"."""
    if gender:
        return pronoun_gender(bound.lower_) == gender
    return bound.lower_ == ("it" if head.lower_ == "its" else "they")


BOUND_PRONOUNS = frozenset({"him", "her"})  # "it" and "them" may stand for a thing or a call
NAME_PARTS = frozenset({"compound", "amod", "det", "flat", "nmod"})


def _co_subject_words(head: Token) -> set[int]:
    """'Erdoğan, who had urged him to leave', 'Kim had insulted him': an object pronoun is
    never the subject of its own verb (that would be 'himself'), so the words naming that
    subject (its head, the name and title words before it, the noun of a relative 'who'
    and the nouns in apposition to it) start no mention 'him' or 'her' may point to; its
    possessor may ("Trump's aide told him"). A 'which' or 'that' names no person, so it
    binds none ("Russia, which has backed him")."""
    verb = head.head
    if head.lower_ not in BOUND_PRONOUNS:
        return set()
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "spoke with him"
    elif head.dep_ not in OBJECT_DEPS:
        return set()
    return _subject_words(verb)


def _subject_words(verb: Token) -> set[int]:
    """The words naming the subject of ``verb`` (see :func:`_co_subject_words`)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "advcl":
        # "exempted eight countries, allowing them to import": the main clause's subject
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or verb.pos_ not in {"VERB", "AUX"} or (
            subject.lower_ in {"which", "that"}):
        return set()
    if subject.lower_ == "who" and verb.dep_ == "relcl":
        subject = verb.head
    named = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    while named[-1].dep_ == "appos" and named[-1].head not in named:
        named.append(named[-1].head)
    return {i for noun in named for i in (noun.i, *(c.i for c in noun.children
                                                  if c.dep_ in NAME_PARTS and c.i < noun.i))}


def _raised_object(head: Token) -> bool:
    """'Turkey has helped them train fighters', 'let them empower their forces': an object
    pronoun the parser made the subject of the clause below its verb is that verb's object,
    so never that verb's subject."""
    return head.lower_ in RAISED_PRONOUNS and head.dep_ == "nsubj" and (
        head.head.dep_ in {"ccomp", "xcomp"})


def _names_own_governor(head: Token, start: int) -> bool:
    """The mention at ``start`` is the subject of the verb a raised object pronoun is the
    object of ("Turkey has helped them train": them is not Turkey); the pronoun then
    stays unknown rather than go to some other mention."""
    return _raised_object(head) and start in _subject_words(head.head.head)


RAISED_PRONOUNS = frozenset({"him", "her", "them"})


def _main_they_before(head: Token) -> Token | None:
    """'They also resent the PYD, which they accuse of …': a 'they' inside a clause of a
    sentence whose main subject is an earlier 'they' is the same people."""
    if head.lower_ != "they" or head.dep_ not in {"nsubj", "nsubjpass"} or _main_subject(head):
        return None
    root = sentence_at(head.doc, head.i).root
    main = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return main if main is not None and main.lower_ == "they" and main.i < head.i else None


def _continued_subject(head: Token,
                       subjects: list[tuple[int, Actor | None]]) -> tuple[int, Actor | None]:
    """'Rebel commanders say Turkey has helped them … They say …': a main-clause 'they'
    goes on from the latest main subject, not from the subject of a clause inside it
    (Turkey); else the latest subject."""
    if head.lower_ == "they" and _main_subject(head):
        main = [entry for entry in subjects if _main_subject(head.doc[entry[0]])]
        if main:
            return main[-1]
    return subjects[-1]


SINGULAR_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})


def _agrees(head: Token, start: int, memory: DocActors) -> bool:
    """The mention at ``start`` agrees in number with the pronoun ``head``: "it" is no
    plural phrase ("the rebels"), "they" outside a quotation no singular place name
    ("Turkey"; speech does say "China must do more. They have ..."); where the nearest fit
    for "they" is such a name, it stays unknown rather than go further back."""
    if head.lower_ in SINGULAR_PRONOUNS:
        return start not in memory.plural
    return head.lower_ not in PLURAL_PRONOUNS or start not in memory.places or (
        head.i in memory.quoted)


def _reporter_mention(head: Token, memory: DocActors, person: bool,
                      gender: str | None) -> tuple[int, Actor | None] | None:
    """The remembered mention of who reports the clause ``head`` is the subject of,
    when it agrees with the pronoun and both stand on the same side of a quotation."""
    reporter = head.doc[memory.reporters[head.i]]
    if (reporter.i in memory.quoted) != (head.i in memory.quoted):
        return None
    entry = subject_mention(reporter, memory, person, gender)
    return entry if entry is not None and _agrees(head, entry[0], memory) else None


def antecedent_of(head: Token, memory: DocActors, person: bool) -> Resolved | None:
    """The nearest earlier mention of the right kind (people for he/she, others for it/they).

    A subject pronoun prefers the nearest earlier subject ("Erdogan met Trump. He said …"
    is Erdogan), within the same or the previous two sentences; "it" is no plural phrase,
    "they" no country's name (:func:`_agrees`), and he or she outside a quotation is nobody
    named inside it. The subject of a reported clause stands for who reports it ("after a
    Vellin announcement that it would ..."; :func:`_reporters`). A possessive pronoun
    stands for the subject of its clause (coding/binding.py): "his" or "her" for one before
    or after it, "its" or "their" for one after it ("In its report, the UN said"), known or
    not. When that mention is someone unknown, the pronoun stays unknown.
    """
    gender = pronoun_gender(head.lower_) if person else None
    outside = head.i not in memory.quoted
    earlier = [(start, actor, subject) for start, actor, is_person, subject in memory.history
               if start < head.i and is_person == person
               and memory.genders.get(start, gender) == gender
               and not (head.lower_ in SINGULAR_PRONOUNS and start in memory.plural)
               # a speaker outside a quotation is nobody named inside it
               and not (person and outside and start in memory.quoted)]
    excluded = _co_subject_words(head) | memory.said_before.get(head.i, frozenset())
    earlier = [entry for entry in earlier if entry[0] not in excluded]
    bound = binding_subject(head, memory) if head.dep_ == "poss" else None
    if head.dep_ == "poss" and not person and (bound is None or bound.i < head.i):
        bound = None  # "its" and "their" behind it: "The UN said its report ..."
        owner = owner_before(head, memory)
        if owner is not None and _agrees(head, owner[0], memory):
            return None if owner[1] is None else Resolved(owner[1], head.text, head.i)
        if owner is not None and head.lower_ in PLURAL_PRONOUNS:
            return None  # "their" behind a country's name: nobody rather than another
    if bound is not None and _same_pronoun(head, bound, gender):
        found = antecedent_of(bound, memory, person)
        return None if found is None else Resolved(found.actor, head.text, head.i,
                                                   private=found.private)
    entry = subject_mention(bound, memory, person, gender) if bound is not None else None
    if entry is not None and not _agrees(head, entry[0], memory):
        entry = None
    if entry is None and bound is None and head.i in memory.reporters:
        entry = _reporter_mention(head, memory, person, gender)
    if entry is None and bound is not None and bound.i > head.i:
        return None  # the subject ahead is whom it means, known or not
    if not earlier and entry is None:
        return None
    chosen_start, chosen = entry or earlier[-1][:2]
    main_they = _main_they_before(head) if entry is None else None
    if main_they is not None:
        found = antecedent_of(main_they, memory, person)
        return None if found is None else Resolved(found.actor, head.text, head.i,
                                                   private=found.private)
    if entry is None and head.dep_ in {"nsubj", "nsubjpass"}:
        window = _sentences_back(head, 2)
        subjects = [(start, actor) for start, actor, subject in earlier
                    if subject and start >= window]
        chain = _previous_main_pronoun(head, memory) if _main_subject(head) else None
        if chain is not None and not any(start > chain.i for start, _ in subjects):
            found = antecedent_of(chain, memory, person)
            return None if found is None else Resolved(found.actor, head.text, head.i,
                                                       private=found.private)
        if subjects:
            chosen_start, chosen = _continued_subject(head, subjects)
    if _names_own_governor(head, chosen_start) or not _agrees(head, chosen_start, memory):
        return None
    if chosen is None:
        # a private person stays private ("the driver said he ..."); someone unknown, unknown
        return Resolved(None, head.text, head.i, private=True) if (
            chosen_start in memory.private) else None
    return Resolved(chosen, head.text, head.i)
