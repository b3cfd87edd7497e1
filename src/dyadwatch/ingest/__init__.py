"""Ingestion: inputs (files, pages, feeds, archives) → Articles.

Importing this package registers the built-in formats beyond plain text, JSONL
and CSV with the readers: HTML pages, RSS/Atom feeds and WARC archives
(``register_builtin_formats``; calling it again changes nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyadwatch.ingest.readers import Reader


def register_builtin_formats() -> None:
    """Register HTML, feed and WARC readers with ``readers`` (idempotent)."""
    from dyadwatch.ingest import feeds, html, readers, warc

    _register("html", html.read_html, html.HTML_EXTENSIONS, html.looks_like_html)
    _register("feed", feeds.read_feed, feeds.FEED_EXTENSIONS, feeds.looks_like_feed)
    for ext in html.HTML_EXTENSIONS:
        readers.PATH_READERS[ext] = html.read_html_path
    for ext in warc.WARC_EXTENSIONS:
        readers.PATH_READERS[ext] = warc.read_warc_path


def _register(name: str, reader: Reader, extensions: Iterable[str],
              sniffer: Callable[[str], bool]) -> None:
    from dyadwatch.ingest import readers

    known = (name, sniffer) in readers.SNIFFERS
    readers.register_format(name, reader, extensions, None if known else sniffer)


register_builtin_formats()
