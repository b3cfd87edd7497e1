"""Walks up the parse end at the sentence root, also in sentences with no verb."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.petrarch.roles import _clause_verb


@pytest.mark.model
def test_clause_verb_of_a_verbless_sentence_is_its_root(nlp: Any) -> None:
    doc = nlp("Heavy fighting in Aleppo.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert _clause_verb(doc[0]) == root
