"""The event coder: predicates in the dependency parse → CAMEO events with evidence.

For each sentence, every verb or event noun found in the verb dictionary is a
candidate predicate. Its source and target come from the parse (subject or
passive agent; object, passive subject or a named preposition), resolved to
actors by :mod:`dyadwatch.coding.actors`. Frames (threaten, promise, refuse,
urge, demand, …) take their code from the event they embed. Negated and
hypothetical predicates code nothing; future deeds code as threats or intents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from dyadwatch.coding.actors import (
    QUANTITY_HEADS,
    ActorLookup,
    DocActors,
    MatcherCache,
    Resolved,
    actors_for,
    resolve_document,
)
from dyadwatch.coding.dates import ANOTHER_YEAR, event_date
from dyadwatch.coding.mood import (
    future,
    hypothetical,
    negated,
    reported,
    scene_setting,
    ultimatum,
)
from dyadwatch.coding.places import PlaceLookup, event_location
from dyadwatch.kb.verbs import Frame, VerbDictionary, VerbPattern
from dyadwatch.model import Actor, Article, Event, Location
from dyadwatch.ontology import lookup_cameo

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
EMBED_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl", "relcl"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
COOPERATION_ROOTS = frozenset({"04", "05", "06", "07", "08"})
REPORTING_CODES = frozenset({"010"})
# Event nouns whose possessor is the one it happens to ("Soleimani's killing", "his arrest")
# unless an of-phrase names that one ("Iran's release of the crew").
PATIENT_NOUNS = frozenset({
    "killing", "murder", "execution", "assassination", "beheading", "slaying", "lynching",
    "arrest", "detention", "imprisonment", "jailing", "abduction", "kidnapping", "kidnap",
    "torture", "beating", "release", "freeing", "deportation", "expulsion", "extradition",
    "capture", "conviction", "sentencing", "death", "rape", "ouster", "dismissal",
})
STATEMENT_NOUNS = frozenset({
    "statement", "declaration", "letter", "communique", "resolution", "message", "note",
    "report", "speech", "announcement", "appeal", "petition", "ultimatum", "decree",
})
ANNOUNCE_VERBS = frozenset({"announce", "declare", "proclaim", "unveil", "order", "approve",
                            "authorize", "authorise", "decree"})
# Verbs that carry out the event their object names ("continued their hunger strike").
OBJECT_SUPPORT_VERBS = frozenset({
    "continue", "resume", "begin", "start", "stage", "hold", "launch", "conduct", "mount",
    "wage", "intensify", "escalate", "step", "carry", "organize", "organise", "lead", "renew",
    "undertake", "perform", "commit", "unleash", "speed", "accelerate", "expedite", "hasten",
    "complete", "implement", "finish",
})
SUPPORT_VERBS = frozenset({"engage", "enter", "participate", "join", "take", "resume",
                           "continue", "persist", "involve", "embark"})


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


Memo = dict[int, "tuple[VerbPattern, tuple[Token, ...]] | None"]


@dataclass(frozen=True, slots=True)
class DocContext:
    """What coding one document needs beyond the shared resources, made per call."""

    article: Article
    day: date | None
    memory: DocActors
    matches: Memo = field(default_factory=dict)  # pattern match by token index


@dataclass(frozen=True, slots=True)
class CoderOptions:
    keep_negated: bool = False
    keep_untargeted: bool = True
    keep_unknown_actors: bool = True


class EventCoder:
    """dyadwatch's own coder over its verb and actor dictionaries (a DocCoder)."""

    def __init__(self, actors: ActorLookup, verbs: VerbDictionary,
                 options: CoderOptions | None = None,
                 places: PlaceLookup | None = None) -> None:
        self.verbs = verbs
        self.matchers = MatcherCache(actors)
        self.options = options or CoderOptions()
        self.places = places
        self._known = {lemma for _, lemma in verbs.by_lemma} | set(verbs.frames)

    @property
    def dictionary_version(self) -> str:
        return self.verbs.version

    def context(self, doc: Doc, article: Article) -> DocContext:
        """The document context of ``doc`` (the parsed text of ``article``): its actors and
        date, and a fresh memo of pattern matches. One per call; never shared."""
        day = date.fromisoformat(article.published) if article.published else None
        return DocContext(article, day, resolve_document(doc, self.matchers, day))

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        """Every event in ``doc`` (the parsed text of ``article``), in reading order."""
        ctx = self.context(doc, article)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            events.extend(self.code_sentence(sent, index, ctx))
        return events

    def code_sentence(self, sent: Span, index: int, ctx: DocContext) -> list[Event]:
        """The events of one sentence of the document ``ctx`` was made for."""
        memory, article, day = ctx.memory, ctx.article, ctx.day
        consumed: set[int] = set()
        seen: set[tuple[str | None, str | None, str, int]] = set()
        coded: list[tuple[Predicate, Event]] = []
        for predicate in self._predicates(sent, consumed, ctx.matches):
            if predicate.negated and not self.options.keep_negated:
                continue
            for event in self._events_for(predicate, sent, index, memory, article, day):
                key = (event.source, event.target, event.cameo, event.trigger_start)
                if key not in seen:
                    seen.add(key)
                    coded.append((predicate, event))
        return [event for predicate, event in coded if not _said_by_content(predicate, event,
                                                                            coded)]

    # -- predicates -------------------------------------------------------------

    def _predicates(self, sent: Span, consumed: set[int], memo: Memo) -> Iterator[Predicate]:
        for token in sent:
            if token.i in consumed or not self._candidate(token):
                continue
            predicate = (self._obligation(token, consumed, memo)
                         or self._framed(token, consumed, memo) or self._plain(token, memo))
            if predicate is None or hypothetical(token):
                continue
            consumed.update(t.i for t in predicate.words)
            yield predicate

    def _candidate(self, token: Token) -> bool:
        """Cheap test: could this token be a predicate at all?"""
        if token.pos_ not in {"VERB", "NOUN", "ADJ"} or scene_setting(token):
            return False
        return token.pos_ == "VERB" or token.lemma_.lower() in self._known

    def _match(self, token: Token, memo: Memo) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        """The most specific dictionary pattern that holds at ``token`` (memoised per call)."""
        if token.i not in memo:
            memo[token.i] = self._match_uncached(token)
        return memo[token.i]

    def _match_uncached(self, token: Token) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        pos = "verb" if token.pos_ == "VERB" else "noun" if token.pos_ == "NOUN" else None
        if pos is None:
            return None
        for lemma in lemma_candidates(token):
            for pattern in self.verbs.patterns_for(lemma, pos):
                words = _pattern_words(token, pattern)
                if words is not None:
                    return self._announced(token, pattern) or (pattern, words)
        if pos == "verb":
            return self._support_verb(token)
        return None

    def _announced(self, token: Token,
                   pattern: VerbPattern) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        """'announced a suspension of air links with Serbia', 'declared a ceasefire': a
        statement whose object is an event is that event, by the one who announced it."""
        if pattern.object or token.lemma_.lower() not in ANNOUNCE_VERBS:
            return None
        obj = _direct_object(token)
        patterns = self.verbs.patterns_for(obj.lemma_.lower(), "noun") if obj else ()
        if obj is None or not patterns or patterns[0].code.startswith("01"):
            return None
        noun_pattern = patterns[0].model_copy(update={"pos": "verb", "source": ["nsubj",
                                                                                  "agent"]})
        return noun_pattern, (token, obj)

    def _support_verb(self, token: Token) -> tuple[VerbPattern, tuple[Token, ...]] | None:
        """'engage in negotiations with Iran': a support verb takes its event noun's code,
        with the verb's subject as source and the noun's prepositions as targets."""
        lemma = token.lemma_.lower()
        if lemma in OBJECT_SUPPORT_VERBS:
            obj = _direct_object(token)
            patterns = self.verbs.patterns_for(obj.lemma_.lower(), "noun") if obj else ()
            if obj is not None and patterns:
                verb_pattern = patterns[0].model_copy(
                    update={"pos": "verb", "source": ["nsubj", "agent"]})
                return verb_pattern, (token, obj)
        if lemma not in SUPPORT_VERBS:
            return None
        for noun in _prepositional_objects(token, {"in", "into"}):
            patterns = self.verbs.patterns_for(noun.lemma_.lower(), "noun")
            if patterns:
                verb_pattern = patterns[0].model_copy(
                    update={"pos": "verb", "source": ["nsubj", "agent"]})
                return verb_pattern, (token, noun)
        return None

    def _plain(self, token: Token, memo: Memo) -> Predicate | None:
        matched = self._match(token, memo)
        if matched is None:
            return None
        pattern, words = matched
        code, rule, modality = pattern.code, f"{pattern.pos}:{pattern.id}", "asserted"
        refusal = self._refusal(token, code, pattern.id)
        if refusal is not None:
            refused = _predicate(token, pattern, words, *refusal)
            if "nsubj" not in refused.source_slots:
                # "will not accept aid from Colombia": the refuser is the subject even where
                # the deed's own source is the giver
                others = tuple(s for s in refused.target_slots if s != "nsubj")
                refused = replace(refused, source_slots=("nsubj", "agent"),
                                  target_slots=(*refused.source_slots, *others))
            return replace(refused, negated=False)
        if pattern.pos == "verb" and future(token):
            # "will withdraw its force unless the rebels agree" is a threat (an ultimatum)
            kind = "threaten" if code[:2] in CONFLICT_ROOTS or ultimatum(token) else (
                "intend" if code[:2] in COOPERATION_ROOTS else None)
            derived = self.verbs.derived_code(kind, code) if kind else None
            if derived is not None:
                code, rule = derived, f"future:{pattern.id}"
                modality = "threatened" if kind == "threaten" else "intended"
        elif reported(token) and code not in REPORTING_CODES:
            modality = "reported"
        predicate = _predicate(token, pattern, words, code, rule, modality)
        frame = self.verbs.frame_for(token.lemma_.lower())
        embedded = _embedded_predicate(token) if frame else None
        if frame is None or embedded is None:
            return predicate
        # "threatened to deliver blows to the United States": a frame whose deed is not in
        # the dictionary still finds its target inside the clause it governs; a demand or
        # appeal is aimed at the one told to act ("demanded that Pyongyang give up …")
        targets = predicate.target_slots
        if frame.kind in {"demand", "appeal"}:
            targets = ("embedded_subject", *targets)
        return replace(predicate, embedded=embedded, target_slots=targets,
                       slot_tokens=(*predicate.slot_tokens, embedded))

    def _refusal(self, token: Token, code: str, pattern_id: str) -> tuple[str, str, str] | None:
        """'will not accept more refugees', 'would not meet their demands': a negated
        promise of cooperation is a refusal (CAMEO 12 mirrors 03), not a missing event."""
        if not (negated(token) and future(token)) or code[:2] not in COOPERATION_ROOTS | {"03"}:
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
        for noun in _prepositional_objects(token, {"to", "on", "upon", "for"}):
            if self.verbs.patterns_for(noun.lemma_.lower(), "noun"):
                return noun
            if frame is not None and frame.kind == "agree" and noun.pos_ == "NOUN":
                return noun  # "agreed to an extension of the mandate"
        return None

    def _obligation(self, token: Token, consumed: set[int], memo: Memo) -> Predicate | None:
        """'X said Y must withdraw' is X's demand on Y; with 'should' it is an appeal."""
        matched = self._match(token, memo)
        if matched is None or not matched[0].code.startswith("01"):
            return None
        for clause in token.children:
            modal = _obligation_modal(clause) if clause.dep_ == "ccomp" else None
            if modal is None or clause.i in consumed:
                continue
            kind = "demand" if modal == "must" else "appeal"
            inner = self._match(clause, memo)
            code = self.verbs.derived_code(kind, inner[0].code if inner else None)
            if code is None:
                return None
            words = inner[1] if inner else (clause,)
            return Predicate(
                token=token, code=code, rule=f"obligation:{modal}+{matched[0].id}",
                source_slots=tuple(matched[0].source), target_slots=("dobj", "embedded_subject"),
                modality="asserted", negated=negated(token), words=(token, *words),
                slot_tokens=(token,), embedded=clause,
            )
        return None

    def _framed(self, token: Token, consumed: set[int], memo: Memo) -> Predicate | None:
        frame = self.verbs.frame_for(token.lemma_.lower())
        if frame is None or token.pos_ not in {"VERB", "ADJ", "NOUN"}:
            return None
        embedded = _embedded_predicate(token)
        if embedded is None:
            embedded = self._framed_noun(token)
        if embedded is None or embedded.i in consumed:
            return None
        matched = self._match(embedded, memo) or self._agreed(frame, embedded)
        if matched is None:
            return None
        pattern, words = matched
        kind = frame.kind
        cooperative = pattern.code[:2] in COOPERATION_ROOTS | {"03"}
        if kind == "threaten" and cooperative:
            kind = "intend"  # "vowed to rebuild" is a promise, not a threat
        refused = kind in {"intend", "agree"} and cooperative and negated(token)
        if refused:
            kind = "refuse"  # "is not willing to negotiate", "did not agree to withdraw"
        code = self.verbs.derived_code(kind, pattern.code)
        if code is None:
            return None
        inner = _predicate(embedded, pattern, words, pattern.code, f"{pattern.pos}:{pattern.id}",
                           "asserted")
        bridge = tuple(t for t in token.children if t.dep_ in {"dobj", "attr", "acomp"}
                       and embedded in t.children)
        framed = _framed_predicate(token, frame.model_copy(update={"kind": kind}), inner, code)
        return replace(framed, words=(token, *bridge, *inner.words),
                       negated=framed.negated and not refused)

    # -- events -----------------------------------------------------------------

    def _events_for(self, predicate: Predicate, sent: Span, index: int, memory: DocActors,
                    article: Article, day: date | None) -> Iterator[Event]:
        lookup = self.matchers.lookup
        sources = _fill(predicate, predicate.source_slots, memory, lookup, subject=True)
        targets = _fill(predicate, predicate.target_slots, memory, lookup, subject=False)
        if not targets:
            targets = _fill(predicate, _fallback_targets(predicate.code), memory, lookup,
                            subject=False)
        if not targets and predicate.code[:2] in PLACE_TARGET_ROOTS:
            targets = _place_targets(predicate, memory, lookup)
        if not sources and self.options.keep_unknown_actors:
            sources = _unknown_actor(predicate, predicate.source_slots, targets)
        if not sources:
            return
        dated = event_date(predicate.token, day)
        # an event placed in another year with no day named ("Bush's 2003 decision to
        # invade Iraq") has no day we can give; it is not dated to the article
        event_day = None if dated is ANOTHER_YEAR else dated or day
        location = self._location(predicate, targets)
        for source in sources:
            usable = [t for t in targets if t.code != source.code
                      and not _self_reference(source, t) and not _own_means(predicate, t)]
            if not usable and not self.options.keep_untargeted:
                continue
            chosen: list[Resolved | None] = [*usable] or [None]
            for target in chosen:
                event = self._event(predicate, source, target, sent, index, article, event_day)
                yield replace(event, location=location) if location else event

    def _location(self, predicate: Predicate, targets: list[Resolved]) -> Location | None:
        if self.places is None:
            return None
        doc = predicate.token.doc
        anchors = (*predicate.slot_tokens, *(doc[t.token_i] for t in targets))
        if predicate.embedded is not None:
            anchors = (*anchors, predicate.embedded)
        return event_location(anchors, self.places)

    def _event(self, predicate: Predicate, source: Resolved, target: Resolved | None,
               sent: Span, index: int, article: Article, day: date | None) -> Event:
        if predicate.code == "1823" and target is not None and _named_official(target, sent):
            predicate = replace(predicate, code="186", rule=predicate.rule + "+official")
        if predicate.code == "174" and target is not None and (target.code or "")[:3] in {
                "IGO", "NGO"}:
            # expelling an international body or aid agency is a sanction (166), not
            # the deportation of people (174)
            predicate = replace(predicate, code="166", rule=predicate.rule + "+organisation")
        entry = lookup_cameo(predicate.code)
        words = sorted(predicate.words, key=lambda t: t.i)
        trigger_start = predicate.token.idx
        target_code = target.code if target else None
        key = "|".join([article.id, str(index), str(trigger_start), source.code or "",
                        target_code or "", predicate.code, self.dictionary_version])
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:20],
            article_id=article.id,
            date=day.isoformat() if day else None,
            source=source.code, target=target_code,
            source_country=source.country,
            target_country=target.country if target else None,
            source_text=source.text or None, target_text=target.text if target else None,
            cameo=predicate.code, cameo_root=predicate.code[:2],
            plover_type=entry.plover_type, plover_mode=entry.plover_mode,
            goldstein=entry.goldstein, quad_class=entry.quad_class,
            sentence=sent.text.strip(), sentence_index=index,
            trigger=" ".join(t.text for t in words), trigger_start=trigger_start,
            negated=predicate.negated, modality=predicate.modality, location=None,
            rule=predicate.rule, dictionary_version=self.dictionary_version,
        )


