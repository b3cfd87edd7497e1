"""Walks over the dependency parse that the coder's stages share: a pattern's words at
a predicate, its object seen through measure words, passives, embedded clauses. Pure
functions over spaCy tokens; the words they look for come from the Lexicon."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dyadwatch.coding.doc_arrays import per_token
from dyadwatch.coding.mood import inverted_condition

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.kb.lexicon import Lexicon
    from dyadwatch.kb.verbs import VerbPattern

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
EMBED_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl", "relcl"})


def lemma_candidates(token: Token) -> tuple[str, ...]:
    """The parser's lemma, then forms undone by rule for the small model's misses
    ("staged" → stag, stage; "retook" → retook)."""
    lemma, word = token.lemma_.lower(), token.lower_
    found = [lemma]
    if token.pos_ == "VERB":
        if word.endswith("ed") and len(word) > 4:
            found += [word[:-1], word[:-2]]
            if word[-3] == word[-4]:
                found.append(word[:-3])
        elif word.endswith("ing") and len(word) > 5:
            found += [word[:-3], word[:-3] + "e"]
        elif word.endswith("s") and len(word) > 3:
            found += [word[:-1], word[:-2]]
    return tuple(dict.fromkeys(found))


def pattern_words(token: Token, pattern: VerbPattern, lex: Lexicon,
                  objects: dict[int, Token | None] | None = None) -> tuple[Token, ...] | None:
    """The trigger words if ``pattern`` holds at ``token``, else None. ``objects`` keeps
    :func:`pattern_object` by token for the caller that tries many patterns at a token."""
    words: list[Token] = [token]
    if pattern.particle is not None:
        # the parser often reads a particle as an adverb ("pushed back against")
        particle = child_word(token, {"prt", "advmod"}, pattern.particle) or _particle_of_place(
            token, pattern.particle, lex)
        if particle is None:
            return None
        words.append(particle)
    if pattern.object and not pattern.complement and calling(token, lex):
        return None  # "called the American strike an act of aggression" calls no strike
    if pattern.object:
        if objects is None:
            obj = pattern_object(token, lex)
        else:
            if token.i not in objects:
                objects[token.i] = pattern_object(token, lex)
            obj = objects[token.i]
        if obj is None or not _names_object(obj, pattern.object, lex):
            return None
        if pattern.object_modifier and not any(
                c.dep_ in {"amod", "compound"} and c.lemma_.lower() in pattern.object_modifier
                for c in obj.children):
            return None
        words.append(obj)
    elif pattern.object_modifier and not _modified_by(token, pattern.object_modifier):
        return None  # a noun's own modifier: "an air campaign", not "an election campaign"
    if pattern.prep is not None and not _has_prep(token, pattern.prep, pattern.prep_object):
        return None
    if pattern.not_with and company_lemmas(token, lex) & set(pattern.not_with):
        return None
    if told_by_means(token, lex):
        return None
    if pattern.complement and (small_clause(token) is None or restating(token)):
        return None
    return tuple(words)


def told_by_means(token: Token, lex: Lexicon) -> bool:
    """'Gondor retaliated by expelling 23 Arnorian diplomats', 'avenged the raid by
    shelling the port': a retaliation (`retaliation_verbs`) whose means a by-gerund tells
    is the deed of that gerund, coded from it; the verb names no deed of its own."""
    return token.lemma_.lower() in lex.retaliation_verbs and any(
        prep.dep_ == "prep" and prep.lower_ == "by" and any(
            c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)
        for prep in token.children)


def calling(token: Token, lex: Lexicon) -> bool:
    """A verb of calling (calling_verbs) whose object is given a complement ("called the
    strike an act of aggression"): it names its object, it does not do what the object
    names."""
    return token.lemma_.lower() in lex.calling_verbs and small_clause(token) is not None


def restating(token: Token) -> bool:
    """'dismissed the offer, calling it a gimmick': a participle on another verb that says
    again what that verb's deed was, no deed of its own."""
    return token.tag_ == "VBG" and token.dep_ == "advcl" and token.head.pos_ == "VERB"


def company_lemmas(token: Token, lex: Lexicon) -> set[str]:
    """The words a predicate keeps company with, which tell its sense: the lemmas near it
    (:func:`near_lemmas`), its object's head ("met its commitments", "host thousands of
    workers"), its subjects' heads ("troops met government forces", "Britons who
    travelled"; a relative pronoun stands for the noun its clause describes) and the head
    of a passive's agent ("a camp surrounded by sympathisers")."""
    company = near_lemmas(token, lex)
    obj = pattern_object(token, lex)
    if obj is not None:
        company.add(obj.lemma_.lower())
    for subject in _own_or_shared_subjects(token):
        if subject.lower_ in lex.relative_pronouns and token.dep_ == "relcl":
            subject = token.head  # "Britons who travelled to Syria"
        company.add(measured(subject, lex).lemma_.lower())
    company.update(measured(p, lex).lemma_.lower() for a in token.children if a.dep_ == "agent"
                   for p in a.children if p.dep_ == "pobj")
    return company


def _own_or_shared_subjects(token: Token) -> list[Token]:
    """A verb's subjects, or, for a verb joined to another or a participle hung on it with
    no subject of its own, the other verb's ("it broke up and landed in the sea", "it
    flew over Japan before landing in the ocean"); not a pronoun of a person, which tells
    nothing of the sense ("he accepted the plan but questioned its cost")."""
    own = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if own or token.pos_ != "VERB" or token.head.i == token.i or not (
            token.dep_ == "conj" or token.dep_ == "advcl" and token.tag_ == "VBG"):
        return own
    return [c for c in token.head.children if c.dep_ in SUBJECT_DEPS
            and not (c.tag_ == "PRP" and c.lower_ != "it")]


def _modified_by(noun: Token, words: list[str]) -> bool:
    """One of ``words`` modifies ``noun`` as an adjective or a noun before it."""
    return any(c.dep_ in {"amod", "compound", "nmod"} and c.lemma_.lower() in words
               for c in noun.children)


AIM_PREPS = frozenset({"on", "against"})
AMOUNT_ENTITIES = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})
COMPLEMENT_DEPS = frozenset({"dobj", "dative", "oprd", "attr", "obj"})


