from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.store.db import open_db
from dyadwatch.synthetic import Crisis, crisis_events, write_events

EXPORT = "gdelt/gdelt2_export_20191024143000.export.CSV"


@pytest.fixture(scope="module")
def crisis_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("crisis") / "crisis.duckdb"
    conn = open_db(path)
    write_events(conn, crisis_events(Crisis()))
    conn.close()
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_analysis_dyads(crisis_db: str, fmt: str) -> None:
    code, out, _ = run("dyads", "--db", crisis_db, "--format", fmt, "--top", "1")
    assert code == 0
    assert "IRNGOV" in out and "USAGOV" in out
    if fmt == "json":
        [row] = json.loads(out)
        assert row["events"] == row["events_ab"] + row["events_ba"]


@pytest.mark.parametrize(("freq", "rows"), [("week", 120), ("month", 28)])
def test_cli_analysis_series_csv(crisis_db: str, freq: str, rows: int) -> None:
    code, out, _ = run("series", "USA", "IRN", "--db", crisis_db, "--freq", freq,
                       "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("period,direction,events,verbal_coop")
    assert len(lines) == rows + 1
    assert {line.split(",")[1] for line in lines[1:]} == {"USA->IRN", "IRN->USA"}


@pytest.mark.parametrize("fmt", ["json"])
def test_cli_analysis_escalation_finds_the_planted_change(crisis_db: str, fmt: str) -> None:
    code, out, _ = run("escalation", "USA", "IRN", "--db", crisis_db, "--format", fmt)
    assert code == 0
    episodes = json.loads(out)
    escalations = [e for e in episodes if e["direction"] == "escalation"]
    assert any(e["start"] in ("2019-07-29", "2019-08-05", "2019-08-12") for e in escalations)
    assert all(d["goldstein"] <= -5 for e in escalations for d in e["drivers"])


@pytest.mark.parametrize("fmt", ["json"])
def test_cli_analysis_reciprocity_reports_lag_two(crisis_db: str, fmt: str) -> None:
    code, out, _ = run("reciprocity", "USA", "IRN", "--db", crisis_db, "--max-lag", "4",
                       "--permutations", "199", "--format", fmt)
    assert code == 0
    rows = json.loads(out)
    conflict = next(r for r in rows if r["responder"] == "IRN" and r["channel"] == "conflict")
    assert conflict["best_lag"] == 2 and conflict["p_value"] < 0.05
    assert len(conflict["ccf"]) == 5
    again = json.loads(run("reciprocity", "USA", "IRN", "--db", crisis_db, "--max-lag", "4",
                           "--permutations", "199", "--format", fmt)[1])
    assert again == rows


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_analysis_timeline(crisis_db: str, fmt: str) -> None:
    code, out, _ = run("timeline", "=USAGOV", "=IRNGOV", "--db", crisis_db, "--format", fmt,
                       "--until", "2019-01-20")
    assert code == 0
    if fmt == "json":
        rows = json.loads(out)
        assert rows and all(r["date"] <= "2019-01-20" for r in rows)
        assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
        assert rows[0]["url"].startswith("https://example.org/")
    else:
        assert "\u201c" in out and "https://example.org/" in out


@pytest.mark.parametrize("name", ["report.html"])
def test_cli_analysis_report_is_self_contained(crisis_db: str, tmp_path: Path,
                                               name: str) -> None:
    target = tmp_path / name
    code, out, err = run("report", "USA", "IRN", "--db", crisis_db, "-o", str(target),
                         "--permutations", "99")
    assert code == 0 and out == "" and "wrote" in err
    html = target.read_text(encoding="utf-8")
    assert html.count("<svg") == 2
    assert "escalation" in html and "Timeline" in html and "Sources" in html
    assert "<script" not in html and 'src="http' not in html


@pytest.mark.parametrize("command", ["series", "escalation", "reciprocity", "timeline"])
def test_cli_analysis_missing_db_exits_1(tmp_path: Path, command: str) -> None:
    code, _, err = run(command, "USA", "IRN", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert "E705: Database" in err and "does not exist" in err


@pytest.mark.parametrize(("args", "message"), [
    (["series", "U$A", "IRN"], "E701"),
    (["series", "USA", "IRN", "--since", "2020-13-01"], "E704"),
    (["series", "USA", "IRN", "--freq", "year"], "Invalid value for '--freq'"),
    (["reciprocity", "USA", "IRN", "--max-lag", "-1"], "Invalid value for '--max-lag'"),
])
def test_cli_analysis_bad_options_exit_2(crisis_db: str, args: list[str], message: str) -> None:
    code, _, err = run(*args, "--db", crisis_db)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(("a", "b"), [("USA", "IRN")])
def test_cli_analysis_dyad_without_events_exits_1(crisis_db: str, a: str, b: str) -> None:
    code, _, err = run("series", a, b, "--db", crisis_db, "--since", "2030-01-01")
    assert code == 1 and "E702: No events between USA and IRN from 2030-01-01" in err


@pytest.mark.parametrize(("fmt", "check"), [
    ("gdelt", lambda line: len(line.split("\t")) == 61 + 2),  # then confidence, dyadic
    ("phoenix", lambda line: len(line.split("\t")) == 26 + 2),
    ("plover", lambda line: json.loads(line)["event"] != []),
])
def test_cli_analysis_export_text_formats(crisis_db: str, fmt: str, check: object) -> None:
    code, out, err = run("export", "--format", fmt, "--db", crisis_db, "--limit", "5")
    assert code == 0 and "exported 5 events" in err
    lines = out.splitlines()
    assert len(lines) == 5 and all(check(line) for line in lines)  # type: ignore[operator]


@pytest.mark.parametrize("fmt", ["parquet"])
def test_cli_analysis_export_parquet_needs_output(crisis_db: str, tmp_path: Path,
                                                  fmt: str) -> None:
    assert run("export", "--format", fmt, "--db", crisis_db)[0] == 2
    target = tmp_path / "e.parquet"
    assert run("export", "--format", fmt, "--db", crisis_db, "-o", str(target))[0] == 0
    assert target.stat().st_size > 0


@pytest.mark.parametrize("events", [2111])
def test_cli_analysis_import_gdelt_then_export(shared_data: Path, tmp_path: Path,
                                               events: int) -> None:
    db = str(tmp_path / "g.duckdb")
    code, _, err = run("import-gdelt", str(shared_data / EXPORT), "--db", db)
    assert code == 0 and f"imported {events} events" in err
    out_path = tmp_path / "out.CSV"
    assert run("export", "--format", "gdelt", "--db", db, "-o", str(out_path))[0] == 0
    original = sorted((shared_data / EXPORT).read_text(encoding="utf-8").splitlines())
    written = out_path.read_text(encoding="utf-8").splitlines()
    # the 61 GDELT columns come back unchanged; then confidence (none: imported) and dyadic
    assert sorted("\t".join(line.split("\t")[:61]) for line in written) == original
    assert {line.split("\t")[61] for line in written} == {""}
    code, out, _ = run("dyads", "--db", db, "--by", "country", "--top", "3", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 3


@pytest.mark.parametrize(("strict", "code"), [(False, 0), (True, 1)])
def test_cli_analysis_import_gdelt_strict(shared_data: Path, tmp_path: Path, strict: bool,
                                          code: int) -> None:
    source = tmp_path / "mixed.CSV"
    lines = (shared_data / EXPORT).read_text(encoding="utf-8").splitlines()[:3]
    source.write_text("\n".join([*lines, "short\trow"]) + "\n", encoding="utf-8")
    args = ["import-gdelt", str(source), "--db", str(tmp_path / "m.duckdb")]
    exit_code, _, err = run(*args, *(["--strict"] if strict else []))
    assert exit_code == code
    assert "imported 3 events" in err and "(1 rows skipped)" in err
