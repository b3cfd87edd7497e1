"""Read a database that another process may be writing: private snapshots, timed queries.

DuckDB lets one process write a file, and while it has the file open no other process can
open it, not even read-only; a reader in turn makes a writer's open fail. A long-running
reader (the web service) therefore never opens the live file. It copies the file into a
private snapshot when the file has changed and no writer holds it, checks that nothing
changed during the copy, and opens only the snapshot, read-only, one short connection per
request. While a writer runs, readers keep the previous snapshot. See docs/architecture.md.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import struct
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dyadwatch.errors import DatabaseNotFoundError, DyadwatchError

# struct flock as F_GETLK reads and writes it: (format, index of l_type, index of l_pid).
_FLOCK_LAYOUTS: dict[str, tuple[str, int, int]] = {
    "linux": ("hhxxxxqqixxxx", 0, 4),  # l_type, l_whence, l_start, l_len, l_pid
    "darwin": ("qqihh", 3, 2),  # l_start, l_len, l_pid, l_type, l_whence
}


class DatabaseBusyError(DyadwatchError):
    code = "E410"
    template = (
        "{path}: another process is writing the database and no earlier copy is available "
        "yet. Retry in a few seconds, when the writer (e.g. `dyadwatch code`) has finished."
    )


class QueryTimeoutError(DyadwatchError):
    code = "E411"
    template = (
        "The query ran longer than {seconds:g} s and was stopped. Narrow it (a shorter "
        "date window, more specific actors, a smaller page) or raise the time limit."
    )


class SnapshotError(DyadwatchError):
    code = "E412"
    template = "{path}: cannot copy the database for reading ({detail})."


@dataclass(frozen=True, slots=True)
class FileState:
    """What identifies one version of the database file and its write-ahead log."""

    db: tuple[int, int, int]  # (inode, size, mtime_ns)
    wal: tuple[int, int, int] | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One private read-only copy of the database."""

    generation: int
    path: Path
    source_state: FileState
    taken_at: datetime


def file_state(path: Path) -> FileState | None:
    """The state of ``path`` and ``path.wal``; None when the database file does not exist."""
    try:
        db = _stat(path)
    except FileNotFoundError:
        return None
    try:
        wal: tuple[int, int, int] | None = _stat(_wal(path))
    except FileNotFoundError:
        wal = None
    return FileState(db, wal)


def _stat(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_size, st.st_mtime_ns


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def writer_pid(path: Path) -> int | None:
    """The pid of a process holding a write lock on ``path`` (0 if unknown), else None.

    Asks with F_GETLK, which takes no lock itself; returns None where the platform's lock
    layout is unknown (the copy is then checked by file state alone).
    """
    layout = _FLOCK_LAYOUTS.get(sys.platform)
    if layout is None:
        return None
    fmt, type_at, pid_at = layout
    request = [0] * len(struct.unpack(fmt, bytes(struct.calcsize(fmt))))
    request[type_at] = fcntl.F_RDLCK
    try:
        with open(path, "rb") as handle:
            answer = fcntl.fcntl(handle, fcntl.F_GETLK, struct.pack(fmt, *request))
    except FileNotFoundError:
        return None
    fields = struct.unpack(fmt, answer)
    return None if fields[type_at] == fcntl.F_UNLCK else int(fields[pid_at])


class SnapshotSource:
    """Hands out fresh-enough snapshots of ``db_path``; thread-safe.

    ``acquire`` copies the database when it changed since the last snapshot and no writer
    holds it; otherwise it returns the last snapshot. Snapshots no request uses any more
    are deleted.
    """

    def __init__(self, db_path: Path, directory: Path) -> None:
        self.db_path = db_path
        self.directory = directory
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._users: dict[int, int] = {}
        self._retired: dict[int, Path] = {}
        self._generation = 0

    @property
    def current(self) -> Snapshot | None:
        return self._current

    def writer_active(self) -> bool:
        return writer_pid(self.db_path) is not None

    @contextmanager
    def acquire(self) -> Iterator[Snapshot]:
        """The snapshot to read for one request; kept on disk until released."""
        with self._lock:
            snapshot = self._refresh()
            self._users[snapshot.generation] = self._users.get(snapshot.generation, 0) + 1
        try:
            yield snapshot
        finally:
            with self._lock:
                self._users[snapshot.generation] -= 1
                self._sweep()

    def _refresh(self) -> Snapshot:
        state = file_state(self.db_path)
        if state is None:
            raise DatabaseNotFoundError(path=str(self.db_path))
        current = self._current
        if current is not None and current.source_state == state:
            return current
        fresh = self._try_copy(state)
        if fresh is not None:
            self._replace(fresh)
            return fresh
        if current is None:
            raise DatabaseBusyError(path=str(self.db_path))
        return current

    def _try_copy(self, state: FileState) -> Snapshot | None:
        """A consistent copy, or None when a writer holds the file or it changed meanwhile."""
        if writer_pid(self.db_path) is not None:
            return None
        self._generation += 1
        target = self.directory / f"snapshot-{self._generation}.duckdb"
        try:
            _copy(self.db_path, target, with_wal=state.wal is not None)
        except OSError as e:
            _remove(target)
            raise SnapshotError(path=str(self.db_path), detail=str(e)) from e
        if writer_pid(self.db_path) is not None or file_state(self.db_path) != state:
            _remove(target)
            return None
        return Snapshot(self._generation, target, state, datetime.now(UTC))

    def _replace(self, fresh: Snapshot) -> None:
        old = self._current
        self._current = fresh
        if old is not None:
            self._retired[old.generation] = old.path
        self._sweep()

    def _sweep(self) -> None:
        for generation, path in list(self._retired.items()):
            if self._users.get(generation, 0) == 0:
                _remove(path)
                del self._retired[generation]
                self._users.pop(generation, None)

    def close(self) -> None:
        """Delete every snapshot file (call when no request is running)."""
        with self._lock:
            if self._current is not None:
                self._retired[self._current.generation] = self._current.path
                self._current = None
            self._users.clear()
            self._sweep()


def _copy(source: Path, target: Path, with_wal: bool) -> None:
    shutil.copyfile(source, target)
    if with_wal:
        shutil.copyfile(_wal(source), _wal(target))


def _remove(path: Path) -> None:
    for item in (path, _wal(path)):
        item.unlink(missing_ok=True)


@contextmanager
def time_limit(conn: duckdb.DuckDBPyConnection, seconds: float) -> Iterator[None]:
    """Interrupt ``conn``'s running query after ``seconds``; raises QueryTimeoutError."""
    timer = threading.Timer(seconds, conn.interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield
    except duckdb.InterruptException as e:
        raise QueryTimeoutError(seconds=seconds) from e
    finally:
        timer.cancel()


def open_snapshot(snapshot: Snapshot) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a snapshot (never to the live file)."""
    return duckdb.connect(str(snapshot.path), read_only=True)
