"""`dyads`, `timeline` and `series` print plain rows without pandas (issue 16): the same
characters as the DataFrames of the Python API printed by pandas, checked here against it."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.analysis.dyad_ranking import DYAD_KINDS, rank_dyad_records
from dyadwatch.analysis.dyads import rank_dyads
from dyadwatch.analysis.periods import SERIES_KINDS, period_starts, series_records
from dyadwatch.analysis.series import build_series
from dyadwatch.analysis.sums import group_sum
from dyadwatch.analysis.timeline import TIMELINE_KINDS
from dyadwatch.api_python import EventDB
from dyadwatch.cli import cli
from dyadwatch.cli.analysis import _records, emit
from dyadwatch.cli.tables import Table, emit_table
from dyadwatch.event_reader import EventReader
from dyadwatch.store.db import open_db
from dyadwatch.synthetic import Crisis, background_events, crisis_events, write_events

DTYPES = {"int": "int64", "bool": "bool", "float": "float64", "str": "str"}


def frame_of(table: Table) -> pd.DataFrame:
    """The DataFrame the Python API would hold for ``table`` (its kinds as dtypes)."""
    columns = {}
    for index, (name, kind) in enumerate(zip(table.columns, table.kinds, strict=True)):
        values = [row[index] for row in table.rows]
        if kind == "date":
            columns[name] = pd.to_datetime(pd.Series(values, dtype="object"))
        else:
            columns[name] = pd.Series(values, dtype=DTYPES[kind])
    return pd.DataFrame(columns)


def printed(table: Table | pd.DataFrame, fmt: str) -> str:
    out = io.StringIO()
    if isinstance(table, Table):
        emit_table(table, fmt, out)
    else:
        emit(table, fmt, out)
    return out.getvalue()


KINDS = ("date", "str", "int", "bool", "float", "str")
ROWS = [
    (date(2020, 1, 6), "plain", 1, True, 2.5, None),
    (None, "a, comma and \"quotes\"", -22, False, None, "x"),
    (date(1999, 12, 31), "tab\there\nand a new line", 0, True, -0.0004, "wider text, here"),
    (date(2021, 2, 28), "", 333, False, 1e-17, ""),
    (date(2021, 3, 1), "\u201cquoted\u201d \u00e9", 7, True, 123456789.125, "x" * 130),
]


@pytest.mark.issue(16)
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], ROWS[1:2], []])
def test_cli_tables_print_as_pandas(fmt: str, rows: list[tuple[Any, ...]]) -> None:
    table = Table(("day", "text", "count", "flag", "score", "note"), KINDS, rows)
    assert printed(table, fmt) == printed(frame_of(table), fmt)


@pytest.fixture(scope="module")
def odd_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The planted crisis, with some events undated or unscored, some articles without url
    or publisher, and sentences with commas, quotes and line breaks."""
    path = tmp_path_factory.mktemp("odd") / "odd.duckdb"
    conn = open_db(path)
    write_events(conn, crisis_events(Crisis(weeks=20, change_week=8)) + background_events(300))
    ids = [row[0] for row in conn.execute("SELECT event_id FROM events ORDER BY event_id")
           .fetchall()]
    for column, every in (("date", 7), ("goldstein", 5), ("plover_type", 6)):
        conn.execute(f"UPDATE events SET {column} = NULL WHERE event_id IN "
                     f"(SELECT unnest(?::VARCHAR[]))", [ids[::every]])
    conn.execute("UPDATE events SET sentence = 'Ruritania said, \"no\",\nthen\tleft.' "
                 "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [ids[1::9]])
    conn.execute("UPDATE articles SET url = NULL WHERE article_id IN (SELECT article_id "
                 "FROM articles ORDER BY article_id LIMIT 5)")
    conn.execute("UPDATE articles SET publisher = NULL, url = NULL WHERE article_id IN "
                 "(SELECT article_id FROM articles ORDER BY article_id DESC LIMIT 3)")
    conn.close()
    return str(path)


DYADS = [("USA", "IRN", None, None), ("=IRNGOV", "USA*", "2019-02-01", None),
         ("IRN", "USA", "2019-01-09", "2019-03-20")]


@pytest.mark.issue(16)
@pytest.mark.parametrize(("a", "b", "since", "until"), DYADS)
def test_cli_tables_timeline_as_the_python_api(odd_db: str, a: str, b: str,
                                               since: str | None, until: str | None) -> None:
    with EventDB(odd_db) as db, EventReader(odd_db) as reader:
        frame = db.timeline(a, b, since, until)
        table = Table.from_records(TIMELINE_KINDS, reader.timeline_records(a, b, since, until))
    assert table.columns == tuple(frame.columns)
    for fmt in ("csv", "json", "table"):
        assert printed(table, fmt) == printed(frame, fmt)
    assert frame["url"].isna().any() and frame["goldstein"].isna().any()
    assert frame["date"].isna().any() or since or until  # undated events only unwindowed


@pytest.mark.issue(16)
@pytest.mark.parametrize(("a", "b", "since", "until"), DYADS)
@pytest.mark.parametrize("freq", ["day", "week", "month"])
def test_cli_tables_series_as_the_python_api(odd_db: str, a: str, b: str, since: str | None,
                                             until: str | None, freq: str) -> None:
    with EventDB(odd_db) as db, EventReader(odd_db) as reader:
        frame = db.series(a, b, freq, since, until)  # type: ignore[arg-type]
        table = Table.from_records(SERIES_KINDS,
                                   reader.series_records(a, b, freq, since, until))
    assert table.columns == tuple(frame.columns)
    for fmt in ("csv", "json", "table"):
        assert printed(table, fmt) == printed(frame, fmt)


@pytest.mark.issue(16)
@pytest.mark.parametrize("by", ["code", "country"])
@pytest.mark.parametrize(("since", "until", "top"), [
    (None, None, 20), ("2019-02-01", "2019-09-30", 3), (None, None, 1000), ("2030-01-01", None, 5),
])
def test_cli_tables_dyads_as_the_python_api(odd_db: str, by: str, since: str | None,
                                            until: str | None, top: int) -> None:
    with EventDB(odd_db) as db, EventReader(odd_db) as reader:
        frame = db.dyads(since, until, top, by)  # type: ignore[arg-type]
        table = Table.from_records(DYAD_KINDS, reader.dyad_records(since, until, top, by))
    assert table.columns == tuple(frame.columns)
    for fmt in ("csv", "json", "table"):
        assert printed(table, fmt) == printed(frame, fmt)


ACTORS = ["IRN", "IRNGOV", "USA", "USAGOV", "RUR", "ELB"]


@pytest.mark.issue(16)
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACTORS), st.sampled_from(ACTORS), st.integers(1, 4),
                          st.integers(1, 9),
                          st.one_of(st.none(), st.integers(-300, 300).map(lambda n: n / 10))),
                max_size=60, unique_by=lambda row: row[:3]))
