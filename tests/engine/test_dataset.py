"""Parquet event datasets of every shape load: one written before schema 6 (no confidence or
dyadic columns), one mixing old and new files, and a folder that is no event dataset (E407).
No Ray needed: the files are written as the engine writes them (hive partitions by date)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.config import load_config
from dyadwatch.engine import dataset
from dyadwatch.errors import DatasetError
from dyadwatch.model import Event
from dyadwatch.store.bulk import event_table
from dyadwatch.store.db import open_db
from dyadwatch.synthetic import make_event

LATER = ["confidence", "dyadic"]  # the columns schema 6 added

pytestmark = pytest.mark.issue(14)


def _events() -> list[Event]:
    return [
        make_event("e1", "a1", date(2020, 1, 8), "USAGOV", "IRNMIL", "190", "USA", "IRN"),
        make_event("e2", "a1", date(2020, 1, 8), "CVL", "IRN", "111", None, "IRN"),
        make_event("e3", "a2", None, "IGOUNO", "SYR", "036", None, "SYR"),
    ]


def _write(folder: Path, table: pa.Table, part: str = "part-0") -> None:
    """One file per date partition, the date kept in the folder name only (as Ray does)."""
    for day in {str(d) if d is not None else None for d in table.column("date").to_pylist()}:
        rows = table.filter(pc.equal(table.column("date").cast(pa.string()), day)
                            if day else pc.is_null(table.column("date")))
        where = folder / f"date={day or '__HIVE_DEFAULT_PARTITION__'}"
        where.mkdir(parents=True, exist_ok=True)
        pq.write_table(rows.drop_columns(["date"]), where / f"{part}.parquet")


def _load(folder: Path, db: Path) -> list[tuple[object, ...]]:
    conn = open_db(db)
    try:
        dataset.load_dataset(conn, folder, load_config(environ={}))
        return conn.execute("SELECT event_id, date, confidence, dyadic FROM events "
                            "ORDER BY event_id").fetchall()
    finally:
        conn.close()


def test_dataset_before_schema_6_loads_with_migration_defaults(tmp_path: Path) -> None:
    _write(tmp_path / "old", event_table(_events()).drop_columns(LATER))
    rows = _load(tmp_path / "old", tmp_path / "events.duckdb")
    # confidence unknown (null), dyadic from the codes: a sector-only source is not dyadic
    assert rows == [("e1", date(2020, 1, 8), None, True), ("e2", date(2020, 1, 8), None, False),
                    ("e3", None, None, True)]


def test_dataset_mixing_old_and_new_files_keeps_the_new_values(tmp_path: Path) -> None:
    events = _events()
    new = event_table(events[:1])
    _write(tmp_path / "mixed", new, "part-new")
    _write(tmp_path / "mixed", event_table(events[1:]).drop_columns(LATER), "part-old")
    rows = _load(tmp_path / "mixed", tmp_path / "events.duckdb")
    assert rows[0] == ("e1", date(2020, 1, 8), events[0].confidence, True)
    assert [row[2:] for row in rows[1:]] == [(None, False), (None, True)]


def test_dataset_cli_loads_an_old_dataset(tmp_path: Path) -> None:
    _write(tmp_path / "old", event_table(_events()).drop_columns(LATER))
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "old"),
                                      "--db", str(tmp_path / "events.duckdb")])
    assert result.exit_code == 0, result.output
    assert "Loaded 3 events" in result.output


@pytest.mark.parametrize("dropped", [["cameo", "rule"]])
def test_dataset_without_event_columns_is_e407(tmp_path: Path, dropped: list[str]) -> None:
    _write(tmp_path / "other", event_table(_events()).drop_columns(dropped))
    with pytest.raises(DatasetError, match="E407: .*no column cameo, rule"):
        _load(tmp_path / "other", tmp_path / "events.duckdb")


def test_dataset_damaged_file_is_e407(tmp_path: Path) -> None:
    (tmp_path / "bad" / "date=2020-01-08").mkdir(parents=True)
    (tmp_path / "bad" / "date=2020-01-08" / "part-0.parquet").write_bytes(b"not parquet")
    with pytest.raises(DatasetError, match="E407: .*cannot read the Parquet files"):
        _load(tmp_path / "bad", tmp_path / "events.duckdb")
