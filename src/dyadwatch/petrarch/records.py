"""Validation suites: PETRARCH ``<Sentence>`` XML records and TABARI ``Validate.text``."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dyadwatch.errors import DictionaryError
from dyadwatch.petrarch.dictionaries import DictionaryFiles, find_files
from dyadwatch.petrarch.lines import read_text
from dyadwatch.petrarch.tabari import read_project
from dyadwatch.petrarch.words import parse_date

Outcome = Literal["events", "noevents", "discard", "error", "option"]
Triple = tuple[str, str, str]

_SENTENCE_OR_CONFIG = re.compile(
    r"<Sentence\b([^>]*)>(.*?)</Sentence>|<Config\b([^>]*)>", re.S)
_ATTR = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ENV = re.compile(r"<(\w+file)>\s*(.*?)\s*</\1>", re.S | re.I)
# <Environment> tags naming dictionaries, and whether coding needs them; other *file tags
# (an <Errorfile> PETRARCH writes, a PICO or issue file) are not read by the validation.
_ENV_PARTS: dict[str, tuple[str, bool]] = {
    "verbfile": ("verbs", True), "actorfile": ("actors", True),
    "agentfile": ("agents", False), "discardfile": ("discards", False),
}
_ENV_OUTPUTS = frozenset({"errorfile", "outputfile", "eventfile"})
_INCLUDE = re.compile(r"<Include>(.*?)</Include>", re.S)
_TABARI_HEAD = re.compile(r"^(\d{6})\s+([A-Za-z][\w.-]*)(?:\s+\S+)?\s*$")
_EXPECT = re.compile(r"(-?)\{([^}]*)\}")
_OPTION = re.compile(r"\{\s*OPTION\s*:([^}\n]*)")
_DISCARD_ERRORS = {"storydiscard", "sentencediscard"}

logger = logging.getLogger("dyadwatch.petrarch")


@dataclass(frozen=True, slots=True)
class ValidationRecord:
    """One test sentence with what it should (and may) produce."""

    id: str
    category: str
    date: str | None  # ISO
    text: str
    outcome: Outcome
    expected: tuple[Triple, ...] = ()
    optional: tuple[Triple, ...] = ()
    options: tuple[str, ...] = ()  # TABARI option commands of an "option" record


@dataclass(frozen=True, slots=True)
class ValidationSuite:
    kind: Literal["petrarch", "tabari"]
    path: Path
    files: DictionaryFiles
    records: tuple[ValidationRecord, ...]
    include: frozenset[str] | None = None  # categories the suite itself runs
    options: Path | None = None  # TABARI .options file named by the project


def read_suite(path: Path) -> ValidationSuite:
    """Read a PETRARCH XML or TABARI text validation suite, told apart by content."""
    text = read_text(path)
    if "<Sentence" in text:
        return _petrarch_suite(path, text)
    if any(_TABARI_HEAD.match(line.strip()) for line in text.splitlines()):
        return _tabari_suite(path, text)
    raise DictionaryError(path=str(path), detail=(
        "is neither a PETRARCH <Sentence> XML suite nor a TABARI Validate.text suite"))


def _petrarch_suite(path: Path, text: str) -> ValidationSuite:
    head = text.split("</Environment>", 1)[0]
    env = environment_files(path, head)
    if not env.get("verbs"):
        raise DictionaryError(path=str(path), detail="<Environment> names no <Verbfile>")
    files = DictionaryFiles("petrarch", verbs=env["verbs"][0], actors=env.get("actors", []),
                            agents=_first(env.get("agents")),
                            discards=_first(env.get("discards")))
    include = _INCLUDE.search(text)
    categories = frozenset(include.group(1).split()) if include else None
    body = text.split("</Environment>", 1)[-1]
    records = tuple(_petrarch_entry(match, n) for n, match in
                    enumerate(_SENTENCE_OR_CONFIG.finditer(body)))
    return ValidationSuite("petrarch", path, files, records, categories)


def environment_files(path: Path, head: str) -> dict[str, list[Path]]:
    """The dictionary files an ``<Environment>`` names, by part, relative to ``path``.

    A tag may name several files separated by commas, as PETRARCH's ``actorfile_list``
    does. A verb or actor file that is not there is an error (DictionaryError); an
    absent agent or discard file, or any other file the validation does not read, is
    skipped with a warning.
    """
    found: dict[str, list[Path]] = {}
    for tag, value in _ENV.findall(head):
        tag = tag.lower()
        if tag in _ENV_OUTPUTS:
            continue
        part, needed = _ENV_PARTS.get(tag, ("", False))
        for name in split_file_list(value):
            candidate = path.parent / name
            if candidate.is_file() and part:
                found.setdefault(part, []).append(candidate)
            elif not candidate.is_file() and needed:
                raise DictionaryError(path=str(candidate), detail=(
                    f"named by <{tag.capitalize()}> in {path.name} but not found; "
                    "put it beside the records file or correct the name"))
            elif not candidate.is_file():
                logger.warning("%s: <%s> names %s, which is not there; skipped (the "
                               "validation does not need it)", path, tag.capitalize(),
                               candidate)
    return found


def split_file_list(value: str) -> list[str]:
    """File names of a comma-separated list (PETRARCH's ``actorfile_list`` form)."""
    return [name.strip() for name in value.split(",") if name.strip()]


def _first(paths: list[Path] | None) -> Path | None:
    return paths[0] if paths else None


def _petrarch_entry(match: re.Match[str], index: int) -> ValidationRecord:
    """A ``<Sentence>`` record, or an option record for a ``<Config>`` between records."""
    if match.group(3) is None:
        return _petrarch_record(match.group(1), match.group(2))
    attrs = _attrs(match.group(3))
    command = f"{attrs.get('option', '')}={attrs.get('value', '')}"
    return ValidationRecord(f"CONFIG-{index}", "CONFIG", None, "", "option",
                            options=(command,))


def _attrs(text: str) -> dict[str, str]:
    return {k.lower(): (a if a or not b else b) for k, a, b in _ATTR.findall(text)}


def _petrarch_record(attr_text: str, body: str) -> ValidationRecord:
    attrs = _attrs(attr_text)
    codings = [_attrs(c) for c in _CODING.findall(body)]
    text_match = _TEXT.search(body)
    text = " ".join(text_match.group(1).split()) if text_match else ""
    date = attrs.get("date", "")
    iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else None
    expected = tuple((c["sourcecode"].strip('"'), c["targetcode"].strip('"'), c["eventcode"])
                     for c in codings if "eventcode" in c)
    return ValidationRecord(attrs.get("id", "?"), attrs.get("category", "?"), iso, text,
                            _petrarch_outcome(codings), expected)


def _petrarch_outcome(codings: list[dict[str, str]]) -> Outcome:
    for coding in codings:
        if coding.get("noevents", "").lower() == "true":
            return "noevents"
        if "error" in coding:
            return "discard" if coding["error"].lower() in _DISCARD_ERRORS else "error"
    return "events" if codings else "noevents"


def _tabari_suite(path: Path, text: str) -> ValidationSuite:
    projects = sorted(path.parent.glob("*.project"))
    if not projects:
        raise DictionaryError(path=str(path), detail=(
            "is a TABARI suite but its folder has no .project file naming the dictionaries"))
    records = tuple(_tabari_record(head, body) for head, body in _tabari_chunks(text))
    options = read_project(projects[0]).file("optionsfile")
    return ValidationSuite("tabari", path, find_files(projects[0]), records, None,
                           options if options is not None and options.is_file() else None)


def _tabari_chunks(text: str) -> list[tuple[re.Match[str], list[str]]]:
    chunks: list[tuple[re.Match[str], list[str]]] = []
    for line in text.replace("\r", "").splitlines():
        head = _TABARI_HEAD.match(line.strip())
        if head is not None:
            chunks.append((head, []))
        elif chunks:
            chunks[-1][1].append(line)
    return chunks


def _tabari_record(head: re.Match[str], lines: list[str]) -> ValidationRecord:
    body = "\n".join(lines)
    sentence, _, comment = body.partition("/*")
    comment = comment.split("*/")[0]
    record_id = head.group(2)
    category = record_id.split("-")[0].upper()
    expected, optional, outcome = _tabari_expectations(comment)
    options = tuple(o.strip() for o in _OPTION.findall(comment))
    return ValidationRecord(record_id, category, _tabari_date(head.group(1)),
                            " ".join(sentence.split()), "option" if options else outcome,
                            expected, optional, options)


def _tabari_date(yymmdd: str) -> str | None:
    try:
        date = str(parse_date(yymmdd))
    except ValueError:
        return None
    return f"{date[:4]}-{date[4:6]}-{date[6:]}"


def _tabari_expectations(comment: str) -> tuple[tuple[Triple, ...], tuple[Triple, ...], Outcome]:
    expected: list[Triple] = []
    optional: list[Triple] = []
    outcome: Outcome = "noevents"
    for dash, content in _EXPECT.findall(comment):
        inner = content.strip()
        if inner.upper().startswith("OPTION"):
            return (), (), "option"
        if inner == "###":
            outcome = "discard"
        parts = [p.strip() for p in inner.split("/")]
        if len(parts) == 3:
            (optional if dash else expected).append((parts[0], parts[1], parts[2]))
    if expected:
        outcome = "events"
    return tuple(expected), tuple(optional), outcome
