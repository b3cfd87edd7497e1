"""Stage 2 of the coder: arguments. Who did it and to whom: the source and target slots of
a predicate filled from the parse (subject or passive agent; object, passive subject or a
named preposition), resolved to actors by :mod:`dyadwatch.coding.actors`, with the
fallbacks the rules allow (a protest's target is the country it happens in; a known
victim keeps an unknown perpetrator)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.coding.actor_words import (
    demonym_country,
    is_group,
    is_state,
    join_code,
    one_person,
    party_sector,
)
from dyadwatch.coding.actors import DocActors, Resolved
from dyadwatch.coding.clause_actors import actors_for, private_sector, same_actor
from dyadwatch.coding.comments import (
    CRITICAL_CODES,
    called_code,
    comment_code,
    comment_subjects,
    criticised_things,
    praised_partners,
    statement_clauses,
    statement_topics,
    sympathised,
)
from dyadwatch.coding.mentions import ActorLookup
from dyadwatch.coding.mood import has_negator, hypothetical, purpose
from dyadwatch.coding.peoples import people_at, phrase_head
from dyadwatch.coding.places import (
    PLACE_ENTITIES,
    PlaceLookup,
    organisation_place_country,
    place_country,
)
from dyadwatch.coding.predicates import (
    DEFIANCE_NOUNS,
    DISAPPROVAL_ROOT,
    FIGHT_ROOT,
    Predicate,
    partnered,
)
from dyadwatch.coding.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    absolute_participle,
    agent_objects,
    direct_object,
    for_to_clause,
    for_to_subjects,
    named_object,
    passive,
    stative,
    to_clause,
)
from dyadwatch.kb.actors import sector_of
from dyadwatch.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.kb.lexicon import Lexicon

ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
AMOUNT_ENTITIES = frozenset({"MONEY", "QUANTITY", "PERCENT"})
PLACE_RULE = "place"


def find_arguments(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon, keep_unknown: bool, places: PlaceLookup | None = None,
                   ) -> tuple[list[Resolved], list[Resolved]]:
    """The sources and targets of ``predicate``: its own slots first, then the fallback
    slots of its code, then (for threats, protests and assaults) the country it happens
    in, then (for force) the country of the place it is aimed at; an unknown source when
    nobody known did it and ``keep_unknown``."""
    sources = fill(predicate, predicate.source_slots, memory, lookup, lex, subject=True)
    sources += _air_backers(predicate, sources, memory, lookup, lex)
    targets = _not_sources(fill(predicate, predicate.target_slots, memory, lookup, lex,
                                subject=False), sources)
    targets = _captors(predicate, targets, memory, lookup, lex) or targets
    if not targets and predicate.code not in lex.reciprocal_codes:
        # a consultation takes only its own slots: "met to discuss Syria" is no meeting
        # with Syria, "held talks in Ankara" none with Ankara
        targets = _not_sources(fill(predicate, lex.targets_for(predicate.code), memory,
                                    lookup, lex, subject=False), sources)
    if targets and all(t.actor is None or _stateless_private(t, lex) for t in targets) and (
            predicate.code[:2] in lex.statement_roots):
        # "told reporters that Borduria's move was a provocation": an addressee who is no
        # actor (nor a news agency of no country: "told the Press Association") leaves the
        # statement to the one it is about
        targets = fill(predicate, ("comment_subject",), memory, lookup, lex,
                       subject=False) or [t for t in targets if t.actor is None]
    # "sent troops into Idlib": the deployment's own means leave the place to be read
    targets = _suspected_members(predicate, [t for t in targets if not own_means(
        predicate, t, lex)], memory, lookup, lex)
    if predicate.code in lex.toward_place_roots:
        targets = [_held_place(predicate.token.doc, t, memory, lookup, lex) or t
                   for t in targets]
    if predicate.code == OCCUPY_CODE and not any(t.actor for t in targets):
        targets = _held_before(predicate, memory, lookup, lex) or targets
    if not targets:
        targets = _aim_targets(predicate, memory, lookup, lex)
    if not targets and predicate.code[:2] in lex.place_target_roots:
        targets = place_targets(predicate, memory, lookup, lex)
    if not targets:
        targets = toward_targets(predicate, memory, lookup, lex, places)
    if not targets:
        targets = _receiver(predicate, memory, lookup, lex) or _loser(
            predicate, memory, lookup, lex)
    if not targets and sources:
        targets = _relative_deed_target(predicate, memory, lookup, lex) or (
            _defended_target(predicate, memory, lookup, lex, places)) or (
            _harmed_by_deed(predicate, memory, lookup, lex)) or (
            _earlier_deed_target(predicate, sources, memory, lookup, lex, places)) or (
            _condemned_deed_doer(predicate, sources, memory, lookup, lex)) or (
            _claimants(predicate, sources, memory, lookup, lex))
    if sources and not _foreign_sides(targets, sources):
        targets = _garrison_left(predicate, sources, memory, lookup, lex, places) or targets
    if sources:
        targets = _sovereign_owner(predicate, sources, targets, memory, lex) or targets
    if sources and all(t.country is None for t in targets):
        # "cracked down on the demonstrations": no country-less 'demonstrators'
        targets = _protesters(predicate, sources, memory, lookup, lex, places) or targets
    if not sources:
        sources = _between(predicate, memory, lookup, lex)
    if not sources and targets:
        sources = _speaker_side(predicate, memory, lookup, lex) or _clause_side(
            predicate, memory, lookup, lex)
    if not sources and keep_unknown:
        sources = unknown_source(predicate, predicate.source_slots, targets, lex)
    if places is not None:
        targets = [_role_placed(_people_placed(t, predicate.token.doc, lex, places),
                                predicate.token.doc, memory, lookup, lex, places)
                   for t in targets]
        targets = [_armed_role_placed(predicate, t, memory, lookup, lex, places)
                   for t in targets]
    return sources, targets


def _captors(predicate: Predicate, targets: list[Resolved], memory: DocActors,
             lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """'called for the release of two Britons held by Iran', 'demanded the release of the
    suspects detained without trial in the UK': an appeal or demand for the release of
    people asks whoever holds them, named by the by-phrase of the participle that says
    they are held (``captor_participles``) or, for a detention only a state makes
    (``state_detention_participles``), by the state it is made in; not when the appeal
    names its addressee outside the release ("urged Gondor to seek the release of ...")."""
    if predicate.code[:2] not in OWN_POLICY_ROOTS:
        return []
    found: list[Resolved] = []
    for release, held in _released_people(predicate, lex):
        if any(not release.left_edge.i <= t.token_i <= release.right_edge.i for t in targets):
            return []
        # the parser may hang the participle on the release noun itself
        for participle in (*held.children, *release.children):
            lemma = participle.lemma_.lower()
            if participle.dep_ != "acl" or participle.tag_ != "VBN" or (
                    lemma not in lex.captor_participles):
                continue
            holding = replace(predicate, token=participle, embedded=None,
                              slot_tokens=(participle,))
            holders = fill(holding, ("agent",), memory, lookup, lex, subject=True)
            if not holders and lemma in lex.state_detention_participles:
                holders = _detaining_state(participle, memory, lookup, lex)
            found += [h for h in holders if h not in found]
    return found


def _detaining_state(participle: Token, memory: DocActors, lookup: ActorLookup,
                     lex: Lexicon) -> list[Resolved]:
    """The state a detention is made in: the first 'in' of the participle's phrase that
    names a state ("detained without trial in the UK")."""
    for prep in participle.subtree:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            states = [r for p in prep.children if p.dep_ == "pobj"
                      for r in actors_for(p, memory, lookup, lex)
                      if r.actor is not None and r.actor.code == r.actor.country]
            if states:
                return states
    return []


def _released_people(predicate: Predicate, lex: Lexicon) -> Iterator[tuple[Token, Token]]:
    """The release nouns an appeal or demand asks for (its embedded noun, its object or the
    object of its 'for') with each person or group in their of-phrase."""
    token = predicate.token
    nouns = [predicate.embedded] if predicate.embedded is not None else []
    nouns += [c for c in token.children if c.dep_ in {"dobj", "obj"}]
    nouns += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "for"
              for p in prep.children if p.dep_ == "pobj"]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.release_nouns:
            continue
        for held in (p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for p in prep.children if p.dep_ == "pobj"):
            yield noun, held
            yield from ((noun, other) for other in held.conjuncts)


ARMED_ROOTS = frozenset({"18", "19"})  # CAMEO: assault, fight


def _one_person(head: Token) -> bool:
    """'killed a dissident inside the kingdom's consulate in Istanbul': one of a role, who
    is as often a stranger where the deed is done as one of its own (a singular noun
    counted as one: :func:`actor_words.one_person`)."""
    return head.tag_ == "NN" and one_person(head)


def _armed_role_placed(predicate: Predicate, side: Resolved, memory: DocActors,
                       lookup: ActorLookup, lex: Lexicon, places: PlaceLookup) -> Resolved:
    """'Russia and Syrian troops mounted an offensive against the opposition in Idlib
    province', 'launched missile strikes against government targets' in a sentence whose
    places are Syria's: a bare role with no country that armed force is aimed at is that
    of the one country the places of the sentence are in, names after a preposition of
    place only (:func:`_sentence_country`); the force's own state included, whose rebels
    force at home is aimed at."""
    actor, head = side.actor, phrase_head(predicate.token.doc[side.token_i])
    if (predicate.code[:2] not in ARMED_ROOTS or actor is None or actor.country is not None
            or actor.code not in PLACED_ROLES or _one_person(head)):
        return side
    country = _sentence_country(predicate, head, memory, lookup, lex, places, sides_out=True,
                                origins_out=True)
    if country is None:
        return side
    placed = Actor(join_code(country, actor.code), country, name=actor.name,
                   rule=f"{actor.rule}+sentence-placed")
    return replace(side, actor=placed)


MEMBERSHIP_PREPS = frozenset({"of", "to", "with", "in"})  # "a member of", "links to"
MEMBERSHIP_MODIFIERS = frozenset({"compound", "poss", "nmod"})  # "an Isis fighter"


def _suspected_members(predicate: Predicate, targets: list[Resolved], memory: DocActors,
                       lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """'detained on suspicion of being a member of Islamic State', 'arrested over links to
    the PKK': private people (or no one known) held on suspicion of belonging to a named
    armed or political group are held as the group's; the target is the group
    (`membership_words`, `suspicion_preps`). Anyone else held stays the target."""
    if predicate.code[:2] != COERCE_ROOT or any(
            t.actor is not None and not t.private and t.actor.code not in PEOPLE_SECTORS
            and not t.actor.code.endswith(tuple(PEOPLE_SECTORS)) for t in targets):
        return targets
    grounds = (prep for prep in predicate.token.children
               if prep.dep_ == "prep" and prep.lower_ in lex.suspicion_preps)
    for word in (w for prep in grounds for w in prep.subtree
                 if w.lemma_.lower() in lex.membership_words):
        group = next((r for name in _membership_names(word)
                      for r in actors_for(name, memory, lookup, lex)
                      if r.actor is not None and is_group(r.actor)), None)
        if group is not None:
            return [group]
    return targets


def _membership_names(word: Token) -> Iterator[Token]:
    """The names a word of belonging ties to: 'a member *of* Isis', 'links *to* the PKK',
    'an *Isis* fighter'."""
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ in MEMBERSHIP_PREPS:
            yield from (p for p in child.children if p.dep_ == "pobj")
        elif child.dep_ in MEMBERSHIP_MODIFIERS:
            yield child


def _not_sources(targets: list[Resolved], sources: list[Resolved]) -> list[Resolved]:
    """'The shelling of the town by Russian and Syrian jets': a mention read as a source is
    no target of the same deed (the parser may hang the by-phrase on the of-object, so the
    object's slot reaches the agents too); the sides named together each do the deed."""
    taken = {s.token_i for s in sources}
    return [t for t in targets if t.token_i not in taken]


def _people_placed(side: Resolved, doc: Doc, lex: Lexicon, places: PlaceLookup) -> Resolved:
    """'Turkey's attack on the Kurdish enclave of Afrin': a people read in one of its homes
    whose own phrase is a place the gazetteer puts in another of its homes is read there."""
    actor, head = side.actor, phrase_head(doc[side.token_i])
    country = place_country(head, places, lex)
    if actor is None or actor.code == country:  # a people no sign placed: the place's
        moved = people_at(head, country, lex)
    else:
        moved = rehomed(actor, country, lex)
    return replace(side, actor=moved) if moved is not None else side


# bare roles a place in their own phrase puts in its state; not radicals, who are as
# often foreign fighters ("extremists in Deir ez-Zor"), nor private people (placed_victim)
PLACED_ROLES = frozenset({"REB", "OPP", "MIL", "GOV", "COP", "INS", "SEP"})
ROLE_PLACE_PREPS = frozenset({"in", "inside", "within", "across", "throughout"})


def _role_placed(side: Resolved, doc: Doc, memory: DocActors, lookup: ActorLookup,
                 lex: Lexicon, places: PlaceLookup) -> Resolved:
    """'an offensive against rebel positions in eastern Ghouta', 'the training of an army
    in Syria': a bare role with no country whose own phrase names a place after 'in' is
    that place's state's role (SYRREB, SYRMIL); names the actor dictionaries know were
    read already ("rebels in Darfur"), here the gazetteer's places are."""
    actor = side.actor
    if actor is None or actor.country is not None or actor.code not in PLACED_ROLES:
        return side
    head = phrase_head(doc[side.token_i])
    country = next((found for place in _own_phrase_places(head)
                    if (found := _place_country(place, memory, lookup, lex, places))), None)
    if country is None:
        return side
    placed = Actor(join_code(country, actor.code), country, name=actor.name,
                   rule=f"{actor.rule}+placed")
    return replace(side, actor=placed)


def _own_phrase_places(head: Token) -> Iterator[Token]:
    """The objects of the place prepositions on ``head``, on the noun it modifies ("rebel
    positions in Ghouta") and on its of-object ("the training of an army in Syria"), and
    the place a wrapper there names ("the enclave of eastern Ghouta")."""
    nouns = [head, head.head] if head.dep_ in {"compound", "amod"} else [head]
    nouns += [g for of in head.children if of.dep_ == "prep" and of.lower_ == "of"
              for g in of.children if g.dep_ == "pobj"]
    for noun in nouns:
        for prep in (c for c in noun.children
                     if c.dep_ == "prep" and c.lower_ in ROLE_PLACE_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                yield from _proper_place(pobj)
                yield from (p for of in pobj.children if of.dep_ == "prep" and of.lower_ == "of"
                            for g in of.children if g.dep_ == "pobj" for p in _proper_place(g))


def _proper_place(token: Token) -> Iterator[Token]:
    """``token`` when it is a proper name or the wrapper of one ("Aleppo province"); not a
    common noun ("in the east of the country")."""
    if token.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                    for c in token.children):
        yield token


def rehomed(actor: Actor, country: str | None, lex: Lexicon) -> Actor | None:
    """A people's actor (one named by the people's id, "kurds") read in another of its
    homes, ``country``; None for any other actor, or when that is no home of the people
    or already the actor's."""
    if country is None or country == actor.country or actor.country is None:
        return None
    homes = {home.country: home for found in lex.peoples.values() for home in found
             if home.people == actor.name}
    old, new = homes.get(actor.country), homes.get(country)
    if old is None or new is None:
        return None
    role = actor.code[len(actor.country):] if actor.code.startswith(actor.country) else ""
    code = (new.code or country) if actor.code == old.code else join_code(country, role)
    return Actor(code, country, name=actor.name, rule=f"{actor.rule}+placed")


def _air_backers(predicate: Predicate, sources: list[Resolved], memory: DocActors,
                 lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """'Kurdish fighters, backed by US air strikes, drove the militants out': force by a side
    that air power or guns back (a participle of backing with that agent) is the backer's
    force too. Not a backer of any other kind ("rebels backed by Turkey attacked" is no
    Turkish attack)."""
    if predicate.code[:2] not in lex.violent_roots:
        return []
    doc = predicate.token.doc
    backers = [agent for side in sources for clause in doc[side.token_i].children
               if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.lower_ in lex.proxy_words
               for by in clause.children if by.dep_ == "agent"
               for agent in by.children if agent.dep_ == "pobj" and _air_power(agent, lex)]
    found = [side for agent in backers for side in actors_for(agent, memory, lookup, lex)]
    return [side for side in found if side.country is not None
            and not any(same_actor(side, s) for s in sources)]


def _air_power(noun: Token, lex: Lexicon) -> bool:
    """'US air strikes', 'Russian warplanes', 'coalition air support', 'Turkish artillery'."""
    return noun.lemma_.lower() in lex.air_power_words or noun.lower_ in lex.air_power_words or any(
        c.dep_ in {"compound", "amod"} and c.lower_ in lex.air_power_words for c in noun.children)


def _sovereign_owner(predicate: Predicate, sources: list[Resolved], targets: list[Resolved],
                     memory: DocActors, lex: Lexicon) -> list[Resolved]:
    """'Israel said it downed an Iranian drone that penetrated its airspace': the airspace,
    border or waters a side crosses or violates is another's (`sovereign_places`); a
    possessive pronoun on them that points back to the side itself stands for the state
    named last before it in its sentence. Nothing when no other state is named there."""
    obj = direct_object(predicate.token, lex)
    if predicate.code[:2] not in lex.violent_roots or obj is None or (
            obj.lemma_.lower() not in lex.sovereign_places):
        return []
    owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    own = {s.country for s in sources if s.country}
    if owner is None or not own or not any(
            t.token_i == owner.i and t.country in own for t in targets):
        return []
    for start, actor, _, _ in reversed(memory.history):
        if owner.sent.start <= start < owner.i and actor is not None and (
                actor.country is not None and actor.country not in own and not is_group(actor)):
            state = Actor(actor.country, actor.country, rule="anaphor:sovereign")
            return [Resolved(state, owner.text, owner.i)]
    return []


def _aim_targets(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                 lex: Lexicon) -> list[Resolved]:
    """'fought alongside the SDF to oust Isis', 'bombed the camps in order to destroy the
    militia', 'shelled the town in an effort to dislodge the rebels': force done to oust,
    defeat or drive out someone is aimed at them, the object of its to-clause of aim
    (`enemy_aim_verbs`), or the one a place is taken from ("fought to liberate Raqqa from
    Isis"; `freeing_aim_verbs`). Only a clause of aim, which codes nothing itself: a
    to-clause coded as its own deed ("sent troops to oust the militia") is its own event."""
    if predicate.code[:2] not in lex.violent_roots:
        return []
    for clause in _aim_clauses(predicate.token, lex):
        verb = _with_particle(clause)
        slots = ("dobj",) if {verb, _with_from(clause)} & lex.enemy_aim_verbs else (
            ("from",) if verb in lex.freeing_aim_verbs else ())
        aim = replace(predicate, token=clause, words=(clause,), slot_tokens=(clause,),
                      embedded=None)
        found = fill(aim, slots, memory, lookup, lex, subject=False)
        if found:
            return found
    return []


def _aim_clauses(token: Token, lex: Lexicon) -> Iterator[Token]:
    """The to-clauses of aim on a deed: one the deed codes as its aim ("fought to oust
    Isis"; :func:`~dyadwatch.coding.mood.purpose`) and one on a noun of effort in a phrase
    on it ("in an effort to drive out the militia", "in order to oust")."""
    for child in token.children:
        if child.dep_ == "advcl" and purpose(child, AIM_CHECK_CODE, lex):
            yield child
        elif child.dep_ == "prep" and child.lower_ == "in":
            yield from (clause for noun in child.children
                        if noun.dep_ == "pobj" and noun.lemma_.lower() in lex.aim_nouns
                        for clause in noun.children if clause.dep_ == "acl"
                        and clause.tag_ == "VB" and to_clause(clause))


# the code a clause of aim is checked under: the force its verbs name
AIM_CHECK_CODE = "190"



def _with_particle(verb: Token) -> str:
    """'drive out', 'wipe out' (also 'drive Isis out of Raqqa', whose 'out' the parser
    reads as a preposition), or the bare lemma."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "prep" and c.lower_ == "out")), None)
    return f"{lemma} {particle}" if particle else lemma


def _with_from(verb: Token) -> str:
    """'drive Isis from parts of Syria': the lemma with the from-phrase that makes a verb of
    removal ('drive from'), or the bare lemma."""
    lemma = verb.lemma_.lower()
    has_from = any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    return f"{lemma} from" if has_from else lemma


def _stateless_private(side: Resolved, lex: Lexicon) -> bool:
    return side.actor is not None and side.actor.country is None and private_sector(
        side.actor, lex)


# nouns of an armed deed that a later definite mention names again ("the assault")
DEED_NOUNS = frozenset({"offensive", "assault", "attack", "incursion", "operation",
                        "campaign", "invasion", "onslaught", "bombardment"})
DEED_PREPS = ("against", "on", "into")


def _earlier_deed_target(predicate: Predicate, sources: list[Resolved], memory: DocActors,
                         lookup: ActorLookup, lex: Lexicon,
                         places: PlaceLookup | None) -> list[Resolved]:
    """'Turkey's offensive against a Kurdish enclave ... Turkey launched the assault on
    Saturday': a definite armed deed with no target names again the latest deed of the same
    source told before it in the article with a target, and is aimed where that one was
    (an article most often tells one campaign of a state, and names it again further down:
    "Turkey's offensive", "the Turkish invasion", "conduct the operation")."""
    noun = _deed_noun(predicate, lex)
    if noun is None:
        return []
    countries = {s.country for s in sources if s.country}
    doc = noun.doc
    for earlier in reversed(doc[: noun.i]):
        if earlier.lemma_.lower() not in DEED_NOUNS or not countries & _deed_authors(
                earlier, memory, lookup, lex):
            continue
        again = replace(predicate, token=earlier, words=(earlier,), slot_tokens=(earlier,),
                        embedded=None)
        found = fill(again, DEED_PREPS, memory, lookup, lex, subject=False) or (
            toward_targets(again, memory, lookup, lex, places))
        if found:
            return found
    return []


def _condemned_deed_doer(predicate: Predicate, sources: list[Resolved], memory: DocActors,
                         lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """'Borduria fired a rocket on Sunday ... Syldavia condemned the launch': a criticism
    of a definite deed ("the launch", "the test"; `condemned_deeds`) with no doer of its own
    is aimed at whoever did that deed, named with the same word earlier in its sentence or
    in the two before ("launched", "Borduria's test"); never the critic itself."""
    if predicate.code[:2] != DISAPPROVAL_ROOT:
        return []
    noun = direct_object(predicate.token, lex)
    if noun is None or noun.lemma_.lower() not in lex.condemned_deeds or not any(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
        return []
    critics = {s.country for s in sources if s.country}
    for earlier in _earlier_words(noun, noun.lemma_.lower()):
        slots = ("nsubj", "agent") if earlier.pos_ == "VERB" else ("poss", "compound", "amod")
        again = replace(predicate, token=earlier, words=(earlier,), slot_tokens=(earlier,),
                        embedded=None)
        found = [r for r in fill(again, slots, memory, lookup, lex, subject=True)
                 if r.actor is not None and r.country not in critics]
        if found:
            return found
    return []


DENIAL_CODE = "016"  # CAMEO: deny responsibility, reject an accusation


def _claimants(predicate: Predicate, sources: list[Resolved], memory: DocActors,
               lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """'Arnor accused Gondor of shelling the town, a charge Gondor denied', 'Arnor blamed
    Gondor for the blast, but Gondor rejected the accusation': a denial of a charge that
    names again what a side charged in the same sentence (`restated_claims`,
    `claiming_verbs`) answers that side. Only a charge set off beside the clause, the
    denial its participle or relative clause, or a definite one in a clause coordinated
    with it: in "Arnor said Gondor had denied the accusation" it is not Arnor's."""
    if predicate.code != DENIAL_CODE:
        return []
    deniers = {s.country for s in sources if s.country}
    for noun in (w for w in predicate.words if w.lemma_.lower() in lex.restated_claims):
        verb = _claiming_verb(noun, predicate.token, lex)
        if verb is None:
            continue
        again = replace(predicate, token=verb, words=(verb,), slot_tokens=(verb,),
                        embedded=None)
        found = [r for r in fill(again, ("nsubj",), memory, lookup, lex, subject=True)
                 if r.actor is not None and r.country not in deniers]
        if found:
            return found
    return []


def _claiming_verb(noun: Token, denial: Token, lex: Lexicon) -> Token | None:
    """The verb of saying whose charge ``noun`` names again: the nearest one above a
    charge set off beside it ("…, a charge Gondor denied"), or the verb that a denial of
    a definite charge is coordinated with ("blamed …, but Gondor rejected the
    accusation")."""
    if _set_off(noun) and denial.head.i == noun.i and denial.dep_ in {"acl", "relcl"}:
        return next((a for a in noun.ancestors if a.pos_ == "VERB"
                     and a.lemma_.lower() in lex.claiming_verbs), None)
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                   for c in noun.children)
    if definite and denial.dep_ == "conj" and denial.head.i < noun.i and (
            denial.head.lemma_.lower() in lex.claiming_verbs):
        return denial.head
    return None


SET_OFF_MARKS = frozenset({",", "–", "—", "-", "--", ";"})


def _set_off(noun: Token) -> bool:
    """A phrase set beside its clause by a comma or a dash ("…, a charge refuted by X"),
    whatever the parser hangs it on (an appositive, an adverbial noun, a second object)."""
    start = noun.left_edge.i
    return start > 0 and noun.doc[start - 1].text in SET_OFF_MARKS


def _earlier_words(noun: Token, lemma: str) -> Iterator[Token]:
    """The words of ``lemma`` before ``noun`` in its sentence and the two before it, the
    nearest first; not a word that only modifies a noun ("a launch pad")."""
    doc = noun.doc
    for earlier in reversed(doc[: noun.i]):
        if earlier.lemma_.lower() == lemma and earlier.dep_ != "compound":
            yield earlier




def _garrison_left(predicate: Predicate, sources: list[Resolved], memory: DocActors,
                  lookup: ActorLookup, lex: Lexicon, places: PlaceLookup | None,
                  ) -> list[Resolved]:
    """'ordered the withdrawal of US troops in Syria', 'to withdraw the troops stationed in
    Iraq', 'the US drawdown in Syria': a withdrawal that names no other side (its forces
    are the source's own) is from the foreign country where the source's forces are kept
    (`garrison_nouns`, `stationing_participles`). Never the source's own country: rebels
    who surrender in their own province leave no state."""
    if predicate.code not in lex.withdrawal_codes:
        return []
    homes = {s.country for s in sources}
    if None in homes:
        return []
    for place in _garrison_places(predicate, lex):
        country = _place_country(place, memory, lookup, lex, places)
        if country is not None and country not in homes:
            return [Resolved(Actor(country, country, rule=PLACE_RULE), place.text, place.i)]
    return []


def _garrison_places(predicate: Predicate, lex: Lexicon) -> Iterator[Token]:
    """Where the forces a withdrawal takes away are: the 'in' phrase of the withdrawal noun
    itself ("the drawdown in Syria"), of the forces it names as its subject, object or
    of-phrase ("US troops in Syria"), or of a participle placing them ("stationed in")."""
    words = [predicate.token, *predicate.words]
    if predicate.embedded is not None:
        words.append(predicate.embedded)
    forces: list[Token] = []
    for word in words:
        if word.pos_ == "NOUN":
            yield from _location_objects(word)
        for child in word.children:
            named = [child] if child.dep_ in {"dobj", "obj", "nsubj", "nsubjpass"} else [
                p for p in child.children if p.dep_ == "pobj"] if (
                child.dep_ == "prep" and child.lower_ == "of") else []
            garrison = [n for n in named if n.lemma_.lower() in lex.garrison_nouns]
            if garrison and child.dep_ in {"dobj", "obj"}:
                yield from _location_objects(word)  # "withdraw its troops in Syria"
            forces += garrison
    for force in forces:
        yield from _location_objects(force)
        for participle in (c for c in force.children
                           if c.dep_ == "acl" and c.lower_ in lex.stationing_participles):
            yield from _location_objects(participle)


def _foreign_sides(targets: list[Resolved], sources: list[Resolved]) -> bool:
    """Whether a target is an actor of another country than every source's."""
    homes = {s.country for s in sources}
    return any(t.actor is not None and t.country not in homes for t in targets)


def _location_objects(anchor: Token) -> Iterator[Token]:
    """The objects of 'in' or 'inside' on ``anchor`` and the owner of such a region ("in
    Syria's north-east")."""
    for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in {"in", "inside"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            yield from (c for c in pobj.children if c.dep_ in {"poss", "compound"})
            yield pobj


def _relative_deed_target(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                          lex: Lexicon) -> list[Resolved]:
    """'a Turkish assault that last month drove the Kurds from Afrin': an armed deed with no
    target is aimed at the object of the relative clause that tells what it did."""
    token = predicate.token
    if token.pos_ != "NOUN" or predicate.code[:2] not in lex.violent_roots or (
            token.lemma_.lower() not in DEED_NOUNS):
        return []
    for clause in (c for c in token.children if c.dep_ == "relcl" and not passive(c)):
        if any(c.dep_ in SUBJECT_DEPS and c.lower_ in lex.relative_pronouns
               for c in clause.children):
            return fill(replace(predicate, token=clause, embedded=None), ("dobj",), memory,
                        lookup, lex, subject=False)
    return []


# nouns that count deeds: "a series of airstrikes", "a wave of attacks"
SERIES_NOUNS = frozenset({"series", "wave", "barrage", "string", "spate", "round", "volley",
                          "salvo", "flurry", "succession"})
# verbs that say what an armed deed did to those it struck
HARM_VERBS = frozenset({"kill", "wound", "injure", "maim", "hit", "destroy", "displace",
                        "uproot", "flatten", "damage"})


def _harmed_by_deed(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                    lex: Lexicon) -> list[Resolved]:
    """'Air strikes by Ruritanian jets killed 30 soldiers', 'thousands were uprooted by
    Ruritanian shelling', '30 civilians were killed in Ruritanian air strikes': an armed
    deed named by a noun with no target of its own is aimed at those its clause says it
    killed, wounded, hit or uprooted: the object of the verb it is the subject of, or the
    subject of the passive verb whose agent it is or in whose 'in' phrase it is."""
    token = predicate.token
    if token.pos_ != "NOUN" or predicate.code[:2] not in lex.violent_roots:
        return []
    noun = token
    while noun.dep_ == "conj":
        noun = noun.head  # "Russian and Syrian airstrikes and shelling"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
            noun.head.head.lemma_.lower() in SERIES_NOUNS):
        noun = noun.head.head  # "a series of airstrikes by Russian jets killed ..."
    clause = _telling_clause(noun, lex)
    if clause is not None and _harm_verb(clause):
        verb, slot = clause, "dobj"  # "air strikes that left 30 soldiers dead"
    elif noun.dep_ == "nsubj":
        verb, slot = noun.head, "dobj"
    elif noun.dep_ == "pobj" and noun.head.dep_ == "agent" or _passive_means(noun):
        verb, slot = noun.head.head, "nsubjpass"
    else:
        return []
    if not _harm_verb(verb):
        return []
    harmed = fill(replace(predicate, token=verb, words=(verb,), slot_tokens=(verb,),
                          embedded=None), (slot,), memory, lookup, lex, subject=False)
    # "killed 120 Isis fighters and 60 foreign mercenaries in Syria": those called foreign
    # are of no country the sentence names, and would be read in its place's; "Abu Sayyaf
    # was killed in a raid": one person killed who bears a group's name is no group
    return [r for r in harmed if not any(
        c.dep_ == "amod" and c.lower_ == "foreign" for c in token.doc[r.token_i].children)
        and not _person_named_as_group(token.doc[r.token_i], r)]


# states a deed leaves those it struck in: "an assault left two soldiers dead"
LEFT_STATES = frozenset({"dead", "wounded", "injured", "maimed", "hurt"})


def _harm_verb(verb: Token) -> bool:
    return verb.lemma_.lower() in HARM_VERBS or _left_harmed(verb)


def _left_harmed(verb: Token) -> bool:
    """'an assault left two soldiers dead': 'leave' with a state of harm as complement;
    not "left Peruvian forces in disarray"."""
    return verb.lemma_.lower() == "leave" and any(
        c.lower_ in LEFT_STATES and c.dep_ in {"oprd", "acomp", "advcl", "xcomp", "ccomp"}
        for c in verb.children)


def _telling_clause(noun: Token, lex: Lexicon) -> Token | None:
    """The active relative clause on a deed noun whose subject is the relative word:
    "air strikes that left 30 soldiers dead"."""
    return next((clause for clause in noun.children if clause.dep_ == "relcl"
                 and not passive(clause) and any(
                     c.dep_ in SUBJECT_DEPS and c.lower_ in lex.relative_pronouns
                     for c in clause.children)), None)


def _person_named_as_group(head: Token, side: Resolved) -> bool:
    return head.ent_type_ == "PERSON" and side.actor is not None and is_group(side.actor)


def _passive_means(noun: Token) -> bool:
    """'were killed in air strikes': a deed noun in the 'in' phrase of a passive verb."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in" and (
        passive(prep.head))


DEFENCE_PREPS = frozenset({"from", "against"})


def _defended_target(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                     lex: Lexicon, places: PlaceLookup | None) -> list[Resolved]:
    """'Kurdish fighters left to defend Afrin against the Turkish assault', 'she died
    defending the town from a Turkish invasion', 'Kurdish forces fending off Ankara's
    offensive': an armed deed noun with no target is aimed at what a defence shields from
    it (the object of a verb of `shielding_verbs` whose from- or against-phrase it is, a
    place read as its holder or state, else that verb's subject), or at the armed side who
    wards it off (the subject of a verb of `warding_verbs` whose object it is, or of a
    fight against it: "militias fighting against an incursion by the Turkish military")."""
    token = predicate.token
    if token.pos_ != "NOUN" or predicate.code[:2] not in lex.violent_roots:
        return []
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in DEFENCE_PREPS and head.head.pos_ == "VERB":
        verb = head.head
        if verb.lemma_.lower() in lex.shielding_verbs:
            shielded = "nsubj" if direct_object(verb, lex) is None else (
                "nsubjpass" if passive(verb) else "dobj")
            return _defenders(predicate, verb, memory, lookup, lex, (shielded,)) or (
                _shielded_place(predicate, verb, memory, lookup, lex, places))
        if head.lower_ == "against" and verb.lemma_.lower() in lex.fighting_verbs:
            return _armed_sides(_defenders(predicate, verb, memory, lookup, lex, ("nsubj",)))
    if token.dep_ in {"dobj", "obj"} and _with_particle(head) in lex.warding_verbs:
        return _armed_sides(_defenders(predicate, head, memory, lookup, lex, ("nsubj",)))
    return []


def _defenders(predicate: Predicate, verb: Token, memory: DocActors, lookup: ActorLookup,
               lex: Lexicon, slots: tuple[str, ...]) -> list[Resolved]:
    """The known actors in the first of ``slots`` of the verb of a defence, read as its doer
    (a subject) or as what it shields (an object)."""
    at_verb = replace(predicate, token=verb, words=(verb,), slot_tokens=(verb,), embedded=None)
    found = fill(at_verb, slots, memory, lookup, lex, subject=slots == ("nsubj",))
    return [r for r in found if r.actor is not None]


def _shielded_place(predicate: Predicate, verb: Token, memory: DocActors,
                    lookup: ActorLookup, lex: Lexicon,
                    places: PlaceLookup | None) -> list[Resolved]:
    """'defend Afrin against the Turkish assault': a place shielded from force is where the
    force is aimed, at the side that holds it or the state it is in."""
    place = direct_object(verb, lex)
    if place is None or place.ent_type_ not in PLACE_ENTITIES:
        return []
    return _place_side(predicate, place, memory, lookup, lex, places)


def _armed_sides(sides: list[Resolved]) -> list[Resolved]:
    """Only armed sides or states ward off an armed deed: 'Labour resisted the attack' is
    no fight."""
    return [s for s in sides if s.actor is not None and (
        _armed(s.actor.code, s.country) or s.actor.code == s.country)]


def _deed_noun(predicate: Predicate, lex: Lexicon) -> Token | None:
    """The noun of an armed deed a predicate names, when it is definite and has no phrase of
    a target: "the assault", "Turkey's offensive", "launched the operation"."""
    if predicate.code[:2] not in lex.violent_roots:
        return None
    token = predicate.token
    noun = token if token.pos_ == "NOUN" else direct_object(token, lex)
    if noun is None or noun.lemma_.lower() not in DEED_NOUNS or any(
            c.dep_ == "prep" and c.lower_ in DEED_PREPS and any(
                p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"} for p in c.children)
            for c in noun.children):
        return None  # "the assault on Saturday" names a day, not a target
    definite = any((c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or c.dep_ == "poss"
                   for c in noun.children)
    return noun if definite else None


def _deed_authors(noun: Token, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> set[str]:
    """The countries that do a deed noun: its possessor or national modifier, else the
    subject of the verb it is the object of ("Turkey launched an offensive against ...")."""
    heads = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}]
    if noun.dep_ in {"dobj", "obj"}:
        heads += [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]
    return {r.country for h in heads for r in actors_for(h, memory, lookup, lex) if r.country}


# event nouns of a protest: who clamps down on one coerces the protesters
PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "uprising", "dissent",
                           "sit-in", "riot", "unrest"})
PROTEST_PREPS = ("dobj", "on", "against")
COERCE_ROOT = "17"  # CAMEO roots the rules below single out
CONSULT_ROOT = "04"


def _protesters(predicate: Predicate, sources: list[Resolved], memory: DocActors,
                lookup: ActorLookup, lex: Lexicon,
                places: PlaceLookup | None) -> list[Resolved]:
    """'Assad clamped down on the protests', 'police broke up a rally in Minsk': coercion
    of a protest is aimed at the protesters, civilians of the country a national modifier
    or a place on the protest names, else of the source's own state (one coerces at home:
    :func:`_home_country`)."""
    if predicate.code[:2] != COERCE_ROOT:
        return []
    for slot in PROTEST_PREPS:
        for noun in _slot_heads(predicate, slot, False, lex):
            if noun.lemma_.lower() not in PROTEST_NOUNS:
                continue
            country = _protest_country(noun, memory, lookup, lex, places) or next(
                (home for s in sources if (home := _home_country(s, predicate.code))), None)
            if country is not None:
                actor = Actor(join_code(country, "CVL"), country, name=noun.text,
                              rule="protesters-placed")
                return [Resolved(actor, noun.text, noun.i)]
    return []


def _protest_country(noun: Token, memory: DocActors, lookup: ActorLookup, lex: Lexicon,
                     places: PlaceLookup | None) -> str | None:
    """The country of a protest: 'Iranian protests', 'the protests in Deraa'."""
    for word in (c for c in noun.children if c.dep_ in {"amod", "compound"}):
        country = lookup.country_of_demonym(word.text)
        if country is not None:
            return country
    return next((country for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "in"
                 for place in prep.children if place.dep_ == "pobj"
                 if (country := _place_country(place, memory, lookup, lex, places))), None)


# verbs whose subject is the one a complaint or protest in their object is made to
RECEIVING_VERBS = frozenset({"deflect", "dismiss", "reject", "rebuff", "ignore", "answer",
                             "address", "face", "receive", "shrug", "brush", "counter"})
RECEIVED_ROOTS = frozenset({"11", "14"})


def _receiver(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
              lex: Lexicon) -> list[Resolved]:
    """'The US deflected Ankara's vehement complaints', 'Britain dismissed Russian
    complaints': a complaint or protest with no one named it is made to is made to the
    one who deflects, dismisses, ignores or faces it."""
    token = predicate.token
    verb = token.head
    if token.pos_ != "NOUN" or predicate.code[:2] not in RECEIVED_ROOTS or token.dep_ not in {
            "dobj", "obj"} or verb.lemma_.lower() not in RECEIVING_VERBS:
        return []
    return fill(replace(predicate, token=verb, embedded=None), ("nsubj",), memory, lookup, lex,
                subject=True)


def _loser(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
           lex: Lexicon) -> list[Resolved]:
    """'Isis lost Mosul to an offensive by the Iraqi army': an armed deed someone loses a
    place or ground to is aimed at the one who loses it."""
    token = predicate.token
    prep = token.head
    if token.pos_ != "NOUN" or predicate.code[:2] not in lex.violent_roots or (
            token.dep_ != "pobj") or prep.lower_ != "to" or prep.head.lemma_.lower() != "lose":
        return []
    return fill(replace(predicate, token=prep.head, embedded=None), ("nsubj",), memory, lookup,
                lex, subject=True)


def _between(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
             lex: Lexicon) -> list[Resolved]:
    """'talks between Iran and the US resumed', 'fighting between the army and the rebels':
    an event noun with no author of its own is done by the sides it is between, each to
    the other (:func:`mutual_among_sources`)."""
    token = predicate.token
    if token.pos_ != "NOUN" and not (token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS):
        return []
    if token.lemma_.lower() in lex.standing_nouns:
        return []  # "a troubled partnership between Washington and the SDF" is no deed
    sides = fill(predicate, ("between",), memory, lookup, lex, subject=False)
    # two sides only: "clashes between Iran, Israel, Syria and Turkey" does not say who
    # fought whom; but "a summit between Russia, Iran and Turkey" is each meeting each
    many = predicate.code[:2] == CONSULT_ROOT and len({side.code for side in sides}) > 2 and (
        _plain_list(token, sides))
    return sides if many or len({side.code for side in sides}) == 2 else []


def _plain_list(token: Token, sides: list[Resolved]) -> bool:
    """The sides follow the noun's 'between' with no verb in the way ("talks between Boko
    Haram and the government brokered by the Swiss government" lists two sides, not three)."""
    last = max(side.token_i for side in sides)
    return not any(t.pos_ in {"VERB", "AUX"} for t in token.doc[token.i : last])



NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})
ARMED_SECTORS = frozenset({"MIL", "REB", "IMG", "SPY"})