# -- pattern conditions ------------------------------------------------------------


def _said_by_content(statement: Predicate, event: Event,
                     coded: list[tuple[Predicate, Event]]) -> bool:
    """'Iraq said it would allow the inspectors back': a statement addressed to no one
    whose own clause is coded as an event of the same speaker is that event (the CAMEO
    practice), so the bare statement is not coded twice."""
    if statement.code not in REPORTING_CODES or event.target is not None or not event.source:
        return False
    clauses = [c for c in statement.token.children if c.dep_ == "ccomp"]
    return any(other.token.i != statement.token.i and other_event.source == event.source
               and any(c.i == other.token.i or c.is_ancestor(other.token) for c in clauses)
               for other, other_event in coded)


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


def _named_official(target: Resolved, sent: Span) -> bool:
    """Killing a named person who holds a government or military role is assassination."""
    if target.actor is None:
        return False
    token = sent.doc[target.token_i]
    role = target.actor.code[3:] if target.actor.country else ""
    return token.ent_type_ == "PERSON" and role[:3] in {"GOV", "MIL"}


def _predicate(token: Token, pattern: VerbPattern, words: tuple[Token, ...], code: str,
               rule: str, modality: str) -> Predicate:
    source, target = tuple(pattern.source), tuple(pattern.target)
    if pattern.pos == "noun" and token.lemma_.lower() in PATIENT_NOUNS and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        source = tuple(slot for slot in source if slot != "poss")
        target = ("poss", *target)
    return Predicate(
        token=token, code=code, rule=rule, source_slots=source, target_slots=target,
        modality=modality, negated=negated(token), words=words, slot_tokens=(token, *words[1:]),
    )


