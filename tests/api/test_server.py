"""The server's edge: Host allow-list (DNS rebinding), HEAD /, costly analyses refused early."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dyadwatch.api.app import host_name

ErrorCheck = Callable[..., dict[str, Any]]


@pytest.mark.issue(15)
@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "127.0.0.1:8000",
                                  "[::1]:8000", "LOCALHOST"])
def test_server_answers_loopback_hosts(client: TestClient, host: str) -> None:
    response = client.get("/api/health", headers={"Host": host})
    assert response.status_code == 200 and response.json()["ok"] is True


@pytest.mark.issue(15)
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.evil.example:8000", ""])
def test_server_refuses_other_hosts(client: TestClient, assert_error: ErrorCheck,
                                    host: str) -> None:
    for path in ("/api/health", "/", "/static/app.js"):
        body = assert_error(client.get(path, headers={"Host": host}), 400, "E617")
        assert "--allowed-host" in body["error"]


@pytest.mark.issue(15)
@pytest.mark.parametrize("extra", [("dyads.example.org",)])
def test_server_answers_an_allowed_host(client_for: Callable[..., TestClient],
                                        synthetic_db: Path, tmp_path: Path,
                                        extra: tuple[str, ...]) -> None:
    with client_for(synthetic_db, tmp_path,
                    allowed_hosts=("localhost", *extra)) as allowed:
        assert allowed.get("/api/health", headers={"Host": extra[0] + ":80"}).status_code == 200
        assert allowed.get("/api/health", headers={"Host": "127.0.0.1"}).status_code == 400


@pytest.mark.issue(15)
@pytest.mark.parametrize(("header", "name"), [
    ("[::1]:8000", "[::1]"), ("Example.ORG", "example.org"), ("host:80", "host"), ("::1", "::1"),
])
def test_server_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.issue(15)
@pytest.mark.parametrize("path", ["/", "/static/app.js"])
def test_server_head_answers_200(client: TestClient, path: str) -> None:
    response = client.head(path)
    assert response.status_code == 200 and response.content == b""


@pytest.mark.issue(15)
@pytest.mark.parametrize("params", [{"a": "USAGOV", "b": "IRNGOV", "freq": "day",
                                     "max_lag": 26, "permutations": 5000}])
def test_server_reciprocity_over_time_limit_is_refused_early(
        client_for: Callable[..., TestClient], synthetic_db: Path, tmp_path: Path,
        assert_error: ErrorCheck, params: dict[str, Any]) -> None:
    with client_for(synthetic_db, tmp_path, query_timeout=0.2) as limited:
        body = assert_error(limited.get("/api/reciprocity", params=params), 422, "E618")
        assert "0.2 s query time limit" in body["error"] and "at most" in body["error"]
        fewer = limited.get("/api/reciprocity", params={**params, "permutations": 0})
        assert fewer.status_code == 200, fewer.text


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", [["--allowed-host", "dyads.example.org",
                                   "--allowed-host", "10.0.0.5"]])
def test_cli_serve_allowed_hosts(monkeypatch: pytest.MonkeyPatch, synthetic_db: Path,
                                 args: list[str]) -> None:
    import uvicorn

    from dyadwatch.cli import cli

    calls: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.update(app=app))
    result = CliRunner().invoke(cli, ["serve", "--db", str(synthetic_db), "--host",
                                      "192.168.1.20", *args])
    assert result.exit_code == 0, result.output
    hosts = calls["app"].state.dyadwatch.settings.allowed_hosts
    assert set(hosts) == {"localhost", "127.0.0.1", "[::1]", "192.168.1.20",
                          "dyads.example.org", "10.0.0.5"}
