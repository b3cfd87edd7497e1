"""A party name that parties of several states go by ("the Conservatives", "a Conservative
MP", "the Liberal party") is the party of that name of the state the article is about,
where the dictionary knows one there; with no other state named more, it stays the
dictionary's party (issue 14). Invented sentences, shipped dictionaries."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

Triple = tuple[str | None, str, str | None]


def coded(nlp: Any, coder: Any, text: str) -> list[Triple]:
    article = Article(id="t", text=text, published="2021-03-10")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


CANADA = ("Canada's prime minister met provincial leaders in Ottawa. Canada will hold an "
          "election in October. ")


@pytest.mark.parametrize(("text", "source"), [
    (CANADA + "The Conservatives criticised the Canadian government.", "CANOPP"),
    (CANADA + "A Conservative MP condemned the Canadian government.", "CANLEG"),
    (CANADA + "The NDP criticised the Canadian government.", "CANOPP"),
    ("Britain will vote in May. The Conservatives criticised the British government.",
     "GBRPTY"),
])
def test_actor_home_parties_generic_name_is_the_articles_states(nlp: Any, coder: Any,
                                                                text: str, source: str) -> None:
    assert source in {s for s, _, _ in coded(nlp, coder, text)}


@pytest.mark.parametrize(("text", "absent"), [
    (CANADA + "The British Conservatives criticised the Canadian government.", "CANOPP"),
    ("Syria's army shelled Idlib. Syrian forces advanced on the town. The Conservatives "
     "condemned the Syrian government.", "SYROPP"),
])
def test_actor_home_parties_named_state_or_own_name_stays(nlp: Any, coder: Any, text: str,
                                                          absent: str) -> None:
    assert absent not in {s for s, _, _ in coded(nlp, coder, text)}
