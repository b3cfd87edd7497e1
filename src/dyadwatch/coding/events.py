"""The event coder: predicates in the dependency parse → CAMEO events with evidence.

Three stages, each with one reason to change:

1. predicates (:mod:`dyadwatch.coding.predicates`): every verb or event noun the verb
   dictionary codes, with frames, obligations, refusals and future deeds;
2. arguments (:mod:`dyadwatch.coding.arguments`): its source and target from the parse,
   resolved to actors by :mod:`dyadwatch.coding.actors`, with its date and place;
3. assembly (:mod:`dyadwatch.coding.assembly`): the CAMEO rewrites, then one Event made
   the way every producer makes it.

What is emitted: events whose source is a known political actor (a country, an
international body, a named group) unless ``coding.keep_unknown_actors``; in a document
:mod:`dyadwatch.coding.register` finds not to be political news (sport, entertainment,
business, science), only the acts of state organs and international bodies.

The coder holds only immutable :class:`~dyadwatch.kb.resources.CodingResources`; what one
document needs (its actors, date and pattern matches) is a :class:`DocContext` made per
call, so one coder can be shared by threads and calls.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from dyadwatch.coding.actor_words import is_group
from dyadwatch.coding.actors import DocActors, Resolved, resolve_document
from dyadwatch.coding.arguments import (
    find_arguments,
    joint,
    mutual,
    mutual_among_sources,
    placed_by_source,
    placed_partners,
    placed_victim,
    respective_targets,
    reversible,
    usable_targets,
)
from dyadwatch.coding.assembly import Party, assemble_event, rewritten
from dyadwatch.coding.clause_actors import actor_sector, political, private_sector, quarrelling
from dyadwatch.coding.comments import STANCE, comment_on, warned_about
from dyadwatch.coding.confidence import known_code
from dyadwatch.coding.dates import (
    NO_DAY,
    TOLD_BEFORE,
    carry_dates,
    event_date,
    retold_dates,
    standing_present,
)
from dyadwatch.coding.deeds import ToldDeed, criticised_deed, deed_doers, reacted_deed, tell
from dyadwatch.coding.doc_arrays import sentences, span_text
from dyadwatch.coding.mentions import MatcherCache
from dyadwatch.coding.mood import standing_tie
from dyadwatch.coding.places import event_location
from dyadwatch.coding.predicates import (
    FIGHT_ROOT,
    QUARREL_CODE,
    Memo,
    Predicate,
    PredicateFinder,
)
from dyadwatch.coding.register import (
    USER_DATA_KEY,
    Register,
    document_register,
    kept_in_register,
)
from dyadwatch.model import Article, Event, Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from dyadwatch.kb.lexicon import Lexicon
    from dyadwatch.kb.resources import CodingResources

SentenceKey = tuple[str | None, str | None, str, int]
PLAIN_STATEMENT = "010"
CLASH_WORDS = frozenset({"clash"})


@dataclass(frozen=True, slots=True)
class CoderOptions:
    keep_negated: bool = False
    keep_untargeted: bool = True
    # False: a plain statement (010) is emitted only with a target, an actor it is
    # addressed to or about ("said to reporters" and "said Borduria had ..." have none)
    keep_targetless_statements: bool = True
    # False: only events of known political actors (a country, an international body or a
    # named group) are emitted; True also keeps unknown and sector-only sources
    keep_unknown_actors: bool = False
    # recognise texts that are not political news (coding.register) and keep from them
    # only the events of state organs and international bodies
    screen_off_topic: bool = True


@dataclass(frozen=True, slots=True)
class DocContext:
    """What coding one document needs beyond the shared resources, made per call."""

    article: Article
    day: date | None
    memory: DocActors
    matches: Memo = field(default_factory=dict)  # pattern match by token index
    register: Register = Register(None)  # the document's register; None: political news
    undated: set[str] = field(default_factory=set)  # ids of events given the article's day
    told_before: set[str] = field(default_factory=set)  # ids of deed nouns pointing back
    told: list[ToldDeed] = field(default_factory=list)  # the deeds coded so far, in order


class EventCoder:
    """dyadwatch's own coder over its verb and actor dictionaries (a DocCoder)."""

    def __init__(self, resources: CodingResources, options: CoderOptions | None = None) -> None:
        self.resources = resources
        self.options = options or CoderOptions()
        self.lex = resources.lexicon
        self.matchers = MatcherCache(resources.actors, resources.lexicon,
                                     resources.actor_patterns)
        self.predicates = PredicateFinder(resources.verbs, resources.lexicon)
        self.pronouns = (self.lex.person_pronouns | self.lex.group_pronouns
                         | self.lex.relative_pronouns)

    @property
    def dictionary_version(self) -> str:
        return self.resources.dictionary_version

    def context(self, doc: Doc, article: Article) -> DocContext:
        """The document context of ``doc`` (the parsed text of ``article``): its actors and
        date, and a fresh memo of pattern matches. One per call; never shared."""
        day = date.fromisoformat(article.published) if article.published else None
        register = (document_register(doc, self.resources.registers)
                    if self.options.screen_off_topic else Register(None))
        if not register.political_news:
            doc.user_data[USER_DATA_KEY] = register  # evidence for the run's count
        return DocContext(article, day, resolve_document(doc, self.matchers, day),
                          register=register)

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        """Every event in ``doc`` (the parsed text of ``article``), in reading order."""
        ctx = self.context(doc, article)
        events: list[Event] = []
        for index, sent in enumerate(sentences(doc)):
            events.extend(self.code_sentence(sent, index, ctx))
        events = carry_dates(events, ctx.undated, doc, ctx.day, self.lex)
        return retold_dates(events, ctx.told_before)

    def code_sentence(self, sent: Span, index: int, ctx: DocContext) -> list[Event]:
        """The events of one sentence of the document ``ctx`` was made for."""
        consumed: set[int] = set()
        seen: set[SentenceKey] = set()
        coded: list[tuple[Predicate, Event]] = []
        for predicate in self.predicates.find(sent, consumed, ctx.matches):
            if predicate.negated and not self.options.keep_negated:
                continue
            for event in self._events_for(predicate, sent, index, ctx):
                key = (event.source, event.target, event.cameo, event.trigger_start)
                if key not in seen:
                    seen.add(key)
                    coded.append((predicate, event))
        return [event for predicate, event in coded
                if not (predicate.aim or self._said_by_content(predicate, event, coded)
                        or standing_tie(predicate.token, event.cameo, self.lex)
                        or _told_by_its_verb(predicate, event, coded, self.lex))]

    def _events_for(self, predicate: Predicate, sent: Span, index: int,
                    ctx: DocContext) -> Iterator[Event]:
        sources, targets = find_arguments(predicate, ctx.memory, self.resources.actors,
                                          self.lex, self.options.keep_unknown_actors,
                                          self.resources.places)
        sources = political(sources, predicate.code, self.lex)  # a private target stays unknown
        sources = placed_partners(predicate, sources, self.lex)
        if not sources:
            tell(ctx.told, predicate, predicate.code, None)  # a deed whose doer is unknown
            return
        dated = event_date(predicate.token, ctx.day, self.lex)
        if dated is None and predicate.embedded is not None and predicate.modality == "intended":
            # a plan's day may hang on the deed it plans ("is scheduled to meet X on Friday")
            planned = event_date(predicate.embedded, ctx.day, self.lex)
            dated = None if planned in (NO_DAY, TOLD_BEFORE) else planned
        if dated is None and standing_present(predicate.token, predicate.code, self.lex):
            dated = NO_DAY  # "Gondor hosts a million refugees": a standing state
        # an event placed in another year with no day named ("Bush's 2003 decision to
        # invade Iraq") has no day we can give; it is not dated to the article
        event_day = None if dated in (NO_DAY, TOLD_BEFORE) else dated or ctx.day
        location = self._location(predicate, targets)
        each_other = len(sources) > 1 and mutual_among_sources(predicate, self.lex)
        if each_other and not targets:
            predicate = joint(predicate)
        paired = respective_targets(predicate, sources, targets)
        for position, source in enumerate(sources):
            own = targets if paired is None else paired[position]
            place = location.country if location is not None else None
            usable = usable_targets(predicate, source, [
                placed_victim(predicate, source, placed_by_source(predicate, source, t, self.lex),
                              ctx.memory, place, self.lex, self.resources.actors,
                              self.resources.places) for t in own], self.lex)
            if not usable and each_other:
                # "A and B held talks": coordinated sides are each other's target
                usable = usable_targets(predicate, source, [s for s in sources if reversible(s)],
                                        self.lex)
            acting = predicate
            if not usable and not each_other:
                usable = self._deed_doers(predicate, source, ctx)
                acting = _deed_judgement(predicate, self.lex) if usable else predicate
            if not usable and not self.options.keep_untargeted:
                continue
            if not usable and source.token_i in ctx.memory.carried_speakers:
                # a speaker named in another sentence is trusted only for what the quote
                # aims at a named actor: a one-sided deed in a run of quotation is most
                # often talk of the speaker's own policy ("we will provide help")
                continue
            chosen: list[Resolved | None] = [*usable] or [None]
            chosen = [t for t in chosen if not _journey_of_no_visit(acting, source, t)]
            for target in chosen:
                made = [(source, self._event(acting, source, target, sent, index,
                                             ctx.article, event_day, location))]
                if target is not None and mutual(predicate, self.lex) and reversible(target) and (
                        not private_sector(target.actor, self.lex)):
                    # "A met B" is also B meeting A; "met the freed girls" is no meeting
                    # of theirs (private people are no source)
                    made.append((target, self._event(predicate, target, source, sent, index,
                                                     ctx.article, event_day, location)))
                if dated is None:
                    ctx.undated.update(e.event_id for _, e in made)
                elif dated is TOLD_BEFORE:
                    ctx.told_before.update(e.event_id for _, e in made)
                for side, e in made:
                    tell(ctx.told, predicate, e.cameo, side)
                yield from (e for side, e in made if self._kept(side, e, ctx.register))

    def _deed_doers(self, predicate: Predicate, source: Resolved,
                    ctx: DocContext) -> list[Resolved]:
        """'Japan condemned the launch': a reaction whose object names a deed, not its doer,
        is aimed at the doer (:mod:`dyadwatch.coding.deeds`)."""
        noun = reacted_deed(predicate, self.lex)
        if noun is None:
            return []
        return usable_targets(predicate, source, deed_doers(
            predicate, noun, source, ctx.told, ctx.memory, self.resources.actors, self.lex),
            self.lex)

    def _kept(self, source: Resolved, event: Event, register: Register) -> bool:
        """Is ``event`` emitted? Its source must be a known political actor (a country, an
        international body, a named group) unless ``coding.keep_unknown_actors``; in a
        text that is not political news, a state organ or international body acting on
        another political actor. A plain statement needs a target unless
        ``coding.keep_targetless_statements``."""
        if not (self.options.keep_unknown_actors
                or known_code(event.source, event.source_country)):
            return False
        if event.target is None and event.cameo == PLAIN_STATEMENT and (
                not self.options.keep_targetless_statements):
            return False
        return register.political_news or kept_in_register(
            register, self.resources.registers, _how(source) or "", source.text, source.code,
            source.country, event.cameo, self.pronouns, dyadic=bool(event.dyadic))

    def _location(self, predicate: Predicate, targets: list[Resolved]) -> Location | None:
        if self.resources.places is None:
            return None
        doc = predicate.token.doc
        anchors = (*predicate.slot_tokens, *(doc[t.token_i] for t in targets))
        if predicate.embedded is not None:
            anchors = (*anchors, predicate.embedded)
        return event_location(anchors, self.resources.places, self.lex)

    def _event(self, predicate: Predicate, source: Resolved, target: Resolved | None,
               sent: Span, index: int, article: Article, day: date | None,
               location: Location | None) -> Event:
        code, rule = rewritten(predicate.code, predicate.rule, target, sent.doc, self.lex)
        if target is not None and code in self.lex.reporting_codes and (
                said := comment_on(predicate.token, sent.doc[target.token_i], self.lex)):
            code, rule = said, f"{rule}+comment"  # "said Borduria's move was a provocation"
        elif target is not None and code[:2] == "13" and target.country not in {
                None, source.country} and warned_about(
                predicate.token, sent.doc[target.token_i], self.lex):
            # "warned that a Syrian assault would ...", not of the speaker's own police
            code, rule = STANCE, f"{rule}+caution"
        elif target is not None and _quarrel(predicate, code, source, target, self.lex):
            code, rule = QUARREL_CODE, f"{rule}+verbal"  # "the ambassador clashed with Trump"
        words = sorted(predicate.words, key=lambda t: t.i)
        return assemble_event(
            article_id=article.id, sentence_index=index, trigger_start=predicate.token.idx,
            cameo=code, source=Party(source.code, source.country, source.text or None,
                                     _how(source)),
            target=Party(target.code, target.country, target.text, _how(target))
            if target else None,
            sentence=span_text(sent).strip(), trigger=" ".join(t.text for t in words), rule=rule,
            dictionary_version=self.dictionary_version,
            confidence_table=self.resources.confidence,
            date=day.isoformat() if day else None, negated=predicate.negated,
            modality=predicate.modality, location=location,
        )

    def _said_by_content(self, statement: Predicate, event: Event,
                         coded: list[tuple[Predicate, Event]]) -> bool:
        """'Iraq said it would allow the inspectors back': a statement addressed to no one
        whose own clause is coded as an event of the same speaker is that event (the CAMEO
        practice), so the bare statement is not coded twice."""
        if (statement.code not in self.lex.reporting_codes or event.target is not None
                or not event.source):
            return False
        clauses = [c for c in statement.token.children if c.dep_ == "ccomp"]
        return any(other.token.i != statement.token.i and other_event.source == event.source
                   and any(c.i == other.token.i or c.is_ancestor(other.token) for c in clauses)
                   for other, other_event in coded)


