"""Actor groups in a parsed sentence: dictionary phrases joined into coded noun phrases.

Actor and agent phrases are found by longest match; the dependency parse then joins
the phrases of one noun phrase ("Gondor's main opposition group", "ambassadors of Arnor
and Gondor") into a group whose codes combine actor and agent codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyadwatch.petrarch.entries import ActorEntry, AgentEntry
from dyadwatch.petrarch.phrases import PhraseIndex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NULL_ACTOR = "---"
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
_ATTACH = {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "flat"}
_OF_PREPS = {"of", "in", "from"}
_CONJUNCTS = {"conj"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A matched dictionary phrase at word positions [start, end) of a sentence."""

    start: int
    end: int
    kind: str  # "actor" | "agent"
    code: str
    prefix: bool = False
    conjunct: bool = False  # reached its phrase head through a conjunction


@dataclass(slots=True)
class Group:
    """A coded noun phrase: word span, the codes it stands for and its text."""

    start: int
    end: int
    anchor: int
    codes: list[str]
    text: str
    positions: set[int] = field(default_factory=set)


_MAX_GAP = 4  # words a TABARI blank-separated actor phrase may skip between two of its words
_GAP_STOPS = {",", ";", ":", "."}


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Actor and agent phrase indexes built from dictionary entries.

    ``gapped``: TABARI actor phrases whose words may be apart, by first word.
    """

    actors: PhraseIndex[ActorEntry]
    agents: PhraseIndex[AgentEntry]
    gapped: dict[str, list[tuple[tuple[str, ...], ActorEntry]]] = field(default_factory=dict)


def build_lexicon(actors: list[ActorEntry], agents: list[AgentEntry]) -> ActorLexicon:
    """Phrase indexes; a phrase written with underscores wins over the same words with blanks."""
    actor_index: PhraseIndex[ActorEntry] = PhraseIndex()
    gapped: dict[str, list[tuple[tuple[str, ...], ActorEntry]]] = {}
    for entry, phrase, apart in _actor_phrases(actors):
        actor_index.add(phrase, entry, entry.stem)
        if apart and len(phrase) > 1:
            gapped.setdefault(phrase[0], []).append((phrase, entry))
    agent_index: PhraseIndex[AgentEntry] = PhraseIndex()
    for agent in agents:
        for phrase in agent.phrases:
            agent_index.add(phrase, agent, agent.stem)
    return ActorLexicon(actor_index, agent_index, gapped)


def _actor_phrases(actors: list[ActorEntry]) -> list[tuple[ActorEntry, tuple[str, ...], bool]]:
    """(entry, phrase, gapped) with the phrases written without blanks first."""
    found = [(entry, phrase, k < len(entry.gapped) and entry.gapped[k])
             for entry in actors for k, phrase in enumerate(entry.phrases)]
    return sorted(found, key=lambda item: item[2])


def _gapped_end(words: list[str], pos: int, phrase: tuple[str, ...]) -> int | None:
    """End of ``phrase`` matched from ``pos`` with up to ``_MAX_GAP`` words between its words."""
    at = pos
    for word in phrase[1:]:
        for step in range(1, _MAX_GAP + 2):
            if at + step >= len(words) or words[at + step] in _GAP_STOPS:
                return None
            if words[at + step] == word:
                at += step
                break
        else:
            return None
    return at + 1


def find_mentions(words: list[str], lexicon: ActorLexicon, date: int | None) -> list[Mention]:
    """Non-overlapping actor/agent phrases, longest first, left to right.

    A token written with underscores ("Dol_Amroth") is matched as its parts.
    """
    parts, owner = _split_tokens(words)
    mentions: list[Mention] = []
    pos = 0
    while pos < len(parts):
        mention = _mention_at(parts, pos, lexicon, date)
        if mention is None or not _on_token_edges(owner, mention):
            pos += 1
            continue
        mentions.append(Mention(owner[mention.start], owner[mention.end - 1] + 1, mention.kind,
                                mention.code, mention.prefix))
        pos = mention.end
    return mentions


def _split_tokens(words: list[str]) -> tuple[list[str], list[int]]:
    parts: list[str] = []
    owner: list[int] = []
    for index, word in enumerate(words):
        pieces = [p for p in word.split("_") if p] if "_" in word else [word]
        parts.extend(pieces or [word])
        owner.extend([index] * len(pieces or [word]))
    return parts, owner


def _on_token_edges(owner: list[int], mention: Mention) -> bool:
    starts = mention.start == 0 or owner[mention.start - 1] != owner[mention.start]
    ends = mention.end == len(owner) or owner[mention.end] != owner[mention.end - 1]
    return starts and ends


def _mention_at(words: list[str], pos: int, lexicon: ActorLexicon, date: int | None
                ) -> Mention | None:
    actor = lexicon.actors.longest(words, pos)
    agent = lexicon.agents.longest(words, pos)
    apart = _longest_gapped(words, pos, lexicon, date)
    if apart is not None and (actor is None or apart.end > actor[0]):
        return apart
    if actor is not None and (agent is None or actor[0] >= agent[0]):
        code = actor[1][0].code_on(date)
        if code is not None:
            return Mention(pos, actor[0], "actor", code)
    if agent is not None:
        entry = agent[1][0]
        return Mention(pos, agent[0], "agent", entry.code, entry.prefix)
    return None


def _longest_gapped(words: list[str], pos: int, lexicon: ActorLexicon, date: int | None
                    ) -> Mention | None:
    best: Mention | None = None
    for phrase, entry in lexicon.gapped.get(words[pos], []):
        end = _gapped_end(words, pos, phrase)
        code = entry.code_on(date)
        if end is not None and code is not None and (best is None or end > best.end):
            best = Mention(pos, end, "actor", code)
    return best


def build_groups(sent: Span, mentions: list[Mention]) -> list[Group]:
    """Join mentions of the same noun phrase; one group per phrase head, in text order."""
    by_anchor: dict[int, dict[int, list[Mention]]] = {}
    held = {_local_head(sent[m.start:m.end].root).i for m in mentions if m.kind == "actor"}
    for mention in mentions:
        anchor, unit, conjunct = _anchor_and_unit(sent, mention, held)
        placed = Mention(mention.start, mention.end, mention.kind, mention.code, mention.prefix,
                         conjunct)
        by_anchor.setdefault(anchor, {}).setdefault(unit, []).append(placed)
    groups = [_group(sent, anchor, units) for anchor, units in by_anchor.items()]
    groups = [g for g in groups if g.codes]
    return sorted(groups, key=lambda g: g.start)


def _local_head(token: Token) -> Token:
    """The head of the noun phrase without following prepositional phrases."""
    while (step := _climb(token, None)) is not None:
        token = step[0]
    return token


def _anchor_and_unit(sent: Span, mention: Mention, held: set[int]) -> tuple[int, int, bool]:
    """The phrase head a mention attaches to, and the conjunct (unit) it belongs to.

    A prepositional step ("officials in Gondor") is taken only when the noun phrase it
    joins holds no actor of its own ("Osgiliath soldiers in Ithilen" stays two groups).
    """
    path = [sent[mention.start:mention.end].root]
    joins: list[bool] = []  # joins[k]: the step from path[k] to path[k + 1] joined conjuncts
    while (step := _climb(path[-1], held)) is not None:
        path.append(step[0])
        joins.append(step[1])
    unit = len(path) - 2 if joins and joins[-1] else len(path) - 1
    return path[-1].i - sent.start, path[unit].i - sent.start, any(joins[:unit])


def _climb(token: Token, held: set[int] | None) -> tuple[Token, bool] | None:
    """One step up the noun phrase: (head, whether the step joined conjuncts).

    ``held``: heads of phrases with an actor; None allows no prepositional step.
    """
    head = token.head
    if head == token:
        return None
    if token.dep_ in _CONJUNCTS and head.pos_ in _NOMINAL and token.pos_ in _NOMINAL:
        return (_conjunct_of(token), True) if held is not None else None
    if token.dep_ == "appos" and head.pos_ in _NOMINAL:
        # a list parsed as apposition ("Mordor, the Shire, Fornost and Bree") vs. one entity
        listed = any(c.dep_ == "conj" for c in (*token.children, *head.children))
        return head, listed
    if token.dep_ == "nmod" and token.pos_ in ("PROPN", "NOUN") and head.pos_ == "PROPN":
        return head, True  # "Fornost and the evil Gondor" mis-parsed as a modifier
    if token.dep_ in _ATTACH and head.pos_ in _NOMINAL:
        return head, False
    if (held is not None and token.dep_ == "pobj" and head.dep_ == "prep"
            and head.lower_ in _OF_PREPS and head.head.pos_ in _NOMINAL
            and head.head != head and _local_head(head.head).i not in held):
        return head.head, False
    return None


def _conjunct_of(token: Token) -> Token:
    """The token a conjunct joins: "Lawmakers in Fornost and Gondor" joins Gondor to Fornost."""
    head = token.head
    if token.pos_ != "PROPN" or head.pos_ == "PROPN":
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and head.i < prep.i < token.i:
            objects = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            if objects:
                return objects[0]
    return head


def _group(sent: Span, anchor: int, units: dict[int, list[Mention]]) -> Group:
    members = [m for unit in units.values() for m in unit]
    actors_by_unit = {u: _actor_codes(ms) for u, ms in units.items()}
    all_actors = list(dict.fromkeys(c for codes in actors_by_unit.values() for c in codes))
    codes: list[str] = []
    for unit in sorted(units):
        agents = [m for m in units[unit] if m.kind == "agent"]
        actors = actors_by_unit[unit] or (list(all_actors) if agents else [])
        if not actors and agents:
            actors = [NULL_ACTOR]
        codes.extend(combine(actor, agents) for actor in actors)
    start = min(m.start for m in members)
    end = max(m.end for m in members)
    positions = {p for m in members for p in range(m.start, m.end)} | {anchor}
    return Group(start, end, anchor, list(dict.fromkeys(codes)), sent[start:end].text, positions)


def _actor_codes(mentions: list[Mention]) -> list[str]:
    """Codes of a unit: its first actor, and the actors conjoined inside it."""
    actors = [m for m in mentions if m.kind == "actor"]
    kept = actors[:1] + [m for m in actors[1:] if m.conjunct]
    return list(dict.fromkeys(c for m in kept for c in m.code.split("/") if c))


def combine(actor: str, agents: list[Mention]) -> str:
    """Actor code with agent codes: ``CODE~`` agents before it, ``~CODE`` agents after it."""
    prefix = "".join(a.code for a in agents if a.prefix)
    code = actor
    for agent in agents:
        if not agent.prefix and not code.endswith(agent.code):
            code += agent.code
    return prefix + code
