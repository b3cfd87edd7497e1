"""Registers as knowledge: ``data/coding/registers.yaml``.

A register is a kind of text that is not political news: sport, entertainment,
business and markets, science and technology. Each is named by its cues, words and
phrases a reader recognises it by ("semi-final", "box office", "pre-tax profits",
"telescope"); the cues of political news ("minister", "ceasefire") weigh against them.
:mod:`dyadwatch.coding.register` counts them in a document and says which register, if
any, the document is written in; the file also lists the state roles whose events are
kept in such a text. Loaded and layered with the other knowledge files
(:mod:`dyadwatch.kb.knowledge`; entries merge by ``id``) and part of the content hash of
``dictionary_version``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dyadwatch.ontology import is_cameo

REGISTERS_FILE = "coding/registers.yaml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CueListModel(_Model):
    """The cues of one register: single words (matched against a token's lower-case form
    or lemma) and phrases (matched word by word, in order)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    words: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    # roots never coded in a text of this register, whoever the source ("beat", "routed"
    # and "battled" in a match report are no force)
    withheld_roots: list[str] = Field(default_factory=list)
    note: str = ""

    @field_validator("words", "phrases")
    @classmethod
    def _lower(cls, cues: list[str]) -> list[str]:
        for cue in cues:
            if cue != cue.lower() or not cue.strip():
                raise ValueError(f"{cue!r}: cues are lower-case and not empty")
        return cues

    @field_validator("withheld_roots")
    @classmethod
    def _roots(cls, roots: list[str]) -> list[str]:
        for root in roots:
            if len(root) != 2 or not is_cameo(root):
                raise ValueError(f"{root!r} is not a two-digit CAMEO root")
        return roots


class RegistersFile(_Model):
    """``data/coding/registers.yaml``."""

    version: str
    registers: list[CueListModel] = Field(min_length=1)  # texts that are not political news
    news: list[CueListModel] = Field(min_length=1)  # the cues of political news
    # a document is in a register when it holds at least ``min_cues`` distinct cues of it
    # and at least ``news_ratio`` times as many as distinct cues of political news
    min_cues: int = Field(ge=1)
    news_ratio: float = Field(ge=0.0)
    # a document of at least this many tokens with no cue of political news at all is not
    # political news either, whatever its register cues: a crime, an accident, a celebrity
    unmarked_min_tokens: int = Field(ge=1)
    # role codes of state organs: in a text of a register, only events whose source is
    # one of them (with its country, named in the sentence) or an international body stay
    state_roles: list[str] = Field(min_length=1)
    note: str = ""

    @field_validator("state_roles")
    @classmethod
    def _role_codes(cls, roles: list[str]) -> list[str]:
        for role in roles:
            if len(role) != 3 or not role.isupper():
                raise ValueError(f"{role!r} is not a three-letter role code")
        return roles


NEWS = "news"  # the register name of political news in a document's cue counts


@dataclass(frozen=True, slots=True)
class Registers:
    """The cue index the register check reads: every word and phrase with the registers
    it is a cue of (political news as :data:`NEWS`)."""

    words: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word → (words, register)
    names: tuple[str, ...]  # the registers that are not political news, in file order
    withheld_roots: dict[str, frozenset[str]]
    min_cues: int
    news_ratio: float
    unmarked_min_tokens: int
    state_roles: frozenset[str]


def build_registers(document: RegistersFile) -> Registers:
    """The cue index of a validated file."""
    lists = [*((entry, entry.id) for entry in document.registers),
             *((entry, NEWS) for entry in document.news)]
    words: dict[str, list[str]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entry, name in lists:
        for cue in (*entry.words, *entry.phrases):
            parts = cue_parts(cue)
            if len(parts) == 1 or " " not in cue:
                _add(words, cue, name)  # "re-election" may stay one token
            if len(parts) > 1:
                phrases.setdefault(parts[0], []).append((parts, name))
    return Registers(
        words={word: tuple(names) for word, names in words.items()},
        phrases={first: tuple(found) for first, found in phrases.items()},
        names=tuple(entry.id for entry in document.registers),
        withheld_roots={entry.id: frozenset(entry.withheld_roots)
                        for entry in document.registers},
        min_cues=document.min_cues, news_ratio=document.news_ratio,
        unmarked_min_tokens=document.unmarked_min_tokens,
        state_roles=frozenset(document.state_roles))


def cue_parts(cue: str) -> tuple[str, ...]:
    """The tokens a cue is written in: words, with a hyphen inside a word a token of its
    own, as the tokenizer splits it ("semi-final" → semi, -, final)."""
    return tuple(part for word in cue.split() for part in re.split(r"(?<=\w)(-)(?=\w)", word)
                 if part)


def _add(index: dict[str, list[str]], word: str, name: str) -> None:
    names = index.setdefault(word, [])
    if name not in names:
        names.append(name)
