"""HTML pages → Articles: main text, title, date and publisher with trafilatura.

The main extractor (trafilatura, comments excluded) runs first; when it finds no
text, trafilatura's baseline and then its plain html2txt conversion take over.
The text then goes through furniture cleaning (``clean.clean_text``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from trafilatura import bare_extraction, baseline, html2txt
from trafilatura.settings import Document
from trafilatura.utils import decode_file

from dyadwatch.errors import DyadwatchError, EmptyArticleError, UnreadableInputError
from dyadwatch.ingest.clean import RULES
from dyadwatch.ingest.readers import ReadItem
from dyadwatch.model import Article, Failure

HTML_EXTENSIONS: tuple[str, ...] = (".html", ".htm", ".xhtml")
_HTML_HEAD = re.compile(
    r"\A(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S,
)
_MIN_FALLBACK_CHARS = 1  # the fallbacks run only when the main extractor finds nothing
_MAX_HTML_BYTES = 50_000_000
_MAX_FURNITURE_CHARS = 400  # longer lines are paragraphs, whatever words they contain
_KEEP_RULES = frozenset({"heading"})  # furniture rules not applied to extracted pages


@dataclass(frozen=True, slots=True)
class Page:
    """What extraction found in one HTML page."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    publisher: str | None = None
    url: str | None = None
    method: str = "trafilatura"  # trafilatura | baseline | html2txt | none


def looks_like_html(head: str) -> bool:
    """True when text starts like an HTML document (``<!doctype html`` or ``<html``)."""
    return bool(_HTML_HEAD.match(head.lstrip()))


def extract_page(html: str | bytes, url: str | None = None, clean: bool = True) -> Page:
    """Main text and metadata of an HTML page; ``text`` is empty when nothing was found.

    1. trafilatura's main extractor with metadata (comments left out);
    2. when it finds no text: trafilatura's baseline, then html2txt;
    3. furniture removal (read-more lines, share bars, pitches …) unless ``clean=False``.
    """
    source = decode_file(html) if isinstance(html, bytes) else html
    # 1.
    doc = _main_extraction(source, url)
    text, method = (doc.text or "", "trafilatura") if doc is not None else ("", "none")
    # 2.
    if len(text.strip()) < _MIN_FALLBACK_CHARS:
        text, method = _fallback_text(source)
    # 3.
    if clean:
        text = drop_furniture(text)
    return Page(text=text.strip(), title=_meta(doc, "title"), published=_doc_date(doc),
                publisher=_publisher(doc, url), url=url or _meta(doc, "url"), method=method)


def drop_furniture(text: str) -> str:
    """Text without lines matched by the furniture rules (``clean.RULES``) except headings.

    Subheadings and list items are part of an article body on the page, so the
    ``heading`` rule is left to the coder's own cleaning step.
    """
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line and not _is_furniture(line))


def _is_furniture(line: str) -> bool:
    if len(line) > _MAX_FURNITURE_CHARS:
        return False
    return any(matches(line) for name, matches in RULES if name not in _KEEP_RULES)


def _main_extraction(source: str, url: str | None) -> Document | None:
    result = bare_extraction(source, url=url, include_comments=False, with_metadata=True)
    return result if isinstance(result, Document) else None


def _fallback_text(source: str) -> tuple[str, str]:
    """Text from trafilatura's baseline, else from html2txt, with the method's name."""
    _, text, _ = baseline(source)
    if text.strip():
        return text, "baseline"
    text = html2txt(source)
    return (text, "html2txt") if text.strip() else ("", "none")


def _meta(doc: Document | None, name: str) -> str | None:
    value = getattr(doc, name, None) if doc is not None else None
    return value.strip() or None if isinstance(value, str) else None


def _doc_date(doc: Document | None) -> str | None:
    value = _meta(doc, "date")
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _publisher(doc: Document | None, url: str | None) -> str | None:
    """The site's name from the page, else the host name of its URL."""
    name = _meta(doc, "sitename") or _meta(doc, "hostname")
    if name is None and url:
        name = urlsplit(url).hostname
    return name


def url_article_id(url: str) -> str:
    """A stable article id for a web page: ``url-`` and 16 hex digits of the URL's SHA-1."""
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def page_article(html: str | bytes, origin: str, article_id: str, *, url: str | None = None,
                 published: str | None = None, publisher: str | None = None,
                 title: str | None = None,
                 fallback_published: str | None = None) -> Iterator[ReadItem]:
    """The page as an Article, or an E205 Failure when it has no main text.

    Given metadata wins over the page's own; ``fallback_published`` (a crawl date)
    is used only when neither gives a date.
    """
    page = extract_page(html, url)
    if not page.text:
        error = EmptyArticleError(path=origin, what="the page (no main text found)")
        yield _failure(error, origin, article_id)
        return
    yield Article(
        id=article_id, text=page.text,
        published=published or page.published or fallback_published,
        url=url or page.url, title=title or page.title,
        publisher=publisher or page.publisher, origin=origin,
    )


def read_html(text: str, origin: str) -> Iterator[ReadItem]:
    """Reader for HTML content already decoded (content sniffed as HTML)."""
    yield from page_article(text, origin, html_stem(origin))


def read_html_path(path: Path) -> Iterator[ReadItem]:
    """Reader for ``.html``/``.htm`` files (optionally ``.gz``): bytes decoded by charset."""
    origin = str(path)
    try:
        raw = _read_page_bytes(path)
    except DyadwatchError as e:
        yield _failure(e, origin)
        return
    yield from page_article(raw, origin, html_stem(origin))


def _read_page_bytes(path: Path) -> bytes:
    """The file's bytes (gzip is undone by ``decode_file``); E202 when unreadable."""
    try:
        if path.stat().st_size > _MAX_HTML_BYTES:
            raise UnreadableInputError(path=str(path), detail="HTML page larger than 50 MB")
        return path.read_bytes()
    except OSError as e:
        raise UnreadableInputError(path=str(path), detail=e.strerror or str(e)) from e


def html_stem(origin: str) -> str:
    """The article id of a page file: its name without ``.gz`` and the HTML extension."""
    name = Path(origin).name
    for suffix in (".gz", *HTML_EXTENSIONS):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _failure(error: DyadwatchError, where: str, article_id: str | None = None) -> Failure:
    return Failure(code=error.code, input=where, message=error.message, article_id=article_id)
