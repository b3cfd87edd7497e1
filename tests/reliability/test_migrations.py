"""Schema migrations from every earlier version keep the data; a failed step changes nothing;
batches are all-or-nothing; a database in use by another process is named as such."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from dyadwatch.errors import (
    DatabaseError,
    DatabaseLockedError,
    MigrationError,
    SchemaVersionError,
)
from dyadwatch.model import Article, Event, Failure, encodable
from dyadwatch.store import db, schema
from dyadwatch.store.runs import list_failures, list_runs

_WHEN = datetime(2020, 1, 8, 12, 0, 0)
NEWER_EVENT_COLUMNS = ("confidence", "dyadic")  # schema 6; older rows get them by migration
_EVENT = Event(
    event_id="0123456789abcdef0123", article_id="a1", date="2020-01-08", source="ARNGOV",
    target="GONMIL", source_country="ARN", target_country="GON", source_text="Arnor",
    target_text="Gondor's army", cameo="190", cameo_root="19", plover_type="ASSAULT",
    plover_mode=None, goldstein=-10.0, quad_class=4, sentence="Arnor attacked Gondor's army.",
    sentence_index=0, trigger="attacked", trigger_start=6, negated=False, modality="asserted",
    location=None, rule="verb:attack.v", dictionary_version="test",
)


def build_old_database(path: Path, version: int) -> None:
    """A database at ``version``: MIGRATIONS[0..version-1] applied, with one run of data."""
    conn = duckdb.connect(str(path))
    for step in range(version):
        for statement in schema.MIGRATIONS[step]:
            conn.execute(statement)
    if version:
        conn.execute("INSERT INTO schema_info VALUES (?)", [version])
        _old_rows(conn, version)
    conn.close()


def _old_rows(conn: duckdb.DuckDBPyConnection, version: int) -> None:
    """Rows as a version-1 dyadwatch wrote them (positional, version-1 columns only)."""
    conn.execute("INSERT INTO runs (run_id, command, started_at, finished_at, status, config, "
                 "versions, inputs, articles_read, articles_coded, events_new, failures) "
                 "VALUES (nextval('run_ids'), 'code', ?, ?, 'finished', '{}', '{}', '[\"in\"]', "
                 "1, 1, 1, 2)", [_WHEN, _WHEN])
    conn.execute("INSERT INTO articles (article_id, text_sha1, published, url, title, "
                 "publisher, origin, n_chars, n_sentences, n_events, status, duplicate_of, "
                 "run_id, text) VALUES ('a1', 'sha', DATE '2020-01-08', NULL, NULL, NULL, "
                 "'in/a1.txt', 29, 1, 1, 'coded', NULL, 1, 'Arnor attacked Gondor''s army.')")
    old = [k for k, name in enumerate(db.EVENT_COLUMNS) if name not in NEWER_EVENT_COLUMNS]
    columns = ", ".join([db.EVENT_COLUMNS[k] for k in old] + ["run_id"])
    row = db.event_row(_EVENT)
    values = tuple(row[k] for k in old) + (1,)
    conn.execute(f"INSERT INTO events ({columns}) VALUES "
                 f"({', '.join(['?'] * len(values))})", list(values))
    # versions 1 and 2 kept a failure as often as it was recorded; 3 keeps it once
    for _ in range(2 if version < 3 else 1):
        conn.execute("INSERT INTO failures VALUES (1, 'E204', 'in/b.txt', 'bad bytes', 'b', ?)",
                     [_WHEN])


@pytest.mark.parametrize("version", range(schema.SCHEMA_VERSION))
def test_migrations_from_every_earlier_version_keep_the_data(db_path: Path, version: int) -> None:
    build_old_database(db_path, version)
    conn = db.open_db(db_path)
    assert db.schema_version(conn) == schema.SCHEMA_VERSION
    if version:
        assert list(db.query_events(conn, db.EventFilter())) == [_EVENT]
        assert db.known_articles(conn, ["a1"]) == {"a1": "sha"}
        [run] = list_runs(conn)
        assert (run.run_id, run.status, run.inputs, run.pid) == (1, "finished", ("in",), None)
        assert [(f.code, f.input, f.runs) for f in list_failures(conn)] == [("E204", "in/b.txt", 1)]
    _write_a_new_run(conn)
    conn.close()


def _write_a_new_run(conn: duckdb.DuckDBPyConnection) -> None:
    """The migrated database takes a new run with the newest columns."""
    run = db.start_run(conn, "code", {}, {}, ["x"])
    article = Article(id="a2", text="Gondor thanked Arnor.", origin="x")
    db.write_batch(conn, run, [db.CodedArticle(article, "sha2", 1, ())],
                   [Failure("E205", "y", "empty")])
    assert list_runs(conn)[-1].pid is not None


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_migrations_older_database_readable_without_migrating(db_path: Path,
                                                               version: int) -> None:
    build_old_database(db_path, version)
    conn = db.open_db(db_path, read_only=True)
    assert db.schema_version(conn) == version
    assert [r.run_id for r in list_runs(conn)] == [1]
    assert [f.code for f in list_failures(conn)] == ["E204"]
    conn.close()


@pytest.mark.parametrize("version", [schema.SCHEMA_VERSION - 1])
def test_migrations_failed_step_rolls_back(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           version: int) -> None:
    build_old_database(db_path, version)
    broken = schema.MIGRATIONS[version] + ("ALTER TABLE no_such_table ADD COLUMN x INTEGER",)
    monkeypatch.setitem(schema.MIGRATIONS, version, broken)
    with pytest.raises(MigrationError, match="E404") as info:
        db.open_db(db_path)
    assert f"from version {version} to {version + 1}" in str(info.value)
    monkeypatch.undo()
    conn = db.open_db(db_path, read_only=True)
    assert db.schema_version(conn) == version
    assert list(db.query_events(conn, db.EventFilter())) == [_EVENT]
    conn.close()
    assert db.schema_version(db.open_db(db_path)) == schema.SCHEMA_VERSION


@pytest.mark.parametrize("bad_position", [0, 1])
def test_migrations_batch_is_all_or_nothing(db_path: Path, bad_position: int) -> None:
    conn = db.open_db(db_path)
    run = db.start_run(conn, "code", {}, {}, [])
    bad = Event(**{**_event_fields(), "event_id": "bad", "article_id": "a2", "cameo": None})
    items = [db.CodedArticle(Article(id="a1", text="t"), "s1", 1, (_EVENT,)),
             db.CodedArticle(Article(id="a2", text="t"), "s2", 1, (bad,))]
    if bad_position == 0:
        items.reverse()
    with pytest.raises(DatabaseError, match="E401"):
        db.write_batch(conn, run, items, [Failure("E204", "x", "m")])
    assert db.count_events(conn) == 0
    assert db.known_articles(conn, ["a1", "a2"]) == {}
    assert conn.execute("SELECT count(*) FROM failures").fetchone() == (0,)
    assert db.write_batch(conn, run, items[:1] if bad_position else items[1:], []) == 1
    conn.close()


def _event_fields() -> dict[str, object]:
    return {name: getattr(_EVENT, name) for name in _EVENT.__dataclass_fields__}


@pytest.mark.parametrize("times", [3])
def test_migrations_failures_kept_once_per_run(db_path: Path, times: int) -> None:
    conn = db.open_db(db_path)
    failure = Failure("E206", "in.jsonl:3", "in.jsonl:3: invalid JSON", None)
    runs = [db.start_run(conn, "code", {}, {}, []) for _ in range(2)]
    for run in runs:
        for _ in range(times):
            db.write_batch(conn, run, [], [failure, failure])
    assert conn.execute("SELECT count(*) FROM failures").fetchone() == (2,)
    [listed] = list_failures(conn)
    assert (listed.run_id, listed.runs) == (runs[-1], 2)
    assert [f.run_id for f in list_failures(conn, run_id=runs[0])] == [runs[0]]
    conn.close()


@pytest.mark.parametrize("value", ["Gondor \ud800 attacked", "in/\udcff.txt"])
def test_migrations_unencodable_strings_do_not_sink_a_batch(db_path: Path, value: str) -> None:
    conn = db.open_db(db_path)
    run = db.start_run(conn, "code", {}, {}, [])
    article = Article(id=value, text=value, origin=value)
    db.write_batch(conn, run, [db.CodedArticle(article, "s", 1, ())],
                   [Failure("E204", value, value, value)])
    assert list(db.known_articles(conn, [encodable(value)])) == [encodable(value)]
    assert "\ufffd" in encodable(value)
    conn.close()


@pytest.fixture
def held_database(db_path: Path) -> Iterator[Path]:
    """The database held open for writing by another process."""
    db.open_db(db_path).close()
    code = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
            "print('ready', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield db_path
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_migrations_database_in_use_is_e405(held_database: Path, read_only: bool) -> None:
    with pytest.raises(DatabaseLockedError, match="E405") as info:
        db.open_db(held_database, read_only=read_only)
    assert "PID" in str(info.value)


@pytest.mark.parametrize("read_only", [False, True])
def test_migrations_newer_database_refused_and_left_alone(db_path: Path, read_only: bool) -> None:
    db.open_db(db_path).close()
    conn = duckdb.connect(str(db_path))
    conn.execute("UPDATE schema_info SET version = ?", [schema.SCHEMA_VERSION + 1])
    conn.close()
    with pytest.raises(SchemaVersionError, match="E402"):
        db.open_db(db_path, read_only=read_only)
    conn = duckdb.connect(str(db_path), read_only=True)
    assert conn.execute("SELECT version FROM schema_info").fetchall() == [
        (schema.SCHEMA_VERSION + 1,)]
    conn.close()


@pytest.mark.parametrize("damage", ["not a database", "truncated", "missing folder"])
@pytest.mark.parametrize("read_only", [False, True])
def test_migrations_unusable_database_file_is_e401(tmp_path: Path, damage: str,
                                                   read_only: bool) -> None:
    path = tmp_path / "events.duckdb"
    if damage == "not a database":
        path.write_text("hello\n", encoding="utf-8")
    elif damage == "truncated":
        build_old_database(path, 1)
        db.open_db(path).close()
        with path.open("r+b") as fh:
            fh.truncate(path.stat().st_size // 3)
    else:
        path = tmp_path / "no" / "such" / "events.duckdb"
    with pytest.raises(DatabaseError, match="E401"):
        db.open_db(path, read_only=read_only)
