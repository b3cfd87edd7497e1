"""A cache of compiled dictionary files, keyed by each file's sha256.

Files are pickles written by this package only, under the user's cache folder:
``$DYADWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/dyadwatch``, else ``~/.cache/dyadwatch``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from dyadwatch.resource_cache import write_pickle_atomically

log = logging.getLogger(__name__)

CACHE_FORMAT = 5  # bump when the compiled form changes
T = TypeVar("T")


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where compiled dictionaries are kept (see the module docstring)."""
    env = os.environ if env is None else env
    if env.get("DYADWATCH_CACHE_DIR"):
        return Path(env["DYADWATCH_CACHE_DIR"])
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "dyadwatch"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cache_path(cache_dir: Path, kind: str, sha: str) -> Path:
    return cache_dir / "petrarch" / f"{kind}-v{CACHE_FORMAT}-{sha}.pickle"


def cached(path: Path, kind: str, build: Callable[[], T], cache_dir: Path | None) -> tuple[T, bool]:
    """``build()``'s result for ``path``, from the cache when its sha256 is known.

    Returns (value, hit). With ``cache_dir`` None nothing is cached.
    """
    if cache_dir is None:
        return build(), False
    return cached_key(cache_dir, kind, file_sha256(path), build)


def cached_key(cache_dir: Path, kind: str, key: str, build: Callable[[], T]) -> tuple[T, bool]:
    """``build()``'s result kept under ``key`` (e.g. a digest of several files)."""
    target = cache_path(cache_dir, kind, key)
    value = _load(target)
    if value is not None:
        return value, True  # type: ignore[return-value]
    value = build()
    _store(target, value)
    return value, False


def _load(target: Path) -> object | None:
    if not target.is_file():
        return None
    try:
        with target.open("rb") as handle:
            value: object = pickle.load(handle)  # our own cache file
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as e:
        log.warning("ignoring unreadable dictionary cache %s (%s)", target, e)
        return None


def _store(target: Path, value: object) -> None:
    try:
        write_pickle_atomically(target, value)
    except OSError as e:
        log.warning("cannot write dictionary cache %s (%s); continuing without it", target, e)
