"""Agent dictionaries: ``PHRASE {PLURALS} [~CODE]`` with ``!MACRO! = A, B`` substitutions.

``~CODE`` is appended to the actor code, ``CODE~`` put before it. Regular plurals
are generated unless ``{}`` lists the plurals (an empty ``{}``: none).
"""

from __future__ import annotations

import re
from pathlib import Path

from dyadwatch.petrarch.actors import EntryProblem
from dyadwatch.petrarch.entries import AgentEntry, LoadWarning
from dyadwatch.petrarch.lines import SourceLine, iter_lines
from dyadwatch.petrarch.words import phrase_with_plural, split_phrase

_MACRO_DEF = re.compile(r"^\s*(![A-Z_]+!)\s*=\s*(.+)$", re.IGNORECASE)
_MACRO_USE = re.compile(r"![A-Z_]+!", re.IGNORECASE)
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")


def read_agents(path: Path, tabari: bool = False) -> tuple[list[AgentEntry], list[LoadWarning]]:
    """Read an agent file; malformed entries become warnings (with file and line)."""
    macros: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    warnings: list[LoadWarning] = []
    for line in iter_lines(path, semicolon=True):
        text = line.text.strip()
        try:
            if not _read_macro(text, macros):
                entries.append(_read_agent(line, text, macros, tabari))
        except EntryProblem as e:
            warnings.append(LoadWarning(line.where, str(e), text))
    return entries, warnings


def _read_macro(text: str, macros: dict[str, list[str]]) -> bool:
    match = _MACRO_DEF.match(text)
    if match is None:
        return False
    macros[match.group(1).upper()] = [w.strip().upper() for w in match.group(2).split(",")]
    return True


def _read_agent(line: SourceLine, text: str, macros: dict[str, list[str]],
                tabari: bool) -> AgentEntry:
    match = _AGENT.match(text)
    if match is None:
        raise EntryProblem("agent line is not 'PHRASE {PLURALS} [~CODE]'")
    code, prefix = _agent_code(match.group("code"))
    phrase = match.group("phrase").strip()
    phrases = _phrases(phrase, match.group("plurals"), macros)
    stem = tabari and not phrase.endswith("_")
    return AgentEntry(tuple(phrases), code, prefix, line.where, stem)


def _agent_code(content: str) -> tuple[str, bool]:
    code = content.replace(" ", "")
    if not code.strip("~"):
        raise EntryProblem("agent has an empty code")
    if code.endswith("~") and not code.startswith("~"):
        return code[:-1], True
    return code.lstrip("~"), False


def _phrases(phrase: str, plurals: str | None,
             macros: dict[str, list[str]]) -> list[tuple[str, ...]]:
    expanded = _expand_macros(phrase.upper(), macros)
    if expanded != [phrase.upper()]:
        return [split_phrase(p) for p in expanded]
    words = split_phrase(phrase)
    if not words:
        raise EntryProblem("agent has no phrase")
    if plurals is None:
        return phrase_with_plural(words)
    return [words, *(split_phrase(p) for p in plurals.split() if split_phrase(p))]


def _expand_macros(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    match = _MACRO_USE.search(phrase)
    if match is None:
        return [phrase]
    name = match.group(0).upper()
    if name not in macros:
        raise EntryProblem(f"unknown substitution marker {name}; define it as {name} = A, B")
    out: list[str] = []
    for value in macros[name]:
        out.extend(_expand_macros(phrase[: match.start()] + value + phrase[match.end():], macros))
    return out
