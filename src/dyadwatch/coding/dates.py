"""Event dates: the date expression attached to a predicate, resolved against the
article date (relative and partial expressions included).

News reports past events, so a bare weekday is the latest such day on or before
the article date, and a month-day without a year that would fall after the
article date belongs to the year before.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.kb.lexicon import Lexicon

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b",
                        re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
            "this evening": 0, "yesterday": -1, "last night": -1, "the day before": -1}


def resolve_date(expression: str, anchor: date | None) -> date | None:
    """The calendar date an expression names, or None when it names no single day."""
    text = expression.lower().strip()
    explicit = _explicit_date(text, anchor)
    if explicit is not None or anchor is None:
        return explicit
    for phrase, offset in _OFFSETS.items():
        if phrase in text:
            return anchor + timedelta(days=offset)
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            return _previous_weekday(anchor, index, strictly=text.startswith("last "))
    if "last week" in text:
        return anchor - timedelta(days=7)
    if "last month" in text:
        return _shift_month(anchor, -1)
    return None


def _explicit_date(text: str, anchor: date | None) -> date | None:
    iso = _ISO.search(text)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    match = _MONTH_DAY.search(text)
    if match:
        return _month_day(match.group(1), match.group(2), match.group(3), anchor)
    match = _DAY_MONTH.search(text)
    if match:
        return _month_day(match.group(2), match.group(1), match.group(3), anchor)
    return None


def _month_day(month_word: str, day_text: str, year_text: str | None,
               anchor: date | None) -> date | None:
    month = MONTHS.get(month_word.lower().rstrip(".")[:4]) or MONTHS.get(month_word.lower()[:3])
    if month is None:
        return None
    if year_text:
        return _safe_date(int(year_text), month, int(day_text))
    if anchor is None:
        return None
    candidate = _safe_date(anchor.year, month, int(day_text))
    if candidate is not None and candidate > anchor + timedelta(days=1):
        return _safe_date(anchor.year - 1, month, int(day_text))
    return candidate


def _previous_weekday(anchor: date, weekday: int, strictly: bool) -> date:
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return anchor - timedelta(days=back)


def _shift_month(anchor: date, months: int) -> date:
    month_index = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(month_index, 12)
    day = min(anchor.day, monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- the date of a predicate in the parse ---------------------------------------------

ANOTHER_YEAR = date.min  # marker: the predicate names a year other than the article's
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def event_date(token: Token, anchor: date | None, lex: Lexicon) -> date | None:
    """A date expression attached to the predicate (or its reporting verb, or the noun a
    to-clause describes: "the 2003 decision to invade"), resolved against the article
    date; ANOTHER_YEAR when it names only a year other than the article's."""
    current = token
    for _ in range(3):
        for expression in _date_expressions(current, lex):
            found = resolve_date(expression, anchor)
            if found is not None:
                return found
            years = {int(y) for y in _YEAR.findall(expression)}
            if anchor is not None and years and anchor.year not in years:
                return ANOTHER_YEAR
        if current.dep_ not in {"ccomp", "xcomp", "conj", "acl"} or current.head.i == current.i:
            return None
        current = current.head
    return None


def _date_expressions(token: Token, lex: Lexicon) -> Iterator[str]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in lex.period_preps:
            # a date that bounds a period is not the event's day ("since 24 February")
            continue
        if child.dep_ in {"prep", "npadvmod", "tmod", "advmod", "nummod", "compound", "amod"}:
            ents = [t for t in child.subtree if t.ent_type_ == "DATE"]
            if ents:
                yield " ".join(t.text for t in ents)