def _speaker_side(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> list[Resolved]:
    """'A spokesman for the SDF said clashes continued with Isis fighters': fighting with
    no author of its own, reported by an armed side with whom it names, is that side's."""
    token = _campaign_noun(predicate.token, lex) or predicate.token
    if token.pos_ != "NOUN" or predicate.code[:2] not in lex.violent_roots:
        return []
    clause = token.head
    while clause.dep_ in {"conj", "advcl", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    report = _report_of(clause, lex)
    if report is None:
        return []
    speakers = fill(replace(predicate, token=report, embedded=None), ("nsubj",), memory,
                    lookup, lex, subject=True)
    return [s for s in speakers if s.actor is not None and _armed(s.actor.code, s.actor.country)]


def _campaign_noun(token: Token, lex: Lexicon) -> Token | None:
    """'The battle to recapture the town is nearly over': the noun of an armed campaign
    whose to-clause ``token`` is, and whose deed that clause names; None for any other
    token."""
    noun = token.head
    if token.pos_ == "VERB" and token.dep_ == "acl" and noun.pos_ == "NOUN" and (
            noun.lemma_.lower() in lex.campaign_nouns) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return noun
    return None


def _report_of(clause: Token, lex: Lexicon) -> Token | None:
    """The verb that reports ``clause``: the one it is the complement of, or one the parser
    sets beside it ("the fighting is nearly over, commanders said")."""
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.reporting_verbs:
        return clause.head
    return next((c for c in clause.children if c.dep_ == "parataxis"
                 and c.lemma_.lower() in lex.reporting_verbs), None)


def _clause_side(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                 lex: Lexicon) -> list[Resolved]:
    """'Germany withdrew its forces amid a fierce row with Erdogan', 'Turkish troops pulled
    back after clashes with Kurdish fighters': a mutual event noun with a 'with' partner,
    in a phrase on a clause, has the clause's subject as its other side; 'X tested missiles
    in defiance of UN sanctions': the clause's doer defies them."""
    token = predicate.token
    defiant = token.lemma_.lower() in DEFIANCE_NOUNS and token.head.lower_ == "in"
    if not ((defiant or partnered(token, lex, predicate.code in lex.reciprocal_codes))
            and token.dep_ == "pobj" and token.head.dep_ == "prep"):
        return []
    verb = token.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    return fill(replace(predicate, token=verb, embedded=None),
                ("nsubj", "agent") if defiant else ("nsubj", "nsubjpass"), memory, lookup, lex,
                subject=True)


# places and states of custody: who is freed from one is freed by whoever holds it
CUSTODY_NOUNS = frozenset({"camp", "prison", "jail", "gaol", "custody", "detention",
                           "captivity"})


def _armed(code: str, country: str | None) -> bool:
    """A military, rebel or armed non-state actor ("SYRREB", "USAMIL", "IMGMUSISI")."""
    sector = code[len(country):] if country and code.startswith(country) else code
    return sector[:3] in ARMED_SECTORS


def _between_sides(predicate: Predicate) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "between" for c in predicate.token.children)


def usable_targets(predicate: Predicate, source: Resolved, targets: list[Resolved],
                   lex: Lexicon) -> list[Resolved]:
    """The targets that are not the source itself, its own territory or its own means."""
    return [t for t in targets if not same_actor(source, t) and not self_reference(source, t)
            and not own_means(predicate, t, lex) and not _own_forces(predicate, source, t, lex)
            and not _own_ground(predicate, source, t, lex)
            and not _own_state_comment(predicate, source, t, lex)
            and not _own_national_thing(predicate, source, t, lex)]


STATE_ORGANS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP"})
OWN_POLICY_ROOTS = frozenset({"02", "10"})  # CAMEO: appeal, demand
HOLDER_PREPS = frozenset({"of", "from", "in", "for", "at"})  # "the mayor of Nablus"


def placed_by_source(predicate: Predicate, source: Resolved, target: Resolved,
                     lex: Lexicon) -> Resolved:
    """'The UK's top judge clashed with ministers', 'Mugabe met the army commander', 'the
    Tories accused ministers': in a verbal or cooperative event a state organ named by a
    bare role noun is of the source's state, also when the source is a party, or a group
    tied to one country that yields something (not a titled
    person, not a role with a phrase of its own: "the mayor of Nablus",
    and not in force, whose other side is more often foreign: "troops killed police")."""
    actor = target.actor
    head = predicate.token.doc[target.token_i]
    # the role of a held thing is its possessor's: "the Home Secretary's plans for control
    # orders" is no role with a phrase of its own
    owner = next((c for c in head.children if c.dep_ == "poss"), head)
    if (actor is None or actor.country is not None or actor.code not in STATE_ORGANS
            or actor.rule != "modifier:role" or any(
                c.dep_ == "prep" and c.lower_ in HOLDER_PREPS for c in owner.children)
            or source.country is None or source.actor is None
            or (is_group(source.actor) and not party_sector(source.actor)
                and not (predicate.code[:2] == "08" and _home_group(source.actor)))
            or predicate.code[:2] in lex.violent_roots or predicate.code[:2] >= "13"
            or source.code == f"{source.country}{actor.code}"):
        return target  # the source's own organ stays as named ("the president sacked ministers")
    placed = Actor(f"{source.country}{actor.code}", source.country, name=actor.name,
                   rule=f"source-placed+{actor.rule}")
    return replace(target, actor=placed)


PEOPLE_SECTORS = frozenset({"PPL", "CVL", "EDU", "HLH"})
HOME_SECTORS = frozenset({"COP", "JUD", "REB", "OPP"})  # organs and groups that act at home


def placed_victim(predicate: Predicate, source: Resolved, target: Resolved,
                  memory: DocActors, place: str | None, lex: Lexicon,
                  lookup: ActorLookup | None = None,
                  places: PlaceLookup | None = None) -> Resolved:
    """'83 people were killed by the militants in Homs province', 'dozens of protesters
    were arrested by British police': private people whom a political actor aids, frees,
    holds or harms are civilians of the country where it happens (``place``, the event's
    location), else of the source's own country when the source is an organ or group
    that acts at home (police, courts, rebels, opposition; a government or army only in
    coercion, 17), else of the article's only country, else of the one country the places
    of their sentence are in ("encircled Afrin in northern Syria, besieging 200,000
    civilians"; :func:`_sentence_country`). One person is so placed only when abducted,
    assaulted or killed (18), or when a nationality names them ("a British journalist",
    "a Briton")."""
    head = predicate.token.doc[target.token_i]
    sector = _people_sector(target, head, lex)
    if sector is None or source.actor is None or predicate.code not in (
            lex.civilian_target_roots):
        return target
    own = _nationality(head, memory) or _person_demonym(head, lookup)
    if predicate.code[:2] != "18" and not (target.collective or head.tag_ in {"NNS", "NNPS"}) and (
            own is None):
        # one person arrested, held or shot is most often a suspect (an attacker, a member
        # of a group named elsewhere), no sure civilian; one abducted or killed is, and so
        # is one a nationality names ("the British journalist captured by Isis")
        return target
    home = _home_country(source, predicate.code)
    country = own or place or home or memory.sole_country or _victims_sentence_country(
        predicate, head, source, memory, lookup, lex, places)
    if country is None or (country == source.country and country not in {place, home, own}
                           and predicate.code[:2] != COERCE_ROOT):
        # "US troops killed three civilians" in an article about the US: not at home
        # unless placed there; arrests and detentions are
        return target
    name = target.actor.name if target.actor is not None else target.text
    actor = Actor(join_code(country, sector), country, name=name, rule="victim-placed")
    return replace(target, actor=actor, private=False)


def _victims_sentence_country(predicate: Predicate, head: Token, source: Resolved,
                              memory: DocActors, lookup: ActorLookup | None, lex: Lexicon,
                              places: PlaceLookup | None) -> str | None:
    """The one country other than the source's that the places of the victims' sentence
    are in; none for people someone's own ("safeguarding the lives of its people")."""
    if lookup is None or any(c.dep_ == "poss" for c in head.children):
        return None
    return _sentence_country(predicate, head, memory, lookup, lex, places, source.country,
                             sides_out=True)


def _nationality(head: Token, memory: DocActors) -> str | None:
    """The country of a national modifier on a person noun ("a British journalist", "two
    South Korean citizens"), from the document's demonyms."""
    demonyms = {start: country for start, entry_id, country in memory.named
                if not entry_id and country}
    return next((country for c in head.children if c.dep_ == "amod"
                 for start in (c.i, c.i - 1) if (country := demonyms.get(start))), None)


def _person_demonym(head: Token, lookup: ActorLookup | None) -> str | None:
    """The country of a demonym that names one person ("a Briton held by the Kurds",
    "another American detained in Iran"), who is its civilian."""
    if lookup is None or not one_person(head):
        return None
    return demonym_country(head, lookup)[0]


def _people_sector(target: Resolved, head: Token, lex: Lexicon) -> str | None:
    """The sector of private people with no country ("people", "a student", a private
    person, a person named or a 'he' the dictionaries do not know), as a target keeps it;
    None for anyone else."""
    if target.actor is None:
        person = head.ent_type_ == "PERSON" or head.lower_ in lex.person_pronouns
        return "CVL" if target.private or person else None
    return "CVL" if target.actor.code in PEOPLE_SECTORS and target.actor.country is None else (
        None)


def _home_country(source: Resolved, code: str) -> str | None:
    country = source.country
    if country is None or source.code is None or not source.code.startswith(country):
        return None
    sector = source.code[len(country):][:3]
    return country if sector in HOME_SECTORS or (
        sector in {"GOV", "MIL"} and code[:2] == COERCE_ROOT) else None


def _home_group(actor: Actor) -> bool:
    """An armed group tied to one country, which yields what it holds to its own state's
    organs ("Boko Haram handed the girls over to the authorities"); its adversaries in
    words are as often another state's ("Hamas condemned ministers")."""
    return actor.country is not None and actor.code.startswith(actor.country) and (
        actor.code[len(actor.country):][:3] == "REB")


def placed_partners(predicate: Predicate, sources: list[Resolved],
                    lex: Lexicon) -> list[Resolved]:
    """'Mugabe and the army commander met': a bare state organ coordinated with actors of
    one state is of that state, as it would be as their target (:func:`placed_by_source`)."""
    placed = [s for s in sources if s.country is not None]
    if len(sources) < 2 or len({s.country for s in placed}) != 1:
        return sources
    return [side if side.country is not None else placed_by_source(predicate, placed[0],
                                                                    side, lex)
            for side in sources]


def _own_state_comment(predicate: Predicate, source: Resolved, target: Resolved,
                       lex: Lexicon) -> bool:
    """'The secretary of state said the US presence would remain', 'Trump announced that
    US troops would leave Syria': a statement of a state or its organ about that state or
    its own armed forces is no comment on another actor (one to parliament is kept). So
    is an appeal or demand that the state itself or its forces act ('the president called
    for the US to stay out', 'his call for troops to return home'): its own policy, asked
    of no one else ('urged the prime minister to act' is kept)."""
    if (predicate.code[:2] not in lex.statement_roots
            and predicate.code[:2] not in OWN_POLICY_ROOTS) or target.country is None or (
            target.country != source.country):
        return False
    source_sector = sector_of(source.code or "", source.country)
    state_or_organ = source.code == source.country or source_sector[:3] in STATE_ORGANS
    return target.code == target.country or (
        state_or_organ and "MIL" in sector_of(target.code or "", target.country))


def _own_ground(predicate: Predicate, source: Resolved, target: Resolved,
                lex: Lexicon) -> bool:
    """'The administration plans to withdraw US troops from the country', the country read
    as the source's own: forces moved out of their own state, named by a description
    that points back to it, are aimed at no one (a town of their own state named is kept:
    "the army withdrew from the town of Vel" in a civil war)."""
    return predicate.code in lex.deployment_codes and target.actor is not None and (
        target.country is not None and target.country == source.country
        and target.actor.code == target.country and target.actor.rule.startswith("anaphor"))


def _own_forces(predicate: Predicate, source: Resolved, target: Resolved,
                lex: Lexicon) -> bool:
    """'threatened to send Turkish forces', 'agreed to keep US troops in Syria': the
    pattern's own object naming the source's own armed forces is its means (not in
    violence: "Kurdish militants attacked a Turkish army post")."""
    if target.actor is None or target.country is None or target.country != source.country or (
            "MIL" not in target.actor.code[3:]) or predicate.code[:2] in lex.violent_roots:
        return False
    head = predicate.token.doc[target.token_i]
    return any(t.i == head.i or (head.dep_ in {"dobj", "obj"} and head.head.i == t.i)
               for t in predicate.words)


def fill(predicate: Predicate, slots: tuple[str, ...], memory: DocActors,
         lookup: ActorLookup, lex: Lexicon, subject: bool) -> list[Resolved]:
    """The actors in the first slot that yields any."""
    for slot in slots:
        for head in _past_dateline(_slot_heads(predicate, slot, subject, lex), memory):
            if head.ent_type_ in AMOUNT_ENTITIES or _dummy_it(head) or _ally_phrase(head, lex):
                continue  # "fined him 30,000 Egyptian pounds": money is nobody
            if subject and slot == "of" and not _actor_word(head, lookup, lex):
                continue  # "the withdrawal of US sanctions": sanctions withdraw nothing
            if not subject and _plain_description(predicate, head, lex) and not (
                    _described_actor(head, lookup, lex)):
                continue  # "described the situation in the camp as heartbreaking"
            if not subject and _negated_phrase(head, lex):
                continue  # "posted all day, but not about Gondor"
            found = _named_pair(head, memory) or _counted_sides(head, memory, lookup, lex) or (
                actors_for(head, memory, lookup, lex))
            found += [named[0] for nmod in _misread_conjuncts(head)
                      if (named := actors_for(nmod, memory, lookup, lex))]
            if _foe_noun(head, found, lex):
                continue  # "pressed upon Trump that the Isis fight is not yet won"
            if slot in {"amod", "compound"}:
                if _named_foe(predicate, head, found, lex):
                    continue
                found += _partner_states(head, found, memory, lookup, lex)
            else:
                found += _modifier_partners(head, found, memory, lookup, lex)
            if not found and not subject:
                found = _authors(head, memory, lookup, lex,
                                 frozenset(t.i for t in predicate.words))
            if not found and not subject and predicate.code in lex.deed_reaction_roots:
                found = [r for doer in _gap_doers(head, lex)
                         for r in actors_for(doer, memory, lookup, lex)]
            if not any(_known(r, lex) for r in found) and not own_means(
                    predicate, Resolved(None, "", head.i), lex, bare=True):
                found = _listed(head, memory, lookup, lex) or found
            if found and not subject and (_bare_deed(predicate, head, found, lex)
                                          or _framed_means(predicate, head, found, lex)):
                continue
            if found:
                return found
    return []


def _negated_phrase(head: Token, lex: Lexicon) -> bool:
    """'posted all day, but not about Gondor', 'talks, though not with Arnor': a
    prepositional phrase with a negator of its own says who the deed is not
    aimed at."""
    return head.dep_ == "pobj" and head.head.dep_ == "prep" and has_negator(head.head, lex)


def _named_foe(predicate: Predicate, modifier: Token, found: list[Resolved],
               lex: Lexicon) -> bool:
    """'the Isis fight has slowed', 'the senior liaison to the Isis fight': a group's
    name set before a noun of a fight waged against someone (foe_first_nouns) names
    the foe, not the fighter; a state or a demonym there is the fighter ("the US fight",
    "the Kurdish fight")."""
    return _named_modifier(modifier) and (
        predicate.token.lemma_.lower() in lex.foe_first_nouns) and _all_groups(found)


def _foe_noun(noun: Token, found: list[Resolved], lex: Lexicon) -> bool:
    """'pressed upon Trump that the Isis fight is not yet won': a noun of a fight with a
    group's name set before it (foe_first_nouns) is a deed, and the group its foe: the
    phrase is no side of another deed (not "Labour's faltering election campaign")."""
    return noun.lemma_.lower() in lex.foe_first_nouns and any(
        _named_modifier(c) for c in noun.children) and not any(
        c.dep_ == "poss" for c in noun.children) and _all_groups(found)


def _named_modifier(token: Token) -> bool:
    """A name set before a noun ('the Isis fight'); the parser tags some group names as
    common nouns, so an organisation's entity counts too."""
    return token.dep_ == "compound" and (token.pos_ == "PROPN" or token.ent_type_ == "ORG")


def _all_groups(found: list[Resolved]) -> bool:
    return bool(found) and all(r.actor is not None and is_group(r.actor) for r in found)


def _past_dateline(heads: Iterator[Token], memory: DocActors) -> Iterator[Token]:
    """'NAIROBI (Reuters) - South Sudan and Kenya agreed ...': the parser often
    takes the dateline's place as the subject and hangs the real one on it as an
    appositive; a dateline word stands for its appositives after the dash."""
    for head in heads:
        if head.i not in memory.dateline:
            yield head
            continue
        yield from (c for c in head.children
                    if c.dep_ == "appos" and c.i not in memory.dateline)


def _ally_phrase(head: Token, lex: Lexicon) -> bool:
    """'launched airstrikes in support of the Iraqi army', 'sent troops on behalf of the
    government': the side a deed is done for is its ally, never its target."""
    return head.dep_ == "pobj" and head.head.lower_ in {"in", "on"} and (
        head.lemma_.lower() in lex.ally_nouns)


def _bare_deed(predicate: Predicate, head: Token, found: list[Resolved], lex: Lexicon) -> bool:
    """'vowed to wage a guerrilla war against the Turkish military': the pattern's own
    object is the deed, and a role word on it ('guerrilla') names no side; the target is
    in the slots after it (not the troops a deployment sends: those are its means, nor
    private people: "captured a British journalist")."""
    return any(t.i == head.i for t in predicate.words) and not any(
        _known(side, lex) or (side.private and side.token_i == head.i)
        for side in found) and not own_means(
        predicate, Resolved(None, "", head.i), lex, bare=True)


def _framed_means(predicate: Predicate, head: Token, found: list[Resolved],
                  lex: Lexicon) -> bool:
    """'Russia plans to withdraw its troops from Syria', 'is determined to pull US troops
    out of Syria': under a frame, whose own object slot comes first, the forces a
    withdrawal or deployment moves are its means, whoever's they are; the target is in
    the slots after them."""
    return predicate.embedded is not None and bool(found) and (
        own_means(predicate, Resolved(None, "", head.i), lex, bare=True))


def _misread_conjuncts(head: Token) -> Iterator[Token]:
    """'President Trump and North Korea's leader Kim Jong Un': the parser often hangs the
    first of two coordinated names on the second as a modifier with the conjunction (on
    the name, or as a person's possessive on its title)."""
    words = [head, *(c for c in head.children if c.dep_ == "compound")]
    for child in (c for word in words for c in word.children):
        if child.i < head.i and any(c.dep_ == "cc" for c in child.children) and (
                child.dep_ == "nmod" or (child.dep_ == "poss" and child.ent_type_ == "PERSON")
        ) and not any(c.dep_ == "conj" and c.pos_ == "ADJ" for c in child.children):
            yield child  # not coordinated modifiers: "US and Russian citizens"


def _plain_description(predicate: Predicate, head: Token, lex: Lexicon) -> bool:
    """'described the situation in the camp as heartbreaking', 'called it the most dangerous
    moment since 1962': a verb of calling (calling_verbs) whose complement neither blames
    nor scorns (a plain statement, root 01) is about its object alone; 'called Borduria's
    move a provocation' criticises the one whose move it is (comments.called_code)."""
    token = predicate.token
    return token.lemma_.lower() in lex.calling_verbs and predicate.code[:2] == "01" and (
        called_code(token, head, lex) is None)


NEUTER_PRONOUNS = frozenset({"it", "this", "that", "what"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def _described_actor(head: Token, lookup: ActorLookup, lex: Lexicon) -> bool:
    """The object of a plain description names a side only by a name, a role noun or a
    pronoun of people ('described the militia as a partner', 'the attackers, which it
    described as'); a thing described, with a place or a state in its phrase ('the objective
    in Syria', 'Syria's north-east', 'it' for a moment), is about nobody."""
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        head = head.head.head
    return head.lower_ not in NEUTER_PRONOUNS and _actor_word(head, lookup, lex)


def _actor_word(head: Token, lookup: ActorLookup, lex: Lexicon) -> bool:
    """'the withdrawal of US troops', 'of Russia', 'the surrender of Isis fighters': an
    of-phrase names a doer only by a name, a pronoun, a role noun or a noun of armed men."""
    return head.ent_type_ in ACTOR_ENTITIES or head.pos_ in {"PROPN", "PRON"} or (
        head.lower_ in lex.group_anaphors) or (
        lookup.role_of(head.lemma_) or lookup.role_of(head.text)) is not None


def _partner_states(modifier: Token, found: list[Resolved], memory: DocActors,
                    lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """'Russian and Syrian air strikes', 'a Russian-Syrian attack', 'a joint US-Iraqi
    offensive': the states named with an event noun's national modifier, coordinated or
    hyphenated with it, do the deed too. Only distinct states: "a Syrian-Kurdish
    offensive" names one people, not Syria beside the Kurds."""
    partners = [r for p in _coordinated_names(modifier)
                for r in actors_for(p, memory, lookup, lex)]
    sides = [*found, *partners]
    countries = [r.actor.country if r.actor is not None else None for r in sides]
    if not partners or not all(countries) or len(set(countries)) != len(sides) or not all(
            r.actor is not None and not is_group(r.actor) for r in sides):
        return []
    return partners


def _modifier_partners(head: Token, found: list[Resolved], memory: DocActors,
                       lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """'Russian and Syrian planes bombed Idlib': a noun no actor word names, read as the
    state of its national modifier, is also of the states coordinated with that modifier
    (`_partner_states`). Not a border, which lies between the states it names ("fighting
    near the Iraq-Syria border")."""
    if len(found) != 1 or found[0].actor is None or (
            found[0].actor.code != found[0].actor.country) or (
            head.lemma_.lower() in lex.border_nouns):
        return []
    modifiers = [c for c in head.children
                 if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}]
    return _partner_states(modifiers[0], found, memory, lookup, lex) if modifiers else []


def _coordinated_names(modifier: Token) -> Iterator[Token]:
    """The national names coordinated ("Russian and Syrian") or hyphenated ("Russian-Syrian",
    "US-Iraqi") with a modifier."""
    doc = modifier.doc
    for child in modifier.children:
        if child.ent_type_ not in {"NORP", "GPE"}:
            continue
        if child.dep_ == "conj":
            yield child
            yield from _coordinated_names(child)
        elif child.dep_ in {"amod", "npadvmod", "compound"} and child.i == modifier.i - 2 and (
                doc[child.i + 1].tag_ == "HYPH"):
            yield child


# "the two countries", "both sides", "the three countries": how many states they stand for
COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _named_pair(head: Token, memory: DocActors) -> list[Resolved]:
    """'The US and Turkey released accounts ... tensions between the two countries', 'The
    US, Britain and France criticised ... but the three countries': "both" or a number with
    a plural noun stands for the last states named together ("A and B", "A, B and C") in
    its sentence or the one before, as many as it counts; nothing when there are none."""
    count = next((COUNT_WORDS[c.lower_] for c in head.children if c.dep_ in {
        "nummod", "det", "predet"} and c.lower_ in COUNT_WORDS), None)
    if head.tag_ not in {"NNS", "NNPS"} or count is None:
        return []
    doc = head.doc
    start = doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    for token in reversed(doc[start : head.i]):
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        members = [token, *_conjunct_chain(token)]
        states = [(member, memory.by_token.get(member.i)) for member in members]
        if len(members) == count and all(a is not None and a.country for _, a in states) and (
                len({a.country for _, a in states if a is not None}) == count):
            return [Resolved(a, m.text, head.i) for m, a in states if a is not None]
    return []


# the arguments whose states a counted plural may stand for: subjects, objects and the
# partner of a 'with'
_SIDE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _counted_sides(head: Token, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon) -> list[Resolved]:
    """'Putin has said as the presidents of Iran and Turkey arrived in Sochi. The summit
    between the three powers ...': a counted plural of states or their leaders
    (`counted_sides`) with no coordination to count stands for the distinct states that
    are subjects, objects or partners ('with') in its own sentence before it, else in the
    sentence before, when they are exactly as many as it counts; nothing otherwise."""
    count = next((COUNT_WORDS[c.lower_] for c in head.children if c.dep_ in {
        "nummod", "det", "predet"} and c.lower_ in COUNT_WORDS), None)
    if count is None or head.tag_ != "NNS" or head.lemma_.lower() not in lex.counted_sides:
        return []
    doc = head.doc
    own = _side_states(doc[head.sent.start : head.i], memory, lookup, lex)
    before = _side_states(doc[head.sent.start - 1].sent, memory, lookup, lex) if (
        head.sent.start > 0) else []
    sides = own if own else before
    if len(sides) != count:
        return []
    return [Resolved(side.actor, side.text, head.i) for side in sides]


def _side_states(span: Span, memory: DocActors, lookup: ActorLookup,
                 lex: Lexicon) -> list[Resolved]:
    """The distinct states that are subjects, objects or partners ('with') in ``span``."""
    sides: dict[str, Resolved] = {}
    for token in span:
        if (token.dep_ in _SIDE_DEPS or (token.dep_ == "pobj" and token.head.lower_ == "with")
                ) and _actor_word(token, lookup, lex):  # not 'to end the Syrian war'
            for side in actors_for(token, memory, lookup, lex):
                if side.actor is not None and is_state(side.actor) and not is_group(side.actor):
                    sides.setdefault(str(side.actor.country), side)
    return list(sides.values())


def _conjunct_chain(token: Token) -> list[Token]:
    """The names coordinated with ``token``, in order ("Britain", "France" of "the US,
    Britain and France")."""
    found: list[Token] = []
    for conj in (c for c in token.children if c.dep_ == "conj"):
        found += [conj, *_conjunct_chain(conj)]
    return found


def _dummy_it(head: Token) -> bool:
    """'fighting it out with extremists', 'battled it out': an 'it' with a particle points
    to nobody."""
    return head.lower_ == "it" and head.dep_ in {"dobj", "obj"} and any(
        c.dep_ == "prt" for c in head.head.children)


def _known(side: Resolved, lex: Lexicon) -> bool:
    """A side with a country or an international or non-state body, not a bare role."""
    return side.actor is not None and (side.actor.country is not None or (
        side.actor.code[:3] in lex.non_state_prefixes))


def _listed(head: Token, memory: DocActors, lookup: ActorLookup,
            lex: Lexicon) -> list[Resolved]:
    """The named members of a group noun: "world leaders including Saudi Arabia's King
    Salman and Donald Trump", "allies such as Israel", "rivals, notably Iran"; not of a
    deed ("joined the fight, including Algerians")."""
    if head.tag_ not in {"NNS", "NNPS"} and head.lemma_.lower() not in lex.quantity_heads:
        return []
    for prep in head.children:
        if prep.dep_ == "prep" and (prep.lower_ in lex.listing_words or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))):
            listed = [r for pobj in prep.children if pobj.dep_ == "pobj"
                      for r in actors_for(pobj, memory, lookup, lex)]
            if listed:
                return listed
    return []


AUTHOR_PARTICIPLES = frozenset({"sponsored", "backed", "led", "hosted", "brokered", "organised",
                                "organized", "drafted", "proposed", "mediated", "imposed"})


def _first_object(head: Token) -> bool:
    """The direct object of its verb, and the first one: a second is most often an
    apposition the parser misread ("considering the provision of funds, a route adopted
    by Gondor")."""
    return head.dep_ == "dobj" and next(
        c for c in head.head.children if c.dep_ == "dobj").i == head.i


# participles whose agent made, holds or runs the thing they qualify ("the plan put forward
# by Morocco", "positions held by the militia")
AUTHORING_LEMMAS = frozenset({
    "sponsor", "back", "lead", "host", "broker", "organise", "organize", "draft", "propose",
    "mediate", "impose", "put", "take", "make", "adopt", "carry", "hold", "control",
    "launch", "issue", "announce", "sign", "offer", "present", "submit", "table",
    "introduce", "order", "pass", "seize", "occupy", "run", "fund", "finance", "write",
    "unveil", "set", "draw", "craft", "devise", "prepare", "negotiate", "author"})


def _authors(head: Token, memory: DocActors, lookup: ActorLookup,
             lex: Lexicon, predicate_words: frozenset[int] = frozenset()) -> list[Resolved]:
    """Whose thing an object is, when the thing is no actor: "rejected North Korea's
    demand", "accepted demands from the rebels", "shelled the positions of the army",
    "boycotted a Russian-sponsored conference", "endorsed the plan put forward by Morocco";
    and whom an event noun object is done to: "allowed the return of UN inspectors". The
    doer a by-phrase names comes first ("welcomed the release of the hostages by Iran")."""
    clause = _relative_clause(head, lex)
    if clause is not None and clause.head.lemma_.lower() in lex.restating_nouns:
        head = clause.head  # "..., a move that Ruritania condemned": the move
    elif clause is not None:
        return [r for doer in _made_thing_doers(clause, predicate_words)
                for r in actors_for(doer, memory, lookup, lex)]
    if head.pos_ != "NOUN" or head.lemma_.lower() in lex.personal_nouns:
        return []
    for agent in _agents_of_thing(head, predicate_words) if (
            _first_object(head) or head.dep_ == "pobj") else ():
        found = actors_for(agent, memory, lookup, lex)
        if found:
            return found
    for holder in _controllers(head):
        found = [r for r in actors_for(holder, memory, lookup, lex) if _known(r, lex)]
        if found:
            return found
    if head.lemma_.lower() in lex.border_nouns:
        # "sent tanks to the frontier with Ukraine": the state across the border (the
        # parser hangs the 'with' on the noun or, as often, on the verb)
        following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"]
        if following is not None and following.lower_ == "with" and following.dep_ == "prep":
            preps.append(following)
        for prep in preps:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                return actors_for(pobj, memory, lookup, lex)
    for child in head.children:
        if child.dep_ == "amod" and child.lower_ in AUTHOR_PARTICIPLES:
            # "boycotted a Russian-sponsored conference": who sponsored a thing owns it
            for named in child.children:
                if named.dep_ in {"npadvmod", "compound"} and named.i < child.i:
                    found = actors_for(named, memory, lookup, lex)
                    if found:
                        return found
        if child.dep_ == "poss" and (child.pos_ != "PRON" or head.lemma_.lower() in lex.held_nouns):
            # "North Korea's demand", "their hideouts"; not "their safety"
            return actors_for(child, memory, lookup, lex)
        if child.dep_ == "prep" and (child.lower_ in lex.author_preps or (
                child.lower_ == "of" and head.lemma_.lower() in (
                    lex.held_nouns | lex.patient_of_nouns))):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return actors_for(pobj, memory, lookup, lex)
    if head.lemma_.lower() in lex.restating_nouns:
        return [r for doer in _restated_doers(head, predicate_words)
                for r in actors_for(doer, memory, lookup, lex)]
    return []


def _relative_clause(word: Token, lex: Lexicon) -> Token | None:
    """The relative clause a relative pronoun opens, also through its preposition ("the
    drills, to which Ruritania objects"); the parser hangs some on the verb before them."""
    if word.lower_ not in lex.relative_pronouns:
        return None
    clause = word.head.head if word.dep_ == "pobj" else word.head
    return clause if clause.dep_ in {"relcl", "advcl"} else None


# verbs whose subject makes, holds or does the thing that is their object ("Borduria held
# drills", "announced a plan", "signed a pact")
MAKING_LEMMAS = AUTHORING_LEMMAS | frozenset({"conduct", "stage", "deploy", "build", "fire",
                                              "test", "agree"})


def _made_thing_doers(clause: Token, predicate_words: frozenset[int]) -> Iterator[Token]:
    """'Borduria held drills off the coast, to which Ruritania objects', 'announced a plan for
    the border, which Ruritania rejected': a reaction told in a relative clause set off by a
    comma, on the object of a verb of making or doing or on a phrase in it (the parser
    hangs such a clause on the nearest noun), is aimed at that verb's subject; not after a
    verb of any other kind ("praised the plan, which Ruritania rejected": the plan is not
    the praiser's)."""
    doc = clause.doc
    left = clause.left_edge.i
    if left == 0 or doc[left - 1].text not in {",", "–", "—", "-"}:
        return
    anchor = clause.head  # a noun, or the verb itself for a clause hung on it
    if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
        anchor = anchor.head.head  # "drills on the peninsula", "a plan for the border"
    verb = anchor.head if anchor.dep_ in {"dobj", "obj"} else anchor
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in MAKING_LEMMAS or passive(verb) or (
            verb.i in predicate_words or verb.i > clause.i):
        return
    yield from (c for c in verb.children if c.dep_ in SUBJECT_DEPS)


CONTROL_NOUNS = frozenset({"control", "rule", "occupation", "siege"})


def _controllers(head: Token) -> Iterator[Token]:
    """'areas under the control of Islamic State', 'villages under Kurdish control', 'a
    town under rebel siege': who a thing is under the control of holds it (the parser
    hangs the phrase on the thing or on the verb it is the object of)."""
    anchors = [head, head.head] if head.dep_ in {"dobj", "obj"} else [head]
    for prep in (c for anchor in anchors for c in anchor.children
                 if c.dep_ == "prep" and c.lower_ == "under"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"
                     and c.lemma_.lower() in CONTROL_NOUNS):
            yield from (p for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                        for p in of.children if p.dep_ == "pobj")
            yield from (c for c in noun.children if c.dep_ in {"amod", "compound", "poss"})


def _restated_doers(noun: Token, predicate_words: frozenset[int]) -> Iterator[Token]:
    """'Borduria expelled the envoy, a move condemned by Ruritania': a noun set off by a
    comma or dash after a clause names the clause's deed again (restating_nouns); its doer
    is the clause's subject, or its passive's agent ("the envoy was expelled by Borduria, a
    decision ..."). The parser hangs the noun on the verb or, as an appositive, on a noun
    in the clause, or as a second object of the verb ("expelled two diplomats on Monday,
    a move ..."); not the clause of the reaction itself ("condemned the launch, a move
    seen as ..." restates the launch), nor a copula, which tells no deed ("It was the
    second time ..., a provocation ...", where the parser hangs the noun on "was")."""
    doc = noun.doc
    second_object = noun.dep_ == "dobj" and any(
        c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children)
    if (noun.dep_ not in {"npadvmod", "appos"} and not second_object) or (
            noun.left_edge.i == 0) or doc[noun.left_edge.i - 1].text not in {",", "–", "—", "-"}:
        return
    clause = noun.head
    while clause.pos_ not in {"VERB", "AUX"} and clause.dep_ != "ROOT":
        clause = clause.head
    if clause.pos_ not in {"VERB", "AUX"} or clause.i > noun.i or clause.i in predicate_words \
            or clause.lemma_.lower() == "be":
        return
    if passive(clause):
        yield from (p for agent in clause.children if agent.dep_ == "agent"
                    for p in agent.children if p.dep_ == "pobj")
    elif clause.dep_ == "acl" and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        # "Trump's decision to withdraw the troops, a move ...": the deciding noun's owner
        yield from (c for c in clause.head.children if c.dep_ == "poss")
    else:
        yield from (c for c in clause.children if c.dep_ in SUBJECT_DEPS)


def _agents_of_thing(head: Token, predicate_words: frozenset[int]) -> Iterator[Token]:
    """The doers a deed's object names: its own by-phrase ("the release of the hostages by
    Iran") and the agent of a participle on it ("the resolution drafted by France", "the bombing
    carried out by the militia"); not of a participle that is the deed itself or says what
    was done to the thing ("a conference boycotted by the opposition")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            yield from (c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i not in predicate_words \
                and child.lemma_.lower() in AUTHORING_LEMMAS:
            yield from (pobj for agent in child.children if agent.dep_ == "agent"
                        for pobj in agent.children if pobj.dep_ == "pobj")


def _planner_is_passive_subject(predicate: Predicate) -> bool:
    """A frame in the passive whose subject is the planner of the deed it governs ("is
    expected to", "is scheduled to meet")."""
    return predicate.embedded is not None and "nsubjpass" in predicate.source_slots


def _slot_heads(predicate: Predicate, slot: str, subject: bool,
                lex: Lexicon) -> Iterator[Token]:
    token = predicate.token
    if slot == "embedded_subject":
        if predicate.embedded is not None:
            # "its call for Gondor to stand aside was ...": the one after 'for' is asked
            yield from for_to_subjects(token, predicate.embedded) or _dependency_slot(
                predicate.embedded, "nsubj", lex)
        return
    if slot == "object_clause_subject":
        yield from _asked_by_object(token, lex)
        return
    if slot == "clause_subject":
        for clause in token.children:
            if clause.dep_ == "ccomp":
                yield from _dependency_slot(clause, "nsubj", lex)
        return
    if slot == "clause_object":
        # "helped prop up Assad's forces": the object of the deed the help is for (an
        # infinitive, not a participle: "to feed starving civilians")
        for clause in token.children:
            if clause.dep_ == "xcomp" and clause.tag_ == "VB":
                yield from _dependency_slot(clause, "dobj", lex)
        return
    if slot == "suffering_subject":
        # "Kurdish forces came under attack from Turkish jets": the clause's subject; but
        # the object of a verb that has one ("put the town under siege", "invited Kurdish
        # leaders under assault from Turkey to Paris": the phrase is the object's)
        clause = predicate.slot_tokens[-1]
        objects = [c for c in clause.children if c.dep_ in {"dobj", "obj"}]
        yield from objects or (c for c in clause.children
                               if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS)
        return
    if slot == "condition_subject":
        yield from _condition_subjects(predicate, lex)
        return
    if slot == "comment_subject":
        yield from _comment_subjects(token, lex)
        return
    if slot == "named_object":
        yield from named_object(token)
        return
    if slot == "help_giver":
        yield from _help_givers(predicate, lex)
        return
    if slot in {"amod", "compound"}:
        yield from _national_modifiers(token, predicate.code, lex)
        return
    if slot == "carrier":
        yield from _statement_author(token, lex)
        return
    if slot == "aimed_at":
        yield from _aimed_objects(predicate, lex)
        return
    if slot == "from_custody":
        # "four Britons were released from the US camp": the holder of the custody frees
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
            yield from (p for p in prep.children
                        if p.dep_ == "pobj" and p.lemma_.lower() in CUSTODY_NOUNS)
        return
    if slot in {"nsubj", "nsubjpass", "agent", "dobj", "iobj", "dative", "poss"}:
        own = _dependency_slot(token, slot, lex)
        if slot == "dobj" and not subject and _planner_is_passive_subject(predicate):
            # "the Chilean president is expected to visit Peru": the planner is not the
            # frame's object; the deed's object is
            own = (c for c in own if c.dep_ not in PASSIVE_SUBJECT_DEPS)
        yield from own
        if slot == "nsubj" and (subject or _result_participle(token)):
            yield from _inherited_subject(token, lex)
        if predicate.embedded is not None and not subject:
            yield from _dependency_slot(predicate.embedded, slot, lex)
        if slot == "dobj" and not subject:
            yield from _passive_gerund_patients(token, lex)
            yield from _described_patient(token)
            yield from _conjunct_patient(token, lex)
            if slot in predicate.target_slots:
                yield from _raised_object(token)
            yield from _relative_head(token, lex)
            if predicate.embedded is not None:
                yield from _relative_head(predicate.embedded, lex)
        if slot == "poss" and not subject:
            # "rejected Australia's request for the extradition of X": the possessor of
            # the pattern's own object, before any phrase deeper in it
            yield from (c for anchor in predicate.slot_tokens if anchor.i != token.i
                        for c in anchor.children if c.dep_ == "poss")
        return
    for anchor in predicate.slot_tokens:
        yield from _prep_objects(anchor, slot)
        for child in anchor.children:
            if child.dep_ in {"dobj", "pobj"} and not _topic_relation(predicate, child, lex) and (
                    not _journey_destination(predicate, child, slot, lex)):
                yield from _prep_objects(child, slot)
        for child in anchor.children:
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not _journey_destination(predicate, pobj, slot, lex):
                        yield from _prep_objects(pobj, slot)
    yield from _stranded_prep_objects(token, slot)
    yield from _named_as_prep_objects(token, slot, lex)


def _asked_by_object(token: Token, lex: Lexicon) -> Iterator[Token]:
    """'renewed its call for Gondor to withdraw', 'repeated its demand that Gondor pay':
    the one asked to act by the appeal or demand a light verb makes, the subject of its
    object's for-to or that-clause."""
    for noun in (c for c in token.children if c.dep_ in {"dobj", "obj"}):
        clause = for_to_clause(noun)
        if clause is not None:
            yield from for_to_subjects(noun, clause) or _dependency_slot(clause, "nsubj", lex)
        for told in noun.children:
            if told.dep_ in {"acl", "ccomp"} and told.pos_ in {"VERB", "AUX"} and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in told.children):
                yield from _dependency_slot(told, "nsubj", lex)


def _journey_destination(predicate: Predicate, noun: Token, slot: str, lex: Lexicon) -> bool:
    """'said during a visit to Jerusalem': the 'to' of a journey noun in the predicate's
    phrases is the journey's destination, no addressee of the predicate (the visit is an
    event of its own); a journey the pattern names ('paid a visit to Riyadh') keeps it."""
    return slot == "to" and noun.lemma_.lower() in lex.journey_nouns and (
        noun not in predicate.words)


def _aimed_objects(predicate: Predicate, lex: Lexicon) -> Iterator[Token]:
    """'approved sanctions targeting Borduria's coal exports', 'sanctions that target
    Borduria', 'sanctions aimed at curbing Borduria's arms trade', 'announced sanctions on
    Monday, targeting Borduria's banks': the one a clause of aiming (`targeting_verbs`) on
    the pattern's verb or object names, the object of the clause or of its at- or
    against-phrase (or of the gerund in that phrase)."""
    for anchor in predicate.slot_tokens:
        for clause in anchor.children:
            if clause.dep_ not in {"acl", "relcl", "advcl"} or clause.pos_ != "VERB" or (
                    clause.lemma_.lower() not in lex.targeting_verbs):
                continue
            yield from (c for c in clause.children if c.dep_ in {"dobj", "obj"})
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ in AIMED_PREPS:
                    yield from (c for c in prep.children if c.dep_ == "pobj")
                    yield from (o for gerund in prep.children if gerund.dep_ == "pcomp"
                                for o in gerund.children if o.dep_ in {"dobj", "obj"})


AIMED_PREPS = frozenset({"at", "against"})  # "aimed at Borduria", "directed against it"


def _result_participle(token: Token) -> bool:
    """'US and South Korean forces held drills, angering Pyongyang', 'withdrew the troops,
    drawing criticism from its allies': a participle of result with no subject of its own
    is the main clause's doing, also where its subject is the one it is aimed at (the
    angering, the criticised)."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in token.children)


def _help_givers(predicate: Predicate, lex: Lexicon) -> Iterator[Token]:
    """'pleaded for help from Washington', 'the SDF's calls for US support': the one an
    appeal asks help of, named after 'from' on the help noun or as its possessor or
    modifier."""
    for noun in _sought_help(predicate, lex):
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                yield from (c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in {"poss", "compound", "amod"}:
                yield child


def _sought_help(predicate: Predicate, lex: Lexicon) -> Iterator[Token]:
    """The help nouns an appeal asks for: its object or the object of its 'for'."""
    for anchor in predicate.slot_tokens:
        fors = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "for"]
        if anchor.dep_ == "prep" and anchor.lower_ == "for":
            fors.append(anchor)
        objects = [c for prep in fors for c in prep.children if c.dep_ == "pobj"]
        objects += [c for c in anchor.children if c.dep_ in {"dobj", "obj"}]
        yield from (o for o in objects if o.lemma_.lower() in lex.sought_help_nouns)


def _topic_relation(predicate: Predicate, obj: Token, lex: Lexicon) -> bool:
    """'met to discuss relations with Turkey': a standing relation a consultation is about
    is its topic; the other side of that relation is no partner in the talks."""
    return predicate.code[:2] == CONSULT_ROOT and (
        obj.lemma_.lower() in lex.standing_nouns or obj.lower_ in lex.standing_nouns)


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _named_as_prep_objects(token: Token, word: str, lex: Lexicon) -> Iterator[Token]:
    """'tried to extradite two members of the cell known as the Beatles to the US': the
    parser hangs the verb's phrase after a name given in its object on the participle that
    gives it; a phrase after the 'as' of a naming participle in the object is the verb's."""
    for obj in (c for c in token.children if c.dep_ in {"dobj", "obj"}):
        for participle in (t for t in obj.subtree if t.dep_ == "acl"
                           and t.lower_ in lex.naming_participles):
            named = [c for c in participle.children if c.dep_ == "prep" and c.lower_ == "as"]
            if not named or word == "as":
                continue
            yield from (p for c in participle.children if c.dep_ == "prep"
                        and c.lower_ == word and c.i > named[0].right_edge.i
                        for p in c.children if p.dep_ == "pobj")


def _stranded_prep_objects(noun: Token, word: str) -> Iterator[Token]:
    """'24 civilians were killed in the first days of Turkey's offensive against a Kurdish
    enclave': the parser often hangs the phrase right after an event noun on a verb above
    it; a noun with no such phrase of its own takes the one that follows it."""
    if noun.pos_ != "NOUN" or any(c.dep_ == "prep" and c.lower_ == word for c in noun.children):
        return
    after = noun.right_edge.i + 1
    while after < len(noun.doc) and noun.doc[after].ent_type_ in TIME_ENTITIES:
        after += 1  # "US air strikes this month in Kunduz": a time between them
    if after >= len(noun.doc):
        return
    prep = noun.doc[after]
    if prep.dep_ == "prep" and prep.lower_ == word and prep.head.i != noun.i and any(
            a.i == prep.head.i for a in noun.ancestors):
        yield from (c for c in prep.children if c.dep_ == "pobj")


def _condition_subjects(predicate: Predicate, lex: Lexicon) -> Iterator[Token]:
    """'threatened to stop the talks if the United States deploys the missiles', 'will
    strike unless Borduria withdraws': a threat is aimed at the one its condition is about,
    the subject of an if- or unless-clause on the threat or the deed threatened."""
    anchors = [predicate.token, *predicate.words]
    if predicate.embedded is not None:
        anchors.append(predicate.embedded)
    seen: set[int] = set()
    for anchor in anchors:
        for clause in anchor.children:
            if clause.dep_ != "advcl" or clause.i in seen or not any(
                    c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
                continue
            seen.add(clause.i)
            yield from (c for c in clause.children
                        if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS)


CONDITION_MARKS = frozenset({"if", "unless"})


def _comment_subjects(token: Token, lex: Lexicon) -> Iterator[Token]:
    """'Ruritania said Borduria's plan would fail', 'Labour say a Lib Dem vote could let
    the Tories in': a statement of what a named actor will or may do is about that actor,
    and so is one that criticises or blames it or denies it a will ("said Borduria's move
    was a provocation", "had no intention of ...": :mod:`dyadwatch.coding.comments`).
    Only a forecast or such a comment: a clause that reports a deed relays facts ("a
    spokesman said Trump discussed Syria with Erdogan"). Never a pronoun subject of a
    forecast, which mostly points back to the speaker or to nobody ("said it would be
    possible"); a criticised he, she, they or who is someone ("the ministry said she had
    been reckless"), and so is the pronoun owner of a criticised subject ("said his
    reckless threats had only hardened Borduria's resolve"). A criticised subject comes
    before a forecast one ("said the Credit Bill would help, but ministers had been
    complacent" is aimed at the ministers)."""
    forecast = lex.future_aux | lex.hypothetical_aux
    coded = [(clause, comment_code(clause, lex)) for clause in statement_clauses(token, lex)]
    for clause, code in sorted(coded, key=lambda pair: pair[1] not in CRITICAL_CODES):
        if code is None and not any(c.dep_ == "aux" and c.lower_ in forecast
                                    for c in clause.children):
            continue
        # a criticism or blame is of someone else ("the opposition said the government
        # was reckless"), so a common noun will do; a forecast needs a name
        # a conjunct shares its subject only for what its own words say of it ("signed
        # the truce but then violated it"), not for a forecast
        for s in comment_subjects(clause, shared=code is not None):
            if (_named(s) and not _private_person(s, lex)) or (
                    code in CRITICAL_CODES and (s.pos_ == "NOUN" or s.lower_ in OTHER_PRONOUNS)):
                yield s
            if code in CRITICAL_CODES and s.pos_ == "NOUN":
                # "said his reckless remarks ...": the one a pronoun owner points back to
                yield from (c for c in s.children if c.dep_ == "poss" and c.pos_ == "PRON")
                yield from _relative_doers(s)
    yield from criticised_things(token, lex)  # "said it must counter US aggression"
    yield from praised_partners(token, lex)  # "said our work with France was a success"
    yield from sympathised(token, lex)  # 'said: "Our thoughts are with the French people"'
    yield from statement_topics(token, lex)  # "told reporters ... in regard to Borduria"


# pronouns that a criticism is of when they are its clause's subject ("the ministry said
# she had been reckless"): someone else, or the speaker, whose own side is then dropped
OTHER_PRONOUNS = frozenset({"he", "she", "they", "who"})


def _gap_doers(noun: Token, lex: Lexicon) -> Iterator[Token]:
    """'angry at the support the US continues to provide', 'rejected the plan Gondor put
    forward': the subject of an active relative clause whose object is the noun itself
    (the clause and an infinitive under it have none of their own) did the thing a
    reaction is about. Not a clause whose subject is the relative word ("the plan that
    failed"), a passive one, nor one that only describes ("the convention, to which Paris
    is a signatory")."""
    for clause in (c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"
                   and not passive(c)):
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        if not subjects or any(s.lower_ in lex.relative_pronouns for s in subjects):
            continue
        verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
        if any(c.dep_ in {"dobj", "obj", "ccomp", "attr", "acomp"}
               and c.lower_ not in lex.relative_pronouns
               for verb in verbs for c in verb.children):
            continue
        yield from subjects


def _relative_doers(noun: Token) -> Iterator[Token]:
    """'said the way the government handled the bill was a shambles', 'the deal Borduria
    signed was a disgrace': the named subject of a relative clause on a criticised noun
    did what is criticised; a common noun will do, as for the subject itself."""
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        yield from (c for c in clause.children
                    if c.dep_ in SUBJECT_DEPS and (_named(c) or c.pos_ == "NOUN"))


def _private_person(head: Token, lex: Lexicon) -> bool:
    """'said a Palestinian teenager could face years in prison': a person a nationality
    names is no state, and a statement about them is about no actor."""
    return head.pos_ == "NOUN" and (head.lemma_.lower() in lex.personal_nouns
                                    or head.lemma_.lower() in lex.private_people)


def _named(head: Token) -> bool:
    """A head that is a name or carries one ("Japan", "North Korea's participation", "a Lib
    Dem vote"), not a pronoun or a common noun ("it", "the government", "a solution in
    Syria")."""
    return head.pos_ == "PROPN" or any(
        c.dep_ in {"poss", "compound", "amod"} and c.ent_type_ in ACTOR_ENTITIES
        for c in head.children)


def _statement_author(noun: Token, lex: Lexicon) -> Iterator[Token]:
    """'Kim's New Year address included a warning to the US': the author of the statement
    that carries an event noun (its possessor) made it."""
    for subject in noun.head.children:
        if subject.dep_ in SUBJECT_DEPS and subject.lemma_.lower() in lex.statement_nouns:
            yield from (c for c in subject.children if c.dep_ == "poss")


def _shared_patient(token: Token, lex: Lexicon) -> bool:
    """A passive verb whose subject is the clause it is joined to: a passive conjunct
    ("Iran seized the tanker and was condemned by Britain") or a participle with an agent
    ("Backed by Russia, Assad shelled Idlib"). That subject is its patient, not its doer."""
    if token.dep_ == "conj":
        # "Abandoned by its allies and very nearly defeated, the opposition ...": a bare
        # participle joined to a passive participle is passive too
        return (passive(token) and not stative(token, lex)) or (
            token.tag_ == "VBN" and token.head.tag_ == "VBN" and _shared_patient(token.head, lex)
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children))
    return token.dep_ == "advcl" and token.tag_ == "VBN" and any(
        c.dep_ == "agent" for c in token.children)


def _conjunct_patient(token: Token, lex: Lexicon) -> Iterator[Token]:
    """'Iran seized the tanker and was condemned by Britain', 'Backed by Russia, Assad
    shelled Idlib': a passive conjunct or participle with no subject of its own is done to
    the subject of the clause it is joined to."""
    if _shared_patient(token, lex) and not any(
            c.dep_ in PASSIVE_SUBJECT_DEPS for c in token.children):
        yield from (c for c in token.head.children
                    if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS)
        return
    passive_verb = _passive_list_head(token, lex)
    if passive_verb is not None:
        # a pronoun that far from the participle too often points to the wrong side
        yield from (c for c in passive_verb.children
                    if c.dep_ in PASSIVE_SUBJECT_DEPS and c.pos_ != "PRON")


def _passive_list_head(token: Token, lex: Lexicon) -> Token | None:
    """'The rebels were trained and armed by the US', 'the militia was funded, trained and
    armed by Washington': a bare past participle in a list after a passive verb shares
    that verb's auxiliary and so its subject, the patient of every participle in the list.
    The parser hangs the later participles on the first as conjuncts (a comma list hangs
    one as an adverbial clause). Not a participle with an auxiliary or subject of its own
    ("was arrested and has confessed"), nor after a passive of disposition ("was
    committed and sent troops")."""
    current = token
    for _ in range(4):
        if current.tag_ != "VBN" or current.dep_ not in {"conj", "advcl"} or any(
                c.dep_ in BARE_PARTICIPLE_BARS for c in current.children):
            return None
        current = current.head
        if current.tag_ != "VBN":
            return None
        if passive(current):
            return None if stative(current, lex) else current
    return None


# what a participle of its own has and a participle in a passive list does not
BARE_PARTICIPLE_BARS = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "csubj", "mark"})


