from __future__ import annotations

from pathlib import Path

import pytest
from local_http import serve

from dyadwatch.ingest.feeds import feed_articles, looks_like_feed, read_feed_url
from dyadwatch.ingest.fetch import Fetcher, FetchLimits
from dyadwatch.ingest.html import url_article_id
from dyadwatch.ingest.readers import read_inputs
from dyadwatch.model import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"
_FAST = FetchLimits(min_interval_s=0, timeout_s=5)


def _articles(items: list[Article | Failure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("world.rss", [
            ("Greece and Turkey agree to resume talks on maritime dispute", "2024-03-05",
             "Harbour Times World", "resume exploratory talks"),
            ("Armenia accuses Azerbaijan of shelling border villages", "2024-04-11",
             "Harbour Times World", "wounding a farmer. Azerbaijan denied"),
            ("Bundesregierung kündigt neue Gespräche an", "2024-04-12",
             "Harbour Times World", "Die Bundesregierung"),
        ]),
        ("world.atom", [
            ("Armenia accuses Azerbaijan of shelling border villages", "2024-04-11",
             "Caucasus Wire", "shelling two villages"),
            ("Georgia recalls its ambassador", "2024-04-10", "Caucasus Wire",
             "recalled its ambassador from Belarus"),
        ]),
    ],
)
def test_feeds_file_read_end_to_end(tmp_path: Path, name: str,
                                    expected: list[tuple[str, str, str, str]]) -> None:
    articles = _articles(list(read_inputs([FIXTURES / name])))
    found = [(a.title, a.published, a.publisher) for a in articles]
    assert found == [row[:3] for row in expected]
    for article, row in zip(articles, expected, strict=True):
        assert row[3] in article.text
        assert "<p>" not in article.text


@pytest.mark.parametrize("name", ["world.rss"])
def test_feeds_entry_ids_follow_links(name: str) -> None:
    [first, *_] = _articles(list(read_inputs([FIXTURES / name])))
    assert first.url == "http://news.invalid/world/talks-resume"
    assert first.id == url_article_id(first.url)
    assert first.origin.endswith("world.rss#1")


@pytest.mark.parametrize("suffix", [".xml", ""])
def test_feeds_sniffed_by_content(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"feed{suffix}"
    path.write_bytes((FIXTURES / "world.atom").read_bytes())
    assert len(_articles(list(read_inputs([path])))) == 2


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0">', True),
        ('<feed xmlns="http://www.w3.org/2005/Atom">', True),
        ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', True),
        ("<html><body>", False),
        ('<?xml version="1.0"?><catalog>', False),
    ],
)
def test_feeds_sniffer(head: str, expected: bool) -> None:
    assert looks_like_feed(head) is expected


@pytest.mark.parametrize("content", ['<?xml version="1.0"?><catalog><book/></catalog>'])
def test_feeds_xml_that_is_no_feed_is_e201(tmp_path: Path, content: str) -> None:
    path = tmp_path / "catalog.xml"
    path.write_text(content, encoding="utf-8")
    [failure] = list(read_inputs([path]))
    assert isinstance(failure, Failure) and failure.code == "E201"


@pytest.mark.parametrize("content", ["http://127.0.0.1:9/feed.rss"])
def test_feeds_text_is_never_taken_for_a_url(content: str) -> None:
    items = list(feed_articles(content, "odd.rss"))
    assert all(isinstance(item, Failure) for item in items)


def _serve_feed(site_base: str) -> str:
    return (FIXTURES / "world.rss").read_text(encoding="utf-8").replace(
        "http://news.invalid", site_base)


@pytest.mark.parametrize("page", ["talks_resume.html"])
def test_feeds_url_fetches_linked_pages(page: str) -> None:
    with serve() as site:
        feed_url = site.add("/world.rss", _serve_feed(site.base),
                            content_type="application/rss+xml")
        site.add("/world/talks-resume", (FIXTURES / page).read_bytes())
        items = list(read_feed_url(feed_url, Fetcher(_FAST)))
    articles = _articles(items)
    assert len(articles) == 3
    assert "continental shelf" in articles[0].text  # from the fetched page, not the summary
    assert articles[0].publisher == "Harbour Times World"
    assert articles[0].url == site.base + "/world/talks-resume"
    # the two other links answer 404: their entries fall back to content or summary
    codes = [item.code for item in items if isinstance(item, Failure)]
    assert codes == ["E602", "E602"]
    assert "wounding a farmer" in articles[1].text
    assert all(agent.startswith("dyadwatch/") for _, agent in site.requests)


@pytest.mark.parametrize("known", [{"/world/talks-resume"}])
def test_feeds_url_skips_known_entries_before_fetching(known: set[str]) -> None:
    with serve() as site:
        feed_url = site.add("/world.rss", _serve_feed(site.base))
        site.add("/world/talks-resume", (FIXTURES / "talks_resume.html").read_bytes())
        skip_ids = {url_article_id(site.base + path) for path in known}
        items = list(read_feed_url(feed_url, Fetcher(_FAST), skip=skip_ids.__contains__))
    assert "/world/talks-resume" not in site.paths()
    assert len(_articles(items)) == 2


@pytest.mark.parametrize("status", [500])
def test_feeds_url_unreachable_feed_is_a_failure(status: int) -> None:
    with serve() as site:
        feed_url = site.add("/broken.rss", "oops", status=status)
        [failure] = list(read_feed_url(feed_url, Fetcher(_FAST)))
    assert isinstance(failure, Failure)
    assert (failure.code, failure.input) == ("E602", feed_url)
