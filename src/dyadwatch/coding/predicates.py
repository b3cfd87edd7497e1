"""Stage 1 of the coder: predicates. Verbs and event nouns of a sentence that the verb
dictionary codes, with frames (threaten, promise, refuse, urge, demand, ...) taking
their code from the event they embed, obligations ("X said Y must withdraw"), refusals
and future deeds. Negated and hypothetical predicates are marked or dropped here; their
actors are found in stage 2 (:mod:`dyadwatch.coding.arguments`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.symbols import ADJ, AUX, NOUN, VERB

from dyadwatch.coding.doc_arrays import token_parts
from dyadwatch.coding.mood import (
    claimed,
    decided,
    entailed,
    forecast,
    foreseen,
    future_deed,
    has_negator,
    hearsay,
    hypothetical,
    imagined,
    indicative,
    long_held,
    mock_praise,
    near_miss,
    needed_deed,
    negated,
    none_done,
    prenominal_label,
    pundit_view,
    purpose,
    reported,
    scene_setting,
    self_conditioned,
    self_praise,
    standing_relative,
    striven_for,
    ultimatum,
)
from dyadwatch.coding.syntax import (
    SUBJECT_DEPS,
    direct_object,
    embedded_predicate,
    figurative_aim,
    figure_of_speech,
    lemma_candidates,
    measured,
    obligation_modal,
    passive,
    pattern_words,
    predicative,
    prepositional_objects,
    reaction_object,
    small_clause,
    to_clause,
    verb_tagged_noun,
)
from dyadwatch.kb.verbs import Frame, VerbDictionary, VerbPattern

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dyadwatch.kb.lexicon import Lexicon

Match = tuple[VerbPattern, tuple["Token", ...]]
# nouns of a rule broken that say, after 'in', how the clause's deed was done
DEFIANCE_NOUNS = frozenset({"defiance", "violation", "breach", "contravention"})
# a clash between people or offices of state is a quarrel (CAMEO 111), not a fight
QUARREL_CODE = "111"
# a warning of no deed of conflict is a plain statement (CAMEO 010), not a threat
CAUTION_CODE = "010"
# a warning to a party against a deed of its own asks it to refrain: a demand (CAMEO 100)
ADMONITION_CODE = "100"
SHOWN_DEPS = frozenset({"dobj", "obj", "ccomp", "xcomp"})  # what a verb of showing shows
OFFICE_NOUNS = frozenset({"minister", "official", "ministry", "government", "cabinet",
                          "parliament", "party", "court", "chancellor", "mp", "critic",
                          "opponent", "rival", "backbencher", "ambassador", "envoy",
                          "diplomat", "spokesman", "spokeswoman", "spokesperson"})
# agreement verbs that, over a that-clause, acknowledge a fact rather than agree to a deed
# ("the US accepts that Iran will be strengthened")
ACKNOWLEDGING = frozenset({"accept"})
# a hostile event noun after these is done to the subject of its clause ("came under attack")
SUFFERING_PREPS = frozenset({"under"})
# verbs whose subject, a statement, carries the event noun that is their object
CARRIER_VERBS = frozenset({"include", "contain", "carry"})
Memo = dict[int, "Match | None"]  # pattern match by token index, one per document and call


@dataclass(frozen=True, slots=True)
class Predicate:
    """A coded predicate before its actors are attached."""

    token: Token
    code: str
    rule: str
    source_slots: tuple[str, ...]
    target_slots: tuple[str, ...]
    modality: str
    negated: bool
    words: tuple[Token, ...]  # the trigger words
    slot_tokens: tuple[Token, ...]  # where target prepositions may attach
    embedded: Token | None = None  # a frame's inner predicate, second home of its slots
    aim: bool = False  # a to-clause of aim: it says what a statement was about, no deed


# frames that commit their subject to the deed they govern: a cooperative deed they govern
# denied is refused ("vowed not to allow", "agreed not to extend the truce"), any other is
# no deed of theirs to code ("vowed not to attack")
COMMITTING_KINDS = frozenset({"intend", "threaten", "agree"})
# the parts of speech a predicate can have (PredicateFinder._candidate), as numbers
_PREDICATE_PARTS = frozenset({VERB, NOUN, ADJ, AUX})


class PredicateFinder:
    """Finds the coded predicates of a sentence with one verb dictionary and word lists.
    Holds no per-document state: the match memo is the caller's."""

    def __init__(self, verbs: VerbDictionary, lex: Lexicon) -> None:
        self.verbs = verbs
        self.lex = lex
        self._known = {lemma for _, lemma in verbs.by_lemma} | set(verbs.frames)

    def find(self, sent: Span, consumed: set[int], memo: Memo) -> Iterator[Predicate]:
        """The predicates of ``sent`` in reading order; ``consumed`` collects their words.
        A to-clause of aim comes marked ``aim``: it codes nothing, but a statement whose
        content it is still gives way to it ("said it would raise a force to patrol X")."""
        doc, parts = sent.doc, token_parts(sent.doc)
        for i in range(sent.start, sent.end):
            if parts[i] not in _PREDICATE_PARTS or i in consumed:
                continue
            token = doc[i]
            if not self._candidate(token):
                continue
            predicate = (self._obligation(token, consumed, memo)
                         or self._framed(token, consumed, memo)
                         or self._framed_conjunct(token, consumed, memo)
                         or self._plain(token, memo))
            if predicate is None or hypothetical(token, self.lex) or hearsay(
                    token, self.lex) or claimed(token, self.lex) or imagined(
                    token, self.lex) or pundit_view(
                    token, self.lex) or (
                    _unreal_relative(token, self.lex) or _unreal_phrase(token, self.lex)) or (
                    standing_relative(token, predicate.code, self.lex)) or striven_for(
                    token, self.lex) or (
                    prenominal_label(token)) or self_praise(token, predicate.code, self.lex) or (
                    mock_praise(token, predicate.code, self.lex)) or (
                    long_held(token, predicate.code, self.lex)) or _manner_of(
                    token, consumed) or (
                    _averted(token, self.lex)) or self._only_asked(predicate.token) or (
                    _other_sense(token, predicate, self.lex)) or near_miss(
                    token, predicate.code, self.lex):
                continue
            consumed.update(t.i for t in predicate.words)
            yield replace(predicate, aim=True) if purpose(  # a frame's own clause
                predicate.token, predicate.code, self.lex) else predicate

    def _candidate(self, token: Token) -> bool:
        """Cheap test: could this token be a predicate at all?"""
        pos = token.pos_
        if pos not in {"VERB", "NOUN", "ADJ", "AUX"} or pos == "NOUN" and (
                scene_setting(token, self.lex) and not partnered(token, self.lex, any(
                    p.code in self.lex.reciprocal_codes
                    for p in self.verbs.patterns_for(token.lemma_.lower(), "noun")))):
            return False  # (only a noun sets the scene)
        if pos == "VERB":
            return token.tag_ != "NNS" or token.lemma_.lower() not in self.lex.plural_people
        if pos == "AUX":
            return _main_copula(token)
        lemma = token.lemma_.lower()
        if token.tag_ == "NNS" and lemma in self.lex.plural_people:
            return False  # "would welcome back its exiles": the people, not the deed
        return lemma in self._known

    def _match(self, token: Token, memo: Memo) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        """The most specific dictionary pattern that holds at ``token`` (memoised per call)."""
        if token.i not in memo:
            memo[token.i] = self._match_uncached(token)
        return memo[token.i]

    def _match_uncached(self, token: Token) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        pos = "verb" if token.pos_ == "VERB" or verb_tagged_noun(token) or (
            token.pos_ == "AUX" and _main_copula(token)) else (
            "noun" if token.pos_ == "NOUN" else "adj" if predicative(token) else None)
        if pos is None:
            return None
        if pos == "verb" and reaction_object(token, self.lex) is not None:
            return _reaction(token, self.lex)
        if pos == "verb" and (_naming(token, self.lex) or _opinion(token, self.lex)
                              or _showing(token, self.lex)):
            return None
        if pos == "noun" and _standing_state(token, self.lex):
            return None
        objects: dict[int, Token | None] = {}  # the token's object, read once
        for lemma in lemma_candidates(token):
            for pattern in self.verbs.patterns_for(lemma, pos):
                words = pattern_words(token, pattern, self.lex, objects)
                if words is not None:
                    words = (*words, *self._named_deeds(token, pattern))
                    return self._literal(token, self._announced(token, pattern) or (pattern,
                                                                                    words))
        if pos == "verb":
            return self._literal(token, self._support_verb(token))
        return None

    def _named_deeds(self, token: Token, pattern: VerbPattern) -> tuple[Token, ...]:
        """'came to Turkey's aid', 'came to his rescue': a noun the pattern names as its
        preposition's object is part of the trigger when it is a deed noun, which then
        codes no event of its own ('Turkey's aid' is none of Turkey's), or has a possessor,
        which the pattern's 'poss' slot reads."""
        if pattern.prep is None or not pattern.prep_object:
            return ()
        return tuple(g for c in token.children if c.dep_ == "prep" and c.lower_ == pattern.prep
                     for g in c.children if g.dep_ == "pobj"
                     and g.lemma_.lower() in pattern.prep_object
                     and (self.verbs.patterns_for(g.lemma_.lower(), "noun")
                          or any(p.dep_ == "poss" for p in g.children)))

    def _literal(self, token: Token, matched: Match | None) -> Match | None:
        """The match, unless force is only a figure of speech here: "out to strangle the
        economy", "sanctions targeting exports", "launched a rocket carrying a satellite"."""
        if matched is None or matched[0].code not in self.lex.figurative_roots:
            return matched
        if matched[0].code in self.lex.violent_roots and figurative_aim(token, self.lex):
            return None  # "launched an attack on the cost of the asylum system"
        return None if figure_of_speech(token, self.lex) else matched

    def _announced(self, token: Token,
                   pattern: VerbPattern) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        """'announced a suspension of air links with Serbia', 'declared a ceasefire': a
        statement whose object is an event is that event, by the one who announced it."""
        if pattern.object or token.lemma_.lower() not in self.lex.announce_verbs:
            return None
        obj = direct_object(token, self.lex)
        patterns = self._noun_patterns(obj) if obj else ()
        if obj is None or not patterns or patterns[0].code in self.lex.statement_roots:
            return None
        noun_pattern = patterns[0].model_copy(update={"pos": "verb", "source": ["nsubj",
                                                                                  "agent"]})
        return noun_pattern, (token, obj)

    def _noun_patterns(self, noun: Token) -> tuple[VerbPattern, ...]:
        """The patterns of an event noun that hold where it stands ("launched its election
        campaign" is no campaign of force), most specific first."""
        return tuple(p for p in self.verbs.patterns_for(noun.lemma_.lower(), "noun")
                     if pattern_words(noun, p, self.lex) is not None)

    def _support_verb(self, token: Token) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        """'engage in negotiations with Iran': a support verb takes its event noun's code,
        with the verb's subject as source and the noun's prepositions as targets."""
        lemma = token.lemma_.lower()
        if lemma in self.lex.object_support_verbs:
            obj = direct_object(token, self.lex)
            patterns = self._noun_patterns(obj) if obj else ()
            if obj is not None and patterns:
                verb_pattern = patterns[0].model_copy(
                    update={"pos": "verb", "source": ["nsubj", "agent"]})
                return verb_pattern, (token, obj)
        if lemma not in self.lex.support_verbs:
            return None
        for noun in prepositional_objects(token, self.lex.support_verb_preps):
            patterns = self._noun_patterns(noun)
            if patterns:
                verb_pattern = patterns[0].model_copy(
                    update={"pos": "verb", "source": ["nsubj", "agent"]})
                return verb_pattern, (token, noun)
        return None

    def _plain(self, token: Token, memo: Memo) -> Predicate | None:
        matched = self._match(token, memo)
        if matched is None or _partnerless(token, matched[0], self.lex):
            return None
        pattern, words = matched
        code, rule, modality = pattern.code, f"{pattern.pos}:{pattern.id}", "asserted"
        if _verbal_clash(token, self.lex) or _verbal_attack(token, code, self.lex):
            code, rule = QUARREL_CODE, f"{rule}+verbal"
        elif code[:2] == "13" and token.lemma_.lower() in self.lex.caution_verbs and (
                not self._warns_of_force(token, memo)):
            code, rule = ((ADMONITION_CODE, f"{rule}+admonition") if admonition(token, self.lex)
                          else (CAUTION_CODE, f"{rule}+caution"))
        if code[:2] == DISAPPROVAL_ROOT and forecast(token, self.lex) and (
                code == FEELING_CODE or not reported(token, self.lex)):
            # "the refusal will anger Washington", "would irk Assad, an analyst said": a
            # forecast; "said Japan would complain" announces a complaint
            return None
        refusal = self._refusal(token, code, pattern.id)
        if refusal is not None:
            refused = _predicate(token, pattern, words, *refusal, lex=self.lex)
            if "nsubj" not in refused.source_slots:
                # "will not accept aid from Colombia": the refuser is the subject even where
                # the deed's own source is the giver
                others = tuple(s for s in refused.target_slots if s != "nsubj")
                refused = replace(refused, source_slots=("nsubj", "agent"),
                                  target_slots=(*refused.source_slots, *others))
            return replace(refused, negated=False)
        if code in self.lex.promised_codes and decided(token, self.lex):
            # "announced a withdrawal", "the decision to pull out": promised, not done
            code, rule, modality = (self.verbs.derived_code("intend", code) or code,
                                    f"decided:{pattern.id}", "intended")
        elif pattern.pos == "verb" and future_deed(token, self.lex):
            # "will withdraw its force unless the rebels agree" is a threat (an ultimatum)
            kind = "threaten" if code[:2] in self.lex.conflict_roots or ultimatum(token) else (
                "intend" if code[:2] in self.lex.cooperation_roots else None)
            if kind == "threaten" and self_conditioned(token, self.lex):
                return None  # "Japan would shoot them down if it bought the weapons"
            derived = self.verbs.derived_code(kind, code) if kind else None
            if derived is not None:
                code, rule = derived, f"future:{pattern.id}"
                modality = "threatened" if kind == "threaten" else "intended"
        elif reported(token, self.lex) and code not in self.lex.reporting_codes:
            modality = "reported"
        predicate = _predicate(token, pattern, words, code, rule, modality, lex=self.lex)
        frame = self._frame_at(token)
        embedded = embedded_predicate(token) if frame else None
        if frame is None or embedded is None:
            return predicate
        # "threatened to deliver blows to the United States": a frame whose deed is not in
        # the dictionary still finds its target inside the clause it governs; a demand or
        # appeal is aimed at the one told to act ("demanded that Pyongyang give up …"),
        # but the one a verb asks outright is its object ("asked Russia whether it could
        # operate": 'it' is the asked)
        targets = predicate.target_slots
        if frame.kind in {"demand", "appeal"}:
            targets = (*targets, "embedded_subject") if _asks_outright(token) else (
                "embedded_subject", *targets)
        return replace(predicate, embedded=embedded, target_slots=targets,
                       slot_tokens=(*predicate.slot_tokens, embedded))

    def _warns_of_force(self, token: Token, memo: Memo) -> bool:
        """'warned Israel', 'warned America that a Turkish operation is near': a warning is a
        threat when it is bare or names a deed of conflict; one of a danger, a trend or a
        mistake ('warned against complacency', 'warned that Kim may be trying to drive a
        wedge') is a statement."""
        told = [c for c in token.children if c.dep_ in {"ccomp", "xcomp"}]
        told += [p for prep in token.children if prep.dep_ == "prep"
                 and prep.lower_ in self.lex.caution_preps for p in prep.children
                 if p.dep_ in {"pobj", "pcomp"}]
        if not told:
            return not _own_public(token, self.lex)
        return any(
            t.pos_ in {"VERB", "NOUN"} and (matched := self._match(t, memo)) is not None
            and matched[0].code in self.lex.conflict_roots and not _danger_foreseen(
                t, clause, self.lex)
            for clause in told for t in clause.subtree)

    def _refusal(self, token: Token, code: str, pattern_id: str) -> tuple[str, str, str] | None:
        """'will not accept more refugees', 'would not meet their demands': a negated
        promise of cooperation is a refusal (CAMEO 12 mirrors 03), not a missing event."""
        if not (negated(token, self.lex) and (future_deed(token, self.lex) or _decided_against(
                token, self.lex))) or code[:2] not in self.lex.refusable_roots:
            return None
        derived = self.verbs.derived_code("refuse", code)
        return None if derived is None else (derived, f"refuse:will-not+{pattern_id}", "asserted")

    def _agreed(self, frame: Frame,
                embedded: Token) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        """'agreed to postpone the march': agreeing to any deed is an intent to cooperate."""
        if frame.kind != "agree" or embedded.pos_ not in {"VERB", "NOUN"}:
            return None
        pattern = VerbPattern(id="agree.any", lemmas=[embedded.lemma_ or "do"], code="030",
                              target=["dobj", "with", "to"])
        return pattern, (embedded,)

    def _framed_noun(self, token: Token) -> Token | None:
        """'agreed to a ceasefire', 'called for talks': a frame's event noun in a preposition."""
        frame = self.verbs.frame_for(token.lemma_.lower())
        for noun in prepositional_objects(token, self.lex.frame_noun_preps):
            if self.verbs.patterns_for(noun.lemma_.lower(), "noun"):
                return noun
            if frame is not None and frame.kind == "agree" and noun.pos_ == "NOUN":
                return noun  # "agreed to an extension of the mandate"
        return None

    def _foreign_bridge(self, token: Token, embedded: Token) -> bool:
        """'it means more time to finish off a war': a verb of intent reaches a to-clause
        through its object only when that object is itself a frame word ('signalled his
        intention to de-escalate'); through any other noun the clause is the noun's."""
        bridge = [t for t in token.children if t.dep_ in {"dobj", "obj"} and embedded in t.children]
        return token.pos_ == "VERB" and bool(bridge) and all(
            self.verbs.frame_for(t.lemma_.lower()) is None for t in bridge)

    def _obligation(self, token: Token, consumed: set[int], memo: Memo) -> Predicate | None:
        """'X said Y must withdraw' is X's demand on Y; with 'should' it is an appeal. What
        a verb of owning up takes ('acknowledged that Gondor would have to be allowed to
        stand', ``conceding_verbs``) is conceded, no demand."""
        matched = self._match(token, memo)
        if matched is None or matched[0].code not in self.lex.statement_roots or (
                token.lemma_.lower() in self.lex.conceding_verbs):
            return None  # "acknowledged that Assad would have to be allowed to stand"
        for told in token.children:
            clause, modal = _obliged(told, self.lex)
            if modal is None or clause.i in consumed or (
                    _self_obliged(clause, self.lex) and not _told_it(token, clause)):
                continue
            kind = "demand" if modal == "must" and not _mutual(clause, self.lex) else "appeal"
            inner = self._match(clause, memo)
            if inner is None and clause.lemma_.lower() in self.lex.knowing_verbs:
                return None  # "said Gondor should know that …" warns; it asks for no deed
            code = self.verbs.derived_code(kind, inner[0].code if inner else None)
            if code is None:
                return None
            words = inner[1] if inner else (clause,)
            return Predicate(
                token=token, code=code, rule=f"obligation:{modal}+{matched[0].id}",
                source_slots=tuple(matched[0].source), target_slots=("dobj", "embedded_subject"),
                modality="asserted", negated=negated(token, self.lex), words=(token, *words),
                slot_tokens=(token,), embedded=clause,
            )
        return None

    def _only_asked(self, token: Token) -> bool:
        """'urged Gondor to try to seize the pass', 'is urging Arnor and Rohan to agree to
        sanctions': a deed or a frame set deeper in the to-clause of an appeal or a demand
        is only asked for, neither done nor agreed; the appeal is coded at its own verb."""
        current = token
        for _ in range(6):
            if current.dep_ == "conj" and current.head.i != current.i and not any(
                    c.dep_ in SUBJECT_DEPS for c in current.children):
                current = current.head  # "to try to seize the town and move the Kurds"
                continue
            if current.dep_ != "xcomp" or current.head.i == current.i or not to_clause(current):
                return False
            frame = self._frame_at(current.head)
            if frame is not None and frame.kind in ASKING_KINDS:
                return True
            current = current.head
        return False

    def _frame_at(self, token: Token) -> Frame | None:
        """The frame a verb heads, by its lemma or a form the small model lemmatises
        wrongly ("hopes" → hop, "poised" → poise) where it governs a to-clause ("hopes to
        dislodge", not "hopes the narrative will" nor "it is hoped")."""
        frame = self.verbs.frame_for(token.lemma_.lower())
        if frame is not None or not any(c.dep_ == "xcomp" and to_clause(c)
                                        for c in token.children):
            return frame
        for lemma in (*lemma_candidates(token), token.lower_):
            frame = self.verbs.frame_for(lemma)
            if frame is not None:
                return frame
        return None

    def _framed_conjunct(self, token: Token, consumed: set[int],
                         memo: Memo) -> Predicate | None:
        """'threatened to expel its diplomats and impose sanctions', 'is seeking to cut its
        oil and tighten restrictions': a verb joined to a frame's to-clause, with no subject
        or auxiliary of its own but 'to', is as much threatened, sought or refused; it is
        coded through the frame, not as a deed done."""
        first = token
        while first.dep_ == "conj" and first.head.i != first.i and first.pos_ == "VERB" and not any(
                c.dep_ in {*SUBJECT_DEPS, "auxpass"} or (c.dep_ == "aux" and c.lower_ != "to")
                for c in first.children):
            first = first.head
        if first.i == token.i or first.dep_ not in {"xcomp", "acl"} or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
            return None
        frame_token = first.head
        clause = embedded_predicate(frame_token)
        if clause is None or clause.i != first.i:
            return None
        return self._framed(frame_token, consumed, memo, embedded=token)

    def _framed(self, token: Token, consumed: set[int], memo: Memo,
                embedded: Token | None = None) -> Predicate | None:
        """The deed a frame governs, coded through the frame ('threatened to strike'):
        ``embedded`` when given, else the frame's own clause or event noun."""
        frame = self._frame_at(token)
        if frame is None or token.pos_ not in {"VERB", "ADJ", "NOUN"}:
            return None
        if embedded is None:
            embedded = embedded_predicate(token)
        if embedded is None:
            embedded = self._framed_noun(token)
        if embedded is None or embedded.i in consumed or (
                frame.kind == "intend" and self._foreign_bridge(token, embedded)):
            return None
        if frame.kind == "intend" and embedded.head.i == token.i and (
                foreseen(embedded, self.lex) or entailed(embedded)):
            return None  # "expected Isis to be defeated by October" forecasts, intends nothing
        if frame.kind == "demand" and embedded.dep_ == "ccomp" and indicative(embedded) and (
                obligation_modal(embedded, self.lex) is None):
            return None  # "insisted that Assad was committed to …" states, not demands
        if frame.kind == "agree" and embedded.dep_ == "ccomp" and (
                token.lemma_.lower() in ACKNOWLEDGING or indicative(embedded)):
            return None  # "accepts that Iran will be strengthened", "agreed that it was"
        matched = self._match(embedded, memo) or self._agreed(frame, embedded)
        if matched is None:
            return None
        pattern, words = matched
        kind = frame.kind
        cooperative = pattern.code[:2] in self.lex.refusable_roots
        if kind in COMMITTING_KINDS and has_negator(embedded, self.lex):
            if not cooperative:
                return None  # "vowed not to attack", "is determined that they are not harmed"
            kind = "refuse"  # "vowed not to allow Gondor to …", "agreed not to extend the truce"
        if kind == "threaten" and cooperative:
            kind = "intend"  # "vowed to rebuild" is a promise, not a threat
        refused = kind in {"intend", "agree"} and cooperative and negated(token, self.lex)
        if refused:
            kind = "refuse"  # "is not willing to negotiate", "did not agree to withdraw"
        code = self.verbs.derived_code(kind, pattern.code)
        if code is None:
            return None
        inner = _predicate(embedded, pattern, words, pattern.code, f"{pattern.pos}:{pattern.id}",
                           "asserted", lex=self.lex)
        bridge = tuple(t for t in token.children if t.dep_ in {"dobj", "attr", "acomp"}
                       and embedded in t.children)
        framed = _framed_predicate(token, frame.model_copy(update={"kind": kind}), inner, code,
                                   negated(token, self.lex))
        return replace(framed, words=(token, *bridge, *inner.words),
                       negated=framed.negated and not refused,
                       aim=kind == "intend" and code[:2] == THREAT_ROOT and not (
                           _announced_aim(token, self.lex)))


