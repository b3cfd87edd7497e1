"""The source of the modules whose objects the resource cache holds, as this process
imported them (issue 16).

The resource cache (:mod:`dyadwatch.resource_cache`) is keyed by the content of what the
resources are built from. Read from the files on disk, that key is wrong for a process
that imported a module and sees its file change afterwards: it would store objects built
by the former code under the key of the new one, for every later process to load. So
``dyadwatch/__init__.py`` puts a finder first on ``sys.meta_path`` whose loader keeps the
bytes of each module under RECORDED as it executes it (read from the same path just
before the module's code), and the key takes those bytes for every module already
imported. This record is the one piece of module-level state here, kept as
``sys.modules`` is: once per module, when it is imported.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import ModuleSpec, PathFinder, SourceFileLoader
from types import ModuleType
from typing import Any

PACKAGE = os.path.dirname(os.path.realpath(__file__))
RECORDED = ("kb", "coding", "model.py", "ontology.py")  # the modules the cache depends on
_PREFIXES = tuple(os.path.join(PACKAGE, name) + ("" if name.endswith(".py") else os.sep)
                  for name in RECORDED)
_IMPORTED: dict[str, bytes] = {}  # real path -> bytes when the module was executed


class _RecordingLoader(SourceFileLoader):
    """A source file loader that keeps the file's bytes as it executes the module."""

    def exec_module(self, module: ModuleType) -> None:
        remember(self.path)
        super().exec_module(module)


class _RecordingFinder:
    """Finds ``dyadwatch.*`` submodules as the path finder does, with _RecordingLoader."""

    @classmethod
    def find_spec(cls, fullname: str, path: Any = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if path is None or not fullname.startswith("dyadwatch."):
            return None
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is not None and type(spec.loader) is SourceFileLoader and spec.origin:
            spec.loader = _RecordingLoader(fullname, spec.origin)
        return spec


def install() -> None:
    """Put the recording finder first on ``sys.meta_path`` (once)."""
    if _RecordingFinder not in sys.meta_path:
        sys.meta_path.insert(0, _RecordingFinder)


def remember(path: str) -> None:
    """Keep the bytes of ``path`` when it is one of the RECORDED sources."""
    real = os.path.realpath(path)
    if real.startswith(_PREFIXES):
        try:
            with open(real, "rb") as handle:
                _IMPORTED[real] = handle.read()
        except OSError:
            _IMPORTED.pop(real, None)


def imported_source(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes of ``path`` as this process imported it; None when it has not (yet)."""
    return _IMPORTED.get(os.path.realpath(path))
