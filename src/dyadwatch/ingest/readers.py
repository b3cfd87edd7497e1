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
import unicodedata
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
    ReaderFailedError,
    TruncatedInputError,
    UnknownFormatError,
    UnreadableInputError,
)
from dyadwatch.model import Article, Failure, encodable

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
MAX_FILE_BYTES = 2_000_000_000  # larger files (or gzip data inflating beyond it) are refused
# Share of control or replacement characters in the first 8 KB above which a file is binary.
BINARY_SHARE = 0.3
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# A CSV record may span at most this many lines (an unclosed quote would swallow the file).
MAX_RECORD_LINES = 10_000
# Largest CSV field read (the csv module's own default is 128 KB); longer articles are
# then truncated to ingest.max_article_chars like any other (E208).
MAX_CSV_FIELD = 100_000_000


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
    ext = _extension(path)
    path_reader = PATH_READERS.get(ext)
    if path_reader is not None:
        items = _guarded(path_reader(path), origin, ext.lstrip(".") or "file")
        for item in items:
            yield from _limited(item, limits)
        return
    try:
        raw = _read_bytes(path)
    except DyadwatchError as e:
        yield _failure(e, origin)
        return
    yield from _read_raw(path, raw, limits)


def _read_raw(path: Path, raw: bytes, limits: ReadLimits) -> Iterator[ReadItem]:
    """Items from a file's bytes: binary refused, encoding problems recorded, format detected."""
    origin = str(path)
    binary = binary_detail(raw)
    if binary:
        yield _failure(BinaryInputError(path=origin, detail=binary), origin)
        return
    text, bad_encoding = _decode(raw)
    if bad_encoding:
        yield _failure(InvalidEncodingError(path=origin, detail=bad_encoding), origin)
    fmt = detect_format(path, text)
    if fmt is None:
        yield _failure(UnknownFormatError(path=origin, detail="unrecognised content"), origin)
        return
    for item in _guarded(READERS[fmt](text, origin), origin, fmt):
        yield from _limited(item, limits)


def _guarded(items: Iterator[ReadItem], origin: str, fmt: str) -> Iterator[ReadItem]:
    """The reader's items; an unexpected exception ends them with one E211 Failure.

    Third-party parsers (HTML, feeds, WARC) can fail in ways no list of exception
    types foresees; one damaged file must not end a run of thousands.
    """
    try:
        yield from items
    except Exception as e:  # noqa: BLE001 - recorded with its type, the run goes on
        detail = f"{type(e).__name__}: {e}"[:300]
        yield _failure(ReaderFailedError(path=origin, fmt=fmt, detail=detail), origin)


def binary_detail(raw: bytes) -> str:
    """Why the bytes look binary (NUL bytes, mostly control characters), else ""."""
    head = raw[:_MAX_SNIFF]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it starts with a UTF-16 byte-order mark; re-encode it as UTF-8"
    if b"\x00" in head:
        return "it contains NUL bytes"
    sample = head.decode("utf-8", errors="replace")
    odd = sum(1 for ch in sample if ch == "\ufffd" or _is_control(ch))
    if sample and odd / len(sample) > BINARY_SHARE:
        return f"{odd} of its first {len(sample)} characters are control or undecodable bytes"
    return ""


def _is_control(ch: str) -> bool:
    return ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"


def _limited(item: ReadItem, limits: ReadLimits) -> Iterator[ReadItem]:
    """The item, with unencodable characters replaced (E204) and over-long articles
    truncated (E208), each change recorded."""
    if isinstance(item, Article):
        clean = encodable_article(item)
        if clean is not item:
            detail = "lone surrogate code points (e.g. a JSON \\ud800 escape) replaced"
            yield _failure(InvalidEncodingError(path=clean.origin, detail=detail), clean.origin,
                           clean.id)
            item = clean
    if isinstance(item, Failure) or len(item.text) <= limits.max_article_chars:
        yield item
        return
    yield truncation_failure(item, len(item.text), limits.max_article_chars)
    yield _limit(item, limits)


def encodable_article(article: Article) -> Article:
    """The article itself when every field encodes as UTF-8, else a copy that does."""
    fields = (article.id, article.text, article.published, article.url, article.title,
              article.publisher, article.origin)
    fixed = tuple(None if value is None else encodable(value) for value in fields)
    if fixed == fields:
        return article
    return Article(id=fixed[0] or article.id, text=fixed[1] or "", published=fixed[2],
                   url=fixed[3], title=fixed[4], publisher=fixed[5], origin=fixed[6] or "")


