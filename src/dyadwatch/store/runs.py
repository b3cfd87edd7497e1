"""Recorded runs and their failures: what ran, how it ended, what failed and why.

A run killed mid-way (SIGKILL, power loss, an out-of-memory kill) never writes its
end, so its row stays ``running``. ``list_runs`` shows such a run as
``interrupted`` once the process that started it is gone from this host.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from dyadwatch.errors import UnknownRunError

_RUN_COLUMNS: tuple[str, ...] = (
    "run_id", "command", "started_at", "finished_at", "status", "articles_read",
    "articles_coded", "articles_skipped", "events_new", "failures", "inputs", "versions",
)
_START_SLACK_S = 5.0  # a process that started this much after its run began is another one


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One row of the runs table, with the status as seen now."""

    run_id: int
    command: str
    started_at: datetime
    finished_at: datetime | None
    status: str  # finished | failed | running | interrupted
    articles_read: int
    articles_coded: int
    articles_skipped: int
    events_new: int
    failures: int
    inputs: tuple[str, ...]
    versions: dict[str, str]
    pid: int | None = None
    host: str | None = None

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready dict (timestamps as ISO strings)."""
        record = asdict(self)
        record["started_at"] = self.started_at.isoformat()
        record["finished_at"] = self.finished_at.isoformat() if self.finished_at else None
        record["inputs"] = list(self.inputs)
        return record


@dataclass(frozen=True, slots=True)
class FailureRecord:
    """A distinct failure: the latest run that recorded it and in how many runs it occurred."""

    code: str
    input: str
    message: str
    article_id: str | None
    run_id: int | None
    runs: int = 1

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


def list_runs(conn: duckdb.DuckDBPyConnection) -> list[RunRecord]:
    """Every recorded run, oldest first, with killed runs shown as ``interrupted``."""
    extra = [c for c in ("pid", "host") if c in _columns(conn, "runs")]
    columns = ", ".join(_RUN_COLUMNS + tuple(extra))
    rows = conn.execute(f"SELECT {columns} FROM runs ORDER BY run_id").fetchall()
    return [_run_record(dict(zip(_RUN_COLUMNS + tuple(extra), row, strict=True)))
            for row in rows]


def _run_record(values: dict[str, Any]) -> RunRecord:
    values["inputs"] = tuple(_json(values["inputs"], []))
    values["versions"] = _json(values["versions"], {})
    for name in ("articles_read", "articles_coded", "articles_skipped", "events_new", "failures"):
        values[name] = int(values[name] or 0)
    record = RunRecord(**values)
    if record.status == "running" and run_is_orphaned(record):
        return replace(record, status="interrupted")
    return record


def run_is_orphaned(record: RunRecord) -> bool:
    """True when the run's process, on this host, is gone (or its pid now belongs to another)."""
    if record.pid is None or record.host not in (None, socket.gethostname()):
        return False  # recorded before pids were, or on another machine: cannot tell
    return not process_alive(record.pid, record.started_at)


def process_alive(pid: int, since: datetime | None = None) -> bool:
    """True when process ``pid`` exists, is not a zombie and started no later than ``since``."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return not _is_zombie(pid) and not _started_after(pid, since)


def _is_zombie(pid: int) -> bool:
    status = _proc_text(pid, "stat")
    return status is not None and status.rsplit(")", 1)[-1].split()[:1] == ["Z"]


def _started_after(pid: int, since: datetime | None) -> bool:
    """True when ``pid`` (Linux /proc) started clearly after ``since`` (naive UTC): reused."""
    started = _process_start(pid)
    if since is None or started is None:
        return False
    return started > since.replace(tzinfo=UTC).timestamp() + _START_SLACK_S


def _process_start(pid: int) -> float | None:
    """Start time of ``pid`` in seconds since the epoch, from /proc (None elsewhere)."""
    stat, boot = _proc_text(pid, "stat"), _boot_time()
    if stat is None or boot is None or not sys.platform.startswith("linux"):
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    try:
        ticks = int(fields[19])  # field 22 of /proc/PID/stat: start time in clock ticks
    except (IndexError, ValueError):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def _boot_time() -> float | None:
    text = _read_text(Path("/proc/stat"))
    for line in (text or "").splitlines():
        if line.startswith("btime "):
            return float(line.split()[1])
    return None


def _proc_text(pid: int, name: str) -> str | None:
    return _read_text(Path(f"/proc/{pid}/{name}"))


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def list_failures(conn: duckdb.DuckDBPyConnection, run_id: int | None = None,
                  code: str | None = None, path: str = "") -> list[FailureRecord]:
    """What failed and why: one row per distinct (code, input, message).

    With ``run_id``, that run's failures; otherwise every run's, each failure once,
    with the latest run that recorded it and the number of runs that did.
    """
    if run_id is not None and not _run_exists(conn, run_id):
        raise UnknownRunError(path=path, run=run_id)
    clauses: list[str] = ["1 = 1"]
    params: list[Any] = []
    if run_id is not None:
        clauses.append("run_id = ?")
        params.append(run_id)
    if code:
        clauses.append("upper(code) = ?")
        params.append(code.upper())
    rows = conn.execute(
        "SELECT code, input, message, any_value(article_id), max(run_id), "
        f"count(DISTINCT run_id) FROM failures WHERE {' AND '.join(clauses)} "
        "GROUP BY code, input, message ORDER BY max(run_id), min(recorded_at), input, code",
        params,
    ).fetchall()
    return [FailureRecord(str(c), str(i), str(m), a, r, int(n or 1))
            for c, i, m, a, r, n in rows]


def _run_exists(conn: duckdb.DuckDBPyConnection, run_id: int) -> bool:
    row = conn.execute("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]).fetchone()
    return bool(row and row[0])


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {str(row[0]) for row in rows}


def _json(value: Any, default: Any) -> Any:
    if value is None:
        return default
    try:
        return json.loads(value) if isinstance(value, str) else value
    except json.JSONDecodeError:
        return default
