"""Mood of a predicate in the parse: negated, future, conditional or merely possible,
reported, or only setting the scene. Pure functions over spaCy tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.coding.doc_arrays import per_token, span_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyadwatch.kb.lexicon import Lexicon


def scene_setting(token: Token, lex: Lexicon) -> bool:
    """An event noun that only sets the scene of another event ("an offensive in its war
    with Iraq", "killed during the fighting") is not coded on its own."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ in lex.scene_preps:
        return True
    governor = prep.head
    return prep.lower_ == "in" and governor.pos_ in {"VERB", "NOUN"} and governor.dep_ != "ROOT"


@per_token
def negated(token: Token, lex: Lexicon) -> bool:
    """The predicate is denied: a negator on it (or on its copula), a negating governor
    ("failed to reach"), or "no" as its determiner."""
    if has_negator(token, lex) or (token.dep_ in {"acomp", "attr"}
                                    and has_negator(token.head, lex)):
        return True  # "did not attack", "is not ready to negotiate"
    if token.dep_ in {"xcomp", "pcomp"} and token.head.lemma_.lower() in (
            lex.negating_heads - lex.refusing_heads):
        return True  # "failed to reach agreement", "refrained from attacking"
    if token.dep_ == "pcomp" and token.head.head.lemma_.lower() in lex.negating_heads:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in {"in", "from"} and (
            token.head.head.lemma_.lower() in lex.negating_heads):
        return True  # "failed in its promise to close it", "refrained from attacks"
    if token.dep_ == "xcomp" and has_negator(token.head, lex) and (
            token.head.lemma_.lower() not in lex.negating_heads):
        return True  # "did not try to destroy", "does not want to negotiate"
    if _denied_by_governor(token, lex):
        return True  # "did not let the villagers defend themselves"
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and (
            token.head.head.lemma_ == "be" and has_negator(token.head.head, lex)):
        return True  # "Chile is not in talks with Peru", "was not at war with"
    # "no attack was carried out", "refrained from attacking" are not handled here.
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children) or any(
        c.dep_ == "dobj" and (any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                              or _little(c))
        for c in token.children) or any(  # "provided no evidence", "held no talks"
        c.dep_ in {"nsubj", "nsubjpass"} and any(
            d.dep_ in {"preconj", "det"} and d.lower_ == "neither" for d in c.children)
        for c in token.children)  # "neither Tehran nor Baghdad has given permission"


def _denied_by_governor(token: Token, lex: Lexicon) -> bool:
    """'did not let the villagers defend themselves', 'would not dare to bomb the villages
    and kill civilians', 'does not want to look menacing': a negator on a verb that
    governs a to-clause, or a chain of them, denies the clause, and the clause's conjuncts
    with no subject or auxiliary of their own (not under a negating governor: "did not fail
    to reach" is done)."""
    clause = token
    for _ in range(4):
        while clause.dep_ == "conj" and clause.head.i != clause.i and not any(
                c.dep_ in {*_CLAUSE_SUBJECTS, "aux", "auxpass"} for c in clause.children):
            clause = clause.head  # "to bomb the villages and kill civilians"
        head = clause.head
        if head.i == clause.i or clause.dep_ not in {"xcomp", "ccomp"} or (
                clause.dep_ == "ccomp" and not _infinitive(clause)) or (
                head.lemma_.lower() in lex.negating_heads):
            return False
        if has_negator(head, lex):
            return True
        clause = head
    return False


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _little(noun: Token) -> bool:
    """'has shown little interest in Syria', 'offered little support': 'little' (not 'a
    little') on the object says that next to nothing was done."""
    return any(c.dep_ == "amod" and c.lower_ == "little" for c in noun.children) and not any(
        c.dep_ == "det" and c.lower_ == "a" for c in noun.children)


def none_done(token: Token) -> bool:
    """'No further aid will be provided', 'no agreement was reached': a passive deed whose
    subject is "no" something is denied. (Not a frame's refusal: "no date has been set for
    the visit" refuses nothing.)"""
    return any(c.dep_ == "nsubjpass" and any(d.dep_ == "det" and d.lower_ == "no"
                                             for d in c.children) for c in token.children)


def has_negator(token: Token, lex: Lexicon) -> bool:
    """A negator on the word itself ("did not attack", "no longer demands")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lex.negators)
               or _lapsed(c, lex) for c in token.children)


def _lapsed(modifier: Token, lex: Lexicon) -> bool:
    """'no longer demands', 'will no more tolerate': an adverb of time (lapse_adverbs) with
    a negator on it denies the predicate it modifies."""
    return modifier.dep_ == "advmod" and modifier.lower_ in lex.lapse_adverbs and any(
        c.dep_ == "neg" or c.lower_ in lex.negators for c in modifier.children)


@per_token
def future(token: Token, lex: Lexicon) -> bool:
    """Will, would, shall, or "going to" ("is going to impose sanctions": the parser makes
    "going" the head and the deed its to-clause)."""
    return any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in token.children) or (
        going_to(token))


# adjectives after "be" whose to-clause is a deed still to come ("is due to visit", "is
# about to impose sanctions")
_AHEAD_ADJECTIVES = frozenset({"due", "about"})


def going_to(token: Token) -> bool:
    """The deed of "is going to …" or "was going to …", or of "is due to …" and "is about
    to …"."""
    head = token.head
    if token.dep_ != "xcomp" or head.i == token.i or not _infinitive(token):
        return False
    if head.lower_ in _AHEAD_ADJECTIVES and head.dep_ == "acomp":
        return head.head.lemma_ == "be"
    return head.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_ == "be"
                                          for c in head.children)


def forecast(token: Token, lex: Lexicon) -> bool:
    """Disapproval told ahead ("will anger the US", "would likely irk Assad", "Israel will
    be dismayed", "is going to be very angry") is a forecast, not a feeling shown; on an
    adjective the copula carries the future."""
    copula = token.head if token.dep_ in {"acomp", "attr"} and token.head.i != token.i else None
    if future(token, lex) or (copula is not None and future(copula, lex)):
        return True
    return going_to(copula if copula is not None else token)


def future_deed(token: Token, lex: Lexicon) -> bool:
    """Future itself, or a conjunct of a future verb with no auxiliary or subject of its own
    ("said it will invade and destroy the enclave": the destruction is as much ahead)."""
    if future(token, lex):
        return True
    return token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ in {
        "VERB", "AUX"} and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"}
                                   for c in token.children) and future_deed(token.head, lex)


INDICATIVE_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "'s", "'re"})


