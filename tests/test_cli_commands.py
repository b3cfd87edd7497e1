"""Commands agree with each other (issue 15): one database setting, one actor-pattern
language, the same errors, counts that tell the truth, dates that never print NaT."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.store.db import open_db
from dyadwatch.store.export import write_gdelt
from dyadwatch.synthetic import make_event, write_events

D1, D2, D3 = date(2020, 1, 3), date(2020, 1, 8), date(2020, 1, 10)
EVENTS = [
    make_event("e1", "a1", D1, "USAMIL", "IRNMIL", "186", "USA", "IRN"),
    make_event("e2", "a1", D1, "IRNGOV", "USA", "138", "IRN", "USA", sentence_index=1),
    make_event("e3", "a2", D2, "IRNMIL", "USAMIL", "190", "IRN", "USA"),
    make_event("e4", "a3", D3, "USA", "IRNBUS", "163", "USA", "IRN"),
    make_event("e5", "a3", None, "USAGOV", "IRN", "112", "USA", "IRN", sentence_index=1),
    make_event("e6", "a4", D3, "IGOUNO", "USA", "036", None, "USA"),
]
QUERY_COMMANDS = [
    ["events"], ["timeline", "USA", "IRN"], ["series", "USA", "IRN"],
    ["escalation", "USA", "IRN"], ["reciprocity", "USA", "IRN"], ["dyads"], ["runs"],
    ["errors"], ["export", "--format", "plover"], ["report", "USA", "IRN", "-o", "r.html"],
]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def small_db(tmp_path: Path) -> Path:
    path = tmp_path / "small.duckdb"
    conn = open_db(path)
    write_events(conn, EVENTS)
    conn.close()
    return path


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", QUERY_COMMANDS, ids=lambda a: a[0])
def test_cli_every_command_reads_store_db_from_the_environment(
        small_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    """No --db: DYADWATCH_STORE__DB names the database for every query command."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(*args, env={"DYADWATCH_STORE__DB": str(small_db)})
    assert "E705" not in err
    assert code in (0, 1) and ("E703" in err if code else True), err


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", [*QUERY_COMMANDS, ["alerts"], ["forecast", "USA", "IRN"],
                                  ["backtest"]], ids=lambda a: a[0])
def test_cli_store_db_setting_names_the_database(tmp_path: Path, args: list[str]) -> None:
    """The setting, not a hard-coded file name, is what a command without --db opens."""
    missing = tmp_path / "elsewhere" / "from-setting.duckdb"
    code, _, err = run(*args, env={"DYADWATCH_STORE__DB": str(missing)})
    assert code == 1
    assert f"E705: Database '{missing}' does not exist" in err


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", QUERY_COMMANDS, ids=lambda a: a[0])
def test_cli_missing_database_is_e705_everywhere(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "none.duckdb"
    code, _, err = run(*args, "--db", str(missing))
    assert code == 1
    assert f"E705: Database '{missing}' does not exist" in err
    assert not missing.exists()


@pytest.mark.issue(15)
@pytest.mark.parametrize(("pattern", "ids"), [
    ("USA", ["e1", "e4", "e5"]),  # the country: any actor of it
    ("USAMIL", ["e1"]),  # a longer code is exact
    ("USA*", ["e1", "e4", "e5"]),  # a prefix
    ("=USA", ["e4"]),  # exactly the three-letter code
])
def test_cli_events_source_uses_the_pattern_language(small_db: Path, pattern: str,
                                                     ids: list[str]) -> None:
    code, out, err = run("events", "--db", str(small_db), "--source", pattern)
    assert code == 0, err
    assert [json.loads(line)["event_id"] for line in out.splitlines()] == ids


@pytest.mark.issue(15)
@pytest.mark.parametrize(("pattern", "dyad_ids"), [
    ("USA", {"e1", "e2", "e3", "e4", "e5"}), ("USAMIL", {"e1", "e3"}),
])
def test_cli_timeline_reads_patterns_like_events(small_db: Path, pattern: str,
                                                 dyad_ids: set[str]) -> None:
    code, out, err = run("timeline", pattern, "IRN", "--db", str(small_db), "--format", "json")
    assert code == 0, err
    assert {row["event_id"] for row in json.loads(out)} == dyad_ids


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", [
    ["events", "--source", "XYZ"], ["events", "--target", "USAXYZ"],
    ["timeline", "USA", "XYZ"], ["series", "XYZ", "IRN"], ["escalation", "USA", "XYZ"],
    ["reciprocity", "USA", "XYZ"], ["export", "--format", "gdelt", "--source", "XYZ"],
    ["report", "USA", "XYZ"],
])
def test_cli_unknown_actor_is_e708_in_every_command(small_db: Path, args: list[str]) -> None:
    code, out, err = run(*args, "--db", str(small_db))
    assert code == 1
    assert "E708: No event in" in err and "XYZ" in err
    assert out == ""