def _pattern_words(token: Token, pattern: VerbPattern) -> tuple[Token, ...] | None:
    """The trigger words if ``pattern`` holds at ``token``, else None."""
    words: list[Token] = [token]
    if pattern.particle is not None:
        particle = _child(token, {"prt"}, pattern.particle)
        if particle is None:
            return None
        words.append(particle)
    if pattern.object:
        obj = _direct_object(token)
        if obj is None or (obj.lemma_.lower() not in pattern.object
                           and obj.lower_ not in pattern.object):
            return None  # lemma or word form: dictionaries list "weapons" as well as "weapon"
        if pattern.object_modifier and not any(
                c.dep_ in {"amod", "compound"} and c.lemma_.lower() in pattern.object_modifier
                for c in obj.children):
            return None
        words.append(obj)
    if pattern.prep is not None and _child(token, {"prep", "agent", "dative"},
                                           pattern.prep) is None:
        return None
    if pattern.not_with and _near_lemmas(token) & set(pattern.not_with):
        return None
    return tuple(words)


def _near_lemmas(token: Token) -> set[str]:
    """Lemmas of the predicate's modifiers, of its object's modifiers ("oil supplies") and
    of its prepositions' objects ("demand for oil")."""
    near = {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    obj = _direct_object(token)
    if obj is not None:
        near.update(c.lemma_.lower() for c in obj.children if c.dep_ in {"compound", "amod"})
    for prep in token.children:
        if prep.dep_ == "prep":
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                near.add(pobj.lemma_.lower())
                near.update(c.lemma_.lower() for c in pobj.children if c.dep_ == "compound")
    return near


def _prepositional_objects(token: Token, words: set[str]) -> Iterator[Token]:
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


def _child(token: Token, deps: set[str], word: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and child.lower_ == word:
            return child
    return None


# People who are not their possessor ("killed their mother", "Assad's wife").
PERSONAL_NOUNS = frozenset({
    "mother", "father", "parent", "wife", "husband", "son", "daughter", "child", "children",
    "brother", "sister", "family", "relative", "cousin", "uncle", "aunt", "baby", "friend",
    "citizen", "national", "supporter", "follower", "victim", "lawyer", "people", "life",
    "safety", "health", "home", "house", "body", "fate", "future", "vulnerability",
})
# Things that stand for whoever holds them when they are attacked, seized or defended.
HELD_NOUNS = frozenset({
    "position", "base", "headquarters", "office", "embassy", "consulate", "camp", "post",
    "checkpoint", "convoy", "vessel", "ship", "tanker", "aircraft", "plane", "jet", "drone",
    "facility", "installation", "territory", "stronghold", "right", "rights", "interest",
    "interests", "sovereignty", "asset", "assets", "property", "leader", "leadership", "chief",
    "commander", "head", "member", "official", "representative", "envoy", "delegation",
    "demand", "demands", "proposal", "request", "offer", "plan", "policy", "decision",
})
MEASURE_NOUNS = frozenset({
    "ton", "tons", "tonne", "tonnes", "series", "wave", "number", "amount", "package", "shipment",
    "batch", "convoy", "round", "barrage", "volley", "string", "spate", "host", "set", "kind",
    "range", "lot", "lots", "plenty", "dozen", "dozens", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "worth", "raft", "flurry", "part", "kg",
    "kilogram", "kilograms", "kilo", "kilos", "pound", "pounds", "litre", "litres", "liter",
    "liters", "gallon", "gallons", "barrel", "barrels", "crate", "crates", "truckload",
    "truckloads", "consignment", "cargo", "load", "loads", "quantity", "quantities", "supply",
    "mission", "team",
})


def _direct_object(token: Token) -> Token | None:
    """The object, seen through measure words ("tons of aid", "a series of strikes")."""
    deps = PASSIVE_SUBJECT_DEPS if _passive(token) else {"dobj", "obj"}
    for child in token.children:
        if child.dep_ in deps:
            return _measured(child)
    return None


STATES_OF = frozenset({"emergency", "siege", "war", "alert"})


def _measured(noun: Token) -> Token:
    if noun.lemma_.lower() == "state":
        # "declared a state of emergency": the state is its of-object
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in STATES_OF:
                        return pobj
    if noun.lemma_.lower() in MEASURE_NOUNS or noun.pos_ == "NUM":
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return _measured(pobj)
    return noun


STATIVE_PASSIVES = frozenset({"commit", "prepare", "determine", "resolve", "dedicate",
                              "poise", "set", "intend", "oblige", "obligate", "bind"})


def _stative(token: Token) -> bool:
    """'Vietnam is committed to opening up', 'Iraq is prepared to impose martial law': a
    passive form that states the subject's own disposition, with no agent."""
    return token.tag_ == "VBN" and token.lemma_.lower() in STATIVE_PASSIVES and not any(
        c.dep_ == "agent" for c in token.children) and not any(
        c.dep_ == "aux" and c.lower_ in {"was", "were", "been"} for c in token.children)


def _passive(token: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in token.children)


# -- frames --------------------------------------------------------------------------


def _obligation_modal(clause: Token) -> str | None:
    """'must' or 'should' when the clause states an obligation ("must withdraw", "has to")."""
    for child in clause.children:
        if child.dep_ == "aux" and child.lower_ in {"must", "should"}:
            return child.lower_
    if clause.lemma_ in {"have", "need"} and not any(
            c.lower_ in {"yet", "still"} for c in clause.children) and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)
            for c in clause.children):
        return "must"  # "has to withdraw"; not "has yet to be faced"
    return None


