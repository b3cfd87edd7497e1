"""The actors of a clause: the source or target a predicate's argument stands for.

A head noun is read against the document memory built by coding/actors.py: named
actors, roles and their holders, generic actors placed by the article, pronouns and
definite descriptions, and which sources are political actors at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dyadwatch.coding.actor_words import (
    MODIFIER_DEPS,
    bare_singular,
    is_group,
    is_state,
    join_code,
    party_sector,
    private_head,
)
from dyadwatch.coding.actors import (
    MEMBER_NOUNS,
    RELATION_NOUNS,
    DocActors,
    Resolved,
    antecedent_of,
    role_actor,
)
from dyadwatch.coding.doc_arrays import doc_text, sentence_starts_between
from dyadwatch.coding.mentions import ActorLookup
from dyadwatch.coding.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dyadwatch.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyadwatch.kb.lexicon import Lexicon


def political(sources: list[Resolved], code: str, lex: Lexicon) -> list[Resolved]:
    """The sources of a political event (a private person or an actor of a private sector,
    such as a company, is never one): a group of private people may act ("dozens of
    journalists appealed to the government"), but quoted they are witnesses ("residents
    said"), no source of a statement."""
    return [r for r in sources if not (r.private or private_sector(r.actor, lex)) or (
        r.collective and code not in lex.statement_roots)]


def same_actor(one: Resolved, other: Resolved) -> bool:
    """Two sides that are one actor: the same code, unless they are two named groups that
    share a code ("the Liberal Democrats criticised the Tories", two opposition parties)."""
    if one.code != other.code:
        return False
    first, second = one.actor, other.actor
    return first is None or second is None or not (
        is_group(first) and is_group(second) and first.name != second.name)


def private_sector(actor: Actor | None, lex: Lexicon) -> bool:
    """An actor of a private sector ("USABUS", "MED", "PPL"; list private_sectors)."""
    return actor is not None and actor_sector(actor)[:3] in lex.private_sectors


def actor_sector(actor: Actor) -> str:
    """The role part of an actor's code, after its country ("GOV" of "USAGOV", "LEG" of
    "LEG"; "" for a bare state)."""
    country = actor.country or ""
    return actor.code[len(country):] if country and actor.code.startswith(country) else (
        actor.code)


def quarrelling(source: Actor | None, target: Actor | None, lex: Lexicon) -> bool:
    """Are both sides of a clash offices of state or of politics (quarrel_sectors), so that
    it is a quarrel ("the ambassador clashed with the president"), not a fight?"""
    return source is not None and target is not None and all(
        actor_sector(actor) in lex.quarrel_sectors for actor in (source, target))


def actors_for(token: Token, memory: DocActors, lookup: ActorLookup,
               lex: Lexicon) -> list[Resolved]:
    """Actors an argument head stands for, following coordination ("Iran and its militias")."""
    heads = [token, *_conjuncts(token)]
    found: list[Resolved | None] = []
    for head in heads:
        shared = _shared_role(head, memory, lookup)
        found += shared or _shared_holder(head, memory, lookup, lex)
    return [r for r in found if r is not None]


def _shared_holder(head: Token, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon) -> list[Resolved | None]:
    """'the military might of Moscow and Tehran': a noun read as the state its 'of' phrase
    names stands for each of the coordinated states there."""
    first = _resolve_head(head, memory, lookup, lex)
    if first is None or first.actor is None or head.pos_ != "NOUN":
        return [first]
    for pobj in _of_objects(head):
        members = [pobj, *_conjuncts(pobj)]
        states = [memory.by_token.get(m.i) for m in members]
        if len(members) > 1 and states[0] is not None and states[0].code == first.code and all(
                a is not None and is_state(a) and not is_group(a) for a in states):
            return [first, *(Resolved(a, m.text, m.i)
                             for m, a in zip(members[1:], states[1:], strict=True))]
    return [first]


def _shared_role(head: Token, memory: DocActors, lookup: ActorLookup) -> list[Resolved | None]:
    """'the presidents of Iran and Turkey', 'foreign ministers from France and Germany': a
    role shared by two or more states is each state's."""
    role = lookup.role_of(head.lemma_) or lookup.role_of(head.text)
    if head.pos_ != "NOUN" or role is None:
        return []
    shared = _shared_modifier(head, role, memory, lookup)
    if shared:
        return shared
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"}:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            members = [pobj, *_conjuncts(pobj)]
            states = [memory.by_token.get(m.i) for m in members]
            if len(members) > 1 and all(a is not None and is_state(a) and not is_group(a)
                                        for a in states):
                return [Resolved(Actor(join_code(str(a.country), role), a.country,
                                       rule="modifier:shared-role"), m.text, m.i)
                        for m, a in zip(members, states, strict=True) if a is not None]
    return []


def _shared_modifier(head: Token, role: str, memory: DocActors,
                     lookup: ActorLookup) -> list[Resolved | None]:
    """'the Russian and Turkish presidents', 'US and British troops': a role noun whose
    national modifiers are coordinated is each of their countries' role."""
    for child in head.children:
        if child.dep_ not in {"amod", "compound", "nmod"} or child.i > head.i:
            continue  # "US and Russian citizens": the parser makes the first an nmod
        members = [child, *(c for c in child.children if c.dep_ == "conj")]
        countries = [_modifier_country(m, memory, lookup) for m in members]
        if len(members) > 1 and all(countries) and len(set(countries)) == len(countries):
            return [Resolved(Actor(join_code(str(country), role), country,
                                   rule="modifier:shared-role"), f"{m.text} {head.text}", m.i)
                    for m, country in zip(members, countries, strict=True)]
    return []


def _modifier_country(token: Token, memory: DocActors, lookup: ActorLookup) -> str | None:
    """The country a national modifier names ("Turkish", "US")."""
    actor = memory.by_token.get(token.i)
    if actor is not None:
        return actor.country if is_state(actor) and not is_group(actor) else None
    return lookup.country_of_demonym(token.text)


def _conjuncts(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            yield child
            yield from _conjuncts(child)


def _resolve_head(head: Token, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> Resolved | None:
    """One argument head, placed in its country when it is a generic actor; read once per
    document (``memory.heads``)."""
    if head.i not in memory.heads:
        memory.heads[head.i] = _placed_head(head, memory, lookup, lex)
    return memory.heads[head.i]


def _placed_head(head: Token, memory: DocActors, lookup: ActorLookup,
                 lex: Lexicon) -> Resolved | None:
    found = _find_head(head, memory, lookup, lex)
    if found is None or found.actor is None:
        return found
    collective = head.tag_ in {"NNS", "NNPS"} or head.lower_ in {"they", "them", "their"}
    actor = found.actor
    if private_sector(actor, lex) and _state_qualified(head, lex):
        actor = _state_organ(actor)  # "the state-run newspaper" is the state's media
    placed = _placed(actor, head, memory, lookup, lex) if actor.country is None else None
    attacker = placed is not None and placed.rule.startswith(ATTACKER_RULE)
    return Resolved(placed or actor, found.text, found.token_i, collective=collective,
                    private=not attacker and _lone_person(head, memory, lookup, lex))


def _lone_person(head: Token, memory: DocActors, lookup: ActorLookup, lex: Lexicon) -> bool:
    """'a senior aid worker in Turkey said', 'a Bosnian fighter ignored the judge', 'a
    gunman opened fire': one person of a role that names no group is a private person (no
    source; as a target they keep their country), unless a modifier ties them to a group
    or an organ ("a Hamas fighter", "the Taliban gunman", "a rebel fighter"; not a bare
    nationality)."""
    if head.tag_ != "NN" or not _lone_role(head, lex):
        return False
    return not any(_names_group(t, memory, lookup) for t in _ties(head))


def _lone_role(head: Token, lex: Lexicon) -> bool:
    lemma = head.lemma_.lower()
    return lemma in lex.lone_person_nouns or any(
        c.dep_ == "compound" and f"{c.lower_} {lemma}" in lex.lone_person_nouns
        for c in head.children)


def _ties(head: Token) -> Iterator[Token]:
    """The words that may say whose a person is: modifiers, possessors, appositives, and
    the objects of 'of', 'from' and 'with' ("a fighter of the SDF")."""
    for child in head.children:
        if child.dep_ in {"compound", "amod", "poss", "nmod", "appos"}:
            yield child
        elif child.dep_ == "prep" and child.lower_ in {"of", "from", "with"}:
            yield from (p for p in child.children if p.dep_ == "pobj")


def _names_group(token: Token, memory: DocActors, lookup: ActorLookup) -> bool:
    """A word that names a group, a body or an organ (not a bare country: "British")."""
    actor = memory.by_token.get(token.i)
    if actor is not None:
        return not (actor.code == actor.country and len(actor.code) == 3)
    return (lookup.role_of(token.lemma_) or lookup.role_of(token.text)) is not None


def _state_qualified(token: Token, lex: Lexicon) -> bool:
    return any(t.lower_ in lex.state_qualifiers for t in token.subtree if t.i < token.i)


def _state_organ(actor: Actor) -> Actor:
    """MED → GOVMED, IRNMED → IRNGOVMED."""
    country = actor.country or ""
    sector = actor.code[len(country):] if country and actor.code.startswith(country) else (
        actor.code)
    return Actor(code=f"{country}GOV{sector}", country=actor.country, name=actor.name,
                 rule=f"state+{actor.rule}")


def _placed(actor: Actor, head: Token, memory: DocActors, lookup: ActorLookup,
            lex: Lexicon) -> Actor | None:
    """A generic actor with no country ("police", "the court", "troops") in the country the
    article places it: a place in its own clause ("police in Lyon", "demonstrators gathered
    outside the embassy in Niamey"), else the article's only country."""
    country = None
    if actor.code in lex.clause_placed_roles:
        country = _clause_country(head, memory, lex)
    if country is None and actor.code in OPPOSING_ROLES:
        country = _opposed_government(head, memory, lookup, lex)
    if country is None and _armed_attacker(actor, head, lex):
        attacked = _attacked_country(head, memory, lookup, lex)
        if attacked is not None:
            return Actor(code=f"{attacked}REB", country=attacked, name=actor.name,
                         rule=f"{ATTACKER_RULE}{actor.rule}")
    if country is None and actor.code in lex.article_placed_roles:
        country = memory.sole_country
    if country is None:
        return None
    return Actor(code=f"{country}{actor.code}", country=country, name=actor.name,
                 rule=f"placed+{actor.rule}")


ATTACKER_RULE = "attacker+"
# the sectors of unnamed armed attackers: rebels and unaligned armed men
ATTACKER_ROLES = frozenset({"REB", "UAF"})
# the sectors of a state that an attacker fighting them stands against: its government and
# the forces called the government's (not plain troops or police, often abroad: 'militants
# attacked American soldiers' is no sign of US rebels)
_STATE_SIDES = frozenset({"GOV", "GOVMIL"})
# prepositions of the place where an attack happens or lands
_ATTACK_PREPS = frozenset({"in", "at", "into", "inside", "near", "outside", "on", "across"})


def _armed_attacker(actor: Actor, head: Token, lex: Lexicon) -> bool:
    """An unnamed armed attacker ("insurgents", "a suicide bomber", "gunmen";
    armed_attacker_nouns) not said to come from elsewhere ("foreign fighters"), nor one
    person of a role that names no group ("a gunman"; lone_person_nouns)."""
    lemma = head.lemma_.lower()
    if head.tag_ == "NN" and lemma in lex.lone_person_nouns:
        return False  # "a gunman opened fire at a school": one person, no side
    named = lemma in lex.armed_attacker_nouns or head.lower_ in lex.armed_attacker_nouns or any(
        c.dep_ == "compound" and f"{c.lower_} {lemma}" in lex.armed_attacker_nouns
        for c in head.children)
    return actor.code in ATTACKER_ROLES and named and not any(
        c.dep_ in MODIFIER_DEPS and c.lower_ in lex.foreign_modifiers for c in head.children)


def _attacked_country(head: Token, memory: DocActors, lookup: ActorLookup,
                      lex: Lexicon) -> str | None:
    """Where an unnamed armed attacker strikes, else whose state it fights: the one country
    the places of its attack verbs name ("rammed a truck into the consulate in
    Afghanistan", "attacked a police station in Pakistan"), else the one state whose
    government those verbs act on ("insurgents fighting the Syrian president", "militants
    ambushed Afghan government forces"); None when the place is unknown, or when the
    article names an armed group of elsewhere they may belong to (issue 14)."""
    verbs = list(_attack_verbs(head, lex))
    places = {country for verb in verbs for place in _attack_places(verb)
              if (country := _place_country(place, memory)) is not None}
    if not places:
        places = {country for verb in verbs for o in _acted_on(verb)
                  for r in actors_for(o, memory, lookup, lex)
                  if (country := _state_side_country(r.actor)) is not None}
    country = next(iter(places)) if len(places) == 1 else None
    return None if country is None or _armed_group_elsewhere(memory, country) else country


def _armed_group_elsewhere(memory: DocActors, country: str) -> bool:
    """The article names an armed group that is not that country's own (Islamic State,
    al-Qaeda, a neighbour's rebels), whose the unnamed attackers may be ("suicide bombers
    attacked Paris" in a story of Isis)."""
    return any(_armed_group(actor) and actor.country != country
               for actor in memory.by_token.values())


def _armed_group(actor: Actor) -> bool:
    country = actor.country or ""
    return actor.code.startswith("IMG") or is_group(actor) and (
        actor.code[len(country):] in ATTACKER_ROLES)


def _attack_verbs(head: Token, lex: Lexicon) -> Iterator[Token]:
    """The verbs of armed force the head does: the verb it is subject of and the verbs
    joined to it or hung on it with no subject of their own ("attacked the building,
    battling with Afghan forces"), or a participle describing it ("insurgents fighting the
    president")."""
    if head.dep_ == "nsubj":
        verbs = [head.head]
    else:
        verbs = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"]
    verbs += [c for v in verbs for c in v.children if c.dep_ in {"conj", "advcl"}
              and c.pos_ == "VERB" and not any(g.dep_ in SUBJECT_DEPS for g in c.children)]
    yield from (v for v in verbs if v.lemma_.lower() in lex.armed_attack_verbs)


def _attack_places(verb: Token) -> Iterator[Token]:
    """Places on an attack verb and on its object, one level deep ("into a consulate in
    Afghanistan", "attacked a police station in Pakistan")."""
    anchors = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"})]
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in _ATTACK_PREPS:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    yield pobj
                    yield from (g for p in pobj.children if p.dep_ == "prep"
                                and p.lower_ == "in" for g in p.children if g.dep_ == "pobj")


def _place_country(token: Token, memory: DocActors) -> str | None:
    """The country of a place: a country itself or a place in it, not a state's organ or
    mission ("the German consulate" is no place of Germany's)."""
    actor = memory.by_token.get(token.i)
    if actor is None or not is_state(actor) or is_group(actor):
        return None
    return actor.country if actor.code == actor.country else None


def _acted_on(verb: Token) -> Iterator[Token]:
    """The verb's objects and the objects of its prepositions (actors_for adds their
    conjuncts)."""
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            yield child
        elif child.dep_ == "prep":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _state_side_country(actor: Actor | None) -> str | None:
    """The country of a state's government or its government forces ("the Syrian
    president", "Afghan government forces")."""
    if actor is None or not actor.country or is_group(actor):
        return None
    return actor.country if actor.code[len(actor.country):] in _STATE_SIDES else None


# sectors that stand against their own state's government: "rebels attacked Syrian
# government forces", "the opposition accused the Venezuelan government"
OPPOSING_ROLES = frozenset({"REB", "OPP"})
# the nouns of those sectors that name a state's own rebels or opposition (a suicide bomber
# or a militant often strikes a foreign state)
OPPOSING_NOUNS = frozenset({"rebel", "opposition"})


def _opposed_government(head: Token, memory: DocActors, lookup: ActorLookup,
                        lex: Lexicon) -> str | None:
    """The country of the one government a subject acts on in its own clause: its verb's
    object or the object of a preposition on the verb that names a state's government
    (GOV; not its forces, which often fight abroad). A subject coordinated with the
    clause's subject is one too ("civil society groups and opposition leaders urged")."""
    subject = head
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head
    if subject.dep_ != "nsubj" or not _opposing_noun(head):
        return None
    verb = subject.head
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children
                if p.dep_ == "pobj"]
    countries = {actor.country for o in objects
                 if (actor := _government_of(o, memory, lookup, lex)) is not None}
    return next(iter(countries)) if len(countries) == 1 else None


def _opposing_noun(head: Token) -> bool:
    """'rebels', 'the opposition', and a noun they qualify ('opposition leaders', 'rebel
    commanders')."""
    return head.lemma_.lower() in OPPOSING_NOUNS or any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in OPPOSING_NOUNS
        for c in head.children)


def _government_of(token: Token, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon) -> Actor | None:
    found = _resolve_head(token, memory, lookup, lex)
    actor = found.actor if found is not None else None
    if actor is None or not actor.country or actor.code != f"{actor.country}GOV":
        return None
    return actor


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
    return actor.country if actor is not None and is_state(actor) else None


def _relative_clause_of(pronoun: Token) -> Token | None:
    """The relative clause a relative pronoun opens as its subject or object ("who fought
    the army", also of an infinitive in it: "that Turkey has vowed to crush") or as the
    object of its preposition ("the PKK, with whom Ankara has fought a
    war", "the rebels against whom it fights", whose head must then name an actor);
    None for any other."""
    above = pronoun.head
    if pronoun.dep_ == "pobj" and above.dep_ == "prep":
        above = above.head
    while above.dep_ == "xcomp" and above.head.i != above.i:
        above = above.head  # "the militia that Turkey has vowed to crush"
    return above if above.dep_ == "relcl" else None


def _names_actor(noun: Token, memory: DocActors, lookup: ActorLookup) -> bool:
    """A known mention, a name or a role noun ("the PKK", "the rebels"), not a thing."""
    return noun.i in memory.by_token or noun.pos_ == "PROPN" or (
        lookup.role_of(noun.lemma_) or lookup.role_of(noun.text)) is not None


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
    if lower in REFLEXIVES:
        return _reflexive_antecedent(head, memory, lookup, lex)
    if lower in lex.person_pronouns or lower in lex.group_pronouns:
        if _expletive(head):
            return None
        return antecedent_of(head, memory, person=lower in lex.person_pronouns)
    if lower in lex.first_person_pronouns:
        return _quote_speaker(head, memory, lookup, lex)
    if lower in lex.relative_pronouns and (clause := _relative_clause_of(head)) is not None:
        antecedent: Token | None = clause.head
        if head.dep_ == "pobj" and not _names_actor(clause.head, memory, lookup):
            # "an extension of the PKK, with whom ...": the parser hangs the clause on the
            # noun above the one it describes; "a distinction between X and Y, with whom"
            # describes no one
            antecedent = next((o for o in _of_objects(clause.head)
                               if _names_actor(o, memory, lookup)), None)
        return None if antecedent is None else _resolve_head(antecedent, memory, lookup, lex)
    if head.lemma_.lower() in lex.anaphors and _is_definite(head):
        if head.tag_ in {"NNS", "NNPS"}:
            return None  # "the countries" are several, none of them named here
        if head.lemma_.lower() in lex.named_anaphors:
            named = _named_before(head, memory, lookup, lex)
            if named is not None:
                return named
        if head.lemma_.lower() in lex.salient_anaphors:
            return _most_named_country(head, memory, lex) or _described_country(head, memory, lex)
        if head.lemma_.lower() in lex.named_anaphors:
            return _dominant_country(head, memory, lex) or _described_country(head, memory, lex)
        if lex.anaphors[head.lemma_.lower()] == "":
            return _salient_state(head, memory, lex) or _sole_country(head, memory, lex)
        return _described_country(head, memory, lex)
    if _state_epithet(head, lex):
        return _salient_state(head, memory, lex)
    if head.lemma_.lower() in lex.anaphors and _bare_modifier(head):
        return _named_before(head, memory, lookup, lex)
    if head.lower_ in lex.group_anaphors and _described_definite(head):
        group = _described_group(head, memory, lex)
        if group is not None:
            return group
    named = _named_group(head, memory, lex)
    if named is not None:
        return named
    if bare_singular(head, lookup) and head.i not in memory.by_token:
        return None
    named = _named_appositive(head, memory, lookup, lex)
    if named is not None:
        return named
    office = _state_office(head, memory, lookup, lex)
    if office is not None:
        return office
    counterpart = _counterpart(head, memory, lookup, lex)
    if counterpart is not None:
        return counterpart
    if head.lemma_.lower() in lex.quantity_heads or head.pos_ == "NUM":
        # "hundreds of UN troops", "members of the party", "a group of activists"
        for member in _of_objects(head):
            found = _resolve_head(member, memory, lookup, lex)
            if found is not None:
                return found
    found = role_actor(head, memory, lookup, lex)
    if found is None or found.actor is None or not found.actor.country:
        return _described_holder(head, memory, lookup, lex) or _joined_group(
            head, memory, lookup, lex) or found
    return found


def _quote_speaker(pronoun: Token, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon) -> Resolved | None:
    """'"We will not retreat," the defence minister said': a first-person pronoun inside a
    quotation stands for the quotation's one speaker (:func:`_quotation_speaker`); outside a
    quotation, or with no speaker or two, it is nobody (an author's 'we')."""
    if pronoun.i not in memory.quoted or not _main_quoted_clause(pronoun, lex):
        return None
    found = _quotation_speaker(pronoun, memory, lookup, lex)
    if found is None:
        return None
    return Resolved(found.actor, pronoun.text, pronoun.i, private=found.private,
                    collective=found.collective)


def _quotation_speaker(word: Token, memory: DocActors, lookup: ActorLookup,
                      lex: Lexicon) -> Resolved | None:
    """The one speaker of the quotation ``word`` is in: the subject of a verb of saying
    outside the quotation in the sentences it runs over (or in the sentence before, when
    that ends with a colon); for a quotation that opens its sentence and names none, the
    speaker of the quotation it goes on from, in the sentence before ('"We will not
    retreat," the minister said. "We will fight on."'; :func:`_speaker_before`), or the one
    a sentence after it says spoke (:func:`_speaker_after`), noted in the memory's
    ``carried_speakers``. None with no speaker or two."""
    doc = word.doc
    start = end = word.i
    while start > 0 and start - 1 in memory.quoted:
        start -= 1
    while end + 1 < len(doc) and end + 1 in memory.quoted:
        end += 1
    first, last = doc[max(start - 1, 0)].sent, doc[min(end + 1, len(doc) - 1)].sent
    words = list(doc[first.start : last.end])
    if first.start > 0 and doc[first.start - 1].sent[-1].text == ":":
        words = [*doc[first.start - 1].sent, *words]
    speakers = _speakers(words, memory, lex)
    if not speakers:
        if start - 1 == first.start:
            speakers = _speaker_before(first, memory, lex)
        if not speakers and last.end < len(doc) and end + 1 == last.end - 1:
            speakers = _speaker_after(doc[last.end].sent, memory)
        if len(speakers) == 1:
            memory.carried_speakers.add(word.i)
    if len(speakers) != 1:
        return None
    return _resolve_head(speakers[0], memory, lookup, lex)


def _speakers(words: list[Token], memory: DocActors, lex: Lexicon) -> list[Token]:
    """The subjects outside quotation marks of the verbs of saying among ``words``."""
    found = {subject.i: subject for verb in words if verb.i not in memory.quoted
             and verb.lemma_.lower() in lex.speaker_verbs
             for subject in verb.children
             if subject.dep_ == "nsubj" and subject.i not in memory.quoted}
    return list(found.values())


QUOTE_RUN = 3  # sentences of one speaker's quotation with no verb of saying between them


def _speaker_before(sent: Span, memory: DocActors, lex: Lexicon) -> list[Token]:
    """The speaker a quotation with no speaker of its own goes on from: the one speaker of
    the quotation in the sentence before, passing over up to QUOTE_RUN sentences that are
    whole quotations naming none; nobody when the sentence before holds no quotation (a
    quotation after the author's own words names its speaker later or not at all)."""
    doc = sent.doc
    for _ in range(QUOTE_RUN):
        if sent.start == 0:
            return []
        sent = doc[sent.start - 1].sent
        if not any(t.i in memory.quoted for t in sent):
            return []
        speakers = _speakers(list(sent), memory, lex)
        if speakers or not all(t.i in memory.quoted or t.is_punct or t.is_space
                               for t in sent):
            return speakers
    return []


SPEAKING_LEMMAS = frozenset({"speak"})  # speaking with no clause of its own


def _speaker_after(sent: Span, memory: DocActors) -> list[Token]:
    """'"We will not accept it." The minister was speaking after talks in Ankara': the
    subject of a sentence that follows a quotation ending its own sentence and says only
    that someone spoke (a verb of speaking with no clause of its own, no quotation) is
    the quotation's speaker."""
    root = sent.root
    if root.lemma_.lower() not in SPEAKING_LEMMAS or any(t.i in memory.quoted for t in sent) or (
            any(c.dep_ in {"ccomp", "parataxis"} for c in root.children)):
        return []
    return [c for c in root.children if c.dep_ == "nsubj"]


def _main_quoted_clause(word: Token, lex: Lexicon) -> bool:
    """The word is in a main clause of what is quoted ('"We will strike," he said', '"We
    are pulling back. We will leave"'), not in a clause of time, condition, belief or
    description ('when we partner with enemies', 'were we to let them down', 'the enemy
    we are fighting', 'they believe we will acquiesce'), whose deed is no act of the
    speaker's."""
    verb = word
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    while verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ in {"ccomp", "parataxis"} and (
        verb.head.lemma_.lower() in lex.speaker_verbs))


