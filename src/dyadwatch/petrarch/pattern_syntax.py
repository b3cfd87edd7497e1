"""Parse one verb pattern line into :class:`Pattern` slots.

Tokens: ``*`` the verb, ``$`` source, ``+`` target, ``%`` compound actor, ``^`` skip a
noun phrase, ``&NAME`` a synset, words; ``_`` joins a token to the next (no gap) and,
in TABARI files, also marks a whole word rather than a stem. ``{ A | B }`` (TABARI) are
alternatives; PETRARCH2 ``{noun phrase}`` and ``(prepositional phrase)`` are read as their
words in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyadwatch.petrarch.actors import EntryProblem
from dyadwatch.petrarch.entries import Element, ElementKind, Pattern
from dyadwatch.petrarch.synsets import Synsets

_TOKEN = re.compile(r"[{}()|]|_|\s+|[^\s_{}()|]+")
_MARKERS: dict[str, ElementKind] = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
_VERB = ("*", "**")


@dataclass(slots=True)
class _Piece:
    text: str
    tight: bool  # joined to the previous piece by "_"
    exact: bool = False  # followed by "_"


@dataclass(frozen=True, slots=True)
class _Item:
    kind: ElementKind | None  # None for the verb
    alternatives: tuple[tuple[str, ...], ...]
    stem: bool
    tight: bool


def parse_pattern(body: str, code: str, pid: str, where: str, synsets: Synsets,
                  tabari: bool) -> Pattern:
    """A :class:`Pattern` from the text between ``-`` and ``[CODE]``."""
    items = _items(_pieces(body), synsets, tabari)
    verbs = [k for k, item in enumerate(items) if item.kind is None]
    if len(verbs) != 1:
        raise EntryProblem(f"pattern needs exactly one verb marker '*', found {len(verbs)}")
    v = verbs[0]
    after = tuple(_element(item, item.tight, reverse=False) for item in items[v + 1:])
    before = tuple(_element(items[k], items[k + 1].tight, reverse=True)
                   for k in range(v - 1, -1, -1))
    return Pattern(pid, body.strip(), code, before, after, where)


def _pieces(body: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    joined = False
    for token in _TOKEN.findall(body):
        if token == "_":
            joined = True
            if pieces:
                pieces[-1].exact = True
        elif token.isspace():
            joined = False
        else:
            pieces.append(_Piece(token, joined))
            joined = False
    return pieces


def _items(pieces: list[_Piece], synsets: Synsets, tabari: bool) -> list[_Item]:
    items: list[_Item] = []
    k = 0
    while k < len(pieces):
        piece = pieces[k]
        if piece.text in "{(" and piece.text:
            k = _group(pieces, k, items, synsets, tabari)
            continue
        if piece.text not in ")}|":
            items.append(_item(piece, synsets, tabari))
        k += 1
    return items


def _group(pieces: list[_Piece], start: int, items: list[_Item], synsets: Synsets,
           tabari: bool) -> int:
    """Read ``{...}`` or ``(...)`` from ``start``; returns the index after the group."""
    close = "}" if pieces[start].text == "{" else ")"
    end = next((j for j in range(start + 1, len(pieces)) if pieces[j].text == close), None)
    if end is None:
        raise EntryProblem(f"unclosed {pieces[start].text!r} in pattern")
    inner = pieces[start + 1:end]
    if any(p.text == "|" for p in inner):
        items.append(_alternatives(inner, pieces[start].tight, synsets, tabari))
    else:
        for n, piece in enumerate(inner):
            tight = pieces[start].tight if n == 0 else piece.tight
            items.append(_item(_Piece(piece.text, tight, piece.exact), synsets, tabari))
    return end + 1


def _alternatives(inner: list[_Piece], tight: bool, synsets: Synsets, tabari: bool) -> _Item:
    options: list[tuple[str, ...]] = []
    current: list[str] = []
    for piece in [*inner, _Piece("|", False)]:
        if piece.text == "|":
            if current:
                options.extend(synsets.expand(" ".join(current), tabari))
            current = []
        else:
            current.append(piece.text)
    return _Item("words", tuple(dict.fromkeys(options)), tabari, tight)


def _item(piece: _Piece, synsets: Synsets, tabari: bool) -> _Item:
    text = piece.text
    if text in _VERB:
        return _Item(None, (), False, piece.tight)
    if text in _MARKERS:
        return _Item(_MARKERS[text], (), False, piece.tight)
    if text.startswith("&"):
        return _Item("words", tuple(synsets.phrases(text, tabari)), tabari, piece.tight)
    words = synsets.expand(text, tabari)
    return _Item("words", tuple(words), tabari and not piece.exact, piece.tight)


def _element(item: _Item, tight: bool, reverse: bool) -> Element:
    if item.kind is None:
        raise EntryProblem("pattern has a second verb marker")
    alternatives = item.alternatives
    if reverse:
        alternatives = tuple(tuple(reversed(a)) for a in alternatives)
    return Element(item.kind, tight, alternatives, item.stem)
