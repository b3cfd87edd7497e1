"""Statements about another actor (issue 14): the clause of a statement that comments on a
named actor, and the CAMEO code its words carry.

"Ruritania said Borduria's move was a provocation" is Ruritania's criticism of Borduria
(111), "said Borduria was responsible for the blast" an accusation (112), "said Borduria
had no intention of negotiating" a statement about Borduria's stance (010), "said Borduria
would face consequences" a threat to Borduria (130; words.yaml ``penalty_verbs``,
``penalty_nouns``). What counts is
what the clause says its subject is or does (its head, the verbs the head controls, its
complement and that complement's modifiers), not the objects of a deed: "said Borduria
condemned the provocation" relays Borduria's deed. A clause that denies the blame or the
criticism ("was not responsible") carries neither. The words are data (words.yaml:
``criticism_words``, ``blame_words``, ``duty_words``, ``stance_words``), never a
sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dyadwatch.coding.doc_arrays import per_token
from dyadwatch.coding.syntax import (
    ACTOR_ENTITY_TYPES,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    passive,
    small_clause,
    to_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.kb.lexicon import Lexicon

CRITICISM = "111"
BLAME = "112"
STANCE = "010"
PESSIMISM = "012"
OPTIMISM = "013"
EMPATHY = "018"
PRAISE = "051"
THREAT = "130"
CRITICAL_CODES = frozenset({CRITICISM, BLAME})
PREDICATIVE_DEPS = frozenset({"acomp", "attr", "oprd"})
MODIFIER_DEPS = frozenset({"amod", "advmod", "acl", "xcomp", "acomp"})
QUALITY_PREPS = frozenset({"of"})  # "an act of cowardice"
FIRST_PERSON = frozenset({"my", "our"})  # the speaker's own: "our reckless leaders"


@per_token
def comment_code(clause: Token, lex: Lexicon, agent: bool = False) -> str | None:
    """The code a statement's clause ``clause`` carries about its subject (or, with
    ``agent``, about its passive's agent): 112 when it
    blames it, 111 when it criticises it or says it broke its word, 010 when it denies it
    a will or an interest
    ("had no intention of ..."); None when its words carry none of these, or when the
    clause is a forecast ("Borduria's plan would fail" is a statement about Borduria, 010,
    and no criticism of a deed done)."""
    forecast = lex.future_aux | lex.hypothetical_aux
    if any(c.dep_ == "aux" and c.lower_ in forecast for c in clause.children):
        return THREAT if _penalty_told(clause, lex) else None
    # a passive verb says what was done to its subject ("said Borduria had been misled"),
    # unless its own form is a word of the list ("was terrified of scrutiny"); it says
    # what its agent did ("was orchestrated by Borduria")
    done_to = passive(clause) and not agent
    words = {w for t in evaluation(clause)
             for w in ((t.lower_,) if t.i == clause.i and done_to
                       else (t.lemma_.lower(), t.lower_))}
    negated = _negated(clause, lex)
    if words & lex.blame_words:
        return None if negated else BLAME
    if words & lex.criticism_words:
        return None if negated else CRITICISM
    if negated and words & lex.duty_words:
        return CRITICISM  # "said Borduria had never honoured the truce"
    if negated and words & lex.stance_words:
        return STANCE
    return None


def _penalty_told(clause: Token, lex: Lexicon) -> bool:
    """'said Borduria would face consequences', 'would pay a big price': a clause that its
    subject will undergo a penalty (a threat by the speaker, CAMEO 130), not when it
    will not ('would not face sanctions')."""
    if clause.lemma_.lower() not in lex.penalty_verbs or _negated(clause, lex):
        return False
    objects = [c for c in clause.children if c.dep_ in {"dobj", "obj"}]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(o.lemma_.lower() in lex.penalty_nouns or o.lower_ in lex.penalty_nouns
               for o in objects)


def evaluation(clause: Token) -> Iterator[Token]:
    """The words that say what the clause's subject is or does: the head, the verbs it
    controls ("is trying to undermine"), its complement with the complement's modifiers
    ("was an attempt to circumvent", "an act of cowardice") and the words coordinated with
    it ("was a bossy, interfering government"), what a 'have' clause has ("had no
    intention"), a copula's preposition ("was behind the attack"), the subject
    noun with its own adjectives ("Borduria's aggression has ...", "the reckless
    government had ...") and the manner of the deed ("behaved shamefully")."""
    yield clause
    for child in clause.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS:
            yield child
            yield from (c for c in child.children if c.dep_ == "amod")
        elif child.dep_ == "advmod":
            yield child
        elif child.dep_ == "xcomp":
            yield from _controlled(child)
        elif child.dep_ in PREDICATIVE_DEPS or (
                child.dep_ == "dobj" and clause.lemma_.lower() == "have"):
            for word in (child, *_shared_conjuncts(child)):
                yield word
                yield from _modifiers(word)
        elif child.dep_ == "prep" and clause.lemma_.lower() == "be":
            yield child


def _shared_conjuncts(word: Token) -> Iterator[Token]:
    """'was a bossy, interfering government', 'was unwise and reckless': the words
    coordinated with a complement say the same of the subject; not one with a subject of
    its own ("the plan was sound and its critics wrong")."""
    yield from (c for c in word.conjuncts if c.i > word.i and not any(
        d.dep_ in SUBJECT_DEPS or d.dep_ in PASSIVE_SUBJECT_DEPS or d.dep_ == "dep"
        for d in c.children))


def comment_subjects(clause: Token, shared: bool = True) -> Iterator[Token]:
    """The clause's subject, active or passive ("Borduria's plan would be dropped"), or,
    with ``shared``, the subject a conjunct shares with the clause it is joined to ("said
    Borduria signed the truce but then violated it")."""
    own = [c for c in clause.children
           if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    if shared and not own and (sharing := _stranded_on(clause)) is not None:
        yield from comment_subjects(sharing)
        return
    if shared and not own and clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        yield from comment_subjects(clause.head)
        return
    yield from own


@per_token
def statement_clauses(statement: Token, lex: Lexicon) -> tuple[Token, ...]:
    """The clauses a statement governs, each of coordinated clauses on its own ("said the
    bill would help, but ministers had been complacent"), also one the parse joins to the
    statement itself after its clause (:func:`_joined_clause`), a finite verb the parse
    joins to an infinitive inside the clause (:func:`_stranded_on`), the clause a verb of
    showing governs ("said the plans showed Borduria was terrified of scrutiny") and the
    quote a colon introduces when the parse hangs the statement on it (:func:`_quoted_head`)."""
    return tuple(_each_statement_clause(statement, lex))


def _each_statement_clause(statement: Token, lex: Lexicon) -> Iterator[Token]:
    for clause in statement.children:
        if clause.dep_ == "ccomp":
            yield from _with_shown(clause, lex)
            yield from (c for c in clause.children
                        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
            yield from (t for t in clause.subtree
                        if (on := _stranded_on(t)) is not None and on.i == clause.i)
        elif _joined_clause(statement, clause, lex):
            yield clause
    if (quoted := _quoted_head(statement)) is not None:
        yield quoted


def _stranded_on(verb: Token) -> Token | None:
    """'said Borduria had the chance to end the war and has failed', the parse joining
    'has failed' to the infinitive 'to end': a finite verb with no subject of its own joined
    to an infinitive below a clause cannot share its 'to', and goes with the nearest verb
    above that has a subject; None for any other verb."""
    infinitive = verb.head
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"} or not to_clause(infinitive) or (
            not any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children)) or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    return next((a for a in infinitive.ancestors if a.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in a.children)), None)


FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})  # "has failed", "had failed", "will"