def _raised_object(token: Token) -> Iterator[Token]:
    """'The coalition backed and later armed the militia', 'condemned and rejected the
    plan': the first of two conjoined verbs, with no object, clause or phrase of its own,
    shares the object of the verb it is joined to (not one with a subject of its own:
    "Iran retreated and Iraq attacked the town")."""
    if token.pos_ != "VERB" or passive(token) or any(
            c.dep_ in OWN_COMPLEMENT_DEPS for c in token.children):
        return
    for conj in (c for c in token.children if c.dep_ == "conj" and c.i > token.i):
        if conj.pos_ == "VERB" and not passive(conj) and not any(
                c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in conj.children):
            yield from (c for c in conj.children if c.dep_ in {"dobj", "obj"})
        return


def _relative_head(token: Token, lex: Lexicon) -> Iterator[Token]:
    """'the Kurdish militias Turkey is battling', 'the rebels Russia is fighting in Idlib': a
    relative clause with a subject of its own and no object leaves out the object, the
    noun it describes; so does an infinitive in it with no object of its own ("the rebels
    Russia has vowed to crush"). Not where the relative word is in the subject ("Iran,
    whose Guards are fighting alongside Assad's forces"): the noun owns the doers."""
    clause, below = token, -1
    while clause.dep_ == "xcomp" and clause.tag_ == "VB" and not _own_object(clause):
        clause, below = clause.head, clause.i
    head = clause.head if clause.dep_ == "relcl" else _misparsed_relative_head(clause, lex)
    if head is None or head.pos_ not in {"NOUN", "PROPN"} or passive(clause):
        return
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if subjects and not any(t.lower_ in lex.relative_pronouns for s in subjects
                            for t in s.subtree) and not any(
            (c.dep_ in {"dobj", "obj", "ccomp", "xcomp"} and c.i != below
             and not _relative_object(c)) or c.lower_ in RELATIVE_ADVERBS
            for c in clause.children):
        yield head


