"""People named again without their title, and offices named beside a known name (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    from dyadwatch.config import load_config
    from dyadwatch.pipeline import build_coder

    return build_coder(load_config(environ={}))


def coded(nlp: Any, coder: Any, text: str, day: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published=day)
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "day", "event"), [
    ("In a speech, the Turkish prime minister, Binali Yıldırım, has said his government would "
     "not wait. Yıldırım criticised the United States on Thursday.", "2018-01-25",
     ("TURGOV", "111", "USA")),
])
def test_actor_surname_the_recogniser_reads_as_a_place(nlp: Any, coder: Any, text: str, day: str,
                                                       event: tuple[str, str, str]) -> None:
    assert event in coded(nlp, coder, text, day)


@pytest.mark.parametrize(("text", "day", "event"), [
    ("The home secretary, Sajid Javid, criticised Iran on Monday.", "2019-02-20",
     ("GBRGOV", "111", "IRN")),
    ("The foreign secretary, Jeremy Hunt, criticised Iran on Monday.", "2019-02-20",
     ("GBRGOV", "111", "IRN")),
])
def test_actor_office_of_two_words_beside_a_known_name(nlp: Any, coder: Any, text: str, day: str,
                                                       event: tuple[str, str, str]) -> None:
    assert event in coded(nlp, coder, text, day)


@pytest.mark.parametrize(("text", "day", "event"), [
    ("Sajid Javid visited Leeds on Monday. Russia and Syria were named in the report. "
     "The home secretary criticised Iran on Tuesday.", "2019-02-20", ("GBRGOV", "111", "IRN")),
])
def test_actor_office_among_the_titles_of_one_spell(nlp: Any, coder: Any, text: str, day: str,
                                                    event: tuple[str, str, str]) -> None:
    assert event in coded(nlp, coder, text, day)


@pytest.mark.parametrize(("text", "day"), [
    ("The home secretary, Tom Quell, criticised Iran on Monday.", "2019-02-20"),
])
def test_actor_office_beside_an_unknown_name_keeps_no_country(nlp: Any, coder: Any, text: str,
                                                              day: str) -> None:
    assert all(source != "GBRGOV" for source, _, _ in coded(nlp, coder, text, day))