def _announced_aim(frame: Token, lex: Lexicon) -> bool:
    """'Gondor pledged to crush the rebels', 'Arnor said it plans to strike the camps': an
    aim to use force is a threat (13x) when it is pledged (`pledging_frames`) or told in its
    holder's own statement; one the narrator attributes ('Gondor hopes to push the militia
    out', 'sanctions seeking to curb its shipping', 'troops are poised to storm the town')
    is no threat and no deed, and codes nothing."""
    lemma = frame.lemma_.lower()
    if lemma in lex.readiness_frames:
        # "plans to impose", "is prepared to impose": a plan or readiness of now; not a
        # plan once made ("planned to spray gas in 1940"), a plan noun or one in the making
        return frame.tag_ in HELD_NOW_TAGS or reported(frame, lex)
    return lemma in lex.pledging_frames or reported(frame, lex)


# the present, an adjective or a present passive's participle: a plan or readiness held now
HELD_NOW_TAGS = frozenset({"VBZ", "VBP", "JJ", "VBN"})


def _decided_against(token: Token, lex: Lexicon) -> bool:
    """'voted not to attend the conference', 'decided not to renew the deal': a deed a
    verb of decision rules out is refused, as one that will not be done."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.decision_verbs and any(
        c.dep_ == "neg" for c in token.children)


def _obliged(told: Token, lex: Lexicon) -> tuple[Token, str | None]:
    """The clause a statement asks to be carried out, and its modal: "said Gondor must
    withdraw" (must), or a necessity the speaker states, "said it was vital that Gondor
    withdraw" (an appeal, as with 'should')."""
    if told.dep_ != "ccomp":
        return told, None
    modal = obligation_modal(told, lex)
    if modal is not None:
        return told, modal
    needed = None if has_negator(told, lex) else needed_deed(told, lex)
    if needed is None or any(c.dep_ in SUBJECT_DEPS and _anyone(c, lex)
                             for c in needed.children):
        return told, None
    return needed, "should"


