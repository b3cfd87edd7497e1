from __future__ import annotations

import pytest
from local_http import serve

from dyadwatch import __version__
from dyadwatch.errors import (
    DyadwatchError,
    FetchFailedError,
    FetchRefusedError,
    FetchTimeoutError,
    HttpStatusError,
    ResponseTooLargeError,
)
from dyadwatch.ingest.fetch import Fetcher, FetchLimits


class FakeClock:
    """A clock that only moves when the fetcher sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.mark.parametrize("path", ["/story"])
def test_fetch_sends_user_agent_and_returns_body(path: str) -> None:
    with serve() as site:
        url = site.add(path, "<html><body><p>Hello</p></body></html>")
        response = Fetcher(FetchLimits(respect_robots=False)).fetch(url)
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.body.startswith(b"<html>")
    assert site.requests == [(path, f"dyadwatch/{__version__}")]


@pytest.mark.parametrize(
    ("route", "limits", "error", "code"),
    [
        ({"body": "x" * 5000}, FetchLimits(max_bytes=1000, respect_robots=False),
         ResponseTooLargeError, "E603"),
        ({"body": "gone", "status": 404}, FetchLimits(respect_robots=False),
         HttpStatusError, "E602"),
        ({"body": "slow", "delay_s": 1.5}, FetchLimits(timeout_s=0.2, respect_robots=False),
         FetchTimeoutError, "E604"),
    ],
)
def test_fetch_errors_are_coded(route: dict[str, object], limits: FetchLimits,
                                error: type[DyadwatchError], code: str) -> None:
    with serve() as site:
        url = site.add("/page", **route)  # type: ignore[arg-type]
        with pytest.raises(error) as raised:
            Fetcher(limits).fetch(url)
    assert raised.value.code == code
    assert url in str(raised.value)


@pytest.mark.parametrize("url", ["file:///etc/hostname", "ftp://127.0.0.1/x", "no-scheme"])
def test_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchRefusedError, match="E605"):
        Fetcher().fetch(url)


@pytest.mark.parametrize("port", [9])  # discard port: nothing listens on 127.0.0.1:9
def test_fetch_connection_refused_is_e601(port: int) -> None:
    with pytest.raises(FetchFailedError, match="E601"):
        Fetcher(FetchLimits(respect_robots=False, timeout_s=2)).fetch(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        ("User-agent: *\nDisallow: /private/\n", "/private/page", False),
        ("User-agent: *\nDisallow: /private/\n", "/public/page", True),
        ("User-agent: dyadwatch\nDisallow: /\n", "/public/page", False),
    ],
)
def test_fetch_honours_robots_txt(robots: str, path: str, allowed: bool) -> None:
    with serve() as site:
        site.add("/robots.txt", robots, content_type="text/plain")
        url = site.add(path, "<html><body>page</body></html>")
        fetcher = Fetcher(FetchLimits(min_interval_s=0))
        if allowed:
            assert fetcher.fetch(url).status == 200
        else:
            with pytest.raises(FetchRefusedError, match="robots.txt"):
                fetcher.fetch(url)
    assert site.paths()[0] == "/robots.txt"


@pytest.mark.parametrize("interval", [2.0])
def test_fetch_waits_between_requests_to_one_host(interval: float) -> None:
    clock = FakeClock()
    with serve() as site:
        urls = [site.add(f"/p{i}", "<html><body>x</body></html>") for i in range(3)]
        fetcher = Fetcher(FetchLimits(min_interval_s=interval, respect_robots=False),
                          clock=clock, sleep=clock.sleep)
        for url in urls:
            fetcher.fetch(url)
    assert clock.sleeps == [interval, interval]