def _quoted_head(statement: Token) -> Token | None:
    """'He tweeted: "Borduria is responsible for the blockade."' parsed upside down, the
    statement hanging as a clause on the verb of the quote it introduces: that verb, after
    the statement and the colon between them, is the statement's clause."""
    head = statement.head
    if statement.dep_ != "ccomp" or head.i <= statement.i or head.pos_ not in {"VERB", "AUX"}:
        return None
    return head if any(t.text == ":" and t.head.i in {statement.i, head.i}
                       for t in statement.doc[statement.i + 1:head.i]) else None


def _with_shown(clause: Token, lex: Lexicon) -> Iterator[Token]:
    yield clause
    if clause.lemma_.lower() in lex.evidence_verbs:
        for shown in (c for c in clause.children if c.dep_ == "ccomp"):
            yield from _with_shown(shown, lex)


def _joined_clause(statement: Token, clause: Token, lex: Lexicon) -> bool:
    """'said the bill would help, but ministers had been complacent' parsed with the second
    clause joined to 'said': a conjunct after the statement's own clause, with a subject of
    its own that is no pronoun, and no statement of its own."""
    return (clause.dep_ == "conj" and clause.pos_ in {"VERB", "AUX"}
            and clause.lemma_.lower() not in lex.reporting_verbs
            and any(c.dep_ == "ccomp" and c.i < clause.i for c in statement.children)
            and any(c.dep_ in SUBJECT_DEPS and c.pos_ not in {"PRON", "DET"}
                    for c in clause.children))