def _joined_group(head: Token, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> Resolved | None:
    """'foreign fighters who joined Isis', 'the men who had joined the group': people with
    no country of their own whom a relative clause says joined an armed group stand for
    that group."""
    for clause in (c for c in head.children
                   if c.dep_ == "relcl" and c.lemma_.lower() in lex.joining_verbs):
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            group = _resolve_head(obj, memory, lookup, lex)
            if group is not None and group.actor is not None and is_group(
                    group.actor) and _armed_code(group.actor):
                return Resolved(group.actor, _phrase_text(head), head.i)
    return None


def _named_appositive(head: Token, memory: DocActors, lookup: ActorLookup,
                      lex: Lexicon) -> Resolved | None:
    """'the foreign minister, Sergei Lavrov,', 'Assad's backer, Russia,': a singular role or
    relation noun set beside a known name between commas is that name's actor, not the
    actor its own words would give (the possessor of a relation noun is someone else). Not
    a list the parser reads so ('the Syrian regime, Russia and US-led forces'), nor a name
    of another country than the noun's own words or owner give ('Merkel's partner, the
    Social Democrats' is no American party)."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not (
            _has_role_head(head, lookup) or _compound_role(head, lookup)
            or head.lemma_.lower() in RELATION_NOUNS
            or head.lemma_.lower() in lex.counterpart_nouns):
        return None
    name = next((c for c in head.children if c.dep_ == "appos" and c.i in memory.by_token
                 and c.i not in memory.private and _set_off(c)), None)
    if name is None:
        return None
    actor = memory.by_token[name.i]
    own = role_actor(head, memory, lookup, lex)
    owners = [memory.by_token[c.i] for c in head.children
              if c.dep_ in {"poss", "compound"} and c.i in memory.by_token]
    other_country = own is not None and own.country and own.country != actor.country
    other_owner = party_sector(actor) and any(
        o.country and o.country != actor.country for o in owners)
    if other_country or other_owner:
        return None
    start, end = memory.spans[name.i]
    return Resolved(actor, head.doc[start:end].text, head.i)


def _counterpart(head: Token, memory: DocActors, lookup: ActorLookup,
                 lex: Lexicon) -> Resolved | None:
    """'his U.S. counterpart', 'their British counterparts': one who holds the office of
    the one it is counterpart to, in the country its own words name: the possessor's
    sector (a defence minister's counterpart is GOVMIL), else a government's (GOV)."""
    if head.lemma_.lower() not in lex.counterpart_nouns:
        return None
    found = role_actor(head, memory, lookup, lex)
    actor = found.actor if found is not None else None
    if found is None or actor is None or actor.code != actor.country:
        return found
    owners = [o for o in (_counterpart_owner(head),) if o is not None]
    owners += [c for c in head.children if c.dep_ == "poss"]
    sector = next((s for s in (_holder_sector(o, memory, lookup, lex) for o in owners) if s),
                  "GOV")
    return Resolved(Actor(join_code(actor.code, sector), actor.country,
                          rule="modifier:counterpart"), found.text, head.i)


def _counterpart_owner(head: Token) -> Token | None:
    """The one a counterpart is set against in its clause: the first of two coordinated
    ("Lee and his U.S. counterpart met"), else the subject of the verb whose object it is
    ("the army chief met his Somali counterpart")."""
    if head.dep_ == "conj":
        return head.head
    verb = head
    while verb.dep_ in {"dobj", "dative", "pobj", "prep"} and verb.head is not verb:
        verb = verb.head
    if verb is head or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _holder_sector(owner: Token, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon) -> str:
    """The sector of the state actor a counterpart's owner stands for ("his" after the
    Turkish defence minister → GOVMIL); '' for none."""
    if owner.dep_ == "poss" and owner.lower_ in lex.person_pronouns | lex.group_pronouns:
        antecedent = antecedent_of(owner, memory, person=owner.lower_ in lex.person_pronouns)
    else:
        antecedent = _resolve_head(owner, memory, lookup, lex)
    actor = antecedent.actor if antecedent is not None else None
    if actor is None or not is_state(actor) or party_sector(actor):
        return ""
    return actor.code[len(str(actor.country)):]


_CLOSERS = frozenset({",", ")", ";", ".", "—", "–", "-", ":"})


def _set_off(name: Token) -> bool:
    """An appositive name between a comma and a comma, bracket, dash or the sentence's end,
    with no conjunct of its own."""
    doc = name.doc
    first, last = name.left_edge, name.right_edge
    opened = first.text == "," or (first.i > 0 and doc[first.i - 1].text == ",")
    closed = last.text in _CLOSERS or last.i + 1 == len(doc) or doc[last.i + 1].text in _CLOSERS
    return opened and closed and not any(
        c.dep_ in {"conj", "cc"} for c in name.children)


def _most_named_country(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    """The state the article names most often before ``head`` (by country or demonym; of
    two named as often, the one named last), in the anaphor's role."""
    countries = [country for _, country in sorted(
        (start, country) for start, _, country in memory.named if country and start < head.i)]
    if not countries:
        return None
    country = _most_named(countries)
    role = lex.anaphors[head.lemma_.lower()]
    code = join_code(country, role) if role else country
    return Resolved(Actor(code, country, rule="anaphor:salient"), head.text, head.i)


def _state_epithet(head: Token, lex: Lexicon) -> bool:
    """'the isolated country', 'the reclusive state', 'the small, rich nation', 'the
    kingdom': a singular definite noun of a state (or of a monarchy) whose modifiers only
    describe it: adjectives that name no one and pick no state out among others (not
    'the only country', 'the first nation', 'the Syrian state', 'the host country')."""
    lemma = head.lemma_.lower()
    state_noun = lex.anaphors.get(lemma) == "" or lemma in lex.monarchy_nouns
    if not state_noun or head.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children):
        return False
    modifiers = [c for c in head.children if c.dep_ in MODIFIER_DEPS or c.dep_ in {
        "prep", "conj", "cc", "punct"} and c.i < head.i]
    describing = [c for c in modifiers if c.dep_ != "punct" and c.lower_ != "and"]
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False  # 'the state of emergency', 'the kingdom of heaven'
    return (bool(describing) or lemma in lex.monarchy_nouns) and all(
        c.dep_ in {"amod", "conj", "cc"} and not c.ent_type_ and c.tag_ in {
            "JJ", "VBN"} and c.lemma_.lower() not in lex.selecting_modifiers
        for c in describing)