def predicative(token: Token) -> bool:
    """An adjective that says what its clause's subject is ("Borduria is angry that …",
    "said it was unhappy with …"), not one that describes a noun ("an angry crowd")."""
    return token.pos_ == "ADJ" and token.dep_ in {"acomp", "ROOT", "ccomp", "xcomp", "conj"}


def verb_tagged_noun(token: Token) -> bool:
    """A word tagged as a noun that the parser gave a subject and a direct object, so a
    finite verb ("The army retook Palmyra": the small model tags 'retook' a noun)."""
    deps = {c.dep_ for c in token.children}
    return token.pos_ == "NOUN" and {"nsubj", "dobj"} <= deps


def named_object(token: Token) -> Iterator[Token]:
    """The object a small clause is about when the parser reads object and complement as
    two complements ("called [Borduria's troop movements] [a provocation]"): the first."""
    objects = [c for c in token.children if c.dep_ in COMPLEMENT_DEPS
               and c.ent_type_ not in AMOUNT_ENTITIES]
    if len(objects) >= 2 and objects[0].dep_ != "dobj":
        yield objects[0]
    elif (pair := _complement_on_object(token)) is not None and pair[0].dep_ != "dobj":
        yield pair[0]  # "called [the North Korean launch] [a reckless act]"


def small_clause(token: Token) -> Token | None:
    """The complement a verb's object is given, or None: 'declared eastern Ghouta a
    de-escalation zone', 'designated Srebrenica a safe area' (two objects, as the parser
    reads a small clause) and 'declared the war over' (a word after the object that says
    what it now is)."""
    for c in token.children:  # "declared [the war over]", parsed as a verbless clause
        if c.dep_ in {"ccomp", "xcomp"} and c.pos_ not in {"VERB", "AUX"} and any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
            return c
    objects = [c for c in token.children if c.dep_ in COMPLEMENT_DEPS
               and c.ent_type_ not in AMOUNT_ENTITIES]  # not "declaring a pounds 100,000 advance"
    if len(objects) >= 2 and not any(  # "considering funds for trials, a route France took"
            t.text == "," for t in token.doc[objects[0].right_edge.i : objects[-1].left_edge.i]):
        return objects[-1]
    for obj in objects:
        after = [c for c in obj.children if c.dep_ in {"advmod", "amod", "acomp", "prt"}]
        after += [c for c in token.children if c.dep_ in {"acomp", "prt"}]
        for c in after:
            if c.i > obj.i and c.pos_ in {"ADP", "ADJ", "ADV", "VERB"} and not any(c.children):
                return c  # "the war over", "the election void"
        for c in obj.children:  # "declared northern Idlib a buffer zone", with no comma
            if c.dep_ == "appos" and c.i > obj.i and not any(
                    t.is_punct for t in obj.doc[obj.i + 1:c.left_edge.i]):
                return c
    pair = _complement_on_object(token)
    return pair[1] if pair is not None else None