def comment_on(statement: Token, target: Token, lex: Lexicon) -> str | None:
    """The code of ``statement`` about the actor named at ``target`` when the actor is the
    subject (or in the subject: "Borduria's move") of a clause the statement governs, or
    the owner of a word of criticism in it (:func:`criticised_things`), or what a verb of
    calling calls it (:func:`called_code`)."""
    if statement.lemma_.lower() in lex.calling_verbs:
        return called_code(statement, target, lex)
    for clause in statement_clauses(statement, lex):
        if any(s.i == target.i or s.is_ancestor(target) for s in comment_subjects(clause)) and (
                code := comment_code(clause, lex)) is not None:
            return code  # of the clause, or of a conjunct sharing its subject
    for thing, code in _criticised(statement, lex):
        if thing.i == target.i or thing.is_ancestor(target):
            return code
    if any(p.i == target.i or p.is_ancestor(target) for p in praised_partners(statement, lex)):
        return PRAISE
    if any(p.i == target.i or p.is_ancestor(target) for p in sympathised(statement, lex)):
        return EMPATHY
    return None


def criticised_subjects(statement: Token, lex: Lexicon) -> Iterator[tuple[Token, str]]:
    """'said the launch was a reckless provocation', 'said the strike was illegal': the
    common nouns that are the subjects of the clauses a statement governs which criticise
    or blame them, each with the clause's code (:func:`comment_code`); not a noun that is
    itself the word of criticism ("said these provocations only deepen Borduria's
    isolation" names the deeds with scorn and says nothing of them)."""
    scorn = lex.criticism_words | lex.blame_words
    for clause in statement_clauses(statement, lex):
        if (code := comment_code(clause, lex)) in CRITICAL_CODES:
            yield from ((s, code) for s in comment_subjects(clause, shared=False)
                        if s.pos_ == "NOUN" and s.lemma_.lower() not in scorn)


def praised_partners(statement: Token, lex: Lexicon) -> Iterator[Token]:
    """'said our cooperation with France had been hugely successful': the partner (the
    object of 'with') of a working together (partnership_nouns) that a clause the
    statement governs says is a success (success_words), not denied nor forecast, is
    praised, 051; an owner of the partnership other than a pronoun ("Borduria's ties with
    Ruritania") makes it someone else's, of which the speaker only tells."""
    forecast = lex.future_aux | lex.hypothetical_aux
    for clause in statement_clauses(statement, lex):
        if _negated(clause, lex) or any(c.dep_ == "aux" and c.lower_ in forecast
                                        for c in clause.children):
            continue
        words = {w for t in evaluation(clause) for w in (t.lemma_.lower(), t.lower_)}
        if not words & lex.success_words:
            continue
        for subject in comment_subjects(clause, shared=False):
            if {subject.lemma_.lower(), subject.lower_} & lex.partnership_nouns and not any(
                    c.dep_ == "poss" and c.pos_ != "PRON" for c in subject.children):
                yield from (p for prep in subject.children
                            if prep.dep_ == "prep" and prep.lower_ == "with"
                            for p in prep.children if p.dep_ == "pobj")


