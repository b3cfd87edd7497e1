"""A document's token attributes read as plain lists, for passes over every token.

``doc[i]`` and ``token.text`` build a Python object per call; a pass that reads one
attribute of every token reads it faster from the document's array, decoding each
distinct string once. ``doc.text`` joins every token anew on each call, ``doc.ents``
builds every entity anew. What is read is kept for the document read last in this
thread, which several passes of the coder read in turn (the coder never changes a
parsed document).
"""

from __future__ import annotations

import functools
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TypeVar

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
R = TypeVar("R")

_read = threading.local()  # .doc: the document read last here; .values: what was read of it


def _kept(doc: Doc) -> dict[str, Any]:
    """What was read of ``doc``, empty when another document was read last."""
    if getattr(_read, "doc", None) is not doc:
        _read.doc, _read.values = doc, {}
    values: dict[str, Any] = _read.values
    return values


def doc_memo(doc: Doc, key: str, read: Callable[[Doc], T]) -> T:
    """``read(doc)``, computed once per document under ``key``: for facts of the parse that
    several rules ask for about many of its tokens. The value is shared: never change it."""
    kept = _kept(doc)
    if key not in kept:
        kept[key] = read(doc)
    value: T = kept[key]
    return value


def per_token(read: Callable[..., R]) -> Callable[..., R]:
    """``read(token, *rest)`` computed once per token of the document read last, for each
    ``rest`` (told apart by identity: a lexicon, a pattern): for pure readings of the parse
    that several rules ask about the same word. Keyword arguments are not memoised."""
    name = f"{read.__module__}.{read.__qualname__}"

    @functools.wraps(read)
    def memoised(token: Token, *rest: Any, **options: Any) -> R:
        if options:
            return read(token, *rest, **options)
        kept = _kept(token.doc)
        memo = kept.get(name)
        if memo is None:
            memo = kept[name] = {}
        key = (token.i, *map(id, rest)) if rest else token.i
        try:
            value: R = memo[key]
        except KeyError:
            value = memo[key] = read(token, *rest)
        return value
    return memoised


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document from its words and the spaces after them
    (``doc.text`` builds every token)."""
    kept = _kept(doc)
    if "text" not in kept:
        spaces = doc.to_array("SPACY").tolist()
        kept["text"] = "".join([word + " " if space else word for word, space in
                                zip(token_strings(doc, "ORTH"), spaces, strict=True)])
    text: str = kept["text"]
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text joined once (``span.text`` builds each
    of its tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def token_strings(doc: Doc, attr: str) -> list[str]:
    """The string attribute ``attr`` ("ORTH", "LOWER", "LEMMA", ...) of each token of
    ``doc``, in order: ``[token.text for token in doc]`` for "ORTH". The list is shared
    by the passes that read the same document: never change it."""
    kept = _kept(doc)
    if attr not in kept:
        kept[attr] = _decoded(doc, attr)
    strings: list[str] = kept[attr]
    return strings


def _decoded(doc: Doc, attr: str) -> list[str]:
    distinct, where = numpy.unique(doc.to_array(attr), return_inverse=True)
    strings = doc.vocab.strings
    decoded = numpy.array([strings[key] for key in distinct.tolist()], dtype=object)
    gathered: list[str] = decoded[where].tolist()
    return gathered


def token_parts(doc: Doc) -> list[int]:
    """Each token's part of speech as its number (``token.pos``; compare with
    ``spacy.symbols``)."""
    return doc_memo(doc, "POS", lambda d: d.to_array("POS").tolist())


def entity_at(token: Token) -> Span | None:
    """The named entity ``token`` is part of, if any (``doc.ents`` read once)."""
    return doc_memo(token.doc, "entity_at", _entities_by_token)[token.i]


def _entities_by_token(doc: Doc) -> list[Span | None]:
    found: list[Span | None] = [None] * len(doc)
    for ent in entities(doc):
        found[ent.start : ent.end] = [ent] * len(ent)
    return found


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document."""
    return doc_memo(doc, "ents", lambda d: tuple(d.ents))


def entities_within(span: Span) -> list[Span]:
    """``span.ents`` (the entities that lie wholly inside ``span``, up to the first that
    crosses its end), from the document's entities built once."""
    doc = span.doc
    found = entities(doc)
    starts = doc_memo(doc, "entity_starts", lambda d: [ent.start for ent in found])
    inside: list[Span] = []
    for ent in found[bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        inside.append(ent)
    return inside


def sentences(doc: Doc) -> tuple[Span, ...]:
    """``doc.sents``, built once per document."""
    return doc_memo(doc, "sents", lambda d: tuple(d.sents))


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence of token ``i``: ``doc[i].sent``, or ``span.sent`` of a span that starts
    at ``i``, from the document's sentences built once (``token.sent`` scans the sentence's
    tokens both ways and builds a new Span at each call)."""
    found = sentences(doc)
    starts = doc_memo(doc, "sentence_start_list", lambda d: [sent.start for sent in found])
    return found[bisect_right(starts, i) - 1]


def sentence_starts_between(doc: Doc, start: int, end: int) -> int:
    """How many tokens of ``doc[start:end]`` begin a sentence (``token.is_sent_start``)."""
    through = doc_memo(doc, "sentence_starts", _sentence_starts_through)
    start, end = max(start, 0), min(end, len(doc))
    if end <= start:
        return 0
    return through[end - 1] - (through[start - 1] if start > 0 else 0)


def _sentence_starts_through(doc: Doc) -> list[int]:
    """For each token, the sentence starts up to and including it."""
    return list(accumulate(1 if flag == 1 else 0 for flag in doc.to_array("SENT_START").tolist()))
