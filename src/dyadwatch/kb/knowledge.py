"""All of the coder's knowledge, loaded once: the shipped YAML files plus user layers.

The knowledge files are the verb dictionary (``verbs.yaml``), the five actor files
(``actors/*.yaml``), the coding word lists and rules (``coding/words.yaml``,
``coding/rules.yaml``) and the confidence table (``coding/confidence.yaml``). A user
folder given as ``--dictionaries dyadwatch:DIR`` holds any of the same paths; each of its
files is layered over the shipped one (format and a
worked example in docs/dictionaries.md):

- entries of a list (``patterns``, ``people``, ``lists``, ...) merge by ``id``: the user's
  entry replaces the shipped one with that id, new ids are added at the end;
- ``remove: [id, ...]`` deletes shipped entries;
- ``replace: true`` uses only the user's entries for that file;
- mappings (``derive``) merge by key; other values (``default_targets``) are replaced.

Every entry of a user file is checked against its schema on its own, so an error names
the user's file, the entry and the field (E506); in a file of mappings and values (the
confidence table) the entry is the section (``rule``) and the field its key (``verb``).
One content hash is taken over the merged documents of every file: it is part of
``dictionary_version`` and of every run
record, so two runs with different knowledge never claim the same version.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from dyadwatch.errors import DictionaryEntryError, DictionaryError, DictionaryLayerError
from dyadwatch.kb import actors as actor_files
from dyadwatch.kb.actors import ActorDictionary, parse_actor_documents, parse_yaml_document
from dyadwatch.kb.confidence import CONFIDENCE_FILE, ConfidenceTable
from dyadwatch.kb.lexicon import (
    RULES_FILE,
    WORDS_FILE,
    AnaphorModel,
    CodeSetModel,
    FallbackModel,
    Lexicon,
    PeopleModel,
    RewriteModel,
    RulesFile,
    WordListModel,
    WordsFile,
    build_lexicon,
)
from dyadwatch.kb.registers import (
    REGISTERS_FILE,
    CueListModel,
    Registers,
    RegistersFile,
    build_registers,
)
from dyadwatch.kb.verbs import Frame, VerbDictionary, VerbPattern, parse_verb_file

SHIPPED = "dyadwatch/data"


@dataclass(frozen=True, slots=True)
class FileSpec:
    """One knowledge file: its list sections (entry model by name), mappings and values."""

    path: str  # relative to the data folder
    lists: dict[str, type[BaseModel]]
    mappings: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    model: type[BaseModel] | None = None  # of the whole file: checks mappings and values


def _actor_spec(name: str) -> FileSpec:
    models: dict[str, type[BaseModel]] = {
        section: model for (file, section), model in actor_files.SECTIONS.items() if file == name}
    return FileSpec(f"actors/{name}", models)


FILES: tuple[FileSpec, ...] = (
    FileSpec("verbs.yaml", {"patterns": VerbPattern, "frames": Frame}, mappings=("derive",)),
    *(_actor_spec(name) for name in actor_files.FILES),
    FileSpec(WORDS_FILE, {"lists": WordListModel, "anaphors": AnaphorModel,
                          "peoples": PeopleModel}),
    FileSpec(RULES_FILE, {"code_sets": CodeSetModel, "rewrites": RewriteModel,
                          "fallback_targets": FallbackModel}, values=("default_targets",)),
    FileSpec(CONFIDENCE_FILE, {}, mappings=("rule", "source", "target", "mood"),
             values=("default", "pronouns", "calibrated_on", "note"), model=ConfidenceTable),
    FileSpec(REGISTERS_FILE, {"registers": CueListModel, "news": CueListModel},
             values=("min_cues", "news_ratio", "unmarked_min_tokens", "state_roles", "note"),
             model=RegistersFile),
)
SPECS: dict[str, FileSpec] = {spec.path: spec for spec in FILES}
LAYER_KEYS = frozenset({"version", "remove", "replace"})


@dataclass(frozen=True, slots=True)
class Knowledge:
    """The merged, validated knowledge of one configuration."""

    verbs: VerbDictionary
    actors: ActorDictionary
    lexicon: Lexicon
    confidence: ConfidenceTable
    registers: Registers  # the cues of texts that are not political news
    content_hash: str  # 12 hex digits over every merged file
    layers: tuple[str, ...] = ()  # the user folders, in order

    @property
    def version(self) -> str:
        """``dictionary_version``: the shipped version and the content hash."""
        return f"{self.verbs.version}+{self.content_hash}"


def load_knowledge(layers: Sequence[Path] = ()) -> Knowledge:
    """The shipped knowledge with each folder of ``layers`` merged over it, in order
    (built once per process for the same folders while their files are unchanged)."""
    folders = tuple(str(Path(p)) for p in layers)
    return _load(folders, tuple(_stamp(Path(folder)) for folder in folders))


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, mtime, size) of a folder's YAML files: a changed file is loaded again."""
    files = sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")])
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


