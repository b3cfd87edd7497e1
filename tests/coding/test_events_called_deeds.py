"""Shows of force, labelled deeds and lapsed deeds on invented sentences with the shipped
coder (issue 14): a nuclear test is a show of force (150) at no one; a verb of calling
whose label scorns a deed criticises the deed's doer and calls no strike; 'no longer'
denies what it modifies; an answer in threats is a threat."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

Triple = tuple[str | None, str, str | None]


def coded(nlp: Any, coder: Any, text: str) -> list[Triple]:
    article = Article(id="t", text=text, published="2018-06-12")
    return [(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Pakistan carried out its second nuclear test in the desert.", ("PAK", "150", None)),
    ("Pakistan conducted a nuclear test on Friday.", ("PAK", "150", None)),
    ("India detonated a thermonuclear device underground.", ("IND", "150", None)),
    ("India tested a hydrogen bomb.", ("IND", "150", None)),
])
def test_events_called_deeds_nuclear_test_is_show_of_force(
        nlp: Any, coder: Any, text: str, expected: Triple) -> None:
    triples = coded(nlp, coder, text)
    assert expected in triples
    assert not [t for t in triples if t[1] in {"183", "2042"}]


def test_events_called_deeds_plain_bomb_stays_a_bombing(nlp: Any, coder: Any) -> None:
    assert not [t for t in coded(nlp, coder, "Rebels detonated a bomb in Lima.")
                if t[1] == "150"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Iranian government called the Israeli launch an irresponsible act.",
     ("IRNGOV", "111", "ISR")),
    ("Iran called Israel's launch a provocation.", ("IRN", "111", "ISR")),
    ("Israel fired two missiles into the sea on Monday. Iran called the launch reckless "
     "and irresponsible.", ("IRN", "111", "ISR")),
])
def test_events_called_deeds_scornful_label_criticises_doer(
        nlp: Any, coder: Any, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


def test_events_called_deeds_neutral_label_is_no_criticism(nlp: Any, coder: Any) -> None:
    text = "Israel fired two missiles into the sea on Monday. Iran called the launch a test."
    assert not [t for t in coded(nlp, coder, text) if t[1] == "111"]


def test_events_called_deeds_strike_called_aggression_is_no_labour_strike(
        nlp: Any, coder: Any) -> None:
    triples = coded(nlp, coder, "Venezuela called the Colombian strike on the border post an "
                    "act of aggression.")
    assert ("VEN", "111", "COL") in triples
    assert not [t for t in triples if t[1] == "143"]


def test_events_called_deeds_labour_strike_still_called(nlp: Any, coder: Any) -> None:
    triples = coded(nlp, coder, "Peruvian unions called a general strike against the new "
                    "port law.")
    assert [t for t in triples if t[1] == "143"]


@pytest.mark.parametrize("text", [
    "Ecuador no longer demands that the Colombian president resign.",
    "Ecuador no longer supports the Colombian rebels.",
])
def test_events_called_deeds_no_longer_denies(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1][:2] in {"10", "06", "03"}]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ecuador responded to Colombian threats with threats of its own.", ("ECU", "130", "COL")),
    ("Ecuador responded to threats with threats.", ("ECU", "130", None)),
])
def test_events_called_deeds_answer_in_threats_is_a_threat(
        nlp: Any, coder: Any, text: str, expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)
