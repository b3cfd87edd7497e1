"""Readers: files and directories → Articles, with every problem recorded as a Failure.

Formats are detected by extension (after an optional ``.gz``) and, failing that,
by content. Readers never raise for bad input: they yield a ``Failure`` naming
the input and go on with the rest.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dyadwatch.errors import (
    BadDateError,
    BinaryInputError,
    DyadwatchError,
    EmptyArticleError,
    InvalidEncodingError,
    MalformedRecordError,
    TruncatedInputError,
    UnknownFormatError,
    UnreadableInputError,
)
from dyadwatch.model import Article, Failure

ReadItem = Article | Failure
Reader = Callable[[str, str], Iterator[ReadItem]]  # (text, origin) → items

# Column aliases accepted in JSONL and CSV records (first present wins).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "newid", "guid"),
    "text": ("text", "body", "content", "article", "maintext"),
    "date": ("date", "published", "publish_date", "date_publish", "pubdate", "datetime"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "publisher": ("publisher", "source", "source_domain", "outlet"),
}
_DATE_HEADER = re.compile(r"\A\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
_MAX_SNIFF = 8192
MAX_FILE_BYTES = 2_000_000_000


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_article_chars: int = 200_000


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand directories recursively (sorted, hidden files skipped); files pass through."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.parts[-1:]):
                    yield child
        else:
            yield path


def read_inputs(paths: Iterable[Path], limits: ReadLimits | None = None) -> Iterator[ReadItem]:
    """Every article (or failure) from every input path."""
    for path in iter_input_files(paths):
        yield from read_file(path, limits or ReadLimits())


def read_file(path: Path, limits: ReadLimits) -> Iterator[ReadItem]:
    """Articles from one file; unreadable, binary or unknown files become Failures."""
    origin = str(path)
    path_reader = PATH_READERS.get(_extension(path))
    if path_reader is not None:
        for item in path_reader(path):
            yield from _limited(item, limits)
        return
    try:
        raw = _read_bytes(path)
    except DyadwatchError as e:
        yield _failure(e, origin)
        return
    if b"\x00" in raw[:_MAX_SNIFF]:
        yield _failure(BinaryInputError(path=origin, detail="it contains NUL bytes"), origin)
        return
    text, bad_encoding = _decode(raw)
    if bad_encoding:
        yield _failure(InvalidEncodingError(path=origin, detail=bad_encoding), origin)
    fmt = detect_format(path, text)
    if fmt is None:
        yield _failure(UnknownFormatError(path=origin, detail="unrecognised content"), origin)
        return
    for item in READERS[fmt](text, origin):
        yield from _limited(item, limits)


def _limited(item: ReadItem, limits: ReadLimits) -> Iterator[ReadItem]:
    """The item, with over-long articles truncated and the cut recorded (E208)."""
    if isinstance(item, Failure) or len(item.text) <= limits.max_article_chars:
        yield item
        return
    yield truncation_failure(item, len(item.text), limits.max_article_chars)
    yield _limit(item, limits)


def _read_bytes(path: Path) -> bytes:
    origin = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableInputError(path=origin, detail="larger than 2 GB; split it")
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                return fh.read()
        return path.read_bytes()
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        raise UnreadableInputError(path=origin, detail=f"broken gzip data: {e}") from e
    except OSError as e:
        raise UnreadableInputError(path=origin, detail=e.strerror or str(e)) from e


def _decode(raw: bytes) -> tuple[str, str]:
    """UTF-8 text (BOM dropped) and, when bytes were invalid, a note saying where."""
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError as e:
        return raw.decode("utf-8", errors="replace"), f"first bad byte at offset {e.start}"


def detect_format(path: Path, text: str) -> str | None:
    """'text', 'jsonl' or 'csv' (or a registered format) from extension, else content."""
    ext = _extension(path)
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    return sniff_format(text)


def _extension(path: Path) -> str:
    """The format-bearing suffix: ``a.jsonl.gz`` → ``.jsonl``, ``a.warc.gz`` → ``.warc``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def sniff_format(text: str) -> str | None:
    head = text.lstrip()[:_MAX_SNIFF]
    if not head:
        return "text"
    for name, sniffer in SNIFFERS:
        if sniffer(head):
            return name
    if head.startswith("{"):
        return "jsonl"
    first = head.splitlines()[0].lower()
    if "," in first and any(a in _split_header(first) for a in FIELD_ALIASES["text"]):
        return "csv"
    printable = sum(ch.isprintable() or ch.isspace() for ch in head) / len(head)
    return "text" if printable > 0.95 else None


def _split_header(line: str) -> list[str]:
    return [cell.strip().strip('"') for cell in line.split(",")]