def sympathised(statement: Token, lex: Lexicon) -> Iterator[Token]:
    """'said: "Our thoughts are with the French people"', '"Our hearts go out to
    Borduria," he said': the speaker's own sympathy (sympathy_nouns owned by 'my' or 'our',
    the subject of a clause the statement governs) is with the object of that clause's
    'with' ('be') or 'to' ('go out'): an empathetic comment, 018."""
    for clause in statement_clauses(statement, lex):
        prep = SYMPATHY_PREPS.get(clause.lemma_.lower())
        if prep is None or (prep == "to" and not any(
                c.dep_ in {"advmod", "prt"} and c.lower_ == "out" for c in clause.children)):
            continue
        if any(_sympathy(s, lex) for s in comment_subjects(clause, shared=False)):
            yield from (p for c in clause.children if c.dep_ == "prep" and c.lower_ == prep
                        for p in c.children if p.dep_ == "pobj" and _named_side(p))


SYMPATHY_PREPS = {"be": "with", "go": "to"}  # "are with", "go out to"


def _sympathy(noun: Token, lex: Lexicon) -> bool:
    """'our thoughts', 'my deepest sympathies': a noun of sympathy the speaker owns."""
    return noun.lemma_.lower() in lex.sympathy_nouns and any(
        c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in noun.children)


def called_code(statement: Token, target: Token, lex: Lexicon) -> str | None:
    """'called Borduria's move a provocation', 'labelled the minister incompetent',
    'described Borduria's move as provocative': what a verb of calling calls the actor at
    ``target`` (in its object, not in the complement, which an 'as' may name), 112 when
    the complement's words blame, 111 when they criticise or it is a label of scorn
    (:func:`_scornful_label`); None otherwise ('called the envoy a friend' stays a
    statement about the envoy)."""
    complement = small_clause(statement) or _as_complement(statement)
    if complement is None or complement.i == target.i or complement.is_ancestor(target):
        return None
    words = {w for t in (complement, *_modifiers(complement))
             for w in (t.lemma_.lower(), t.lower_)}
    if words & lex.blame_words:
        return BLAME
    return CRITICISM if words & lex.criticism_words or _scornful_label(complement, lex) else None


def _scornful_label(complement: Token, lex: Lexicon) -> bool:
    """'called Borduria's president a monster', 'described the sanctions as an act of
    terrorism', 'described the militia as a terrorist group': a label of scorn
    (label_words) that is the complement itself, what an 'of' on it names, or a modifier
    of a complement that names a body or a ruler (label_heads); as a modifier of anything
    else it tells of a state of affairs ('called it a dangerous moment')."""
    labels = [complement, *(p for prep in complement.children
                            if prep.dep_ == "prep" and prep.lower_ in QUALITY_PREPS
                            for p in prep.children if p.dep_ == "pobj")]
    if complement.lemma_.lower() in lex.label_heads:
        labels += [c for c in complement.children if c.dep_ in {"amod", "compound"}]
    return any({t.lemma_.lower(), t.lower_} & lex.label_words for t in labels)


def _as_complement(statement: Token) -> Token | None:
    """'described the US move as provocative', 'described the decision as an act of
    aggression': what an 'as' on the verb or on its object says the object is; also one
    the parse hangs on the object of the verb's own preposition ("described him in a
    speech as a terrorist")."""
    heads = [statement, *(c for c in statement.children if c.dep_ == "dobj"),
             *(p for prep in statement.children if prep.dep_ == "prep" and prep.lower_ != "as"
               for p in prep.children if p.dep_ == "pobj")]
    for prep in (c for head in heads for c in head.children
                 if c.dep_ == "prep" and c.lower_ == "as"):
        return next((c for c in prep.children if c.dep_ in {"pobj", "amod", "acomp"}), None)
    return None


def criticised_things(statement: Token, lex: Lexicon) -> Iterator[Token]:
    """'said it must counter perceived US aggression', 'said the talks were a reply to
    Borduria's provocations', 'said this was a gaffe by the minister': a noun of criticism
    that a name owns or that names its author, out of the subject of a
    clause the statement governs, or that is the statement's own object ("suggested a
    Bordurian plot", a noun of blame: 112), criticises its owner (not one denied: "no
    aggression");
    'said the coup was instigated by Borduria': a passive's agent is blamed or criticised
    by the clause's verb."""
    yield from (thing for thing, _ in _criticised(statement, lex))