def indicative(clause: Token) -> bool:
    """A clause that states a fact in the past or present ("that Assad was committed",
    "that Iran has violated the deal"), not a wish ("that the troops withdraw")."""
    return clause.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in INDICATIVE_AUX for c in clause.children)


def decided(token: Token, lex: Lexicon) -> bool:
    """A deed that an announcement, a decision or an order governs: "announced a withdrawal"
    (the announcing verb is the trigger), "the pullout was announced", "the withdrawal,
    announced by the president", "the planned pullout", "decided to withdraw", "the decision
    to pull out", "announced he was withdrawing". Only promised, not done."""
    if token.lemma_.lower() in lex.deciding_words:
        return True
    if token.pos_ == "NOUN":
        return (token.dep_ in {"dobj", "nsubjpass"}
                and token.head.lemma_.lower() in lex.deciding_words) or any(
            c.dep_ in {"acl", "amod"} and (c.lemma_.lower() in lex.deciding_words
                                           or c.lower_ in lex.deciding_words)
            for c in token.children)
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i and not any(
            c.dep_ in _CLAUSE_SUBJECTS for c in clause.children):
        clause = clause.head
    governor = clause.head.lemma_.lower()
    return governor in lex.deciding_words and (
        clause.dep_ in {"xcomp", "acl"} or (clause.dep_ == "ccomp" and clause.tag_ == "VBG"))


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def ultimatum(token: Token) -> bool:
    """The predicate carries an 'unless' condition ("will withdraw unless …")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children) for c in token.children)


SELF_CONDITION_MARKS = frozenset({"if", "when", "once"})


def self_conditioned(token: Token, lex: Lexicon) -> bool:
    """'Japan would shoot the missiles down if it bought the weapons', 'he will shoot them
    down when he completes the purchase': a deed ahead on condition that its own doer first
    gets the means (``acquiring_verbs``) is a plan or a forecast of what the doer may become
    able to do, no threat at anyone; a threat's condition is another's deed ("will
    retaliate if Gondor oversteps"). A pronoun that may name the deed's object instead
    ("will strike Gondor if it builds the bomb") leaves the threat as it is."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
    return bool(doers) and any(
        c.dep_ == "advcl" and c.lemma_.lower() in lex.acquiring_verbs and any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in SELF_CONDITION_MARKS
            for m in c.children)
        and any(s.dep_ == "nsubj" and _same_doer(s, doers[0], objects) for s in c.children)
        for c in token.children)


def _same_doer(subject: Token, doer: Token, objects: list[Token]) -> bool:
    """The condition's subject names the deed's doer again: the same word, or a pronoun
    that agrees with the doer and with none of the deed's objects."""
    if subject.pos_ != "PRON":
        return subject.lemma_.lower() == doer.lemma_.lower()
    if doer.pos_ == "PRON":
        return doer.lower_ == subject.lower_
    return _agrees(subject, doer) and not any(_agrees(subject, o) for o in objects)


def _agrees(pronoun: Token, noun: Token) -> bool:
    """'it', 'he', 'she' for a singular noun, 'they' for a plural one."""
    plural = noun.tag_ in {"NNS", "NNPS"} or noun.lower_ in {"they", "them", "we", "us"}
    return (pronoun.lower_ == "they") == plural


def hypothetical(token: Token, lex: Lexicon) -> bool:
    """Conditional, modal-possible or questioned clauses describe no event, nor do event
    nouns that are only possible ("any nuclear attack", "a potential strike")."""
    if token.pos_ == "NOUN" and any(c.dep_ in {"det", "amod"} and c.lower_ in lex.unreal_modifiers
                                    for c in token.children):
        return True
    if token.pos_ == "NOUN" and _planned(token):
        return True  # "a peace deal to be signed next week", "talks to be held in Geneva"
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of" and (
            token.head.head.lemma_.lower() in lex.potential_nouns):
        return True  # "the prospect of a confrontation", "the risk of an Israeli strike"
    if _awaited(token, lex):
        return True  # "will depend on negotiations", "opened the door to talks"
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
            and any(c.dep_ in {"dobj", "obj"} and _unreal_noun(c, lex) for c in token.children):
        return True  # "to use force to stop any attack": a to-clause on a mere possibility
    if _unreal_subject(token, lex) or _judged_ahead(token, lex) or _unconfirmed(token, lex):
        return True
    if token.pos_ == "NOUN" and token.dep_ == "attr" and token.head.lemma_ == "be" and future(
            token.head, lex):
        return True  # "Sochi will be the sixth meeting between the two": one still to come
    current, after_preposition = token, False
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "obj"} and token.head.pos_ == "VERB":
        current = token.head  # "made it impossible to start a war": the war is as unreal
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and any(
            c.dep_ == "acomp" and c.lower_ in lex.unreal_heads for c in token.head.children):
        return True  # "an operation against the YPG is near", "a deal is possible"
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() in lex.supposing_nouns
            for c in token.head.children):
        return True  # "clashes between Arnor and Gondor are now a distinct possibility"
    if _conditional_would(current, lex) or (current is not token and _wished(token, lex)):
        return True  # "would welcome a takeover of the valley if that meant …"
    if _sought(token, lex):
        return True
    for _ in range(6):
        if any(c.dep_ == "aux" and c.lower_ in lex.hypothetical_aux for c in current.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in current.children):
            return True
        if current.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "how"
                                            for c in current.children):
            return True  # "to discuss how to protect the Kurds" asks a question
        if (_foretold(current, lex) and not after_preposition) or _guessed(token, current, lex):
            return True
        if any((needed := needed_deed(holder, lex)) is not None and needed.i == current.i
               for holder in (current.head, current.head.head)):
            return True  # "it is vital that Gondor withdraw": asked for, not done
        if _unreal_clause(current, lex) or _yes_no_question(current) or _supposed_it(current) \
                or _denied_content(current, lex) or _aim_named(current, lex) \
                or _aim_stated(current, lex) or _hedged(current, lex) or inverted_condition(
                current) or _bidding(current) or _sought_clause(current, lex):
            return True
        if current is not token and not _parenthetical(token) and _conditional_would(
                current, lex):
            return True  # "… would ask the Kurds to withdraw, allowing Gondor to claim …"
        if _noun_purpose(current, lex):
            return True  # "a deal to allow Ankara to send its troops": only meant
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head  # "could change to fighting the regime"
            after_preposition = True  # "will look at what Gondor said": said all the same
        elif current.dep_ not in {"xcomp", "conj", "advcl", "ccomp"} and not (
                current.dep_ == "acomp" and current.head.lemma_ == "be") or (
                current.head.i == current.i):  # "it seems they are happy to talk"
            return False
        current = current.head
    return False