def _complement_on_object(token: Token) -> tuple[Token, Token] | None:
    """'called the North Korean launch a reckless act' parsed with the label as the object
    of the verb's noun object (a noun takes no object, so the two are the verb's two
    objects): that object and the noun after it that the parse hangs on it."""
    for obj in token.children:
        if obj.dep_ in COMPLEMENT_DEPS | {"xcomp"} and obj.pos_ in {"NOUN", "PROPN"}:
            for c in obj.children:
                if c.dep_ == "dobj" and c.i > obj.i and c.pos_ == "NOUN":
                    return obj, c
    return None


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _names_object(obj: Token, words: list[str], lex: Lexicon) -> bool:
    """The object is one of ``words``, by lemma or word form (dictionaries list "weapons"
    as well as "weapon") or, for an upper-case word, by its entity type ("PERSON", "NORP":
    "Begg was held by the US", "two Britons held by the SDF"); a group noun is what it
    groups ("the SDF group of militias")."""
    heads = [obj]
    if obj.lemma_.lower() in lex.quantity_heads:
        heads += [c for c in obj.children if c.dep_ == "compound"]
        heads += [p for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj"]
    return any(h.lemma_.lower() in words or h.lower_ in words or h.ent_type_ in words
               for h in heads)


def _has_prep(token: Token, word: str, objects: list[str] | None = None) -> bool:
    """The pattern's preposition is there, and not as a date ("insisted on Wednesday" is
    no 'insist on'); with ``objects``, its object is one of them ("on alert"), and the
    parse may hang it on the object of another of the verb's prepositions ("responded to
    threats with threats"). A predicative 'as' may hang on the verb's object ("dismissed
    the plan as a gimmick")."""
    hosts = [token, *(c for c in token.children if c.dep_ == "dobj" and word in OBJECT_PREPS)]
    if objects:  # "responded to threats with threats", the 'with' hung on "threats"
        hosts += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ != word
                  for p in prep.children if p.dep_ == "pobj"]
    if word == "for" and not objects and for_to_clause(token) is not None:
        return True  # "called for Gondor to withdraw": the 'for' marks the clause
    return any(c.dep_ in {"prep", "agent", "dative"} and c.lower_ == word and not any(
        g.dep_ == "pobj" and g.ent_type_ in TIME_ENTITIES for g in c.children) and (
        not objects or any(g.dep_ == "pobj" and g.lemma_.lower() in objects
                           for g in c.children))
        for host in hosts for c in host.children)


# prepositions a pattern may find on its object ("dismissed the plan as a gimmick",
# "expressed regret at the veto")
OBJECT_PREPS = frozenset({"as", "at"})


def near_lemmas(token: Token, lex: Lexicon) -> set[str]:
    """Lemmas of the predicate's modifiers and its adverbs of manner ("attacked him
    verbally"), of its object's modifiers ("oil supplies") and of its own and its object's
    prepositions' objects ("demand for oil")."""
    near = {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod", "nmod"}
            or (c.dep_ == "advmod" and c.lower_.endswith("ly"))}
    obj = direct_object(token, lex)
    if obj is not None:
        near.update(c.lemma_.lower() for c in obj.children if c.dep_ in {"compound", "amod"})
        near.update(g.lemma_.lower() for c in obj.children if c.dep_ == "prep"
                    for g in c.children if g.dep_ == "pobj")  # "sent tanks to the frontier"
    for prep in token.children:
        if prep.dep_ in {"prep", "dative"}:  # the parser makes some 'to' phrases datives
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                near.add(pobj.lemma_.lower())
                near.update(c.lemma_.lower() for c in pobj.children if c.dep_ == "compound")
    return near


