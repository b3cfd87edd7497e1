"""Event dates: the date expression attached to a predicate, resolved against the
article date (relative and partial expressions included).

News reports past events, so a bare weekday is the latest such day on or before
the article date and a month-day without a year is the nearest such day to it; a
deed still ahead ("will meet on Friday", "is due to vote on 3 May") takes the
next such day instead. A day named up to one day after the article date is that
day: publication dates often lag the local date by a time zone ("fired a missile
early Friday" in a paper dated Thursday).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dyadwatch.coding.doc_arrays import (
    doc_text,
    entities_within,
    entity_at,
    sentences,
)
from dyadwatch.coding.mood import future, told_as_habit

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
# the expression is the entity's tokens joined by spaces: "April 13 , 2012"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s+(\d{{4}}))?\b",
                        re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s*,?\s+(\d{{4}}))?"
                        r"\b", re.I)
LAG = timedelta(days=1)  # how far past the article date a named day may fall
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
            "this evening": 0, "yesterday": -1, "last night": -1, "the day before": -1}


def resolve_date(expression: str, anchor: date | None, ahead: bool = False) -> date | None:
    """The calendar date an expression names, or None when it names no single day;
    ``ahead``: the deed it dates is still to come, so a weekday or month-day is the
    next one rather than the last."""
    text = expression.lower().strip()
    explicit = _explicit_date(text, anchor, ahead)
    if explicit is not None or anchor is None:
        return explicit
    for phrase, offset in _OFFSETS.items():
        if phrase in text:
            return anchor + timedelta(days=offset)
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            return _weekday(anchor, index, text, ahead)
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
                          r"|\b(?:this|next|coming|upcoming)\s+(?:week|month|year)\b", re.I)


def past_period(expression: str) -> bool:
    """The expression names a period but no day ("last week", "last December", "a month
    ago", "in March", "this month"): no day can be given, and the article's is wrong."""
    return bool(_PAST_PERIOD.search(expression))


def _explicit_date(text: str, anchor: date | None, ahead: bool) -> date | None:
    iso = _ISO.search(text)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    match = _MONTH_DAY.search(text)
    if match:
        return _month_day(match.group(1), match.group(2), match.group(3), anchor, ahead)
    match = _DAY_MONTH.search(text)
    if match:
        return _month_day(match.group(2), match.group(1), match.group(3), anchor, ahead)
    return None


def _month_day(month_word: str, day_text: str, year_text: str | None,
               anchor: date | None, ahead: bool) -> date | None:
    """The month-day in the year given, else the one nearest the article date (the next
    one for a deed still ahead)."""
    month = MONTHS.get(month_word.lower().rstrip(".")[:4]) or MONTHS.get(month_word.lower()[:3])
    if month is None:
        return None
    if year_text:
        return _safe_date(int(year_text), month, int(day_text))
    if anchor is None:
        return None
    days = [d for year in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (d := _safe_date(year, month, int(day_text))) is not None]
    if ahead:
        return next((d for d in days if d >= anchor - LAG), None)
    # ties go to the past: news reports what has happened
    return min(days, key=lambda d: (abs((d - anchor).days), d > anchor), default=None)


def _weekday(anchor: date, weekday: int, text: str, ahead: bool) -> date:
    """"last Monday" is before the article date, "next Monday" after it; a bare weekday
    is the latest on or before it (the next one for a deed ahead), except the day after
    the article date, which is that day (``LAG``)."""
    week = re.search(r"\b(next|last)\s+week\b", text)
    if week:  # "Thursday next week", "last week Friday": that week's day
        monday = anchor - timedelta(days=anchor.weekday())
        return monday + timedelta(days=weekday + (7 if week.group(1) == "next" else -7))
    if re.search(r"\bnext\b", text) or (ahead and not text.startswith("last ")):
        forward = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=forward or (7 if "next" in text else 0))
    back = (anchor.weekday() - weekday) % 7
    if text.startswith("last ") and back == 0:
        back = 7
    elif not text.startswith("last ") and timedelta(days=7 - back) == LAG:
        return anchor + LAG
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
TOLD_BEFORE = date(1, 1, 2)  # marker: a deed noun pointing back; the day of its first telling
ANOTHER_YEAR = NO_DAY  # the name it had when only other years were recognised
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# a decade: "the 1990s", "the 90s", "the '80s" (of the last century when it has two digits;
# not "in his 30s", an age)
_DECADE = re.compile(r"\b(1[89]\d0|20[0-2]0)s\b|\bthe\s+['’‘]?([2-9]0)s\b", re.I)


_DECADE_WORD = re.compile(r"(?:1[89]\d0|20[0-2]0|['’‘]?[2-9]0)s")


def _years(expression: str) -> set[int]:
    """The years an expression names, a decade by its first year ("in the 90s", or the
    tagger's "90s" alone: 1990)."""
    found = {int(y) for y in _YEAR.findall(expression)}
    for full, short in _DECADE.findall(expression):
        found.add(int(full) if full else 1900 + int(short))
    alone = _DECADE_WORD.fullmatch(expression.strip())
    if alone and not found:
        found.add(1900 + int(alone.group(0).strip("'’‘s")))
    return found


