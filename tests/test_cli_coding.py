"""End-to-end `dyadwatch code` / `dyadwatch events` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.model import RECORD_FIELDS

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def count_events(db: Path) -> int:
    code, out, _ = run("events", "--db", str(db))
    assert code == 0
    return len(out.splitlines())


@pytest.mark.model
@pytest.mark.parametrize("times", [2])
def test_cli_code_twice_adds_nothing(db_path: Path, times: int) -> None:
    counts = []
    for _ in range(times):
        code, _, err = run("code", str(EXAMPLES), "--db", str(db_path))
        assert code == 0, err
        counts.append(count_events(db_path))
    assert counts[0] > 0
    assert len(set(counts)) == 1


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_events_record_contract(db_path: Path, fmt: str) -> None:
    run("code", str(EXAMPLES), "--db", str(db_path))
    code, out, _ = run("events", "--db", str(db_path), "--format", fmt)
    assert code == 0
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert records and all(list(r) == list(RECORD_FIELDS) for r in records)
        assert all(r["sentence"] and r["trigger"] and r["rule"] for r in records)
    else:
        assert out.splitlines()[0].split(",") == list(RECORD_FIELDS)


@pytest.mark.model
@pytest.mark.parametrize("strict", [False, True])
def test_cli_bad_inputs_recorded_and_run_goes_on(tmp_path: Path, db_path: Path,
                                                 strict: bool) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "latin.txt").write_bytes(b"Iran fired missiles at US bases in Iraq \xff.")
    (tmp_path / "in" / "rows.jsonl").write_text('{"id": "r1"}\n{broken\n', encoding="utf-8")
    (tmp_path / "in" / "good.txt").write_text("date 2020-01-08\nIran attacked US bases in Iraq.",
                                              encoding="utf-8")
    args = ["code", str(tmp_path / "in"), "--db", str(db_path)] + (["--strict"] if strict else [])
    code, _, err = run(*args)
    assert code == (1 if strict else 0)
    for expected in ("E203", "E205", "E204", "E206", "Failures: 5"):
        assert expected in err
    assert "Coded 2 of 2 articles" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "no/such/path"], "does not exist"),
        (["events", "--since", "yesterday"], "not a date"),
        (["events", "--format", "xml"], "'xml' is not one of"),
    ],
)
def test_cli_usage_errors_exit_2(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize("missing", ["absent.duckdb"])
def test_cli_events_missing_db_exit_1(tmp_path: Path, missing: str) -> None:
    code, _, err = run("events", "--db", str(tmp_path / missing))
    assert code == 1
    assert "E403" in err
