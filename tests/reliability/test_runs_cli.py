"""`dyadwatch runs` and `dyadwatch errors`: listing, filters, interrupted runs, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.model import Failure, RunSummary
from dyadwatch.store import db
from dyadwatch.store.runs import list_runs, process_alive


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def recorded(db_path: Path) -> Path:
    """Three runs: finished with failures, killed (dead pid), and one still running (us)."""
    conn = db.open_db(db_path)
    first = db.start_run(conn, "code", {"nlp": {"batch_size": 8}}, {"dyadwatch": "x"}, ["in"])
    failures = [Failure("E204", "in/a.txt", "in/a.txt: not UTF-8", "a"),
                Failure("E206", "in/b.jsonl:2", "in/b.jsonl:2: invalid JSON")]
    db.write_batch(conn, first, [], failures)
    db.finish_run(conn, first, RunSummary(articles_read=3, failures=failures))
    killed = db.start_run(conn, "code", {}, {}, ["in"])
    db.write_batch(conn, killed, [], failures[1:])
    conn.execute("UPDATE runs SET pid = ? WHERE run_id = ?", [dead_pid(), killed])
    db.start_run(conn, "code", {}, {}, ["in"])
    conn.close()
    return db_path


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_runs_lists_every_run_with_its_status(recorded: Path, fmt: str) -> None:
    code, out, _ = run_cli("runs", "--db", str(recorded), "--format", fmt)
    assert code == 0
    runs = [json.loads(line) for line in out.splitlines()]
    assert [(r["run_id"], r["status"]) for r in runs] == [(1, "finished"), (2, "interrupted"),
                                                          (3, "running")]
    assert runs[0]["articles_read"] == 3 and runs[0]["failures"] == 2
    assert runs[0]["inputs"] == ["in"] and runs[0]["versions"] == {"dyadwatch": "x"}
    assert runs[2]["pid"] == os.getpid()


@pytest.mark.parametrize("fmt", ["table"])
def test_runs_table_has_a_header_and_a_row_per_run(recorded: Path, fmt: str) -> None:
    code, out, _ = run_cli("runs", "--db", str(recorded), "--format", fmt)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["run", "status", "command"]
    assert [line.split()[1] for line in lines[1:]] == ["finished", "interrupted", "running"]


@pytest.mark.parametrize(("args", "expected"), [
    ([], [("E204", "in/a.txt", 1), ("E206", "in/b.jsonl:2", 2)]),
    (["--run", "1"], [("E204", "in/a.txt", 1), ("E206", "in/b.jsonl:2", 1)]),
    (["--run", "2"], [("E206", "in/b.jsonl:2", 2)]),
    (["--code", "e204"], [("E204", "in/a.txt", 1)]),
])
def test_runs_errors_filters(recorded: Path, args: list[str],
                             expected: list[tuple[str, str, int]]) -> None:
    code, out, _ = run_cli("errors", "--db", str(recorded), "--format", "jsonl", *args)
    assert code == 0
    found = [json.loads(line) for line in out.splitlines()]
    assert [(f["code"], f["input"], f["run_id"]) for f in found] == expected


@pytest.mark.parametrize("fmt", ["table"])
def test_runs_errors_table_shows_message_without_repeating_input(recorded: Path,
                                                                 fmt: str) -> None:
    code, out, _ = run_cli("errors", "--db", str(recorded), "--format", fmt)
    assert code == 0
    assert "2 (x2)  E206  in/b.jsonl:2  invalid JSON" in out


@pytest.mark.parametrize(("args", "message"), [
    (["errors", "--run", "9"], "E406"),
    (["runs", "--db", "no/such.duckdb"], "E705"),
    (["errors", "--db", "no/such.duckdb"], "E705"),
])
def test_runs_commands_fail_with_a_coded_message(recorded: Path, args: list[str],
                                                 message: str) -> None:
    full = args if "--db" in args else [*args, "--db", str(recorded)]
    code, _, err = run_cli(*full)
    assert code == 1
    assert message in err


@pytest.mark.parametrize("gap", [timedelta(hours=1)])
def test_runs_pid_reused_by_a_later_process_counts_as_gone(gap: timedelta) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert not process_alive(sleeper.pid, now - gap)  # started after the run: a reused pid
        assert process_alive(sleeper.pid, now + gap)  # started before the run: may be it
        sleeper.kill()  # killed but not yet reaped: a zombie is not a live run
        assert _eventually(lambda: not process_alive(sleeper.pid, now + gap))
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not process_alive(sleeper.pid, now + gap)
    assert not process_alive(dead_pid())
    assert process_alive(os.getpid())


def _eventually(check: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.mark.parametrize("version", [2])
def test_runs_older_database_lists_without_pids(db_path: Path, version: int) -> None:
    import duckdb

    from dyadwatch.store.schema import MIGRATIONS

    conn = duckdb.connect(str(db_path))
    for step in range(version):
        for statement in MIGRATIONS[step]:
            conn.execute(statement)
    conn.execute("INSERT INTO schema_info VALUES (?)", [version])
    conn.execute("INSERT INTO runs (run_id, command, started_at, status) "
                 "VALUES (1, 'code', now(), 'running')")
    conn.close()
    reader = db.open_db(db_path, read_only=True)
    [run] = list_runs(reader)
    reader.close()
    assert (run.status, run.pid) == ("running", None)  # no pid recorded: cannot tell
