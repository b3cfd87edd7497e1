"""TABARI coding settings: the ``.options`` commands that change how sentences are coded.

TABARI reads ``SET:``, ``DEFAULT:``, ``COMPLEX:``, ``FORWARD:`` and ``COMMA:`` commands from
its ``.options`` file, and its validation suite switches them mid-file with
``{ OPTION: ... }`` records. :func:`apply_option` folds one command into a
:class:`TabariSettings` value; unknown commands leave the settings unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

CodeBy = Literal["clause", "sentence", "all"]
_BRACKET_CODE = re.compile(r"\[([^\]]*)\]")
_LIMIT = re.compile(r"(VERBS|CONJ|ACTORS)\s*\[\s*(\d+)\s*\]", re.IGNORECASE)
_COMMA_VALUE = re.compile(r"\b(B?E?MIN|B?E?MAX)\s*=\s*(\d+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CommaLimits:
    """Inclusive word counts of comma-delimited clauses TABARI skips.

    Internal clauses (between two commas) of ``low``..``high`` words, end clauses (last
    comma to the end) of ``end_low``..``end_high`` and beginning clauses (start to the first
    comma) of ``begin_low``..``begin_high``; TABARI's defaults never skip a beginning clause.
    """

    low: int = 2
    high: int = 10
    end_low: int = 2
    end_high: int = 10
    begin_low: int = 255
    begin_high: int = 0


@dataclass(frozen=True, slots=True)
class TabariSettings:
    """How TABARI codes: which verbs count, default actors and complexity limits.

    ``code_by``: stop after the first event of a clause, of the sentence, or code all verbs.
    ``default_source``/``default_target``: codes used when no actor is found; with
    ``default_prior`` the source must precede the verb, with ``default_after`` the target
    must follow it. ``convert_agent``: an agent without an actor is coded ``~AGENT``.
    ``complex_verbs``/``complex_conj``: sentences with at least that many verbs or
    clause conjunctions are complex (not coded); ``no_actor_prior``: a sentence whose first
    verb has no actor before it is complex. ``minimum_words``: shorter sentences are not
    coded. ``forward``: pronouns may refer to actors of earlier sentences of the story.
    ``comma``: word limits of the comma-delimited clauses that are skipped (None: off).
    """

    code_by: CodeBy = "clause"
    default_source: str | None = None
    default_target: str | None = None
    default_prior: bool = False
    default_after: bool = False
    convert_agent: bool = False
    complex_verbs: int | None = None
    complex_conj: int | None = None
    no_actor_prior: bool = False
    minimum_words: int = 0
    forward: bool = False
    comma: CommaLimits | None = field(default_factory=lambda: CommaLimits())


def apply_options(settings: TabariSettings, commands: list[str]) -> TabariSettings:
    """``settings`` after each command in turn."""
    for command in commands:
        settings = apply_option(settings, command)
    return settings


def apply_option(settings: TabariSettings, command: str) -> TabariSettings:
    """``settings`` changed by one ``.options`` command (``SET: CODE ALL``, ``DEFAULT: OFF`` …)."""
    name, _, rest = command.partition(":")
    key = name.strip().upper()
    rest = " ".join(rest.upper().split())
    if key == "OPTION":
        return apply_option(settings, rest)
    handler = _HANDLERS.get(key)
    return handler(settings, rest) if handler is not None else settings


def _set(settings: TabariSettings, rest: str) -> TabariSettings:
    if rest.startswith("CODE"):
        code_by: CodeBy = ("sentence" if "SEN" in rest else "all" if "ALL" in rest
                           else "clause")
        return replace(settings, code_by=code_by)
    name, _, value = rest.partition("=")
    name, value = " ".join(name.split()), value.strip()
    if name == "CONVERT AGENT":
        return replace(settings, convert_agent=value.startswith("T"))
    if name == "MINIMUM WORDS" and value.split() and value.split()[0].isdigit():
        return replace(settings, minimum_words=int(value.split()[0]))
    return settings


def _default(settings: TabariSettings, rest: str) -> TabariSettings:
    if rest.startswith("OFF"):
        return replace(settings, default_source=None, default_target=None,
                       default_prior=False, default_after=False)
    source, target = _default_codes(rest)
    return replace(settings, default_source=source, default_target=target,
                   default_prior=" PRIOR" in f" {rest}", default_after=" AFTER" in f" {rest}")


def _default_codes(rest: str) -> tuple[str | None, str | None]:
    source = target = None
    for match in re.finditer(r"(SOURCE|TARGET)\s*\[([^\]]*)\]", rest):
        if match.group(1) == "SOURCE":
            source = match.group(2).strip() or None
        else:
            target = match.group(2).strip() or None
    return source, target


def _complex(settings: TabariSettings, rest: str) -> TabariSettings:
    limits = {k.upper(): int(v) for k, v in _LIMIT.findall(rest)}
    return replace(settings, complex_verbs=limits.get("VERBS"), complex_conj=limits.get("CONJ"),
                   no_actor_prior="NOACTPRIOR" in rest)


def _forward(settings: TabariSettings, rest: str) -> TabariSettings:
    return replace(settings, forward=not rest.rstrip().endswith("OFF"))


def _comma(settings: TabariSettings, rest: str) -> TabariSettings:
    if rest.startswith("OFF"):
        return replace(settings, comma=None)
    values = {k.upper(): int(v) for k, v in _COMMA_VALUE.findall(rest)}
    base = settings.comma or CommaLimits()
    limits = CommaLimits(values.get("MIN", base.low), values.get("MAX", base.high),
                         values.get("EMIN", base.end_low), values.get("EMAX", base.end_high),
                         values.get("BMIN", base.begin_low), values.get("BMAX", base.begin_high))
    return replace(settings, comma=limits)


_HANDLERS = {"SET": _set, "DEFAULT": _default, "COMPLEX": _complex, "FORWARD": _forward,
             "COMMA": _comma}


@dataclass(frozen=True, slots=True)
class PetrarchSettings:
    """PETRARCH ``<Config option=… value=…>`` settings that change how sentences are coded.

    ``require_dyad``: an event needs both a source and a target; when False an event with
    only one of them is coded with ``---`` for the other. ``new_actor_length``: a noun
    phrase of at most that many words with no dictionary actor may stand for a source or
    target, coded by its own words (0: off).
    """

    require_dyad: bool = True
    new_actor_length: int = 0


def apply_config(settings: PetrarchSettings, option: str, value: str) -> PetrarchSettings:
    """``settings`` changed by one PETRARCH ``<Config>`` option; unknown options are ignored."""
    name = option.strip().lower()
    text = value.strip().lower()
    if name == "require_dyad":
        return replace(settings, require_dyad=text not in ("false", "0", "no"))
    if name == "new_actor_length" and text.isdigit():
        return replace(settings, new_actor_length=int(text))
    return settings


def apply_configs(settings: PetrarchSettings, commands: list[str]) -> PetrarchSettings:
    """``settings`` after each ``option=value`` command in turn."""
    for command in commands:
        option, _, value = command.partition("=")
        settings = apply_config(settings, option, value)
    return settings