@lru_cache(maxsize=8)
def _load(layers: tuple[str, ...], stamps: tuple[object, ...] = ()) -> Knowledge:
    documents = shipped_documents()
    for folder in layers:
        for relative, layer in read_layer(Path(folder)).items():
            documents[relative] = merge_layer(documents[relative], layer, SPECS[relative],
                                              f"{folder}/{relative}")
    return build_knowledge(documents, layers)


def build_knowledge(documents: dict[str, dict[str, Any]],
                    layers: tuple[str, ...] = ()) -> Knowledge:
    """Validate and index merged documents (relative path → mapping)."""
    origin = " + ".join((SHIPPED, *layers))
    lexicon = build_lexicon(_validated(WordsFile, documents[WORDS_FILE], origin, WORDS_FILE),
                            _validated(RulesFile, documents[RULES_FILE], origin, RULES_FILE),
                            origin)
    verbs = parse_verb_file(documents["verbs.yaml"], f"{origin}/verbs.yaml")
    actor_docs = {name: documents[f"actors/{name}"] for name in actor_files.FILES}
    actors = parse_actor_documents(actor_docs, f"{origin}/actors", lexicon)
    confidence = _validated(ConfidenceTable, documents[CONFIDENCE_FILE], origin,
                            CONFIDENCE_FILE)
    registers = build_registers(_validated(RegistersFile, documents[REGISTERS_FILE], origin,
                                           REGISTERS_FILE))
    return Knowledge(verbs, actors, lexicon, confidence, registers, content_hash(documents),
                     layers)