def prepositional_objects(token: Token, words: frozenset[str] | set[str]) -> Iterator[Token]:
    """Objects of ``words`` prepositions under ``token``, also through another prepositional
    phrase ("engage without preconditions in negotiations")."""
    frontier = [token]
    for _ in range(2):
        next_frontier = []
        for anchor in frontier:
            for prep in anchor.children:
                if prep.dep_ != "prep":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if prep.lower_ in words:
                        yield pobj
                    next_frontier.append(pobj)
        frontier = next_frontier


PLACE_NAME_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _particle_of_place(token: Token, word: str, lex: Lexicon) -> Token | None:
    """'US troops pulled out of Iraq': a particle the parser reads as the first word of
    'out of', when a place follows (not 'pulled out of the deal') and the verb has no
    object ('forced the tycoons out of Russia' expels them: no one drives Russia out)."""
    particle = child_word(token, {"prep"}, word)
    if particle is None or any(c.dep_ in {"dobj", "obj"} for c in token.children) or not any(
            of.dep_ == "prep" and of.lower_ == "of" and any(
                c.dep_ == "pobj" and (c.ent_type_ in PLACE_NAME_ENTITIES
                                      or c.lemma_.lower() in lex.place_wrappers)
                for c in of.children) for of in particle.children):
        return None
    return particle


def child_word(token: Token, deps: set[str], word: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and child.lower_ == word:
            return child
    return None


@per_token
def direct_object(token: Token, lex: Lexicon) -> Token | None:
    """The object, seen through measure words ("tons of aid", "a series of strikes")."""
    deps = PASSIVE_SUBJECT_DEPS if passive(token) else {"dobj", "obj"}
    for child in token.children:
        if child.dep_ in deps:
            return measured(child, lex)
    return None


def pattern_object(token: Token, lex: Lexicon) -> Token | None:
    """The object a pattern tests: the direct object, or the noun a relative clause or a
    participle describes when the clause leaves its object out ("the missile it fired
    over Japan", "the sanctions which Washington imposed", "missiles fired at Guam")."""
    obj = direct_object(token, lex)
    if obj is not None and obj.lower_ not in lex.relative_pronouns:
        return obj
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in {"NOUN", "PROPN"}:
        return measured(token.head, lex)
    if token.dep_ != "relcl" or token.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if obj is not None or passive(token) or (
            subjects and all(s.lower_ not in lex.relative_pronouns for s in subjects)):
        return measured(token.head, lex)  # the head noun fills the missing object
    return None


def measured(noun: Token, lex: Lexicon) -> Token:
    if noun.lemma_.lower() == "state":
        # "declared a state of emergency": the state is its of-object
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in lex.states_of:
                        return pobj
    if noun.lemma_.lower() in lex.measure_nouns or noun.pos_ == "NUM":
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return measured(pobj, lex)
    return noun


def stative(token: Token, lex: Lexicon) -> bool:
    """'Vietnam is committed to opening up', 'Iraq is prepared to impose martial law': a
    passive form that states the subject's own disposition, with no agent."""
    return token.tag_ == "VBN" and token.lemma_.lower() in lex.stative_passives and not any(
        c.dep_ == "agent" for c in token.children) and not any(
        c.dep_ == "aux" and c.lower_ in {"was", "were", "been"} for c in token.children)


def for_to_clause(token: Token) -> Token | None:
    """'called for Gondor to withdraw', 'his call for Rohan to pay': the small parser hangs
    a for-to infinitive with a subject of its own on the word it completes as an adverbial
    clause marked by 'for', or away from the word (:func:`_detached_for_to_clause`); the
    clause's subject is the one asked to act (:func:`for_to_subjects`)."""
    for child in token.children:
        if child.dep_ == "advcl" and child.pos_ in {"VERB", "AUX"} and to_clause(child) and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in child.children) and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
            return child
    word = _next_word(token)
    return None if word is None or word.lower_ != "for" else _detached_for_to_clause(word)


def for_to_subjects(token: Token, clause: Token) -> list[Token]:
    """Who the for-to ``clause`` of ``token`` asks to act: the clause's subject after its
    'for' ("called for Gondor to withdraw"), or the object of a 'for' the parser hung on
    ``token`` itself ("an EU demand for Gondor to recognise Rohan"); none for any other
    clause."""
    word = _next_word(token)
    found = for_to_clause(token)
    if word is None or word.lower_ != "for" or found is None or found.i != clause.i:
        return []
    subjects = [c for c in clause.children
                if c.dep_ in {"nsubj", "nsubjpass"} and word.i < c.i < clause.i]
    return subjects or [c for c in word.children if c.dep_ == "pobj" and word.dep_ == "prep"]


