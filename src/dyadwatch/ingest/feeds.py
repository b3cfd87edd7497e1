"""RSS and Atom feeds → Articles, one per entry (feedparser).

An entry's text is its linked page, fetched and extracted, when a ``Fetcher`` is
given and the page can be fetched; otherwise the entry's own content or summary.
The entry gives the date, link and title; the feed's title is the publisher.
Reading a feed *file* fetches nothing unless a fetcher is passed.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import feedparser
from trafilatura import html2txt

from dyadwatch.errors import DyadwatchError, EmptyArticleError, UnknownFormatError
from dyadwatch.ingest.fetch import Fetcher, fetch_failure
from dyadwatch.ingest.html import extract_page, url_article_id
from dyadwatch.ingest.readers import ReadItem
from dyadwatch.model import Article, Failure

FEED_EXTENSIONS: tuple[str, ...] = (".rss", ".atom", ".xml")
_FEED_HEAD = re.compile(
    r"\A(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*)*"
    r"<(?:rss\b|rdf:RDF\b|feed\b[^>]*http://www\.w3\.org/2005/Atom)", re.S,
)
_TAGS = re.compile(r"<[^>]+>")


def looks_like_feed(head: str) -> bool:
    """True when text starts like an RSS 2.0, RSS 1.0 (RDF) or Atom document."""
    return bool(_FEED_HEAD.match(head.lstrip()))


def read_feed(text: str, origin: str) -> Iterator[ReadItem]:
    """Reader for a feed file: entries with their own content, nothing fetched."""
    yield from feed_articles(text, origin)


def read_feed_url(url: str, fetcher: Fetcher,
                  skip: Callable[[str], bool] | None = None) -> Iterator[ReadItem]:
    """Articles of the feed at ``url``, each linked page fetched through ``fetcher``.

    Entries whose article id ``skip`` accepts are left out before anything is fetched.
    """
    try:
        response = fetcher.fetch(url)
    except DyadwatchError as e:
        yield fetch_failure(e, url)
        return
    yield from feed_articles(response.body, url, fetcher, skip)


def feed_articles(content: str | bytes, origin: str, fetcher: Fetcher | None = None,
                  skip: Callable[[str], bool] | None = None) -> Iterator[ReadItem]:
    """One article (or failure) per entry of a parsed feed, less the entries ``skip`` accepts."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries and not parsed.feed:
        detail = _bozo_detail(parsed) or "no RSS/Atom feed found"
        yield _failure(UnknownFormatError(path=origin, detail=detail), origin)
        return
    publisher = _str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#{number}"
        if skip is None or not skip(_entry_id(entry, entry_link(entry), where)):
            yield from entry_articles(entry, where, publisher, fetcher)


def entry_articles(entry: Any, where: str, publisher: str | None,
                   fetcher: Fetcher | None) -> Iterator[ReadItem]:
    """The entry as an Article: the linked page's text when fetched, else its own text."""
    link = entry_link(entry)
    article_id = _entry_id(entry, link, where)
    text = ""
    if fetcher is not None and link:
        text, failure = _linked_text(link, fetcher, article_id)
        if failure is not None:
            yield failure
    text = text or entry_text(entry)
    if not text:
        yield _failure(EmptyArticleError(path=where, what=f"entry {article_id!r}"), where,
                       article_id)
        return
    yield Article(id=article_id, text=text, published=entry_date(entry), url=link,
                  title=_str(entry.get("title")), publisher=publisher, origin=where)


def _linked_text(link: str, fetcher: Fetcher, article_id: str) -> tuple[str, Failure | None]:
    """The main text of the linked page, or "" and the failure that prevented it."""
    try:
        response = fetcher.fetch(link)
    except DyadwatchError as e:
        return "", fetch_failure(e, link, article_id)
    return extract_page(response.body, response.url).text, None


def entry_link(entry: Any) -> str | None:
    """The entry's http(s) link (feedparser falls back to a guid such as ``urn:uuid:…``)."""
    link = _str(entry.get("link"))
    return link if link and link.lower().startswith(("http://", "https://")) else None


def entry_text(entry: Any) -> str:
    """The entry's full content when it has one, else its summary, as plain text."""
    for item in entry.get("content") or ():
        text = fragment_text(_str(item.get("value")) or "")
        if text:
            return text
    return fragment_text(_str(entry.get("summary")) or "")


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (or of plain text with entities)."""
    if not fragment.strip():
        return ""
    text = html2txt(f"<html><body>{fragment}</body></html>")
    return (text or _TAGS.sub(" ", fragment)).strip()


def entry_date(entry: Any) -> str | None:
    """ISO date (UTC) of the entry's publication, else of its last update."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))


def _entry_id(entry: Any, link: str | None, where: str) -> str:
    """The link's id (same page, same id across feeds and WARCs), else the guid's, else where."""
    if link:
        return url_article_id(link)
    guid = _str(entry.get("id"))
    if guid:
        return "guid-" + hashlib.sha1(guid.encode("utf-8")).hexdigest()[:16]
    return f"{Path(where.split('#')[0]).name}-{where.rsplit('#', 1)[-1]}"


def _bozo_detail(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    return f"not a feed: {error}" if error else ""


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _failure(error: DyadwatchError, where: str, article_id: str | None = None) -> Failure:
    return Failure(code=error.code, input=where, message=error.message, article_id=article_id)