# entity types of a noun no relative clause describes in a misparse ("said on Monday
# Russia is fighting": a time, not the one fought)
UNDESCRIBED_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT",
                                  "MONEY", "QUANTITY"})


def _misparsed_relative_head(clause: Token, lex: Lexicon) -> Token | None:
    """'provided air cover for the Kurdish militias Turkey is battling', 'assistance to
    Kurdish militia within Syria that Ankara is fighting': an object relative clause the
    parser hangs as the complement of the verb before (or as an adverbial clause, when it
    keeps the object 'that'). Its first word, a subject or an object 'that', comes right
    after the object of a preposition, the noun it describes (past a place phrase between
    them: "militia within Syria that"); a verb of saying's
    clause follows the verb or its object, no such noun ("told reporters Russia ..."), and
    one after a phrase of the telling ("said at a meeting with Erdogan the army ...") is
    what was said: no verb of saying, no person's name."""
    if clause.dep_ not in {"ccomp", "advcl"} or clause.i <= clause.head.i or (
            clause.head.lemma_.lower() in lex.reporting_verbs | lex.hearsay_verbs):
        return None
    first = clause.left_edge
    if first.i < 1 or not (_relative_object(first) or clause.dep_ == "ccomp" and (
            first.dep_ in SUBJECT_DEPS or first.head.dep_ in SUBJECT_DEPS)):
        return None  # as an adverbial clause only with its object 'that'
    noun = first.doc[first.i - 1]
    if _relative_object(first) and noun.ent_type_ in PLACE_ENTITIES and (
            noun.head.dep_ == "prep" and noun.head.i > 0):
        noun = noun.doc[noun.head.i - 1]  # "militia within Syria that": past the place
    if noun.dep_ != "pobj" or noun.ent_type_ in UNDESCRIBED_ENTITIES or (
            noun.ent_type_ in PLACE_ENTITIES or noun.ent_type_ == "PERSON"):
        return None
    return noun


