"""/api/timeline as the dashboard uses it: modality and negation, undated last, filters,
and the CSV/JSON download of the current view."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyadwatch.analysis.timeline import mood_label

DYAD = {"a": "=USAGOV", "b": "=IRNGOV"}


@pytest.fixture
def moods(moods_db: Path, tmp_path: Path,
          client_for: Callable[..., TestClient]) -> Iterator[TestClient]:
    with client_for(moods_db, tmp_path) as test_client:
        yield test_client


@pytest.mark.issue(15)
@pytest.mark.parametrize(("event_id", "modality", "negated"), [
    ("mood-threat", "threatened", False), ("mood-intent", "intended", False),
    ("mood-reported", "reported", False), ("mood-denied", "asserted", True),
])
def test_timeline_carries_modality_and_negation(moods: TestClient, event_id: str,
                                                modality: str, negated: bool) -> None:
    body = moods.get("/api/timeline", params={**DYAD, "since": "2019-03-04",
                                              "until": "2019-03-04"}).json()
    [event] = [e for e in body["events"] if e["event_id"] == event_id]
    assert (event["modality"], event["negated"]) == (modality, negated)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("modality", "negated", "label"), [
    ("threatened", False, "threat"), ("intended", False, "intent"),
    ("reported", False, "reported"), ("asserted", True, "denied"), ("asserted", False, ""),
    ("reported", True, "reported, denied"),
])
def test_timeline_mood_label(modality: str, negated: bool, label: str) -> None:
    assert mood_label(modality, negated) == label


@pytest.mark.issue(15)
@pytest.mark.parametrize("undated", [2])
def test_timeline_undated_events_come_last_as_null(moods: TestClient, undated: int) -> None:
    body = moods.get("/api/timeline", params={**DYAD, "limit": 1000}).json()
    dates = [e["date"] for e in body["events"]]
    assert dates[-undated:] == [None] * undated and None not in dates[:-undated]
    assert "NaT" not in json.dumps(body)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("params", "check"), [
    ({"quad": 4}, lambda e: e["quad_class"] == 4),
    ({"cameo_root": "13"}, lambda e: e["cameo"].startswith("13")),
    ({"cameo_root": "19", "quad": 4}, lambda e: e["cameo"].startswith("19")),
])
def test_timeline_filters_by_root_and_quad(moods: TestClient, params: dict[str, Any],
                                           check: Callable[[dict[str, Any]], bool]) -> None:
    everything = moods.get("/api/timeline", params={**DYAD, "limit": 1000}).json()
    body = moods.get("/api/timeline", params={**DYAD, **params, "limit": 1000}).json()
    assert 0 < body["total"] < everything["total"]
    assert len(body["events"]) == body["total"] and all(check(e) for e in body["events"])


@pytest.mark.issue(15)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_timeline_download_is_the_whole_view(moods: TestClient, fmt: str) -> None:
    params = {**DYAD, "quad": 4, "since": "2019-01-01", "until": "2019-12-31"}
    total = moods.get("/api/timeline", params={**params, "limit": 1}).json()["total"]
    response = moods.get("/api/timeline/download", params={**params, "format": fmt})
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith(f'.{fmt}"')
    assert "USAGOV-IRNGOV-2019-01-01-2019-12-31-quad4" in disposition
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
    else:
        rows = json.loads(response.text)
    assert len(rows) == total > 100
    assert {str(r["quad_class"]) for r in rows} == {"4"}
    assert {"date", "source", "target", "cameo", "modality", "negated", "sentence"} <= set(rows[0])


@pytest.mark.issue(15)
@pytest.mark.parametrize("params", [{"a": "ZZZ", "b": "USA", "format": "csv"}])
def test_timeline_download_refusals_are_json_errors(moods: TestClient,
                                                    assert_error: Callable[..., Any],
                                                    params: dict[str, str]) -> None:
    assert_error(moods.get("/api/timeline/download", params=params), 404, "E708")


@pytest.mark.issue(15)
@pytest.mark.parametrize(("cameo", "label"), [("138", "[threat]"), ("036", "[intent]"),
                                              ("190", "[reported]"), ("190", "[denied]")])
def test_cli_timeline_says_threat_intent_reported_denied(moods_db: Path, cameo: str,
                                                         label: str) -> None:
    from click.testing import CliRunner

    from dyadwatch.cli import cli

    result = CliRunner().invoke(cli, ["timeline", "=USAGOV", "=IRNGOV", "--db", str(moods_db),
                                      "--since", "2019-03-04", "--until", "2019-03-04"])
    assert result.exit_code == 0, result.output
    heads = [line for line in result.stdout.splitlines() if f"  {cameo} " in line]
    assert any(label in line for line in heads), heads
    lines = result.stdout.splitlines()
    assert sum(line.startswith("2019-03-04") for line in lines) == 4
    assert sum("[" in line for line in lines) == 4