def standing_relative(token: Token, code: str, lex: Lexicon) -> bool:
    """'the coalition, which arms the SDF', 'Russia, which backs Assad', 'commanders who
    coordinate with Turkish officers', 'the deal that Gondor wants to scrap': a relative
    clause in the simple present describes what a side habitually does or wants, a
    standing relationship or a label, not a deed of the article's day (docs/annotation.md).
    Its conjuncts with no auxiliary of their own and its to-clauses share it. Kept: a
    present told as a story, with a word of sequence or a date in the clause ("the group,
    which later claims responsibility"; `narrative_adverbs`), and a claim the speaker makes
    again, a verb of saying or an accusation ("an arsenal which it says it needs", "the
    cleric whom Ankara accuses of the coup"; `claim_roots`). A present passive of
    cooperation (`cooperation_roots`) is as standing ("the militia, which is armed by
    Gondor"); one of custody or siege is not ("the envoy, who is held by the militia")."""
    clause = _relative_head(token)
    if clause.dep_ != "relcl" or not _simple_present(
            clause, code[:2] in lex.cooperation_roots) or (
            clause.lemma_.lower() in lex.reporting_verbs) or code[:2] in lex.claim_roots:
        return False
    return not any(_narrative_mark(c, lex) for word in {clause, token} for c in word.children)


def _simple_present(verb: Token, passive: bool) -> bool:
    """'arms', 'back', and with ``passive`` 'is armed', 'are backed'; not 'has armed', 'was
    backed', 'will arm'."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBN":
        return passive and auxes in (["is"], ["are"], ["am"]) and any(
            c.dep_ == "auxpass" for c in verb.children)
    return verb.tag_ in PRESENT_TAGS and not auxes


def prenominal_label(token: Token) -> bool:
    """'the Turkish backed rebels', 'the Iran supported militia': a participle set before
    the noun it modifies describes that noun (as 'US-backed' does), a label and no deed of
    the article's day (docs/annotation.md)."""
    head = token.head
    return token.pos_ == "VERB" and token.dep_ in {"amod", "compound"} and (
        token.tag_ in {"VBN", "VBD"}) and token.i < head.i and head.pos_ in {"NOUN", "PROPN"}


def self_praise(token: Token, code: str, lex: Lexicon) -> bool:
    """'The government continues to hail its small effort', 'a video celebrates its missile
    capability', 'praised its own record': praise of one's own deed or means is no
    event between actors. A possessive pronoun counts as the praiser's own with 'own'
    ('praised Gondor's own plan' praises Gondor), or as 'its' after a verb of boasting
    (`boasting_verbs`); 'welcomed its decision' may answer another's."""
    if code != "051":
        return False
    for obj in (c for c in token.children if c.dep_ in {"dobj", "obj"}):
        possessors = [c for c in obj.children if c.dep_ == "poss" and c.tag_ == "PRP$"]
        if possessors and any(c.dep_ == "amod" and c.lower_ == "own" for c in obj.children):
            return True
        if token.lemma_.lower() in lex.boasting_verbs and any(
                p.lower_ == "its" for p in possessors):
            return True
    return False


def mock_praise(token: Token, code: str, lex: Lexicon) -> bool:
    """'mockingly welcomed the chancellor back to the campaign', 'sarcastically thanked the
    government': praise said in mockery (`mocking_adverbs`) is scorn, no praise (051)."""
    return code[:2] == "05" and any(
        c.dep_ == "advmod" and c.lower_ in lex.mocking_adverbs for c in token.children)


