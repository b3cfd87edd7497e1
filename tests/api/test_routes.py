"""Every JSON endpoint through the ASGI test client: answers and refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

ErrorCheck = Callable[..., dict[str, Any]]


@pytest.mark.parametrize("path", ["/api/health"])
def test_routes_health_reports_database(client: TestClient, path: str) -> None:
    body = client.get(path).json()
    assert body["ok"] is True and body["database"]["ready"] is True
    assert body["database"]["events"]["events"] > 300
    assert body["database"]["writer_active"] is False
    assert body["writes_enabled"] is False


@pytest.mark.parametrize("params", [{"source": "USA", "target": "IRN", "limit": 5}])
def test_routes_events_page_and_total(client: TestClient, params: dict[str, Any]) -> None:
    body = client.get("/api/events", params=params).json()
    assert body["limit"] == 5 and len(body["events"]) == 5 and body["total"] > 5
    first = body["events"][0]
    assert first["source"].startswith("USA") and first["target"].startswith("IRN")
    assert {"event_id", "sentence", "cameo", "goldstein", "quad_class"} <= set(first)
    second = client.get("/api/events", params={**params, "offset": 5}).json()
    assert second["events"][0]["event_id"] not in {e["event_id"] for e in body["events"]}


@pytest.mark.parametrize(("params", "check"), [
    ({"quad": 4}, lambda e: e["quad_class"] == 4),
    ({"cameo_root": "19"}, lambda e: e["cameo_root"] == "19"),
    ({"since": "2019-08-01", "until": "2019-08-31"}, lambda e: "2019-08" in e["date"]),
    ({"source": "=IRNGOV"}, lambda e: e["source"] == "IRNGOV"),
])
def test_routes_events_filters(client: TestClient, params: dict[str, Any],
                               check: Callable[[dict[str, Any]], bool]) -> None:
    body = client.get("/api/events", params={**params, "limit": 1000}).json()
    assert body["events"] and all(check(event) for event in body["events"])


@pytest.mark.parametrize("article", ["syn-0-31-AB"])
def test_routes_events_of_article(client: TestClient, article: str) -> None:
    body = client.get("/api/events", params={"article": article}).json()
    assert body["total"] >= 1 and {e["article_id"] for e in body["events"]} == {article}


@pytest.mark.parametrize(("params", "status", "needle"), [
    ({"source": "ZZZ"}, 404, "E708: No event in the database has an actor matching 'ZZZ'"),
    ({"target": "NOWHERE"}, 404, "E708: No event in the database has an actor matching"),
    ({"source": "not a code"}, 400, "E701"),
    ({"since": "2019-13-01"}, 400, "E704"),
    ({"since": "yesterday"}, 400, "not a date"),
    ({"since": "2020-01-02", "until": "2019-01-01"}, 400, "is after"),
    ({"limit": 1_000_000}, 400, "limit: Input should be less than or equal to 1000"),
    ({"limit": 0}, 400, "limit"),
    ({"offset": -1}, 400, "offset"),
    ({"quad": 5}, 400, "quad"),
    ({"cameo_root": "1; DROP TABLE events"}, 400, "cameo_root"),
    ({"limit": "many"}, 400, "limit: Input should be a valid integer"),
])
def test_routes_events_bad_parameters(client: TestClient, assert_error: ErrorCheck,
                                      params: dict[str, Any], status: int, needle: str) -> None:
    assert_error(client.get("/api/events", params=params), status, needle)


@pytest.mark.parametrize("by", ["code", "country"])
def test_routes_dyads_rank_the_crisis_first(client: TestClient, by: str) -> None:
    body = client.get("/api/dyads", params={"top": 5, "by": by}).json()
    first = body["dyads"][0]
    expected = ("IRNGOV", "USAGOV") if by == "code" else ("IRN", "USA")
    assert (first["actor_a"], first["actor_b"]) == expected
    assert len(body["dyads"]) == 5


@pytest.mark.parametrize("top", [3])
def test_routes_network_nodes_cover_edges(client: TestClient, top: int) -> None:
    body = client.get("/api/network", params={"top": top, "since": "2019-06-01"}).json()
    assert len(body["edges"]) == top
    actors = {node["actor"] for node in body["nodes"]}
    assert all(e["source"] in actors and e["target"] in actors for e in body["edges"])


@pytest.mark.parametrize("freq", ["week", "month"])
def test_routes_series_both_directions(client: TestClient, freq: str) -> None:
    body = client.get("/api/series", params={"a": "USA", "b": "IRN", "freq": freq}).json()
    directions = {row["direction"] for row in body["series"]}
    assert directions == {"AB", "BA"} and body["freq"] == freq
    assert all(row["goldstein_mean"] is None or isinstance(row["goldstein_mean"], float)
               for row in body["series"])


@pytest.mark.parametrize("week", [30])
def test_routes_escalation_finds_planted_change(client: TestClient, week: int) -> None:
    body = client.get("/api/escalation", params={"a": "USAGOV", "b": "IRNGOV"}).json()
    starts = [ep["start"] for ep in body["episodes"] if ep["direction"] == "escalation"]
    assert starts, body
    assert any("2019-07-15" <= start <= "2019-08-19" for start in starts)
    assert body["episodes"][0]["drivers"]


@pytest.mark.parametrize("permutations", [99])
def test_routes_reciprocity_both_ways(client: TestClient, permutations: int) -> None:
    body = client.get("/api/reciprocity", params={"a": "USAGOV", "b": "IRNGOV",
                                                  "permutations": permutations}).json()
    conflict = [r for r in body["results"] if r["channel"] == "conflict"]
    assert {(r["leader"], r["responder"]) for r in conflict} == {
        ("USAGOV", "IRNGOV"), ("IRNGOV", "USAGOV")}
    assert len(conflict[0]["ccf"]) == 5


@pytest.mark.parametrize("limit", [7])
def test_routes_timeline_pages_with_evidence(client: TestClient, limit: int) -> None:
    body = client.get("/api/timeline", params={"a": "USA", "b": "IRN", "limit": limit}).json()
    assert len(body["events"]) == limit and body["total"] > limit
    event = body["events"][0]
    assert event["sentence"] and event["url"].startswith("https://example.org/")
    assert event["direction"] in ("USA->IRN", "IRN->USA")


@pytest.mark.parametrize(("endpoint", "params", "status", "needle"), [
    ("series", {"a": "USA", "b": "ZZZ"}, 404, "actor matching 'ZZZ'"),
    ("series", {"a": "USA"}, 400, "b: Field required"),
    ("series", {"a": "USA", "b": "IRN", "freq": "year"}, 400, "freq"),
    ("series", {"a": "USA", "b": "IRN", "since": "2019-02-30"}, 400, "E704"),
    ("series", {"a": "USA", "b": "GBR", "until": "2019-01-08"}, 404, "E702"),
    ("escalation", {"a": "USA", "b": "IRN", "penalty": 0}, 400, "penalty"),
    ("escalation", {"a": "USA", "b": "IRN", "freq": "month", "since": "2019-01-07",
                    "until": "2019-02-20"}, 422, "E703"),
    ("reciprocity", {"a": "USA", "b": "IRN", "permutations": 10**6}, 400, "permutations"),
    ("reciprocity", {"a": "USA", "b": "IRN", "freq": "month", "max_lag": 4}, 422, "E703"),
    ("timeline", {"a": "USA*", "b": "=IRN*"}, 400, "E701"),
    ("dyads", {"top": 10_000}, 400, "top"),
    ("dyads", {"by": "role"}, 400, "by"),
    ("network", {"since": "2019-01-01T00:00"}, 400, "E704"),
    ("actors", {}, 400, "q: Field required"),
    ("actors", {"q": "x" * 101}, 400, "q"),
    ("runs", {"limit": 5000}, 400, "limit"),
])
def test_routes_bad_parameters(client: TestClient, assert_error: ErrorCheck, endpoint: str,
                               params: dict[str, Any], status: int, needle: str) -> None:
    assert_error(client.get(f"/api/{endpoint}", params=params), status, needle)


@pytest.mark.parametrize(("q", "code"), [("usagov", "USAGOV"), ("Tehran", "IRNGOV"),
                                         ("trump", "USAGOV")])
def test_routes_actors_by_code_and_name(client: TestClient, q: str, code: str) -> None:
    actors = client.get("/api/actors", params={"q": q}).json()["actors"]
    assert code in [actor["code"] for actor in actors]
    assert all({"code", "name", "kind", "country", "events"} <= set(a) for a in actors)


@pytest.mark.parametrize("q", ["%", "_", "\\"])
def test_routes_actors_wildcards_are_literal(client: TestClient, q: str) -> None:
    assert client.get("/api/actors", params={"q": q}).json()["actors"] == []


@pytest.mark.parametrize("article_id", ["syn-0-31-AB"])
def test_routes_article_with_text_and_events(client: TestClient, article_id: str) -> None:
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["article"]["article_id"] == article_id
    assert body["article"]["text"] == "Synthetic article."
    assert body["events"] and all(e["article_id"] == article_id for e in body["events"])


@pytest.mark.parametrize("article_id", ["no-such-article", "a%2Fb"])
def test_routes_article_unknown(client: TestClient, assert_error: ErrorCheck,
                                article_id: str) -> None:
    assert_error(client.get(f"/api/articles/{article_id}"), 404)


@pytest.mark.parametrize("limit", [1])
def test_routes_runs_newest_first(client: TestClient, limit: int) -> None:
    runs = client.get("/api/runs", params={"limit": limit}).json()["runs"]
    assert len(runs) == 1 and runs[0]["command"] == "synthetic"


@pytest.mark.parametrize("path", ["/openapi.json"])
def test_routes_openapi_lists_every_endpoint(client: TestClient, path: str) -> None:
    spec = client.get(path).json()
    for name in ("events", "dyads", "series", "escalation", "reciprocity", "timeline",
                 "actors", "articles/{article_id}", "runs", "health", "network", "jobs"):
        assert f"/api/{name}" in spec["paths"], name
    error = spec["paths"]["/api/events"]["get"]["responses"]["400"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/charts.js",
                                  "/static/app.css"])
def test_routes_dashboard_assets_served(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    text = response.text.replace("http://www.w3.org/2000/svg", "")  # a name, not a fetch
    assert "http://" not in text and "https://" not in text


@pytest.mark.parametrize(("route", "command"), [
    ("/api/timeline?a=ZZZ&b=USA", ["timeline", "ZZZ", "USA"]),
    ("/api/events?source=ZZZ", ["events", "--source", "ZZZ"]),
])
def test_routes_unknown_actor_has_the_code_of_the_commands(
        client: TestClient, synthetic_db: Path, route: str, command: list[str]) -> None:
    """An unknown actor is E708 everywhere: in the web API (404) as in the commands."""
    from click.testing import CliRunner

    from dyadwatch.cli import cli

    answer = client.get(route)
    result = CliRunner().invoke(cli, [*command, "--db", str(synthetic_db)])
    assert answer.status_code == 404 and result.exit_code == 1
    assert answer.json()["error"].startswith("E708: ") and "E708: " in result.output
    assert "/api/actors?q=ZZZ" in answer.json()["error"] and "--db" not in answer.json()["error"]