def _next_word(token: Token) -> Token | None:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None


def _detached_for_to_clause(word: Token) -> Token | None:
    """'its call for Gondor to stand aside was an opinion', 'an EU demand for Gondor to
    recognise Rohan': the small parser often hangs the for-to clause that follows a word
    at once on another word of the sentence, with its 'for' as the clause's mark or as a
    preposition of the word whose object is the clause's subject; the clause is still the
    word's. The subject must name someone (a name or a noun of people), not a thing
    wanted for a purpose ("called for weapons to fight the militants")."""
    if word.dep_ == "mark":
        clause = word.head
        subjects = [c for c in clause.children
                    if c.dep_ in {"nsubj", "nsubjpass"} and word.i < c.i < clause.i]
    elif word.dep_ == "prep" and word.i == word.head.i + 1:
        subjects = [c for c in word.children if c.dep_ == "pobj"]
        after = _next_word(subjects[0].right_edge) if subjects else None
        clause = after.head if after is not None and after.dep_ == "aux" and (
            after.lower_ == "to") else word
        if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in clause.children):
            return None
    else:
        return None
    if not any(_names_party(s) for s in subjects) or clause.pos_ not in {"VERB", "AUX"}:
        return None
    return clause if to_clause(clause) else None


def _names_party(word: Token) -> bool:
    """A name, or a noun a name or a nationality modifies ("the Syrian president",
    "Gondor's army"): a party a clause may ask to act."""
    return word.pos_ == "PROPN" or word.ent_type_ in ACTOR_ENTITY_TYPES or any(
        c.dep_ in {"amod", "compound", "poss"} and c.ent_type_ in ACTOR_ENTITY_TYPES
        for c in word.children)


# entity types that name an actor: the subject a for-to clause asks to act ("for Gondor to
# withdraw"), the side a statement comments on (comments.py)
ACTOR_ENTITY_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def to_clause(clause: Token) -> bool:
    """The clause is a to-infinitive ("to dislodge", "to be a threat")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


@per_token
def passive(token: Token) -> bool:
    return any(c.dep_ in _PASSIVE_MARKS for c in token.children)


def absolute_participle(token: Token, lex: Lexicon) -> bool:
    """'With Islamic State crushed, the powers will meet', 'Its leaders killed, the group
    …', 'to have them killed': a past participle with a subject of its own and no
    auxiliary, hung on another clause or with an object pronoun for subject, is passive;
    its subject is what was done to, never the doer. After 'with' the parser may tag the
    participle as a past tense and hang the main clause on it; after any other subordinator
    ("as the rebels negotiated", "when the Kurds allied") the verb is a finite past."""
    if token.tag_ not in {"VBN", "VBD"} or any(
            c.dep_ in {"aux", "auxpass"} for c in token.children) or (
            not any(c.dep_ == "nsubj" for c in token.children)):
        return False
    marks = [c.lower_ for c in token.children
             if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")]
    if marks:
        return all(mark in lex.absolute_marks for mark in marks)
    return token.tag_ == "VBN" and (token.dep_ == "advcl" or any(
        c.dep_ == "nsubj" and c.lower_ in lex.object_pronouns for c in token.children))


_PASSIVE_MARKS = PASSIVE_SUBJECT_DEPS | {"auxpass"}


def agent_objects(agent: Token) -> Iterator[Token]:
    """The doers a by-phrase of a passive names: its object, or where the phrase is denied
    ("launched not by the regime, but by the coalition") the object of the by-phrase
    set against it; the denied ones did nothing."""
    phrases = [agent, *(c for c in agent.children if c.dep_ == "conj" and c.pos_ == "ADP")]
    for phrase in phrases:
        if not any(c.dep_ == "neg" for c in phrase.children):
            yield from (c for c in phrase.children if c.dep_ == "pobj")


def embedded_predicate(token: Token) -> Token | None:
    """The verb a frame embeds: 'threatened to strike', 'warned that it would take action',
    'is ready to engage', 'signaled his intention to de-escalate', 'called for Gondor to
    withdraw' (:func:`for_to_clause`)."""
    for child in token.children:
        if child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
            return child
    clause = for_to_clause(token)
    if clause is not None:
        return clause
    for child in token.children:
        if child.dep_ in {"dobj", "attr", "acomp"}:
            for grandchild in child.children:
                if grandchild.dep_ in EMBED_DEPS and grandchild.pos_ == "VERB" and not (
                        _describing_participle(grandchild)):
                    return grandchild
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB" and not (
                    _describing_participle(child)):
                return child
        return _detached_infinitive(token)
    return None