def _relative_object(token: Token) -> bool:
    """An object 'that' or 'which' that begins a relative clause ("the militia that Ankara
    is fighting"), which the parser leaves in it as its object."""
    return token.dep_ in {"dobj", "obj"} and token.lower_ in {"that", "which", "whom"}


def _own_object(verb: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj", "ccomp", "xcomp"} for c in verb.children)


# "the Kurds where they fought alongside the Americans": a clause of place or time
RELATIVE_ADVERBS = frozenset({"where", "when", "why", "how", "whereby", "wherever"})


# what makes a verb's own complement: "withdrew from Afrin and attacked Kobani" shares none
OWN_COMPLEMENT_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "ccomp", "xcomp", "prep",
                                 "prt", "attr", "acomp", "oprd", "agent"})


def _described_patient(token: Token) -> Iterator[Token]:
    """'Kurdish-led forces, backed by US air support', 'civilians killed by Russian jets':
    the noun a past participle describes is its patient (its object), also through a
    conjoined participle ("armed and supported by the US")."""
    current = token
    while current.dep_ == "conj" and current.tag_ == "VBN" and (
            current.head.tag_ == "VBN" or current.head.dep_ == "acl"):
        current = current.head  # "the Kurds, armed and supported by the US": 'armed' an ADJ
    if (current.tag_ == "VBN" or current is not token) and current.dep_ == "acl" and (
            current.head.pos_ in {"NOUN", "PROPN"}):
        yield current.head
        yield from _set_off_patient(current)