def event_date(token: Token, anchor: date | None, lex: Lexicon) -> date | None:
    """A date expression attached to the predicate (or its reporting verb, or the noun a
    to-clause describes: "the 2003 decision to invade"), resolved against the article
    date; NO_DAY when it names only another year, a past period with no day ("last
    month", "last December") or a later day than the article's for a deed that is not
    ahead, or when the predicate is told as background ("had vowed", "previously
    rebuked") with no day of its own; TOLD_BEFORE for a side's deed noun that points back
    to a deed told before ("Gondor's attack"), whose day is that telling's (see
    ``retold_dates``); None when nothing dates it."""
    current = token
    for _ in range(5):
        ahead = looks_ahead(current, lex)
        for expression in _date_expressions(current, lex):
            found = resolve_date(expression, anchor, ahead)
            if found is not None:
                later = anchor is not None and found > anchor + LAG and not ahead
                return NO_DAY if later else found  # a later day is some plan's, not this deed's
            years = _years(expression)
            if anchor is not None and years and anchor.year not in years:
                return NO_DAY
            if past_period(expression):
                return NO_DAY  # "last month", "last December": background, not today
        if _possessed_deed(current):
            return TOLD_BEFORE
        if background(current, lex) or _period_in_purpose(current, anchor, lex) or (
                _past_relative(current, lex) or _occasions_relative(current, lex)):
            return NO_DAY
        if current.dep_ == "conj" and any(c.dep_ == "advmod" and c.lower_ in lex.sequence_adverbs
                                          for c in current.children):
            # "launched a satellite on 13 April 2012 but later confirmed ...": after that
            # day, on none we know
            return None if event_date(current.head, anchor, lex) is None else NO_DAY
        if _reduced_relative(current):
            return NO_DAY
        if current.i == token.i and _ongoing_label(current):
            return _day_of_clause(current.head, anchor, lex) or NO_DAY
        if _scene_of_verb(current, lex) or _means_of_verb(current):
            current = current.head.head  # "killed last week in clashes": the killing's time
            continue
        gap = _gap_after(current)
        if gap is not None:
            return _day_before(current.head, gap, anchor, lex)  # "comes days after ..."
        next_deed = _deed_after(current, lex)
        if next_deed is not None and event_date(next_deed, anchor, lex) is None:
            return NO_DAY  # "Gondor postponed the talks after Arnor objected": some day before
        if _since_object(current) or _under_an_earlier_noun(current, anchor, lex) or (
                _beside_an_earlier_time(current, anchor, lex)):
            # "has shelled the town since the invasion", "a revenge attack for airstrikes
            # earlier this month", "the town fell in 2015; the rebels burned the mill"
            return NO_DAY
        governor = _governing_clause(current)
        if governor is not None and event_date(governor, anchor, lex) == NO_DAY:
            return NO_DAY  # "in 2003, when Turkey refused to back the invasion": background
        if current.head.i == current.i and (_goes_on_with_the_past(current, anchor, lex)
                                            or _opened_by_a_past_scene(current, lex)):
            # "Gondor took the town in 2015. Arnor retook it.", "When Gondor took the town,
            # Arnor sent troops": the story then
            return NO_DAY
        if not _shares_time_of_head(current) or current.head.i == current.i:
            return None
        current = current.head
    return None


def _goes_on_with_the_past(root: Token, anchor: date | None, lex: Lexicon) -> bool:
    """A sentence in the simple past with no time of its own, right after one in the past
    that names an earlier year or a past period and no day of its own, goes on with that
    story ("Gondor took the town in 2015. Arnor retook it with Rohan's help": no day, not
    the article's), as it does after such sentences of no time that go on with it, up to
    ``_STORY_STEPS`` back ("In 2015 Gondor took the town. Its troops burned the mill.
    Arnor retook it."); not a saying, whose time is the report's ("Gondor invaded Vel in
    2015. Arnor said ..."), nor one told as fresh ("now", "just"), nor the lead sentence."""
    if anchor is None or not _untimed_past(root, lex):
        return False
    doc = root.doc
    sent = root.sent
    for _ in range(_STORY_STEPS):
        sent = doc[sent.start - 1].sent
        before = sent.root
        if not (_simple_past(before) or _pluperfect(before)) or any(
                resolve_date(expression, anchor) is not None
                for expression in _date_expressions(before, lex)):
            return False  # "Gondor, which invaded Vel in 2015, attacked Arnor on Monday"
        if _names_a_past_time(sent, anchor, lex):
            return True
        if not _untimed_past(before, lex) or any(t.lemma_.lower() in lex.reporting_verbs
                                                  for t in sent):
            return False  # a report of the day between them ("..., he said, was ...")
    return False


def _opened_by_a_past_scene(root: Token, lex: Lexicon) -> bool:
    """A main verb in the simple past with no time of its own, after an opening
    when-clause in the past with a subject of its own, tells a scene of a story, not the
    day's news ("When Gondor took the town, Arnor sent troops", "when the city was under
    attack, the calls for help were rebuffed"): no day, not the article's; not a saying
    nor a verb with a saying beside it ("When reporters asked him, he said ..."), nor in
    the lead sentence, nor a clause with no subject ("When asked, he refused")."""
    return _untimed_past(root, lex) and any(
        c.dep_ == "advcl" and c.i < root.i and _past_scene(c, lex) for c in root.children)


def _past_scene(clause: Token, lex: Lexicon) -> bool:
    """A when-clause in the simple past, active or passive, or the past progressive, with
    a subject of its own, that is no saying ("when Gondor took the town", "when the city
    was under attack", "when they were fleeing")."""
    when = any(c.dep_ in {"advmod", "mark"} and c.lower_ == "when" for c in clause.children)
    subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)
    progressive = clause.tag_ == "VBG" and [
        c.lower_ for c in clause.children if c.dep_ == "aux"] in (["was"], ["were"])
    saying = clause.lemma_.lower() in lex.reporting_verbs | lex.calling_verbs
    return when and subject and not saying and (_simple_past(clause) or progressive)


_NEAR_ADVERBS = frozenset({"just", "shortly", "soon", "immediately", "right", "moments",
                           "minutes", "hours", "directly", "only"})


def _deed_after(token: Token, lex: Lexicon) -> Token | None:
    """The word whose deed a deed that "after" or "following" puts before it is done
    after: with no time of its own, the earlier deed was done some day before that one
    ("Gondor postponed the talks after Arnor objected", "vowed to go on after the capture
    of the town", "fighting spread following an incursion by Arnorian troops"; also the
    deed of an ``aftermath_nouns``' of-phrase: "the release is the outcome of talks"), so with
    that one's day the article's, its own is not known; not one that "just", "shortly" or
    "soon" ties to it ("soon after the bombing"), nor one after a deed told as fresh
    ("earlier Rohan said ... after Gondor fired"), nor one with a clock time ("after
    Gondor fired at 6am": the day's news), nor a clause in the present (a headline's
    "after Gondor launches missile"), nor one in the lead sentence, whose deeds are the
    day's news. None for any other word."""
    if _in_lead(token):
        return None
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of" and (
            token.head.head.lemma_.lower() in lex.aftermath_nouns):
        link = token.head  # "the outcome of talks", "in the wake of the raid"
        opened = True
    elif token.pos_ == "NOUN" and token.dep_ in {"pobj", "dobj"}:
        link = token.head
        opened = link.lower_ in {"after", "following"} and link.dep_ in {"prep", "advcl"}
    elif token.dep_ == "advcl" and (_simple_past(token) or _pluperfect(token)):
        link = next((c for c in token.children if c.dep_ == "mark"), token)
        opened = link.lower_ == "after"
    else:
        return None
    near = [*link.children, *(c for c in token.children if c.dep_ == "advmod")]
    if not opened or any(c.lower_ in _NEAR_ADVERBS for c in near) or any(
            t.ent_type_ == "TIME" for t in token.subtree):
        return None
    later = link.head if link.i != token.i and link.head.i != token.i else token.head
    return None if any(_fresh(c, lex) for c in later.children) else later