def _read_bytes(path: Path) -> bytes:
    origin = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableInputError(path=origin, detail="larger than 2 GB; split it")
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise UnreadableInputError(path=origin, detail="inflates to more than 2 GB")
            return data
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
    published, problem = None, None
    match = _DATE_HEADER.match(text)
    if match:
        published, problem = _iso_date(match.group(1), origin)
        text = text[match.end():]
    article_id = _stem(origin)
    if not text.strip():
        yield _failure(EmptyArticleError(path=origin, what="the file"), origin, article_id)
        return
    if problem is not None:
        yield problem
    yield Article(id=article_id, text=text.strip(), published=published, origin=origin)


def read_jsonl(text: str, origin: str) -> Iterator[ReadItem]:
    """One JSON object per line; blank lines are skipped, bad lines recorded."""
    # Records end at "\n" only: U+2028, \x0c … are valid inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as e:  # JSONDecodeError, int digits, deep nesting
            detail = f"invalid JSON ({getattr(e, 'msg', None) or type(e).__name__})"
            yield _failure(MalformedRecordError(path=where, detail=detail), where)
            continue
        if not isinstance(record, dict):
            yield _failure(MalformedRecordError(path=where, detail="not a JSON object"), where)
            continue
        yield from article_from_record(record, where, f"{_stem(origin)}-{number}")


def read_csv(text: str, origin: str) -> Iterator[ReadItem]:
    """CSV with a header row naming the columns (id, text, date, url, title, publisher).

    A broken row (unclosed quote, too many cells, a bad character) is recorded and
    skipped; reading resumes on the line after the one where that row began.
    """
    _raise_csv_field_limit(MAX_CSV_FIELD)
    lines = io.StringIO(text, newline="").readlines()  # \r, \n, \r\n only, as csv expects
    rows = _csv_rows(lines, origin)
    header = next(rows, None)
    if isinstance(header, Failure):
        yield header
        return
    names = header[1] if header is not None else []
    if not _pick(dict.fromkeys(names, "x"), "text"):
        where = f"{origin}:1"
        detail = f"no text column in header {names!r}; name one 'text'"
        yield _failure(MalformedRecordError(path=where, detail=detail), where)
        return
    for number, item in enumerate(rows, start=1):
        yield from _csv_record(item, names, origin, number)


def _csv_record(item: tuple[int, list[str]] | Failure, names: list[str], origin: str,
                number: int) -> Iterator[ReadItem]:
    if isinstance(item, Failure):
        yield item
        return
    line, cells = item
    where = f"{origin}:{line}"
    if len(cells) > len(names):
        yield _failure(MalformedRecordError(path=where, detail="more cells than header columns"),
                       where)
        return
    record = dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=True))
    yield from article_from_record(record, where, f"{_stem(origin)}-{number}")


def _csv_rows(lines: list[str], origin: str) -> Iterator[tuple[int, list[str]] | Failure]:
    """(first line number, cells) per non-blank CSV record, or a Failure for a broken one."""
    start = 0
    while start < len(lines):
        source = _LineSource(lines, start)
        reader = csv.reader(source)
        while True:
            source.record_start = source.position
            first = source.position + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except (csv.Error, _RecordTooLong) as e:
                yield _csv_failure(origin, first, e)
                start = first  # resume on the line after the broken record began
                break
            if source.exhausted:  # the record ran into the end of the file: an unclosed quote
                yield _csv_failure(origin, first, csv.Error("unclosed quote"))
                start = first
                break
            if cells:
                yield first, cells


def _csv_failure(origin: str, line: int, error: Exception) -> Failure:
    where = f"{origin}:{line}"
    return _failure(MalformedRecordError(path=where, detail=f"broken CSV ({error})"), where)


class _RecordTooLong(Exception):
    def __str__(self) -> str:
        return f"a record spans more than {MAX_RECORD_LINES} lines; unclosed quote?"


class _LineSource:
    """Lines for csv.reader from ``start``, counted; a record of too many lines is stopped."""

    def __init__(self, lines: list[str], start: int) -> None:
        self.lines = lines
        self.position = start  # index of the next line to hand out
        self.record_start = start
        self.exhausted = False

    def __iter__(self) -> _LineSource:
        return self

    def __next__(self) -> str:
        if self.position >= len(self.lines):
            self.exhausted = True
            raise StopIteration
        if self.position - self.record_start >= MAX_RECORD_LINES:
            raise _RecordTooLong
        self.position += 1
        return self.lines[self.position - 1]


def _raise_csv_field_limit(limit: int) -> None:
    """Raise the csv module's process-wide field size limit to ``limit`` (never lower it).

    Only ever raising it keeps concurrent readers in other threads safe.
    """
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def article_from_record(record: dict[str, Any], where: str, fallback_id: str) -> Iterator[ReadItem]:
    """An Article from a JSON/CSV record (FIELD_ALIASES); failures for no text or bad dates."""
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