def _salient_state(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    """The state an epithet stands for: of the states the article names before it that
    agree with it (a kingdom is a monarchy), by their names, capitals, demonyms and
    officials (not 'Antonio Guterres', a Portuguese at the UN), the most salient (see
    _salience), leaving out a state named in a phrase the epithet stands under ("Russia
    backs the isolated country", "the British foreign secretary visited the country" are
    not Russia, Britain); none, no side."""
    fits = lex.monarchies if head.lemma_.lower() in lex.monarchy_nouns else None
    above = {a.i for a in head.ancestors}
    excluded = {country for start, entry_id, country in memory.named
                if country and start < head.i and _names_state_at(start, entry_id, memory)
                and _commands(head.doc[start], head, above)}
    scores: dict[str, tuple[float, int]] = {}
    for start, entry_id, country in memory.named:
        if not country or start >= head.i or country in excluded or not _names_state_at(
                start, entry_id, memory) or (fits is not None and country not in fits):
            continue
        weight = _salience(head.doc[start], head)
        if weight > 0:
            score, _ = scores.get(country, (0.0, 0))
            scores[country] = (score + weight, start)
    if not scores:
        return None
    country = max(scores, key=lambda c: scores[c])
    return Resolved(Actor(country, country, rule="anaphor:epithet"), head.text, head.i)


def _names_state_at(start: int, entry_id: str, memory: DocActors) -> bool:
    """A mention by a state's name, capital or demonym, or of one who acts for the state
    ("French President François Hollande"), not of one of an international body."""
    actor = memory.by_token.get(start)
    return _names_state(entry_id) or (
        actor is not None and is_state(actor) and not is_group(actor))


def _commands(first: Token, head: Token, above: set[int]) -> bool:
    """A mention (by its first word) set in a phrase the epithet stands under: its word
    (the first of its conjuncts) hangs on a word above the epithet, not as an adjective,
    and is not itself above it ("Saudi Arabia, the UAE and Egypt imposed a boycott on the
    small, rich nation"; "US aims in the country")."""
    word = _mention_word(first)
    while word.dep_ == "conj" and word.head.i < word.i:
        word = word.head
    return word.dep_ != "amod" and word.head.i in above and word.i not in above


# how much a mention counts by the part it plays in its clause: a subject most, then an
# object or possessor, then any other, a modifier too ("North Korea's firing of a missile
# over Japan ... the isolated country" is North Korea; "the US war in Iraq ... whether the
# country could hold elections" is Iraq)
MENTION_WEIGHTS = {"nsubj": 3.0, "nsubjpass": 3.0, "dobj": 2.0, "poss": 2.0, "attr": 2.0}
# how much of its weight a mention keeps for each sentence between it and the epithet
SENTENCE_DECAY = 0.5


def _salience(first: Token, head: Token) -> float:
    """What one mention (by its first word) adds to its state's salience at ``head``: its
    weight in its clause, halved for each sentence start between them;
    none for a mention in a heading."""
    if _in_heading(first):
        return 0.0
    word = _mention_word(first)
    starts = sentence_starts_between(head.doc, first.i + 1, head.i + 1)
    return MENTION_WEIGHTS.get(word.dep_, 1.0) * SENTENCE_DECAY ** starts


# how a line of running text ends; a line that ends otherwise is a heading, a caption or
# a link to another story ("South Korea tests its new cruise missile")
SENTENCE_ENDS = frozenset({".", "?", "!", '"', "”", "’", "'", ")", ":"})
HEADING_CHARS = 120  # the longest line read as a heading


def _in_heading(token: Token) -> bool:
    """A word on a short line of its own that ends with no sentence's end (a text that
    marks no lines has none)."""
    text = doc_text(token.doc)
    end = text.find("\n", token.idx)
    line = text[text.rfind("\n", 0, token.idx) + 1 : len(text) if end < 0 else end].rstrip()
    return "\n" in text and 0 < len(line) <= HEADING_CHARS and line[-1] not in SENTENCE_ENDS


def _mention_word(first: Token) -> Token:
    """The word that plays a mention's part in its clause: 'Korea' of 'North Korea'; a
    name that modifies a noun plays a modifier's part ('Syria' of 'the Syria policy')."""
    word = first
    while word.dep_ in {"compound", "flat"} and word.head.i > word.i and (
            word.head.pos_ == "PROPN"):
        word = word.head
    return word


# how many times as often as any other the article must have named a state before a bare
# 'the regime' for the regime to be that state's rather than the last state named
DOMINANT_NAMING = 2


def _dominant_country(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    """'the regime' in a story about North Korea that names the US, Japan and South Korea in
    passing: the state the article has named far more often than any other before it (by
    its names, capital and demonyms), in the anaphor's role."""
    counts = Counter(country for start, entry_id, country in memory.named
                     if country and start < head.i and _names_state(entry_id)).most_common(2)
    if not counts or counts[0][1] < DOMINANT_NAMING or (
            len(counts) > 1 and counts[0][1] < DOMINANT_NAMING * counts[1][1]):
        return None
    country, role = counts[0][0], lex.anaphors[head.lemma_.lower()]
    code = join_code(country, role) if role else country
    return Resolved(Actor(code, country, rule="anaphor:dominant"), head.text, head.i)


def _names_state(entry_id: str) -> bool:
    """A mention by the state's own name, capital or demonym ("North Korea", "Pyongyang",
    "North Korean"), not by a person or body of it."""
    return entry_id == "" or entry_id.startswith(("country:", "metonym:"))


def _most_named(countries: list[str]) -> str:
    """Of states in reading order, the one named most; of two named as often, the later."""
    last = {country: i for i, country in enumerate(countries)}
    return max(last, key=lambda c: (countries.count(c), last[c]))


def _bare_modifier(head: Token) -> bool:
    """'a regime offensive', 'regime forces': an anaphor noun with no words of its own
    that modifies another noun."""
    return head.dep_ == "compound" and head.pos_ == "NOUN" and not any(
        c.dep_ in MODIFIER_DEPS for c in head.children)


# how many sentences back a bare 'government'/'regime' still reads as the one last named
# with that noun, outside its paragraph
NEAR_SENTENCES = 3


def _near(antecedent: Token, head: Token) -> bool:
    """The antecedent lies in the anaphor's paragraph or in the few sentences before it (a
    text that marks no paragraphs counts sentences only)."""
    doc = head.doc
    text = doc_text(doc)
    same_paragraph = "\n" in text and "\n" not in text[antecedent.idx : head.idx]
    starts = sentence_starts_between(doc, antecedent.i + 1, head.i + 1)
    return same_paragraph or starts <= NEAR_SENTENCES


def _named_before(head: Token, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> Resolved | None:
    """'regime forces' after 'the Syrian regime' or 'the Assad regime': a bare anaphor
    noun modifying another is the state the article last named with the same noun, if
    that was near (the same paragraph or the few sentences before); else the state the
    article named so most often, as government or regime ('government forces' in a live
    blog that has said 'the Assad regime' again and again are not those of 'the Cypriot
    government' quoted twenty sentences before); one never so named points nowhere ('As in Bosnia, …
    a regime offensive' is not Bosnia's)."""
    role = lex.anaphors[head.lemma_.lower()]
    lemma = head.lemma_.lower()
    named: list[str] = []  # the states named so, latest first
    for token in reversed(head.doc[: head.i]):
        nouns = lex.government_nouns if lemma in lex.government_nouns else {lemma}
        if token.lemma_.lower() not in nouns or _bare_modifier(token) or _is_definite(token):
            continue
        found = _find_head(token, memory, lookup, lex)
        actor = found.actor if found is not None else None
        if actor is not None and actor.country and not is_group(actor):
            if not named and token.lemma_.lower() == lemma and _near(token, head):
                named = [actor.country]
                break
            named.append(actor.country)
    if not named:
        return None
    country = _most_named(named[::-1])
    code = join_code(country, role) if role else country
    return Resolved(Actor(code, country, rule="anaphor"), head.text, head.i)


def _described_holder(head: Token, memory: DocActors, lookup: ActorLookup,
                      lex: Lexicon) -> Resolved | None:
    """'besieged by regime forces': a role noun whose only state word is a bare anaphor
    noun before it ('regime', 'government') is the organ of the state that noun points
    back to, as 'the regime' does."""
    described = next((_named_before(c, memory, lookup, lex) for c in head.children
                      if c.lemma_.lower() in lex.anaphors and _bare_modifier(c)), None)
    role = lookup.role_of(head.lemma_) or lookup.role_of(head.lower_)
    country = described.actor.country if described is not None and described.actor else None
    if country is None or role is None:
        return None
    text = head.doc[min(c.i for c in head.children if c.dep_ == "compound") : head.i + 1].text
    return Resolved(Actor(join_code(country, role), country, rule="anaphor"), text, head.i)


REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


def _reflexive_antecedent(head: Token, memory: DocActors, lookup: ActorLookup,
                          lex: Lexicon) -> Resolved | None:
    """'Syria's armed opposition finds itself waging a battle against Kurdish militias': a
    reflexive stands for the subject of the nearest clause above it with another subject."""
    for verb in head.ancestors:
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS
                        and c.lower_ not in REFLEXIVES and c.i != head.i):
            return _find_head(subject, memory, lookup, lex)
    return None


def _expletive(head: Token) -> bool:
    """'It is six weeks since ...', 'it is clear that ...', 'it seems that ...': an 'it' that
    stands for a clause, not for anyone ('it is ready to talk' is someone)."""
    verb = head.head
    return head.lower_ == "it" and head.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_ in {
        "be", "seem", "appear", "remain"} and any(
        c.dep_ in {"ccomp", "advcl", "csubj"} or (c.dep_ == "attr" and c.ent_type_ in {
            "DATE", "TIME"}) or (c.dep_ == "acomp" and any(
                g.dep_ == "ccomp" for g in c.children)) for c in verb.children)


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
            if group.lemma_.lower() in MEMBER_NOUNS and memory.by_token[child.i].code.startswith(
                    "IGO"):
                return None  # "Nato members", "an EU member" are states, not the body
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


def _compound_role(head: Token, lookup: ActorLookup) -> bool:
    """'the home secretary', 'the foreign secretary': a role word only with the one or two
    words before it that modify it."""
    doc = head.doc
    for start in range(head.i - 1, max(head.i - 3, -1), -1):
        before = doc[start : head.i]
        if any(t.head.i != head.i and t.head.i not in range(start, head.i) for t in before) or (
                any(t.dep_ not in {"compound", "amod"} for t in before)):
            return False
        words = [t.lower_ for t in before]
        if lookup.role_of(" ".join([*words, head.lemma_.lower()])) is not None:
            return True
    return False


def _phrase_text(head: Token) -> str:
    """A noun with its left modifiers and its of-phrase ("the correspondent of the news
    agency")."""
    doc = head.doc
    end = max([head.i, *(c.right_edge.i for c in head.children
                         if c.dep_ == "prep" and c.lower_ == "of")])
    stop = next((t.i for t in doc[head.i : end + 1] if t.text == "," or t.dep_ in {
        "relcl", "acl"}), end + 1)
    return doc[head.left_edge.i : stop].text


def _is_definite(head: Token) -> bool:
    """'the government', not 'the Iranian government' or 'the government of Korea'."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children) and not any(
        c.dep_ in MODIFIER_DEPS or (c.dep_ == "prep" and c.lower_ == "of") for c in head.children)


# "the remaining fighters", "the retreating militants": participles that only describe
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})


def _described_definite(head: Token) -> bool:
    """'the group', and 'the terror group', 'the jihadist militants', 'the remaining
    fighters': a definite noun whose modifiers only describe it, naming no one (not 'the
    Kurdish militia', 'the SDF group')."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children) and all(
        c.dep_ in {"amod", "compound"} and not c.ent_type_ and (
            c.pos_ in {"ADJ", "NOUN"} or c.dep_ == "amod" and c.tag_ in PARTICIPLE_TAGS)
        for c in head.children if c.dep_ in MODIFIER_DEPS or (
            c.dep_ == "prep" and c.lower_ == "of"))


def _described_country(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    role = lex.anaphors[head.lemma_.lower()]
    for start, actor, is_person, _ in reversed(memory.history):
        if actor is not None and start < head.i and not is_person and is_state(actor) and (
                actor.country) and not is_group(actor):
            code = join_code(actor.country, role) if role else actor.country
            return Resolved(Actor(code, actor.country, rule="anaphor"), head.text, head.i)
    # "the government" in an article about one country that never names it as a state
    # ("Gordon Brown ... the chancellor ... the government")
    return _sole_country(head, memory, lex)


def _sole_country(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    """'the country', 'the government' (with its role) in an article about one country
    that never names it as a state."""
    country = memory.sole_country
    if country is None:
        return None
    role = lex.anaphors[head.lemma_.lower()]
    code = join_code(country, role) if role else country
    return Resolved(Actor(code, country, rule="anaphor:article"), head.text, head.i)


def _described_group(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    """'the militants', 'the group': the last armed group named in the two sentences
    before the phrase's own and not in its own, where a group named (or speaking: "Bali,
    a spokesman for the SDF ... Bali said the militants attacked") is more often the
    other side ("the SDF, which is advancing against the militants")."""
    continued = _continued_group(head, memory, lex)
    if continued is not None:
        return continued
    sent = head.sent
    first = sent.start
    for _ in range(2):
        first = head.doc[first - 1].sent.start if first > 0 else first
    here = {actor.code for begin, actor, _, _ in memory.history
            if sent.start <= begin < sent.end and actor is not None}
    doers = _doers(head)
    for begin, actor, is_person, _ in reversed(memory.history):
        # "Ankara was angered by the YPG's expansion and the coalition, which armed the
        # group": a group named before it in its own sentence, and not its clause's doer
        if sent.start <= begin < head.i and actor is not None and not is_person and is_group(
                actor) and _armed_code(actor) and not _mention_tokens(begin, memory) & doers:
            return Resolved(actor, head.text, head.i)
    for begin, actor, is_person, _ in reversed(memory.history):
        if first <= begin < sent.start and actor is not None and not is_person and is_group(
                actor) and _armed_code(actor) and actor.code not in here:
            return Resolved(actor, head.text, head.i)
    return None


def _continued_group(head: Token, memory: DocActors, lex: Lexicon) -> Resolved | None:
    """'…, said the Syrian Democratic Forces, an alliance that fought Isis. The group
    demanded …': 'the group' as the main subject of its sentence goes on from the armed
    group that was the main subject of the sentence before, not from the last one named."""
    if head.lower_ not in lex.continuing_group_nouns or head.dep_ != "nsubj" or (
            head.head.dep_ != "ROOT") or head.sent.start == 0:
        return None
    before = head.doc[head.sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    actor = memory.by_token.get(subject.i) if subject is not None else None
    if actor is None or not is_group(actor) or not _armed_code(actor):
        return None
    return Resolved(actor, head.text, head.i)


def _doers(head: Token) -> set[int]:
    """The tokens of those who act on ``head``: its governors (the noun a relative clause
    describes among them) and the subjects of each."""
    doers: set[int] = set()
    below = head
    for governor in head.ancestors:
        doers.add(governor.i)
        # a conjoined or adverbial clause with a subject of its own has other doers ("the
        # Taliban said ..., and the army, which has battled the group, ..."; "the militants
        # shot civilians as the army tightened its grip on the group")
        own = below.dep_ in {"conj", "advcl"} and any(
            c.dep_ in SUBJECT_DEPS for c in below.children)
        for child in governor.children:
            if (child.dep_ in SUBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS) and not own or (
                    below.dep_ == "relcl" and child.i != below.i):
                # the noun a relative clause describes is its doer, with its modifiers and
                # appositives: "the anti-Isis coalition, which armed the group", "the
                # Syrian Democratic Forces (SDF), which are advancing against the militants"
                doers.update(_phrase_tokens(child))
        below = governor
    return doers


def _phrase_tokens(token: Token) -> set[int]:
    """A noun phrase's words, not those of a clause inside it ("the exodus of fighters from
    areas controlled by Isis" is not Isis's doing)."""
    found = {token.i}
    for child in token.children:
        if child.dep_ not in {"acl", "relcl", "advcl"}:
            found |= _phrase_tokens(child)
    return found


def _mention_tokens(begin: int, memory: DocActors) -> set[int]:
    span = next((s for s in memory.spans.values() if s[0] == begin), (begin, begin + 1))
    return set(range(span[0], span[1]))


def _armed_code(actor: Actor) -> bool:
    """An armed group's code: a militant group (IMG…) or rebels (…REB)."""
    country = actor.country or ""
    sector = actor.code[len(country):] if country and actor.code.startswith(country) else (
        actor.code)
    return sector[:3] in {"IMG", "REB"}


def _state_office(head: Token, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> Resolved | None:
    """'the chancellor', 'the prime minister': a definite, singular state office is the
    one person named before whose office the dictionary calls so ("Erdoğan vowed … The
    president also criticised Washington"), else, in an article that names one country,
    that country's office holder."""
    if head.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    words = [c for c in head.children if c.dep_ in {"compound", "amod"} and c.i < head.i]
    phrase = " ".join(t.lower_ for t in [*words, head])
    if phrase not in lex.state_offices or any(
            c.dep_ in {"poss", "prep"} for c in head.children):
        return None
    holder = _office_holder(head, phrase, memory, lookup)
    if holder is not None:
        text = head.doc[(words[0].i if words else head.i) : head.i + 1].text
        return Resolved(holder, text, head.i)
    if memory.sole_country is None:
        return None
    role = lookup.role_of(phrase) or lookup.role_of(head.lemma_)
    if role is None:
        return None
    country = memory.sole_country
    return Resolved(Actor(join_code(country, role), country, rule="office:article"),
                    head.doc[(words[0].i if words else head.i) : head.i + 1].text, head.i)


OFFICE_QUALIFIERS = frozenset({"vice", "deputy", "former", "acting", "interim", "assistant"})


def _office_holder(head: Token, phrase: str, memory: DocActors,
                   lookup: ActorLookup) -> Actor | None:
    """The one person named before ``head`` who holds ``phrase`` as the dictionary titles
    the office the person is coded with ("President", "President of the United States";
    not "Vice President"); nobody when two such people are named ("the
    president" after both Trump and Assad)."""
    words = phrase.split()
    holders: dict[str, Actor] = {}
    for start, actor, is_person, _ in memory.history:
        if start >= head.i or not is_person or actor is None:
            continue
        entry = lookup.entries.get(actor.rule.removeprefix("actor:"))
        if entry is not None and any(
                spell.code == actor.code and _titled(spell.title, words) for spell in entry.roles):
            holders[entry.id] = actor
    return next(iter(holders.values())) if len(holders) == 1 else None


def _titled(title: str, words: list[str]) -> bool:
    """'President', 'US President', 'President of the United States' hold the office
    'president'; 'Vice President' does not."""
    # a title of several offices lists them with commas ("cabinet minister, Home
    # Secretary, then Chancellor")
    found = title.lower().replace("-", " ").replace(",", " ").split()
    size = len(words)
    return any(found[i : i + size] == words and (i == 0 or found[i - 1] not in OFFICE_QUALIFIERS)
               for i in range(len(found) - size + 1))
