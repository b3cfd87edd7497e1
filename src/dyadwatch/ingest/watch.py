"""Watch folders, files and feeds: every poll codes only what is new.

A poll reads every source (files that changed since the last poll; feed URLs, whose
entries already seen are not fetched again), drops what the database already holds
(same article id and text SHA-1) or settled (non-English, duplicate), filters the
rest through language detection and de-duplication, and hands the batch to
``code_batch``. What was seen lives in the database, so a restarted watch does not
code anything twice. ``run_watch`` stops between two steps once ``stop`` is set.
"""

from __future__ import annotations

import hashlib
import logging
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Protocol

from dyadwatch.errors import ConfigError, DyadwatchError, ReaderFailedError
from dyadwatch.ingest.clean import clean_text
from dyadwatch.ingest.dedup import Deduplicator, drop_duplicates
from dyadwatch.ingest.feeds import read_feed_url
from dyadwatch.ingest.fetch import Fetcher
from dyadwatch.ingest.lang import english_only
from dyadwatch.ingest.readers import ReadItem, ReadLimits, iter_input_files, read_file
from dyadwatch.model import Article, Failure, RunSummary

log = logging.getLogger(__name__)
CodeBatch = Callable[[list[ReadItem]], RunSummary]
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class SeenStore(Protocol):
    """What the database knows (see ``dyadwatch.store.seen``)."""

    def stored_sha1(self, ids: Sequence[str]) -> dict[str, str]: ...

    def settled_ids(self, ids: Sequence[str]) -> set[str]: ...

    def article_texts(self) -> Iterable[tuple[str, str]]: ...


