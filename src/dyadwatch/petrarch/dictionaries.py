"""Find and load a set of dictionaries: a PETR_config.ini, a TABARI .project or a folder."""

from __future__ import annotations

import configparser
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.errors import DictionaryError
from dyadwatch.petrarch import cache
from dyadwatch.petrarch.actors import read_actors
from dyadwatch.petrarch.agents import read_agents
from dyadwatch.petrarch.discards import read_discards, read_issues
from dyadwatch.petrarch.entries import Dictionaries, Flavour
from dyadwatch.petrarch.tabari import read_project
from dyadwatch.petrarch.verbs import read_verbs

_INI_KEYS = {
    "verbs": "verbfile_name", "actors": "actorfile_list", "agents": "agentfile_name",
    "discards": "discardfile_name", "issues": "issuefile_name",
}
_NAME_HINTS = {
    "verbs": ("verb", "cameo"), "actors": ("actor",), "agents": ("agent",),
    "discards": ("discard",), "issues": ("issue",),
}


@dataclass(slots=True)
class DictionaryFiles:
    """Which file plays which part; ``actors`` may be several files."""

    flavour: Flavour
    verbs: Path | None = None
    actors: list[Path] = field(default_factory=list)
    agents: Path | None = None
    discards: Path | None = None
    issues: Path | None = None


@dataclass(slots=True)
class LoadReport:
    """How a load went: cache hits per file and the skipped entries by reason."""

    cache_hits: int = 0
    files: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        if not self.skipped:
            return "no entries skipped"
        reasons = "; ".join(f"{n} x {reason}" for reason, n in self.skipped.most_common(5))
        return f"{sum(self.skipped.values())} entries skipped ({reasons})"


def find_files(path: Path) -> DictionaryFiles:
    """The dictionary files named by a config file, a TABARI project or found in a folder."""
    if not path.exists():
        raise DictionaryError(path=str(path), detail="no such file or folder")
    if path.is_dir():
        return _from_folder(path)
    if path.suffix.lower() == ".project":
        return _from_project(path)
    if path.suffix.lower() in (".ini", ".cfg"):
        return _from_ini(path)
    raise DictionaryError(path=str(path), detail=(
        "is not a PETR_config.ini, a TABARI .project or a folder of dictionaries"))


def _from_ini(path: Path) -> DictionaryFiles:
    parser = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as e:
        raise DictionaryError(path=str(path), detail=f"is not a valid config file ({e})") from e
    if not parser.has_section("Dictionaries"):
        raise DictionaryError(path=str(path), detail="has no [Dictionaries] section")
    section = parser["Dictionaries"]
    found = DictionaryFiles("petrarch")
    for part, key in _INI_KEYS.items():
        names = [n.strip() for n in section.get(key, "").split(",") if n.strip()]
        paths = [_resolve(path.parent, n) for n in names]
        _assign(found, part, paths)
    return found


def _resolve(folder: Path, name: str) -> Path:
    for candidate in (folder / name, folder / "dictionaries" / name,
                      folder.parent / "dictionaries" / name):
        if candidate.exists():
            return candidate
    raise DictionaryError(path=str(folder / name), detail="named in the config but not found")


def _assign(found: DictionaryFiles, part: str, paths: list[Path]) -> None:
    if not paths:
        return
    if part == "actors":
        found.actors.extend(paths)
    else:
        setattr(found, part, paths[0])


def _from_project(path: Path) -> DictionaryFiles:
    project = read_project(path)
    return DictionaryFiles("tabari", verbs=project.file("verbsfile"),
                           actors=[project.files["actorsfile"]], agents=project.file("agentsfile"))


def _from_folder(folder: Path) -> DictionaryFiles:
    for config in (*folder.glob("*.ini"), *folder.glob("*.project")):
        return find_files(config)
    found = DictionaryFiles("petrarch")
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        part = _guess_part(path.name.lower())
        if part is not None:
            _assign(found, part, [path])
    if found.verbs is None:
        raise DictionaryError(path=str(folder), detail=(
            "holds no verb dictionary (a file whose name contains 'verb' or 'CAMEO')"))
    return found


def _guess_part(name: str) -> str | None:
    for part, hints in _NAME_HINTS.items():
        if any(hint in name for hint in hints):
            return part
    return None


def load_files(files: DictionaryFiles, cache_dir: Path | None = None,
               strict: bool = False) -> tuple[Dictionaries, LoadReport]:
    """Read (or take from the cache) every file of ``files``."""
    if files.verbs is None:
        raise DictionaryError(path="(dictionaries)", detail="no verb dictionary was given")
    result = Dictionaries(files.flavour)
    report = LoadReport()
    for part, path in _parts(files):
        partial, hit = cache.cached(path, f"{files.flavour}-{part}",
                                    partial_reader(part, path, files.flavour), cache_dir)
        report.files += 1
        report.cache_hits += int(hit)
        result.extend(partial)
    result.version = dictionary_version(files)
    _check(result, report, strict)
    return result, report


def _parts(files: DictionaryFiles) -> list[tuple[str, Path]]:
    parts: list[tuple[str, Path]] = [("verbs", files.verbs)] if files.verbs else []
    parts += [("actors", p) for p in files.actors]
    for part in ("agents", "discards", "issues"):
        path = getattr(files, part)
        if path is not None:
            parts.append((part, path))
    return parts


def partial_reader(part: str, path: Path, flavour: Flavour) -> Callable[[], Dictionaries]:
    """A no-argument reader of one file, for the cache to call on a miss."""
    return lambda: _read(part, path, flavour)


def _read(part: str, path: Path, flavour: Flavour) -> Dictionaries:
    tabari = flavour == "tabari"
    out = Dictionaries(flavour, files=[str(path)])
    if part == "verbs":
        out.verbs, out.transformations, out.warnings = read_verbs(path, tabari)
    elif part == "actors":
        out.actors, out.warnings = read_actors(path, tabari)
    elif part == "agents":
        out.agents, out.warnings = read_agents(path, tabari)
    elif part == "discards":
        out.discards, out.warnings = read_discards(path)
    else:
        out.issues, out.warnings = read_issues(path)
    return out


def dictionary_version(files: DictionaryFiles) -> str:
    """``flavour:`` and a sha256 prefix over the content of every file of the set."""
    digest = hashlib.sha256()
    for _, path in _parts(files):
        digest.update(cache.file_sha256(path).encode())
    return f"{files.flavour}:{digest.hexdigest()[:12]}"


def _check(result: Dictionaries, report: LoadReport, strict: bool) -> None:
    if strict and result.warnings:
        first = result.warnings[0]
        raise DictionaryError(path=first.where, detail=f"{first.reason}: {first.text!r}")
    report.skipped.update(w.reason.split(";")[0] for w in result.warnings)