def _embedded_predicate(token: Token) -> Token | None:
    """The verb a frame embeds: 'threatened to strike', 'warned that it would take action',
    'is ready to engage', 'signaled his intention to de-escalate'."""
    for child in token.children:
        if child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
            return child
    for child in token.children:
        if child.dep_ in {"dobj", "attr", "acomp"}:
            for grandchild in child.children:
                if grandchild.dep_ in EMBED_DEPS and grandchild.pos_ == "VERB":
                    return grandchild
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB":
                return child
    return None


def _frame_targets(frame: Frame, inner: Predicate) -> tuple[str, ...]:
    """Who a framed event is aimed at: the one told to act for demands and appeals
    ("demanded that Hamas renounce …", "urged Iran to return …"), else the embedded
    event's target ("threatened to attack Gondor")."""
    if frame.kind in {"demand", "appeal"}:
        return ("dobj", "embedded_subject", *frame.target, *inner.target_slots)
    return (*frame.target, *inner.target_slots)


def _framed_predicate(token: Token, frame: Frame, inner: Predicate, code: str) -> Predicate:
    modality = {"threaten": "threatened", "intend": "intended", "agree": "intended",
                "refuse": "asserted", "appeal": "asserted", "demand": "asserted",
                "deny": "asserted", "accuse": "asserted"}[frame.kind]
    return replace(
        inner, token=token, code=code, rule=f"frame:{frame.id}+{inner.rule}",
        source_slots=("nsubj", "nsubjpass", "agent", "poss"),
        target_slots=_frame_targets(frame, inner),
        modality=modality, negated=negated(token),
        words=(token, *inner.words), slot_tokens=(token, *inner.slot_tokens),
        embedded=inner.token,
    )


