"""A word trie for longest-match lookup of actor and agent phrases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class _Node(Generic[T]):
    __slots__ = ("children", "stems", "values")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.stems: list[tuple[str, list[T]]] = []  # last words that may be word stems
        self.values: list[T] = []


class PhraseIndex(Generic[T]):
    """Phrases (word tuples) to values; ``longest`` finds the longest phrase at a position."""

    def __init__(self) -> None:
        self.root: _Node[T] = _Node()

    def add(self, words: Sequence[str], value: T, stem: bool = False) -> None:
        if not words:
            return
        node = self.root
        for word in words[:-1]:
            node = node.children.setdefault(word, _Node())
        if stem:
            node.stems.append((words[-1], [value]))
        else:
            node.children.setdefault(words[-1], _Node()).values.append(value)

    def longest(self, words: Sequence[str], start: int) -> tuple[int, list[T]] | None:
        """(end, values) of the longest phrase that starts at ``words[start]``, else None."""
        best: tuple[int, list[T]] | None = None
        node = self.root
        for pos in range(start, len(words)):
            word = words[pos]
            for stem, values in node.stems:
                if word.startswith(stem):
                    best = (pos + 1, values)
            child = node.children.get(word)
            if child is None:
                break
            node = child
            if node.values:
                best = (pos + 1, node.values)
        return best
