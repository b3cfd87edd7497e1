from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dyadwatch.ingest.readers import ReadLimits, read_file, read_inputs
from dyadwatch.model import Article, Failure


def _items(path: Path, limit: int = 200_000) -> list[Article | Failure]:
    return list(read_file(path, ReadLimits(max_article_chars=limit)))


@pytest.mark.parametrize(
    ("text", "date", "body"),
    [
        ("date 2020-01-08\nArnor protested.", "2020-01-08", "Arnor protested."),
        (" date 2020-01-08 Arnor protested.", "2020-01-08", "Arnor protested."),
        ("Arnor protested.", None, "Arnor protested."),
    ],
)
def test_readers_text_date_header(tmp_path: Path, text: str, date: str | None, body: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    [article] = _items(path)
    assert isinstance(article, Article)
    assert (article.id, article.published, article.text) == ("story", date, body)


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.data"])
def test_readers_jsonl_records_and_gzip(tmp_path: Path, name: str) -> None:
    lines = [
        json.dumps({"id": "x1", "text": "Gondor threatened Arnor.",
                    "date": "2021-03-04T10:00:00Z"}),
        "{not json",
        json.dumps({"id": "x2", "text": ""}),
        json.dumps({"id": "x3", "text": "Arnor met Gondor.", "publisher": "Wire"}),
    ]
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    items = _items(path)
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.id for a in articles] == ["x1", "x3"]
    assert articles[0].published == "2021-03-04"
    assert articles[1].publisher == "Wire"
    assert sorted(f.code for f in failures) == ["E205", "E206"]
    assert failures[0].input.endswith(":2")


@pytest.mark.parametrize("quoting", ["ok", "broken"])
def test_readers_csv_columns(tmp_path: Path, quoting: str) -> None:
    path = tmp_path / "wire.csv"
    rows = 'id,date,title,text\nc1,2019-05-01,T,"Arnor, Gondor and Rohan met."\n'
    if quoting == "broken":
        rows += 'c2,2019-05-02,T,"an unclosed quote\n'
    path.write_text(rows, encoding="utf-8")
    items = _items(path)
    article = items[0]
    assert isinstance(article, Article)
    assert (article.id, article.published, article.text) == ("c1", "2019-05-01",
                                                           "Arnor, Gondor and Rohan met.")
    if quoting == "broken":
        assert any(isinstance(i, (Failure, Article)) for i in items[1:])


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x00\x01\x02binary", "E203"),
        (b"", "E205"),
        (b"\x1f\x8b\x08\x00truncated", "E202"),
    ],
)
def test_readers_bad_files_are_recorded(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / ("bad.txt.gz" if code == "E202" else "bad.txt")
    path.write_bytes(content)
    [failure] = _items(path)
    assert isinstance(failure, Failure)
    assert failure.code == code
    assert str(path) in failure.input


@pytest.mark.parametrize("raw", [b"Arnor \xff\xfe protested loudly."])
def test_readers_invalid_utf8_is_replaced_and_recorded(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(raw)
    failure, article = _items(path)
    assert isinstance(failure, Failure) and failure.code == "E204"
    assert isinstance(article, Article) and "\ufffd" in article.text


@pytest.mark.parametrize("limit", [10])
def test_readers_long_article_truncated_and_recorded(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    failure, article = _items(path, limit)
    assert isinstance(failure, Failure) and failure.code == "E208"
    assert isinstance(article, Article) and len(article.text) == limit


@pytest.mark.parametrize("depth", [2])
def test_readers_directories_recursive(tmp_path: Path, depth: int) -> None:
    nested = tmp_path.joinpath(*[f"d{i}" for i in range(depth)])
    nested.mkdir(parents=True)
    (nested / "one.txt").write_text("Arnor protested.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Gondor protested.", encoding="utf-8")
    ids = sorted(i.id for i in read_inputs([tmp_path]) if isinstance(i, Article))
    assert ids == ["one", "two"]