def test_cli_tables_dyad_ranks_as_pandas(rows: list[Any]) -> None:
    """Counts and Goldstein means as rank_dyads gives them, in any row order, with or
    without unscored groups."""
    counts = [(s, t, q, n, g, 0 if g is None else n) for s, t, q, n, g in rows if s != t]
    frame = pd.DataFrame(counts, columns=["source", "target", "quad_class", "events",
                                          "goldstein_sum", "goldstein_n"])
    frame["goldstein_sum"] = frame["goldstein_sum"].astype("float64")
    oriented = sorted(range(len(counts)), key=lambda i: (
        min(counts[i][:2]), max(counts[i][:2]), counts[i][0] > counts[i][1]))
    for order in (frame, frame.iloc[oriented]):  # as stored, and sorted by dyad and way
        expected = printed(rank_dyads(order, 10), "json")
        rows_in_order = list(order.itertuples(index=False, name=None))
        found = rank_dyad_records([(*r[:4], None if r[4] != r[4] else r[4], r[5])
                                   for r in rows_in_order], 10)
        assert printed(Table.from_records(DYAD_KINDS, found), "json") == expected


def _timeline_text(frame: pd.DataFrame) -> str:
    """What `dyadwatch timeline` printed from the Python API's frame."""
    from dyadwatch.analysis.timeline import mood_label

    lines = []
    for row in _records(frame):
        mood = mood_label(row.get("modality"), bool(row.get("negated")))
        lines += [f"{row['date'] or 'date unknown'}  {row['direction']}  {row['cameo']} "
                  f"{row['event']}{f' [{mood}]' if mood else ''}  Goldstein {row['goldstein']}",
                  f"    \u201c{row['sentence']}\u201d", f"    {row['url'] or row['article_id']}"]
    return "".join(line + "\n" for line in lines)