def content_hash(documents: dict[str, dict[str, Any]]) -> str:
    """sha256 (12 hex digits) of the merged documents, key order and layout aside."""
    text = json.dumps(documents, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _validated(model: type[BaseModel], document: dict[str, Any], origin: str,
               relative: str) -> Any:
    try:
        return model.model_validate(document)
    except ValidationError as e:
        raise DictionaryError(path=f"{origin}/{relative}", detail=str(e)) from e


# ---------------------------------------------------------------- reading


def shipped_documents() -> dict[str, dict[str, Any]]:
    """A fresh copy of every shipped knowledge file (relative path → mapping)."""
    return copy.deepcopy(_shipped_documents())


@lru_cache(maxsize=1)
def _shipped_documents() -> dict[str, dict[str, Any]]:
    folder = resources.files("dyadwatch").joinpath("data")
    found: dict[str, dict[str, Any]] = {}
    for spec in FILES:
        text = folder.joinpath(spec.path).read_text(encoding="utf-8")
        found[spec.path] = parse_yaml_document(text, f"{SHIPPED}/{spec.path}")
    return found


def read_layer(folder: Path) -> dict[str, dict[str, Any]]:
    """The knowledge files of a user folder (relative path → mapping), each entry checked.

    A YAML file that is no knowledge file is an E508 listing the paths dyadwatch reads.
    """
    if not folder.is_dir():
        raise DictionaryLayerError(path=str(folder), detail="no such folder")
    found: dict[str, dict[str, Any]] = {}
    for path in sorted([*folder.rglob("*.yaml"), *folder.rglob("*.yml")]):
        relative = path.relative_to(folder).as_posix()
        if relative not in SPECS:
            raise DictionaryLayerError(path=str(path), detail=(
                f"not a dyadwatch dictionary file; expected one of {sorted(SPECS)}"))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise DictionaryError(path=str(path), detail=f"cannot read: {e}") from e
        document = parse_yaml_document(text, str(path))
        check_layer(document, SPECS[relative], str(path))
        found[relative] = document
    return found


# ---------------------------------------------------------------- layering


def check_layer(document: dict[str, Any], spec: FileSpec, path: str) -> None:
    """Every key, and every entry of every list, of one user file against its schema."""
    allowed = LAYER_KEYS | set(spec.lists) | set(spec.mappings) | set(spec.values)
    for key in sorted(set(document) - allowed):
        raise DictionaryEntryError(path=path, entry="(file)", field=key,
                                   detail=f"unknown key; allowed: {sorted(allowed)}")
    if not isinstance(document.get("remove", []), list):
        raise DictionaryEntryError(path=path, entry="(file)", field="remove",
                                   detail="expected a list of entry ids")
    for section, model in spec.lists.items():
        entries = document.get(section) or []
        if not isinstance(entries, list):
            raise DictionaryEntryError(path=path, entry="(file)", field=section,
                                       detail="expected a list of entries")
        for index, item in enumerate(entries):
            check_entry(model, item, index, path)
    if spec.model is not None:
        for section in (*spec.mappings, *spec.values):
            if section in document:
                check_section(spec.model, section, document[section], path)


def check_section(model: type[BaseModel], section: str, value: object, path: str) -> None:
    """A mapping or value of a user file against its field of the file's ``model``; E506
    names the section as the entry and the key (or ``(value)``) as the field."""
    try:
        TypeAdapter(model.model_fields[section].rebuild_annotation()).validate_python(value)
    except ValidationError as e:
        error = e.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "(value)"
        raise DictionaryEntryError(path=path, entry=section, field=field,
                                   detail=f"{error['msg']} (got {error['input']!r})") from e


def check_entry(model: type[BaseModel], item: object, index: int, path: str) -> None:
    """One entry against its model; E506 names the entry (id or #index) and the field."""
    label = str(item.get("id", f"#{index}")) if isinstance(item, dict) else f"#{index}"
    try:
        model.model_validate(item)
    except ValidationError as e:
        problems = [(".".join(str(part) for part in error["loc"]) or "(entry)", error["msg"])
                    for error in e.errors()]
        (field, message), others = problems[0], problems[1:]
        also = "; ".join(f"field {name!r}: {text}" for name, text in others)
        raise DictionaryEntryError(path=path, entry=label, field=field, detail=message + (
            f" (also {also})" if also else "")) from e


def merge_layer(base: dict[str, Any], layer: dict[str, Any], spec: FileSpec,
                path: str) -> dict[str, Any]:
    """``layer`` over ``base`` (see the module docstring); neither is changed."""
    replace = bool(layer.get("replace"))
    merged: dict[str, Any] = {"version": base.get("version")}
    for section in spec.lists:
        shipped = [] if replace else list(base.get(section) or [])
        merged[section] = _merge_entries(shipped, layer.get(section) or [])
    for section in spec.mappings:
        merged[section] = _merge_mapping({} if replace else base.get(section) or {},
                                         layer.get(section) or {})
    for section in spec.values:
        if section in layer:
            merged[section] = layer[section]
        elif not replace and section in base:
            merged[section] = base[section]
    return _removed(merged, [str(i) for i in layer.get("remove") or []], spec, path)


def _merge_entries(base: list[Any], layer: list[Any]) -> list[Any]:
    by_id = {str(entry["id"]): entry for entry in base}
    for entry in layer:
        by_id[str(entry["id"])] = entry
    return list(by_id.values())


def _merge_mapping(base: dict[str, Any], layer: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in layer.items():
        inner = merged.get(key)
        merged[key] = ({**inner, **value} if isinstance(inner, dict) and isinstance(value, dict)
                       else value)
    return merged


def _removed(document: dict[str, Any], ids: list[str], spec: FileSpec,
             path: str) -> dict[str, Any]:
    if not ids:
        return document
    present = {str(e["id"]) for section in spec.lists for e in document[section]}
    unknown = sorted(set(ids) - present)
    if unknown:
        raise DictionaryLayerError(path=path, detail=(
            f"remove: {unknown} name no entry of this file; nothing was removed"))
    for section in spec.lists:
        document[section] = [e for e in document[section] if str(e["id"]) not in ids]
    return document


# ---------------------------------------------------------------- checking and schemas


@dataclass(frozen=True, slots=True)
class FolderCheck:
    """What ``dyadwatch dictionaries check`` reports for a valid folder."""

    folder: str
    entries: dict[str, int]  # relative path → entries in the user's file
    removed: dict[str, int]  # relative path → ids its remove: list deletes
    dictionary_version: str  # of the shipped files with this folder layered over them


def check_folder(folder: Path) -> FolderCheck:
    """Read, check and layer ``folder`` over the shipped files; a coded error on the first
    problem (E506 entry and field, E508 unknown file or removed id, E501 unreadable)."""
    layer = read_layer(folder)
    knowledge = load_knowledge([folder])
    entries = {relative: _entries(document, SPECS[relative])
               for relative, document in layer.items()}
    removed = {relative: len(document.get("remove") or [])
               for relative, document in layer.items()}
    return FolderCheck(str(folder), entries, removed, knowledge.version)


def _entries(document: dict[str, Any], spec: FileSpec) -> int:
    """Entries of the lists of a user file; with a file model, also each key of its
    mappings and each value it sets (``rule: {verb: 0.9}`` and ``default: 0.2`` are two)."""
    count = sum(len(document.get(section) or []) for section in spec.lists)
    if spec.model is not None:
        count += sum(len(document.get(section) or {}) for section in spec.mappings)
        count += sum(section in document for section in spec.values)
    return count


def layer_schema(spec: FileSpec) -> dict[str, Any]:
    """The JSON schema of one knowledge file (shipped or a user layer), from its models."""
    properties: dict[str, Any] = {
        "version": {"type": "string"},
        "remove": {"type": "array", "items": {"type": "string"},
                   "description": "ids of shipped entries to delete (user layers)"},
        "replace": {"type": "boolean",
                    "description": "use only this file's entries (user layers)"},
    }
    definitions: dict[str, Any] = {}
    for section, model in spec.lists.items():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        definitions.update(schema.pop("$defs", {}))
        definitions[model.__name__] = schema
        properties[section] = {"type": "array",
                               "items": {"$ref": f"#/$defs/{model.__name__}"}}
    if spec.model is not None:
        schema = spec.model.model_json_schema(ref_template="#/$defs/{model}")
        definitions.update(schema.pop("$defs", {}))
        for section in (*spec.mappings, *spec.values):
            properties[section] = schema["properties"][section]
    else:
        for section in spec.mappings:
            properties[section] = {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": {"type": "string"}}}
        for section in spec.values:
            properties[section] = {"type": "array", "items": {"type": "string"}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"dyadwatch dictionary file {spec.path}", "type": "object",
            "additionalProperties": False, "properties": properties, "$defs": definitions}


def schema_name(spec: FileSpec) -> str:
    """``actors/people.yaml`` → ``actors-people.schema.json`` (shipped in data/schemas/)."""
    return spec.path.replace("/", "-").removesuffix(".yaml") + ".schema.json"


def all_schemas() -> dict[str, dict[str, Any]]:
    return {schema_name(spec): layer_schema(spec) for spec in FILES}