def _names_a_past_time(sent: Span, anchor: date, lex: Lexicon) -> bool:
    """The sentence names an earlier year or a past period: anywhere, or, in a saying,
    on the saying itself ("told reporters in August that ..."; not "said he was bound by
    the 2015 deal", a time of what was said)."""
    if sent.root.lemma_.lower() in lex.reporting_verbs:
        return any(_past_time(e, anchor) for e in _date_expressions(sent.root, lex))
    return any(ent.label_ == "DATE" and _past_time(ent.text, anchor)
               for ent in entities_within(sent))


_STORY_STEPS = 3


def _untimed_past(root: Token, lex: Lexicon) -> bool:
    """A main verb in the simple past outside the lead sentence that is no saying, has no
    saying beside it (a report of the day: "Gondor met Arnor and said afterward ...",
    "..., reported the agency") and is not told as fresh."""
    sayings = lex.reporting_verbs | lex.calling_verbs
    return not _in_lead(root) and _simple_past(root) and root.lemma_.lower() not in sayings and (
        not any(_fresh(c, lex) or (c.dep_ in {"conj", "parataxis"} and c.lemma_.lower() in sayings)
                for c in root.children))


def _past_time(expression: str, anchor: date) -> bool:
    """A time with no day before the article's: an earlier year, "last month", "in
    August"; not "next month" nor "later this year", a plan's."""
    if resolve_date(expression, anchor) is not None:
        return False
    years = _years(expression)
    if years:
        return max(years) < anchor.year
    return past_period(expression) and not _PLANNED.search(expression)


def _pluperfect(token: Token) -> bool:
    return token.tag_ in {"VBN", "VBD"} and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in token.children)


_EARLIER = re.compile(r"\bearlier\b", re.I)


def _under_an_earlier_noun(token: Token, anchor: date | None, lex: Lexicon) -> bool:
    """An event noun in a phrase of another noun that the parse gave a time surely past,
    with no day ("a revenge attack for US airstrikes earlier this month", "a reply to
    sanctions last year"): the time is the phrase's, and the deed inside it is no later;
    a day on the outer noun is left alone ("the reprisal on Monday for the raids")."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj":
        return False
    outer = token.head.head
    if token.head.dep_ != "prep" or outer.pos_ != "NOUN":
        return False
    for expression in _date_expressions(outer, lex):
        years = _years(expression)
        no_day = resolve_date(expression, anchor) is None
        if _surely_past(expression, years, anchor) or (no_day and _EARLIER.search(expression)):
            return True
    return False


_SAME_DAY_UNITS = frozenset({"minute", "hour", "moment"})
_LONG_UNITS = frozenset({"week", "month", "year", "decade"})


def _gap_after(token: Token) -> int | None:
    """How many days before its head's deed a clause of "after" with a measure tells its
    own: "comes one day after the minister met the rabbis" 1, "came hours after" 0,
    "comes days after Gondor fired", "five years after the war began" -1 (no day); None
    for a bare "after" or any other clause."""
    if token.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "after"
                                        for c in token.children):
        return None
    mark = next(c for c in token.children if c.dep_ == "mark")
    # the parse hangs the measure on the clause or on its head, just before "after"
    units = [c for c in token.children if c.dep_ == "npadvmod"] + [
        c for c in token.head.children if c.dep_ == "npadvmod" and c.i == mark.i - 1]
    for unit in units:
        lemma = unit.lemma_.lower()
        if lemma in _SAME_DAY_UNITS:
            return 0
        if lemma in _LONG_UNITS:
            return -1
        if lemma == "day":
            count = next((c.lower_ for c in unit.children if c.dep_ in {"nummod", "det"}), None)
            if count is not None and (count in _NUMBER_WORDS or count.isdigit()):
                return _NUMBER_WORDS.get(count) or int(count)
            return -1
    return None


def _day_before(head: Token, gap: int, anchor: date | None, lex: Lexicon) -> date | None:
    """The day ``gap`` days before the day of the head's deed (the article's when it names
    none); NO_DAY for a gap of no known length or a head with no day."""
    if gap < 0:
        return NO_DAY
    day = event_date(head, anchor, lex)
    if day in (NO_DAY, TOLD_BEFORE):
        return NO_DAY
    day = day or anchor
    return None if day is None else day - timedelta(days=gap)


def _beside_an_earlier_time(token: Token, anchor: date | None, lex: Lexicon) -> bool:
    """A verb with no time of its own told beside a clause of an earlier year is history
    told with it: a clause spliced before it by a comma or semicolon, which the parse
    takes for its complement ("the town fell to the rebels in 2015; they burned the
    mill"; "last month" too), or a clause joined after it ("the party sided with
    Gondor, and in 1987 it joined a front"; only a year, as the later clause may be
    older news than the first); not a verb of saying, whose complement is what is said
    ("Gondor attacked Vel in 2015, officials said")."""
    if anchor is None or token.pos_ not in {"VERB", "AUX"} or (
            token.lemma_.lower() in lex.reporting_verbs):
        return False
    for clause in token.children:
        spliced = clause.dep_ == "ccomp" and clause.i < token.i and not any(
            c.dep_ == "mark" for c in clause.children)
        joined = clause.dep_ == "conj" and clause.pos_ in {"VERB", "AUX"}
        if not (spliced or joined):
            continue
        for expression in _date_expressions(clause, lex):
            years = _years(expression)
            if years and max(years) < anchor.year:
                return True
            if spliced and _surely_past(expression, years, anchor):
                return True
    return False


def _scene_of_verb(token: Token, lex: Lexicon) -> bool:
    """An event noun in a phrase of ``during_preps`` on a verb happens when the verb's deed
    does ("were killed last week in clashes with US forces", "died on Monday during the
    shelling"); not one on a copula, which tells a state ("is in talks with Baghdad,
    following a decision last December")."""
    prep = token.head
    return (token.pos_ == "NOUN" and token.dep_ == "pobj" and prep.dep_ == "prep"
            and prep.lower_ in lex.during_preps and prep.head.pos_ == "VERB")


def _means_of_verb(token: Token) -> bool:
    """A gerund of means is done when the verb it serves is ("countered on Sunday by
    calling him a tyrant", "Gondor responded by expelling the envoy")."""
    prep = token.head
    return (token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.lower_ == "by"
            and prep.dep_ == "prep" and prep.head.pos_ in {"VERB", "AUX"})


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "pobj",
                           "prep", "agent", "appos", "conj"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "has", "have", "'ve"})


