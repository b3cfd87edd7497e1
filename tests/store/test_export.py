from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dyadwatch.model import Event, Location
from dyadwatch.store.export import (
    GDELT_TRAILING,
    PHOENIX_COLUMNS,
    numeric_event_id,
    split_actor,
    write_gdelt,
    write_parquet,
    write_phoenix,
    write_plover,
)
from dyadwatch.store.gdelt import GDELT_COLUMNS
from dyadwatch.synthetic import make_event

HEADER = "gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"


def events() -> list[Event]:
    first = make_event("e1", "art-1", None, "USAGOV", "IRNMIL", "190", "USA", "IRN",
                       sentence="The US struck\tIranian forces.")
    second = make_event("e2", "art-1", None, "IGOUNO", None, "036", None, None,
                        sentence_index=1)
    return [
        Event(**{**{k: getattr(first, k) for k in first.__slots__},  # type: ignore[attr-defined]
                 "date": date(2020, 1, 3).isoformat(),
                 "location": Location("Baghdad", "IRQ", 33.3, 44.4)}),
        second,
    ]


@pytest.mark.parametrize("columns", [63])
def test_export_gdelt_loads_with_the_gdelt_header(shared_data: Path, columns: int) -> None:
    names = pd.read_csv(shared_data / HEADER)["tableId"].tolist()
    assert tuple(names) == GDELT_COLUMNS
    names += list(GDELT_TRAILING)  # the 61 GDELT columns, then confidence and dyadic
    buffer = io.StringIO()
    first, second = events()
    second = make_event("e2", "art-1", date(2020, 1, 4), "IGOUNO", None, "036", None, None,
                        sentence_index=1)
    assert write_gdelt([first, second], buffer) == 2
    frame = pd.read_csv(io.StringIO(buffer.getvalue()), sep="\t", header=None, names=names,
                        dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert frame.shape == (2, columns)
    row = frame.iloc[0]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
        "20200103", "202001", "2020", "2020.0082")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "USAGOV", "USA", "GOV")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("190", "190", "19")
    assert (row["QuadClass"], row["GoldsteinScale"]) == ("4", "-10.0")
    assert (row["ActionGeo_FullName"], row["ActionGeo_Lat"]) == ("Baghdad", "33.3")
    assert row["SOURCEURL"] == "art-1"
    assert int(row["GLOBALEVENTID"]) == numeric_event_id("e1")
    assert frame.iloc[1]["Actor1KnownGroupCode"] == "IGO"
    assert frame.iloc[1]["SQLDATE"] == "20200104"
    assert row["Dyadic"] == "1" and float(row["Confidence"]) == first.confidence


@pytest.mark.issue(15)
@pytest.mark.parametrize("undated", [1, 3])
def test_export_gdelt_skips_undated_events(undated: int) -> None:
    """A GDELT row needs SQLDATE, MonthYear and Year: undated events are not written."""
    dated = events()[:1]
    missing = [make_event(f"u{i}", "art-2", None, "USA", "IRN", "190", "USA", "IRN")
               for i in range(undated)]
    buffer = io.StringIO()
    assert write_gdelt([missing[0], *dated, *missing[1:]], buffer) == len(dated)
    rows = [line.split("\t") for line in buffer.getvalue().splitlines()]
    assert len(rows) == len(dated)
    assert all(row[1] and row[2] and row[3] for row in rows)  # SQLDATE, MonthYear, Year


@pytest.mark.parametrize(("event_id", "expected"), [("gdelt:42", 42), ("9f2c", None)])
def test_export_numeric_event_id(event_id: str, expected: int | None) -> None:
    value = numeric_event_id(event_id)
    assert value == expected if expected is not None else 0 < value < 2**60


@pytest.mark.parametrize(("code", "country", "expected"), [
    ("USAGOVMIL", "USA", ("USA", "GOV", "MIL")),
    ("IRNREBSHI", "IRN", ("IRN", "REB", "SHI")),
    ("IGOUNO", None, ("IGO", "", "UNO")),
    (None, None, ("", "", "")),
])
def test_export_split_actor(code: str | None, country: str | None,
                            expected: tuple[str, str, str]) -> None:
    assert split_actor(code, country) == expected


@pytest.mark.parametrize("fields", [["id", "date", "actor", "recipient", "event", "quadcode"]])
def test_export_plover_records(fields: list[str]) -> None:
    buffer = io.StringIO()
    write_plover(events(), buffer)
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert all(field in records[0] for field in fields)
    assert records[0]["actor"][0] == {"code": "USA", "entitytext": "USAGOV", "sector": "GOV",
                                      "cameo": "USAGOV"}
    assert records[0]["event"] == ["ASSAULT"] and records[0]["quadcode"] == 4
    assert records[0]["eventloc"]["lat"] == 33.3
    assert records[1]["recipient"] == []


@pytest.mark.parametrize("columns", [len(PHOENIX_COLUMNS)])
def test_export_phoenix_rows(columns: int) -> None:
    buffer = io.StringIO()
    write_phoenix(events(), buffer, {"art-1": ("https://example.org/1", "Example Wire")})
    rows = [line.split("\t") for line in buffer.getvalue().splitlines()]
    assert {len(row) for row in rows} == {columns}
    row = dict(zip(PHOENIX_COLUMNS, rows[0], strict=True))
    assert (row["Date"], row["Year"], row["Month"], row["Day"]) == ("20200103", "2020", "01", "03")
    assert (row["SourceActorEntity"], row["SourceActorRole"]) == ("USA", "GOV")
    assert (row["EventRootCode"], row["QuadClass"], row["GoldsteinScore"]) == ("19", "4", "-10.0")
    assert (row["URLs"], row["NewsSources"]) == ("https://example.org/1", "Example Wire")


@pytest.mark.parametrize("rows", [2])
def test_export_parquet_round_trips(tmp_path: Path, rows: int) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(events(), path, chunk_size=1) == rows
    table = pq.read_table(path).to_pandas()
    assert len(table) == rows
    assert table["sentence"][0] == "The US struck\tIranian forces."
    assert str(table["date"][0]) == "2020-01-03" and pd.isna(table["date"][1])
    assert table["location_lat"][0] == 33.3


@pytest.mark.issue(14)
def test_every_export_carries_confidence_and_dyadic(tmp_path: Path) -> None:
    first, second = events()
    assert first.confidence is not None and first.dyadic and not second.dyadic
    record = first.to_record()
    assert (record["confidence"], record["dyadic"]) == (first.confidence, True)
    plover = io.StringIO()
    write_plover([first, second], plover)
    lines = [json.loads(line) for line in plover.getvalue().splitlines()]
    assert [(r["confidence"], r["dyadic"]) for r in lines] == [
        (first.confidence, True), (second.confidence, False)]
    phoenix = io.StringIO()
    write_phoenix([first], phoenix)
    row = dict(zip(PHOENIX_COLUMNS, phoenix.getvalue().rstrip("\n").split("\t"), strict=True))
    assert (float(row["Confidence"]), row["Dyadic"]) == (first.confidence, "1")
    write_parquet([first, second], tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet").to_pydict()
    assert table["confidence"] == [first.confidence, second.confidence]
    assert table["dyadic"] == [True, False]