# -- slots ---------------------------------------------------------------------------


def _fallback_targets(code: str) -> tuple[str, ...]:
    """Where a target usually is when the pattern's own slots name none. For verbal
    events the subject of the clause they govern is the one addressed ("demanded that
    the government end curbs", "urged that Iran return")."""
    if code[:2] in {"02", "10", "11", "12", "13"}:
        return ("dobj", "against", "on", "at", "clause_subject")
    if code[:2] in CONFLICT_ROOTS:
        return ("dobj", "against", "on", "at")
    if code[:2] == "08":
        return ("dobj", "with", "to", "dative", "clause_subject")  # "allowed Ouattara to run"
    if code[:2] in COOPERATION_ROOTS or code[:2] in {"03"}:
        return ("dobj", "with", "to", "dative")
    return ("dobj",)


ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
# Threats, protests, shows of force and assaults with no one named are aimed at the state
# where they happen ("threatened to resume attacks in Israel", "demonstrated in Serbia",
# "a bombing in Kabul"). Not fighting (19-20): troops fighting in Syria are rarely
# fighting Syria.
PLACE_TARGET_ROOTS = frozenset({"13", "14", "15", "17", "18"})
PLACE_RULE = "place"


def _place_targets(predicate: Predicate, memory: DocActors,
                   lookup: ActorLookup) -> list[Resolved]:
    """The country of an 'in' phrase on the predicate, as a state actor, when the event
    has no object at all ("a missionary was arrested in Lebanon" is aimed at the missionary)."""
    token = predicate.token
    if _passive(token) or any(c.dep_ in {"dobj", "obj", "dative", "iobj"} for c in token.children):
        return []
    for head in _slot_heads(predicate, "in", subject=False):
        for found in actors_for(head, memory, lookup):
            if found.country is not None:
                actor = Actor(found.country, found.country, rule=PLACE_RULE)
                return [Resolved(actor, found.text, found.token_i)]
    return []