def _governing_clause(token: Token) -> Token | None:
    """The clause whose time bounds a deed that has none of its own: the verb an event
    noun is an argument of, also through phrases on nouns ("refused to back the
    invasion", "the battle began two months ago", "a focal point of clashes"), or the head
    of a past clause of its own conjunction or purpose ("revolted in 1974 after Baghdad
    broke its promises", "last month sent troops to fight the Kurds") or relative clause
    ("in 2015 Isis seized towns whose people it imprisoned"), or of a gerund of "after"
    ("after taking the town, Gondor sought ..."). A deed in a clause told as
    background with no day is background too; a clause's day is not the deed's, which may
    be older. Not a present clause, whose time is now ("in 2003 the US invaded Iraq, which
    still blames it")."""
    if token.pos_ in {"NOUN", "PROPN"}:
        current = token
        for _ in range(6):
            if current.dep_ not in _ARGUMENT_DEPS or current.head.i == current.i:
                return None
            current = current.head
            if current.pos_ in {"VERB", "AUX"}:
                # a label over a span is no time of the deeds in its phrases ("Trump,
                # speaking after a summit with Abe"), only of its object
                return None if _ongoing_label(current) and token.dep_ != "dobj" else current
        return None
    if _gerund_before(token):
        return token.head.head  # "After taking the town, Gondor sought ...": before it
    if token.dep_ not in {"advcl", "relcl"} or token.tag_ in {"VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass"} and c.lower_ in _PRESENT_AUX for c in token.children):
        return None
    return token.head


def _gerund_before(token: Token) -> bool:
    """A gerund that "after" or "following" opens on a verb tells a deed done before the
    verb's ("after taking the town, Gondor sought allies"): with the verb told as
    background with no day, it has none either."""
    prep = token.head
    return (token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.dep_ == "prep"
            and prep.lower_ in {"after", "following"} and prep.head.pos_ in {"VERB", "AUX"})


def _since_object(token: Token) -> bool:
    """An event noun a since-phrase names happened before the span it opens ("has shelled
    the town since the invasion", "the worst loss since the launch of its operations")."""
    prep = token.head
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and prep.lower_ == "since"


_SIDE_TYPES = frozenset({"PERSON", "GPE", "ORG", "NORP"})
_SCENE_RELATIVES = frozenset({"where", "when"})


def _possessed_deed(token: Token) -> bool:
    """An event noun owned by a named side with no day of its own points back to a deed
    reported before ("beyond Gondor's threats against Arnor", "Rohan's decision to pull
    out is a game-changer"): the day of that report, not the article's; not in the lead
    sentence, whose deed is the day's news."""
    return token.pos_ == "NOUN" and not _in_lead(token) and any(
        c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_ in _SIDE_TYPES)
        for c in token.children)


def _past_relative(token: Token, lex: Lexicon) -> bool:
    """A simple past, active or passive, in a relative clause on a side or a thing, with
    no time of its own, tells what was done before ("the territory it conquered",
    "Boromir, who resigned in protest", "the deal that was abandoned by Gondor"); not on a
    deed noun ("the strike that killed 20" is the strike's), nor a where- or when-clause,
    which sets the scene of the news ("Cairo, where he met Sisi"), nor a saying ("which it
    described as a unit"), nor one told as fresh ("who visited the scene earlier",
    ``fresh_adverbs``), nor in the lead sentence, whose deeds are the day's news."""
    saying = token.lemma_.lower() in lex.reporting_verbs | lex.calling_verbs
    if token.dep_ != "relcl" or not _simple_past(token) or saying or _in_lead(token) or any(
            c.lower_ in _SCENE_RELATIVES or _fresh(c, lex) for c in token.children):
        return False
    head = token.head.lemma_.lower()
    return token.head.pos_ in {"NOUN", "PROPN", "PRON"} and head != "time" and (
        head not in lex.condemned_deeds) and token.head.ent_type_ != "DATE"


def _occasions_relative(token: Token, lex: Lexicon) -> bool:
    """A past or perfect relative clause on a plural noun of occasions or of spans tells
    deeds done on many days before, none of them the news ("ignored incidents when Arnor
    has fought Gondor", "after years when Gondor shunned Arnor"; ``occasion_nouns``,
    ``duration_nouns``); the parse may hang a when-clause on the verb instead, so the
    noun just before its "when" is read as well."""
    if not (_simple_past(token) or _perfect(token)):
        return False
    nouns = [token.head] if token.dep_ == "relcl" else []
    nouns += [token.doc[c.i - 1] for c in token.children
              if c.dep_ == "advmod" and c.lower_ == "when" and c.i > 0]
    return any(n.tag_ == "NNS" and n.lemma_.lower() in lex.occasion_nouns | lex.duration_nouns
               for n in nouns)


def _fresh(child: Token, lex: Lexicon) -> bool:
    """An adverb that tells the deed as fresh news: "just", "now", "immediately", a bare
    "earlier" (not "earlier in the war", a time before the news)."""
    return (child.dep_ == "advmod" and child.lower_ in lex.fresh_adverbs
            and child.n_lefts == child.n_rights == 0)


def _simple_past(token: Token) -> bool:
    """"conquered", "was abandoned", "were driven out"; not "has conquered", "had been
    abandoned" or "is abandoned"."""
    auxes = [c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}]
    if token.tag_ == "VBD":
        return not auxes
    return token.tag_ == "VBN" and auxes in (["was"], ["were"])


_MATERIAL_ROOTS = frozenset({"06", "07", "08", "15", "16", "17", "18", "19", "20"})


