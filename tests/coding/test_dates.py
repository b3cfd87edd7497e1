"""Date expressions resolved against the article date (pure: no parse), and the date of a
predicate in a parse built by hand."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from dyadwatch.coding.dates import NO_DAY, event_date, past_period, resolve_date
from dyadwatch.kb.knowledge import load_knowledge

WEDNESDAY = date(2031, 5, 14)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("expression", "ahead", "day", "why"), [
    ("Monday", False, date(2031, 5, 12), "a past deed: the latest Monday"),
    ("Wednesday", False, WEDNESDAY, "the article's own weekday is that day"),
    ("last Wednesday", False, date(2031, 5, 7), "'last' is the week before"),
    ("Thursday", False, date(2031, 5, 15), "the day after the article date: a lagging date"),
    ("early Friday", False, date(2031, 5, 9), "two days after is last week's"),
    ("Friday", True, date(2031, 5, 16), "a deed ahead: the coming Friday"),
    ("Monday", True, date(2031, 5, 19), "a deed ahead: next week's Monday"),
    ("next Wednesday", False, date(2031, 5, 21), "'next' is always ahead"),
    ("Thursday next week", False, date(2031, 5, 22), "the Thursday of the week after"),
    ("last week Friday", False, date(2031, 5, 9), "the Friday of the week before"),
], ids=lambda value: value if isinstance(value, str) and " " in value else None)
def test_dates_weekday(expression: str, ahead: bool, day: date, why: str) -> None:
    assert resolve_date(expression, WEDNESDAY, ahead) == day, why


@pytest.mark.issue(14)
@pytest.mark.parametrize(("expression", "anchor", "ahead", "day", "why"), [
    ("April 13 , 2012", WEDNESDAY, False, date(2012, 4, 13),
     "the year after a spaced comma is read"),
    ("28 December", date(2032, 1, 3), False, date(2031, 12, 28),
     "a month-day just before New Year belongs to the old year"),
    ("January 9", date(2032, 1, 3), False, date(2032, 1, 9),
     "the nearest January 9 is next week's, not last year's"),
    ("3 January", date(2031, 12, 28), True, date(2032, 1, 3),
     "a deed ahead takes the next such day"),
    ("May 15", WEDNESDAY, False, date(2031, 5, 15), "one day after: a lagging date"),
], ids=lambda value: value if isinstance(value, str) and " " in value else None)
def test_dates_month_day(expression: str, anchor: date, ahead: bool, day: date,
                         why: str) -> None:
    assert resolve_date(expression, anchor, ahead) == day, why


@pytest.mark.issue(14)
@pytest.mark.parametrize("expression", ["the coming week", "last December", "this month",
                                        "a month ago"])
def test_dates_periods_name_no_day(expression: str) -> None:
    assert resolve_date(expression, WEDNESDAY) is None
    assert past_period(expression)


_TAKING = ["after", "taking", "the", "town", ",", "Gondor", "sought", "allies", "."]
_TAKING_DEPS = ["prep", "pcomp", "det", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
_TAKING_TAGS = ["IN", "VBG", "DT", "NN", ",", "NNP", "VBD", "NNS", "."]
_TAKING_POS = ["ADP", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "NOUN", "PUNCT"]


def _after_gerund(dated: bool) -> Doc:
    """"[Last month ,] after taking the town , Gondor sought allies .", parsed by hand."""
    lead = ["Last", "month", ","] if dated else []
    shift = len(lead)
    verb = 6 + shift
    heads = [1, verb, verb] if dated else []
    heads += [h + shift for h in [6, 0, 3, 1, 6, 6, 6, 6, 6]]
    return Doc(English().vocab, words=[*lead, *_TAKING], heads=heads,
               deps=(["amod", "npadvmod", "punct"] if dated else []) + _TAKING_DEPS,
               tags=(["JJ", "NN", ","] if dated else []) + _TAKING_TAGS,
               pos=(["ADJ", "NOUN", "PUNCT"] if dated else []) + _TAKING_POS,
               ents=(["B-DATE", "I-DATE", "O"] if dated else []) + ["O"] * len(_TAKING))


@pytest.mark.issue(14)
@pytest.mark.parametrize(("dated", "expected", "why"), [
    (True, NO_DAY, "a gerund of 'after' on a verb with no day has none either"),
    (False, None, "on a verb with no time it falls back to the article's day"),
])
def test_dates_gerund_after_a_verb_of_no_day(dated: bool, expected: date | None,
                                             why: str) -> None:
    doc = _after_gerund(dated)
    taking = next(t for t in doc if t.text == "taking")
    assert event_date(taking, date(2020, 1, 8), load_knowledge().lexicon) == expected, why