def _criticised(statement: Token, lex: Lexicon) -> Iterator[tuple[Token, str]]:
    for thing in (c for c in statement.children if c.dep_ == "dobj"):
        if (code := _owned_fault(thing, lex)) is not None:
            yield thing, code  # "suggested a Bordurian plot"
    yield from ((organ, CRITICISM) for organ in scorned_organs(statement, lex))
    for clause in statement_clauses(statement, lex):
        subjects = list(comment_subjects(clause))
        for noun in clause.subtree:
            if _owned_fault(noun, lex) == CRITICISM and not any(
                    s.i == noun.i or s.is_ancestor(noun) for s in subjects):
                yield noun, CRITICISM
        if _disapproves(clause, lex):
            yield from ((thing, CRITICISM) for thing in _disapproved(clause, lex))
        elif _concerned(clause, lex):
            yield from ((thing, PESSIMISM) for thing in _disapproved(clause, lex))
        else:
            yield from ((partner, OPTIMISM) for partner in _hoped_partners(clause, lex))
        code = comment_code(clause, lex, agent=True) if passive(clause) else None
        if code in CRITICAL_CODES:
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                yield from ((p, code) for p in agent.children if p.dep_ == "pobj")


def scorned_organs(statement: Token, lex: Lexicon) -> Iterator[Token]:
    """'"This dodgy government is publishing a dodgy budget," he said', 'said the reckless
    ministers had ...', 'the puppet regime': a noun of an organ of state or of politics
    (scorned_heads) in what the statement says, with a word of criticism set before it
    (parsed as an adjective or as a noun), is scorned by the speaker;
    not one denied ("no reckless government") nor the speaker's own ("our reckless
    leaders")."""
    quoted = [*statement_clauses(statement, lex),
              *(c for c in statement.children if c.dep_ == "dep" and c.pos_ == "NOUN")]
    yield from (noun for clause in quoted for noun in clause.subtree if _scorned(noun, lex))


def _scorned(noun: Token, lex: Lexicon) -> bool:
    """Is ``noun`` an organ (scorned_heads) with a word of criticism before it, neither
    denied nor the speaker's own?"""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.scorned_heads:
        return False
    mods = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
    return any({c.lemma_.lower(), c.lower_} & lex.criticism_words for c in mods) and not any(
        c.lower_ in lex.negators or (c.dep_ == "poss" and c.lower_ in FIRST_PERSON)
        for c in noun.children)


def _owned_fault(noun: Token, lex: Lexicon) -> str | None:
    """The code of a noun of blame (112) or criticism (111) that a name owns or that names
    its author ("Borduria's aggression", "a Bordurian plot", "a gaffe by the minister"),
    not one denied ("no aggression"); None for any other noun."""
    lemma = noun.lemma_.lower()
    code = BLAME if lemma in lex.blame_words else (
        CRITICISM if lemma in lex.criticism_words else None)
    if noun.pos_ != "NOUN" or code is None or any(
            c.lower_ in lex.negators for c in noun.children):
        return None
    return code if any(
        c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.ent_type_)
        or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children) else None


def statement_topics(statement: Token, lex: Lexicon) -> Iterator[Token]:
    """What a statement says it is about: the object of a topic preposition on the
    statement or in its clause that names an actor ("spoke about Borduria", "said both
    leaders wanted a peaceful way in regard to Borduria's nuclear programme"; topic_preps),
    of 'on' after a verb of commenting ("commented on Borduria's offer"; topic_on_verbs),
    and of the reaction or question the speaker answers ("Reacting to Borduria's test, ...
    said", "Asked about Borduria's offer, ... said"; :func:`_answered`)."""
    scope = [*(c for c in statement.children if c.dep_ == "prep"),
             *(t for clause in statement_clauses(statement, lex) for t in clause.subtree),
             *(t for answered in _answered(statement, lex) for t in answered.subtree)]
    for prep in (t for t in scope if t.dep_ == "prep"):
        if _topic_prep(prep, lex):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                if (actor := _topic_actor(pobj)) is not None:
                    yield actor