def _deed_judgement(predicate: Predicate, lex: Lexicon) -> Predicate:
    """'Japan said the launch was a reckless provocation': a plain statement aimed at the
    doer of the deed its clause criticises carries the clause's code (111, 112)."""
    judged = criticised_deed(predicate, lex)
    if judged is None:
        return predicate
    return replace(predicate, code=judged[1], rule=f"{predicate.rule}+deed")


def _quarrel(predicate: Predicate, code: str, source: Resolved, target: Resolved,
            lex: Lexicon) -> bool:
    """A clash coded as a fight whose sides both resolve to offices of state or of politics
    ("the UK ambassador clashed with Trump", "the senator has clashed with the president"):
    a quarrel, 111, whatever the parser made of the names."""
    return code[:2] == FIGHT_ROOT and predicate.token.lemma_.lower() in CLASH_WORDS and (
        quarrelling(source.actor, target.actor, lex))


def _how(side: Resolved) -> str | None:
    """The rule that resolved a side's actor (what its confidence depends on)."""
    return side.actor.rule if side.actor is not None else None


VISIT = "042"
ARMED_GROUP_SECTORS = frozenset({"REB", "INS", "UAF"})


def _journey_of_no_visit(predicate: Predicate, source: Resolved,
                         target: Resolved | None) -> bool:
    """A journey told by a verb is a visit (042) only to a host: none when it goes
    nowhere an actor is ("visited the scene", "before landing in the ocean"), nor when a
    member of an armed group or a people goes to a country ("Letts travelled to Syria in
    2014", "he went to Syria to document the resistance"), which is a private journey."""
    if predicate.code != VISIT or predicate.token.pos_ != "VERB":
        return False
    if target is None or target.actor is None:
        return True
    doer = source.actor
    armed = doer is not None and (doer.code.startswith("IMG") or (
        is_group(doer) and actor_sector(doer) in ARMED_GROUP_SECTORS))
    return armed and actor_sector(target.actor) == ""


def _told_by_its_verb(noun: Predicate, event: Event, coded: list[tuple[Predicate, Event]],
                      lex: Lexicon) -> bool:
    """'A US drone strike killed the general': an armed deed named by a noun that is the
    subject or agent of a coded verb of killing or assault (18) with the same target is
    told by that verb's event; coding both counts one strike twice. A deed of another kind
    that the noun caused ("civilians uprooted by air strikes", 20) leaves it coded."""
    token = noun.token
    if token.pos_ != "NOUN" or event.target is None:
        return False
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else (
        token.head if token.dep_ in {"nsubj", "nsubjpass"} else None)
    return verb is not None and any(
        other.token.i == verb.i and other_event.target == event.target
        and other_event.cameo[:2] == ASSAULT_ROOT and event.cameo[:2] in lex.violent_roots
        for other, other_event in coded)


ASSAULT_ROOT = "18"  # a killing or an assault told by the verb; an uprooting (20) is another deed