def long_held(token: Token, code: str, lex: Lexicon) -> bool:
    """'The US has long partnered with the Kurds', 'Ankara has long protested at the
    alliance', 'leaders who had long feared a Kurdish state': a perfect with 'long' tells a
    relationship or stance held for years, no deed of a day (docs/annotation.md). Kept: an
    appeal, demand, accusation or criticism made again and again ("has long called for his
    removal", "has long accused Beijing of …"; `repeated_roots`)."""
    return code[:2] not in lex.repeated_roots and any(
        c.dep_ == "advmod" and c.lower_ == "long" for c in token.children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def standing_tie(token: Token, code: str, lex: Lexicon) -> bool:
    """'It once armed one militia and backs another', 'the rebels continue to receive arms
    from Gondor', 'Arnor hosts a million refugees', 'the ministry does fund aid groups
    there': material cooperation or aid (``tie_roots``) told as a habit in the present is
    a standing relationship, no deed (docs/annotation.md: standing relationships are not
    events); the lead sentence, a headline and a caption tell the day's news in the
    present ('Gondor sends troops to aid Arnor') and keep it, and so does any other tense
    ('has armed the group since 2015')."""
    return code[:2] in lex.tie_roots and told_as_habit(token, lex)


def told_as_habit(token: Token, lex: Lexicon) -> bool:
    """A verb in the simple present ('hosts', 'does fund'), or in a clause of a verb of
    going on in it ('continue to receive'; ``continuing_verbs``), in a closed sentence
    after the lead: the present of habits and states, not of the day's news."""
    if token.pos_ != "VERB" or token.sent.start == 0 or not _closed(token.sent):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.continuing_verbs:
        token = token.head  # "continue to receive": the tense is the head's
    auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    if token.tag_ == "VB" and len(auxes) == 1 and auxes[0].lower_ in {"do", "does"}:
        return True  # "does fund": the present, stressed
    return _simple_present(token, passive=False)


def _closed(sent: Span) -> bool:
    """The sentence ends with a stop, as running text does; a headline or a caption
    often has none."""
    return span_text(sent).rstrip().rstrip("\"'”’)").endswith((".", "!", "?"))


def _relative_head(token: Token) -> Token:
    """The verb whose clause holds ``token``: up through conjuncts with no auxiliary of
    their own and through to-clauses ("wants to destroy")."""
    clause = token
    for _ in range(6):
        head = clause.head
        if head.i == clause.i or head.pos_ not in {"VERB", "AUX"}:
            break
        if clause.dep_ != "xcomp" and (clause.dep_ != "conj" or any(
                c.dep_ in {"aux", "auxpass"} for c in clause.children)):
            break
        clause = head
    return clause


PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _narrative_mark(child: Token, lex: Lexicon) -> bool:
    """A word of sequence ('later', 'then') or a date ('on Monday') on the clause."""
    if child.dep_ not in {"advmod", "npadvmod", "prep"}:
        return False
    return child.lower_ in lex.narrative_adverbs or any(
        t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)


INVERTING_AUX = frozenset({"should", "had"})


def inverted_condition(clause: Token) -> bool:
    """'should war break out', 'had Gondor attacked': 'should' or 'had' set before the
    subject of a clause that is not the sentence's own makes a condition, neither an
    obligation nor a deed."""
    return clause.dep_ != "ROOT" and clause.head.i != clause.i and any(
        c.dep_ == "aux" and c.lower_ in INVERTING_AUX and any(
            s.dep_ in {"nsubj", "nsubjpass"} and s.i > c.i for s in clause.children)
        for c in clause.children)


def _bidding(clause: Token) -> bool:
    """'Let them fight Isis', '"Let Gondor pay for it," he said': a sentence or quote that
    opens with a bare 'let' bids that the deed it governs be done; it does not say that it was."""
    return clause.lower_ == "let" and clause.tag_ == "VB" and not any(
        c.dep_ in {"nsubj", "aux"} for c in clause.children) and all(
        t.is_punct for t in clause.doc[clause.sent.start:clause.i])


def _still_to_come(verb: Token) -> bool:
    """'(a summit) to be held on Friday', '(the accord) to be signed next week': a passive
    to-infinitive on an event noun tells that the event is yet to happen."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children)


def _awaited(token: Token, lex: Lexicon) -> bool:
    """'What happens next will depend on negotiations between Arnor and Gondor', 'the truce
    hinged on the disarmament and withdrawal of the fighters', 'opened the door to talks
    with Gondor', 'paved the way for sending more troops': what something depends on
    (dependence_words) is a condition still to be met, and what a step opens the way to
    (way_nouns after opening_verbs) is only made possible; neither is a deed done."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the disarmament and withdrawal of"
    if first.dep_ not in {"pobj", "pcomp"}:
        return False
    prep, governor = first.head, first.head.head
    if prep.lower_ in {"on", "upon"}:  # "is contingent on": the phrase on the copula
        return governor.lemma_.lower() in lex.dependence_words or any(
            c.dep_ == "acomp" and c.lower_ in lex.dependence_words for c in governor.children)
    if prep.lower_ not in {"to", "for"}:
        return False
    if governor.lemma_.lower() in lex.way_nouns:  # "opened the door to talks"
        return governor.dep_ in {"dobj", "obj", "nsubjpass"} and (
            governor.head.lemma_.lower() in lex.opening_verbs)
    return governor.lemma_.lower() in lex.opening_verbs and any(  # the phrase on the verb
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in lex.way_nouns
        for c in governor.children)


def _planned(noun: Token) -> bool:
    """'talks to be held in Geneva', 'the summit between Arnor and Gondor to be held on
    Friday' (the parser hangs the to-clause on the noun, makes the noun its passive
    subject, or hangs it on the last side named): the event is still to come."""
    if noun.dep_ == "nsubjpass" and _still_to_come(noun.head):
        return True
    sides = [s for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in PLANNED_PREPS
             for p in prep.children if p.dep_ == "pobj" for s in (p, *p.conjuncts)]
    return any(c.dep_ == "acl" and _still_to_come(c) for w in (noun, *sides) for c in w.children)


PLANNED_PREPS = frozenset({"between", "with", "of"})
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})


def _wished(noun: Token, lex: Lexicon) -> bool:
    """'would welcome a regime takeover if that meant …', 'would prefer a negotiated
    exit': the object of a would-verb of wishing, or of a would-verb with an if-clause,
    is only wanted; in reported speech too ("stated that they would welcome …"). Not one
    the object names as there already ("Turkey's occupation", "the blockade")."""
    clause = noun.head
    if not any(c.dep_ == "aux" and c.lower_ in lex.forecast_aux for c in clause.children):
        return False
    if noun.dep_ in {"dobj", "obj"} and any(c.dep_ == "poss" or (
            c.dep_ == "det" and c.lower_ in DEFINITE_DETS) for c in noun.children):
        return False  # "would welcome Turkey's ongoing occupation" names one going on
    return clause.lemma_.lower() in lex.wishing_verbs or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.conditional_marks
                                  for m in c.children) for c in clause.children)


def _sought(noun: Token, lex: Lexicon) -> bool:
    """'Gondor is seeking a UN-led investigation', 'wants a UN inquiry', 'pushed for a
    Russian-brokered truce': an event noun that a verb of seeking takes, as its object or
    after 'for', is only sought, not done (`seeking_verbs`); not one given a participle of
    its own ('wants the siege lifted' names a siege going on)."""
    if noun.pos_ != "NOUN" or any(c.tag_ == "VBN" and c.i > noun.i for c in noun.children):
        return False
    if noun.dep_ in {"dobj", "obj"}:
        return noun.head.lemma_.lower() in lex.seeking_verbs
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.i != prep.i and (
        f"{prep.head.lemma_.lower()} for" in lex.seeking_verbs)


def _sought_clause(clause: Token, lex: Lexicon) -> bool:
    """'pushed for the fighters to be allowed to leave', 'called for the council members to
    give up their seats': a for-to clause that a verb of seeking takes (`seeking_verbs`)
    is only sought, not done."""
    head = clause.head
    return head.i != clause.i and f"{head.lemma_.lower()} for" in lex.seeking_verbs and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) and _infinitive(clause)


def _noun_purpose(clause: Token, lex: Lexicon) -> bool:
    """'a deal to allow Ankara to send its troops', 'a push to free the hostages': a
    to-clause on a noun says what it is for, not that it was done. Not the deed a
    decision, a campaign or an effort names ("his decision to launch strikes", "the battle
    to recapture the town", "Russia's efforts to broker a deal"; `decision_nouns`,
    `campaign_nouns`, `aim_nouns`), nor a first or only doer ("the first minister to
    visit")."""
    noun = clause.head
    if clause.dep_ not in {"acl", "advcl"} or clause.tag_ != "VB" or noun.pos_ != "NOUN" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False  # advcl: "any opportunity for Gondor to attack us"
    lemma = noun.lemma_.lower()
    return not any(lemma in words for words in (
        lex.decision_nouns, lex.campaign_nouns, lex.aim_nouns)) and not any(
        c.lower_ in lex.first_words for c in noun.children)


