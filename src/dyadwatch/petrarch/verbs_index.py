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


def is_verbal(token: Token, shallow: bool = False) -> bool:
    """A main verb per the parse; auxiliaries ("should") only when ``shallow``."""
    if token.dep_ in _NOT_MAIN:
        return shallow
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _shallow_verb(token: Token) -> bool:
    """TABARI's reading: any word may be a verb unless a determiner or a capital makes it a noun."""
    if token.pos_ in ("PUNCT", "DET", "ADP", "CCONJ", "PRON", "NUM"):
        return False
    previous = token.nbor(-1) if token.i > token.sent.start else None
    if previous is not None and previous.lower_ in ("the", "a", "an"):
        return False
    return token.i == token.sent.start or not token.text[:1].isupper()


def find_verbs(sent: Span, words: list[str], lexicon: VerbLexicon,
               shallow: bool = False) -> list[list[VerbHit]]:
    """At each main verb, the longest matching dictionary forms (several blocks may share one).

    ``shallow``: read like TABARI: auxiliaries ("should") and words the parser calls nouns
    may be verbs too, unless a determiner or a capital marks a noun.
    """
    hits: list[list[VerbHit]] = []
    for token in sent:
        if not (is_verbal(token, shallow) or (shallow and _shallow_verb(token))):
            continue
        pos = token.i - sent.start
        best = _best_forms(words, pos, lexicon.candidates(words[pos], token.lemma_.upper()))
        if best:
            hits.append(best)
    return hits


def _best_forms(words: list[str], pos: int, candidates: list[tuple[VerbBlock, VerbForm]]
                ) -> list[VerbHit]:
    found = [hit for block, form in candidates if (hit := _hit(words, pos, block, form))]
    longest = max((h.end - h.start for h in found), default=0)
    unique = {(id(h.block), h.start, h.end): h for h in found if h.end - h.start == longest}
    return list(unique.values())


def _hit(words: list[str], pos: int, block: VerbBlock, form: VerbForm) -> VerbHit | None:
    start = pos - form.head
    if start < 0 or start + len(form.words) > len(words):
        return None
    others = ((k, s) for k, s in enumerate(form.words) if k != form.head)
    if all(words[start + k] in spellings for k, spellings in others):
        return VerbHit(block, form, start, start + len(form.words), pos)
    return None
