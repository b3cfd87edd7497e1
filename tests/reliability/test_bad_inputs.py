"""`dyadwatch code` over a folder of bad inputs beside good ones: every failure recorded
and counted, exit 0 (1 under --strict), and every good article in the same run coded."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from corpus import BadInput, bad_inputs

from dyadwatch.cli import cli
from dyadwatch.store import db
from dyadwatch.store.runs import list_failures, list_runs

pytestmark = pytest.mark.model
ARTICLE_LIMIT = 20_000


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[BadInput]]:
    folder = tmp_path_factory.mktemp("bad") / "in"
    folder.mkdir()
    inputs = bad_inputs(random.Random(11))
    for item in inputs:
        (folder / item.name).write_bytes(item.content)
    return folder, inputs


@pytest.fixture(scope="module")
def coded_once(bad_folder: tuple[Path, list[BadInput]],
               tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """The folder coded once (without --strict): database, exit code, stderr.

    The article limit is lowered from 200,000 to 20,000 characters so that the cut of the
    10 MB line is coded in seconds; the default limit is checked in test_readers_fuzz.
    """
    path = tmp_path_factory.mktemp("db") / "bad.duckdb"
    # the corpus repeats one good text in many files: de-duplication would rightly skip
    # the copies (E210), so it is switched off to see every good article coded
    code, _, err = run_cli("code", str(bad_folder[0]), "--db", str(path),
                           "--set", f"ingest.max_article_chars={ARTICLE_LIMIT}",
                           "--set", "ingest.deduplicate=false")
    return path, code, err


@pytest.mark.parametrize("strict", [False])
def test_bad_inputs_exit_0_with_failures_counted(coded_once: tuple[Path, int, str],
                                                 strict: bool) -> None:
    path, code, err = coded_once
    assert code == 0, err
    conn = db.open_db(path, read_only=True)
    [run] = list_runs(conn)
    failures = list_failures(conn, run.run_id)
    conn.close()
    assert run.status == "finished"
    assert run.failures == len(failures) > 0
    assert f"Failures: {run.failures}" in err


def file_name(where: str) -> str:
    """The input file of ``path``, ``path:line`` or ``path#record``."""
    return re.sub(r"(:\d+|#\d+)$", "", Path(where).name)


def _codes_by_input(path: Path) -> dict[str, set[str]]:
    conn = db.open_db(path, read_only=True)
    found: dict[str, set[str]] = {}
    for failure in list_failures(conn):
        found.setdefault(file_name(failure.input), set()).add(failure.code)
    conn.close()
    return found


@pytest.mark.parametrize("kind", [b.name for b in bad_inputs(random.Random(11))])
def test_bad_inputs_each_failure_recorded_with_its_code(coded_once: tuple[Path, int, str],
                                                        bad_folder: tuple[Path, list[BadInput]],
                                                        kind: str) -> None:
    [item] = [b for b in bad_folder[1] if b.name == kind]
    recorded = _codes_by_input(coded_once[0]).get(kind, set())
    expected = set(item.codes)
    assert expected <= recorded, (kind, recorded)
    if not item.codes:
        assert not recorded


@pytest.mark.parametrize("kind", [b.name for b in bad_inputs(random.Random(11))])
def test_bad_inputs_good_articles_in_the_same_run_coded(coded_once: tuple[Path, int, str],
                                                        bad_folder: tuple[Path, list[BadInput]],
                                                        kind: str) -> None:
    [item] = [b for b in bad_folder[1] if b.name == kind]
    conn = db.open_db(coded_once[0], read_only=True)
    rows = conn.execute("SELECT origin, n_chars FROM articles").fetchall()
    conn.close()
    assert max(n for _, n in rows) <= ARTICLE_LIMIT
    stored = Counter(file_name(str(origin)) for origin, _ in rows)
    assert stored[kind] == item.good_articles, (kind, stored)


@pytest.mark.parametrize("strict", [True])
def test_bad_inputs_strict_exits_1_and_still_records(bad_folder: tuple[Path, list[BadInput]],
                                                     tmp_path: Path, strict: bool) -> None:
    folder = tmp_path / "in"  # the same inputs less the 10 MB line, to keep this quick
    folder.mkdir()
    for item in bad_folder[1]:
        if item.name != "huge-line.txt":
            (folder / item.name).write_bytes(item.content)
    path = tmp_path / "strict.duckdb"
    code, _, err = run_cli("code", str(folder), "--db", str(path), "--strict",
                           "--set", "ingest.deduplicate=false")
    assert code == 1
    assert "failed (--strict)" in err
    conn = db.open_db(path, read_only=True)
    [run] = list_runs(conn)
    assert run.failures == len(list_failures(conn)) > 0
    assert run.articles_coded > 0
    conn.close()


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_bad_inputs_errors_command_lists_every_failure(coded_once: tuple[Path, int, str],
                                                       fmt: str) -> None:
    path = coded_once[0]
    code, out, _ = run_cli("errors", "--db", str(path), "--format", fmt)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    conn = db.open_db(path, read_only=True)
    [run] = list_runs(conn)
    conn.close()
    assert len(records) == run.failures
    assert {r["code"] for r in records} >= {"E202", "E203", "E204", "E205", "E206", "E207",
                                              "E208"}
    one: dict[str, Any] = records[0]
    assert set(one) == {"code", "input", "message", "article_id", "run_id", "runs"}
