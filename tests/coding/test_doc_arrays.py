"""Token attributes read from a document's arrays are the tokens' own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.coding.doc_arrays import (
    doc_text,
    entities,
    entities_within,
    entity_at,
    per_token,
    sentence_at,
    sentence_starts_between,
    sentences,
    span_text,
    token_parts,
    token_strings,
)
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


@pytest.mark.parametrize("text", [TEXT, "  Vel  fell.\n\nThen  Arnor ", ""])
def test_doc_text_and_span_text_are_the_documents_own(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert doc_text(doc) == doc.text
    assert [span_text(sent) for sent in doc.sents] == [sent.text for sent in doc.sents]
    assert [span_text(ent) for ent in doc.ents] == [ent.text for ent in doc.ents]


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


def test_parse_facts_read_once_are_the_documents_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    assert token_parts(doc) == [token.pos for token in doc]
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents]
    for token in doc:
        inside = [e for e in doc.ents if e.start <= token.i < e.end]
        found = entity_at(token)
        expected = (inside[0].start, inside[0].end) if inside else None
        assert ((found.start, found.end) if found is not None else None) == expected
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert sentence_starts_between(doc, start, end) == sum(
                1 for t in doc[start:end] if t.is_sent_start)


def test_per_token_reads_once_per_token_and_document() -> None:
    vocab = spacy.blank("en").vocab
    first = Doc(vocab, words=["Ruritania", "protested"])
    second = Doc(vocab, words=["Borduria", "replied"])
    asked: list[tuple[str, str]] = []

    @per_token
    def shout(token, suffix: str) -> str:  # type: ignore[no-untyped-def]
        asked.append((token.text, suffix))
        return token.text.upper() + suffix

    assert [shout(t, "!") for t in first] == ["RURITANIA!", "PROTESTED!"]
    assert [shout(t, "!") for t in first] == ["RURITANIA!", "PROTESTED!"]
    assert shout(first[0], "?") == "RURITANIA?"  # another argument is asked anew
    assert shout(second[0], "!") == "BORDURIA!"  # so is another document
    assert asked == [("Ruritania", "!"), ("protested", "!"), ("Ruritania", "?"),
                     ("Borduria", "!")]


@pytest.mark.parametrize("ents", [[], ["B-GPE", "O", "B-ORG", "I-ORG", "O", "B-DATE", "O"]])
def test_entities_within_are_the_spans_own(ents: list[str]) -> None:
    words = ["Ruritania", "and", "Vel", "Airways", "met", "Tuesday", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents or None)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert [(e.start, e.end, e.label_) for e in entities_within(span)] == [
                (e.start, e.end, e.label_) for e in span.ents]


def test_per_token_reads_once_without_other_arguments() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Ruritania", "protested"])
    asked: list[str] = []

    @per_token
    def lowered(token) -> str:  # type: ignore[no-untyped-def]
        asked.append(token.text)
        return str(token.lower_)

    assert [lowered(t) for t in doc] * 2 == [lowered(t) for t in [*doc, *doc]]
    assert asked == ["Ruritania", "protested"]


def test_sentence_at_is_the_tokens_and_the_spans_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT + " Vel was quiet. Arnor said nothing.")
    for token in doc:
        sent = sentence_at(doc, token.i)
        assert (sent.start, sent.end) == (token.sent.start, token.sent.end)
    for ent in doc.ents:
        sent = sentence_at(doc, ent.start)
        assert (sent.start, sent.end) == (ent.sent.start, ent.sent.end)
