"""The CLI's edge: an exception escaping a command is one coded error, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.errors import NoDyadEventsError


def _boom(**_: Any) -> None:
    raise ZeroDivisionError("division by zero in a forced failure")


@pytest.mark.issue(15)
@pytest.mark.parametrize("command", ["runs"])
def test_cli_edge_unexpected_exception_is_e001_with_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.setenv("DYADWATCH_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(cli.commands[command], "callback", _boom)
    result = CliRunner().invoke(cli, [command])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.startswith(f"Error: E001: Unexpected internal error in `dyadwatch {command}`")
    assert "ZeroDivisionError: division by zero in a forced failure" in message
    assert "please report it" in message
    logged = re.search(r"the log (\S+\.log)", message)
    assert logged is not None, message
    log = Path(logged.group(1))
    assert log.parent == tmp_path / "logs"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text and "_boom" in text


@pytest.mark.issue(15)
@pytest.mark.parametrize("command", ["runs"])
def test_cli_edge_coded_error_escaping_a_command_is_shown_as_is(
        monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    def coded(**_: Any) -> None:
        raise NoDyadEventsError(a="AAA", b="BBB", window="all dates", path="x.duckdb")

    monkeypatch.setattr(cli.commands[command], "callback", coded)
    result = CliRunner().invoke(cli, [command])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: E702: ") and "Traceback" not in result.output


@pytest.mark.issue(15)
@pytest.mark.parametrize("folder", ["logs"])
def test_cli_edge_in_a_real_process_prints_no_traceback(tmp_path: Path, folder: str) -> None:
    """A command that crashes in a separate process: one line on stderr, exit 1."""
    script = ("import dyadwatch.cli as c\n"
              "def boom(**kw): raise KeyError('forced')\n"
              "c.cli.commands['runs'].callback = boom\n"
              "c.cli(['runs'], prog_name='dyadwatch')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False,
                          env={"DYADWATCH_LOG_DIR": str(tmp_path / folder), "PATH": ""})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "E001" in done.stderr
    assert len(list((tmp_path / folder).glob("error-*.log"))) == 1
