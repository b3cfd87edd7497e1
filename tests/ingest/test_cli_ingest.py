"""`dyadwatch extract` and `dyadwatch watch` through click's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from local_http import serve
from test_warc import write_warc

from dyadwatch.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", ["talks_resume.html"])
def test_cli_ingest_extract_prints_clean_text(name: str) -> None:
    code, out, _ = run("extract", str(FIXTURES / name))
    assert code == 0
    assert out.startswith("Greece and Turkey agree to resume talks")
    assert "resume exploratory talks" in out
    assert "Read more:" not in out and "newsletter" not in out


@pytest.mark.parametrize("name", ["border_shelling.html"])
def test_cli_ingest_extract_json(name: str) -> None:
    code, out, _ = run("extract", "--json", "--url", "https://caucasuswire.example/x",
                       str(FIXTURES / name))
    assert code == 0
    record = json.loads(out)
    assert record["title"] == "Armenia accuses Azerbaijan of shelling border villages"
    assert (record["published"], record["publisher"], record["method"]) == (
        "2024-04-11", "Caucasus Wire", "trafilatura")
    assert record["url"] == "https://caucasuswire.example/x"


@pytest.mark.parametrize("name", ["talks_resume.html"])
def test_cli_ingest_extract_url(name: str) -> None:
    with serve() as site:
        url = site.add("/page", (FIXTURES / name).read_bytes())
        code, out, _ = run("extract", "--min-interval", "0", url)
    assert code == 0 and "continental shelf" in out


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (["extract", "no/such/page.html"], 2, "no/such/page.html"),
        (["watch", "no/such/folder"], 2, "neither an existing path nor an http(s) URL"),
        (["watch", ".", "--every", "soon"], 2, "'soon' is not an interval"),
    ],
)
def test_cli_ingest_usage_errors(args: list[str], exit_code: int, message: str) -> None:
    code, _, err = run(*args)
    assert code == exit_code
    assert message in err


@pytest.mark.parametrize("html", ["<html><body></body></html>"])
def test_cli_ingest_extract_empty_page_fails(tmp_path: Path, html: str) -> None:
    page = tmp_path / "empty.html"
    page.write_text(html, encoding="utf-8")
    code, _, err = run("extract", str(page))
    assert code == 1
    assert "E205" in err


@pytest.mark.model
@pytest.mark.parametrize("polls", [2])
def test_cli_ingest_watch_codes_feed_and_warc_end_to_end(tmp_path: Path, db_path: Path,
                                                         polls: int) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "world.rss", inbox / "world.rss")
    write_warc(inbox / "crawl.warc.gz", gzip=True)
    outputs = [run("watch", str(inbox), "--once", "--db", str(db_path)) for _ in range(polls)]
    assert [code for code, _, _ in outputs] == [0] * polls
    first, again = outputs[0][2], outputs[1][2]
    assert "poll: 6 read, 0 already known, 5 new" in first  # the German entry is skipped
    assert "E209" in first
    assert "poll: 6 read, 6 already known, 0 new" in again
    code, out, _ = run("events", "--db", str(db_path))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and records
    assert {"GRC", "TUR"} & {r["source_country"] for r in records}