def _anyone(subject: Token, lex: Lexicon) -> bool:
    """'it was critical for a political party to have credibility', 'important for
    politicians to be mindful': a necessity for anyone of a kind is advice, asked of no
    one; only a named or definite side is asked to act."""
    if subject.pos_ in {"PROPN", "PRON"} or any(
            c.dep_ in {"amod", "compound"} and c.ent_type_ for c in subject.children):
        return False  # "that Turkish troops withdraw"
    dets = [c for c in subject.children if c.dep_ in {"det", "poss"}]
    return not dets or any(d.lower_ in lex.indefinite_articles for d in dets)


def _self_obliged(clause: Token, lex: Lexicon) -> bool:
    """'Borduria said it must counter Ruritanian aggression', 'said we should act': what
    the speaker says it must do itself is its own resolve, no demand on anyone."""
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ in lex.speaker_pronouns
               for c in clause.children)


def _told_it(token: Token, clause: Token) -> bool:
    """'told the EU it must take back its fighters': after a verb of telling with an
    object, 'it' in what the told must do is the one told, not the speaker."""
    return any(c.dep_ in {"dobj", "dative"} and c.pos_ != "PRON" for c in token.children) and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in clause.children)


def _mutual(clause: Token, lex: Lexicon) -> bool:
    """'North and South must work together', 'both sides must jointly ease tensions': what
    the sides must do together is a call to cooperate, an appeal, not a demand on one."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.reciprocal_markers
               for c in clause.children)


def _naming(token: Token, lex: Lexicon) -> bool:
    """'the UN designated Srebrenica a safe area', 'declared the war over', 'designated
    Gondor as the prime threat': a verb of naming with a small clause (or an 'as',
    ``as_naming_verbs``) gives its object a status; it is no statement, sanction or war,
    unless the status is a blacklisting ('designated the group a terrorist organisation')."""
    if token.lemma_.lower() not in lex.naming_verbs:
        return False
    complement = small_clause(token) or (
        _as_status(token) if token.lemma_.lower() in lex.as_naming_verbs else None)
    return complement is not None and not any(
        t.lemma_.lower() in lex.blacklist_words for t in complement.subtree)


def _as_status(token: Token) -> Token | None:
    """'designated North Korea as the prime threat', 'designated the area as a safe zone':
    the 'as' object of a verb of naming (or of its object) is the status it gives."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
    for anchor in (token, *objects):
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


