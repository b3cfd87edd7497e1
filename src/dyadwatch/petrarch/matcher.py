"""Match verb patterns against the words around a verb.

Slots after the verb are matched left to right from the verb; slots before it are
matched on the mirrored sentence, so one matcher serves both sides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dyadwatch.petrarch.entries import Element, Pattern
from dyadwatch.petrarch.groups import Group

_DETERMINERS = {"THE", "A", "AN"}
_MAX_STEPS = 20000  # guard against pathological patterns


@dataclass(frozen=True, slots=True)
class Capture:
    """An actor slot filled by a group: kind is source, target or compound."""

    kind: str
    group: Group
    before_verb: bool


@dataclass(slots=True)
class View:
    """One direction of a sentence: words, groups by start, noun chunks as [start, end)."""

    words: list[str]
    groups: dict[int, Group]
    chunks: list[tuple[int, int]]

    def mirrored(self) -> View:
        n = len(self.words)
        groups = {n - (s + g.end - g.start): g for s, g in self.groups.items()}
        return View(self.words[::-1], groups, [(n - e, n - s) for s, e in self.chunks])

    def chunk_end(self, pos: int) -> int | None:
        return next((e for s, e in self.chunks if s <= pos < e), None)


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern match: actor slots filled, and the word positions its words used."""

    captures: list[Capture]
    consumed: frozenset[int]


_Slot = tuple[tuple[str, Group] | None, int, int]  # capture, start, end


def match_pattern(pattern: Pattern, forward: View, backward: View, verb_start: int,
                  verb_end: int) -> Match | None:
    """The match of ``pattern`` around the verb at [verb_start, verb_end), else None."""
    budget = [_MAX_STEPS]
    after = _match(forward, pattern.after, 0, verb_end, budget)
    if after is None:
        return None
    n = len(forward.words)
    before = _match(backward, pattern.before, 0, n - verb_start, budget)
    if before is None:
        return None
    captures = [Capture(c[0], c[1], True) for c, _, _ in before if c]
    captures += [Capture(c[0], c[1], False) for c, _, _ in after if c]
    used = {p for c, s, e in after if c is None for p in range(s, e)}
    used |= {n - 1 - p for c, s, e in before if c is None for p in range(s, e)}
    return Match(captures, frozenset(used))


def _match(view: View, elements: tuple[Element, ...], index: int, pos: int,
           budget: list[int]) -> list[_Slot] | None:
    if index == len(elements):
        return []
    element = elements[index]
    starts = [pos] if element.tight else range(pos, len(view.words))
    for start in starts:
        for end, capture in _element_matches(view, element, start):
            budget[0] -= 1
            if budget[0] < 0:
                return None
            rest = _match(view, elements, index + 1, end, budget)
            if rest is not None:
                slot: _Slot = (capture, start, end)
                return [slot, *rest]
    return None


def _element_matches(view: View, element: Element, pos: int
                     ) -> Iterator[tuple[int, tuple[str, Group] | None]]:
    if pos >= len(view.words):
        return
    if element.kind == "words":
        for phrase in element.alternatives:
            if _phrase_at(view.words, pos, phrase, element.stem):
                yield pos + len(phrase), None
    elif element.kind == "skip":
        yield from ((end, None) for end in _skip_ends(view, pos))
    else:
        group_pos = _group_start(view, pos)
        if group_pos is None:
            return
        group = view.groups[group_pos]
        if element.kind == "compound" and len(group.codes) < 2:
            return
        yield group_pos + (group.end - group.start), (element.kind, group)


def _phrase_at(words: list[str], pos: int, phrase: tuple[str, ...], stem: bool) -> bool:
    if pos + len(phrase) > len(words):
        return False
    for k, word in enumerate(phrase):
        actual = words[pos + k]
        if actual != word and not (stem and k == len(phrase) - 1 and actual.startswith(word)):
            return False
    return True


def _group_start(view: View, pos: int) -> int | None:
    if pos in view.groups:
        return pos
    if view.words[pos] in _DETERMINERS and pos + 1 in view.groups:
        return pos + 1
    return None


def _skip_ends(view: View, pos: int) -> list[int]:
    """Where a ``^`` (skip one noun phrase) may end when it starts at ``pos``."""
    group_pos = _group_start(view, pos)
    ends = []
    if group_pos is not None:
        group = view.groups[group_pos]
        ends.append(group_pos + group.end - group.start)
    chunk_end = view.chunk_end(pos)
    if chunk_end is not None:
        ends.append(chunk_end)
    ends.append(pos + 1)
    return list(dict.fromkeys(ends))
