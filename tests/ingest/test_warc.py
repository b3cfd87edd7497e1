from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadwatch.ingest.html import url_article_id
from dyadwatch.ingest.readers import read_inputs
from dyadwatch.model import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"
_PAGES = [
    ("https://harbourtimes.example/world/greece-turkey-talks", "talks_resume.html",
     "2024-03-06T10:00:00Z"),
    ("https://caucasuswire.example/region/border-shelling", "border_shelling.html",
     "2024-04-12T10:00:00Z"),
]
_UNDATED = ("<html><body><article><p>Norway and Sweden signed an agreement on Friday to share "
            "air patrols over the Arctic, their defence ministers said in Oslo.</p>"
            "</article></body></html>")


def _response(writer: WARCWriter, uri: str, body: bytes, date: str, status: str = "200 OK",
              ctype: str = "text/html; charset=utf-8") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                       length=len(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def write_warc(path: Path, gzip: bool) -> None:
    """A WARC of our fixture pages plus records that must not become articles."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for uri, name, date in _PAGES:
            _response(writer, uri, (FIXTURES / name).read_bytes(), date)
        _response(writer, "https://example.org/logo.png", b"\x89PNG...", "2024-04-12T10:00:00Z",
                  ctype="image/png")
        _response(writer, "https://example.org/missing", b"<html>gone</html>",
                  "2024-04-12T10:00:00Z", status="404 Not Found")
        _response(writer, "https://example.org/undated", _UNDATED.encode(), "2024-05-01T08:00:00Z")


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str, gzip: bool) -> None:
    path = tmp_path / name
    write_warc(path, gzip)
    items = list(read_inputs([path]))
    assert all(isinstance(item, Article) for item in items)
    articles = [item for item in items if isinstance(item, Article)]
    assert [a.url for a in articles] == [uri for uri, _, _ in _PAGES] + ["https://example.org/undated"]
    assert [a.id for a in articles] == [url_article_id(a.url or "") for a in articles]
    # the page's own date wins; the capture date is the fallback
    assert [a.published for a in articles] == ["2024-03-05", "2024-04-11", "2024-05-01"]
    assert articles[0].publisher == "The Harbour Times"
    assert "resume exploratory talks" in articles[0].text
    assert "Read more:" not in articles[0].text
    assert articles[0].origin.startswith(str(path) + "#")


@pytest.mark.parametrize(
    ("content", "detail"),
    [(b"this is not a WARC file at all\n" * 5, "has no WARC header"),
     (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort",
      "not a readable WARC"),
     (b"", None)],
)
def test_warc_broken_file_is_e202(tmp_path: Path, content: bytes, detail: str | None) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(content)
    items = list(read_inputs([path]))
    if detail is None:
        assert items == []
        return
    [failure] = items
    assert isinstance(failure, Failure) and failure.code == "E202"
    assert detail in failure.message


@pytest.mark.parametrize("keep_bytes", [1500])
def test_warc_truncated_gzip_keeps_what_was_read(tmp_path: Path, keep_bytes: int) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, gzip=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-keep_bytes])
    items = list(read_inputs([cut]))
    assert any(isinstance(item, Article) for item in items)
    assert all(isinstance(i, Article) or i.code == "E202" for i in items)
