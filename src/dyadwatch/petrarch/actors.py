"""Actor dictionaries (PETRARCH and TABARI): phrases, synonyms and date-bounded codes.

A record is a primary phrase, optional ``+`` synonym lines and optional indented
``[CODE restriction]`` lines, where a restriction is ``<date``, ``>date`` or
``date-date`` (inclusive; YYMMDD or YYYYMMDD). A bracket without a restriction
sets the default code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.petrarch.entries import ActorEntry, DatedCode, LoadWarning
from dyadwatch.petrarch.lines import SourceLine, iter_lines
from dyadwatch.petrarch.words import parse_date, split_phrase

_BRACKET = re.compile(r"\[([^\]]*)\]")
_SKIPPED_SECTIONS = ("NOUN", "ADJECTIVE")


class EntryProblem(ValueError):
    """A malformed entry; the reader records it with its file and line."""


@dataclass(slots=True)
class _Record:
    phrases: list[str]
    where: str
    default: str | None = None
    dated: list[DatedCode] = field(default_factory=list)


def read_actors(path: Path, tabari: bool = False) -> tuple[list[ActorEntry], list[LoadWarning]]:
    """Read an actor file; malformed entries become warnings (with file and line)."""
    records: list[_Record] = []
    warnings: list[LoadWarning] = []
    section: str | None = None
    for line in iter_lines(path, semicolon=True):
        text = line.text.strip()
        section, skip = _section(text, section)
        if skip:
            continue
        try:
            _read_line(line, text, records)
        except EntryProblem as e:
            warnings.append(LoadWarning(line.where, str(e), text))
    entries = [_entry(r, tabari) for r in records if r.phrases]
    return entries, warnings


def _section(text: str, section: str | None) -> tuple[str | None, bool]:
    """Track TABARI ``<NOUN>``/``<ADJECTIVE>`` sections, whose lines are not actors."""
    tag = text.strip("<>/").upper()
    if text.startswith("<") and text.endswith(">") and tag in _SKIPPED_SECTIONS:
        return (None if text.startswith("</") else tag), True
    return section, section is not None


def _read_line(line: SourceLine, text: str, records: list[_Record]) -> None:
    if text.startswith("+"):
        _current(records, "synonym").phrases.append(_phrase_part(text[1:]))
        _add_codes(_current(records, "synonym"), text)
    elif text.startswith("["):
        _add_codes(_current(records, "date restriction"), text)
    else:
        record = _Record([_phrase_part(text)], line.where)
        if not record.phrases[0].strip():
            raise EntryProblem("actor line has no phrase before its code")
        _add_codes(record, text)
        records.append(record)


def _current(records: list[_Record], what: str) -> _Record:
    if not records:
        raise EntryProblem(f"{what} line before any actor phrase")
    return records[-1]


def _phrase_part(text: str) -> str:
    if text.count("[") != text.count("]"):
        raise EntryProblem("unbalanced [ ] in code")
    return text.split("[", 1)[0].strip()


def _add_codes(record: _Record, text: str) -> None:
    for content in _BRACKET.findall(text):
        code, dated = parse_code(content)
        if dated is None:
            record.default = code
        else:
            record.dated.append(dated)


def parse_code(content: str) -> tuple[str, DatedCode | None]:
    """``CODE`` or ``CODE restriction`` -> (code, DatedCode or None for a default)."""
    parts = content.split()
    if not parts:
        raise EntryProblem("empty code []")
    code, restriction = parts[0], "".join(parts[1:])
    if code[0].isdigit() or code[0] in "<>":
        raise EntryProblem(f"code block [{content}] has a date but no code")
    if not restriction:
        return code, None
    try:
        return code, _restriction(code, restriction)
    except ValueError as e:
        raise EntryProblem(f"bad date restriction in [{content}]: {e}") from e


def _restriction(code: str, text: str) -> DatedCode:
    if text.startswith("<"):
        return DatedCode(code, None, parse_date(text[1:]))
    if text.startswith(">"):
        return DatedCode(code, parse_date(text[1:]), None)
    if text.count("-") != 1:
        raise ValueError(f"{text!r} is not <date, >date or date-date")
    start, end = text.split("-")
    return DatedCode(code, parse_date(start), parse_date(end))


def _entry(record: _Record, tabari: bool) -> ActorEntry:
    kept = [p for p in record.phrases if split_phrase(p)]
    stem = tabari and not record.phrases[0].rstrip().endswith(("_", "="))
    gapped = tuple(tabari and " " in p.strip() for p in kept)
    return ActorEntry(tuple(split_phrase(p) for p in kept), record.default,
                      tuple(record.dated), record.where, stem, gapped)
