"""/api/alerts and /alerts.atom over the planted-turn database of tests/analysis."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.store.db import open_db
from dyadwatch.synthetic import write_events

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
from test_alerts import START, WEEKS, planted_events  # noqa: E402

AS_OF = (START + timedelta(weeks=WEEKS - 1, days=6)).isoformat()


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("alerts-api") / "planted.duckdb"
    conn = open_db(path)
    write_events(conn, planted_events())
    conn.close()
    return path


@pytest.mark.issue(17)
@pytest.mark.parametrize("params", [{"as_of": AS_OF}])
def test_alerts_api_ranks_the_planted_turn(planted: Path, tmp_path: Path,
                                          client_for: Callable[..., Any],
                                          params: dict[str, str]) -> None:
    with client_for(planted, tmp_path) as client:
        body = client.get("/api/alerts", params=params).json()
    assert body["ok"] is True and body["as_of"] == AS_OF
    first = body["alerts"][0]
    assert (first["actor_a"], first["actor_b"]) == ("ARN", "GON")
    assert first["evidence"] and first["why"] and first["series"]
    assert body["forecasts"] == {}


@pytest.mark.issue(17)
@pytest.mark.parametrize("params", [{"as_of": AS_OF, "forecast": "week"}])
def test_alerts_api_attaches_forecasts(planted: Path, tmp_path: Path,
                                       client_for: Callable[..., Any],
                                       params: dict[str, str]) -> None:
    with client_for(planted, tmp_path) as client:
        body = client.get("/api/alerts", params=params).json()
    forecast = body["forecasts"][body["alerts"][0]["alert_id"]]
    assert forecast["period"] == (START + timedelta(weeks=WEEKS)).isoformat()
    assert forecast["track_record"]["scores"]
    assert all(d["net_goldstein"]["low"] <= d["net_goldstein"]["high"]
               for d in forecast["directions"])


@pytest.mark.issue(17)
@pytest.mark.parametrize("as_of", [AS_OF])
def test_alerts_api_atom_feed(planted: Path, tmp_path: Path, client_for: Callable[..., Any],
                              as_of: str) -> None:
    import feedparser

    with client_for(planted, tmp_path) as client:
        first = client.get("/alerts.atom", params={"as_of": as_of})
        second = client.get("/alerts.atom", params={"as_of": as_of})
    assert first.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(first.text)
    assert parsed.bozo == 0 and parsed.entries
    assert [e.id for e in parsed.entries] == [e.id for e in feedparser.parse(second.text).entries]
    assert parsed.entries[0].link.endswith("#a=ARN&b=GON&freq=week")


@pytest.mark.issue(17)
@pytest.mark.parametrize("params", [{"as_of": "2001-01-01"}])
def test_alerts_api_before_any_article_is_empty_not_an_error(
        planted: Path, tmp_path: Path, client_for: Callable[..., Any],
        params: dict[str, str]) -> None:
    with client_for(planted, tmp_path) as client:
        response = client.get("/api/alerts", params=params)
    assert response.status_code == 200
    assert response.json()["alerts"] == [] and "E811" in response.json()["note"]


@pytest.mark.issue(17)
@pytest.mark.parametrize("params", [{"as_of": "yesterday"}, {"freq": "year"},
                                    {"as_of": "0000-00-00"}, {"as_of": "9999-01-01"}])
def test_alerts_api_bad_parameters(planted: Path, tmp_path: Path,
                                   client_for: Callable[..., Any],
                                   assert_error: Callable[..., Any],
                                   params: dict[str, str]) -> None:
    with client_for(planted, tmp_path) as client:
        assert_error(client.get("/api/alerts", params=params), 400)


@pytest.fixture(scope="module")
def unsure(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_alerts import unsure_turn_events

    path = tmp_path_factory.mktemp("alerts-api") / "unsure.duckdb"
    conn = open_db(path)
    write_events(conn, unsure_turn_events())
    conn.close()
    return path


@pytest.mark.issue(14)
@pytest.mark.parametrize("route", ["/api/alerts", "/alerts.atom"])
def test_alerts_api_min_confidence(unsure: Path, tmp_path: Path,
                                   client_for: Callable[..., Any],
                                   assert_error: Callable[..., Any], route: str) -> None:
    """The planted turn, coded with low confidence, is no alert at min_confidence 0.5."""
    with client_for(unsure, tmp_path) as client:
        every = client.get(route, params={"as_of": AS_OF})
        sure = client.get(route, params={"as_of": AS_OF, "min_confidence": "0.5"})
        assert_error(client.get(route, params={"as_of": AS_OF, "min_confidence": "lots"}),
                     400, "E350")
    assert every.status_code == sure.status_code == 200
    if route == "/api/alerts":
        pairs = [[(a["actor_a"], a["actor_b"]) for a in r.json()["alerts"]]
                 for r in (every, sure)]
        assert ("ARN", "GON") in pairs[0] and ("ARN", "GON") not in pairs[1]
    else:
        assert "b=GON" in every.text and "b=GON" not in sure.text