def _conditional_would(clause: Token, lex: Lexicon) -> bool:
    """'something Gondor would resist', 'Gondor would never accept it', 'speculation that
    Gondor would retaliate': 'would' on a relative clause, on the content of a noun of what
    is only supposed, or on a main clause that no verb of saying or warning reports, is a
    condition, not a deed ahead; in reported speech ("said it would strike", "would
    strike, he warned") it is the future the speaker announces."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in clause.children):
        return False
    if clause.dep_ == "relcl" or (clause.dep_ in {"acl", "ccomp"} and clause.head.pos_ == "NOUN"
                                  and clause.head.lemma_.lower() in lex.supposing_nouns):
        return True
    if _after_supposing_noun(clause, lex):
        return True  # the parser hangs "speculation Russia would retaliate" on the verb
    if clause.dep_ == "ccomp" and clause.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.supposing_nouns
            for c in clause.head.children):
        return True  # "one option being considered is that Gondor would withdraw"
    return clause.dep_ == "ROOT" and not any(
        c.dep_ in {"ccomp", "parataxis"} and c.pos_ == "VERB" for c in clause.children)


MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})


def near_miss(token: Token, code: str, lex: Lexicon) -> bool:
    """'Isis has almost lost control of the town', 'nearly succeeded in killing the
    leader': an adverb of a near miss on a deed's verb, or on the verb that governs it,
    says the deed was not quite done. Words keep it ('has almost begged the regime to
    agree' is an appeal made), so only material deeds are checked."""
    if code[:2] not in MATERIAL_ROOTS:
        return False
    governor = token.head if token.dep_ == "xcomp" else (
        token.head.head if token.dep_ == "pcomp" and token.head.dep_ == "prep" else token)
    return _near_miss_adverb(token, lex) or _near_miss_adverb(governor, lex)


def _near_miss_adverb(clause: Token, lex: Lexicon) -> bool:
    return clause.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "advmod" and c.lower_ in lex.near_miss_adverbs for c in clause.children)


def _parenthetical(token: Token) -> bool:
    """'Instead, Obama promised, it would tackle extremism': a clause with its own subject
    set before its head is the one who says the rest, not a part of it."""
    return token.dep_ in {"advcl", "parataxis", "ccomp"} and token.i < token.head.i and any(
        c.dep_ == "nsubj" for c in token.children)


def _supposed_it(clause: Token) -> bool:
    """'It would be crazy to have a confrontation with Gondor', 'it would be wise to talk':
    a to-clause set after "it would be …" is only weighed, not done."""
    head = clause.head
    return clause.dep_ in {"xcomp", "ccomp", "advcl"} and head.i != clause.i and (
        head.lemma_ == "be") and any(c.dep_ in {"acomp", "attr"} for c in head.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and any(
        c.dep_ == "aux" and c.lower_ == "would" for c in head.children) and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)


def _denied_content(clause: Token, lex: Lexicon) -> bool:
    """'Gondor denied that its troops had shelled the town', 'Arnor has not confirmed that
    its envoy will join the talks': the that-clause of a denial (`disowning_verbs`;
    not one itself negated, "did not deny that"), or of a verb of saying or confirming that
    is negated (`confirming_verbs`), is not stated as fact."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i or _infinitive(clause):
        return False
    lemma = head.lemma_.lower()
    if lemma in lex.disowning_verbs:
        return not has_negator(head, lex)
    return lemma in lex.confirming_verbs and has_negator(head, lex)


def _aim_named(clause: Token, lex: Lexicon) -> bool:
    """'was driven by its wish to push back the militia': a to-clause right after a
    noun of aim (`goal_nouns`) is that aim, not a deed, also where the parser hangs it on
    another word (one it hangs on the noun is read there)."""
    to = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0 or clause.dep_ not in {"xcomp", "advcl", "ccomp"}:
        return False
    noun = clause.doc[to.i - 1]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.goal_nouns and (
        clause.head.i != noun.i)


def _aim_stated(clause: Token, lex: Lexicon) -> bool:
    """'America's goals are to contain Iran, resisting Moscow's attempts', 'the SNC's aim was
    to build a national army': a copula whose subject is an aim says what is aimed at; the
    deeds it governs are not done."""
    return clause.lemma_ == "be" and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in lex.goal_nouns
        for c in clause.children)


def _hedged(clause: Token, lex: Lexicon) -> bool:
    """'It seems the allies are happy to talk', 'it appears that Gondor struck first': an
    impression with an empty 'it' for subject is the writer's guess at what it governs."""
    return clause.lemma_.lower() in lex.hedging_verbs and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children) and not any(
        c.dep_ == "xcomp" for c in clause.children)


def _foretold(clause: Token, lex: Lexicon) -> bool:
    """'Officials believe the militia will use human shields', 'concerns that the Kurds will
    free the prisoners', 'the fear is that the envoy will lend the talks credibility': a will-
    or would-clause that is the content of a verb or noun of belief or fear is what someone
    foresees, neither a deed nor an intent announced (`guessing_verbs`, `supposing_nouns`)."""
    if not any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in clause.children):
        return False
    head = clause.head
    if clause.dep_ == "ccomp" and head.i != clause.i and (
            head.lemma_.lower() in lex.guessing_verbs or head.lower_ in lex.guessing_verbs):
        return True
    if clause.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and (
            head.lemma_.lower() in lex.supposing_nouns):
        return True
    if clause.dep_ == "ccomp" and head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.supposing_nouns
            for c in head.children):
        return True
    return _after_supposing_noun(clause, lex)


def _guessed(token: Token, clause: Token, lex: Lexicon) -> bool:
    """'Gondor probably fears a backlash', 'the strikes were probably carried out by Gondor',
    'Gondor perhaps wants to strike': an adverb of a guess on the deed's own clause, or on
    a verb whose to-clause it is, makes it a surmise (`guess_adverbs`); not one on a clause
    it is only joined to ('maybe Gondor is waiting, but last time it struck at once')."""
    word = token
    while word.i != clause.i and word.dep_ == "xcomp":
        word = word.head
    return word.i == clause.i and any(
        c.dep_ == "advmod" and c.lower_ in lex.guess_adverbs for c in clause.children)


def hearsay(token: Token, lex: Lexicon) -> bool:
    """'He is said to have ordered the strike', 'the militia are believed to hold hostages',
    'they are thought to have fled and regrouped': a deed in the to-clause of a passive
    verb of hearsay or belief (`hearsay_verbs`), or its conjunct, or an event noun that is
    such a deed's object, is what others say or think, not a deed the text states; not one
    in a clause of aim below it ('are thought to have been part of a day of action to raise
    awareness of the attacks'), nor an event noun deeper in its phrases ('the files are
    believed to contain arrangements for the president's visit')."""
    clause = token.head if token.pos_ == "NOUN" and token.dep_ in {"dobj", "obj"} else token
    while clause.dep_ in {"xcomp", "conj", "ccomp"} and clause.head.i != clause.i:
        head = clause.head
        if clause.dep_ == "xcomp" and head.lemma_.lower() in lex.hearsay_verbs and (
                head.tag_ == "VBN") and any(c.dep_ == "auxpass" for c in head.children) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return True
        clause = head
    return False


