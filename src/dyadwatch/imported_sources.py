"""The source of the modules whose objects the resource cache holds, as this process
imported them (issue 16).

The resource cache (:mod:`dyadwatch.resource_cache`) is keyed by the content of what the
resources are built from. Read from the files on disk, that key is wrong for a process
that imported a module and sees its file change afterwards: it would store objects built
by the former code under the key of the new one, for every later process to load. So
``dyadwatch/__init__.py`` puts a finder first on ``sys.meta_path`` whose loader keeps the
bytes of each module under RECORDED as it loads its code (read just before, and checked
unchanged just after), and the key takes those bytes for every module already imported.
This record is the one piece of module-level state here, kept as ``sys.modules`` is: once
per module, when it is imported.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import ModuleSpec, PathFinder, SourceFileLoader
from types import CodeType, ModuleType
from typing import Any

PACKAGE = os.path.dirname(os.path.realpath(__file__))
RECORDED = ("kb", "coding", "model.py", "ontology.py")  # the modules the cache depends on
_PREFIXES = tuple(os.path.join(PACKAGE, name) + ("" if name.endswith(".py") else os.sep)
                  for name in RECORDED)
_IMPORTED: dict[str, bytes] = {}  # real path -> bytes its module's code came from
CHANGED_WHILE_IMPORTED = b"\0(the file changed while its module was imported)"


class _RecordingLoader(SourceFileLoader):
    """A source file loader that keeps the bytes of the file its module's code came from."""

    def get_code(self, fullname: str) -> CodeType | None:
        real = os.path.realpath(self.path)
        if not real.startswith(_PREFIXES):
            return super().get_code(fullname)
        before = _read(real)
        code = super().get_code(fullname)  # from the file, or its bytecode checked against it
        remember(real, before)
        return code


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


def remember(path: str, before: bytes | None) -> None:
    """Keep ``before``, the bytes of ``path`` read before its module's code was loaded, when
    the file still holds them; when it changed meanwhile, keep bytes that no file holds,
    so that the key of what this process builds is one no other process asks for."""
    after = _read(path)
    if before is None or after is None:
        _IMPORTED.pop(path, None)
    else:
        _IMPORTED[path] = before if after == before else before + CHANGED_WHILE_IMPORTED


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def imported_source(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes of ``path`` as this process imported it; None when it has not (yet)."""
    return _IMPORTED.get(os.path.realpath(path))
