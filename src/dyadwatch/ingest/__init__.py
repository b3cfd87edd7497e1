"""Ingestion: inputs (files, pages, feeds, archives) → Articles.

Importing this package registers the built-in formats beyond plain text, JSONL
and CSV with the readers: HTML pages, RSS/Atom feeds and WARC archives
(``register_builtin_formats``; calling it again changes nothing). Their modules (and
trafilatura, feedparser, warcio) are imported when a reader or sniffer is first called,
so a run over JSONL files never loads them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyadwatch.ingest.readers import Reader

# Extensions of the built-in formats, as their modules declare them (a test keeps the two
# equal): here so that registering needs no import of the modules.
HTML_EXTENSIONS: tuple[str, ...] = (".html", ".htm", ".xhtml")
FEED_EXTENSIONS: tuple[str, ...] = (".rss", ".atom", ".xml")
WARC_EXTENSIONS: tuple[str, ...] = (".warc",)


@cache
def lazy(module: str, name: str) -> Callable[..., Any]:
    """``dyadwatch.ingest.<module>.<name>``, imported on the first call (one proxy each)."""
    def call(*args: Any) -> Any:
        return getattr(importlib.import_module(f"dyadwatch.ingest.{module}"), name)(*args)

    call.__name__ = call.__qualname__ = name
    return call


def register_builtin_formats() -> None:
    """Register HTML, feed and WARC readers with ``readers`` (idempotent)."""
    from dyadwatch.ingest import readers

    _register("html", lazy("html", "read_html"), HTML_EXTENSIONS,
              lazy("html", "looks_like_html"))
    _register("feed", lazy("feeds", "read_feed"), FEED_EXTENSIONS,
              lazy("feeds", "looks_like_feed"))
    for ext in HTML_EXTENSIONS:
        readers.PATH_READERS[ext] = lazy("html", "read_html_path")
    for ext in WARC_EXTENSIONS:
        readers.PATH_READERS[ext] = lazy("warc", "read_warc_path")


def _register(name: str, reader: Reader, extensions: Iterable[str],
              sniffer: Callable[[str], bool]) -> None:
    from dyadwatch.ingest import readers

    known = (name, sniffer) in readers.SNIFFERS
    readers.register_format(name, reader, extensions, None if known else sniffer)


register_builtin_formats()