def _opinion(token: Token, lex: Lexicon) -> bool:
    """'Turkey considers the YPG a terrorist group', 'regards it as a threat', 'considers
    the group to be affiliated with the PKK': a view held of the object, no event."""
    if token.lemma_.lower() not in lex.opinion_verbs:
        return False
    return small_clause(token) is not None or _relative_small_clause(token) or any(
        (c.dep_ == "prep" and c.lower_ == "as") or (c.dep_ in {"xcomp", "ccomp"} and to_clause(c))
        for c in token.children)


def _showing(token: Token, lex: Lexicon) -> bool:
    """'demonstrating Russia's new clout', 'demonstrated that it could reach Guam', 'as
    Trump demonstrates daily': a verb of protest that also means 'show' shows something
    when it has an object, a clause or 'as'; only a bare one is a protest ('thousands
    demonstrated outside the embassy')."""
    return token.lemma_.lower() in lex.showing_verbs and any(
        c.dep_ in SHOWN_DEPS or (c.dep_ == "mark" and c.lower_ == "as") for c in token.children)


def _standing_state(noun: Token, lex: Lexicon) -> bool:
    """'Syria's seven-year war', 'Mr Putin's war in Syria', 'Trump's hostility': a noun of
    a state of affairs that names no side against its owner is a label, not a deed; 'war
    with Iran', 'the conflict between the Kurds and Turkey' still are. Plural 'hostilities'
    is fighting. A noun of a standing relationship ('America's commitment to its allies',
    'its international partnerships', ``relation_nouns``) is a label in either number."""
    lemma = noun.lemma_.lower()
    label = (noun.tag_ == "NN" and lemma in lex.state_nouns) or lemma in lex.relation_nouns
    return label and not any(
        c.dep_ == "prep" and c.lower_ in lex.side_preps for c in noun.children)


def _enlisted(token: Token, lex: Lexicon) -> bool:
    """'British nationals fighting with Islamic State', 'volunteers who fought alongside
    the Kurds', 'recruits fighting for Isis': people who fight with or for a side have
    joined it; it is no fight of their country against that side. Forces that fight with
    another ('troops fought with the rebels') still clash."""
    if token.pos_ != "VERB":
        return False
    if _died_fighting(token, lex):
        token = token.head  # "Britons killed fighting Isis": people who fell, one by one
    elif not any(c.dep_ == "prep" and c.lower_ in lex.enlisting_preps
                 and any(g.dep_ == "pobj" for g in c.children) for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if token.dep_ in {"acl", "relcl"}:
        subjects.append(token.head)  # "British nationals fighting with Islamic State"
    return any(s.lemma_.lower() in lex.enlisted_people or s.lower_ in lex.enlisted_people
               for s in subjects)


def _killed_doing(token: Token, lex: Lexicon) -> bool:
    """'Other Britons killed fighting Isis include ...', parsed as if the Britons killed:
    a verb of dying with no one killed and an -ing clause tells who died doing what, no
    killing by its subject ('militants killed two soldiers patrolling' still kills)."""
    return token.lemma_.lower() in lex.death_verbs and not any(
        c.dep_ in {"dobj", "obj", "dative"} for c in token.children) and any(
        c.tag_ == "VBG" and c.dep_ in {"xcomp", "advcl"} for c in token.children)


def _died_fighting(token: Token, lex: Lexicon) -> bool:
    """'killed fighting Isis', 'who died fighting the regime': a fight that its doers
    died in, told as a clause of their death."""
    return token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp"} and (
        token.head.lemma_.lower() in lex.death_verbs)


