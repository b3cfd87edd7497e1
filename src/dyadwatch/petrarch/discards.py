"""Discard lists (sentence or, with ``+``, story) and PETRARCH issue lists."""

from __future__ import annotations

import re
from pathlib import Path

from dyadwatch.petrarch.actors import EntryProblem
from dyadwatch.petrarch.entries import Discard, Issue, LoadWarning
from dyadwatch.petrarch.lines import iter_lines
from dyadwatch.petrarch.words import normalize_word, plural

_CATEGORY = re.compile(r'CATEGORY\s*=\s*"([^"]+)"', re.IGNORECASE)
_ISSUE = re.compile(r"^(?P<phrase>[^\[]+?)\s*\[(?P<code>[^\]]+)\]\s*$")


def read_discards(path: Path) -> tuple[list[Discard], list[LoadWarning]]:
    """Read a discard list: one phrase a line, ``+`` for story-level discards."""
    entries: list[Discard] = []
    for line in iter_lines(path, semicolon=True):
        text = line.text.strip()
        story = text.startswith("+")
        phrase = normalize_word(text.lstrip("+").strip())
        exact_end = phrase.endswith("_")
        phrase = " ".join(phrase.replace("_", " ").split())
        if phrase:
            entries.append(Discard(phrase, story, exact_end, line.where))
    return entries, []


def find_discard(discards: list[Discard], text: str) -> Discard | None:
    """The first discard phrase found in ``text`` (case-insensitive, word start)."""
    padded = " " + " ".join(re.sub(r"[^\w'&.-]+", " ", normalize_word(text)).split()) + " "
    for discard in discards:
        needle = " " + discard.phrase + (" " if discard.exact_end else "")
        if needle in padded:
            return discard
    return None


def read_issues(path: Path) -> tuple[list[Issue], list[LoadWarning]]:
    """Read an issue list (``phrase [CODE]``; ``~phrase`` ignores, ``n:``/``v:`` expand)."""
    entries: list[Issue] = []
    warnings: list[LoadWarning] = []
    category = ""
    for line in iter_lines(path, semicolon=False):
        text = line.text.strip()
        if text.startswith("<"):
            found = _CATEGORY.search(text)
            category = found.group(1) if found and not text.startswith("</") else ""
            continue
        if category and "[" not in text and not text.startswith("~"):
            text = f"{text} [{category}]"  # a bare phrase takes its section's category
        try:
            entries.extend(_issue(text, line.where))
        except EntryProblem as e:
            warnings.append(LoadWarning(line.where, str(e), text))
    return entries, warnings


def _issue(text: str, where: str) -> list[Issue]:
    if text.startswith("~"):
        return [Issue(_plain(text.lstrip("~")), "", True, where)]
    match = _ISSUE.match(text)
    if match is None:
        raise EntryProblem("issue line is not 'phrase [CODE]'")
    return [Issue(p, match.group("code").strip(), False, where)
            for p in _expand_issue(match.group("phrase"))]


def _expand_issue(phrase: str) -> list[str]:
    variants = [""]
    for word in phrase.split():
        forms = _issue_word(word)
        variants = [f"{v} {f}".strip() for v in variants for f in forms]
    return variants


def _issue_word(word: str) -> list[str]:
    word = normalize_word(word)
    if word.startswith("N:"):
        return [word[2:], plural(word[2:])]
    if word.startswith("V:"):
        base = word[2:]
        return [base, base + "S", base.rstrip("E") + "ED", base.rstrip("E") + "ING"]
    if "+" in word:
        return [word.replace("+", " "), word.replace("+", "-")]
    return [word]


def _plain(text: str) -> str:
    return " ".join(normalize_word(text).split())
