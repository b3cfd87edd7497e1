"""A document's token attributes read as plain lists, for passes over every token.

``doc[i]`` and ``token.text`` build a Python object per call; a pass that reads one
attribute of every token reads it faster from the document's array, decoding each
distinct string once. ``doc.text`` joins every token anew on each call. Both are kept
for the document read last in this thread, which several passes of the coder read in
turn (the coder never changes a parsed document).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc

_read = threading.local()  # .doc: the document read last here; .values: what was read of it


def _kept(doc: Doc) -> dict[str, Any]:
    """What was read of ``doc``, empty when another document was read last."""
    if getattr(_read, "doc", None) is not doc:
        _read.doc, _read.values = doc, {}
    values: dict[str, Any] = _read.values
    return values


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    kept = _kept(doc)
    if "text" not in kept:
        kept["text"] = doc.text
    text: str = kept["text"]
    return text


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