def _self_reference(source: Resolved, target: Resolved) -> bool:
    """A place in the source's own country, or a state and its own government ("Russia
    objected to a case against Moscow"). A government acting on its own state is kept:
    "promised to democratize Serbia", "imposed a curfew in southeastern Turkey"."""
    if target.country is None or target.country != source.country:
        return False
    return _is_place(target) or (source.code == source.country
                                 and target.code == f"{source.country}GOV")


def _own_means(predicate: Predicate, target: Resolved) -> bool:
    """'Russia deployed troops to the border', 'withdrew its forces': in deployments and
    withdrawals the pattern's own object, read only as a bare role ("troops" as MIL), is the
    source's means, not its target (unlike the patients of 'released the soldiers')."""
    if predicate.code[:2] != "15" and predicate.code not in DEPLOYMENT_CODES:
        return False
    return target.actor is not None and target.actor.rule.endswith(":role") and any(
        t.i == target.token_i for t in predicate.words)


DEPLOYMENT_CODES = frozenset({"0874", "074", "0334", "0356"})


def _is_place(target: Resolved) -> bool:
    return target.actor is not None and target.actor.rule == PLACE_RULE


def _unknown_actor(predicate: Predicate, slots: tuple[str, ...],
                   targets: list[Resolved]) -> list[Resolved]:
    """A subject that names someone the dictionaries do not know: an event with an unknown
    (null) source and the mention text, so nothing is guessed and nothing is lost. A passive
    with a known victim and no agent ("three civilians were killed") is kept the same way."""
    for slot in slots:
        if slot in {"amod", "compound"}:
            continue  # "the Raqqa offensive": an unknown modifier is more often a place
        for head in _slot_heads(predicate, slot, subject=True):
            if _names_someone(head):
                end = head.right_edge.i if head.lemma_.lower() in QUANTITY_HEADS else head.i
                text = head.doc[head.left_edge.i : end + 1].text
                return [Resolved(None, text, head.i)]
    if targets and (_passive(predicate.token) or predicate.code[:2] in {"18", "19", "20"}):
        # "three civilians were killed", "a car bomb killed ten people": the victims are
        # known, the perpetrator is not
        return [Resolved(None, "", predicate.token.i)]
    return []


