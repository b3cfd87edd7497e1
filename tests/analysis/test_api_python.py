from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import dyadwatch
from dyadwatch.errors import (
    DatabaseNotFoundError,
    NoDyadEventsError,
    SeriesTooShortError,
    UnknownActorError,
)
from dyadwatch.store.db import open_db
from dyadwatch.synthetic import make_event, write_events

HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.duckdb"
    conn = open_db(path)
    write_events(conn, [
        make_event("e1", "a1", date(2020, 1, 6), "USAGOV", "IRNMIL", "190", "USA", "IRN",
                   sentence=HOSTILE),
        make_event("e2", "a2", date(2020, 1, 20), "IRNGOV", "USAGOV", "138", "IRN", "USA"),
        make_event("e3", "a3", date(2020, 2, 3), "USAGOV", "IRNGOV", "036", "USA", "IRN"),
    ])
    conn.close()
    return path


@pytest.mark.parametrize("method", ["events", "dyads"])
def test_api_python_open_returns_frames(small_db: Path, method: str) -> None:
    with dyadwatch.open(small_db) as db:
        frame = getattr(db, method)()
    assert isinstance(frame, pd.DataFrame) and len(frame) >= 1


@pytest.mark.parametrize(("source", "count"), [("USA", 2), ("=IRNGOV", 1), ("IRN*", 1)])
def test_api_python_events_filters(small_db: Path, source: str, count: int) -> None:
    with dyadwatch.open(small_db) as db:
        assert len(db.events(source=source)) == count


@pytest.mark.parametrize(("freq", "periods"), [("week", 5), ("month", 2)])
def test_api_python_series(small_db: Path, freq: str, periods: int) -> None:
    with dyadwatch.open(small_db) as db:
        series = db.series("USA", "IRN", freq)  # type: ignore[arg-type]
    assert series["period"].nunique() == periods
    assert series["events"].sum() == 3


@pytest.mark.parametrize("labels", [("USA->IRN", "IRN->USA")])
def test_api_python_timeline(small_db: Path, labels: tuple[str, str]) -> None:
    with dyadwatch.open(small_db) as db:
        timeline = db.timeline("USA", "IRN")
    assert timeline["event_id"].tolist() == ["e1", "e2", "e3"]
    assert timeline["direction"].tolist() == [labels[0], labels[1], labels[0]]
    assert timeline["event"][0] == "Use conventional military force, not specified below"


@pytest.mark.parametrize("max_lag", [4])
def test_api_python_short_series_is_a_coded_error(small_db: Path, max_lag: int) -> None:
    with dyadwatch.open(small_db) as db, pytest.raises(SeriesTooShortError, match="E703"):
        db.reciprocity("USA", "IRN", "week", max_lag=max_lag)


@pytest.mark.parametrize(("a", "b", "since"), [("USA", "IRN", "2021-01-01"),
                                               ("=USAGOV", "=IRNMIL", "2020-01-07")])
def test_api_python_empty_dyad_is_a_coded_error(small_db: Path, a: str, b: str,
                                                since: str) -> None:
    with dyadwatch.open(small_db) as db, pytest.raises(NoDyadEventsError, match="E702"):
        db.timeline(a, b, since=since)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("a", "b"), [("FRA", "DEU"), ("USA", "USAMIL")])
def test_api_python_unknown_actor_is_e708(small_db: Path, a: str, b: str) -> None:
    with dyadwatch.open(small_db) as db, pytest.raises(UnknownActorError, match="E708"):
        db.timeline(a, b)


@pytest.mark.parametrize("name", ["missing.duckdb"])
def test_api_python_missing_db(tmp_path: Path, name: str) -> None:
    with pytest.raises(DatabaseNotFoundError, match="E705"):
        dyadwatch.open(tmp_path / name)


@pytest.mark.parametrize("freq", ["day"])
def test_api_python_report_escapes_text(small_db: Path, tmp_path: Path, freq: str) -> None:
    with dyadwatch.open(small_db) as db:
        path = db.report("USA", "IRN", tmp_path / "r.html", freq,  # type: ignore[arg-type]
                         permutations=19)
    html = path.read_text(encoding="utf-8")
    assert HOSTILE not in html and "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert '<a href="https://example.org/news/a1">' in html
    assert html.count("<svg") == 2  # series and reciprocity (daily series is long enough)
    assert "Not computed: Escalation needs at least 8 periods, 4 of them with events" in html


@pytest.mark.issue(15)
@pytest.mark.parametrize("variable", ["DYADWATCH_STORE__DB"])
def test_api_python_open_reads_the_store_db_setting(small_db: Path, variable: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(variable, str(small_db))
    with dyadwatch.open() as db:
        assert db.path == small_db and len(db.events()) == 3