def read_text(text: str, origin: str) -> Iterator[ReadItem]:
    """One article per file; an optional leading ``date YYYY-MM-DD`` sets its date."""
    published = None
    match = _DATE_HEADER.match(text)
    if match:
        published = match.group(1)
        text = text[match.end():]
    article_id = _stem(origin)
    if not text.strip():
        yield _failure(EmptyArticleError(path=origin, what="the file"), origin, article_id)
        return
    yield Article(id=article_id, text=text.strip(), published=_iso_date(published, origin)[0],
                  origin=origin)


def read_jsonl(text: str, origin: str) -> Iterator[ReadItem]:
    """One JSON object per line; blank lines are skipped, bad lines recorded."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield _failure(MalformedRecordError(path=where, detail=f"invalid JSON ({e.msg})"),
                           where)
            continue
        if not isinstance(record, dict):
            yield _failure(MalformedRecordError(path=where, detail="not a JSON object"), where)
            continue
        yield from article_from_record(record, where, f"{_stem(origin)}-{number}")


def read_csv(text: str, origin: str) -> Iterator[ReadItem]:
    """CSV with a header row naming the columns (id, text, date, url, title, publisher)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not _pick(dict.fromkeys(reader.fieldnames, "x"), "text"):
        where = f"{origin}:1"
        detail = f"no text column in header {reader.fieldnames!r}; name one 'text'"
        yield _failure(MalformedRecordError(path=where, detail=detail), where)
        return
    try:
        for number, record in enumerate(reader, start=2):
            where = f"{origin}:{reader.line_num}"
            if None in record:
                yield _failure(MalformedRecordError(
                    path=where, detail="more cells than header columns"), where)
                continue
            yield from article_from_record(record, where, f"{_stem(origin)}-{number - 1}")
    except csv.Error as e:
        where = f"{origin}:{reader.line_num}"
        yield _failure(MalformedRecordError(path=where, detail=f"broken CSV ({e})"), where)


def article_from_record(record: dict[str, Any], where: str, fallback_id: str) -> Iterator[ReadItem]:
    """An Article from a JSON/CSV record using FIELD_ALIASES; failures for missing text or bad dates."""
    article_id = str(_pick(record, "id") or fallback_id)
    text = _pick(record, "text")
    if not isinstance(text, str) or not text.strip():
        yield _failure(EmptyArticleError(path=where, what=f"record {article_id!r}"), where,
                       article_id)
        return
    published, problem = _iso_date(_pick(record, "date"), where)
    if problem is not None:
        yield problem
    yield Article(
        id=article_id, text=text.strip(), published=published,
        url=_str_or_none(_pick(record, "url")), title=_str_or_none(_pick(record, "title")),
        publisher=_str_or_none(_pick(record, "publisher")), origin=where,
    )


def _pick(record: dict[str, Any], field: str) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for alias in FIELD_ALIASES[field]:
        value = lowered.get(alias)
        if value not in (None, ""):
            return value
    return None


def _iso_date(value: Any, where: str) -> tuple[str | None, Failure | None]:
    """ISO date (YYYY-MM-DD) from a date or timestamp string; a Failure when unparseable."""
    if value in (None, ""):
        return None, None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat(), None
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat(), None
    except ValueError:
        return None, _failure(BadDateError(path=where, value=text), where)


def _limit(article: Article, limits: ReadLimits) -> Article:
    if len(article.text) <= limits.max_article_chars:
        return article
    return Article(
        id=article.id, text=article.text[: limits.max_article_chars],
        published=article.published, url=article.url, title=article.title,
        publisher=article.publisher, origin=article.origin,
    )


def truncation_failure(article: Article, original_chars: int, limit: int) -> Failure:
    error = TruncatedInputError(path=article.origin, detail=f"{original_chars} characters",
                                limit=limit)
    return _failure(error, article.origin, article.id)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _stem(origin: str) -> str:
    name = Path(origin).name
    for suffix in (".gz", ".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".md"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _failure(error: DyadwatchError, where: str, article_id: str | None = None) -> Failure:
    return Failure(code=error.code, input=where, message=error.message, article_id=article_id)


READERS: dict[str, Reader] = {"text": read_text, "jsonl": read_jsonl, "csv": read_csv}
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv",
}
# Readers that need the file itself (binary containers such as WARC), by extension.
PATH_READERS: dict[str, Callable[[Path], Iterator[ReadItem]]] = {}
# Content sniffers tried before the built-in ones: (format name, predicate on the text head).
SNIFFERS: list[tuple[str, Callable[[str], bool]]] = []


def register_format(name: str, reader: Reader, extensions: Iterable[str] = (),
                    sniffer: Callable[[str], bool] | None = None) -> None:
    """Add a text reader (HTML, feeds …) under ``name`` for ``extensions`` and content.

    Binary containers register in ``PATH_READERS`` by extension instead.
    """
    READERS[name] = reader
    for ext in extensions:
        EXTENSIONS[ext.lower()] = name
    if sniffer is not None:
        SNIFFERS.append((name, sniffer))
