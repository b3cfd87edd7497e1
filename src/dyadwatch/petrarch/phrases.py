"""Longest-match lookup of actor and agent phrases.

Plain dicts of word tuples (no node objects), so an index pickles and loads quickly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Phrases (word tuples) to values; ``longest`` finds the longest phrase at a position.

    ``stems`` holds phrases whose last word may be a word stem, by the words before it.
    """

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[T]] = {}
        self.stems: dict[tuple[str, ...], list[tuple[str, list[T]]]] = {}
        self.prefixes: set[tuple[str, ...]] = {()}

    def add(self, words: Sequence[str], value: T, stem: bool = False) -> None:
        if not words:
            return
        key = tuple(words)
        self.prefixes.update(key[:k] for k in range(1, len(key)))
        if stem:
            self.stems.setdefault(key[:-1], []).append((key[-1], [value]))
        else:
            self.phrases.setdefault(key, []).append(value)

    def longest(self, words: Sequence[str], start: int) -> tuple[int, list[T]] | None:
        """(end, values) of the longest phrase that starts at ``words[start]``, else None."""
        best: tuple[int, list[T]] | None = None
        key: tuple[str, ...] = ()
        for pos in range(start, len(words)):
            word = words[pos]
            for stem, values in self.stems.get(key, ()):
                if word.startswith(stem):
                    best = (pos + 1, values)
            key = (*key, word)
            if key in self.phrases:
                best = (pos + 1, self.phrases[key])
            if key not in self.prefixes:
                break
        return best
