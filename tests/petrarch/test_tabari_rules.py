"""TABARI sentence rules on hand-built parses (no model download)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.petrarch.settings import CommaLimits
from dyadwatch.petrarch.tabari_rules import select_by_clause, skipped_commas

# "Arnor condemned Gondor and promised aid" : condemned (root) and promised (conj)
_WORDS = ["Arnor", "condemned", "Gondor", "and", "promised", "aid"]
_HEADS = [1, 1, 1, 1, 1, 4]
_DEPS = ["nsubj", "ROOT", "dobj", "cc", "conj", "dobj"]
_POS = ["PROPN", "VERB", "PROPN", "CCONJ", "VERB", "NOUN"]


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(("code_by", "codes", "kept"), [
    ("clause", {1: ["122"], 4: ["050"]}, {1, 4}),
    ("sentence", {1: ["122"], 4: ["050"]}, {1}),
    ("clause", {1: ["023?"], 4: ["050"]}, {1, 4}),
    ("all", {1: ["122"], 4: ["050"]}, {1, 4}),
])
def test_tabari_rules_code_by(code_by: str, codes: dict[int, list[str]], kept: set[int]) -> None:
    doc = _doc(_WORDS, _HEADS, _DEPS, _POS)
    assert select_by_clause(doc[:], codes, code_by) == kept


@pytest.mark.parametrize(("limits", "skipped"), [
    (CommaLimits(), {4, 5, 6}),  # the 3-word internal clause
    (CommaLimits(low=4), set()),
    (None, set()),
])
def test_tabari_rules_comma_clauses(limits: CommaLimits | None, skipped: set[int]) -> None:
    words = ["Arnor", "met", "Gondor", ",", "the", "old", "foe", ",", "today", "."]
    doc = _doc(words, [1, 1, 1, 1, 6, 6, 2, 1, 1, 1],
               ["nsubj", "ROOT", "dobj", "punct", "det", "amod", "appos", "punct", "npadvmod",
                "punct"],
               ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "NOUN",
                "PUNCT"])
    assert skipped_commas(doc[:], limits) == skipped