@pytest.mark.issue(15)
@pytest.mark.parametrize(("args", "ids"), [
    (["--limit", "2"], ["e1", "e2"]),
    (["--article", "a3"], ["e4", "e5"]),
    (["--article", "a3", "--limit", "1"], ["e4"]),
    (["--source", "IRN", "--limit", "1"], ["e2"]),
])
def test_cli_events_limit_and_article(small_db: Path, args: list[str], ids: list[str]) -> None:
    code, out, err = run("events", "--db", str(small_db), *args)
    assert code == 0, err
    assert [json.loads(line)["event_id"] for line in out.splitlines()] == ids


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", [[], ["--code", "E201"], ["--run", "1"]])
def test_cli_errors_says_when_there_are_none(small_db: Path, args: list[str]) -> None:
    code, out, _ = run("errors", "--db", str(small_db), *args)
    assert code == 0
    assert out.startswith("No failures") and str(small_db) in out


@pytest.mark.issue(15)
@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_cli_timeline_undated_event_says_date_unknown_and_comes_last(small_db: Path,
                                                                   fmt: str) -> None:
    code, out, err = run("timeline", "USA", "IRN", "--db", str(small_db), "--format", fmt)
    assert code == 0, err
    assert "NaT" not in out
    if fmt == "text":
        dated = [line for line in out.splitlines() if not line.startswith(" ")]
        assert dated[-1].startswith("date unknown  USA->IRN  112")
    elif fmt == "json":
        rows = json.loads(out)
        assert rows[-1]["event_id"] == "e5" and rows[-1]["date"] is None


@pytest.mark.issue(15)
@pytest.mark.parametrize("fmt", ["gdelt"])
def test_cli_export_gdelt_skips_and_counts_undated(small_db: Path, fmt: str) -> None:
    code, out, err = run("export", "--format", fmt, "--db", str(small_db))
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) == len(EVENTS) - 1
    assert all(row[1] and row[2] and row[3] for row in rows)
    assert "exported 5 events" in err and "skipped 1 events without a date" in err


def _gdelt_file(path: Path) -> Path:
    buffer = io.StringIO()
    write_gdelt([e for e in EVENTS if e.date], buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.mark.issue(15)
@pytest.mark.parametrize("times", [2])
def test_cli_import_gdelt_twice_reports_nothing_new(tmp_path: Path, times: int) -> None:
    source, db = _gdelt_file(tmp_path / "mine.export.CSV"), str(tmp_path / "g.duckdb")
    news = []
    for _ in range(times):
        code, _, err = run("import-gdelt", str(source), "--db", db)
        assert code == 0, err
        news.append(err)
    assert "imported 5 events" in news[0] and ": 5 new, 0 already there" in news[0]
    assert ": 0 new, 5 already there" in news[1]
    code, out, _ = run("runs", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["events_new"] for line in out.splitlines()] == [5, 0]


@pytest.mark.issue(15)
@pytest.mark.parametrize("content", ["", "not\ta\tgdelt\trow\n"])
def test_cli_failed_import_gdelt_leaves_no_database(tmp_path: Path, content: str) -> None:
    source = tmp_path / "bad.CSV"
    source.write_text(content, encoding="utf-8")
    db = tmp_path / "new.duckdb"
    code, _, err = run("import-gdelt", str(source), "--db", str(db))
    assert code == 1 and "E707" in err
    assert not db.exists() and not (tmp_path / "new.duckdb.wal").exists()


@pytest.mark.issue(15)
@pytest.mark.parametrize("content", ["not\ta\tgdelt\trow\n"])
def test_cli_failed_import_gdelt_keeps_an_existing_database(small_db: Path, tmp_path: Path,
                                                            content: str) -> None:
    source = tmp_path / "bad.CSV"
    source.write_text(content, encoding="utf-8")
    code, _, _ = run("import-gdelt", str(source), "--db", str(small_db))
    assert code == 1 and small_db.exists()
    code, out, _ = run("runs", "--db", str(small_db), "--format", "jsonl")
    assert json.loads(out.splitlines()[-1])["status"] == "failed"


@pytest.mark.issue(15)
@pytest.mark.parametrize(("args", "code"), [
    (["events", "--since", "2020-02-30"], "E704"), (["events", "--source", "U$A"], "E701"),
    (["export", "--format", "plover", "--until", "soon"], "E704"),
    (["export", "--format", "plover", "--target", "I R N"], "E701"),
])
def test_cli_bad_filters_are_usage_errors_before_the_database(tmp_path: Path, args: list[str],
                                                              code: str) -> None:
    exit_code, _, err = run(*args, "--db", str(tmp_path / "none.duckdb"))
    assert exit_code == 2 and code in err


@pytest.mark.issue(15)
@pytest.mark.parametrize("name", ["r.html"])
def test_cli_report_undated_event_says_date_unknown(small_db: Path, tmp_path: Path,
                                                    name: str) -> None:
    target = tmp_path / name
    code, _, err = run("report", "USA", "IRN", "--db", str(small_db), "-o", str(target),
                       "--permutations", "9")
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert "NaT" not in html
    rows = html.split("<h2>Timeline</h2>")[1].split("<h2>Sources</h2>")[0].split("<tr>")
    assert "date unknown" in rows[-1] and "date unknown" not in "".join(rows[:-1])