@pytest.mark.issue(16)
@pytest.mark.parametrize(("a", "b", "since", "until"), DYADS)
def test_cli_tables_commands_print_the_python_api(odd_db: str, a: str, b: str,
                                                  since: str | None, until: str | None) -> None:
    window = [*(["--since", since] if since else []), *(["--until", until] if until else [])]
    with EventDB(odd_db) as db:
        timeline, series = db.timeline(a, b, since, until), db.series(a, b, "month", since, until)
    labels = {"AB": f"{a.upper()}->{b.upper()}", "BA": f"{b.upper()}->{a.upper()}"}
    series = series.assign(direction=series["direction"].map(labels))
    expected = {("timeline", "text"): _timeline_text(timeline),
                ("timeline", "json"): printed(timeline, "json"),
                ("series", "table"): printed(series, "table"),
                ("series", "csv"): printed(series, "csv")}
    for (command, fmt), text in expected.items():
        extra = ["--freq", "month"] if command == "series" else []
        result = CliRunner().invoke(cli, [command, a, b, "--db", odd_db, "--format", fmt,
                                          *window, *extra])
        assert result.exit_code == 0, result.output
        assert result.stdout == text


@pytest.mark.issue(16)
@pytest.mark.parametrize("freq", ["day", "week", "month"])
@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.dates(date(2015, 1, 1), date(2016, 12, 31)),
                          st.sampled_from(["AB", "BA"]), st.integers(1, 4),
                          st.one_of(st.none(), st.integers(-100, 100).map(lambda n: n / 10))),
                min_size=1, max_size=120))
def test_cli_tables_series_sums_as_pandas(freq: str, events: list[Any]) -> None:
    """Each sum is the float pandas' group sum gives, rows in date order (NumPy's pairwise
    sum) or not (a Kahan sum)."""
    for rows in (events, sorted(events, key=lambda event: event[:2])):
        frame = pd.DataFrame(rows, columns=["date", "direction", "quad_class", "goldstein"])
        frame["date"] = pd.to_datetime(frame["date"])
        frame["goldstein"] = frame["goldstein"].astype("float64")
        expected = printed(build_series(frame, freq), "json")  # type: ignore[arg-type]
        found = series_records(rows, freq)  # type: ignore[arg-type]
        assert printed(Table.from_records(SERIES_KINDS, found), "json") == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize("size", [1, 2, 7, 8, 9, 17, 129, 130, 300, 1000, 2049])
def test_cli_tables_group_sum_as_pandas(size: int) -> None:
    """One group's sum as pandas gives it, its rows first (NumPy's pairwise sum), then
    among another group's (Kahan), for the sizes where the pairwise sum changes course."""
    import random

    rng = random.Random(size)
    values = [rng.randint(-100, 100) / 10 for _ in range(size)]
    first = pd.DataFrame({"group": [0] * size + [1], "value": [*values, 1.5]})
    shuffled = pd.DataFrame({"group": [1, *[0] * size], "value": [1.5, *values]})
    for frame, grouped in ((first, True), (shuffled, False)):
        expected = frame.groupby("group")["value"].sum().iloc[0]
        assert group_sum(values, grouped) == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize(("first", "last", "freq", "count"), [
    (date(2019, 12, 30), date(2020, 1, 5), "week", 1),
    (date(2019, 12, 29), date(2020, 1, 6), "week", 3),
    (date(2019, 11, 30), date(2020, 2, 1), "month", 4),
    (date(2020, 2, 28), date(2020, 3, 1), "day", 3),
])
def test_cli_tables_periods_as_pandas(first: date, last: date, freq: str, count: int) -> None:
    starts = period_starts(first, last, freq)  # type: ignore[arg-type]
    codes = {"day": "D", "week": "W-SUN", "month": "M"}
    expected = pd.period_range(first, last, freq=codes[freq]).start_time
    assert starts == [stamp.date() for stamp in expected] and len(starts) == count