def _contributed(token: Token, lex: Lexicon) -> bool:
    """'the realities it has helped create', 'helped secure the reporter's release', 'helped
    to foment a rebellion', 'it helps that': a verb of helping with a clause and no one
    helped says its subject had a hand in a deed, no aid given; 'helped the Kurds retake
    the town' still aids the Kurds, and 'helped train local fighters', 'help provide
    weapons' still give aid (``aid_deeds``)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lex.contributing_verbs:
        return False
    clauses = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}]
    return bool(clauses) and not any(
        c.dep_ in {"dobj", "obj", "dative", "nsubjpass"} for c in token.children) and not any(
        c.lemma_.lower() in lex.aid_deeds or any(g.dep_ == "nsubj" for g in c.children)
        for c in clauses)


def _braced_for(noun: Token, lex: Lexicon) -> bool:
    """'residents bracing for a Turkish attack', 'the Kurds fear attack by Turkey', 'would
    leave the SDF vulnerable to Turkish attack': an attack noun that others brace for,
    fear or lie open to is no attack made."""
    if noun.pos_ != "NOUN":
        return False
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ in {
        "dobj", "obj"} else None
    return governor is not None and governor.lemma_.lower() in lex.bracing_heads


def _label_participle(token: Token, lex: Lexicon) -> bool:
    """'Kurdish forces backed by a US-led coalition', 'groups backed by Turkey', 'the
    Turkish backed rebels', 'forces backing Assad', 'citizens backing Isis': a participle of
    backing that picks out a noun names a standing relationship, no deed; one set off by a
    comma ('Maduro's government, backed by Moscow and Havana,') says the backing as news,
    and 'Washington backed the Kurds' is a deed. A participle joined to one shares it
    ('an army trained and equipped by the US'); so do aid and help ('an army armed by the
    US', 'the troops helping the Kurds')."""
    if token.lemma_.lower() not in lex.label_participles:
        return False
    if token.dep_ == "conj" and token.tag_ == token.head.tag_ and token.head.i != token.i and (
            not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"}
                    for c in token.children)):
        return _label_participle(token.head, lex)  # 'the Kurds, armed and supported by …'
    set_off = token.i > 0 and token.doc[token.i - 1].text == ","
    picks_out = token.dep_ in {"acl", "amod"} if token.tag_ == "VBN" else (
        token.tag_ == "VBG" and token.dep_ == "acl")
    return picks_out and not set_off


def _backed_off(token: Token, lex: Lexicon) -> bool:
    """'Ottawa backed out of the agreement', 'refused to back down': a verb of backing
    (``label_participles``) with a particle of retreat withdraws, no support given; 'the
    agreement was signed off by the ministers' is still signed."""
    return token.lemma_.lower() in lex.label_participles and any(
        c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in lex.retreat_particles
        and c.i == token.i + 1 for c in token.children)


def _relative_small_clause(token: Token) -> bool:
    """'the YPG, which Turkey considers a terrorist organisation': the relative pronoun is
    the object, and the clause's object the status it is given."""
    if token.dep_ != "relcl":
        return False
    relative = [c for c in token.children if c.tag_ in {"WDT", "WP"} and c.i < token.i]
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c not in relative]
    return bool(relative and subjects and any(c.dep_ in {"dobj", "attr", "oprd"}
                                              for c in token.children))


def _verbal_clash(token: Token, lex: Lexicon) -> bool:
    """'The judge has clashed with ministers over appointments', 'Macron clashed with
    Trump': a clash whose sides are all people or offices of state is a quarrel, not a
    fight ('protesters clashed with police', 'India clashed with China' stay fights)."""
    if token.pos_ != "VERB" or token.lemma_.lower() != "clash":
        return False
    sides = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    sides += [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "with"
              for pobj in prep.children if pobj.dep_ == "pobj"]
    return _people_or_offices(sides, lex)


def _verbal_attack(token: Token, code: str, lex: Lexicon) -> bool:
    """'The minister came under attack from Tory MPs': an attack suffered whose sides are
    all people or offices of state is a quarrel, not force ('Kurdish forces came under
    attack from Turkish jets' stays force)."""
    clause = _suffering_clause(token) if code[:2] in lex.violent_roots else None
    if clause is None:
        return False
    sides = [c for c in clause.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]
    sides += [pobj for anchor in (token, clause) for prep in anchor.children
              if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"from", "by"}
              for pobj in prep.children if pobj.dep_ == "pobj"]
    return _people_or_offices(sides, lex)


def _people_or_offices(sides: list[Token], lex: Lexicon) -> bool:
    """Are all these sides people or offices of state (no armed force among them)?"""
    return bool(sides) and all(
        side.ent_type_ == "PERSON" or side.lower_ in {"he", "she"}
        or side.lemma_.lower() in lex.person_roles or side.lemma_.lower() in OFFICE_NOUNS
        for side in sides)


def _manner_of(token: Token, consumed: set[int]) -> bool:
    """'Protesters blocked the streets in defiance of the authorities': 'in defiance of'
    says how a deed already coded was done; only a deed not coded ('is pursuing nuclear
    weapons in defiance of UN sanctions') is the defiance itself."""
    prep = token.head
    return token.lemma_.lower() in DEFIANCE_NOUNS and prep.lower_ == "in" and (
        prep.head.i in consumed)


def _own_public(token: Token, lex: Lexicon) -> bool:
    """'Japan warned its residents to take cover': a warning addressed to the warner's own
    people, named by a possessive pronoun, is advice to them, no threat."""
    return any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in lex.people_heads and any(
        g.dep_ == "poss" and g.lower_ in OWN_POSSESSIVES for g in c.children)
        for c in token.children)


def _danger_foreseen(force: Token, told: Token, lex: Lexicon) -> bool:
    """'warned of the dangers of a clash', 'warned that the bombing could be the catalyst
    for a new exodus', 'warned that the actions would cause new conflicts', 'warned that
    this could be worse than the siege': a deed of force the warning names only as a
    danger, as what may follow or what something else would cause, or as a measure of
    comparison, is no threat of the one who warns."""
    current = force
    while current.i != told.i and current.head.i != current.i:
        head = current.head
        if current.dep_ == "pobj" and head.lower_ == "of" and (
                head.head.lemma_.lower() in lex.potential_nouns):
            return True  # "the dangers of a clash"
        if current.dep_ == "pobj" and head.lower_ == "than":
            return True  # "worse than the siege"
        if current.dep_ in {"dobj", "obj"} and head.lemma_.lower() in lex.causing_verbs:
            return True  # "would cause new conflicts"
        if current.dep_ in {"nsubj", "nsubjpass"} and head.lemma_ == "be" and any(
                c.dep_ == "aux" and c.lower_ in lex.hypothetical_aux | lex.forecast_aux
                for c in head.children):
            return True  # "the bombing could be the catalyst"
        if current.i == told.i:
            break
        current = head
    return False


