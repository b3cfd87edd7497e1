"""Which side a pronoun stands for (issue 14), on invented sentences coded with the
shipped dictionaries: 'they' outside a quotation is no country's name ("follow Turkey's
lead. While they ..." are not Turkey: nobody rather than the wrong side), though in speech
it may be one; the subject of a
reported clause stands for who reports it: the owner of a statement noun ("a US
announcement that it would ...") or the object that says it ("leading Kim to say he ...")."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]



def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2021-03-10")


@pytest.mark.parametrize(("text", "wrong"), [
    ("Such is the dilemma of the Syrian rebels. Abandoned by their allies, they now follow "
     "Turkey's lead. While they accused Iran of betrayal on Monday, they stayed silent about "
     "Russia.", "TUR"),
])
def test_actor_pronouns_they_is_no_country_name(nlp: Any, coder: Any, text: str,
                                                wrong: str) -> None:
    assert all(source != wrong for source, _, _ in coded(nlp, coder, text))


@pytest.mark.parametrize(("text", "source"), [
    ("“China has to do more,” the minister said. “They have criticised Japan, but that "
     "is not enough.”", "CHN"),
])
def test_actor_pronouns_quoted_they_may_be_a_country(nlp: Any, coder: Any, text: str,
                                                     source: str) -> None:
    assert any(s == source and t == "JPN" for s, _, t in coded(nlp, coder, text))


@pytest.mark.parametrize(("text", "reporter", "wrong"), [
    ("Algeria condemned the raid. The raid came a day after a US announcement that it would "
     "send more troops to Mali.", "USA", "DZA"),
    ("Trump warned North Korea on Tuesday, leading Kim Jong Un to say he would attack Guam.",
     "PRKGOV", "USAELI"),
])
def test_actor_pronouns_reported_clause_is_its_reporters(nlp: Any, coder: Any, text: str,
                                                         reporter: str, wrong: str) -> None:
    events = coded(nlp, coder, text)
    assert any(s == reporter and t in {"MLI", "GUM"} for s, _, t in events), events
    assert not any(s == wrong and t in {"MLI", "GUM"} for s, _, t in events), events