def _describing_participle(verb: Token) -> bool:
    """'rejected the plan proposed by Gondor', 'the plan, drawn up in Gondor': a past
    participle on a noun says what was done to the noun; it is no deed the frame names
    (no refusal to propose); not a perfect with a subject or an auxiliary of its own
    ("the accusation that Gondor had armed the rebels")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
        c.dep_ in {*SUBJECT_DEPS, "aux", "mark"} for c in verb.children)


def _detached_infinitive(noun: Token) -> Token | None:
    """'repeated his vow to destroy X': the small parser often hangs a noun's to-clause on
    the verb whose object the noun is; the first such clause after the noun is the noun's.
    Through a preposition ('rattled allies with his vow to destroy X') only a clause whose
    'to' follows the noun at once is the noun's."""
    if noun.dep_ in {"dobj", "obj"}:
        verb, adjacent = noun.head, False
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb, adjacent = noun.head.head, True  # "rattled allies with his vow to destroy X"
    else:
        return None
    for sibling in verb.children:
        to = next((c for c in sibling.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if sibling.i > noun.i and sibling.dep_ in {"advcl", "xcomp"} and sibling.pos_ == "VERB" \
                and to is not None and (not adjacent or to.i == noun.i + 1):
            return sibling
    return None


def obligation_modal(clause: Token, lex: Lexicon) -> str | None:
    """'must' or 'should' when the clause states an obligation ("must withdraw", "has to");
    not a condition ("should war break out")."""
    if inverted_condition(clause):
        return None
    for child in clause.children:
        if child.dep_ == "aux" and child.lower_ in {"must", "should"}:
            return child.lower_
    if clause.lemma_ in lex.obligation_verbs and not any(
            c.lower_ in lex.obligation_blockers for c in clause.children) and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)
            for c in clause.children):
        return "must"  # "has to withdraw"; not "has yet to be faced"
    return None


def reaction_object(token: Token, lex: Lexicon) -> Token | None:
    """The 'with' object of a passive verb of reception ("was met with anger", "will be
    greeted with force"), or None."""
    if token.lemma_.lower() not in lex.reaction_idioms or not passive(token):
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def figurative_aim(token: Token, lex: Lexicon) -> bool:
    """An attack aimed at something economic, legislative or rhetorical: "launched an
    attack on the cost of the asylum system", "an attack on Tory plans" (the 'on' or
    'against' object of the predicate or of the event noun it carries)."""
    obj = direct_object(token, lex)
    return any(p.lemma_.lower() in lex.figurative_objects
               for head in (token, obj) if head is not None
               for p in prepositional_objects(head, AIM_PREPS) if p.head.head == head)


def figure_of_speech(token: Token, lex: Lexicon) -> bool:
    """Force words used figuratively or for civil ends: an economic or legislative object
    or modifier ("strangle the economy", "killed the bill", "attacked Tory plans", "a trade
    war"), a policy as
    the one who strikes ("sanctions targeting exports", "the new tariffs hit steel"), or a
    launch into space ("launched a rocket carrying a communications satellite")."""
    obj = direct_object(token, lex)
    if obj is not None and obj.lemma_.lower() in lex.figurative_objects:
        return True
    if token.pos_ == "NOUN" and any(  # "a trade war", "a cold war", "a war of words"
            (c.dep_ in {"amod", "compound"} and c.lemma_.lower() in lex.figurative_objects)
            or (c.dep_ == "prep" and c.lower_ == "of" and any(
                g.lemma_.lower() in lex.figurative_objects for g in c.children))
            for c in token.children):
        return True
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if token.dep_ in {"acl", "relcl"}:
        subjects.append(token.head)  # "sanctions targeting exports"
    if any(s.lemma_.lower() in lex.policy_instruments for s in subjects):
        return True
    scope = [obj] if obj is not None else []
    scope += [p for p in token.children if p.dep_ == "prep"]
    return any(t.lemma_.lower() in lex.civil_launch_words for root in scope for t in root.subtree)