def admonition(token: Token, lex: Lexicon) -> bool:
    """'warned Borduria against arming the rebels', 'warned the rebels not to count on
    Ruritania': a warning with an addressee that tells it to refrain from a deed of its own
    (an *against* -ing clause or a negated to-clause) is a demand; 'warned against
    complacency' (no addressee) or 'warned Borduria that talks may fail' is not."""
    if not any(c.dep_ in {"dobj", "obj"} for c in token.children):
        return False
    if any(c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children)
           for c in token.children):
        return True
    return any(prep.dep_ == "prep" and prep.lower_ in lex.admonition_preps
               and any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in prep.children)
               for prep in token.children)


def _partnerless(token: Token, pattern: VerbPattern, lex: Lexicon) -> bool:
    """'a spokesman, speaking by telephone, said': a verb of mutual contact whose pattern
    names the means ('by phone') and that has none of its partner prepositions ('to', 'with')
    is the speaker talking to the press, no consultation (issue 14); not when the subject
    names two sides together, who talk to each other."""
    if pattern.pos != "verb" or pattern.prep is None or pattern.prep in pattern.target or (
            pattern.code not in lex.reciprocal_codes):
        return False  # ('met with Putin': the preposition is the partner's)
    return not any(c.dep_ in {"prep", "dative"} and c.lower_ in pattern.target
                   for c in token.children) and not _coordinated_subject(token)


def _coordinated_subject(token: Token) -> bool:
    """'Erdogan and Putin spoke by phone', 'the Turkish and Russian presidents spoke by
    telephone': sides named together as the subject are each other's partner."""
    return any(c.dep_ == "nsubj" and any(
        g.dep_ == "conj" or g.dep_ in {"amod", "compound"} and any(
            h.dep_ == "conj" for h in g.children) for g in c.children)
        for c in token.children)


def partnered(token: Token, lex: Lexicon, reciprocal_code: bool = False) -> bool:
    """'withdrew its forces amid a row with Erdogan', 'after clashes with Kurdish fighters',
    'in a phone call with Putin': a mutual event noun (by its word or ``reciprocal_code``)
    with a 'with' partner is an event of its own, not only the scene of another (its
    other side is the clause's subject); so is a visit with a 'to' destination ('said
    during a visit to Jerusalem': the subject's visit; not a trip, `visit_nouns`, nor a
    visit in a phrase not of time, `visit_preps`)."""
    if token.pos_ != "NOUN":
        return False
    mutual_word = reciprocal_code or token.lemma_.lower() in lex.reciprocal_verbs
    return mutual_word and _has_phrase(token, "with") or (
        token.lemma_.lower() in lex.visit_nouns and _has_phrase(token, "to")
        and token.dep_ == "pobj" and token.head.lower_ in lex.visit_preps)


def _has_phrase(token: Token, prep: str) -> bool:
    """``token`` has a phrase of the preposition ``prep`` with an object ('a call with
    Putin', 'a visit to Seoul')."""
    return any(c.dep_ == "prep" and c.lower_ == prep and any(g.dep_ == "pobj" for g in c.children)
               for c in token.children)


def _unreal_phrase(token: Token, lex: Lexicon) -> bool:
    """'the exit could lead to fresh fighting between the Kurds and Turkey', 'if there is
    a conflict between Turkey and the Kurds': an event noun in the phrases of a clause that
    is only possible or conditional is as unreal as the clause."""
    if token.pos_ != "NOUN":
        return False
    current = token
    while current.dep_ in {"pobj", "prep", "attr", "dobj", "conj"} and (
            current.head.i != current.i):
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return hypothetical(current, lex)
    return False


def _other_sense(token: Token, predicate: Predicate, lex: Lexicon) -> bool:
    """The predicate's word is read in a sense that is no such event: a threat word that
    means endanger (:func:`_endangers`), a fight on the side of the one fought 'with'
    (:func:`_enlisted`), help towards a deed rather than aid to someone
    (:func:`_contributed`), an attack only feared or braced for (:func:`_braced_for`), a
    backing that only describes who is backed (:func:`_label_participle`) or that is
    withdrawn (:func:`_backed_off`), a deed named only in a description
    (:func:`_characterised`)."""
    root = predicate.code[:2]
    if _sense_of_words(token, predicate, lex) or _characterised(token, lex):
        return True
    return (root == THREAT_ROOT and _endangers(token, predicate.words, lex)) or (
        root == FIGHT_ROOT and _enlisted(token, lex)) or (
        root == AID_ROOT and (_contributed(token, lex) or _label_participle(token, lex))) or (
        predicate.code in lex.violent_roots and _braced_for(token, lex)) or (
        root in SUPPORT_ROOTS and (_label_participle(token, lex) or _backed_off(token, lex))) or (
        (root == INTENT_ROOT or root in SUPPORT_ROOTS) and _disposition(token, predicate, lex))


def _disposition(token: Token, predicate: Predicate, lex: Lexicon) -> bool:
    """'They are committed allies', 'it was committed to the defence of its allies', 'units
    that are allied with US forces', 'allied naval manoeuvres': a participle of pledging or
    alliance as an adjective, after a copula or before its noun, tells a disposition or a
    standing tie, no pledge made and no alliance struck ('Gondor committed to more air
    strikes', 'had allied with the regime' are deeds; ``disposition_participles``). A
    frame on it ('is committed to sending troops') keeps its own reading."""
    return predicate.embedded is None and token.dep_ in {"acomp", "amod"} and (
        token.lemma_.lower() in lex.disposition_participles)


def _characterised(token: Token, lex: Lexicon) -> bool:
    """'boycotted the congress, characterising the talks as "the regime talking to the
    regime"', 'described the plan as an invasion by stealth', 'dismissed the congress as a
    meeting of the regime with itself': what lies in the 'as' phrase of a verb of calling
    or of scorn (``calling_verbs``, ``scorn_verbs``), on the verb or on its object, is the
    speaker's description, no deed."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ == "as":
            head = ancestor.head
            caller = head.head if head.dep_ in {"dobj", "obj"} else head
            return caller.lemma_.lower() in lex.calling_verbs | lex.scorn_verbs
    return False


def _sense_of_words(token: Token, predicate: Predicate, lex: Lexicon) -> bool:
    """Senses told by the company a word keeps: people welcomed in (:func:`_took_in`),
    a rush with nowhere stormed (:func:`_rushed`), people evacuated
    (:func:`_evacuated_people`), a state's own budget funded (:func:`_budget_funding`),
    people killed while doing something (:func:`_killed_doing`), an appeal that is a draw
    (:func:`_allure`), a chance afforded (:func:`_afforded`), a resignation in protest
    (:func:`_resigned_in_protest`), a fact conceded (:func:`_conceded_fact`)."""
    root = predicate.code[:2]
    return (root in SUPPORT_ROOTS and _took_in(token, lex)) or (
        predicate.code in lex.violent_roots and _rushed(token, lex)) or (
        root == KILL_ROOT and _killed_doing(token, lex)) or (
        _evacuated_people(predicate.words, lex)) or (
        root == AID_ROOT and _budget_funding(predicate.words, lex)) or (
        root == APPEAL_ROOT and _allure(token, lex)) or (
        predicate.code == OFFER_CODE and _afforded(token, lex)) or (
        predicate.code == RESIGN_CODE and _resigned_in_protest(token)) or (
        predicate.code == OWNING_UP_CODE and _conceded_fact(token, lex)) or (
        predicate.code == YIELD_CODE and _let_in_passing(token, lex))


def _let_in_passing(token: Token, lex: Lexicon) -> bool:
    """'let alone secure more gains', 'let's see', 'praised me and let me go', 'it allowed
    the minister to sidestep his own red line', 'the law allows Ruritania to revoke
    citizenship': a verb of allowing (``allowing_verbs``) concedes nothing in the idiom
    'let alone', when the one let is the speaker ('let us', 'let me'), or when its subject
    is an empty 'it' or a thing (``enabling_things``) that makes a deed possible;
    'Moscow allowed Ankara to use the airspace' is a concession."""
    if token.lemma_.lower() not in lex.allowing_verbs:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "alone" for c in token.children):
        return True
    let = [s for c in token.children if c.dep_ in {"dobj", "obj", "ccomp", "xcomp"}
           for s in (c, *c.children) if s.dep_ in {"nsubj", "dobj", "obj"}]
    if any(s.lower_ in {"me", "us", "'s", "\u2019s"} for s in let):
        return True
    subjects = [token.head if c.lower_ in lex.relative_pronouns and token.dep_ == "relcl"
                else c for c in token.children if c.dep_ == "nsubj"]  # "a deal which allows"
    return any(s.lower_ == "it" or s.lemma_.lower() in lex.enabling_things for s in subjects)


def _conceded_fact(token: Token, lex: Lexicon) -> bool:
    """'acknowledged that the sanctions are failing', 'admits there is a link': a verb of
    owning up whose that-clause tells some other fact concedes a state of affairs, no
    responsibility; 'admitted it had shot down the airliner', 'admitted that its forces
    had shot down the airliner' (the speaker, or what a pronoun says is the speaker's,
    with a past deed) owns up to one."""
    if token.lemma_.lower() not in lex.conceding_verbs:
        return False
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False  # "admitted downing the airliner", "acknowledged its mistake"
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    own = subject is not None and (subject.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children))
    past = clause.tag_ == "VBD" or (clause.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} for c in clause.children))
    return not (own and past and clause.lemma_.lower() != "be")


def _took_in(token: Token, lex: Lexicon) -> bool:
    """'the camp welcomed 800,000 people fleeing the war', 'Uganda welcomed thousands of
    refugees': to welcome people who arrive is to take them in, not to praise anyone."""
    if token.lemma_.lower() not in lex.welcoming_verbs:
        return False
    taken = [direct_object(token, lex)] + [s for c in token.children if c.dep_ == "ccomp"
                                            for s in c.children if s.dep_ == "nsubj"]
    return any(t is not None and measured(t, lex).lemma_.lower() in lex.arriving_people
               for t in taken)