def standing_present(token: Token, code: str, lex: Lexicon) -> bool:
    """A material deed told in the simple present outside the lead sentence is a habit or
    a standing state, not a deed of the day ("Gondor hosts a million refugees", "the
    resolutions ban Arnor from testing rockets", "as Gondorian forces besiege the town"),
    also under a verb of going on in the present ("the rebels continue to receive arms
    from Gondor"; ``continuing_verbs``): with no day named it has no date. A statement or
    stance in the present ("Gondor condemns the test", "Arnor says") is the day's news and
    keeps the article's day, and so does a protest, often told in the present as it
    happens, and a headline or a caption with no closing stop ("Warnings sound after
    Gondor launches missile"); mood.told_as_habit."""
    return code[:2] in _MATERIAL_ROOTS and told_as_habit(token, lex)


def _in_lead(token: Token) -> bool:
    return token.sent.start == 0


def _reduced_relative(token: Token) -> bool:
    """A past participle that describes a noun with no day of its own tells what was done
    to it before ("a reference to sanctions imposed on Gondorian firms by Arnor", "the
    Kurds, armed and supported by the US"): background, not the article's day."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in {
        "NOUN", "PROPN", "PRON"}


def _ongoing_label(token: Token) -> bool:
    """An -ing participle that describes a side tells what it is doing over a span, not a
    deed of a day ("Kurdish and Arab militias fighting Islamic State", "British troops
    helping to train local fighters"); not in the lead sentence, whose deeds are the
    day's news."""
    return token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {
        "NOUN", "PROPN"} and not _in_lead(token)


def _day_of_clause(noun: Token, anchor: date | None, lex: Lexicon) -> date | None:
    """The day the verb of a noun's clause names ("killed on Thursday by forces repelling
    an assault": Thursday), or None."""
    verb = noun
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    found = event_date(verb, anchor, lex)
    return None if found in (None, NO_DAY, TOLD_BEFORE) else found


def _shares_time_of_head(token: Token) -> bool:
    """The predicate happens when the word it hangs on does: a reported or embedded clause,
    a conjunct, a clause on a noun, or a participle clause with no conjunction of its own
    ("on Saturday Isis fired a missile, wounding two soldiers"; not "after the talks
    failed", whose time is its own), or a clause of the same time (``_same_time_clause``)."""
    if token.dep_ in {"ccomp", "xcomp", "conj", "acl"} or _same_time_clause(token):
        return True
    return token.dep_ == "advcl" and token.tag_ in {"VBG", "VBN"} and not any(
        c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in token.children)


_SAME_TIME = frozenset({"when", "as", "while"})


def _same_time_clause(token: Token) -> bool:
    """A clause of when, as or while happens when the clause it hangs on does ("history
    repeated itself earlier this year when the Kurds were attacked", "a summit two weeks
    ago when the two leaders clashed"; "declared on Monday as he hosted"); not "after"
    or "before", whose times are their own, nor a present perfect, which tells no time
    of the clause it hangs on."""
    return token.dep_ == "advcl" and not _perfect(token) and any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in _SAME_TIME for c in token.children)


def _perfect(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'ve"} for c in token.children)


def _period_in_purpose(token: Token, anchor: date | None, lex: Lexicon) -> bool:
    """A to-clause of the predicate names another year or a past period the parse hung on
    it rather than on the predicate ("launched an offensive to oust the militias from the
    border in January"); not a clause still ahead, whose time is the plan's ("plans to
    visit in November", "ruled out attending talks later this month"), unless its time
    is surely past, which no plan has ("threatened to overrun the city last month")."""
    clauses = [c for c in token.children if c.dep_ == "xcomp" or (
        c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    for clause in clauses:
        ahead = looks_ahead(clause, lex)
        for expression in _date_expressions(clause, lex):
            years = _years(expression)
            other_year = anchor is not None and years and anchor.year not in years
            planned = _PLANNED.search(expression) is not None
            period = past_period(expression) and resolve_date(expression, anchor) is None
            if ahead and _surely_past(expression, years, anchor):
                return True
            if not ahead and (other_year or (period and not planned)):
                return True
    return False


_SURELY_PAST = re.compile(r"\b(?:last|ago|previous)\b", re.I)


def _surely_past(expression: str, years: set[int], anchor: date | None) -> bool:
    """"last month", "two weeks ago", "in 2014" (before the article's year): no plan's
    time."""
    earlier = anchor is not None and bool(years) and max(years) < anchor.year
    return earlier or (_SURELY_PAST.search(expression) is not None
                       and resolve_date(expression, anchor) is None)


_PLANNED = re.compile(r"\b(?:next|coming|upcoming|later|this)\b", re.I)


def looks_ahead(token: Token, lex: Lexicon) -> bool:
    """The deed is still to come: "will meet", "is going to vote", "is due to meet",
    "agreed to hold talks" (a to-clause of a governor in ``lex.prospective_heads``, or an
    event noun in its for-phrase: "is scheduled for talks");
    not "would", which is as often the backshift of reported speech ("announced the
    US would withdraw on Tuesday")."""
    will = any(c.dep_ == "aux" and c.lower_ in lex.future_aux and c.lower_ != "would"
               for c in token.children)
    going = future(token, lex) and not any(c.lower_ == "would" for c in token.children)
    return will or going or (
        token.dep_ == "xcomp" and token.head.lemma_.lower() in lex.prospective_heads
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)) or (
        _prospective_for(token, lex)) or _prospective_passive(token, lex)


def _prospective_passive(token: Token, lex: Lexicon) -> bool:
    """A prospective head in the present passive dates the deed it schedules ("is
    scheduled for talks with X on Friday", "are expected in Lima on Monday")."""
    return token.lemma_.lower() in lex.prospective_heads and any(
        c.dep_ == "auxpass" and c.lower_ in {"is", "are", "'s", "'re"} for c in token.children)


def _prospective_for(token: Token, lex: Lexicon) -> bool:
    """An event noun in a for-phrase of a prospective head is still to come ("is scheduled
    for talks on Friday", "are set for a vote on Tuesday")."""
    prep = token.head
    return (token.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "for"
            and prep.head.lemma_.lower() in lex.prospective_heads)


def background(token: Token, lex: Lexicon) -> bool:
    """The predicate is told as background to the news: the pluperfect, simple or
    progressive, outside reported speech ("the US had vowed to", "a town they had
    liberated", "Gondor had been urging Arnor to attend"; not the backshift of "officials
    said the rebels had attacked"), an adverb of the past or of habit ("previously", "has
    long argued", "has occasionally cooperated", "has called for it before", "once backed",
    "recently described"), an event noun told as earlier ("Gondor's recent incursion",
    ``earlier_adjectives``) or as going on (``ongoing_adjectives``: "the ongoing talks"),
    a perfect progressive ("has been pressing"), a since-clause ("since the army ousted
    Morsi"), a span of time (``over_a_span``) or a perfect that describes a side
    (``_perfect_relative``)."""
    if any((c.dep_ in {"advmod", "mark"} and c.lower_ in lex.background_adverbs)
           or (c.dep_ == "advmod" and c.lower_ in lex.earlier_adverbs)
           for c in token.children) or over_a_span(token, lex) or _perfect_relative(token, lex):
        return True
    if _perfect_progressive(token, lex) or _counted_perfect(token, lex):
        return True
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and (c.lower_ in lex.earlier_adjectives
                                                          or c.lower_ in lex.ongoing_adjectives)
                                    for c in token.children):
        return True
    pluperfect = token.tag_ in {"VBN", "VBD", "VBG"} and any(
        c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in token.children)
    reported = token.dep_ == "ccomp" and token.head.lemma_.lower() in lex.reporting_verbs
    return pluperfect and not reported


def _perfect_progressive(token: Token, lex: Lexicon) -> bool:
    """A perfect progressive tells a deed going on over a span up to now, not on a day
    ("Gondor has been pressing Arnor to talk", "the rebels have been fighting the army",
    also in reported speech: "said Gondor had been pressing Arnor"); not one told as fresh
    ("has just been shelling", ``fresh_adverbs``). A named day ("has been tweeting today")
    is read before this."""
    if token.tag_ != "VBG" or any(_fresh(c, lex) for c in token.children):
        return False
    auxes = [c.lower_ for c in token.children if c.dep_ == "aux"]
    return "been" in auxes and any(a in {"has", "have", "'s", "'ve", "having", "had", "'d"}
                                   for a in auxes)


def _counted_perfect(token: Token, lex: Lexicon) -> bool:
    """A perfect counted in times tells deeds of many days up to now, none of them the
    news ("Gondor has vetoed the resolutions 11 times", "has used gas more than 100
    times", "has been jailed twice"; ``repetition_adverbs``); a simple past is left alone,
    as it may count the blows of one deed ("fired three times")."""
    if not _perfect(token):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in lex.repetition_adverbs for c in token.children):
        return True
    # the parse hangs "times" on the verb, on its number ("100 times") or on the object
    return any(t.lower_ == "times" and t.tag_ == "NNS" and _counted(t) and not _in_clause(t, token)
               for t in token.subtree)


