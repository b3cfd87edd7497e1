"""The actor knowledge base: countries, capital metonyms, IGOs, armed groups, people, roles.

The shipped dictionary is the five YAML files in ``data/actors/`` (format in
docs/dictionaries.md). Every entry has an ``id`` and, where useful, a ``note``.

Surface forms and case: an all-caps form of up to six letters ("US", "U.S.", "UN",
"EU", "IS", "NATO", "DPRK") is case-sensitive, and so are people's names ("Trump",
"Craft", "Gallant") and names that are also lower-case English words ("Turkey",
"Chad", "China", "Pentagon"); every other form matches whatever its case. "IS"
(Islamic State) is kept, case-sensitive, because news bodies use it constantly; only
all-caps headlines collide with it.

Shared forms: when two entries claim the same surface form, the more specific kind
wins (person, group, igo, metonym, country), then the smaller entry id. The
shipped data avoids shared forms; tests pin the few that remain.

A person's role on a day is the spell that covers it (the latest-starting one when
several do); with no day, the latest spell, unless the text's title names another
(``ActorEntry.actor_as``). A day no spell covers gives no actor: unknown stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dyadwatch.errors import DictionaryError
from dyadwatch.kb.lexicon import Lexicon
from dyadwatch.model import Actor

FILES: tuple[str, ...] = (
    "countries.yaml", "igos.yaml", "groups.yaml", "roles.yaml", "people.yaml",
)
KIND_ORDER: tuple[str, ...] = ("person", "group", "igo", "metonym", "country")
CODE_PATTERN = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
ROLE_PATTERN = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SHORT_CAPS = re.compile(r"^(?:[A-Z]\.?){1,6}$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """One office held over a date range; ``None`` bounds are open."""

    code: str
    title: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry; ``id`` is ``<kind>:<slug>`` ("country:USA", "person:donald-trump")."""

    id: str
    kind: str  # country | metonym | igo | group | person
    names: tuple[str, ...]
    code: str | None
    country: str | None
    roles: tuple[RoleSpell, ...] = ()
    note: str = ""

    def actor_on(self, day: date | None) -> Actor | None:
        """The actor this entry stands for on ``day`` (persons: the role held that day)."""
        if not self.roles:
            return None if self.code is None else self._actor(self.code)
        spell = _spell_on(self.roles, day)
        return None if spell is None else self._actor(spell.code)

    def actor_as(self, code: str, country: str | None) -> Actor | None:
        """The actor of this entry's latest spell coded ``code``, else of its latest spell in
        the same sector ("GBROPP" finds a GBROPP spell, "GOV" of no country a GBRGOV one):
        for a text with no date whose title says which office it means."""
        spells = sorted(self.roles, key=lambda r: r.start or date.min, reverse=True)
        sector = sector_of(code, country)
        spell = next((r for r in spells if r.code == code), None) or next(
            (r for r in spells if sector and sector_of(r.code, self.country) == sector), None)
        return None if spell is None else self._actor(spell.code)

    def _actor(self, code: str) -> Actor:
        """A person's country goes with codes of that country only (not IGO or group posts)."""
        country = self.country
        if self.kind == "person" and not (country and code.startswith(country)):
            country = None
        return Actor(code=code, country=country, name=self.names[0], rule=f"actor:{self.id}")


def sector_of(code: str, country: str | None) -> str:
    """The sector part of a code ("GBROPP" of GBR → "OPP"; "GOV" of no country → "GOV")."""
    if country and code.startswith(country):
        return code[len(country):]
    return "" if country else code


def _spell_on(roles: tuple[RoleSpell, ...], day: date | None) -> RoleSpell | None:
    candidates = roles if day is None else tuple(r for r in roles if r.covers(day))
    if not candidates:
        return None
    return max(candidates, key=lambda r: r.start or date.min)


