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
    assert "E705: Database" in err


@pytest.mark.model
@pytest.mark.parametrize("copies", [2])
def test_cli_events_merged_counts_mentions_articles_sources(tmp_path: Path, db_path: Path,
                                                            copies: int) -> None:
    """The same deed reported by two outlets (different words, same day) is one merged
    event with two articles and two sources, and both evidence sentences."""
    texts = ["Arnor-based reporters said Iran fired missiles at US bases in Iraq.",
             "Iran fired missiles at US bases in Iraq on Wednesday, officials confirmed."]
    rows = [{"id": f"w{i}", "date": "2020-01-08", "publisher": f"Outlet {i}", "text": text}
            for i, text in enumerate(texts[:copies])]
    (tmp_path / "wires.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n",
                                          encoding="utf-8")
    run("code", str(tmp_path / "wires.jsonl"), "--db", str(db_path),
        "--set", "ingest.deduplicate=false")
    code, out, _ = run("events", "--db", str(db_path), "--merged", "--source", "IRN*")
    assert code == 0
    merged = [json.loads(line) for line in out.splitlines()]
    attack = [r for r in merged if r["cameo_root"] in {"18", "19"}]
    assert attack and attack[0]["num_articles"] == copies == attack[0]["num_sources"]
    assert len(attack[0]["sentences"]) == attack[0]["num_mentions"] >= copies


@pytest.mark.model
@pytest.mark.issue(15)
@pytest.mark.parametrize("copies", [2])
def test_cli_duplicates_are_reported_as_duplicates_not_failures(tmp_path: Path, db_path: Path,
                                                                copies: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "date 2020-01-08\nIran fired missiles at two bases in Iraq that house US troops."
    for k in range(copies + 1):
        (folder / f"copy{k}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = run("code", str(folder), "--db", str(db_path), "--strict")
    assert code == 1  # the empty file is a failure; the copies are not
    assert f"Duplicates: {copies} (copies of articles already read" in err
    assert "Failures: 1\n" in err and "E210" not in err.split("Failures: 1")[1]
    code, out, _ = run("runs", "--db", str(db_path), "--format", "jsonl")
    run_row = json.loads(out.splitlines()[-1])
    assert (run_row["failures"], run_row["articles_skipped"]) == (1, copies)
    (folder / "empty.txt").unlink()
    code, _, err = run("code", str(folder), "--db", str(db_path), "--strict")
    assert code == 0, err  # copies alone never fail --strict


@pytest.mark.model
@pytest.mark.issue(15)
@pytest.mark.parametrize("rows", [3])
def test_cli_nothing_coded_from_a_non_empty_input_exits_1(tmp_path: Path, db_path: Path,
                                                        rows: int) -> None:
    source = tmp_path / "no_header.csv"
    lines = [f"w{k},2020-01-0{k + 1},Iran and the United States traded threats." for k in
             range(rows)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("code", str(source), "--db", str(db_path))
    assert code == 1
    assert "E104: No article was coded from" in err and str(source) in err
    assert "dyadwatch errors --db" in err


@pytest.mark.model
@pytest.mark.issue(15)
@pytest.mark.parametrize(("strict", "exit_code"), [(False, 0), (True, 1)])
def test_cli_empty_folder_warns_and_fails_under_strict(tmp_path: Path, db_path: Path,
                                                       strict: bool, exit_code: int) -> None:
    folder = tmp_path / "nothing"
    folder.mkdir()
    args = ["code", str(folder), "--db", str(db_path)] + (["--strict"] if strict else [])
    code, _, err = run(*args)
    assert code == exit_code
    assert "E105: No articles found in" in err
