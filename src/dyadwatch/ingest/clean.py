"""Page furniture removal: read-more links, share bars, video widgets, newsletter pitches,
photo credits, agency bylines and bare headings never reach the coder.

Cleaning works on lines (paragraphs). Each rule is a small predicate with a
name; the names of the rules that dropped lines are returned for the record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_READ_MORE = re.compile(
    r"^\s*(read more|read also|also read|more on this|see also|related( articles?| stories)?|"
    r"recommended|more from|further reading|click here|listen|watch)\s*[:|>»-]",
    re.IGNORECASE,
)
_VIDEO = re.compile(r"^\s*(watch|play)\s+(video|audio)\b|\b\d{1,2}:\d{2}\s+share\b", re.I)
_SOCIAL = re.compile(
    r"\b(facebook|twitter|whatsapp|linkedin|reddit|tumblr|digg|pinterest|google\+|"
    r"telegram|e-?mail|permalink|stumble(?:upon)?|newsvine|messenger|share|tweet)\b",
    re.IGNORECASE,
)
_PITCH = re.compile(
    r"\b(newsletter|sign up|subscribe|subscription|inbox|register now|free trial)\b", re.I,
)
_PITCH_CONTEXT = re.compile(
    r"\b(here|today|now|daily|weekly|every (morning|evening|day|week)|receive|editors?|"
    r"email|deliver)\b", re.I,
)
_AGENCY = r"(Reuters|AP|AFP|dpa|DPA|KNA|epd|EFE|ANSA|Xinhua|TASS|IANS|PTI|UPI|Bloomberg)"
_BYLINE = re.compile(
    r"^\s*(?:[a-z]{2,4}(?:/[a-z]{2,4})+\s*(?:\([^)]*\))?"  # ls/se (Reuters, AP)
    rf"|\(?{_AGENCY}(?:\s*[,/&]\s*{_AGENCY})*\)?"  # (Reuters, AP)
    r"|[Bb]y\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w'.-]+"
    r"(?:\s+[A-Z][\w'.-]+){0,3})*)\s*$",
)
_CREDIT = re.compile(
    r"^\s*(photo|photograph|image|picture|video|graphic)s?\s*(credit)?\s*[:©]"
    r"|(\bgetty images\b|\bap photo\b|/reuters\b|/afp\b|\bphotograph:)", re.I,
)
_COPYRIGHT = re.compile(r"^\s*(©|\(c\)\s|copyright\b|all rights reserved)", re.I)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def is_read_more(line: str) -> bool:
    return bool(_READ_MORE.match(line))


def is_share_bar(line: str) -> bool:
    return bool(_VIDEO.search(line)) or len(set(m.lower() for m in _SOCIAL.findall(line))) >= 3


def is_pitch(line: str) -> bool:
    return bool(_PITCH.search(line)) and bool(_PITCH_CONTEXT.search(line)) and len(line) < 400


def is_byline(line: str) -> bool:
    return len(line) < 120 and bool(_BYLINE.match(line))


def is_credit(line: str) -> bool:
    return len(line) < 200 and (bool(_CREDIT.search(line)) or bool(_COPYRIGHT.match(line)))


def is_heading(line: str) -> bool:
    """A short line without sentence-final punctuation: a headline or subheading."""
    return len(line.split()) <= 8 and not _TERMINAL.search(line)


RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("read-more", is_read_more),
    ("share-bar", is_share_bar),
    ("pitch", is_pitch),
    ("byline", is_byline),
    ("credit", is_credit),
    ("heading", is_heading),
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    dropped: tuple[tuple[str, str], ...]  # (rule name, line)


def furniture_rule(line: str) -> str | None:
    """The name of the first furniture rule the line matches, else None."""
    for name, matches in RULES:
        if matches(line):
            return name
    return None


_CONTINUES = re.compile(r"[,\-–—(]$|\b(?:the|a|an|of|to|and|or|in|on|for|with|by|at|from|"
                        r"that|said|says)$", re.IGNORECASE)


def join_wrapped_lines(raw_lines: list[str]) -> list[str]:
    """Non-empty lines, with hard-wrapped sentences put back together.

    A line continues on the next (no blank line between) when it does not end a
    sentence and the next one starts in lower case, or when it ends in a comma, a
    dash or a function word ("… said the\ncompany would …").
    """
    lines: list[str] = []
    previous_blank = True
    for raw in raw_lines:
        line = raw.strip()
        if not line:
            previous_blank = True
            continue
        if lines and not previous_blank and _wraps(lines[-1], line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        previous_blank = False
    return lines


def _wraps(line: str, following: str) -> bool:
    if _TERMINAL.search(line):
        return False
    return following[:1].islower() or following[:1].isdigit() or bool(_CONTINUES.search(line))


def clean_text(text: str) -> Cleaned:
    """Text without furniture lines; kept paragraphs joined by blank lines.

    Single-paragraph texts (one long line, as many feeds and corpora deliver)
    pass through unchanged apart from whitespace.
    """
    lines = join_wrapped_lines(text.splitlines())
    if len(lines) <= 1:
        return Cleaned(lines[0] if lines else "", ())
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for line in lines:
        rule = furniture_rule(line)
        if rule is None:
            kept.append(line)
        else:
            dropped.append((rule, line))
    return Cleaned("\n\n".join(kept), tuple(dropped))
