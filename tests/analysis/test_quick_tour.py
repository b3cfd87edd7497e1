"""The README's quick tour on the bundled examples: the escalation of early January 2020."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("tour") / "example.duckdb")
    result = CliRunner().invoke(cli, ["-q", "code", str(REPO / "examples"), "--db", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.model
@pytest.mark.issue(15)
@pytest.mark.parametrize("day", ["2020-01-03"])
def test_quick_tour_escalation_finds_the_soleimani_episode(example_db: str, day: str) -> None:
    result = CliRunner().invoke(cli, ["escalation", "USA", "IRN", "--db", example_db,
                                      "--penalty", "3", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert "--freq week (auto:" in result.stderr and "penalty" in result.stderr
    episodes = json.loads(result.stdout)
    around = [e for e in episodes if e["start"][:10] <= day <= e["end"][:10]]
    assert [e["direction"] for e in around] == ["escalation"]
    assert any(d["date"] == day for d in around[0]["drivers"])


@pytest.mark.model
@pytest.mark.issue(15)
@pytest.mark.parametrize("command", [["reciprocity", "USA", "IRN", "--permutations", "19"],
                                     ["series", "USA", "IRN", "--freq", "week"]])
def test_quick_tour_analyses_have_enough_data(example_db: str, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--db", example_db])
    assert result.exit_code == 0, result.stderr
    assert "E703" not in result.stderr