def _counted(times: Token) -> bool:
    return times.head.like_num or any(c.like_num or c.lower_ in _COUNTS for c in times.children)


_COUNTS = frozenset({"several", "many", "dozens", "hundreds", "numerous", "multiple",
                     "countless", "scores"})


def _perfect_relative(token: Token, lex: Lexicon) -> bool:
    """A present perfect in a relative clause on a side tells what that side has done
    before, not the news ("Gondor, which has armed the rebels, urged restraint", "an MP
    who has visited the camps said"); not one on a deed noun ("the bombing, which has
    killed 20"), nor on "the first time it has fired", nor one told as fresh ("which has
    just signed", ``fresh_adverbs``)."""
    if token.dep_ != "relcl" or _modal(token, lex) or any(_fresh(c, lex) for c in token.children):
        return False
    perfect = _perfect(token)
    head = token.head.lemma_.lower()
    return perfect and token.head.pos_ in {"NOUN", "PROPN", "PRON"} and head != "time" and (
        head not in lex.condemned_deeds)


_SPAN_PREPS = frozenset({"for", "over", "throughout", "during", "across", "in"})
_SPAN_MODIFIERS = frozenset({"past", "last", "recent", "previous", "many", "several"})


def over_a_span(token: Token, lex: Lexicon) -> bool:
    """The verb tells its deed over a span of time, not on a day: a phrase of background
    ("had at one point held", "has in the past cooperated"), a span of years, months or
    weeks ("has armed militias for years", "fought over the past 18 months", "in recent
    years"; "in" only with such a modifier, not "in two weeks") or a since-phrase ("the
    PKK, fighting since the 1990s", "has shelled the city since February")."""
    if token.pos_ not in {"VERB", "AUX"} or _modal(token, lex):
        # "the deadliest attack since 2014" is dated by its own clause; "would extend the
        # emergency for three months" spans the state, not the deed
        return False
    # the parse may hang the phrase on the auxiliary ("had at one point held")
    heads = [token, *(c for c in token.children if c.dep_ == "aux")]
    for child in (c for h in heads for c in h.children if c.dep_ == "prep"):
        if " ".join(t.lower_ for t in child.subtree) in lex.background_phrases:
            return True
        opens = any(c.dep_ in {"pobj", "pcomp"} for c in child.children)  # "since then"
        if child.lower_ == "since" and opens and _perfect_or_ongoing(token):
            return True
        if child.lower_ in _SPAN_PREPS and any(_a_span(o, lex, strict=child.lower_ == "in")
                                               for o in child.children if o.dep_ == "pobj"):
            return True
    return False


def _modal(token: Token, lex: Lexicon) -> bool:
    return looks_ahead(token, lex) or any(
        c.dep_ == "aux" and (c.lower_ in lex.hypothetical_aux or c.lower_ in lex.forecast_aux)
        for c in token.children)


def _perfect_or_ongoing(token: Token) -> bool:
    """A since-phrase spans the deed of a perfect or an -ing form ("has waged an insurgency
    since 1984", "fighting since the 1990s"); not a simple past ("called it the worst crisis
    since 1962"), nor "the first time it has fired a rocket over Japan since 2009", a
    fresh deed."""
    if token.dep_ == "relcl" and token.head.lemma_.lower() == "time":
        return False
    # a conjunct shares its head's auxiliary ("have conducted or inspired attacks since 2014")
    auxes = [*token.children, *(token.head.children if token.dep_ == "conj" else ())]
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in auxes)
    return perfect or token.tag_ == "VBG" or (token.tag_ == "VBN" and token.dep_ == "acl")


def _a_span(noun: Token, lex: Lexicon, strict: bool) -> bool:
    """"years", "the past 18 months", "recent weeks", "the last year": a span of time."""
    if noun.lemma_.lower() not in lex.duration_nouns:
        return False
    modified = any(c.lower_ in _SPAN_MODIFIERS for c in noun.children)
    return modified or (not strict and noun.tag_ == "NNS")