@dataclass(slots=True)
class PollResult:
    """What one poll did."""

    read: int = 0  # articles read from the sources
    known: int = 0  # skipped: stored or settled before
    new: int = 0  # articles handed to the coder
    failures: list[Failure] = field(default_factory=list)
    summary: RunSummary | None = None  # the coder's summary, when it ran


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``1h``, ``1d`` or a plain number of seconds."""
    match = _INTERVAL.match(text)
    if match is None or float(match.group(1)) <= 0:
        raise ConfigError(key="--every", detail=f"{text!r} is not an interval; use e.g. 30s, "
                                                 "15m, 1h or 1d")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def stored_text_sha1(text: str, clean: bool = True) -> str:
    """The ``articles.text_sha1`` the pipeline stores for this text (cleaned, then SHA-1)."""
    stored = clean_text(text).text if clean else text
    return hashlib.sha1(stored.encode("utf-8")).hexdigest()


class Watcher:
    """Polls sources and codes new articles through ``code_batch``."""

    def __init__(self, sources: Sequence[str], code_batch: CodeBatch, seen: SeenStore,
                 fetcher: Fetcher | None = None, limits: ReadLimits | None = None,
                 clean: bool = True, dedup: Deduplicator | None = None) -> None:
        self.sources = list(sources)
        self.code_batch = code_batch
        self.seen = seen
        self.fetcher = fetcher or Fetcher()
        self.limits = limits or ReadLimits()
        self.clean = clean
        self.dedup = dedup or Deduplicator()
        self._file_stamps: dict[Path, tuple[int, int]] = {}  # path → (mtime_ns, size)
        self._seen_ids: set[str] = set()
        self._loaded = False

    def poll(self, stop: threading.Event | None = None) -> PollResult:
        """Read every source once and code what is new."""
        self._load_once()
        result = PollResult()
        fresh = list(self._fresh(self._read_sources(stop), result))
        batch = list(drop_duplicates(english_only(fresh), self.dedup))
        result.failures.extend(i for i in batch if isinstance(i, Failure))
        result.new = sum(isinstance(i, Article) for i in batch)
        if batch:
            result.summary = self.code_batch(batch)
        self._seen_ids.update(_item_ids(batch))
        return result

    def forget_files(self) -> None:
        """Read every file again on the next poll (after a failed poll)."""
        self._file_stamps.clear()

    def _load_once(self) -> None:
        """Fill the de-duplicator from the database on the first poll."""
        if not self._loaded:
            count = self.dedup.load(self.seen.article_texts())
            log.info("de-duplication index loaded with %d stored articles", count)
            self._loaded = True

    def _read_sources(self, stop: threading.Event | None) -> Iterator[ReadItem]:
        for source in self.sources:
            if stop is not None and stop.is_set():
                return
            if is_url(source):
                yield from _guarded_feed(source, self.fetcher, self._known_id)
            else:
                yield from self._read_changed_files(Path(source))

    def _read_changed_files(self, root: Path) -> Iterator[ReadItem]:
        """Items of the files under ``root`` that are new or changed since the last poll."""
        for path in iter_input_files([root]):
            try:
                info = path.stat()
            except OSError:
                continue  # vanished between listing and reading: next poll
            stamp = (info.st_mtime_ns, info.st_size)
            if self._file_stamps.get(path) != stamp:
                self._file_stamps[path] = stamp
                yield from read_file(path, self.limits)

    def _known_id(self, article_id: str) -> bool:
        """True when the id was seen this run or is stored or settled in the database."""
        if article_id in self._seen_ids:
            return True
        found = bool(self.seen.stored_sha1([article_id]) or self.seen.settled_ids([article_id]))
        if found:
            self._seen_ids.add(article_id)
        return found

    def _fresh(self, items: Iterable[ReadItem], result: PollResult) -> Iterator[ReadItem]:
        """The items minus articles already stored with the same text, or settled."""
        for chunk in _chunks(items, 500):
            articles = [i for i in chunk if isinstance(i, Article)]
            ids = [a.id for a in articles]
            stored = self.seen.stored_sha1(ids)
            settled = self.seen.settled_ids(ids)
            result.read += len(articles)
            for item in chunk:
                if isinstance(item, Article) and self._already(item, stored, settled):
                    result.known += 1
                    continue
                yield item

    def _already(self, article: Article, stored: dict[str, str], settled: set[str]) -> bool:
        if article.id in settled:
            return True
        return stored.get(article.id) == stored_text_sha1(article.text, self.clean)


def _item_ids(items: Iterable[ReadItem]) -> Iterator[str]:
    for item in items:
        article_id = item.id if isinstance(item, Article) else item.article_id
        if article_id:
            yield article_id


def _chunks(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem]]:
    chunk: list[ReadItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_watch(watcher: Watcher, every_s: float, stop: threading.Event,
              on_poll: Callable[[PollResult], None] | None = None,
              max_polls: int | None = None) -> int:
    """Poll every ``every_s`` seconds until ``stop`` is set (or ``max_polls``); returns polls."""
    polls = 0
    while not stop.is_set() and (max_polls is None or polls < max_polls):
        polls += 1
        try:
            result = watcher.poll(stop)
        except DyadwatchError as e:  # e.g. the database is locked: retry on the next poll
            log.error("poll %d failed: %s", polls, e)
            watcher.forget_files()
            result = PollResult(failures=[Failure(e.code, "watch", e.message)])
        if on_poll is not None:
            on_poll(result)
        if max_polls is not None and polls >= max_polls:
            break
        stop.wait(every_s)
    return polls


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[threading.Event]:
    """SIGINT/SIGTERM set ``stop`` (the poll in progress finishes); a second one aborts."""

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        log.warning("stopping after the current step (signal %d); again to abort", signum)
        stop.set()

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _guarded_feed(url: str, fetcher: Fetcher,
                  known: Callable[[str], bool]) -> Iterator[ReadItem]:
    """A feed URL's items; a crash inside the feed parser is recorded (E211), not raised,
    so one broken feed never stops a watch."""
    try:
        yield from read_feed_url(url, fetcher, skip=known)
    except DyadwatchError:
        raise
    except Exception as e:  # a third-party parser bug on hostile input
        error = ReaderFailedError(path=url, fmt="feed", detail=f"{type(e).__name__}: {e}")
        yield Failure(error.code, url, error.message)