def _names_someone(head: Token) -> bool:
    """A named person or body, or people named by a group ("Ibo elders", "Muslim hackers")."""
    if head.ent_type_ in ACTOR_ENTITIES or (head.pos_ == "PROPN" and head.ent_type_ not in {
            "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}):
        return True
    if head.lemma_.lower() in QUANTITY_HEADS:
        # "members of the Association of African Jurists"
        return any(_names_someone(pobj) for prep in head.children
                   if prep.dep_ == "prep" and prep.lower_ == "of"
                   for pobj in prep.children if pobj.dep_ == "pobj")
    return head.pos_ == "NOUN" and head.tag_ == "NNS" and any(
        c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "ORG", "GPE"}
        for c in head.children)


def _fill(predicate: Predicate, slots: tuple[str, ...], memory: DocActors,
          lookup: ActorLookup, subject: bool) -> list[Resolved]:
    """The actors in the first slot that yields any."""
    for slot in slots:
        for head in _slot_heads(predicate, slot, subject):
            found = actors_for(head, memory, lookup)
            if not found and not subject:
                found = _authors(head, memory, lookup)
            if found:
                return found
    return []


AUTHOR_PREPS = frozenset({"by", "from"})


def _authors(head: Token, memory: DocActors, lookup: ActorLookup) -> list[Resolved]:
    """Whose thing an object is, when the thing is no actor: "rejected North Korea's
    demand", "accepted demands from the rebels", "shelled the positions of the army"."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in PERSONAL_NOUNS:
        return []
    for child in head.children:
        if child.dep_ == "poss" and (child.pos_ != "PRON" or head.lemma_.lower() in HELD_NOUNS):
            # "North Korea's demand", "their hideouts"; not "their safety"
            return actors_for(child, memory, lookup)
        if child.dep_ == "prep" and (child.lower_ in AUTHOR_PREPS or (
                child.lower_ == "of" and head.lemma_.lower() in HELD_NOUNS)):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return actors_for(pobj, memory, lookup)
    return []


def _slot_heads(predicate: Predicate, slot: str, subject: bool) -> Iterator[Token]:
    token = predicate.token
    if slot == "embedded_subject":
        if predicate.embedded is not None:
            yield from _dependency_slot(predicate.embedded, "nsubj")
        return
    if slot == "clause_subject":
        for clause in token.children:
            if clause.dep_ == "ccomp":
                yield from _dependency_slot(clause, "nsubj")
        return
    if slot in {"amod", "compound"}:
        yield from _national_modifiers(token)
        return
    if slot in {"nsubj", "nsubjpass", "agent", "dobj", "iobj", "dative", "poss"}:
        yield from _dependency_slot(token, slot)
        if slot == "nsubj" and subject:
            yield from _inherited_subject(token)
        if predicate.embedded is not None and not subject:
            yield from _dependency_slot(predicate.embedded, slot)
        return
    for anchor in predicate.slot_tokens:
        yield from _prep_objects(anchor, slot)
        for child in anchor.children:
            if child.dep_ in {"dobj", "pobj"}:
                yield from _prep_objects(child, slot)
        for child in anchor.children:
            if child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        yield from _prep_objects(pobj, slot)


# Nouns that name a standing situation rather than a deed ("the Syrian civil war").
SITUATION_NOUNS = frozenset({"war", "conflict", "crisis", "fighting", "violence", "unrest",
                             "insurgency", "uprising", "revolution", "campaign", "occupation"})
PROXY_WORDS = frozenset({"backed", "supported", "sponsored", "funded", "armed", "trained",
                         "allied", "based", "aligned", "affiliated", "linked", "inspired"})


def _national_modifiers(noun: Token) -> Iterator[Token]:
    """'The Turkish offensive began', 'Palestinian riots continued': a national or named
    modifier is the actor of an event noun that is itself a clause's subject or object.
    Not "the Syrian civil war" (a situation), "the Warsaw summit" (a place) or "the
    US-backed offensive" (someone else's deed)."""
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"} or noun.lemma_.lower() in SITUATION_NOUNS:
        return
    for child in noun.children:
        if child.dep_ not in {"amod", "compound"} or any(
                g.lower_ in PROXY_WORDS for g in child.subtree):
            continue
        if child.ent_type_ in {"NORP", "ORG"} or (child.pos_ == "ADJ" and child.ent_type_):
            yield child


def _dependency_slot(token: Token, slot: str) -> Iterator[Token]:
    stative = _stative(token)
    passive = _passive(token) and not stative
    for child in token.children:
        dep = child.dep_
        if _core_argument(slot, dep, passive) or (
                stative and slot == "nsubj" and dep in PASSIVE_SUBJECT_DEPS):
            yield child
        elif slot in {"iobj", "dative"} and dep in {"dative", "iobj"}:
            yield from (c for c in child.children if c.dep_ == "pobj") if child.pos_ == "ADP" else (
                iter([child]))
        elif slot == "agent" and dep == "agent":
            yield from (c for c in child.children if c.dep_ == "pobj")
        elif slot == "poss" and dep == "poss":
            yield child
        elif slot == "nsubjpass" and dep in PASSIVE_SUBJECT_DEPS:
            yield child  # "Obama is scheduled to attend": the planner is the passive subject


def _core_argument(slot: str, dep: str, passive: bool) -> bool:
    """The active subject fills 'nsubj'; the object, or a passive's subject, fills 'dobj'."""
    if slot == "nsubj":
        return dep in SUBJECT_DEPS and not passive
    if slot == "dobj":
        return dep in {"dobj", "obj"} or (passive and dep in PASSIVE_SUBJECT_DEPS)
    return False


def _prep_objects(anchor: Token, word: str) -> Iterator[Token]:
    for child in anchor.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == word:
            yield from (c for c in child.children if c.dep_ == "pobj")


# Verbs whose object is the one who acts in their to-clause ("urged Iran to return").
OBJECT_CONTROL = frozenset({
    "pressure", "pressurize", "pressurise", "urge", "ask", "force", "order", "allow", "permit",
    "persuade", "convince", "encourage", "invite", "tell", "require", "compel", "help",
    "enable", "push", "press", "lead", "prompt", "expect", "want", "instruct", "authorize",
    "authorise", "oblige", "warn", "advise", "beg", "get", "call", "coerce", "drive",
})


def _inherited_subject(token: Token) -> Iterator[Token]:
    """Subjects shared with a governing clause: conjoined verbs, control verbs, relatives."""
    current = token
    for _ in range(4):
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in OBJECT_CONTROL and any(
                c.dep_ in {"dobj", "obj"} for c in current.head.children):
            # "pressured Maduro to step down": the object of the governing verb acts
            yield from (c for c in current.head.children if c.dep_ in {"dobj", "obj"})
            return
        if current.dep_ in {"conj", "xcomp", "advcl", "acomp"} and current.head != current:
            current = current.head
            yield from (c for c in current.children if c.dep_ in SUBJECT_DEPS)
        elif current.dep_ in {"relcl", "acl"} and current.head != current:
            if current.tag_ == "VBN":
                return  # "civilians imprisoned by …": the noun is the patient, not the agent
            if current.dep_ == "acl" and current.head.lemma_.lower() in STATEMENT_NOUNS:
                # "issued a declaration demanding …": the declaration's issuer demands
                current = current.head.head
                yield from (c for c in current.children if c.dep_ in SUBJECT_DEPS)
                return
            yield current.head
            return
        else:
            return
