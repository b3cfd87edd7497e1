"""Dictionary mentions in a parsed document: PhraseMatchers over every surface form of an
actor dictionary, built once per vocabulary and shared by every call."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from dyadwatch.coding.doc_arrays import token_strings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from dyadwatch.kb.actors import ActorEntry, ActorPatterns
    from dyadwatch.kb.lexicon import Lexicon


class ActorLookup(Protocol):
    """What the resolver needs from an actor dictionary (see dyadwatch.kb.actors)."""

    @property
    def entries(self) -> dict[str, ActorEntry]: ...

    def surface_forms(self) -> Iterator[tuple[str, bool, str]]: ...
    def entry_for(self, text: str) -> ActorEntry | None: ...
    def role_of(self, lemma: str) -> str | None: ...
    def country_of_demonym(self, word: str) -> str | None: ...
    def country_of_demonym_pair(self, first: str, second: str) -> str | None: ...


class MatcherCache:
    """PhraseMatchers for a dictionary, built once per vocabulary, from ``patterns`` (its
    tokenised surface forms, :func:`tokenised_forms`) when given."""

    def __init__(self, lookup: ActorLookup, lex: Lexicon,
                 patterns: ActorPatterns | None = None) -> None:
        self.lookup = lookup
        self.lex = lex
        self.patterns = patterns
        self._built: dict[int, tuple[PhraseMatcher, PhraseMatcher]] = {}
        self._lock = threading.Lock()  # coders are shared between threads

    def matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        key = id(vocab)
        with self._lock:
            if key not in self._built:
                patterns = self.patterns or tokenised_forms(self.lookup, vocab)
                self._built[key] = _build_matchers(patterns, vocab)
            return self._built[key]


def tokenised_forms(lookup: ActorLookup, vocab: Vocab | None = None) -> ActorPatterns:
    """Every surface form of ``lookup`` as spaCy's English tokenizer splits it (lower-cased
    unless case-sensitive): (words, case-sensitive, entry id). About 0.15 s of CPU for the
    shipped dictionary, so the resource cache keeps the result with its build."""
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer if vocab is not None else English().tokenizer
    return tuple((tuple(t.text for t in tokenizer(variant if sensitive else variant.lower())),
                  sensitive, entry_id) for form, sensitive, entry_id in lookup.surface_forms()
                 for variant in printed_variants(form, sensitive))


def printed_variants(form: str, sensitive: bool) -> tuple[str, ...]:
    """The form as the dictionary writes it and as news text also prints it: with the
    curly apostrophe for a straight one ("the People’s Protection Units", "Ja’afari"), and
    a case-sensitive name that begins with a small particle capitalised, as it is at the
    start of a sentence ("De Mistura" for "de Mistura", "Al-Baghdadi" for "al-Baghdadi")."""
    forms = [form]
    if sensitive and form[:1].islower():
        forms.append(form[0].upper() + form[1:])
    return tuple(dict.fromkeys(
        [*forms, *(f.replace("'", "\u2019") for f in forms if "'" in f)]))


def _build_matchers(patterns: ActorPatterns,
                    vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
    """An exact (ORTH) and a case-folded (LOWER) matcher; a pattern made of the words
    matches as the tokenizer's Doc of the form does (both read the words' lexemes)."""
    from spacy.tokens import Doc

    exact = PhraseMatcher(vocab, attr="ORTH")
    folded = PhraseMatcher(vocab, attr="LOWER")
    for words, sensitive, entry_id in patterns:
        (exact if sensitive else folded).add(entry_id, [Doc(vocab, words=list(words))])
    return exact, folded


def find_mentions(doc: Doc, cache: MatcherCache) -> list[Span]:
    """Non-overlapping dictionary mentions, longest first, labelled with the entry id."""
    from spacy.tokens import Span

    exact, folded = cache.matchers(doc.vocab)
    spans = [Span(doc, start, end, label=match_id)
             for matcher in (exact, folded) for match_id, start, end in matcher(doc)]
    return filter_spans(spans + list(unmarked_possessives(doc, cache.lookup)))


def unmarked_possessives(doc: Doc, lookup: ActorLookup) -> Iterator[Span]:
    """A country's name with a bare 's' is its possessive or plural written without an
    apostrophe ("Russias troops", "the war in Ukraines east"); not after 'the' or a number,
    where it is a collective ("the Americas", "the two Koreas")."""
    from spacy.tokens import Span

    texts = token_strings(doc, "ORTH")
    for i, text in enumerate(texts):
        if len(text) < 4 or text[-1] != "s" or not text[0].isupper() or text[-2] in "s'":
            continue
        for start in range(i, max(i - _NAME_WORDS, -1), -1):
            form = " ".join([*texts[start:i], text[:-1]])
            entry = lookup.entry_for(form)
            if entry is not None and entry.kind in _STATE_KINDS:
                before = doc[start - 1] if start > 0 else None
                if before is None or not (before.lower_ == "the" or before.like_num):
                    yield Span(doc, start, i + 1, label=entry.id)
                break


_NAME_WORDS = 3  # words of a country's name before its last ("Central African Republics")
_STATE_KINDS = frozenset({"country", "metonym"})