def _topic_prep(prep: Token, lex: Lexicon) -> bool:
    word, head = prep.lower_, prep.head.lemma_.lower()
    return word in lex.topic_preps or (word == "to" and (
        head in lex.topic_nouns or head in lex.reaction_verbs)) or (
        word == "on" and head in lex.topic_on_verbs)


def _answered(statement: Token, lex: Lexicon) -> Iterator[Token]:
    """'Reacting to Borduria's test, the ministry said ...', 'Asked to comment on Borduria's
    offer, the minister said ...': a participle on the statement with no subject of its own
    whose verb is a reaction or a question put to the speaker (reaction_verbs) says what
    the statement answers."""
    for clause in statement.children:
        if clause.dep_ == "advcl" and clause.tag_ in {"VBG", "VBN"} and (
                clause.lemma_.lower() in lex.reaction_verbs) and not any(
                c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "mark"
                for c in clause.children):
            yield clause


def _names_actor(head: Token) -> bool:
    """A name, or a thing a name owns ("Borduria", "Borduria's programme"; not "Bordurian
    children", who are no more Borduria than its state)."""
    return head.pos_ == "PROPN" or any(
        c.dep_ == "poss" and c.ent_type_ in ACTOR_ENTITY_TYPES
        for c in head.children)


def _named_side(head: Token) -> bool:
    """A name, or a noun a name owns or modifies ("Borduria", "Borduria's court", "the
    Bordurian people", "the people of Borduria"); not a noun no name goes with ("the
    victims", "their families")."""
    return head.pos_ == "PROPN" or _names_actor(head) or any(
        c.dep_ in NAMING_DEPS and c.ent_type_ in ACTOR_ENTITY_TYPES for c in head.children
    ) or any(p.dep_ == "pobj" and p.ent_type_ in ACTOR_ENTITY_TYPES
             for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
             for p in prep.children)


NAMING_DEPS = frozenset({"amod", "compound", "nmod"})


def _topic_actor(head: Token) -> Token | None:
    """The actor a topic names: the name itself, or the owner of a thing when the owner is
    a name or a role a name places ("Borduria's detention of two men" is about Borduria,
    "the Bordurian president's speech" about the president); None for a thing no name owns."""
    if head.pos_ == "PROPN":
        return head
    for owner in (c for c in head.children if c.dep_ == "poss"):
        if owner.ent_type_ in ACTOR_ENTITY_TYPES or any(
                c.dep_ in {"amod", "compound"} and c.ent_type_ in ACTOR_ENTITY_TYPES
                for c in owner.children):
            return owner
    return None


def _disapproves(clause: Token, lex: Lexicon) -> bool:
    """'said he was not convinced by ...', 'said we have serious misgivings about ...': the
    speaker's own disapproval (a pronoun subject; "Borduria was unhappy with ..." relays
    another's)."""
    if not any((c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS) and c.pos_ == "PRON"
               for c in clause.children):
        return False
    words = {w for t in evaluation(clause) for w in (t.lemma_.lower(), t.lower_)}
    negated = _negated(clause, lex)  # "was not disappointed" disapproves of nothing
    return bool(words & (lex.approval_words if negated else lex.disapproval_words))


def _concerned(clause: Token, lex: Lexicon) -> bool:
    """'said it was deeply concerned by Borduria's actions': the speaker's own concern (a
    pronoun subject, not denied) about an actor's thing is a pessimistic comment on it."""
    return _feels(clause, lex.concern_words, lex)


def _feels(clause: Token, feeling_words: frozenset[str], lex: Lexicon) -> bool:
    """Does the clause say the speaker (a pronoun subject) has one of ``feeling_words``,
    not denied?"""
    return any((c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS) and c.pos_ == "PRON"
               for c in clause.children) and not _negated(clause, lex) and bool(
        {w for t in evaluation(clause) for w in (t.lemma_.lower(), t.lower_)}
        & feeling_words)


def _hoped_partners(clause: Token, lex: Lexicon) -> Iterator[Token]:
    """'said he was optimistic about relations with Borduria', 'was hopeful that ties with
    Borduria would improve': the speaker's own optimism (optimism_words) about relations
    is an optimistic comment on the partner, 013; optimism about anything else names no
    one it is aimed at."""
    if not _feels(clause, lex.optimism_words, lex):
        return
    for word in evaluation(clause):
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in OPTIMISM_PREPS):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                yield from _related_partners(pobj, lex)
        for that in (c for c in word.children if c.dep_ == "ccomp"):
            for subject in (s for s in that.children if s.dep_ in SUBJECT_DEPS):
                yield from _related_partners(subject, lex)


