"""A document's token attributes read as plain lists, for passes over every token.

``doc[i]`` and ``token.text`` build a Python object per call; a pass that reads one
attribute of every token reads it faster from the document's array, decoding each
distinct string once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc


def token_strings(doc: Doc, attr: str) -> list[str]:
    """The string attribute ``attr`` ("ORTH", "LOWER", "LEMMA", ...) of each token of
    ``doc``, in order: ``[token.text for token in doc]`` for "ORTH"."""
    distinct, where = numpy.unique(doc.to_array(attr), return_inverse=True)
    strings = doc.vocab.strings
    decoded = numpy.array([strings[key] for key in distinct.tolist()], dtype=object)
    gathered: list[str] = decoded[where].tolist()
    return gathered
