"""Validation suites: the fictional mini suite, PETRARCH2's and TABARI's (shared data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.petrarch.records import read_suite
from dyadwatch.petrarch.validate import run_suite, summarize

from .helpers import FIXTURES, shared_data

PETRARCH_SUITE = shared_data() / "gold" / "petrarch_unittest" / "PETR.UnitTest.records.xml"
TABARI_SUITE = shared_data() / "gold" / "tabari_validate" / "Validate.text"
# Floors: the pass rates reached when these were last measured (docs/petrarch.md).
PETRARCH_FLOOR = 0.904
TABARI_FLOOR = 0.80


@pytest.mark.parametrize(("record", "outcome"), [
    ("MINI-01", "events"), ("MINI-02", "discard"), ("MINI-03", "noevents"),
])
def test_records_read_petrarch_xml(record: str, outcome: str) -> None:
    suite = read_suite(FIXTURES / "mini_suite.xml")
    found = next(r for r in suite.records if r.id == record)
    assert found.outcome == outcome and suite.files.verbs == FIXTURES / "mini" / "verbs.txt"


@pytest.mark.model
@pytest.mark.parametrize("suite", [FIXTURES / "mini_suite.xml"])
def test_validate_mini_suite_passes(tmp_path: Path, suite: Path) -> None:
    results = run_suite(suite, cache_dir=tmp_path)
    assert [r.passed for r in results if r.counted] == [True, True, True]
    assert summarize(results)[-1].rate == 1.0


@pytest.mark.model
@pytest.mark.parametrize("suite", [FIXTURES / "mini_suite.xml"])
def test_validate_cli_writes_jsonl_and_table(tmp_path: Path, suite: Path) -> None:
    from dyadwatch.cli import cli

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["petrarch-validate", str(suite), "--jsonl", str(out),
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    triple = [["ELD", "VRN", "0642"]]
    assert lines[0] == {"id": "MINI-01", "category": "PATTERN", "expected": triple,
                        "produced": triple, "passed": True}
    assert "TOTAL" in result.stderr


@pytest.mark.parametrize("missing", ["no-such-suite.xml"])
def test_validate_cli_missing_file_exits_2(tmp_path: Path, missing: str) -> None:
    from dyadwatch.cli import cli

    result = CliRunner().invoke(cli, ["petrarch-validate", str(tmp_path / missing)])
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize(("suite", "floor"), [(PETRARCH_SUITE, PETRARCH_FLOOR),
                                              (TABARI_SUITE, TABARI_FLOOR)])
def test_validate_shared_suites_keep_their_pass_rate(tmp_path: Path, suite: Path,
                                                     floor: float) -> None:
    if not suite.exists():
        pytest.skip(f"shared validation data not found at {suite} (set DYADWATCH_SHARED_DATA)")
    rows = summarize(run_suite(suite, cache_dir=tmp_path))
    assert rows[-1].rate >= floor


@pytest.mark.parametrize(("position", "command"), [(2, "require_dyad=false")])
def test_records_read_config_between_petrarch_records(position: int, command: str) -> None:
    suite = read_suite(FIXTURES / "mini_suite.xml")
    option = suite.records[position]
    assert option.outcome == "option" and option.options == (command,)
    assert [r.id for r in suite.records if r.outcome != "option"] == [
        "MINI-01", "MINI-02", "MINI-03"]


def _suite_naming(folder: Path, environment: str) -> Path:
    """A copy of the mini suite whose <Environment> is ``environment``, with the mini
    dictionaries beside it and a second actor file of our own."""
    for name in ("verbs.txt", "actors.txt", "agents.txt", "discards.txt"):
        (folder / name).write_text((FIXTURES / "mini" / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    (folder / "more_actors.txt").write_text("ZELMORA [ZLM]\n", encoding="utf-8")
    text = (FIXTURES / "mini_suite.xml").read_text(encoding="utf-8")
    head, rest = text.split("</Environment>", 1)
    suite = folder / "records.xml"
    suite.write_text("<Validation>\n<Environment>\n" + environment + "\n</Environment>" + rest,
                     encoding="utf-8")
    return suite


COMMA_ENV = ("<Verbfile>verbs.txt</Verbfile>\n"
             "<Actorfile>actors.txt, more_actors.txt</Actorfile>\n"
             "<Agentfile>agents.txt</Agentfile>\n<Discardfile>discards.txt</Discardfile>\n"
             "<Errorfile>errors.out.txt</Errorfile>")


@pytest.mark.issue(15)
@pytest.mark.parametrize("environment", [COMMA_ENV])
def test_records_read_comma_separated_actor_files(tmp_path: Path, environment: str) -> None:
    suite = read_suite(_suite_naming(tmp_path, environment))
    assert suite.files.actors == [tmp_path / "actors.txt", tmp_path / "more_actors.txt"]
    assert suite.files.agents == tmp_path / "agents.txt"


@pytest.mark.issue(15)
@pytest.mark.parametrize("environment", [
    COMMA_ENV.replace("more_actors.txt", "absent.actors.txt"),
    COMMA_ENV.replace("verbs.txt", "absent.verbs.txt"),
])
def test_validate_cli_absent_needed_file_is_a_coded_error(tmp_path: Path,
                                                          environment: str) -> None:
    from dyadwatch.cli import cli

    result = CliRunner().invoke(cli, ["petrarch-validate",
                                      str(_suite_naming(tmp_path, environment))])
    assert result.exit_code == 1, result.output
    assert "E501" in result.stderr and "absent." in result.stderr
    assert "not found" in result.stderr and "Traceback" not in result.output


@pytest.mark.issue(15)
@pytest.mark.parametrize("environment", [
    COMMA_ENV.replace("<Agentfile>agents.txt", "<Agentfile>absent.agents.txt")
    + "\n<Picofile>PETR.pico.txt</Picofile>",
])
def test_records_skip_absent_files_coding_does_not_need(
        tmp_path: Path, environment: str, caplog: pytest.LogCaptureFixture) -> None:
    suite = read_suite(_suite_naming(tmp_path, environment))
    assert suite.files.agents is None and len(suite.files.actors) == 2
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "absent.agents.txt" in warned and "PETR.pico.txt" in warned
