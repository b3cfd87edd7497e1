from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pytest

from dyadwatch.errors import GdeltFileError
from dyadwatch.store.db import EventFilter, open_db, query_events, start_run
from dyadwatch.store.export import write_gdelt
from dyadwatch.store.gdelt import GDELT_COLUMNS, import_gdelt, parse_row
from dyadwatch.store.queries import gdelt_extras

EXPORT = "gdelt/gdelt2_export_20191024143000.export.CSV"


@pytest.fixture(scope="module")
def imported(shared_data: Path) -> duckdb.DuckDBPyConnection:
    conn = open_db(":memory:")
    path = shared_data / EXPORT
    import_gdelt(conn, path, start_run(conn, "import-gdelt", {}, {}, [str(path)]))
    return conn


@pytest.mark.parametrize("expected", [2111])
def test_gdelt_real_export_imports_every_event(
        imported: duckdb.DuckDBPyConnection, expected: int) -> None:
    row = imported.execute(
        "SELECT count(*), count(DISTINCT event_id), min(origin), max(origin) FROM events"
    ).fetchone()
    assert row == (expected, expected, "gdelt", "gdelt")
    extra = imported.execute("SELECT count(*) FROM gdelt_extra").fetchone()
    assert extra == (expected,)


@pytest.mark.parametrize(("event_id", "column", "value"), [
    ("gdelt:881990832", "target", "AUS"),
    ("gdelt:881990832", "cameo", "139"),
    ("gdelt:881990832", "goldstein", -7.0),
    ("gdelt:881990832", "quad_class", 3),
    ("gdelt:881990833", "target_country", "EUR"),
    ("gdelt:881990833", "target", "IGOEUREEC"),
    ("gdelt:881990833", "location_name", "Minsk, Belarus (general), Belarus"),
])
def test_gdelt_fields_land_in_event_columns(imported: duckdb.DuckDBPyConnection,
                                            event_id: str, column: str, value: object) -> None:
    row = imported.execute(f"SELECT {column} FROM events WHERE event_id = ?", [event_id])
    assert row.fetchone() == (value,)


@pytest.mark.parametrize("columns", [61])
def test_gdelt_round_trip_every_column_equal(imported: duckdb.DuckDBPyConnection,
                                             shared_data: Path, columns: int) -> None:
    events = list(query_events(imported, EventFilter()))
    buffer = io.StringIO()
    write_gdelt(events, buffer, gdelt_extras(imported, [e.event_id for e in events]))
    written = {line.split("\t")[0]: line.split("\t") for line in buffer.getvalue().splitlines()}
    original = {}
    for line in (shared_data / EXPORT).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        original[fields[0]] = fields
    assert written.keys() == original.keys()
    for key, fields in original.items():
        assert len(written[key]) == columns + 2  # then dyadwatch's confidence and dyadic
        differing = [GDELT_COLUMNS[i] for i, (a, b) in enumerate(zip(fields, written[key][:columns],
                                                                     strict=True)) if a != b]
        assert written[key][columns] == ""  # an imported row has no confidence
        assert differing == [], key


@pytest.mark.parametrize("times", [2])
def test_gdelt_reimport_adds_nothing(shared_data: Path, tmp_path: Path, times: int) -> None:
    conn = open_db(tmp_path / "g.duckdb")
    for _ in range(times):
        import_gdelt(conn, shared_data / EXPORT, start_run(conn, "import-gdelt", {}, {}, []))
    assert conn.execute("SELECT count(*) FROM events").fetchone() == (2111,)


ROW = ["1", "20200108", "202001", "2020", "2020.0219", "USA", "UNITED STATES", "USA"] + [""] * 7
ROW += ["IRN", "IRAN", "IRN"] + [""] * 7 + ["1", "190", "190", "19", "4", "-10.0", "2", "1", "2"]
ROW += ["-3.5"] + ["0", "", "", "", "", "", "", ""] * 2 + ["4", "Baghdad, Iraq", "IZ", "IZ07",
                                                            "", "33.3", "44.4", "-1"]
ROW += ["20200108120000", "https://example.org/a"]


@pytest.mark.parametrize("fields", [ROW])
def test_gdelt_parse_row_maps_columns(fields: list[str]) -> None:
    assert len(fields) == 61
    event, extra = parse_row(fields)
    assert (event.event_id, event.date, event.source, event.target) == (
        "gdelt:1", "2020-01-08", "USA", "IRN")
    assert (event.cameo, event.cameo_root, event.goldstein, event.quad_class) == (
        "190", "19", -10.0, 4)
    assert event.article_id == "https://example.org/a" and event.sentence == ""
    assert event.plover_type == "ASSAULT"
    assert event.location is not None and event.location.lat == 33.3
    assert extra["AvgTone"] == -3.5 and extra["NumMentions"] == 2


@pytest.mark.parametrize("bad", ["1\t2\t3\n", "x" * 10 + "\n"])
def test_gdelt_bad_rows_are_skipped_and_counted(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "mixed.CSV"
    path.write_text("\t".join(ROW) + "\n" + bad, encoding="utf-8")
    conn = open_db(":memory:")
    report = import_gdelt(conn, path, 1)
    assert (report.rows, report.events, len(report.failures)) == (2, 1, 1)
    assert report.failures[0].code == "E706"


@pytest.mark.parametrize("content", ["", "not gdelt\n"])
def test_gdelt_file_without_rows_is_an_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.CSV"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GdeltFileError, match="E707"):
        import_gdelt(open_db(":memory:"), path, 1)


@pytest.mark.parametrize("start", [1])
def test_gdelt_migration_adds_gdelt_extra_to_an_older_database(tmp_path: Path,
                                                               start: int) -> None:
    from dyadwatch.store.schema import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    for version in range(start):
        for statement in MIGRATIONS[version]:
            old.execute(statement)
    old.execute("INSERT INTO schema_info VALUES (?)", [start])
    old.close()
    reader = open_db(path, read_only=True)
    assert gdelt_extras(reader, ["gdelt:1"]) == {}  # the old database has no gdelt_extra
    reader.close()
    conn = open_db(path)
    assert conn.execute("SELECT max(version) FROM schema_info").fetchone() == (SCHEMA_VERSION,)
    import_gdelt(conn, _one_row(tmp_path), 1)
    assert set(gdelt_extras(conn, ["gdelt:1"])) == {"gdelt:1"}


def _one_row(tmp_path: Path) -> Path:
    path = tmp_path / "one.CSV"
    path.write_text("\t".join(ROW) + "\n", encoding="utf-8")
    return path
