"""TABARI's sentence-level rules, applied when coding with TABARI dictionaries.

- clauses: verbs are coded left to right in each clause (a verb joined to another by a
  conjunction starts a clause); ``SET: CODE BY CLAUSE`` stops a clause at its first
  event that is not subordinate (``[023?]``), ``CODE BY SENTENCE`` stops the sentence,
  ``CODE ALL`` codes every verb;
- complexity: ``+++`` codes (verb, pattern or actor), and the ``COMPLEX:`` limits on
  verbs, clause conjunctions and (``NOACTPRIOR``) a first verb with no actor before it,
  leave the sentence uncoded; so does ``SET: MINIMUM WORDS``;
- dominant codes (``[031!]``) cancel every other event of the sentence;
- regular actors: with no source from the parse, the first actor of the clause (else of
  the sentence); with no target, the first actor after the verb, else the nearest before
  it; ``DEFAULT:`` codes fill what is still missing (``PRIOR``: the source must precede the
  verb; ``AFTER``: the target must follow it);
- ``SET: CONVERT AGENT``: an agent with no actor is coded ``~AGENT``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dyadwatch.petrarch.groups import NULL_ACTOR, Group
from dyadwatch.petrarch.settings import CommaLimits, TabariSettings

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COMPLEX_CODE = "+++"
SUBORDINATE = "?"
DOMINANT = "!"
CONVERTED = "~"
_VERBAL = ("VERB", "AUX")
_FORWARDED_PRONOUNS = {"he", "she", "it", "they"}


def clause_head(token: Token) -> Token:
    """The verb that starts the clause of ``token``: a conjoined verb, else the root."""
    while token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in _VERBAL and token.head.pos_ in _VERBAL:
            return token
        token = token.head
    return token


def clause_start(sent: Span, position: int) -> int:
    """Sentence position where the clause of the word at ``position`` begins."""
    return clause_head(sent[position]).left_edge.i - sent.start


def select_by_clause(sent: Span, by_head: dict[int, list[str]], code_by: str) -> set[int]:
    """Verb positions whose events are kept: per ``code_by``, up to the first main event.

    ``by_head`` maps each coded verb position to its event codes, in any order.
    """
    if code_by == "all":
        return set(by_head)
    kept: set[int] = set()
    done: set[int] = set()  # clause heads (or the sentence, -1) already closed
    for head in sorted(by_head):
        unit = -1 if code_by == "sentence" else clause_head(sent[head]).i
        if unit in done:
            continue
        kept.add(head)
        if any(not code.endswith(SUBORDINATE) for code in by_head[head]):
            done.add(unit)
    return kept


def too_short(sent: Span, settings: TabariSettings) -> bool:
    """Fewer words than ``SET: MINIMUM WORDS``."""
    words = sum(1 for token in sent if not token.is_punct and not token.is_space)
    return words < settings.minimum_words


def is_complex(sent: Span, verbs: Sequence[int], groups: list[Group],
               settings: TabariSettings) -> bool:
    """The ``COMPLEX:`` limits: too many verbs or conjunctions, or no actor before a verb."""
    if settings.complex_verbs is not None and len(set(verbs)) >= settings.complex_verbs:
        return True
    if (settings.complex_conj is not None
            and _clause_conjunctions(sent, groups) >= settings.complex_conj):
        return True
    if settings.no_actor_prior and verbs:
        first = min(verbs)
        return not any(g.start < first for g in groups)
    return False


def _clause_conjunctions(sent: Span, groups: list[Group]) -> int:
    """Coordinating conjunctions, except those inside an actor compound."""
    inside = {p for g in groups for p in range(g.start, g.end)}
    return sum(1 for t in sent if t.pos_ == "CCONJ" and t.i - sent.start not in inside)


def has_complex_code(triples: Sequence[tuple[str, str, str]]) -> bool:
    return any(COMPLEX_CODE in part for triple in triples for part in triple)


def keep_dominant(codes: list[str]) -> list[bool]:
    """Which events survive: only dominant ones (``!``) when there are any."""
    dominant = [code.endswith(DOMINANT) for code in codes]
    return dominant if any(dominant) else [True] * len(codes)


def skipped_commas(sent: Span, limits: CommaLimits | None) -> set[int]:
    """Positions of the comma-delimited clauses TABARI skips (``COMMA:`` limits)."""
    if limits is None:
        return set()
    commas = [t.i - sent.start for t in sent if t.text == ","]
    if not commas:
        return set()
    end = len(sent) - (1 if sent[-1].is_punct else 0)
    spans = [(0, commas[0], limits.begin_low, limits.begin_high)]
    spans += [(a + 1, b, limits.low, limits.high)
              for a, b in zip(commas, commas[1:], strict=False)]
    spans.append((commas[-1] + 1, end, limits.end_low, limits.end_high))
    skipped: set[int] = set()
    for start, stop, low, high in spans:
        if low <= _word_count(sent, start, stop) <= high:
            skipped |= set(range(start, stop))
    return skipped


def _word_count(sent: Span, start: int, stop: int) -> int:
    """Blank-separated words (``state's`` is one word, as in the text)."""
    return sum(1 for t in sent[start:stop]
               if not t.is_punct and not t.text.startswith("'") and t.lower_ != "n't")


def convert_agents(groups: list[Group], settings: TabariSettings) -> list[Group]:
    """``---AGENT`` codes become ``~AGENT`` under ``SET: CONVERT AGENT = TRUE``.

    Otherwise an agent with no actor is not an actor at all, as in TABARI.
    """
    if not settings.convert_agent:
        return [g for g in groups if not all(c.startswith(NULL_ACTOR) for c in g.codes)]
    for group in groups:
        group.codes = [CONVERTED + c[len(NULL_ACTOR):] if c.startswith(NULL_ACTOR) and
                       len(c) > len(NULL_ACTOR) else c for c in group.codes]
    return groups


def forward_pronoun(sent: Span, groups: list[Group], code: str) -> list[Group]:
    """A pronoun before any actor stands for ``code``, forwarded from the previous sentence."""
    first = min((g.start for g in groups), default=len(sent))
    for token in sent[:first]:
        if token.lower_ in _FORWARDED_PRONOUNS:
            pos = token.i - sent.start
            return sorted([*groups, Group(pos, pos + 1, pos, [code], token.text, {pos})],
                          key=lambda g: g.start)
    return groups


def default_group(code: str) -> Group:
    """A placeholder group standing for a ``DEFAULT:`` actor code."""
    return Group(-1, -1, -1, [code], code)


def regular_source(sent: Span, verb: int, groups: list[Group], target: Group | None,
                   settings: TabariSettings) -> Group | None:
    """TABARI's source: the first actor of the clause (else the sentence) that is not the target."""
    start = clause_start(sent, verb)
    candidates = [g for g in groups if g is not target]
    found = next((g for g in candidates if g.start >= start), None)
    if found is None:
        found = next(iter(candidates), None)
    if found is not None and not (settings.default_prior and found.start > verb):
        return found
    return default_group(settings.default_source) if settings.default_source else None


def regular_target(verb_end: int, verb: int, groups: list[Group], source: Group | None,
                   settings: TabariSettings) -> Group | None:
    """TABARI's target: the first actor after the verb, else the nearest one before it."""
    others = [g for g in groups if g is not source]
    after = next((g for g in others if g.start >= verb_end), None)
    if after is not None:
        return after
    if not settings.default_after:
        before = [g for g in others if g.end <= verb]
        if before:
            return before[-1]
    return default_group(settings.default_target) if settings.default_target else None
