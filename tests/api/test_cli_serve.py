"""`dyadwatch serve`: options, defaults (loopback, read-only) and the token from the env."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    calls: dict[str, Any] = {}

    def fake_run(app: Any, host: str, port: int, log_level: str) -> None:
        calls.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


@pytest.mark.parametrize("args", [[]])
def test_cli_serve_defaults_to_loopback_read_only(captured: dict[str, Any], synthetic_db: Path,
                                                  args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(synthetic_db), *args], env={})
    assert result.exit_code == 0, result.output
    assert (captured["host"], captured["port"]) == ("127.0.0.1", 8000)
    settings = captured["app"].state.dyadwatch.settings
    assert settings.token is None and settings.writes_enabled is False


@pytest.mark.parametrize("env_token", ["from-env"])
def test_cli_serve_token_from_environment(captured: dict[str, Any], synthetic_db: Path,
                                          env_token: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(synthetic_db), "--port", "8123"],
                                env={"DYADWATCH_TOKEN": env_token})
    assert result.exit_code == 0, result.output
    assert captured["app"].state.dyadwatch.settings.token == env_token
    assert captured["port"] == 8123


@pytest.mark.parametrize("host", ["0.0.0.0"])
def test_cli_serve_warns_when_not_loopback(captured: dict[str, Any], synthetic_db: Path,
                                           host: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(synthetic_db), "--host", host])
    assert result.exit_code == 0
    assert "Warning: listening on 0.0.0.0" in result.output


@pytest.mark.parametrize("option", ["--port", "--host", "--token", "--db", "--query-timeout"])
def test_cli_serve_help_documents_options(option: str) -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and option in result.output
