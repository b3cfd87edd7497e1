"""Synonym sets (``&NAME`` followed by ``+phrase`` lines) and their expansion."""

from __future__ import annotations

import itertools

from dyadwatch.petrarch.actors import EntryProblem
from dyadwatch.petrarch.words import phrase_with_plural, split_phrase

_MAX_DEPTH = 8


def synset_key(label: str) -> str:
    """``&NAME_`` and ``&NAME`` name the same set."""
    return label.split()[0].upper().rstrip("_")


class Synsets:
    """Synsets of one verb file; phrases may themselves contain other synsets."""

    def __init__(self) -> None:
        self.raw: dict[str, list[str]] = {}
        self.no_plural: set[str] = set()
        self.current: str | None = None

    def start(self, text: str, where: str) -> None:
        label = text.split()[0].upper()
        key = synset_key(label)
        if len(key) < 2:
            raise EntryProblem("synset label '&' has no name")
        self.raw.setdefault(key, [])
        if label.endswith("_"):
            self.no_plural.add(key)
        self.current = key

    def add(self, phrase: str, where: str) -> None:
        if self.current is None:
            raise EntryProblem("synset phrase before any &NAME")
        if phrase.strip():
            self.raw[self.current].append(phrase.strip())

    def phrases(self, label: str, tabari: bool, depth: int = 0) -> list[tuple[str, ...]]:
        """All word sequences the synset stands for (with regular plurals in PETRARCH)."""
        key = synset_key(label)
        if key not in self.raw:
            raise EntryProblem(f"unknown synset {key}; define it with a {key} line")
        if depth > _MAX_DEPTH:
            raise EntryProblem(f"synset {key} contains itself")
        out: list[tuple[str, ...]] = []
        for phrase in self.raw[key]:
            plural = not tabari and key not in self.no_plural and not phrase.endswith("_")
            for words in self.expand(phrase, tabari, depth + 1):
                out.extend(phrase_with_plural(words) if plural else [words])
        return list(dict.fromkeys(out))

    def expand(self, phrase: str, tabari: bool, depth: int = 0) -> list[tuple[str, ...]]:
        """A phrase whose words may be synsets, as plain word sequences."""
        options: list[list[tuple[str, ...]]] = []
        for chunk in phrase.replace("_", " ").split():
            if chunk.startswith("&"):
                options.append(self.phrases(chunk, tabari, depth))
            else:
                options.append([split_phrase(chunk)])
        return [tuple(w for part in combo for w in part) for combo in itertools.product(*options)]
