"""A document's token attributes read as plain lists, for passes over every token.

``doc[i]`` and ``token.text`` build a Python object per call; a pass that reads one
attribute of every token reads it faster from the document's array, decoding each
distinct string once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def token_strings(doc: Doc, attr: str) -> list[str]:
    """The string attribute ``attr`` ("ORTH", "LOWER", "LEMMA", ...) of each token of
    ``doc``, in order: ``[token.text for token in doc]`` for "ORTH"."""
    keys = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    decoded = {key: strings[key] for key in set(keys)}
    return [decoded[key] for key in keys]
