"""Token attributes read from a document's arrays are the tokens' own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.coding.doc_arrays import doc_text, token_strings
from dyadwatch.coding.register import token_forms

TEXT = ("Ruritania's Foreign Ministry said on Tuesday that Bordurian troops had shelled "
        "the border town of Vel. \"We will respond,\" the minister told reporters.")


@pytest.mark.parametrize(("attr", "read"), [
    ("ORTH", lambda token: token.text),
    ("LOWER", lambda token: token.lower_),
    ("LEMMA", lambda token: token.lemma_),
])
def test_token_strings_are_the_tokens_own(nlp, attr, read) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    assert token_strings(doc, attr) == [read(token) for token in doc]


def test_register_forms_are_lower_case_form_and_lemma(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    assert token_forms(doc) == [(token.lower_, token.lemma_.lower()) for token in doc]


@pytest.mark.parametrize("words", [[], ["Vel", "vel", "VEL", "Vel", "."]])
def test_doc_arrays_strings_of_repeated_words_and_no_words(words: list[str]) -> None:
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert token_strings(doc, "ORTH") == words
    assert token_strings(doc, "LOWER") == [word.lower() for word in words]


def test_doc_arrays_keep_what_they_read_for_one_document_at_a_time() -> None:
    vocab = spacy.blank("en").vocab
    first = Doc(vocab, words=["Ruritania", "protested", "."], spaces=[True, False, False])
    second = Doc(vocab, words=["Borduria", "replied"], spaces=[True, False])
    assert token_strings(first, "ORTH") is token_strings(first, "ORTH")  # read once
    assert doc_text(first) == "Ruritania protested."
    assert token_strings(second, "LOWER") == ["borduria", "replied"]
    assert doc_text(second) == "Borduria replied"
    assert token_strings(first, "LOWER") == ["ruritania", "protested", "."]
    assert doc_text(first) == "Ruritania protested."