def claimed(token: Token, lex: Lexicon) -> bool:
    """'The minister claims the police shelled the camp', 'Gondor alleged that Arnor had
    armed the rebels', 'claims of Gondor's ships aiding Arnor', 'the allegation that the
    militia tortured prisoners': a deed of another side told as the content of a claim or
    allegation (`alleging_verbs`, `claim_nouns`) is a charge, not stated as fact
    (docs/annotation.md, reported speech). An event noun counts as the content when it is
    what the claim is 'of' or the object of a deed in it; one named deeper in its phrases
    is kept ('claimed that under the trade agreement Gondor would pay'). Kept too: a side's
    claim of its own deed ('claims to have taken the town', 'claim they are attacking')."""
    if token.pos_ == "NOUN":
        if _claim_of(token, lex):
            return True
        if token.dep_ not in {"dobj", "obj", "nsubjpass"}:
            return False
        token = token.head
    clause = token
    while clause.head.i != clause.i:
        if _claim_content(clause, clause.head, lex) or _said_of_claim(clause, lex):
            return True
        if clause.dep_ not in CONTENT_DEPS or clause.dep_ == "acl" and not _has_subject(clause):
            return False  # not "claims that Gondor, which Arnor called weak, …"
        clause = clause.head
    return False


# the links a deed climbs to the claim that holds it: clauses told as content, the object
# to its verb ("claims that Gondor has proof that Arnor used gas") and a phrase to its head
# ("claims that Gondor tested it as a way of arming Arnor and that it had shelled …")
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "acl", "dobj", "obj", "prep",
                          "pobj", "pcomp"})


def _has_subject(clause: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)


def _claim_content(clause: Token, head: Token, lex: Lexicon) -> bool:
    """``clause`` is what the verb or noun of claiming ``head`` says another side did."""
    if head.pos_ == "VERB" and head.lemma_.lower() in lex.alleging_verbs:
        return clause.dep_ == "ccomp" and not _own_claim(clause, head)
    if head.pos_ == "NOUN" and head.lower_ in lex.claim_nouns:
        if clause.dep_ == "acl" and clause.tag_ == "VBG" and any(
                c.dep_ == "prep" and c.lower_ == "of" and c.i < clause.i for c in head.children):
            return True  # the parser may hang "aiding" of "claims of ships aiding" on the claim
        return clause.dep_ in {"acl", "ccomp"} and clause.pos_ in {"VERB", "AUX"} and (
            _has_subject(clause)) and not _own_claim(clause, head)
    return False


def _claim_of(noun: Token, lex: Lexicon) -> bool:
    """'claims of chemical attacks', 'allegations of torture by the police'."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN" and (
        prep.head.lower_ in lex.claim_nouns)


def _said_of_claim(clause: Token, lex: Lexicon) -> bool:
    """'claims of Gondor's ships aiding Arnor', 'allegations of Gondor having armed them':
    an -ing clause on what a claim is 'of', or after its 'of'."""
    if clause.dep_ == "acl" and clause.tag_ == "VBG":
        return _claim_of(clause.head, lex)
    prep = clause.head
    return clause.dep_ == "pcomp" and prep.lower_ == "of" and prep.head.pos_ == "NOUN" and (
        prep.head.lower_ in lex.claim_nouns)


def _own_claim(clause: Token, head: Token) -> bool:
    """The claimed clause's subject is a pronoun, or the claimer named again: a side's
    claim of its own deed ('Gondor claims it has taken the town')."""
    claimers = {c.lower_ for c in head.children if c.dep_ in {"nsubj", "poss"}}
    return any(c.dep_ in {"nsubj", "nsubjpass"} and (c.tag_ == "PRP" or c.lower_ in claimers)
               for c in clause.children)


def imagined(token: Token, lex: Lexicon) -> bool:
    """'I imagined going to a camp, and jets bombing it', 'it is hard to envisage Gondor
    invading': a deed told as what a verb of imagining governs (`imagining_verbs`) is
    pictured, not done. An -ing conjunct hung on the verb itself belongs with its -ing
    clause ('imagined going …, and jets bombing it')."""
    clause = token
    while clause.dep_ in {"xcomp", "ccomp", "conj"} and clause.head.i != clause.i:
        head = clause.head
        if head.lemma_.lower() in lex.imagining_verbs and (clause.dep_ != "conj" or (
                clause.tag_ == "VBG" and head.tag_ != "VBG")):
            return True
        clause = head
    return False


def _unconfirmed(token: Token, lex: Lexicon) -> bool:
    """'There are unconfirmed reports that dozens were killed in clashes with Gondor',
    'according to unverified accounts, the militia shelled the town': a deed told inside a
    report or claim the text does not vouch for (`unconfirmed_words`) or that the sentence
    disowns (:func:`_disowned`), or after 'according to' one, is not stated as fact."""
    for word in (token, *token.ancestors):
        if word is not token and _unvouched(word, lex) and (
                token.pos_ == "VERB" or not _disowned(word, lex)):
            return True  # a thing named in a disowned claim may still be ("Gondor's meeting")
        if any(c.dep_ == "prep" and c.lower_ == "according" and any(
                _unvouched(t, lex) for t in c.subtree) for c in word.children):
            return True
    return False


def _unvouched(noun: Token, lex: Lexicon) -> bool:
    return noun.pos_ == "NOUN" and (any(
        c.dep_ == "amod" and c.lower_ in lex.unconfirmed_words for c in noun.children)
        or _disowned(noun, lex))


def _disowned(noun: Token, lex: Lexicon) -> bool:
    """'dismissed reports he had told his deputy he would quit', 'denied claims that Gondor
    shelled the town': a report or claim that is the object of a verb of disowning
    (`disowned_reports`, `disowning_verbs`)."""
    return noun.dep_ in {"dobj", "obj"} and noun.lower_ in lex.disowned_reports and (
        noun.head.lemma_.lower() in lex.disowning_verbs)


def _after_supposing_noun(clause: Token, lex: Lexicon) -> bool:
    """The clause follows a noun of what is only supposed at once, or after 'that'."""
    start = clause.left_edge.i
    doc = clause.doc
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "that" and start > 1:
        before = doc[start - 2]
    return before is not None and before.pos_ == "NOUN" and (
        before.lemma_.lower() in lex.supposing_nouns)


def _unreal_subject(token: Token, lex: Lexicon) -> bool:
    """'A Bordurian pullout would leave the region open', 'if a Ruritanian strike
    threatened our troops': an indefinite event noun that is the subject of a clause of
    what would follow, or of a condition, is only supposed. Not a definite one, which
    names a deed done ("if the stalled talks are to make progress"), nor 'would' in
    reported speech, only the tense moved back ("said an assault would finish soon")."""
    clause = token.head
    if token.pos_ != "NOUN" or token.dep_ not in {"nsubj", "nsubjpass"} or (
            clause.pos_ not in {"VERB", "AUX"}) or not any(
            c.dep_ == "det" and c.lower_ in lex.indefinite_articles for c in token.children):
        return False
    reported = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.reporting_verbs
    return any(c.dep_ == "aux" and c.lower_ in lex.forecast_aux and not reported
               for c in clause.children) or any(
        c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in clause.children)


def _judged_ahead(token: Token, lex: Lexicon) -> bool:
    """'said American strikes on Syria would be illegal', 'a clash risks a broader
    confrontation', 'joining a US strike would be folly': an event noun that no article or
    possessive names as done, the subject (or the object of an -ing subject) of a would- or
    could-copula that judges it ('would be illegal', 'could be a mistake'),
    or of a present verb of risk (`risking_verbs`), is weighed, not done; in reported speech
    too ("the strikes would be illegal, the lawyers said"). Not "the strikes would be
    limited" of ones named before, nor "Turkey's offensive risks a confrontation"."""
    subject = token
    if token.dep_ in {"dobj", "obj"} and token.head.tag_ == "VBG" and token.head.dep_ == "csubj":
        subject = token.head  # "joining a US strike would be folly"
    clause = subject.head
    if token.pos_ != "NOUN" or subject.dep_ not in {"nsubj", "csubj"} or (
            clause.pos_ not in {"VERB", "AUX"}) or any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETS)
            for c in token.children):
        return False
    if clause.lemma_.lower() in lex.risking_verbs:
        return clause.tag_ in PRESENT_TAGS
    return clause.lemma_ == "be" and any(
        c.dep_ == "aux" and (c.lower_ in lex.forecast_aux or c.lower_ in lex.hypothetical_aux)
        for c in clause.children) and any(c.dep_ in {"acomp", "attr"} for c in clause.children)


