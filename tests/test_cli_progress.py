"""The progress bar of `dyadwatch code`: a total counted first, the rate and the time left."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from rich.console import Console

from dyadwatch.cli.progress import count_records, progress_bar, records_in


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("date 2020-01-03\nOne article.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n',
                                      encoding="utf-8")
    (tmp_path / "c.csv").write_text('id,text\n1,"a, b"\n2,"two\nlines"\n3,c\n', encoding="utf-8")
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write('{"id": "g1", "text": "z"}\n' * 4)
    return tmp_path


@pytest.mark.issue(15)
@pytest.mark.parametrize(("name", "expected"), [
    ("a.txt", 1), ("b.jsonl", 2), ("c.csv", 3), ("d.jsonl.gz", 4),
])
def test_progress_records_in_counts_each_format(inputs: Path, name: str,
                                                expected: int) -> None:
    assert records_in(inputs / name) == expected


@pytest.mark.issue(15)
@pytest.mark.parametrize("unknown", ["feed.rss", "crawl.warc.gz"])
def test_progress_total_is_unknown_when_not_cheap(inputs: Path, unknown: str) -> None:
    files = sorted(inputs.iterdir())
    assert count_records(files) == 10
    (inputs / unknown).write_bytes(b"")
    assert count_records(sorted(inputs.iterdir())) is None


@pytest.mark.issue(15)
@pytest.mark.parametrize("total", [10])
def test_progress_bar_shows_total_rate_and_time_left(total: int) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    with progress_bar(False, total, console=console) as advance:
        assert advance is not None
        advance(3)
        console.file.write("")  # the bar is drawn on refresh and at exit
    drawn = out.getvalue()
    assert "3/10" in drawn and "articles" in drawn and "/s" in drawn and "left" in drawn


@pytest.mark.issue(15)
@pytest.mark.parametrize("quiet", [True])
def test_progress_bar_is_off_when_quiet(quiet: bool) -> None:
    with progress_bar(quiet, 5) as advance:
        assert advance is None
