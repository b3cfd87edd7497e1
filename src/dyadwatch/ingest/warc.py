"""WARC archives (``.warc``, ``.warc.gz``) → Articles, one per HTML page (warcio).

Each ``response`` record with a 2xx HTML payload (and each ``resource`` record of
type text/html) is extracted like an HTML file. The article's URL is the record's
WARC-Target-URI; its date is the page's own publication date when the page states
one, else the capture date (WARC-Date).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from dyadwatch.errors import DyadwatchError, MalformedRecordError, UnreadableInputError
from dyadwatch.ingest.html import page_article, url_article_id
from dyadwatch.ingest.readers import ReadItem
from dyadwatch.model import Failure

WARC_EXTENSIONS: tuple[str, ...] = (".warc",)
MAX_RECORD_BYTES = 50_000_000
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio raises on damaged input (malformed headers surface as AttributeError/TypeError).
_BROKEN = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error, ValueError,
           AttributeError, TypeError, IndexError, KeyError)


def read_warc_path(path: Path) -> Iterator[ReadItem]:
    """Articles from every HTML page of a WARC file; a Failure when it cannot be read."""
    origin = str(path)
    try:
        with path.open("rb") as fh:
            yield from _records(ArchiveIterator(fh), origin)
    except OSError as e:
        yield _failure(UnreadableInputError(path=origin, detail=e.strerror or str(e)), origin)


def _records(records: ArchiveIterator, origin: str) -> Iterator[ReadItem]:
    """Articles from the records; a broken archive stops with one E202 Failure."""
    try:
        for number, record in enumerate(records, start=1):
            if record.format != "warc":
                detail = f"record {number} at byte {records.offset} has no WARC header"
                yield _failure(UnreadableInputError(path=origin, detail=detail), origin)
                return
            if is_html_record(record):
                yield from record_articles(record, f"{origin}#{number}")
    except _BROKEN as e:
        detail = f"not a readable WARC after {records.offset} bytes: {e}"
        yield _failure(UnreadableInputError(path=origin, detail=detail), origin)


def is_html_record(record: Any) -> bool:
    """True for a 2xx HTML ``response`` record or an HTML ``resource`` record."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        ctype = record.http_headers.get_header("Content-Type") or ""
        return status.startswith("2") and _is_html(ctype)
    if record.rec_type == "resource":
        return _is_html(record.rec_headers.get_header("Content-Type") or "")
    return False


def record_articles(record: Any, where: str) -> Iterator[ReadItem]:
    """The record's page as an Article (or an E205/E206 Failure)."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    article_id = url_article_id(uri) if uri else where
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        error = MalformedRecordError(path=where, detail="HTML payload larger than 50 MB")
        yield _failure(error, where, article_id)
        return
    captured = _iso_day(record.rec_headers.get_header("WARC-Date") or "")
    yield from page_article(body, where, article_id, url=uri or None,
                            fallback_published=captured)


def _iso_day(value: str) -> str | None:
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _is_html(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _failure(error: DyadwatchError, where: str, article_id: str | None = None) -> Failure:
    return Failure(code=error.code, input=where, message=error.message, article_id=article_id)