def _rushed(token: Token, lex: Lexicon) -> bool:
    """'they storm to the front', 'stormed out of the talks': a verb of storming with
    nothing stormed and no way into it ('stormed the embassy', 'stormed into the town')
    is a rush, not an attack."""
    return token.pos_ == "VERB" and token.lemma_.lower() in lex.rushing_verbs and (
        direct_object(token, lex) is None) and not any(
        c.dep_ == "prep" and c.lower_ in lex.entering_preps for c in token.children)


def _evacuated_people(words: tuple[Token, ...], lex: Lexicon) -> bool:
    """'ordered Russians to be evacuated from the border', 'evacuated 300 civilians':
    people moved out of danger are rescued; no force withdraws, and an order to do it is
    no demand on another."""
    for word in words:
        if word.lemma_.lower() not in lex.evacuating_verbs:
            continue
        moved = [c for c in word.children if c.dep_ in {"dobj", "nsubjpass"}]
        if word.dep_ == "xcomp":
            moved += [c for c in word.head.children if c.dep_ == "dobj"]
        if any(m.ent_type_ == "NORP" or m.tag_ == "NNPS"
               or measured(m, lex).lemma_.lower() in lex.people_heads for m in moved):
            return True
    return False


def _allure(token: Token, lex: Lexicon) -> bool:
    """'its appeal was further diminished', 'to maintain its appeal among those who …',
    'the group's broad appeal': an appeal that grows or fades (``allure_verbs``), that
    reaches 'among' people, or that is broad or popular (``allure_modifiers``) is a draw,
    no plea to anyone."""
    if token.pos_ != "NOUN" or token.lemma_.lower() != "appeal":
        return False
    grows = token.dep_ in {"nsubj", "nsubjpass", "dobj", "obj"} and (
        token.head.lemma_.lower() in lex.allure_verbs)
    return grows or any(
        (c.dep_ == "prep" and c.lower_ == "among")
        or (c.dep_ == "amod" and c.lower_ in lex.allure_modifiers) for c in token.children)


def _afforded(token: Token, lex: Lexicon) -> bool:
    """'involvement in Syria offered an opportunity to undermine Nato', 'offers a better
    excuse': an offer of a chance (``chance_nouns``) with no recipient named is what a
    thing affords, no offer made ('offered Arnor a chance to withdraw' stays one)."""
    if token.pos_ != "VERB" or token.lemma_.lower() != "offer" or any(
            c.dep_ in {"dative", "iobj"} for c in token.children):
        return False
    obj = direct_object(token, lex)
    return obj is not None and any(
        n.lemma_.lower() in lex.chance_nouns for n in (obj, measured(obj, lex)))


def _resigned_in_protest(token: Token) -> bool:
    """'the minister resigned in protest at the deal': a resignation made as a protest
    yields to no one ('the premier resigned amid protests' does)."""
    return any(prep.dep_ == "prep" and prep.lower_ == "in" and any(
        p.dep_ == "pobj" and p.lemma_.lower() == "protest" for p in prep.children)
        for prep in token.children)


def _budget_funding(words: tuple[Token, ...], lex: Lexicon) -> bool:
    """'a bill to continue federal funding', 'campaign funding': a state's own budget or
    a party's money is no aid given to another."""
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in lex.budget_modifiers
               for w in words for c in w.children)


def _endangers(token: Token, words: tuple[Token, ...], lex: Lexicon) -> bool:
    """'Trump threatens British interests', 'a threat to regional stability', 'missiles
    that threaten to hit Japan', 'Iran is a greater threat', 'ready for any threat': a
    word of threatening that says what is in danger, or who is a danger, is no threat made
    by one actor to another (``words``: the predicate's words, as the threat noun a frame
    carries: 'is ready for any threat')."""
    return _thing_threatens(token, lex) or _abstract_threatened(token, lex) or any(
        w.pos_ == "NOUN" and _danger_label(w, lex) for w in (token, *words))


