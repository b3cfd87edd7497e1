from __future__ import annotations

import gzip
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

import dyadwatch.ingest
from dyadwatch.ingest import readers
from dyadwatch.ingest.html import extract_page, looks_like_html, read_html
from dyadwatch.ingest.readers import ReadLimits, read_file, read_inputs
from dyadwatch.model import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
_JSON_LD_ONLY = """<html><head><script type="application/ld+json">
{"@type": "NewsArticle", "headline": "Talks resume",
 "articleBody": "Greece and Turkey agreed on Tuesday to resume talks on their maritime dispute,
 the two foreign ministries said after a meeting in Athens."}
</script></head><body><div id="app"></div></body></html>"""


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extraction", REPO / "bench/extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "title", "published", "publisher", "kept", "dropped"),
    [
        ("talks_resume.html", "Greece and Turkey agree to resume talks on maritime dispute",
         "2024-03-05", "The Harbour Times", "resume exploratory talks",
         ["Read more:", "Sign up for our daily newsletter", "Share on Facebook", "Most read",
          "Privacy", "All rights reserved"]),
        ("border_shelling.html", "Armenia accuses Azerbaijan of shelling border villages",
         "2024-04-11", "Caucasus Wire", "returned fire", ["Front page", "subject to licence"]),
    ],
)
def test_html_extracts_text_and_metadata(name: str, title: str, published: str, publisher: str,
                                         kept: str, dropped: list[str]) -> None:
    page = extract_page((FIXTURES / name).read_bytes())
    assert (page.title, page.published, page.publisher, page.method) == (
        title, published, publisher, "trafilatura")
    assert kept in page.text
    for furniture in dropped:
        assert furniture not in page.text


@pytest.mark.parametrize("clean", [True, False])
def test_html_clean_flag_controls_furniture(clean: bool) -> None:
    page = extract_page((FIXTURES / "talks_resume.html").read_bytes(), clean=clean)
    assert ("Read more:" in page.text) is not clean


@pytest.mark.parametrize(
    ("html", "method", "text"),
    [
        (_JSON_LD_ONLY, "baseline", "resume talks on their maritime dispute"),
        ("<html><body><p>Talks resume in Athens.</p></body></html>", "baseline",
         "Talks resume in Athens."),
    ],
)
def test_html_falls_back_when_main_extractor_finds_nothing(
        monkeypatch: pytest.MonkeyPatch, html: str, method: str, text: str) -> None:
    monkeypatch.setattr("dyadwatch.ingest.html._main_extraction", lambda source, url: None)
    page = extract_page(html)
    assert page.method == method
    assert text in page.text


@pytest.mark.parametrize("html", ["<html><body><div>Talks resume in Athens.</div></body></html>"])
def test_html_last_fallback_is_html2txt(monkeypatch: pytest.MonkeyPatch, html: str) -> None:
    monkeypatch.setattr("dyadwatch.ingest.html._main_extraction", lambda source, url: None)
    monkeypatch.setattr("dyadwatch.ingest.html.baseline", lambda source: (None, "", 0))
    page = extract_page(html)
    assert (page.method, page.text) == ("html2txt", "Talks resume in Athens.")


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html></html>"])
def test_html_empty_page_is_e205(html: str) -> None:
    [failure] = list(read_html(html, "empty.html"))
    assert isinstance(failure, Failure)
    assert failure.code == "E205"
    assert "empty.html" in failure.message


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<!DOCTYPE html><html>", True),
        ("<!doctype html>\n<html lang='en'>", True),
        ("  <html><head>", True),
        ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", True),
        ("<!-- saved page --><html>", True),
        ("<rss version='2.0'>", False),
        ("html is a markup language", False),
    ],
)
def test_html_sniffer(head: str, expected: bool) -> None:
    assert looks_like_html(head) is expected


@pytest.mark.parametrize("suffix", [".html", ".htm", ".html.gz", ".xhtml", ""])
def test_html_files_read_by_extension_or_content(tmp_path: Path, suffix: str) -> None:
    raw = (FIXTURES / "talks_resume.html").read_bytes()
    path = tmp_path / f"talks{suffix}"
    path.write_bytes(gzip.compress(raw) if suffix.endswith(".gz") else raw)
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert "resume exploratory talks" in article.text
    assert article.publisher == "The Harbour Times"


@pytest.mark.parametrize("encoding", ["windows-1252"])
def test_html_non_utf8_page_is_decoded(tmp_path: Path, encoding: str) -> None:
    html = ("<html><head><meta charset='windows-1252'></head><body><article><p>Le ministre "
            "français a rencontré son homologue à Genève mardi pour évoquer la crise "
            "régionale et les négociations.</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    [article] = list(read_file(path, ReadLimits()))
    assert isinstance(article, Article)
    assert "français" in article.text


@pytest.mark.parametrize("name", ["missing.html"])
def test_html_unreadable_file_is_e202(tmp_path: Path, name: str) -> None:
    [failure] = list(read_file(tmp_path / name, ReadLimits()))
    assert isinstance(failure, Failure) and failure.code == "E202"


@pytest.mark.parametrize("times", [2])
def test_html_registration_is_idempotent(times: int) -> None:
    for _ in range(times):
        dyadwatch.ingest.register_builtin_formats()
    names = [name for name, _ in readers.SNIFFERS]
    assert names.count("html") == 1 and names.count("feed") == 1
    assert {".html", ".htm", ".warc"} <= set(readers.PATH_READERS)
    assert readers.EXTENSIONS[".rss"] == "feed"


@pytest.mark.shared
@pytest.mark.parametrize("floor", [0.94])
def test_html_scrapinghub_mean_f1(shared_data: Path, floor: float) -> None:
    bench = _bench()
    started = time.perf_counter()
    result = bench.score_f1_set("scrapinghub_aeb", bench.scrapinghub_pages(shared_data), True)
    assert result.pages == 181
    assert result.score >= floor, f"mean token F1 {result.score:.4f} < {floor}"
    assert time.perf_counter() - started < 60


@pytest.mark.parametrize(
    ("predicted", "expected", "f1"),
    [("a b c", "a b c", 1.0), ("", "", 1.0), ("a", "b", 0.0), ("A a b", "a b b", 2 / 3)],
)
def test_html_token_f1(predicted: str, expected: str, f1: float) -> None:
    assert _bench().token_f1(predicted, expected) == pytest.approx(f1)


@pytest.mark.issue(16)
@pytest.mark.parametrize("module", ["html", "feeds", "warc"])
def test_html_lazy_registration_knows_the_modules_extensions(module: str) -> None:
    import importlib

    imported = importlib.import_module(f"dyadwatch.ingest.{module}")
    name = {"html": "HTML_EXTENSIONS", "feeds": "FEED_EXTENSIONS", "warc": "WARC_EXTENSIONS"}
    assert getattr(dyadwatch.ingest, name[module]) == getattr(imported, name[module])