@per_token
def _yes_no_question(clause: Token) -> bool:
    """'Did a Chinese ship deliver oil in defiance of the UN?', 'Why would Gondor attack
    Arnor now?': a question that opens with its auxiliary, or with a question word and then
    its auxiliary, asks whether or why something happened; it does not say that it did. So
    does one quoted or set after a colon ('"Will Gondor hit back?" he asked', 'the only
    question: will Gondor hit back?'), whose own words open the same way."""
    if clause.dep_ == "ROOT":
        if not any(t.text == "?" for t in clause.sent[-3:]):
            return False
        colons = [t.i for t in clause.sent if t.text == ":" and t.i < clause.i]
        start = colons[-1] + 1 if colons else clause.sent.start  # "the question is: will …?"
        return _inverted(clause, [t for t in clause.doc[start:clause.sent.end]
                                  if not (t.is_punct or t.dep_ == "cc")])
    after = clause.doc[clause.right_edge.i : clause.right_edge.i + 3]
    if clause.dep_ not in QUESTION_CLAUSE_DEPS or not any(t.text == "?" for t in after):
        return False
    words = [t for t in clause.subtree if not (t.is_punct or t.dep_ == "cc")]
    return _inverted(clause, words) and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i > words[0].i for c in clause.children)


# clauses that may be a question set after a colon or quoted ("the question is: will …?";
# the parser hangs it on the noun before the colon as acl or appos)
QUESTION_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "acl", "appos"})
QUESTION_WORDS = frozenset({"why", "how", "what", "when", "where", "who", "which", "whom"})


def _inverted(clause: Token, words: list[Token]) -> bool:
    """The clause's words open with its auxiliary ("will Gondor …"), or with a question word
    and then its auxiliary ("why would Gondor …", "what did Gondor …")."""
    if words and words[0].lower_ in QUESTION_WORDS:
        words = words[1:]
    return bool(words) and words[0].dep_ in {"aux", "auxpass"} and words[0].head.i == clause.i


def _unreal_noun(noun: Token, lex: Lexicon) -> bool:
    return any(c.dep_ in {"det", "amod"} and c.lower_ in lex.unreal_modifiers
               for c in noun.children)


def _unreal_clause(clause: Token, lex: Lexicon) -> bool:
    """A clause of ability, possibility, aim, reluctance or excess: "is able to strike",
    "made it impossible for X to start a war", "is out to strangle X", "is likely to
    retaliate", "too weak to retaliate", "was reluctant to commit troops". (Purpose
    clauses are kept: "began a hunger strike to protest" is a protest, as CAMEO codes it.)"""
    if clause.dep_ not in {"xcomp", "advcl", "ccomp", "acl"} or clause.head.i == clause.i:
        return False
    head = clause.head
    return head.lemma_.lower() in lex.unreal_heads or _reluctant(clause, lex) or entailed(
        clause) or _made_ahead(clause, lex) or _owed(
        clause, lex) or foreseen(
        clause, lex) or any(
        c.dep_ in {"acomp", "advmod"} and c.lower_ in lex.unreal_heads and c.i < clause.i
        for c in head.children) or _excessive(head)