def _thing_threatens(token: Token, lex: Lexicon) -> bool:
    """'missiles that threaten to hit its territory', 'the strikes threaten to drag Gondor
    into war', 'the new law threatens press freedom': a weapon, a strike or a policy that
    threatens does not threaten as an actor does; the verb says what may happen."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "relcl" and any(c.lower_ in {"that", "which"} for c in subjects):
        subjects = [token.head]
    return any(s.pos_ == "NOUN" and (s.lemma_.lower() in lex.weapon_nouns
                                     or s.lemma_.lower() in lex.policy_instruments)
               for s in subjects)


def _abstract_threatened(token: Token, lex: Lexicon) -> bool:
    """'threatens British interests and international peace', 'a threat to the ceasefire':
    what is threatened is a good or an order, not an actor, so the word means endanger."""
    threatened = [direct_object(token, lex)] if token.pos_ == "VERB" else list(
        prepositional_objects(token, lex.danger_to_preps))
    return any(t is not None and t.lemma_.lower() in lex.endangered_objects
               for t in threatened)


def _danger_label(noun: Token, lex: Lexicon) -> bool:
    """'Iran is a greater threat', 'prepare for possible North Korean threats', 'under the
    threat of attack': a threat noun that says what someone is, or what others brace for,
    is no threat made."""
    if noun.lemma_.lower() not in lex.danger_nouns:
        return False
    return noun.dep_ == "attr" or (noun.dep_ == "pobj" and noun.head.lower_ in lex.bracing_preps)


def _averted(token: Token, lex: Lexicon) -> bool:
    """'designed to prevent a large-scale attack', 'the attack was averted', 'will be safe
    from air force attack', 'the town was spared an assault': an event noun that a verb of
    prevention takes as its object, or in the from-phrase of a word of safety or
    prevention, never happened."""
    if token.pos_ != "NOUN":
        return False
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head  # "averted a war and a famine"
    head = current.head
    if current.dep_ in {"dobj", "obj", "nsubjpass"}:
        return head.pos_ == "VERB" and (head.lemma_.lower() in lex.averting_words
                                        or head.lower_ in lex.averting_words)  # spared: spar
    return current.dep_ == "pobj" and head.lower_ == "from" and (
        head.head.lemma_.lower() in lex.averting_words)


def _unreal_relative(token: Token, lex: Lexicon) -> bool:
    """'a settlement will be a deal between states, where the Americans agree with the
    Russians': a present-tense relative clause that describes a thing only foreseen or
    possible describes no event either."""
    if token.dep_ != "relcl" or token.tag_ not in {"VBP", "VBZ"}:
        return False
    current = token.head
    for _ in range(8):  # up through the noun phrase to its clause
        if current.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "aux" and (c.lower_ in lex.future_aux
                                           or c.lower_ in lex.hypothetical_aux)
                       for c in current.children)
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _reaction(token: Token, lex: Lexicon) -> Match | None:
    """'will be met with fire and fury': a passive verb of reception with a 'with' object
    names how its subject will be treated, not a meeting. Force is a deed of the agent
    (unknown when none is named) against the subject; anything else ("was met with
    anger", "greeted with scepticism") is no event of its own."""
    response = reaction_object(token, lex)
    if response is None or response.lemma_.lower() not in lex.force_nouns:
        return None
    pattern = VerbPattern(id=f"{token.lemma_.lower()}.with.force", lemmas=[token.lemma_ or "meet"],
                          code="190", source=["agent"], target=["nsubjpass"])
    return pattern, (token, response)


def _predicate(token: Token, pattern: VerbPattern, words: tuple[Token, ...], code: str,
               rule: str, modality: str, *, lex: Lexicon) -> Predicate:
    source, target = tuple(pattern.source), tuple(pattern.target)
    if pattern.pos == "noun" and token.lemma_.lower() in lex.patient_nouns and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        source = tuple(slot for slot in source if slot != "poss")
        target = ("poss", *target)
    if pattern.pos == "noun" and any(c.dep_ == "nsubj" for c in token.children):
        # "photos show Mugabe and the army chief meeting at the state house": a gerund the
        # parser reads as a noun keeps its own subject, who does it
        source = ("nsubj", *source)
    if pattern.pos == "noun" and token.dep_ in {"dobj", "obj"} and (
            token.head.lemma_.lower() in CARRIER_VERBS):
        source = (*source, "carrier")  # "Kim's address included a warning to the US"
    slots = (token, *words[1:])
    if pattern.pos == "noun" and token.dep_ == "nsubj" and (
            token.head.lemma_.lower() in lex.aspect_verbs):
        slots = (*slots, token.head)  # "clashes continued with Isis fighters"
    if pattern.pos == "noun":
        slots = (*slots, *_carrying_participles(token, lex))  # "sanctions imposed on Russia"
    clause = _suffering_clause(token) if pattern.pos == "noun" and (
        pattern.code[:2] in lex.conflict_roots) else None
    if clause is not None:
        # "Kurdish forces came under attack from Turkish jets", "the town has been under
        # siege by regime forces": done by the one named after 'from' or 'by' (on the noun
        # or the verb) to the subject of the clause
        source, target = (*source, "from"), ("suffering_subject", *target)
        slots = (*slots, clause)
    return Predicate(
        token=token, code=code, rule=rule, source_slots=source, target_slots=target,
        modality=modality, negated=negated(token, lex) or none_done(token), words=words,
        slot_tokens=slots,
    )


def _carrying_participles(noun: Token, lex: Lexicon) -> tuple[Token, ...]:
    """'sanctions imposed on Russia', 'strikes carried out against Isis': a participle that
    only says the deed noun was done (`carrying_participles`) carries the noun's own
    prepositions. Not one with a doer of its own ("sanctions imposed by Washington on
    Pyongyang"): that participle and its noun are coded as a deed of the verb."""
    return tuple(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and c.lower_ in lex.carrying_participles
                 and not any(g.dep_ == "agent" for g in c.children))


def _suffering_clause(token: Token) -> Token | None:
    """The verb an event noun after 'under' hangs on ("came under attack", "has been under
    siege", "collapsed under an assault"): its subject is the one the event is done to."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SUFFERING_PREPS:
        return None
    return prep.head if prep.head.pos_ in {"VERB", "AUX"} else None


RETREAT = "0874"  # CAMEO: retreat or surrender militarily


FIGHT_ROOT = "19"  # CAMEO: fight
KILL_ROOT = "18"  # CAMEO: assault, killings among them
AID_ROOT = "07"  # CAMEO: provide aid
OWN_POSSESSIVES = frozenset({"its", "their", "our"})  # the warner's own people
ASKING_KINDS = frozenset({"appeal", "demand"})
APPEAL_ROOT = "02"  # CAMEO: appeal
OFFER_CODE = "030"  # CAMEO: express intent to cooperate
RESIGN_CODE = "0831"  # CAMEO: accede to demands for change in leadership
OWNING_UP_CODE = "015"  # CAMEO: acknowledge or claim responsibility
YIELD_CODE = "080"  # CAMEO: yield, plain ("allowed the opposition to hold a rally")
SUPPORT_ROOTS = frozenset({"05", "06"})  # CAMEO: diplomatic and material cooperation
THREAT_ROOT = "13"  # CAMEO: threaten
INTENT_ROOT = "03"  # CAMEO: express intent to cooperate
DISAPPROVAL_ROOT = "11"  # CAMEO: disapprove, criticise, accuse
FEELING_CODE = "110"  # disapproval felt (anger.v, angry.adj): told ahead it is only foreseen


def _frame_targets(frame: Frame, inner: Predicate, token: Token) -> tuple[str, ...]:
    """Who a framed event is aimed at: the one told to act for demands and appeals
    ("demanded that Hamas renounce …", "urged Iran to return …"), else the embedded
    event's target ("threatened to attack Gondor"); the subject of a passive frame of
    intent is its doer, not its object ("Bolton is expected to hold talks with Turkish
    officials"). Asked for a withdrawal, the one asked is who withdraws, not the place
    left ("called for Gondor's withdrawal from the valley" is aimed at Gondor). A clause
    with a subject of its own names the one asked before any object ("called for Gondor
    to leave the alliance" asks Gondor, not the alliance), unless the verb asks its
    object outright (:func:`_asks_outright`)."""
    if frame.kind in {"demand", "appeal"}:
        asked = inner.source_slots if inner.code.startswith(RETREAT) else inner.target_slots
        told = ("dobj", "embedded_subject") if _asks_outright(token) else (
            "embedded_subject", "dobj")
        return (*told, *frame.target, *asked)
    own = tuple(s for s in frame.target if s != "dobj" or not passive(token))
    return (*own, *inner.target_slots)


def _framed_predicate(token: Token, frame: Frame, inner: Predicate, code: str,
                      denied: bool) -> Predicate:
    modality = {"threaten": "threatened", "intend": "intended", "agree": "intended",
                "refuse": "asserted", "appeal": "asserted", "demand": "asserted",
                "deny": "asserted", "accuse": "asserted"}[frame.kind]
    # "Iran was asked to release the sailors": the one asked or told is the target
    told = frame.kind in {"demand", "appeal"}
    return replace(
        inner, token=token, code=code, rule=f"frame:{frame.id}+{inner.rule}",
        source_slots=("nsubj", "agent", "poss") if told else ("nsubj", "nsubjpass", "agent",
                                                              "poss"),
        target_slots=_frame_targets(frame, inner, token),
        modality=modality, negated=denied,
        words=(token, *inner.words), slot_tokens=(token, *inner.slot_tokens),
        embedded=inner.token,
    )


def _asks_outright(verb: Token) -> bool:
    """'asked Russia whether it could operate', 'urged Ankara that it should wait': a verb
    of appeal with a named direct object and a clause of its own asks that object."""
    return any(c.dep_ in {"dobj", "obj"} and c.pos_ == "PROPN" for c in verb.children) and any(
        c.dep_ == "ccomp" for c in verb.children)


def _main_copula(token: Token) -> bool:
    """'Chile and Peru are in talks', 'troops were on alert': 'be' heading its clause with
    a phrase of state is read as a verb of the dictionaries (verbs.yaml patterns with the
    lemma 'be' and a preposition)."""
    return token.lemma_ == "be" and token.dep_ not in {"aux", "auxpass"} and any(
        c.dep_ == "prep" for c in token.children)