OPTIMISM_PREPS = frozenset({"about", "over", "on", "for"})


def _disapproved(clause: Token, lex: Lexicon) -> Iterator[Token]:
    """What the disapproval is of: the object of its by/about/with/over phrase, named or
    owned by a name ("not convinced by Mr Mallon's arguments"), the partner of relations
    so named ("worried about relations with Borduria": :func:`_related_partners`), and
    the named doer of the that-clause the word governs ("disappointed that Borduria had
    rejected the request", "concerned that Borduria was massing troops")."""
    for word in evaluation(clause):
        for prep in (c for c in word.children
                     if c.dep_ in {"prep", "agent"} and c.lower_ in lex.disapproval_preps):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                if _names_actor(pobj):
                    yield pobj
                else:
                    yield from _related_partners(pobj, lex)
        yield from _that_clause_doers(word)


def _that_clause_doers(word: Token) -> Iterator[Token]:
    """'disappointed that Borduria had rejected the request': the subject, named or owned
    by a name, of a that-clause on a word of feeling."""
    for clause in (c for c in word.children if c.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
        yield from (s for s in clause.children
                    if (s.dep_ in SUBJECT_DEPS or s.dep_ in PASSIVE_SUBJECT_DEPS)
                    and _named_side(s))


def _related_partners(noun: Token, lex: Lexicon) -> Iterator[Token]:
    """'relations with Borduria', 'the state of relations with Borduria': the partner
    (the object of 'with') of relations (partnership_nouns) that no one but the speaker
    owns ("Borduria's ties with Ruritania" are another's)."""
    nouns = [noun, *(p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for p in prep.children if p.dep_ == "pobj")]
    for relation in nouns:
        if {relation.lemma_.lower(), relation.lower_} & lex.partnership_nouns and not any(
                c.dep_ == "poss" and c.lower_ not in FIRST_PERSON for c in relation.children):
            yield from (p for prep in relation.children
                        if prep.dep_ == "prep" and prep.lower_ == "with"
                        for p in prep.children if p.dep_ == "pobj")


def warned_about(warning: Token, target: Token, lex: Lexicon) -> bool:
    """'warned that a Syrian military assault would lead to a catastrophe', 'warned that
    Borduria would attack': a warning whose target is the doer of the clause it governs
    (the active subject, or the name on it) speaks about that actor's deed and threatens
    no one; the one a threat is aimed at is its object or its clause's patient ("warned
    Borduria", "warned that Borduria's troops would be crushed")."""
    if warning.lemma_.lower() not in lex.caution_verbs:
        return False
    for clause in (c for c in warning.children if c.dep_ == "ccomp"):
        for subject in (c for c in clause.children if c.dep_ in SUBJECT_DEPS):
            if subject.i == target.i or any(
                    c.i == target.i and c.dep_ in {"poss", "amod", "compound"}
                    for c in subject.children):
                return True
    return False


def _controlled(verb: Token) -> Iterator[Token]:
    yield verb
    for child in verb.children:
        if child.dep_ == "xcomp":
            yield from _controlled(child)
        elif child.dep_ in PREDICATIVE_DEPS:
            yield child


def _modifiers(word: Token) -> Iterator[Token]:
    for child in word.children:
        if child.dep_ in MODIFIER_DEPS:
            yield child
        elif child.dep_ == "prep" and child.lower_ in QUALITY_PREPS:
            yield from (p for p in child.children if p.dep_ == "pobj")


def _negated(clause: Token, lex: Lexicon) -> bool:
    """Is the clause or its complement denied ("was not", "had no", "never")?"""
    heads = [clause, *(c for c in clause.children
                       if c.dep_ in PREDICATIVE_DEPS or c.dep_ in {"dobj", "xcomp"})]
    return any(c.dep_ in {"neg", "det", "advmod"} and c.lower_ in lex.negators
               for head in heads for c in head.children)
