"""TABARI project files: ``.project`` (which files) and ``.options`` (settings, labels)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.errors import DictionaryError
from dyadwatch.petrarch.lines import read_text

_PROJECT_LINE = re.compile(r"^<(?P<key>[a-z]+file)>\s*(?P<value>\S+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TabariProject:
    """The files a TABARI ``.project`` names, resolved against its folder."""

    path: Path
    files: dict[str, Path]

    def file(self, key: str) -> Path | None:
        return self.files.get(key)


@dataclass(slots=True)
class TabariOptions:
    """Settings of a TABARI ``.options`` file: ``SET:`` values, labels and raw commands."""

    settings: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)


def read_project(path: Path) -> TabariProject:
    """Read ``<verbsfile> NAME``-style lines of a TABARI project file."""
    files: dict[str, Path] = {}
    for line in read_text(path).splitlines():
        match = _PROJECT_LINE.match(line.strip())
        if match:
            files[match.group("key").lower()] = path.parent / match.group("value")
    if "verbsfile" not in files or "actorsfile" not in files:
        raise DictionaryError(path=str(path), detail=(
            "TABARI project names no <verbsfile> or <actorsfile>; both are required"))
    return TabariProject(path, files)


def read_options(path: Path) -> TabariOptions:
    """Read a TABARI options file (``//`` comments; ``SET: NAME = VALUE``; ``LABEL: c=name``)."""
    options = TabariOptions()
    for raw in read_text(path).splitlines():
        line = raw.strip()
        if not line or line.startswith("//") or line.startswith("~~"):
            continue
        _read_option(line, options)
    return options


def _read_option(line: str, options: TabariOptions) -> None:
    command, _, rest = line.partition(":")
    command = command.strip().upper()
    if command == "SET" and "=" in rest:
        name, _, value = rest.partition("=")
        options.settings[" ".join(name.split()).upper()] = value.strip()
    elif command == "LABEL" and "=" in rest:
        code, _, name = rest.partition("=")
        options.labels[code.strip()] = name.strip()
    else:
        options.commands.append(line)