# surface forms split into words as the phrase matchers match them: (words, case-sensitive,
# entry id), in the order of ActorDictionary.surface_forms
ActorPatterns = tuple[tuple[tuple[str, ...], bool, str], ...]


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """Every entry plus the demonym and role-word tables, indexed by surface form."""

    version: str
    entries: dict[str, ActorEntry]
    demonyms: dict[str, str]  # lower-case adjective / plural noun → country code
    roles: dict[str, str]  # lower-case lemma or phrase → role code
    # names that are also lower-case English words (words.yaml: case_sensitive_names)
    case_sensitive: frozenset[str] = frozenset()
    _exact: dict[str, str] = field(init=False, repr=False, compare=False)
    _folded: dict[str, str] = field(init=False, repr=False, compare=False)
    # the last words of the demonyms of two words or more ("korean" of "south korean")
    _demonym_ends: frozenset[str] = field(init=False, repr=False, compare=False)
    # role_of and country_of_demonym answers by the word asked (a text asks for the same
    # words again and again), emptied when they reach ANSWERS_KEPT
    _roles_asked: dict[str, str | None] = field(init=False, repr=False, compare=False)
    _demonyms_asked: dict[str, str | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        exact, folded = _index_forms(self.entries, self.case_sensitive)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_folded", folded)
        object.__setattr__(self, "_demonym_ends", frozenset(
            key.rsplit(" ", 1)[1] for key in self.demonyms if " " in key))
        object.__setattr__(self, "_roles_asked", {})
        object.__setattr__(self, "_demonyms_asked", {})

    def surface_forms(self) -> Iterator[tuple[str, bool, str]]:
        """(form, case_sensitive, entry_id) for every form, each form once (its winner)."""
        seen: set[tuple[bool, str]] = set()
        for entry in self.entries.values():
            for name in entry.names:
                sensitive, key = _form_key(name, entry.kind, self.case_sensitive)
                owner = (self._exact if sensitive else self._folded).get(key)
                if owner == entry.id and (sensitive, key) not in seen:
                    seen.add((sensitive, key))
                    yield normalise(name), sensitive, entry.id

    def entry_for(self, text: str) -> ActorEntry | None:
        """The entry whose surface form is exactly ``text`` (case rules in the module doc)."""
        form = normalise(text)
        entry_id = self._exact.get(form) or self._folded.get(form.lower())
        return None if entry_id is None else self.entries[entry_id]

    def role_of(self, lemma: str) -> str | None:
        asked = self._roles_asked  # most words were asked before: answered without a call
        return asked[lemma] if lemma in asked else _kept_answer(asked, lemma, self.roles)

    def country_of_demonym(self, word: str) -> str | None:
        asked = self._demonyms_asked
        return asked[word] if word in asked else _kept_answer(asked, word, self.demonyms)

    def country_of_demonym_pair(self, first: str, second: str) -> str | None:
        """``country_of_demonym(f"{first} {second}")``, answered at once when two words of
        letters cannot be a demonym because the second ends none (most pairs of words)."""
        if first.isalpha() and second.isalpha() and second.lower() not in self._demonym_ends:
            return None
        return self.country_of_demonym(f"{first} {second}")

    def shared_forms(self) -> dict[str, tuple[str, ...]]:
        """Forms claimed by more than one entry → the claimants, winner first."""
        return _shared_forms(self.entries, self.case_sensitive)


ANSWERS_KEPT = 50_000  # words whose role or demonym answer an ActorDictionary keeps


def _kept_answer(asked: dict[str, str | None], word: str, table: dict[str, str]) -> str | None:
    """``table``'s entry for ``word`` (normalised, lower case), kept in ``asked``, which is
    emptied when it reaches ANSWERS_KEPT words."""
    if word not in asked:
        if len(asked) >= ANSWERS_KEPT:
            asked.clear()
        asked[word] = table.get(normalise(word).lower())
    return asked[word]


def normalise(text: str) -> str:
    """Collapse white space and straighten quotes; case is kept."""
    if text.isalpha() or _letter_pair(text):  # most words and word pairs: nothing to do
        return text
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-")
    return _SPACES.sub(" ", text).strip()


def _letter_pair(text: str) -> bool:
    """Two words of letters only, one space apart ("South Korean")."""
    first, space, second = text.partition(" ")
    return bool(space) and first.isalpha() and second.isalpha()


def is_case_sensitive(form: str, kind: str = "", common: frozenset[str] = frozenset()) -> bool:
    """People's names, short all-caps acronyms, and names that are also English words
    (``common``, lower case)."""
    compact = form.replace(" ", "")
    return kind == "person" or bool(_SHORT_CAPS.match(compact)) or form.lower() in common


def _claim_order(entries: dict[str, ActorEntry]) -> list[ActorEntry]:
    return sorted(entries.values(), key=lambda e: (KIND_ORDER.index(e.kind), e.id))


def _form_key(name: str, kind: str, common: frozenset[str]) -> tuple[bool, str]:
    form = normalise(name)
    sensitive = is_case_sensitive(form, kind, common)
    return sensitive, form if sensitive else form.lower()


def _index_forms(entries: dict[str, ActorEntry],
                 common: frozenset[str]) -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for entry in _claim_order(entries):
        for name in entry.names:
            sensitive, key = _form_key(name, entry.kind, common)
            (exact if sensitive else folded).setdefault(key, entry.id)
    return exact, folded


def _shared_forms(entries: dict[str, ActorEntry],
                  common: frozenset[str]) -> dict[str, tuple[str, ...]]:
    claims: dict[tuple[bool, str], list[str]] = {}
    for entry in _claim_order(entries):
        for name in entry.names:
            owners = claims.setdefault(_form_key(name, entry.kind, common), [])
            if entry.id not in owners:
                owners.append(entry.id)
    return {key: tuple(ids) for (_, key), ids in claims.items() if len(ids) > 1}


# ---------------------------------------------------------------- file schemas


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RoleModel(_Model):
    code: str = Field(pattern=CODE_PATTERN.pattern)
    title: str
    start: date | None = None
    end: date | None = None


class CountryModel(_Model):
    id: str = Field(pattern=r"^[A-Z]{3}$")
    names: list[str] = Field(min_length=1)
    country: str | None = Field(pattern=r"^[A-Z]{3}$")
    demonyms: list[str] = Field(default_factory=list)
    note: str = ""


class NamedModel(_Model):
    """A metonym, IGO or armed group: names and one code."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    names: list[str] = Field(min_length=1)
    code: str = Field(pattern=CODE_PATTERN.pattern)
    country: str | None = None
    roles: list[RoleModel] = Field(default_factory=list)  # for groups whose status changed
    note: str = ""


class PersonModel(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    names: list[str] = Field(min_length=1)
    country: str | None = None
    roles: list[RoleModel] = Field(min_length=1)
    note: str = ""


class RoleWordsModel(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    code: str = Field(pattern=ROLE_PATTERN.pattern)
    words: list[str] = Field(min_length=1)
    note: str = ""


# (file, list key) → entry model
SECTIONS: dict[tuple[str, str], type[_Model]] = {
    ("countries.yaml", "countries"): CountryModel,
    ("countries.yaml", "metonyms"): NamedModel,
    ("igos.yaml", "igos"): NamedModel,
    ("groups.yaml", "groups"): NamedModel,
    ("roles.yaml", "roles"): RoleWordsModel,
    ("people.yaml", "people"): PersonModel,
}
_KIND_OF_SECTION: dict[str, str] = {
    "countries": "country", "metonyms": "metonym", "igos": "igo", "groups": "group",
    "people": "person",
}


# ---------------------------------------------------------------- loading


def load_actor_dictionary(directory: Path | None = None) -> ActorDictionary:
    """The shipped dictionary (cached), or the same five YAML files from ``directory``."""
    if directory is None:
        return _shipped()
    texts: dict[str, str] = {}
    for name in FILES:
        path = directory / name
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except OSError as e:
            raise DictionaryError(path=str(path), detail=f"cannot read: {e}") from e
    return parse_actor_files(texts, origin=str(directory))


def _shipped() -> ActorDictionary:
    from dyadwatch.kb.knowledge import load_knowledge

    return load_knowledge().actors


def parse_actor_files(texts: dict[str, str], origin: str,
                      lexicon: Lexicon | None = None) -> ActorDictionary:
    """Validate and index the five YAML texts (file name → text); errors name file and entry.
    The case-sensitive names and non-state code prefixes come from ``lexicon`` (the shipped
    word lists when None)."""
    documents = {name: parse_yaml_document(texts[name], f"{origin}/{name}") for name in FILES}
    return parse_actor_documents(documents, origin, lexicon)


def parse_actor_documents(documents: dict[str, dict[str, Any]], origin: str,
                          lexicon: Lexicon | None = None) -> ActorDictionary:
    """Validate and index the five loaded YAML documents (file name → mapping)."""
    if lexicon is None:
        from dyadwatch.kb.knowledge import load_knowledge

        lexicon = load_knowledge().lexicon
    version = _common_version(documents, origin)
    sections = {key: _validate_section(documents, key, origin) for key in SECTIONS}
    countries = sections[("countries.yaml", "countries")]
    known = {m.id for m in countries if isinstance(m, CountryModel)}
    entries: dict[str, ActorEntry] = {}
    for (name, key), models in sections.items():
        if key != "roles":
            _add_entries(entries, models, _KIND_OF_SECTION[key], known, f"{origin}/{name}",
                         lexicon.non_state_prefixes)
    demonyms = _demonym_table(countries, f"{origin}/countries.yaml")
    roles = _role_table(sections[("roles.yaml", "roles")], f"{origin}/roles.yaml")
    return ActorDictionary(version, entries, demonyms, roles, lexicon.case_sensitive_names)


def parse_yaml_document(text: str, path: str) -> dict[str, Any]:
    """A dictionary file's YAML text as a mapping; E501 naming ``path`` otherwise."""
    try:
        data = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        raise DictionaryError(path=path, detail=f"not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise DictionaryError(path=path, detail="expected a mapping of sections")
    return data


def _common_version(documents: dict[str, dict[str, Any]], origin: str) -> str:
    versions = {name: str(doc.get("version", "")) for name, doc in documents.items()}
    first = versions["countries.yaml"]
    for name, version in versions.items():
        if not version or version != first:
            raise DictionaryError(
                path=f"{origin}/{name}",
                detail=f"version {version!r} differs from countries.yaml's {first!r}",
            )
    return first


def _validate_section(
    documents: dict[str, dict[str, Any]], key: tuple[str, str], origin: str
) -> list[_Model]:
    name, section = key
    path = f"{origin}/{name}"
    document = documents[name]
    allowed = {"version"} | {s for (n, s) in SECTIONS if n == name}
    unknown = sorted(set(document) - allowed)
    if unknown:
        raise DictionaryError(path=path,
                              detail=f"unknown keys {unknown}; allowed: {sorted(allowed)}")
    raw = document.get(section) or []
    if not isinstance(raw, list):
        raise DictionaryError(path=path, detail=f"{section!r} must be a list of entries")
    return [_validate_entry(SECTIONS[key], item, index, path) for index, item in enumerate(raw)]


def _validate_entry(model: type[_Model], item: object, index: int, path: str) -> _Model:
    label = item.get("id", f"#{index}") if isinstance(item, dict) else f"#{index}"
    try:
        return model.model_validate(item)
    except ValidationError as e:
        raise DictionaryError(path=path, detail=f"entry {label!r} (#{index}): {e}") from e


def _add_entries(entries: dict[str, ActorEntry], models: list[_Model], kind: str,
                 known: set[str], path: str, non_state: frozenset[str]) -> None:
    for model in models:
        entry = _to_entry(model, kind, known)
        if entry.id in entries:
            raise DictionaryError(path=path, detail=f"entry {entry.id!r}: duplicate id")
        _check_codes(entry, known, path, non_state)
        entries[entry.id] = entry


def _to_entry(model: _Model, kind: str, known: set[str]) -> ActorEntry:
    if isinstance(model, CountryModel):
        return ActorEntry(f"country:{model.id}", kind, tuple(model.names), model.id,
                          model.country, note=model.note)
    if isinstance(model, PersonModel):
        spells = _spells(model.roles)
        country = _implied_country(model, spells[0].code, known)
        return ActorEntry(f"person:{model.id}", kind, tuple(model.names), None, country,
                          spells, model.note)
    named = cast(NamedModel, model)
    country = _implied_country(named, named.code, known)
    return ActorEntry(f"{kind}:{named.id}", kind, tuple(named.names), named.code, country,
                      _spells(named.roles), named.note)


def _spells(roles: list[RoleModel]) -> tuple[RoleSpell, ...]:
    return tuple(RoleSpell(r.code, r.title, r.start, r.end) for r in roles)


def _implied_country(model: NamedModel | PersonModel, code: str, known: set[str]) -> str | None:
    """An explicit ``country`` (even null) wins; otherwise the code's country prefix."""
    if "country" in model.model_fields_set:
        return model.country
    return code[:3] if code[:3] in known else None


def _check_codes(entry: ActorEntry, known: set[str], path: str,
                 non_state: frozenset[str]) -> None:
    codes = [spell.code for spell in entry.roles] + ([entry.code] if entry.code else [])
    for code in codes:
        if code[:3] not in known and code[:3] not in non_state:
            raise DictionaryError(
                path=path,
                detail=f"entry {entry.id!r}: code {code!r} starts with neither a country in "
                f"countries.yaml nor one of {sorted(non_state)}",
            )
    if entry.country is not None and entry.country not in known:
        raise DictionaryError(path=path, detail=f"entry {entry.id!r}: unknown country "
                              f"{entry.country!r}")
    for spell in entry.roles:
        if spell.start and spell.end and spell.end < spell.start:
            raise DictionaryError(path=path, detail=f"entry {entry.id!r}: role {spell.title!r} "
                                  f"ends ({spell.end}) before it starts ({spell.start})")


def _demonym_table(countries: list[_Model], path: str) -> dict[str, str]:
    pairs = ((model.id, word, model.id) for model in cast(list[CountryModel], countries)
             for word in model.demonyms)
    return _word_table(pairs, path, "demonym {word!r} already belongs to {other!r}")


def _role_table(groups: list[_Model], path: str) -> dict[str, str]:
    pairs = ((model.id, word, model.code) for model in cast(list[RoleWordsModel], groups)
             for word in model.words)
    return _word_table(pairs, path, "role word {word!r} already means {other!r}")


def _word_table(pairs: Iterable[tuple[str, str, str]], path: str, clash: str) -> dict[str, str]:
    """Normalised lower-case word → value; a word given two values is a DictionaryError
    naming the entry (``clash`` is formatted with ``word`` and ``other``)."""
    table: dict[str, str] = {}
    for entry_id, word, value in pairs:
        key = normalise(word).lower()
        if table.get(key, value) != value:
            detail = clash.format(word=word, other=table[key])
            raise DictionaryError(path=path, detail=f"entry {entry_id!r}: {detail}")
        table[key] = value
    return table


# ---------------------------------------------------------------- dumping


def dump_actor_files(dictionary: ActorDictionary) -> dict[str, str]:
    """The five YAML texts (file name → text) that load back into an equal dictionary."""
    by_kind: dict[str, list[ActorEntry]] = {kind: [] for kind in KIND_ORDER}
    for entry in dictionary.entries.values():
        by_kind[entry.kind].append(entry)
    documents: dict[str, dict[str, Any]] = {
        "countries.yaml": {
            "countries": [_dump_country(e, dictionary.demonyms) for e in by_kind["country"]],
            "metonyms": [_dump_named(e) for e in by_kind["metonym"]],
        },
        "igos.yaml": {"igos": [_dump_named(e) for e in by_kind["igo"]]},
        "groups.yaml": {"groups": [_dump_named(e) for e in by_kind["group"]]},
        "roles.yaml": {"roles": _dump_roles(dictionary.roles)},
        "people.yaml": {"people": [_dump_person(e) for e in by_kind["person"]]},
    }
    return {name: _to_yaml({"version": dictionary.version, **doc})
            for name, doc in documents.items()}


def _slug(entry: ActorEntry) -> str:
    return entry.id.split(":", 1)[1]


def _with_note(record: dict[str, Any], note: str) -> dict[str, Any]:
    return {**record, "note": note} if note else record


def _dump_country(entry: ActorEntry, demonyms: dict[str, str]) -> dict[str, Any]:
    words = [word for word, code in demonyms.items() if code == entry.code]
    record = {"id": _slug(entry), "names": list(entry.names), "country": entry.country,
              "demonyms": words}
    return _with_note(record, entry.note)


def _dump_named(entry: ActorEntry) -> dict[str, Any]:
    record: dict[str, Any] = {"id": _slug(entry), "names": list(entry.names),
                              "code": entry.code, "country": entry.country}
    if entry.roles:
        record["roles"] = _dump_spells(entry.roles)
    return _with_note(record, entry.note)


def _dump_person(entry: ActorEntry) -> dict[str, Any]:
    record = {"id": _slug(entry), "names": list(entry.names), "country": entry.country,
              "roles": _dump_spells(entry.roles)}
    return _with_note(record, entry.note)


def _dump_spells(roles: tuple[RoleSpell, ...]) -> list[dict[str, Any]]:
    return [{"code": r.code, "title": r.title, "start": r.start, "end": r.end} for r in roles]


def _dump_roles(roles: dict[str, str]) -> list[dict[str, Any]]:
    grouped: dict[str, list[str]] = {}
    for word, code in roles.items():
        grouped.setdefault(code, []).append(word)
    return [{"id": code.lower(), "code": code, "words": words} for code, words in grouped.items()]


def _to_yaml(document: dict[str, Any]) -> str:
    text: str = yaml.dump(document, Dumper=_DUMPER, sort_keys=False, allow_unicode=True,
                          width=100)
    return text