# prepositions whose object a participle set off after it may describe; not of a place
# ("the fighting in Afrin, backed by Turkish artillery" describes the fighting)
SET_OFF_PREPS = frozenset({"with", "of", "against", "between", "for", "to"})


def _set_off_patient(participle: Token) -> Iterator[Token]:
    """'a settlement with Assad's regime, backed by Moscow and Tehran': a participle with
    an agent, set off by a comma right after a noun in a phrase on the noun the parser
    hangs it on, describes that nearer noun (tried after the parser's own)."""
    doc = participle.doc
    before = participle.i - 2
    if before < 0 or doc[participle.i - 1].text not in {",", "–", "—"} or not any(
            c.dep_ == "agent" for c in participle.children):
        return
    noun = doc[before]
    if noun.pos_ in {"NOUN", "PROPN"} and noun.dep_ == "pobj" and (
            noun.head.lower_ in SET_OFF_PREPS) and participle.head.is_ancestor(noun):
        yield noun


def _national_modifiers(noun: Token, code: str, lex: Lexicon) -> Iterator[Token]:
    """'The Turkish offensive began', 'Palestinian riots continued': a national or named
    modifier is the actor of an event noun that is itself a clause's subject or object,
    and of a violent deed in a prepositional phrase ("the toll from a Taliban bombing
    rose"; not "opposed to French mediation", "the fate of an EU-Africa summit"), and the
    leader named before '-led' ("the US-led invasion of Iraq") or the one before a
    participle of doing (`doer_participles`: "Bordurian-imposed sanctions"). Not "the
    Syrian civil war" (a situation), "the Warsaw summit" (a place), "the US-backed
    offensive" (someone else's deed) or "the threat of a Turkish attack" (a deed only
    foreseen)."""
    if noun.dep_ in {"attr", "pobj"}:
        if code[:2] not in lex.violent_roots or _foreseen(noun, lex):
            return
    elif noun.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return
    if noun.lemma_.lower() in lex.situation_nouns:
        return
    for child in noun.children:
        if child.dep_ == "amod" and child.tag_ == "VBN" and (
                child.lemma_.lower() in lex.doer_participles):
            # "the US-led invasion", "Saudi-led air strikes", "Bordurian-imposed
            # sanctions": the leader or the one who imposed does the deed
            yield from (g for g in child.children if g.dep_ in {"npadvmod", "compound", "amod"}
                        and (g.ent_type_ in {"NORP", "ORG", "GPE"} or g.pos_ == "PROPN"))
            continue
        if child.dep_ not in {"amod", "compound"} or any(
                g.lower_ in lex.proxy_words for g in child.subtree):
            continue
        if child.ent_type_ in {"NORP", "ORG"} or (child.pos_ == "ADJ" and child.ent_type_) or (
                child.dep_ == "compound" and lex.anaphors.get(child.lemma_.lower()) == "GOV") or (
                _initials_state(child)):
            yield child  # "the Turkish offensive", "a regime offensive", "US air strikes"


def _initials_state(modifier: Token) -> bool:
    """'US air strikes', 'UK arms sales': a state written in initials before a noun is used
    as its adjective, not as a place (unlike "the Warsaw summit", "Kunduz air strikes")."""
    return modifier.dep_ == "compound" and modifier.ent_type_ == "GPE" and modifier.is_upper


def _foreseen(noun: Token, lex: Lexicon) -> bool:
    """'the threat of a Turkish attack', 'the risk of an Israeli strike': an event noun in
    the of-phrase of a noun of what may come."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and (
        prep.head.lemma_.lower() in lex.potential_nouns)


def _dependency_slot(token: Token, slot: str, lex: Lexicon) -> Iterator[Token]:
    is_stative = stative(token, lex)
    absolute = absolute_participle(token, lex)
    is_passive = (passive(token) or absolute) and not is_stative
    for child in token.children:
        dep = "nsubjpass" if absolute and child.dep_ == "nsubj" else child.dep_
        if _core_argument(slot, dep, is_passive) or (
                is_stative and slot == "nsubj" and dep in PASSIVE_SUBJECT_DEPS):
            yield child
        elif slot in {"iobj", "dative"} and dep in {"dative", "iobj"}:
            yield from (c for c in child.children if c.dep_ == "pobj") if child.pos_ == "ADP" else (
                iter([child]))
        elif slot == "agent" and dep == "agent":
            yield from agent_objects(child)
        elif slot == "poss" and dep == "poss":
            yield child
        elif slot == "nsubjpass" and dep in PASSIVE_SUBJECT_DEPS:
            yield child  # "Obama is scheduled to attend": the planner is the passive subject
    if slot == "agent" and is_passive:
        yield from _stranded_label_agents(token, lex)


def _stranded_label_agents(token: Token, lex: Lexicon) -> Iterator[Token]:
    """'was described as a "terror army" by the Turkish president', 'was branded a
    provocation by the Saudi minister': the parse hangs the by-phrase of a passive verb of
    calling or scorn (calling_verbs, scorn_verbs) on its complement (the object of 'as',
    or the label itself); its object is the one who calls, where the verb has no agent of
    its own."""
    if token.lemma_.lower() not in lex.calling_verbs | lex.scorn_verbs or any(
            c.dep_ == "agent" for c in token.children):
        return
    labels = [c for c in token.children if c.dep_ in {"dobj", "oprd", "attr"}]
    labels += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "as"
               for p in prep.children if p.dep_ == "pobj"]
    for label in labels:
        yield from (p for by in label.children if by.dep_ == "prep" and by.lower_ == "by"
                    for p in by.children if p.dep_ == "pobj")


def _core_argument(slot: str, dep: str, is_passive: bool) -> bool:
    """The active subject fills 'nsubj'; the object, or a passive's subject, fills 'dobj'."""
    if slot == "nsubj":
        return dep in SUBJECT_DEPS and not is_passive
    if slot == "dobj":
        return dep in {"dobj", "obj"} or (is_passive and dep in PASSIVE_SUBJECT_DEPS)
    return False


