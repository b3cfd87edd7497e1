"""The canonical example article (../shared/data/news/seed_…): what it must and must not code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli

SEED = "news/seed_dw_2020-01-08_us_iran.txt"
FURNITURE = ("Read more", "Watch video", "Permalink", "newsletter", "sign up", "ls/se",
             "DW's editors")


@pytest.fixture(scope="module")
def seed_events(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    runner = CliRunner()
    result = runner.invoke(cli, ["code", str(shared_data / SEED), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    out = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    return [json.loads(line) for line in out.splitlines()]


def _has(events: list[dict], source: str, roots: tuple[str, ...], target: str) -> bool:
    return any((e["source_country"] or e["source"] or "").startswith(source)
               and e["cameo_root"] in roots
               and (e["target"] or "").startswith(target) or
               ((e["source"] or "").startswith(source) and e["cameo_root"] in roots
                and ((e["target_country"] or e["target"] or "").startswith(target)))
               for e in events)


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize(
    ("source", "roots", "target", "what"),
    [
        ("USA", ("18",), "IRN", "the killing of Soleimani"),
        ("IRN", ("18", "19"), "USA", "the missile response / attacks on US forces"),
        ("USA", ("01", "02"), "IGOUNO", "letter to the Security Council"),
        ("IRN", ("01", "02"), "IGOUNO", "Iran's letter to the Security Council"),
        ("USA", ("03",), "IRN", "ready to negotiate / de-escalate"),
        ("IRN", ("13",), "USA", "the threat of further military action"),
    ],
)
def test_seed_must_code(seed_events: list[dict], source: str, roots: tuple[str, ...],
                        target: str, what: str) -> None:
    assert _has(seed_events, source, roots, target), what


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize("date", ["2020-01-08"])
def test_seed_dates_and_no_furniture(seed_events: list[dict], date: str) -> None:
    assert seed_events
    assert {e["date"] for e in seed_events} == {date}
    for event in seed_events:
        assert not any(marker.lower() in event["sentence"].lower() for marker in FURNITURE)
