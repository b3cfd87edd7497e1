"""Find dictionary verbs in a parsed sentence by their forms, lemmas or TABARI stems."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.petrarch.entries import VerbBlock, VerbForm

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_TABARI_ENDINGS = ("", "S", "ES", "ED", "D", "EN", "N", "ING", "E")
_NOT_MAIN = {"aux", "auxpass"}


@dataclass(frozen=True, slots=True)
class VerbHit:
    """A dictionary verb at word positions [start, end); ``head`` is the verb word."""

    block: VerbBlock
    form: VerbForm
    start: int
    end: int
    head: int


class VerbLexicon:
    """Verb forms indexed by spelling of the verb word (and TABARI stems)."""

    def __init__(self, blocks: list[VerbBlock]) -> None:
        self.by_word: dict[str, list[tuple[VerbBlock, VerbForm]]] = {}
        self.stems: dict[str, list[tuple[VerbBlock, VerbForm]]] = {}
        for block in blocks:
            for form in block.forms:
                target = self.stems if form.stem else self.by_word
                for spelling in form.words[form.head]:
                    target.setdefault(spelling, []).append((block, form))

    def candidates(self, word: str, lemma: str) -> list[tuple[VerbBlock, VerbForm]]:
        found = list(self.by_word.get(word, []))
        if lemma != word:
            found += self.by_word.get(lemma, [])
        for ending in _TABARI_ENDINGS:
            if ending and not word.endswith(ending):
                continue
            found += self.stems.get(word[: len(word) - len(ending)], [])
        return found


def is_verbal(token: Token) -> bool:
    """A main verb per the parse (auxiliaries only when they head their clause)."""
    if token.dep_ in _NOT_MAIN:
        return False
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def find_verbs(sent: Span, words: list[str], lexicon: VerbLexicon) -> list[VerbHit]:
    """The longest dictionary verb form at each main verb of the sentence."""
    hits: list[VerbHit] = []
    for token in sent:
        if not is_verbal(token):
            continue
        pos = token.i - sent.start
        best = _best_form(words, pos, lexicon.candidates(words[pos], token.lemma_.upper()))
        if best is not None:
            hits.append(best)
    return hits


def _best_form(words: list[str], pos: int, candidates: list[tuple[VerbBlock, VerbForm]]
               ) -> VerbHit | None:
    best: VerbHit | None = None
    for block, form in candidates:
        start = pos - form.head
        if start < 0 or start + len(form.words) > len(words):
            continue
        if all(words[start + k] in spellings for k, spellings in enumerate(form.words)
               if k != form.head):
            if best is None or len(form.words) > best.end - best.start:
                best = VerbHit(block, form, start, start + len(form.words), pos)
    return best