def _prep_objects(anchor: Token, word: str) -> Iterator[Token]:
    for child in anchor.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == word:
            yield from (c for c in child.children if c.dep_ == "pobj")
            yield from _participle_subjects(child)
        elif word == "from" and child.dep_ == "prep" and child.lower_ == "out":
            # "pulled its troops out of Iraq": 'out of' is 'from'
            yield from (c for of in child.children if of.dep_ == "prep" and of.lower_ == "of"
                        for c in of.children if c.dep_ == "pobj")


def _participle_subjects(prep: Token) -> Iterator[Token]:
    """'exchanged fire with Russian contractors working for a militia': the parser reads
    a noun and the participle after it as a clause the preposition takes; the noun, the
    participle's subject, is the preposition's object."""
    for clause in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
        yield from (s for s in clause.children if s.dep_ == "nsubj" and s.pos_ in {
            "NOUN", "PROPN"} and s.i < clause.i)


def _inherited_subject(token: Token, lex: Lexicon) -> Iterator[Token]:
    """Subjects shared with a governing clause: conjoined verbs, control verbs, relatives.
    Not for a passive conjunct: "X declared victory, but the claim was disputed by Y" is
    no deed of X's. Nor for an active clause with a subject of its own that is not a
    relative pronoun: "... after the latter swept into Afrin" is no deed of the main
    subject's, even when its own subject names no one known."""
    if _shared_patient(token, lex) or any(
            c.dep_ in SUBJECT_DEPS and c.lower_ not in lex.relative_pronouns
            for c in token.children):
        return
    if token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children):
        return  # "the Kurds, armed and supported by the US": a participle's doer is its agent
    described = _reduced_relative_noun(token)
    if described is not None:
        if token.tag_ == "VBG":
            yield described  # "pointed to the fighters crossing the border": they cross
        return  # "the towns recaptured from Isis": not the main subject's deed
    if token.dep_ == "advcl" and any(c.dep_ in PASSIVE_SUBJECT_DEPS and c.lower_ not in
                                     lex.relative_pronouns for c in token.children):
        return  # "pushed for Kurdish fighters to be allowed to …": no deed of the pusher's
    if token.dep_ == "advcl" and token.lemma_.lower() in lex.reporting_verbs and any(
            c.dep_ in PASSIVE_SUBJECT_DEPS for c in token.children):
        return  # "just as Isis was said to have ...": the main subject said nothing
    current = token
    for _ in range(4):
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lex.object_control and any(
                c.dep_ in {"dobj", "obj"} for c in current.head.children):
            # "pressured Maduro to step down": the object of the governing verb acts
            yield from (c for c in current.head.children if c.dep_ in {"dobj", "obj"})
            return
        if current.dep_ == "pcomp":
            governor = _gerund_governor(current, lex)
            if governor is None:
                return
            current = governor
            yield from (c for c in current.children
                        if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS)
        elif current.dep_ in {"conj", "xcomp", "advcl", "acomp"} and current.head != current:
            if (stranded := _misjoined_subject(current)) is not None:
                yield stranded
                return
            if current.dep_ == "advcl" and current.tag_ == "VBN" and not any(
                    c.dep_ in {"aux", "auxpass", "mark"} for c in current.children):
                return  # "Asked about the offer, the minister said": the asked is its patient
            if current.i != token.i and current.lemma_.lower() in CONSEQUENCE_VERBS:
                return  # "Turkey stood by ..., culminating in the extremists' ousting"
            deps = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if current.dep_ == "xcomp" else (
                SUBJECT_DEPS)  # "Germany was obliged to withdraw": the obliged withdraws
            current = current.head
            subjects = [c for c in current.children if c.dep_ in deps]
            yield from subjects
            if subjects:
                # "... after the latter swept into Afrin, seizing control": the nearest
                # clause with a subject names the doer, known or not
                return
        elif current.dep_ in {"relcl", "acl"} and current.head != current:
            if current.tag_ == "VBN":
                return  # "civilians imprisoned by …": the noun is the patient, not the agent
            if current.dep_ == "acl" and current.head.lemma_.lower() in lex.decision_nouns:
                # "his decision to launch strikes": whoever decided does the deed
                yield from _deciders(current.head)
                return
            if current.dep_ == "acl" and current.head.lemma_.lower() in lex.patient_of_nouns:
                # "demanded the withdrawal of the troops on Monday calling them occupiers":
                # a deed done to someone does nothing itself; the parser hung the main
                # clause's participle on it
                return
            if current.dep_ == "acl" and current.head.lemma_.lower() in lex.statement_nouns:
                # "issued a declaration demanding …": the declaration's issuer demands
                current = current.head.head
                yield from (c for c in current.children if c.dep_ in SUBJECT_DEPS)
                return
            yield current.head
            return
        else:
            return


def _misjoined_subject(verb: Token) -> Token | None:
    """'Both Gondor and Arnor have troops in the valley and Gondor's defence minister, Ann
    Roe, rejected the claim': the parser joins the noun phrase after 'and' to the object
    before it and the verb, with no 'and' of its own, to the first clause's verb, whose
    subjects it would share. A noun phrase joined to an earlier noun that ends just before a
    subjectless joined verb, the last of its series, and opens with the 'and' is that
    verb's subject; a comma between them only where it closes an appositive of the phrase
    ("met Gondor and Arnor, discussed the pass and agreed ..." is a series of the first
    subject's deeds)."""
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"} or any(
            c.dep_ in {"cc", "conj"} for c in verb.children) or any(
            c.dep_ == "conj" and c.i > verb.i for c in verb.head.children):
        return None
    before = verb.i - 1
    comma = before >= 0 and verb.doc[before].text == ","
    before -= comma
    if before <= verb.head.i:
        return None
    noun = verb.doc[before]
    while noun.head.i != noun.i and noun.head.i < verb.i and noun.dep_ != "conj":
        noun = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in {"NOUN", "PROPN"} or not (
            verb.head.i < noun.head.i < noun.i) or noun.right_edge.i != before or (
            comma and not any(c.dep_ == "appos" for c in noun.children)):
        return None
    opener = noun.left_edge.i - 1
    return noun if opener > noun.head.i and verb.doc[opener].dep_ == "cc" and (
        verb.doc[opener].head.i == noun.head.i) else None


def _reduced_relative_noun(token: Token) -> Token | None:
    """The noun a participle describes when the parser hung it on the main verb: "pointed
    to the fighters still crossing the border", "worked in the towns recaptured from Isis".
    The participle follows that noun with no comma, has no subject, auxiliary or
    conjunction of its own, and the noun is an object of the main clause, not a place
    after a preposition, and the main verb has no other object the participle may
    describe."""
    if token.dep_ != "advcl" or token.tag_ not in {"VBG", "VBN", "VBD"} or (
            token.i < token.head.i) or any(
            c.dep_ in {"aux", "auxpass", "mark", "nsubj", "nsubjpass"} for c in token.children):
        return None
    first = token.left_edge.i
    if first == 0:
        return None
    noun = token.doc[first - 1]
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ not in {"dobj", "pobj", "conj"} or (
            noun.ent_type_ in {"DATE", "TIME"}) or (
            noun.dep_ == "pobj" and noun.ent_type_ in {"GPE", "LOC", "FAC"}):
        return None  # "died in Syria fighting with the YPG": a place does nothing
    if any(c.dep_ in {"dobj", "obj"} and not c.left_edge.i <= noun.i <= c.right_edge.i
           for c in token.head.children):
        return None  # "sent a request to the UK challenging ...": the object may be meant
    return noun


def _deciders(noun: Token) -> Iterator[Token]:
    """Who made a decision: its possessor or the object of its by-phrase."""
    for child in noun.children:
        if child.dep_ == "poss":
            yield child
        elif child.dep_ == "prep" and child.lower_ == "by":
            yield from (c for c in child.children if c.dep_ == "pobj")


# participles of a consequence: what follows them is not their clause subject's deed
CONSEQUENCE_VERBS = frozenset({"culminate", "result", "climax"})


def _passive_gerund_patients(token: Token, lex: Lexicon) -> Iterator[Token]:
    """'Gondor halted the offensive after being urged by Arnor to do so': a passive gerund
    with no subject of its own after a preposition of manner or time (``gerund_preps``)
    is done to the subject of the verb it hangs on."""
    if token.dep_ != "pcomp" or not any(c.dep_ == "auxpass" and c.lower_ == "being"
                                        for c in token.children) or any(
            c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in token.children):
        return
    prep, verb = token.head, token.head.head
    if prep.dep_ != "prep" or prep.lower_ not in lex.gerund_preps or (
            verb.pos_ not in {"VERB", "AUX"}) or hypothetical(verb, lex):
        return
    yield from (c for c in verb.children
                if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS)


def _gerund_governor(gerund: Token, lex: Lexicon) -> Token | None:
    """The verb whose subject does a gerund after a preposition of manner or time: "were
    engaged in attacking IS", "responded by shelling the border", "after meeting Putin".
    Not an allegation or a denied deed ("were suspected of trading", "were prevented from
    attacking", "without consulting"), and not when the verb has an object, who may be the
    one said to act ("accused Kyiv of attacking", "thanked Ankara for helping")."""
    prep = gerund.head
    verb = prep.head
    if gerund.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in lex.gerund_preps or (
            verb.pos_ not in {"VERB", "AUX"}) or any(c.dep_ in {"dobj", "obj"}
                                                   for c in verb.children):
        return None
    return None if hypothetical(verb, lex) else verb  # "by cooperating ... it could"


def unknown_source(predicate: Predicate, slots: tuple[str, ...], targets: list[Resolved],
                   lex: Lexicon) -> list[Resolved]:
    """A subject that names someone the dictionaries do not know: an event with an unknown
    (null) source and the mention text, so nothing is guessed and nothing is lost. A passive
    with a known victim and no agent ("three civilians were killed") is kept the same way."""
    for slot in slots:
        if slot in {"amod", "compound"}:
            continue  # "the Raqqa offensive": an unknown modifier is more often a place
        for head in _slot_heads(predicate, slot, True, lex):
            if _names_someone(head, lex):
                end = head.right_edge.i if head.lemma_.lower() in lex.quantity_heads else head.i
                text = head.doc[head.left_edge.i : end + 1].text
                return [Resolved(None, text, head.i)]
    if targets and (passive(predicate.token) or predicate.code[:2] in lex.violent_roots):
        # "three civilians were killed", "a car bomb killed ten people": the victims are
        # known, the perpetrator is not
        return [Resolved(None, "", predicate.token.i)]
    return []


