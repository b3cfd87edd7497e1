"""nlp.attributes gives the annotations of spaCy's attribute ruler and lemmatizer (issue 16)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.nlp.attributes import FAST_NAME, FastAttributes, use_fast_attributes

# Sentences in our own words that reach the ruler's rarer patterns: "ain't", "y'all",
# "nothin'", an expletive "there are", a verb the ruler lemmatises ("gets"), spaces.
TEXTS = [
    "The minister said there are no talks planned.  Officials ain't sure, y'all.",
    "He gets what he wants and got nothin' in return.\n\nThe army  withdrew on Monday.",
    "Protesters marched to the embassy; police fired tear gas at them.",
    "",
]
RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "gets", "TAG": "VBZ"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": "there"}, {"LOWER": {"IN": ["is", "are"]}}]],
     "attrs": {"POS": "PRON"}, "index": 0},
    {"patterns": [[{"LOWER": "there"}, {"LOWER": {"IN": ["is", "are"]}}]],
     "attrs": {"POS": "AUX", "MORPH": "Mood=Ind"}, "index": -1},
    {"patterns": [[{"TAG": "NN", "LOWER": {"NOT_IN": ["army"]}}]], "attrs": {"POS": "PROPN"}},
]
WORDS = ["There", "are", "nothin'", "army", "talks", "gets", "state", "there", "is", "Army"]
TAGS = ["EX", "VBP", "NN", "NN", "NNS", "VBZ", "NN", "EX", "VBZ", "NN"]


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.issue(16)
@pytest.mark.parametrize("rounds", [2])
def test_attributes_equal_the_attribute_ruler(rounds: int) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)  # type: ignore[attr-defined]
    fast = FastAttributes(ruler, None)  # type: ignore[arg-type]
    for _ in range(rounds):  # the second round comes from the memories
        stock = ruler(Doc(nlp.vocab, words=WORDS, tags=TAGS))  # type: ignore[operator]
        assert _annotations(fast(Doc(nlp.vocab, words=WORDS, tags=TAGS))) == _annotations(stock)


@pytest.mark.issue(16)
@pytest.mark.parametrize("names", [["tagger"]])
def test_attributes_leave_other_pipelines_alone(names: list[str]) -> None:
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(name)
    assert use_fast_attributes(nlp).pipe_names == names


@pytest.mark.model
@pytest.mark.issue(16)
@pytest.mark.parametrize("texts", [TEXTS])
def test_attributes_equal_spacy_pipeline(nlp: Any, texts: list[str]) -> None:
    from dyadwatch.nlp import resolve_model_name
    from dyadwatch.nlp.components import prepare_pipeline

    assert FAST_NAME in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    stock = spacy.load(resolve_model_name("auto"))
    prepare_pipeline(stock, fast_attributes=False)
    for _ in range(2):
        for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
            assert _annotations(ours) == _annotations(theirs)


@pytest.mark.issue(16)
@pytest.mark.parametrize("words", [["talks", "envoys", "ceasefires", "geese", "sanctioned"]])
def test_attributes_indexed_lemmas_equal_the_lemmatizer(words: list[str]) -> None:
    from spacy.lookups import Lookups

    from dyadwatch.nlp.attributes import _indexed_lemmatize

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""], ["es", ""]], "verb": [["ed", ""]]})
    lookups.add_table("lemma_index", {"noun": ["talk", "envoy", "ceasefire"], "verb": []})
    lookups.add_table("lemma_exc", {"noun": {"geese": ["goose"]}})
    lemmatizer.lookups = lookups  # type: ignore[attr-defined]
    indexed = _indexed_lemmatize(lemmatizer)  # type: ignore[arg-type]
    pos = ["NOUN"] * 4 + ["VERB"]
    doc = Doc(nlp.vocab, words=words, pos=pos, morphs=["Number=Plur"] * 4 + ["Tense=Past"])
    assert indexed is not lemmatizer.lemmatize  # type: ignore[attr-defined]
    assert [indexed(t) for t in doc] == [lemmatizer.lemmatize(t) for t in doc]  # type: ignore[attr-defined]