def needed_deed(clause: Token, lex: Lexicon) -> Token | None:
    """'it was vital that Gondor withdraw', 'it is of vital importance that Gondor act',
    'it is essential for Gondor to act', 'it is time for Gondor to act': the clause of a
    necessity said of an empty 'it' (``necessity_words``), only asked for, or, denied
    ("it is not necessary that Gondor withdraw"), not asked; one that states a fact ("vital
    that the public were informed") is no such clause."""
    if clause.lemma_ != "be" or not any(
            c.dep_ in _CLAUSE_SUBJECTS and c.lower_ == "it" for c in clause.children):
        return None
    necessity = [c for c in clause.children if _necessity(c, lex)] + [
        p for c in clause.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj" and _necessity(p, lex)]
    for holder in (clause, *necessity) if necessity else ():
        for c in holder.children:
            if c.dep_ in {"ccomp", "advcl", "acl", "relcl"} and _asked_clause(c):
                return c
    return None


def _necessity(word: Token, lex: Lexicon) -> bool:
    """'vital', 'essential', 'of vital importance', 'time' (bare: not "the first time")."""
    return word.dep_ in {"acomp", "attr", "pobj"} and word.lemma_.lower() in (
        lex.necessity_words) and not any(c.dep_ in {"det", "amod", "poss"} and (
            c.lower_ not in lex.necessity_words) for c in word.children)


def _asked_clause(clause: Token) -> bool:
    """A that-clause or a for-to clause with its own subject, telling no fact ("that
    Gondor withdraw", "that Gondor should withdraw", "for Gondor to withdraw")."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if not any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children) or indicative(clause):
        return False
    return "that" in marks or not marks or ("for" in marks and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def foreseen(clause: Token, lex: Lexicon) -> bool:
    """'he expected Isis to be defeated', 'officials expect Gondor to hold talks': the
    clause of a verb of expecting that has a subject of its own tells what another is
    expected to do or undergo, neither a deed nor an intent of the one who expects (not
    'Gondor is expected to attack', whose subject is the doer, nor 'he expects he will
    win')."""
    head = clause.head
    if clause.dep_ not in {"ccomp", "xcomp"} or head.i == clause.i or (
            head.lemma_.lower() not in lex.forecasting_verbs) or any(
            c.dep_ in {"nsubjpass", "auxpass"} for c in head.children):
        return False
    own = {c.lower_ for c in head.children if c.dep_ == "nsubj"}
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in own or c.dep_ == "csubj"
               for c in clause.children)  # "hope that taking the town will open a road"


def _reluctant(clause: Token, lex: Lexicon) -> bool:
    """'Gondor has been unwilling to instruct its ally', 'was reluctant to commit troops',
    'hesitated to strike', 'are reluctant for the state to fund parties': the clause of
    reluctance is neither done nor refused; a disposition is no refusal made
    (`reluctance_heads`)."""
    return clause.dep_ in {"xcomp", "advcl", "ccomp"} and (
        clause.head.lemma_.lower() in lex.reluctance_heads)


def striven_for(token: Token, lex: Lexicon) -> bool:
    """'the militia, fighting to defeat the regime', 'the army is struggling to muster and
    arm a force': the verb of a to-clause of striving (`striving_heads`), or its conjunct,
    is the aim, not a deed done; a deed noun in it named as done stays ('has struggled to
    defend Labour's call for an inquiry')."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return token.pos_ == "VERB" and clause.dep_ == "xcomp" and (
        clause.head.lemma_.lower() in lex.striving_heads) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _made_ahead(clause: Token, lex: Lexicon) -> bool:
    """'This will force Moscow to negotiate', 'the sanctions would push Iran to talk': the
    to-clause of a future verb with an object of its own tells what that other side is
    yet to be made to do, no deed of theirs."""
    head = clause.head
    return clause.dep_ == "xcomp" and head.i != clause.i and head.pos_ == "VERB" and any(
        c.dep_ in {"dobj", "obj"} for c in head.children) and future(head, lex)


def entailed(clause: Token) -> bool:
    """'It means destroying the regime's planes': the -ing clause of 'mean' tells what
    something entails, no deed and no intent (not 'meant to strike', an intent)."""
    head = clause.head
    return clause.dep_ == "xcomp" and clause.tag_ == "VBG" and head.i != clause.i and (
        head.lemma_.lower() == "mean")


def _excessive(head: Token) -> bool:
    """'Too weak to retaliate', 'should not be too quick to praise Gondor': an adjective of
    excess says that the deed is not done."""
    return head.pos_ in {"ADJ", "ADV"} and any(
        c.dep_ == "advmod" and c.lower_ == "too" for c in head.children)


def _owed(clause: Token, lex: Lexicon) -> bool:
    """'Gondor needs to resume talks', 'has to withdraw', 'has yet to withdraw': what is
    owed or still to come is not done ("had to withdraw" in the past tells that it was)."""
    head = clause.head
    lemma = head.lemma_.lower()
    return clause.dep_ == "xcomp" and lemma in lex.obligation_verbs and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not (
        lemma == "have" and head.tag_ == "VBD")


def purpose(token: Token, code: str, lex: Lexicon) -> bool:
    """A to-clause of aim hung on another deed ("sent advisers to support Assad", "trained
    groups to fight the army", "changed the law to allow strikes") says what the deed was
    for, not that it was done: the deed is coded, the aim is not. Conjuncts share the aim.
    Kept as deeds: a to-clause of means ("used barrel bombs to attack the town", "took to
    Twitter to blast him"), of what comes next ("went on to accuse"; `instrument_heads`),
    of protest or demand ("began a hunger strike to protest", "to demand his resignation";
    `aim_roots`), of inquiry, coercion, force or patrol after a verb of dispatch ("sent in
    aircraft to attack Idlib", "sent jets to buzz the islands", "sent a team to
    investigate"; `dispatch_heads`, `dispatched_roots`), and of a first or only doer
    ("became the first minister to visit the country")."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i and not any(
            c.dep_ in {"aux", "nsubj"} for c in clause.children):
        clause = clause.head
    head = clause.head
    if clause.dep_ != "advcl" or clause.tag_ != "VB" or head.pos_ not in {"VERB", "AUX"} or (
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)):
        return False
    if code in lex.aim_roots or _means(head, lex) or any(
            t.lower_ in lex.first_words and t.head.pos_ in {"NOUN", "PROPN"}
            for t in head.doc[head.i + 1:clause.i]):  # not "… not only to fight Isis"
        return False
    return not (head.lemma_.lower() in lex.dispatch_heads and code in lex.dispatched_roots)


def _means(head: Token, lex: Lexicon) -> bool:
    """The head, alone or with its particle or preposition ("take to", "go on"), is a verb
    of means or sequence."""
    lemma = head.lemma_.lower()
    return lemma in lex.instrument_heads or any(
        c.dep_ in {"prt", "prep"} and f"{lemma} {c.lower_}" in lex.instrument_heads
        for c in head.children)


def reported(token: Token, lex: Lexicon) -> bool:
    """The predicate sits in what someone says ("said Iran had attacked")."""
    current = token
    while current.dep_ in {"ccomp", "conj", "advcl", "xcomp"} and current.head.i != current.i:
        current = current.head
        if current.lemma_ in lex.reporting_verbs:
            return True
    return False


def pundit_view(token: Token, lex: Lexicon) -> bool:
    """'Some experts said Kim was trying to pressure Washington', 'analysts believe Gondor
    struck first': a deed that only an analyst or expert tells is their reading, not a deed
    the text states (a witness who says what was done is not one: `pundit_nouns`)."""
    current = token
    while current.dep_ in {"ccomp", "conj", "advcl", "xcomp"} and current.head.i != current.i:
        current = current.head
        if current.lemma_ in lex.belief_verbs:
            return any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.pundit_nouns
                       for c in current.children)
    return False

