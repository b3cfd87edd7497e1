"""The actor word lists of data/coding/words.yaml agree with each other (issue 14)."""

from __future__ import annotations

import pytest

from dyadwatch.kb.knowledge import load_knowledge

pytestmark = pytest.mark.issue(14)


@pytest.mark.parametrize(("private", "political"), [
    ("private_people", "person_roles"),
    ("private_people", "speaker_heads"),
    ("male_titles", "female_titles"),
])
def test_actor_words_lists_are_disjoint(private: str, political: str) -> None:
    lex = load_knowledge().lexicon
    assert not getattr(lex, private) & getattr(lex, political)


@pytest.mark.parametrize("name", ["private_sectors", "clause_placed_roles",
                                  "article_placed_roles"])
def test_actor_words_sector_lists_are_role_codes(name: str) -> None:
    knowledge = load_knowledge()
    codes = set(knowledge.actors.roles.values())
    assert getattr(knowledge.lexicon, name) <= {code[-3:] for code in codes} | {"GOVMIL"}


@pytest.mark.parametrize("name", ["private_people", "person_roles", "compass_names",
                                  "male_titles", "female_titles", "state_qualifiers"])
def test_actor_words_are_lower_case(name: str) -> None:
    words = getattr(load_knowledge().lexicon, name)
    assert words and all(word == word.lower() for word in words)
