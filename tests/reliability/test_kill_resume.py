"""SIGKILL `dyadwatch code` at random moments, rerun it, and get exactly the uninterrupted result.

After every kill the database must be consistent (each article stored with all of its
events, or not at all), the killed run must show as interrupted, and the final rerun
must leave the same articles and events as a run that was never interrupted, with each
failure listed once.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from corpus import dyadwatch, start_dyadwatch, write_news_corpus

from dyadwatch.config import load_config
from dyadwatch.store import db
from dyadwatch.store.runs import list_failures, list_runs

pytestmark = [pytest.mark.model, pytest.mark.slow]

BATCH = "nlp.batch_size=8"
_BATCH_BYTES = 1000  # less than the log grows by when a batch of 8 articles commits
_ARTICLE_COLUMNS = ("article_id, text_sha1, published, url, title, publisher, origin, n_chars, "
                    "n_sentences, n_events, status, duplicate_of, text")
_EVENT_COLUMNS = ", ".join(db.EVENT_COLUMNS)


def reference_database(corpus: Path, path: Path, nlp: Any, coder: Any) -> float:
    """Code the corpus uninterrupted (in this process); returns the seconds it took."""
    from dyadwatch.pipeline import code_paths

    conn = db.open_db(path)
    started = time.monotonic()
    try:
        code_paths([corpus], conn, load_config(None, [BATCH]), nlp, coder)
    finally:
        conn.close()
    return time.monotonic() - started


def kill_after(args: list[str], wal: Path, delay: float, during_startup: bool) -> bool:
    """Start `dyadwatch code`; SIGKILL it ``delay`` s into coding (or into startup).

    Coding has begun once the run has committed its first batch (see _wait_for_write).
    Returns True when the process was killed before it finished by itself.
    """
    started = time.time()
    proc = start_dyadwatch(*args)
    try:
        if not during_startup:
            _wait_for_write(wal, started, proc)
        time.sleep(delay)
        if proc.poll() is not None:
            return False
        proc.send_signal(signal.SIGKILL)
        return True
    finally:
        proc.wait()


def _wait_for_write(wal: Path, since: float, proc: Any, timeout: float = 120) -> None:
    """Return once the run has committed a batch: its write-ahead log grew by a batch's worth.

    DuckDB writes the log only at commit; the run's first writes (schema, runs row) are
    smaller than one batch of articles.
    """
    deadline = time.time() + timeout
    first: int | None = None
    while time.time() < deadline and proc.poll() is None:
        size = wal.stat().st_size if wal.exists() and wal.stat().st_mtime >= since else None
        if first is None:
            first = size
        elif size is not None and size > first + _BATCH_BYTES:
            return
        time.sleep(0.01)


def assert_consistent(path: Path) -> int:
    """Every stored article has exactly its events; no event lacks its article.

    Returns the number of stored articles.
    """
    conn = duckdb.connect(str(path), read_only=True)
    try:
        orphans = conn.execute("SELECT count(*) FROM events WHERE article_id NOT IN "
                               "(SELECT article_id FROM articles)").fetchone()
        mismatched = conn.execute(
            "SELECT count(*) FROM articles a LEFT JOIN (SELECT article_id, count(*) AS n "
            "FROM events GROUP BY article_id) e USING (article_id) "
            "WHERE a.n_events <> coalesce(e.n, 0)").fetchone()
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()
    finally:
        conn.close()
    assert orphans == (0,) and mismatched == (0,)
    return int(stored[0]) if stored else 0


def snapshot(path: Path) -> tuple[list[Any], list[Any], list[tuple[str, str, str]]]:
    conn = db.open_db(path, read_only=True)
    try:
        articles = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles "
                                "ORDER BY article_id").fetchall()
        events = conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY event_id").fetchall()
        failures = [(f.code, f.input, f.message) for f in list_failures(conn)]
    finally:
        conn.close()
    return articles, events, failures


@pytest.mark.parametrize(("articles", "kills", "seed"), [(200, 3, 20261129)])
def test_kill_resume_sigkill_then_rerun_matches_uninterrupted(
        tmp_path: Path, nlp: Any, coder: Any, articles: int, kills: int, seed: int) -> None:
    corpus = write_news_corpus(tmp_path / "in", articles, seed)
    with (corpus / "wire.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{broken\n")  # one failure that every run records
    coding_seconds = reference_database(corpus, tmp_path / "reference.duckdb", nlp, coder)
    path = tmp_path / "killed.duckdb"
    args = ["-q", "code", str(corpus), "--db", str(path), "--set", BATCH]
    rng = random.Random(seed)
    killed = 0
    stored: list[int] = []  # articles in the database after each kill
    for attempt in range(kills):
        startup = attempt == 0  # the first kill lands while the process is still starting
        delay = rng.uniform(0.0, 1.5) if startup else rng.uniform(0.0, 0.5) * coding_seconds
        killed += kill_after(args, Path(f"{path}.wal"), delay, startup)
        if path.exists():
            stored.append(assert_consistent(path))
    assert killed >= kills - 1, "the runs finished before they could be killed"
    assert any(0 < n < articles for n in stored), f"no kill landed mid-run: {stored}"
    finished = dyadwatch(*args)
    assert finished.returncode == 0, finished.stderr
    assert_consistent(path)
    reference, resumed = snapshot(tmp_path / "reference.duckdb"), snapshot(path)
    assert resumed[0] == reference[0]  # the same articles, text and counts
    assert resumed[1] == reference[1]  # the same events, column for column
    assert resumed[2] == reference[2] == [("E206", f"{corpus / 'wire.jsonl'}:"
                                           f"{articles // 2 + 1}", resumed[2][0][2])]
    _assert_runs_recorded(path, killed)


def _assert_runs_recorded(path: Path, killed: int) -> None:
    conn = db.open_db(path, read_only=True)
    try:
        runs = list_runs(conn)
    finally:
        conn.close()
    statuses = [run.status for run in runs]
    assert statuses[-1] == "finished"
    assert statuses.count("interrupted") == sum(1 for s in statuses[:-1] if s != "finished")
    assert "running" not in statuses
    assert all(run.pid != os.getpid() for run in runs)
