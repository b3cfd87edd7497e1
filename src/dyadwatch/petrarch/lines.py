"""Comment-free lines of a dictionary file, each with its file and line number."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.errors import DictionaryError

_XML_START = re.compile(r"<!\s*--")  # also the sloppy ``<! --`` seen in old files
_XML_CLOSE = "-->"
# A comment marker at the line start or after blank/bracket; ``[###]`` is a code, not one.
_COMMENT_SEMI = re.compile(r"(?:^|(?<=[\s\]}]))(?:#|;|//)")
_COMMENT_HASH = re.compile(r"(?:^|(?<=[\s\]}]))#")


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line with comments removed; ``text`` keeps leading whitespace."""

    path: str
    number: int
    text: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"


def read_text(path: Path) -> str:
    """The file's text; undecodable bytes are replaced (old dictionaries mix encodings)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DictionaryError(path=str(path), detail=f"cannot be read ({e})") from e


def strip_comment(text: str, semicolon: bool = True) -> str:
    """Drop a trailing ``# ...`` (and, for TABARI files, ``; ...``) comment."""
    pattern = _COMMENT_SEMI if semicolon else _COMMENT_HASH
    match = pattern.search(text)
    return (text[: match.start()] if match else text).rstrip()


def iter_lines(path: Path, semicolon: bool = True) -> Iterator[SourceLine]:
    """Non-blank lines of ``path`` without XML-style or ``#``/``;`` comments."""
    in_comment = False
    for number, raw in enumerate(read_text(path).splitlines(), start=1):
        text, in_comment = _drop_xml_comments(raw, in_comment)
        text = strip_comment(text, semicolon)
        if text.strip():
            yield SourceLine(str(path), number, text)


def _drop_xml_comments(raw: str, in_comment: bool) -> tuple[str, bool]:
    """Remove ``<!-- ... -->`` parts of one line, tracking comments that span lines."""
    kept: list[str] = []
    rest = raw
    while rest:
        if in_comment:
            end = rest.find(_XML_CLOSE)
            if end < 0:
                return "".join(kept), True
            rest, in_comment = rest[end + len(_XML_CLOSE):], False
            continue
        match = _XML_START.search(rest)
        if match is None:
            kept.append(rest)
            break
        kept.append(rest[: match.start()])
        rest, in_comment = rest[match.end():], True
    return "".join(kept), in_comment
