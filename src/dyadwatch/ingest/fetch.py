"""Network fetches for feeds and linked pages: timeouts, a size cap, a per-host rate limit.

Every request names itself ``dyadwatch/<version>``, goes only to http(s) addresses,
honours robots.txt (optional) and raises a coded error (E601–E605) on any problem.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import Protocol
from urllib.parse import urlsplit

from dyadwatch import __version__
from dyadwatch.errors import (
    DyadwatchError,
    FetchFailedError,
    FetchRefusedError,
    FetchTimeoutError,
    HttpStatusError,
    ResponseTooLargeError,
)
from dyadwatch.model import Failure

USER_AGENT = f"dyadwatch/{__version__}"
_CHUNK = 65_536


class _Readable(Protocol):
    def read(self, n: int, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How politely and how much to fetch (documented in docs/ingest.md)."""

    timeout_s: float = 20.0
    max_bytes: int = 10_000_000
    min_interval_s: float = 1.0  # between two requests to the same host
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # the final address, after redirects
    status: int
    content_type: str
    body: bytes


class Fetcher:
    """Fetches URLs one at a time, waiting between requests to the same host.

    ``clock`` and ``sleep`` are injectable so rate limiting can be tested without waiting.
    """

    def __init__(self, limits: FetchLimits | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.limits = limits or FetchLimits()
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._opener = urllib.request.build_opener()

    def fetch(self, url: str) -> Response:
        """The response for ``url``; raises E601–E605 (``DyadwatchError``) on failure."""
        host = _checked_host(url)
        if self.limits.respect_robots and not self._robots_allow(url, host):
            raise FetchRefusedError(url=url, detail="robots.txt disallows it",
                                    hint="The site asks robots not to fetch this page.")
        return self._get(url, host)

    def _get(self, url: str, host: str) -> Response:
        self._wait_for(host)
        request = urllib.request.Request(url, headers={"User-Agent": self.limits.user_agent})
        try:
            with self._opener.open(request, timeout=self.limits.timeout_s) as reply:
                body = self._read_capped(url, reply.headers, reply)
                return Response(url=reply.geturl(), status=reply.status,
                                content_type=reply.headers.get_content_type(), body=body)
        except urllib.error.HTTPError as e:
            e.close()
            raise HttpStatusError(url=url, status=e.code, reason=e.reason) from e
        except TimeoutError as e:
            raise FetchTimeoutError(url=url, timeout=self.limits.timeout_s) from e
        except urllib.error.URLError as e:
            raise _url_error(url, e, self.limits.timeout_s) from e
        except (OSError, ValueError) as e:
            raise FetchFailedError(url=url, detail=str(e) or type(e).__name__) from e
        finally:
            self._last[host] = self._clock()

    def _read_capped(self, url: str, headers: Message, reply: _Readable) -> bytes:
        limit = self.limits.max_bytes
        declared = headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise ResponseTooLargeError(url=url, limit=limit)
        chunks: list[bytes] = []
        size = 0
        while chunk := reply.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise ResponseTooLargeError(url=url, limit=limit)
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is None:
            return
        delay = last + self.limits.min_interval_s - self._clock()
        if delay > 0:
            self._sleep(delay)

    def _robots_allow(self, url: str, host: str) -> bool:
        if host not in self._robots:
            self._robots[host] = self._load_robots(url, host)
        parser = self._robots[host]
        return parser is None or parser.can_fetch(self.limits.user_agent, url)

    def _load_robots(self, url: str, host: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt rules; None (everything allowed) when there is none."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            reply = self._get(robots_url, host)
        except DyadwatchError:
            return None
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(reply.body.decode("utf-8", errors="replace").splitlines())
        return parser


def _checked_host(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefusedError(url=url, detail=f"scheme {parts.scheme or 'none'!r}",
                                hint="Only http:// and https:// addresses are fetched.")
    return parts.netloc.lower()


def _url_error(url: str, error: urllib.error.URLError, timeout: float) -> DyadwatchError:
    if isinstance(error.reason, TimeoutError):
        return FetchTimeoutError(url=url, timeout=timeout)
    return FetchFailedError(url=url, detail=str(error.reason))


def fetch_failure(error: DyadwatchError, url: str, article_id: str | None = None) -> Failure:
    """A Failure record for a fetch error."""
    return Failure(code=error.code, input=url, message=error.message, article_id=article_id)
