"""Verb dictionaries: synsets, verb blocks, verb forms, patterns and transformations.

Both the PETRARCH layout (``--- NAME [code] ---`` blocks, ``&SYNSET`` lists) and the
TABARI ``.verbs`` layout (one verb line per block, ``<SYNSETS>``/``<TIME>`` sections,
``{ A | B }`` alternatives) are read into the same :class:`VerbBlock` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.petrarch.actors import EntryProblem
from dyadwatch.petrarch.entries import LoadWarning, Pattern, Transformation, VerbBlock, VerbForm
from dyadwatch.petrarch.lines import SourceLine, iter_lines
from dyadwatch.petrarch.pattern_syntax import parse_pattern
from dyadwatch.petrarch.synsets import Synsets
from dyadwatch.petrarch.words import split_phrase, verb_forms

_HEADER = re.compile(r"^-{3,}\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\].*)?$")
_FORM = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<irregular>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*$")
NULL_CODE = "---"


@dataclass(slots=True)
class _RawBlock:
    name: str
    code: str
    where: str
    forms: list[SourceLine] = field(default_factory=list)
    patterns: list[SourceLine] = field(default_factory=list)


@dataclass(slots=True)
class _Reading:
    """State while reading one verb file."""

    tabari: bool
    synsets: Synsets = field(default_factory=Synsets)
    blocks: list[_RawBlock] = field(default_factory=list)
    transformations: list[Transformation] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    mode: str = "block"  # "synset" while + lines extend a synset
    section: str | None = None


def read_verbs(path: Path, tabari: bool = False
               ) -> tuple[list[VerbBlock], list[Transformation], list[LoadWarning]]:
    """Read a verb dictionary; malformed entries become warnings (with file and line)."""
    state = _Reading(tabari)
    for line in iter_lines(path, semicolon=True):
        try:
            _read_line(state, line, line.text.strip())
        except EntryProblem as e:
            state.warnings.append(LoadWarning(line.where, str(e), line.text.strip()))
    blocks = [b for b in (_compile_block(state, raw) for raw in state.blocks) if b is not None]
    return blocks, state.transformations, state.warnings


def _read_line(state: _Reading, line: SourceLine, text: str) -> None:
    if _read_section(state, text) or state.section == "TIME":
        return
    if text.startswith("&"):
        state.mode = "synset"
        state.synsets.start(text, line.where)
    elif text.startswith("+") and state.mode == "synset":
        state.synsets.add(text[1:], line.where)
    elif text.startswith("---"):
        _start_block(state, line, text)
    elif text.startswith("-"):
        _current_block(state, line).patterns.append(line)
    elif text.startswith("~"):
        state.transformations.append(Transformation(text, line.where))
    else:
        _read_form_line(state, line, text)


def _read_section(state: _Reading, text: str) -> bool:
    """TABARI ``<SYNSETS>``/``<TIME>`` sections; True when the line was a section tag."""
    if not (text.startswith("<") and text.endswith(">")):
        return False
    state.section = None if text.startswith("</") else text.strip("<>").upper()
    return True


def _start_block(state: _Reading, line: SourceLine, text: str) -> None:
    match = _HEADER.match(text)
    if match is None or not match.group("name").strip("- "):
        raise EntryProblem("verb block header is not '--- NAME [CODE] ---'")
    code = (match.group("code") or NULL_CODE).strip() or NULL_CODE
    state.blocks.append(_RawBlock(match.group("name").strip("- "), code, line.where))
    state.mode = "block"


def _current_block(state: _Reading, line: SourceLine) -> _RawBlock:
    if not state.blocks:
        raise EntryProblem("pattern line before any verb")
    return state.blocks[-1]


def _read_form_line(state: _Reading, line: SourceLine, text: str) -> None:
    state.mode = "block"
    if text.startswith("{"):
        _current_block(state, line).forms.append(line)
        return
    if state.tabari or not state.blocks:
        match = _FORM.match(text)
        if match is None:
            raise EntryProblem("verb line is not 'VERB {FORMS} [CODE]'")
        name = match.group("phrase").strip().lstrip("+")
        code = (match.group("code") or NULL_CODE).strip()
        state.blocks.append(_RawBlock(name, code, line.where))
    state.blocks[-1].forms.append(line)


def _compile_block(state: _Reading, raw: _RawBlock) -> VerbBlock | None:
    forms = [f for f in (_compile_form(state, raw, line) for line in raw.forms) if f is not None]
    if not forms:
        state.warnings.append(LoadWarning(raw.where, f"verb block {raw.name!r} has no verbs", ""))
        return None
    patterns = []
    for number, line in enumerate(raw.patterns, start=1):
        try:
            patterns.append(_compile_pattern(state, raw, number, line))
        except EntryProblem as e:
            state.warnings.append(LoadWarning(line.where, str(e), line.text.strip()))
    return VerbBlock(raw.name, raw.code, tuple(forms), tuple(patterns), raw.where)


def _compile_pattern(state: _Reading, raw: _RawBlock, number: int,
                     line: SourceLine) -> Pattern:
    match = _PATTERN.match(line.text.strip())
    if match is None:
        raise EntryProblem("pattern has no [CODE]")
    return parse_pattern(match.group("body"), match.group("code").strip(), f"{raw.name}#{number}",
                         line.where, state.synsets, state.tabari)


def _compile_form(state: _Reading, raw: _RawBlock, line: SourceLine) -> VerbForm | None:
    text = line.text.strip()
    if text.startswith("{"):
        return _irregular_only(state, raw, text)
    match = _FORM.match(text)
    if match is None:
        reason = "verb line is not 'VERB {FORMS} [CODE]'"
        state.warnings.append(LoadWarning(line.where, reason, text))
        return None
    code = match.group("code").strip() if match.group("code") else None
    return make_form(match.group("phrase"), match.group("irregular") or "", code, state.tabari)


def _irregular_only(state: _Reading, raw: _RawBlock, text: str) -> VerbForm | None:
    """A TABARI ``{ FORMS }`` line: more spellings for the block's verb."""
    if not raw.forms or raw.forms[0].text.strip().startswith("{"):
        return None
    first = _FORM.match(raw.forms[0].text.strip())
    if first is None:
        return None
    return make_form(first.group("phrase"), text.strip("{} "), None, state.tabari)


def make_form(phrase: str, irregular: str, code: str | None, tabari: bool) -> VerbForm:
    """A verb form from ``WORD``, ``WORD_PARTICLE`` or ``PRE_+WORD`` and its irregular forms."""
    words, head = _head_words(phrase)
    base = words[head]
    stem = tabari  # TABARI verbs take their regular endings, with or without a final "_"
    spellings = {base} if tabari else verb_forms(base)
    for other in irregular.split():
        other_words, other_head = _head_words(other)
        if other_words:
            spellings.add(other_words[min(other_head, len(other_words) - 1)])
    positions: list[tuple[str, ...]] = [(w,) for w in words]
    positions[head] = tuple(sorted(spellings))
    return VerbForm(tuple(positions), head, code, base, stem)


def _head_words(phrase: str) -> tuple[list[str], int]:
    """Words of a verb phrase and the index of the one marked ``+`` (default: the first)."""
    words: list[str] = []
    head = 0
    for chunk in phrase.replace("_", " ").split():
        if chunk.startswith("+") and words:
            head = len(words)
        words.extend(split_phrase(chunk.lstrip("+")))
    return words, head
