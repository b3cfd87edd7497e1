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
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.kb.lexicon import Lexicon
    from dyadwatch.model import Event

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
    ago = _DAYS_AGO.search(text)
    if ago:
        count = _NUMBER_WORDS.get(ago.group(1)) or int(ago.group(1))
        return anchor - timedelta(days=count)
    return None  # "last week", "last month", "in March" name no single day


_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_DAYS_AGO = re.compile(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+"
                       r"ago\b")
_PAST_PERIOD = re.compile(rf"\b(?:last|past|previous|earlier|ago)\b|\b{_MONTH}(?!\w)"
                          r"|\b(?:this|next)\s+(?:week|month|year)\b", re.I)


def past_period(expression: str) -> bool:
    """The expression names a period but no day ("last week", "last December", "a month
    ago", "in March", "this month"): no day can be given, and the article's is wrong."""
    return bool(_PAST_PERIOD.search(expression))


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

NO_DAY = date.min  # marker: the predicate names a time, but no day the article gives
ANOTHER_YEAR = NO_DAY  # the name it had when only other years were recognised
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def event_date(token: Token, anchor: date | None, lex: Lexicon) -> date | None:
    """A date expression attached to the predicate (or its reporting verb, or the noun a
    to-clause describes: "the 2003 decision to invade"), resolved against the article
    date; NO_DAY when it names only another year or a past period with no day ("last
    month", "last December")."""
    current = token
    for _ in range(3):
        for expression in _date_expressions(current, lex):
            found = resolve_date(expression, anchor)
            if found is not None:
                return found
            years = {int(y) for y in _YEAR.findall(expression)}
            if anchor is not None and years and anchor.year not in years:
                return NO_DAY
            if past_period(expression):
                return NO_DAY  # "last month", "last December": background, not today
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


# -- a day named in a neighbouring sentence ----------------------------------------------


def carry_dates(events: list[Event], undated: set[str], doc: Doc) -> list[Event]:
    """Events whose own clause names no time (``undated`` ids, given the article's day)
    take the day of an explicitly dated event of the same source country and CAMEO root
    in the sentence before or after, in the same paragraph: "Arnor shelled Vel on Monday.
    Arnorian artillery also hit Dol." — the second is Monday's too."""
    if not undated:
        return events
    sents = list(doc.sents)
    dated = {(e.sentence_index, e.source_country or e.source, e.cameo_root): e.date
             for e in events if e.event_id not in undated and e.date is not None}
    carried = []
    for event in events:
        day = None
        if event.event_id in undated:
            day = next((dated[key] for step in (-1, 1)
                        if (key := (event.sentence_index + step,
                                    event.source_country or event.source, event.cameo_root))
                        in dated and _same_paragraph(sents, event.sentence_index, key[0])),
                       None)
        carried.append(replace(event, date=day) if day else event)
    return carried


def _same_paragraph(sents: list[Span], first: int, second: int) -> bool:
    low, high = sorted((first, second))
    if not (low >= 0 and high < len(sents)):
        return False
    between = sents[low].doc.text[sents[low].start_char : sents[high].start_char]
    gap = between[len(between.rstrip()):]  # the whitespace before the later sentence
    return high - low == 1 and "\n" not in gap