def _names_someone(head: Token, lex: Lexicon) -> bool:
    """A named person or body, or people named by a group ("Ibo elders", "Muslim hackers")."""
    if head.ent_type_ in ACTOR_ENTITIES or (head.pos_ == "PROPN" and head.ent_type_ not in {
            "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}):
        return True
    if head.lemma_.lower() in lex.quantity_heads:
        # "members of the Association of African Jurists"
        return any(_names_someone(pobj, lex) for prep in head.children
                   if prep.dep_ == "prep" and prep.lower_ == "of"
                   for pobj in prep.children if pobj.dep_ == "pobj")
    return head.pos_ == "NOUN" and head.tag_ == "NNS" and any(
        c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "ORG", "GPE"}
        for c in head.children)


def place_targets(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> list[Resolved]:
    """The country of an 'in' phrase on the predicate, as a state actor, when the event
    has no object at all ("a missionary was arrested in Lebanon" is aimed at the missionary)."""
    token = predicate.token
    if passive(token) or any(c.dep_ in {"dobj", "obj", "dative", "iobj"} for c in token.children):
        return []
    for head in _slot_heads(predicate, "in", False, lex):
        for found in actors_for(head, memory, lookup, lex):
            if found.country is not None:
                actor = Actor(found.country, found.country, rule=PLACE_RULE)
                return [Resolved(actor, found.text, found.token_i)]
    return []


def respective_targets(predicate: Predicate, sources: list[Resolved],
                       targets: list[Resolved]) -> list[list[Resolved]] | None:
    """'Russia and Turkey have backed the Syrian government and the rebels respectively':
    each source's target is the one in its place; when the counts differ, who did what to
    whom is unclear and no source has a target. None when 'respectively' is not said."""
    clause = [predicate.token, *predicate.words]
    if not any(c.lower_ == "respectively" for word in clause for c in word.children):
        return None
    if len(sources) < 2 or len(sources) != len(targets):
        return [[] for _ in sources]
    ordered = sorted(targets, key=lambda t: t.token_i)
    ranks = sorted(range(len(sources)), key=lambda i: sources[i].token_i)
    paired: list[list[Resolved]] = [[] for _ in sources]
    for rank, index in enumerate(ranks):
        paired[index] = [ordered[rank]]
    return paired


def mutual(predicate: Predicate, lex: Lexicon) -> bool:
    """A consultation, negotiation or exchange is mutual: "A met B" is also B meeting A
    ("phoned", "held talks with", "traded accusations", "clashed with")."""
    return predicate.code in lex.reciprocal_codes or (
        predicate.token.lemma_.lower() in lex.reciprocal_verbs)


# verbs of meeting whose deed ahead ("will meet", "are due to meet") is coded as an intent
# (036), which is no reciprocal code of its own
MEETING_LEMMAS = frozenset({"meet", "negotiate", "talk"})


def _meeting_ahead(predicate: Predicate) -> bool:
    """'The Chilean and Peruvian presidents will meet on Friday': a meeting still ahead is
    as mutual as one held."""
    return predicate.modality == "intended" and predicate.token.lemma_.lower() in MEETING_LEMMAS


def mutual_among_sources(predicate: Predicate, lex: Lexicon) -> bool:
    """Coordinated sources with no one else named act on one another: "A and B held
    talks", "agreed to resume flights", "signed a pact", "accused each other", "staged
    joint drills".
    Not when they act side by side: "fought alongside each other", "jointly attacked"."""
    if mutual(predicate, lex) or predicate.rule.startswith("frame:agree") or (
            predicate.code in lex.accord_codes) or (
            _between_sides(predicate)) or _meeting_ahead(predicate):
        return True
    near = [c for word in (*predicate.words, *predicate.slot_tokens) for c in word.children]
    near += [c for t in near if t.dep_ == "prep" for c in t.children]
    each_other = any(t.i > 0 and f"{t.doc[t.i - 1].lower_} {t.lower_}" in lex.reciprocal_markers
                     and t.head.lower_ not in lex.allied_preps for t in near)
    shared = any(t.lower_ in lex.reciprocal_markers for t in near)
    # "jointly attacked", "fought together": done side by side, not to each other
    return each_other or (shared and (predicate.code[:2] == "15"
                                      or predicate.code[:2] not in lex.conflict_roots
                                      and predicate.code[:2] < "11")) or (
        not shared and _war_fought(predicate, lex))


# what a war between the sides may be said to be over or when ("a war over Kashmir")
WAR_TOPIC_PREPS = frozenset({"over"})


def _war_fought(predicate: Predicate, lex: Lexicon) -> bool:
    """'Israel and Hezbollah fought a month-long war in 2006', 'went to war in 1967':
    coordinated sides that fight a war with no one else named fight it with each other.
    Not a war fought in a place, on, against or with someone, or for something ("fought
    a war in Iraq", "a war on terror": side by side), nor a battle or an insurgency
    (`war_nouns`)."""
    if predicate.code[:2] != FIGHT_ROOT:
        return False
    token = predicate.token
    wars = [w for w in predicate.words if w.lower_ in lex.war_nouns] + [
        p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "to"
        for p in prep.children if p.dep_ == "pobj" and p.lower_ in lex.war_nouns]
    if not wars:
        return False
    return not any(prep.dep_ in {"prep", "agent"} and prep.lower_ not in WAR_TOPIC_PREPS
                   and any(p.ent_type_ not in TIME_ENTITIES and p not in wars
                           for p in prep.children if p.dep_ in {"pobj", "pcomp"})
                   for anchor in (token, *wars) for prep in anchor.children)




JOINT_FORCE_CODE = "062"  # CAMEO: cooperate militarily


def joint(predicate: Predicate) -> Predicate:
    """A show of force that coordinated sides stage together ("A and B staged joint naval
    drills") is military cooperation between them, not a demonstration against each other."""
    if predicate.code[:2] != "15":
        return predicate
    return replace(predicate, code=JOINT_FORCE_CODE, rule=f"{predicate.rule}+joint")


def reversible(target: Resolved) -> bool:
    """A target that can be the source of the mutual event: an actor, not a place."""
    return target.actor is not None and target.code is not None and not _is_place(target)


def toward_targets(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                   lex: Lexicon, places: PlaceLookup | None) -> list[Resolved]:
    """Force aimed at a place is aimed at the state that holds it: "fired a missile over
    Japan", "the incursion into Afrin" (Syria), "a drone hit a depot in a Russian
    region". Only places the force goes to or strikes: troops fighting *in* a country
    are rarely fighting that country. Likewise a place the pattern itself names as the
    target ("the presidents arrived in Sochi" is a visit to Russia)."""
    for place in _toward_places(predicate, lex):
        found = _place_side(predicate, place, memory, lookup, lex, places)
        if found:
            return found
    return []


def _place_side(predicate: Predicate, place: Token, memory: DocActors, lookup: ActorLookup,
                lex: Lexicon, places: PlaceLookup | None) -> list[Resolved]:
    """The side force aimed at ``place`` is aimed at: the side said to hold it, else the
    state it is in; nobody when it names no place."""
    country = _place_country(place, memory, lookup, lex, places)
    holder = _place_holder(place, country or memory.sole_country or _sentence_country(
        predicate, place, memory, lookup, lex, places), memory, lookup, lex) if (
        predicate.code in lex.toward_place_roots) else None
    if holder is not None:
        return [holder]  # force aimed at a place a side holds: "bombed rebel-held Douma"
    if country is None and predicate.code[:2] in ARMED_ROOTS and predicate.code != OCCUPY_CODE:
        country = _unnamed_place_country(predicate, place, memory, lookup, lex, places)
    if country is not None:
        return [Resolved(Actor(country, country, rule=PLACE_RULE), place.text, place.i)]
    return []


def _unnamed_place_country(predicate: Predicate, place: Token, memory: DocActors,
                           lookup: ActorLookup, lex: Lexicon,
                           places: PlaceLookup | None) -> str | None:
    """'Russian jets attacked the city of al-Habit in southern Idlib', 'strikes on
    residential areas' in a sentence whose places are all Syria's: a place struck that
    names no country the dictionaries know (a town too small for the gazetteer, a thing
    struck with no place of its own) is in the one country the places of its sentence
    are in, names after a preposition of place only, not of origin
    (:func:`_sentence_country`)."""
    if not (_struck_thing(place, lex) or place.lemma_.lower() in lex.place_wrappers):
        return None
    return _sentence_country(predicate, place, memory, lookup, lex, places, sides_out=True,
                             origins_out=True)


def _sentence_country(predicate: Predicate, place: Token, memory: DocActors,
                      lookup: ActorLookup, lex: Lexicon, places: PlaceLookup | None,
                      doer: str | None = None, sides_out: bool = False,
                      origins_out: bool = False) -> str | None:
    """The one country the places named in the sentence of ``place`` are in ("Idlib has
    seen more bloodshed as jets bombed rebel-held positions": the rebels are Syria's),
    leaving out the doers the predicate names and the modifiers of nouns other than
    places, which name owners or doers ("US attacks in Syria"; not "Aleppo province");
    none when they name two; never the ``doer``'s country. With ``sides_out``, only names
    after a preposition of place count ("the UK is making public", "threats by the
    DPRK" name sides). With ``origins_out``, not names after 'from', which say where
    someone comes from ("militants from Saudi Arabia")."""
    doers = {t.i for word in (predicate.token, *predicate.words) for c in word.children
             if c.dep_ in SUBJECT_DEPS | DOER_MODIFIER_DEPS for t in c.subtree}
    found = {c for t in place.sent if t.i != place.i and t.i not in doers
             and (t.dep_ not in DOER_MODIFIER_DEPS or _place_word(t.head, False, lex)) and (
        t.ent_type_ in PLACE_ENTITIES or t.pos_ == "PROPN" and _place_word(t, True, lex))
        and not (sides_out and _named_as_side(t)) and not (origins_out and _named_as_origin(t))
        and (c := _place_country(t, memory, lookup, lex, places)) is not None}
    found.discard(doer)
    return found.pop() if len(found) == 1 else None


# prepositions of a place: "in northern Syria", "near Aleppo", "the bombardment of Idlib",
# "ousted the group from Raqqa"; not of a side ("by", "with", "against", "to", "like")
LOCATIVE_PREPS = frozenset({"in", "inside", "within", "near", "around", "across", "throughout",
                            "of", "from", "into", "at", "on", "over", "outside", "along",
                            "toward", "towards"})
PHRASE_INNER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod", "conj", "appos"})


def _named_as_side(token: Token) -> bool:
    """A name that does not stand as a place: the phrase it is in ("US-led forces", "the
    regime, Russia and US-led forces") is no object of a preposition of place (a subject
    or object, "threats by the DPRK", "Tunisia, like France, has faced attacks")."""
    while token.dep_ in PHRASE_INNER_DEPS and token.head.i != token.i:
        token = token.head
    return not (token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS)


def _named_as_origin(token: Token) -> bool:
    """A name whose phrase is the object of 'from': where someone or something comes from."""
    while token.dep_ in PHRASE_INNER_DEPS and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "from"


DOER_MODIFIER_DEPS = frozenset({"agent", "poss", "compound", "amod", "nmod"})


def _place_country(place: Token, memory: DocActors, lookup: ActorLookup, lex: Lexicon,
                   places: PlaceLookup | None) -> str | None:
    """The country a place word names: an actor it is ("Japan"), a national modifier on it
    ("a Russian region"), else the gazetteer's holder of the place ("Afrin")."""
    country = next((r.country for r in actors_for(place, memory, lookup, lex)
                    if r.country is not None), None) or next(
        (found for c in place.children if c.dep_ in {"amod", "compound"}
         and (found := lookup.country_of_demonym(c.text)) is not None), None)
    if country is None and places is not None:
        country = place_country(place, places, lex) or organisation_place_country(place, places)
    return country


# participles that name who holds a place: "rebel-held Douma", "the Kurdish-controlled city"
HOLDER_PARTICIPLES = frozenset({"held", "controlled", "run", "occupied", "dominated"})
HOLD_ROLES = frozenset({"REB", "OPP", "GOV", "MIL", "IMG", "UAF"})


OCCUPY_CODE = "192"  # CAMEO: occupy territory


def _held_before(predicate: Predicate, memory: DocActors, lookup: ActorLookup,
                 lex: Lexicon) -> list[Resolved]:
    """'the last villages held by Isis fell to the Kurds', 'the Isis-held town fell to the
    SDF', 'Raqqa, the de facto capital of Islamic State, fell to the SDF': ground taken
    whose phrase names who held it (a holding participle with an agent or a holder before
    it, the owner named in an appositive) is taken from that holder."""
    sides = [h for slot in predicate.target_slots if slot.islower() and " " not in slot
             for h in _slot_heads(predicate, slot, False, lex)]
    for noun in (n for side in sides for n in (side, *_appositives(side))):
        held = _place_holder(noun, memory.sole_country, memory, lookup, lex)
        if held is not None:
            return [held]
        for owner in _holder_words(noun):
            found = [r for r in actors_for(owner, memory, lookup, lex) if r.actor is not None]
            if found:
                return found
    return []


def _appositives(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ == "appos"]


def _holder_words(noun: Token) -> Iterator[Token]:
    """The agent of a holding participle on ``noun`` ("villages held by Isis") and the
    possessor or of-object of an appositive head ("the capital of Islamic State")."""
    for participle in (c for c in noun.children
                       if c.dep_ == "acl" and c.lower_ in HOLDER_PARTICIPLES):
        yield from (p for agent in participle.children if agent.dep_ == "agent"
                    for p in agent.children if p.dep_ == "pobj")
    if noun.dep_ == "appos":
        yield from (c for c in noun.children if c.dep_ == "poss")
        yield from (p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for p in prep.children if p.dep_ == "pobj")


def _place_holder(place: Token, country: str | None, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> Resolved | None:
    """'Syrian jets bombed rebel-held Douma', 'shelled the Kurdish-controlled city of
    Manbij': force aimed at a place that a side is said to hold is aimed at that side, read
    in the place's country (rebels in Syria are SYRREB; Kurds there the SDF's)."""
    nouns = [place, *_appositives(place)]  # "Idlib, the last rebel-held province"
    if place.dep_ == "pobj" and place.head.lower_ == "of" and (
            place.head.head.lemma_.lower() in lex.place_wrappers):
        nouns.append(place.head.head)  # "the rebel-held town of Saraqeb"
    for noun in nouns:
        for participle in (c for c in noun.children
                           if c.dep_ == "amod" and c.lower_ in HOLDER_PARTICIPLES):
            for word in (c for c in participle.children if c.i < participle.i and c.dep_ in {
                    "npadvmod", "compound", "amod", "nmod", "advmod"}):
                actor = _holder_actor(word, country, memory, lookup, lex)
                if actor is not None:
                    text = noun.doc[word.i : participle.i + 1].text
                    return Resolved(actor, text, word.i)
    return None


def _held_place(doc: Doc, target: Resolved, memory: DocActors, lookup: ActorLookup,
                lex: Lexicon) -> Resolved | None:
    """'bombed the Syrian rebel-held district of Daraa': a place read as its state
    through a national modifier is aimed at the side said to hold it, in that state (not
    when the modifier is the holder: "an assault on a US-controlled base")."""
    if target.actor is None or target.actor.rule != NATIONAL_MODIFIER_RULE:
        return None
    holder = _place_holder(phrase_head(doc[target.token_i]), target.country, memory, lookup,
                           lex)
    return holder if holder is not None and holder.code != target.code else None


def _holder_actor(word: Token, country: str | None, memory: DocActors, lookup: ActorLookup,
                  lex: Lexicon) -> Actor | None:
    """The side a holder word names in a place of ``country``: a known actor, a people at
    home there ("Kurdish" in Syria), or a role of that state ("rebel", "regime")."""
    known = memory.by_token.get(word.i)
    if known is not None:
        # "the Kurdish-held town of Afrin": a people is at home where the place is
        return rehomed(known, country, lex) or known
    if known is not None or country is None:
        return known
    home = next((h for h in lex.peoples.get(word.lower_, ()) if h.country == country), None)
    if home is not None:
        return Actor(home.code, country, rule=f"place-holder:{home.people}") if home.code else None
    role = lookup.role_of(word.lemma_) or lookup.role_of(word.text)
    if role is None or role not in HOLD_ROLES:
        return None
    return Actor(join_code(country, role), country, rule="place-holder:role")


def _toward_places(predicate: Predicate, lex: Lexicon) -> Iterator[Token]:
    """Objects of direction prepositions on the predicate, the place a struck thing is in
    ("hit a depot in ...", "strikes on residential areas in ..."), and for shelling, air
    strikes and force that enters ground a place of location ("air strikes near Kunduz",
    "the incursion in Syria"); for other events, a named place in one of the pattern's
    own target prepositions ("arrived in Sochi", "deployed to Basra")."""
    forceful = predicate.code in lex.toward_place_roots
    own = {slot for slot in predicate.target_slots if slot.islower() and " " not in slot
           and slot not in {"nsubj", "nsubjpass", "agent", "dobj", "iobj", "dative", "poss",
                            "amod", "compound", "embedded_subject", "clause_subject",
                            "object_clause_subject"}}
    yield from _phrase_places(predicate, own, forceful, lex)
    if not forceful:
        return
    # "a revenge attack for US air strikes in Kunduz province": the place phrase right
    # after the noun that the parser hangs on a noun above it
    yield from (pobj for word in sorted(own) for pobj in _stranded_prep_objects(
        predicate.token, word) if pobj.ent_type_ in PLACE_ENTITIES
        or pobj.lemma_.lower() in lex.place_wrappers)
    yield from _object_places(predicate, lex)


def _phrase_places(predicate: Predicate, own: set[str], forceful: bool,
                   lex: Lexicon) -> Iterator[Token]:
    """The objects of the predicate's prepositions that name where it is aimed: any after
    a preposition of direction in force, a place in a preposition of the pattern's own or
    of location in shelling, air strikes and entries (`struck_place_codes`, `entry_nouns`),
    and the place of a thing struck in either; never a sea."""
    struck = forceful and (predicate.code in lex.struck_place_codes
                           or predicate.token.lemma_.lower() in lex.entry_nouns)
    for prep in (c for anchor in predicate.slot_tokens for c in anchor.children
                 if c.dep_ == "prep"):
        toward = forceful and prep.lower_ in lex.toward_preps
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() in lex.water_places:
                continue  # "into the Sea of Japan": the sea is no state's
            if toward or (prep.lower_ in own and (_place_word(pobj, forceful, lex) or (
                    forceful and _held_thing(pobj, lex)))) or (
                    struck and prep.lower_ in lex.struck_place_preps
                    and _place_word(pobj, True, lex)):
                yield pobj
            if forceful and (toward or prep.lower_ in own):
                yield from _struck_thing_places(pobj, lex)


def _object_places(predicate: Predicate, lex: Lexicon) -> Iterator[Token]:
    """A place the force's object names, or where a thing struck is; in a threat or a
    plan of force the object of the deed it frames ("threatened to invade Afrin", "are
    poised to storm Idlib province")."""
    for verb in _object_verbs(predicate):
        obj = direct_object(verb, lex)
        if obj is not None and (_place_word(obj, True, lex) or _held_thing(obj, lex)):
            # "shelled Kharkiv", "attacked the city of Idlib", "Afrin was encircled" (a
            # name the tagger gave no or another type: the gazetteer has the last word); a
            # thing struck that a side is said to hold ("bombed rebel-held positions")
            yield obj
        if obj is not None and _struck_thing(obj, lex):
            for anchor in (obj, verb):  # the parser hangs "in ..." on either
                for prep in anchor.children:
                    if prep.dep_ == "prep" and prep.lower_ in lex.place_prepositions:
                        yield from (c for c in prep.children if c.dep_ == "pobj")


def _object_verbs(predicate: Predicate) -> tuple[Token, ...]:
    """The predicate's verb and, for a frame ("threatened to invade"), the verb of the
    deed it frames, whose object is the one struck."""
    inner = predicate.embedded
    if inner is None or inner.i == predicate.token.i or inner.pos_ != "VERB":
        return (predicate.token,)
    return (predicate.token, inner)


# entity types a tagger gives place names it misreads ("the bombardment of Aleppo" as a
# nationality, "the shelling of Kharkiv" as an organisation; the gazetteer has the last word)
MISTYPED_PLACE_ENTITIES = frozenset({"", "NORP", "ORG"})


def _place_word(token: Token, forceful: bool, lex: Lexicon) -> bool:
    """A place entity or a wrapper of one ("the town of Douma"); for force also a proper
    name of another or no entity type, which the gazetteer then reads ("the bombardment of
    Aleppo" tagged as a nationality, "the shelling of Kharkiv" as an organisation)."""
    return token.ent_type_ in PLACE_ENTITIES or token.lemma_.lower() in lex.place_wrappers or (
        forceful and token.pos_ == "PROPN" and token.ent_type_ in MISTYPED_PLACE_ENTITIES)


def _struck_thing(token: Token, lex: Lexicon) -> bool:
    """A thing struck that stands for the state it is in (`struck_things`), by its word
    or its lemma (the tagger reads "bases" as "basis")."""
    return token.lemma_.lower() in lex.struck_things or token.lower_ in lex.struck_things


def _held_thing(token: Token, lex: Lexicon) -> bool:
    """A thing struck that a side is said to hold ("rebel-held positions")."""
    return _struck_thing(token, lex) and any(
        c.dep_ == "amod" and c.lower_ in HOLDER_PARTICIPLES for c in token.children)


def _struck_thing_places(thing: Token, lex: Lexicon) -> Iterator[Token]:
    """'strikes on residential areas in Idlib', 'an attack on a hospital near Aleppo': the
    place named on a thing struck (`struck_things`) that force is aimed at; not on a thing
    a possessor names as someone's."""
    if not _struck_thing(thing, lex) or any(
            c.dep_ == "poss" for c in thing.children):
        return  # "opened fire at his own base in Killeen": a thing someone's, not the place's
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.struck_place_preps:
            yield from (c for c in prep.children
                        if c.dep_ == "pobj" and _place_word(c, True, lex))


def self_reference(source: Resolved, target: Resolved) -> bool:
    """A place in the source's own country, or a state and its own government ("Russia
    objected to a case against Moscow"). A government acting on its own state is kept:
    "promised to democratize Serbia", "imposed a curfew in southeastern Turkey"."""
    if target.country is None or target.country != source.country:
        return False
    return _is_place(target) or (source.code == source.country
                                 and target.code == f"{source.country}GOV")


NATIONAL_MODIFIER_RULE = "modifier:country"


def _own_national_thing(predicate: Predicate, source: Resolved, target: Resolved,
                        lex: Lexicon) -> bool:
    """'Tillerson pledged a lasting US commitment', 'US troops repelled an attack on a
    US-held base': a state's own adjective on a thing that is no actor (a commitment, a
    base, a border) names what is the state's own, no other side of its deed. A retreat
    keeps the ground it leaves ("withdrew from the besieged Bosnian town"), and the state's
    own people stay a side ("denied land to a Turkish religious community")."""
    country = source.country
    if (country is None or predicate.code.startswith("08") or target.actor is None
            or target.code != country
            or predicate.token.doc[target.token_i].lower_ in lex.people_heads):
        return False
    sector = source.code[len(country):] if source.code else ""
    return target.actor.rule == NATIONAL_MODIFIER_RULE and (
        sector == "" or sector[:3] in STATE_ORGANS)


def own_means(predicate: Predicate, target: Resolved, lex: Lexicon, bare: bool = False) -> bool:
    """'Russia deployed troops to the border', 'withdrew its forces': in deployments and
    withdrawals the pattern's own object, read only as a bare role ("troops" as MIL), is the
    source's means, not its target (unlike the patients of 'released the soldiers'); so
    are the members of the force it builds ("a border force including the YPG"; ``bare``:
    any reading of that object)."""
    if predicate.code not in lex.deployment_codes:
        return False
    read_bare = bare or (target.actor is not None and target.actor.rule.endswith(":role"))
    return read_bare and any(t.i == target.token_i for t in predicate.words)


def _is_place(target: Resolved) -> bool:
    return target.actor is not None and target.actor.rule == PLACE_RULE
