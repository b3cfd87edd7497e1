"""Parquet event datasets: what the Ray engine writes and `dyadwatch load` reads.

Beside the events (``date=.../*.parquet``) a dataset holds its run record in ``_run/``:
``run.json`` (command, inputs, settings, versions, status, counts) and ``failures.jsonl``
(one coded failure a line), so that a Ray run's failures are kept as a local run keeps
them in its database, and ``load`` records them there.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadwatch import __version__
from dyadwatch.config import Config
from dyadwatch.model import Failure, RunSummary
from dyadwatch.store import bulk, db

if TYPE_CHECKING:
    import duckdb

PARTITION_COLUMN = "date"  # hive partitions date=YYYY-MM-DD (date=__HIVE_DEFAULT_PARTITION__)
RUN_FOLDER = "_run"  # no Parquet inside: `**/*.parquet` globs read the events only


@dataclass(slots=True)
class RunRecord:
    """What a Ray run did: the dataset's counterpart of a ``runs`` row and its failures."""

    command: str
    inputs: list[str]
    config: dict[str, Any]
    status: str  # running | finished | failed
    started_at: str
    finished_at: str | None = None
    versions: dict[str, str] = field(default_factory=dict)
    summary: RunSummary = field(default_factory=RunSummary)


def write_run_record(directory: Path, record: RunRecord) -> None:
    """Write ``_run/run.json`` and ``_run/failures.jsonl`` under ``directory``."""
    folder = directory / RUN_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    head = asdict(record)
    failures = head["summary"].pop("failures")
    head["summary"]["failures"] = len(failures)
    (folder / "run.json").write_text(json.dumps(head, indent=1, default=str) + "\n",
                                     encoding="utf-8")
    with (folder / "failures.jsonl").open("w", encoding="utf-8") as out:
        for failure in failures:
            out.write(json.dumps(failure, ensure_ascii=False) + "\n")


def read_run_record(directory: Path) -> RunRecord | None:
    """The dataset's run record, or None for a dataset written without one."""
    folder = directory / RUN_FOLDER
    if not (folder / "run.json").is_file():
        return None
    head = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    counts = head.pop("summary")
    counts.pop("failures", None)
    counts["by_quad"] = {int(k): v for k, v in counts.get("by_quad", {}).items()}
    counts["top_dyads"] = [tuple(row) for row in counts.get("top_dyads", [])]
    summary = RunSummary(**counts, failures=list(_failures(folder / "failures.jsonl")))
    return RunRecord(**head, summary=summary)


def _failures(path: Path) -> list[Failure]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as lines:
        return [Failure(**json.loads(line)) for line in lines if line.strip()]


@dataclass(frozen=True, slots=True)
class Loaded:
    events: int  # events in the dataset
    new: int  # of them, not in the database before
    failures: int = 0  # failures of the coding run, recorded with the load run
    status: str | None = None  # the coding run's status (None: no run record)


def load_dataset(conn: duckdb.DuckDBPyConnection, directory: Path, cfg: Config) -> Loaded:
    """Insert or replace the dataset's events into ``conn`` as one recorded ``load`` run.

    Event ids are stable, so loading a dataset again (or a re-coded one) adds nothing twice.
    """
    found = bulk.count_dataset_events(directory)
    record = read_run_record(directory)
    run_id = db.start_run(conn, "load", cfg.model_dump(), {"dyadwatch": __version__},
                          [str(directory)])
    summary = RunSummary(events=found)
    status = "failed"
    try:
        if found:
            summary.events_new = bulk.load_event_dataset(conn, directory, run_id)
        if record is not None:
            _take_counts(summary, record.summary)
            db.insert_failures(conn, run_id, record.summary.failures)
        status = "finished"
    finally:
        db.finish_run(conn, run_id, summary, status)
    return Loaded(found, summary.events_new, len(summary.failures),
                  None if record is None else record.status)


def _take_counts(summary: RunSummary, coded: RunSummary) -> None:
    """The coding run's article counts and failures, recorded with the load run."""
    summary.articles_read = coded.articles_read
    summary.articles_coded = coded.articles_coded
    summary.articles_skipped = coded.articles_skipped
    summary.failures = list(coded.failures)
