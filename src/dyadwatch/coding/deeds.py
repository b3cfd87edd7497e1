"""A reaction to a deed is aimed at the one who did it (issue 14).

"Japan condemned the launch", "Tehran vowed revenge for the strike", "Abe branded the
provocative action a grave threat": the object of a reaction (criticism, praise or support,
rejection, a threat or a vow of revenge, a demand, a retaliation) is often the deed, not its
doer, and analysts code the reaction as aimed at the doer; so is the subject of a
statement's clause that criticises it ("Abe said the launch was unacceptable"). When the
predicate has no target of its own, the doer is taken, in order, from

1. the deed noun's own phrase: a possessor, a national adjective or compound, a by-phrase
   ("the Israeli strike", "the attack by Isis");
2. the same deed told before in the article: the source of the latest deed coded in an
   earlier sentence (or earlier in the same one) whose code is of the noun's family (a
   launch or test: a show of force or a missile fired; an attack: force; an "action" or
   "move": any act of coercion or force, told in its sentence or the two before), not one
   of the reacting side's own country, nor one told only to describe a side ("the PKK
   fighting a war inside Turkey"). When that deed's doer is not known ("twenty were
   killed in the bombing"), the reaction has no target.

A possessive pronoun ("defended its decision") names the deed as someone's own without
telling whose, and an indefinite noun ("condemned any attack") points back to nothing:
neither is given a doer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dyadwatch.coding.actors import DocActors, Resolved
from dyadwatch.coding.arguments import fill
from dyadwatch.coding.clause_actors import same_actor
from dyadwatch.coding.comments import called_code, criticised_subjects
from dyadwatch.coding.doc_arrays import sentence_at
from dyadwatch.coding.syntax import direct_object, named_object

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.coding.mentions import ActorLookup
    from dyadwatch.coding.predicates import Predicate
    from dyadwatch.kb.lexicon import CodeSet, Lexicon

DEED_PREPS = frozenset({"for", "over", "against"})  # "vowed revenge for the attack"
FEELING_PREPS = frozenset({"by", "at", "about", "with"})  # "outraged by the launch"
DOER_SLOTS = ("poss", "by", "amod", "compound")  # "North Korea's launch", "the Russian strikes"
DEED_CODE = "190"  # the code a deed noun is read with for its doer
DEFINITE_WORDS = frozenset({"the", "this", "these", "that", "those", "such"})


@dataclass(frozen=True, slots=True)
class ToldDeed:
    """A deed the article has told: where its predicate is, its code and its doer."""

    token_i: int
    code: str
    doer: Resolved | None  # None: nobody known ("twenty were killed in a bombing")
    lemmas: frozenset[str]  # the words of its trigger ("fire", "missile")


def tell(told: list[ToldDeed], predicate: Predicate, code: str, side: Resolved | None) -> None:
    """Keep the deed ``predicate`` tells, coded ``code`` and done by ``side`` (None or a side
    of no country: a doer not known), unless it is only an aim or describes a side."""
    if predicate.aim or describing(predicate.token):
        return  # "an offensive to capture the town": the capture is only its aim
    doer = side if side is not None and side.country is not None else None
    told.append(ToldDeed(predicate.token.i, code, doer,
                         frozenset(t.lemma_.lower() for t in predicate.words)))


def reacted_deed(predicate: Predicate, lex: Lexicon) -> Token | None:
    """The deed noun a reaction names: its object ("condemned the launch"; not of a demand
    or threat, whose object is what it asks or threatens: `deed_answer_roots`) or the noun
    of a for-, over- or against-phrase of its words or its object ("vowed revenge for the
    strike", "demanded an apology for the seizure"), when the noun is one of a deed family
    (`launched_deeds`, `armed_deeds`, `coercive_deeds`, `deed_words`); for a plain
    statement, the deed its clause criticises (:func:`criticised_deed`)."""
    if (judged := criticised_deed(predicate, lex)) is not None:
        return judged[0]
    if (answered := _answered_deed(predicate, lex)) is not None:
        return answered
    answer = predicate.code in lex.deed_answer_roots
    if not (answer or _reacting(predicate, lex) or _scorned_deed(predicate, lex)):
        return None
    return next((noun for noun in _deed_phrases(predicate, lex, not answer)
                 if _deed_codes(noun, lex) is not None), None)


def _answered_deed(predicate: Predicate, lex: Lexicon) -> Token | None:
    """'banned oil imports in response to the latest missile test', 'held a live-fire drill
    in retaliation for the launch': the deed noun that coercion or a show of force is said
    to answer, after an answer noun (`answer_nouns`) in an in-phrase of its words; the
    answer is aimed at that deed's doer. Not for other codes ("held an emergency session
    in response to the launch" is no act against the launcher)."""
    if predicate.code[:2] not in lex.conflict_roots:
        return None
    for word in predicate.words:
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for answer in prep.children:
                if answer.dep_ != "pobj" or answer.lemma_.lower() not in lex.answer_nouns:
                    continue
                deeds = [c for p in answer.children if p.dep_ == "prep"
                         and p.lower_ in {"to", "for"} for c in p.children if c.dep_ == "pobj"]
                found = next((d for d in deeds if _deed_codes(d, lex) is not None), None)
                if found is not None:
                    return found
    return None


def criticised_deed(predicate: Predicate, lex: Lexicon) -> tuple[Token, str] | None:
    """'Japan said the launch was a reckless provocation', 'said the move was unacceptable':
    the deed noun that a plain statement's clause criticises or blames as its subject, with
    the clause's code (111 or 112); the statement is that reaction to the deed's doer. Not
    a word that names a deed without saying which ("said the move was reckless",
    deed_words): the latest force told may be another's, as for a verb of calling."""
    if predicate.code not in lex.reporting_codes:
        return None
    return next(((noun, code) for noun, code in criticised_subjects(predicate.token, lex)
                 if noun.lemma_.lower() not in lex.deed_words
                 and _deed_codes(noun, lex) is not None), None)


def deed_doers(predicate: Predicate, noun: Token, source: Resolved, told: list[ToldDeed],
               memory: DocActors, lookup: ActorLookup, lex: Lexicon) -> list[Resolved]:
    """The doer of the deed ``noun`` a reaction of ``source`` names: the known actors of its
    own phrase, else the doer of the latest same deed told before; never ``source``'s own
    side. Nothing for a deed with a possessive pronoun or no definite word."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return []  # "Japan defended its decision": whose is not told
    named = _named_deed(noun, lex)
    if named is not None:
        # "the reckless provocation of North Korea's launch": the deed the word names
        return deed_doers(predicate, named, source, told, memory, lookup, lex)
    # the noun read as the deed it names: its national modifier is its doer even in a
    # phrase ("revenge for the Israeli strike"), as for force (arguments._national_modifiers)
    again = replace(predicate, token=noun, words=(noun,), slot_tokens=(noun,), embedded=None,
                    code=DEED_CODE)
    own = [r for r in fill(again, DOER_SLOTS, memory, lookup, lex, subject=True)
           if r.actor is not None]
    if own or _names_doer(noun):
        return [r for r in own if not _own_side(source, r)]
    if not any(c.dep_ in {"det", "amod"} and c.lower_ in DEFINITE_WORDS for c in noun.children):
        return []
    lemma = noun.lemma_.lower()
    recent = [d for d in told if d.token_i >= _window_start(noun)] if (
        lemma in lex.deed_words) else told
    found = _told_doer(noun, recent, source, _deed_codes(noun, lex),
                       lex.launched_weapons if lemma in lex.launched_deeds else None)
    return [found] if found is not None else []


def _named_deed(noun: Token, lex: Lexicon) -> Token | None:
    """The deed noun in the of-phrase of a word that names a deed without saying which
    (`deed_words`: "the provocation of the launch", "this act of aggression"), else None."""
    if noun.lemma_.lower() not in lex.deed_words:
        return None
    return next((c for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for c in prep.children if c.dep_ == "pobj" and _deed_codes(c, lex) is not None),
                None)


def describing(token: Token) -> bool:
    """A predicate told only to describe a side: a present participle after its noun ("the
    PKK fighting a separatist war inside Turkey"), no deed a later reaction names again."""
    return token.dep_ == "acl" and token.tag_ == "VBG"


def _told_doer(noun: Token, told: list[ToldDeed], source: Resolved, codes: CodeSet | None,
               weapons: frozenset[str] | None) -> Resolved | None:
    """The doer of the latest deed told before ``noun`` whose code is in ``codes`` (and whose
    trigger names one of ``weapons``, when given: a launch fires something) and that is not
    ``source``'s own; None when that deed's doer is not known ("twenty were killed in a
    bombing"), except for a launch: one told in the passive ("the missile was launched from
    near the capital") retells a launch whose doer the article named."""
    for deed in reversed(told):
        if deed.token_i >= noun.i or codes is None or deed.code not in codes or (
                weapons is not None and not deed.lemmas & weapons):
            continue
        if deed.doer is None and weapons is None:
            return None
        if deed.doer is not None and not _own_side(source, deed.doer):
            return deed.doer
    return None


def _window_start(noun: Token) -> int:
    """The first token of the sentence two before ``noun``'s: where a word that names a
    deed without saying which ("the move", "the incident") may find it."""
    doc = noun.doc
    first = sentence_at(doc, noun.i).start
    for _ in range(2):
        first = sentence_at(doc, first - 1).start if first > 0 else first
    return first


def _names_doer(noun: Token) -> bool:
    """The deed noun tells its doer, known or not: a possessor ("Hamas's attack"), a
    by-phrase or a name before it ("the Hamas attack")."""
    return any(c.dep_ == "poss" or (c.dep_ in {"prep", "agent"} and c.lower_ == "by")
               or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)


def _reacting(predicate: Predicate, lex: Lexicon) -> bool:
    """A reaction to a deed (`deed_reaction_roots`), or a retaliation for one
    (`retaliation_verbs`: "retaliated for the strike", "avenged the attack")."""
    return predicate.code in lex.deed_reaction_roots or any(
        t.lemma_.lower() in lex.retaliation_verbs for t in predicate.words)


def _scorned_deed(predicate: Predicate, lex: Lexicon) -> bool:
    """'Japan called the launch a reckless act': a verb of calling whose label scorns
    (comments.called_code) criticises what it names, so its object is a deed reacted to;
    not a word that names a deed without saying which ("described the move as a
    betrayal", deed_words): the latest force told may be another's."""
    token = predicate.token
    obj = _called_object(token, lex)
    return token.lemma_.lower() in lex.calling_verbs and obj is not None and (
        obj.lemma_.lower() not in lex.deed_words and called_code(token, obj, lex) is not None)


def _called_object(token: Token, lex: Lexicon) -> Token | None:
    """The object of a verb, or the one the parse reads as its first complement ("called
    [the North Korean launch] [a reckless act]")."""
    return direct_object(token, lex) or next(named_object(token), None)


def _deed_phrases(predicate: Predicate, lex: Lexicon, with_object: bool) -> Iterator[Token]:
    """The object of the predicate (``with_object``), then the nouns of the for-, over-
    and against-phrases of its words and its object, and of the to-phrase of an answer
    noun ("vowed a firm response to the launch"; `answer_nouns`)."""
    obj = _called_object(predicate.token, lex)
    if obj is not None and with_object:
        yield obj
    anchors = {*predicate.words, *([obj] if obj is not None else [])}
    for word in sorted(anchors, key=lambda t: t.i):
        answer = word.lemma_.lower() in lex.answer_nouns
        for prep in word.children:
            if prep.dep_ == "prep" and (prep.lower_ in DEED_PREPS
                                        or answer and prep.lower_ == "to"):
                yield from (c for c in prep.children if c.dep_ == "pobj")
    if with_object:
        # "outraged by the provocation of North Korea's launch": the phrase a reaction of
        # feeling takes its target from, wherever the parser hangs it, when it holds a
        # word that names a deed in its of-phrase (not a bare "indignation at the attack",
        # whose doer told before may be any attack's)
        token = predicate.token
        feeling = (token, token.head) if token.dep_ == "acomp" else (token,)
        for anchor in feeling:
            for prep in anchor.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in FEELING_PREPS and (
                        prep.lower_ in predicate.target_slots or prep.dep_ == "agent"):
                    yield from (c for c in prep.children
                                if c.dep_ == "pobj" and _named_deed(c, lex) is not None)


def _deed_codes(noun: Token, lex: Lexicon) -> CodeSet | None:
    """The CAMEO codes of the deeds a deed noun may name again, by its family."""
    lemma = noun.lemma_.lower()
    for words, codes in ((lex.launched_deeds, lex.launched_deed_codes),
                         (lex.armed_deeds, lex.violent_roots),
                         (lex.coercive_deeds, lex.coercive_deed_codes),
                         (lex.deed_words, lex.deed_codes)):
        if lemma in words:
            return codes
    return None


def _own_side(source: Resolved, other: Resolved) -> bool:
    """``other`` is the reacting side itself or of its country."""
    return same_actor(source, other) or (
        source.country is not None and source.country == other.country)