def _date_expressions(token: Token, lex: Lexicon) -> Iterator[str]:
    head = token.head
    if token.dep_ == "relcl" and head.ent_type_ == "DATE":
        # the clause describes the date it hangs on ("in 2003, when Turkey refused")
        yield " ".join(t.text for t in head.subtree if t.ent_type_ == "DATE" and t.i < token.i)
    found: list[str] = []
    for child in token.children:
        if _own_relative(child, token):
            # "a Turkish assault that last month drove the Kurds out": the assault's time
            found.extend(_date_expressions(child, lex))
        if _making_participle(child, token, lex):
            # "sanctions imposed on Borduria last week": the time the sanctions were made
            found.extend(_date_expressions(child, lex))
        if child.dep_ == "prep" and child.lower_ in lex.period_preps:
            # a date that bounds a period is not the event's day ("since 24 February"),
            # but a deed done by the means of a gerund is done when it is, and one done
            # before a time surely past is past too ("by attacking Vel last month")
            found.extend(_gerund_times(child, lex))
            continue
        if child.dep_ == "agent":
            # "killed by a US counterattack on 7 February"; not a second agent joined to it
            ents = [t for t in child.subtree
                    if t.ent_type_ == "DATE" and not _in_conjunct(t, child)]
            if ents:
                found.append(" ".join(t.text for t in ents))
        if child.dep_ == "advcl" and _same_time_clause(child):
            # "When Kim visited in August, he congratulated the team": August's
            found.extend(_date_expressions(child, lex))
        if _speaking_participle(child, token, lex):
            # "Speaking on Friday, the spokeswoman said ...": the saying's day
            found.extend(_date_expressions(child, lex))
        if child.dep_ in {"prep", "npadvmod", "tmod", "advmod", "nummod", "compound", "amod",
                          "poss"}:
            ents = [t for t in child.subtree if (t.ent_type_ == "DATE" or _day_time(t))
                    and not (_bare_year(t) and _in_clause(t, child))]
            if ents:
                found.append(" ".join(t.text for t in ents))
            elif _unnamed_period(child, lex):
                # "This year Turkey ended its operation", the period the tagger missed
                found.append(" ".join(t.text for t in child.subtree))
    opening = _opening_date(token, lex)
    if opening is not None and opening not in found:
        found.append(opening)
    week = next((e for e in found if _WEEK.fullmatch(e.lower())), None)
    if week is not None:
        # "on Thursday ... next week", parsed as two phrases, is next week's Thursday
        found = [f"{e} {week}" if e != week else e for e in found]
    yield from found


_WEEK = re.compile(r"(?:next|last)\s+week")


def _gerund_times(prep: Token, lex: Lexicon) -> Iterator[str]:
    """The times of a gerund a means- or before-phrase opens: "by attacking Vel last month
    Gondor challenged Arnor" is last month's; "before invading Vel last month Gondor warned
    Arnor" is before it, so surely past too ("last", "ago", a year), but not "before
    leaving next week", whose deed may be today's."""
    if prep.lower_ not in {"by", "before"}:
        return
    for clause in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
        for expression in _date_expressions(clause, lex):
            if prep.lower_ == "by" or _SURELY_PAST.search(expression) or _years(expression):
                yield expression


def _opening_date(token: Token, lex: Lexicon) -> str | None:
    """The date that opens the sentence of a main verb, wherever the parse hung it ("In
    April 2017 Gondor's envoy described ...", where the date went to the subject; "Last
    year, Gondor was so angered that it ordered ..."): a date entity as the first words,
    or after a first preposition, before the verb; not a possessive ("Monday's attack"),
    nor a date that bounds a period ("By Sunday he appeared to agree", ``period_preps``)."""
    if token.dep_ != "ROOT" or token.pos_ not in {"VERB", "AUX"}:
        return None
    sent = token.sent
    if sent[0].lower_ in lex.period_preps:
        return None
    doc = token.doc
    start = sent.start + (1 if sent[0].tag_ == "IN" else 0)
    if start >= token.i or doc[start].ent_type_ != "DATE" or doc[start].ent_iob_ != "B":
        return None
    end = start + 1
    while end < sent.end and doc[end].ent_iob_ == "I":
        end += 1
    if end > token.i or (end < sent.end and doc[end].tag_ == "POS"):
        return None
    return doc[start:end].text


def _day_time(token: Token) -> bool:
    """A time the entity tagger marks as such that names a day ("last night", "this
    morning", "Friday night"); not "two hours ago" or "5pm", which name none."""
    if token.ent_type_ != "TIME":
        return False
    ent = entity_at(token)
    return ent is not None and _DAY_TIME.search(ent.text) is not None


_DAY_TIME = re.compile(rf"\b(?:last night|tonight|this (?:morning|afternoon|evening)"
                       rf"|{'|'.join(WEEKDAYS)})\b", re.I)


def _unnamed_period(child: Token, lex: Lexicon) -> bool:
    """A bare noun phrase of a unit of time on the verb ("this year", "last month") that
    the entity tagger did not mark as a date."""
    return child.dep_ in {"npadvmod", "tmod"} and child.lemma_.lower() in lex.duration_nouns


def _own_relative(child: Token, noun: Token) -> bool:
    """A relative clause on an event noun whose subject is the relative pronoun tells the
    noun's own deed ("an assault that last month drove the Kurds out"); not one with
    another subject ("the attack, which the UN condemned on Monday")."""
    return noun.pos_ == "NOUN" and child.dep_ == "relcl" and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"} for c in child.children)


def _making_participle(child: Token, noun: Token, lex: Lexicon) -> bool:
    """A past participle with no subject of its own on an event noun that makes or carries
    out the noun's deed ("sanctions imposed on Borduria last week", "the raid carried out
    on Monday"; words.yaml ``object_support_verbs``, ``doer_participles``) tells the noun's
    time; not a participle of another's reaction ("the attack condemned on Monday")."""
    return noun.pos_ == "NOUN" and child.dep_ == "acl" and child.tag_ == "VBN" and (
        child.lemma_.lower() in lex.object_support_verbs | lex.doer_participles) and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)


def _speaking_participle(child: Token, token: Token, lex: Lexicon) -> bool:
    """A participle clause with no conjunction or subject of its own on a verb of saying
    frames the saying ("Speaking on Friday, Hua said", "Addressing reporters on Monday,
    the minister said"): its time is the saying's."""
    return (child.dep_ == "advcl" and child.tag_ == "VBG"
            and token.lemma_.lower() in lex.reporting_verbs
            and not any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in child.children))


_CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp", "advcl", "xcomp"})


def _bare_year(token: Token) -> bool:
    """A year or decade standing alone as a date ("the 2015 deal", "in 2013", "since the
    1970s"), not part of a day or a period ("3 May 2015", "last year")."""
    if _DECADE_WORD.fullmatch(token.text):
        return True
    if not _YEAR.fullmatch(token.text):
        return False
    ent = entity_at(token)
    return ent is not None and len(ent) == 1


def _in_clause(token: Token, top: Token) -> bool:
    """The token sits in a clause of its own below ``top``: a year there is that clause's
    ("within hours of the announcement that it was leaving the 2015 deal": 2015 is the
    deal's, not the phrase's)."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in _CLAUSE_DEPS:
            return True
        token = token.head
    return False


def _in_conjunct(token: Token, top: Token) -> bool:
    """The token sits in a conjunct below ``top`` ("by Russia but an attack on 7 April")."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "conj":
            return True
        token = token.head
    return False


# -- a day named in a neighbouring sentence ----------------------------------------------


def carry_dates(events: list[Event], undated: set[str], doc: Doc, anchor: date | None,
                lex: Lexicon) -> list[Event]:
    """Events whose own clause names no time (``undated`` ids, given the article's day)
    take the day of the same event told in the sentence before or after, in the same
    paragraph: an explicitly dated event of the same source country and CAMEO root
    ("Arnor shelled Vel on Monday. Arnorian artillery also hit Dol." — the second is
    Monday's too), else a definite mention of the trigger's event noun that names a day
    ("… a bombing at the consulate. The Taliban said the bombing late Thursday …")."""
    if not undated:
        return events
    sents = list(sentences(doc))
    triggers = _TokenStarts(doc)
    dated = {(e.sentence_index, e.source_country or e.source, e.cameo_root): e.date
             for e in events if e.event_id not in undated and e.date is not None
             and _carriable(e, triggers, anchor, lex)}
    carried = []
    for event in events:
        day = None
        if event.event_id in undated:
            trigger = triggers.get(event.trigger_start)
            generic = trigger is not None and trigger.pos_ == "NOUN" and not _definite(trigger)
            # a bare event noun ("defend it from Turkish attack") is no retelling of the
            # neighbour's deed, but a definite mention beside it may date it
            day = next((dated[key] for step in (-1, 1)
                        if not generic and (key := (event.sentence_index + step,
                                                    event.source_country or event.source,
                                                    event.cameo_root))
                        in dated and _same_paragraph(sents, event.sentence_index, key[0])),
                       None) or _retold_day(event, trigger, sents, anchor, lex)
        carried.append(replace(event, date=day) if day else event)
    return carried


def retold_dates(events: list[Event], told_before: set[str]) -> list[Event]:
    """Events of a side's deed noun that points back (``told_before`` ids, given no date:
    "Gondor took military action against Arnor on Monday. … Gondor's attack caused no
    casualties") take the day of the latest same deed told in an earlier sentence: the
    same source and target countries and CAMEO root. A deed with no target is not known
    to be the same ("Gondor's operations" may be anywhere), and a deed the article never
    told before is background: both keep no date."""
    if not told_before:
        return events
    told: dict[tuple[str | None, str | None, str], tuple[int, str | None]] = {}
    retold = []
    for event in events:  # in reading order
        key = (event.source_country or event.source, event.target_country or event.target,
               event.cameo_root)
        earlier = told.get(key)
        if event.event_id in told_before:
            if earlier is not None and earlier[0] < event.sentence_index and earlier[1] and (
                    key[1] is not None):
                event = replace(event, date=earlier[1])
        else:
            told[key] = (event.sentence_index, event.date)
        retold.append(event)
    return retold


class _TokenStarts:
    """The token of a document that starts at a character offset, found without building
    a Token for every word (``{t.idx: t for t in doc}`` did, once per document)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist()  # in increasing order

    def get(self, start: int) -> Token | None:
        i = bisect_left(self.starts, start)
        return self.doc[i] if i < len(self.starts) and self.starts[i] == start else None


def _carriable(event: Event, triggers: _TokenStarts, anchor: date | None,
               lex: Lexicon) -> bool:
    """A day later than the article's is carried only from a deed that is not ahead (a
    lagging publication date), never a plan's ("will travel to Paris on Tuesday")."""
    if anchor is None or event.date is None or event.date <= anchor.isoformat():
        return True
    trigger = triggers.get(event.trigger_start)
    return (event.date <= (anchor + LAG).isoformat() and trigger is not None
            and not looks_ahead(trigger, lex))


def _retold_day(event: Event, trigger: Token | None, sents: list[Span], anchor: date | None,
                lex: Lexicon) -> str | None:
    """The day the sentence before or after gives to "the <event noun>" of the event's
    ``trigger`` ("the bombing late Thursday", "Tuesday's attack"); the definite noun points
    back to the event, so a paragraph break between them does not matter."""
    if trigger is None or anchor is None:
        return None
    for step in (1, -1):
        other = event.sentence_index + step
        if not 0 <= other < len(sents):
            continue
        for token in sents[other]:
            if token.pos_ == "NOUN" and _same_deed(token, trigger) and _definite(token):
                found = event_date(token, anchor, lex)
                if found is not None and found not in (NO_DAY, TOLD_BEFORE):
                    return found.isoformat()
    return None


def _same_deed(noun: Token, trigger: Token) -> bool:
    lemma = trigger.lemma_.lower()
    return noun.lemma_.lower() in {lemma, f"{lemma}ing", f"{lemma.removesuffix('e')}ing"}


def _definite(noun: Token) -> bool:
    """A mention that points back: "the bombing", "that attack", "Tuesday's strike"."""
    return any((c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or c.dep_ == "poss"
               for c in noun.children)


def _same_paragraph(sents: list[Span], first: int, second: int) -> bool:
    low, high = sorted((first, second))
    if not (low >= 0 and high < len(sents)):
        return False
    between = doc_text(sents[low].doc)[sents[low].start_char : sents[high].start_char]
    gap = between[len(between.rstrip()):]  # the whitespace before the later sentence
    return high - low == 1 and "\n" not in gap
