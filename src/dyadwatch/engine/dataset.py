"""Parquet event datasets: what the Ray engine writes and `dyadwatch load` reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch import __version__
from dyadwatch.config import Config
from dyadwatch.model import RunSummary
from dyadwatch.store import bulk, db

if TYPE_CHECKING:
    import duckdb

PARTITION_COLUMN = "date"  # hive partitions date=YYYY-MM-DD (date=__HIVE_DEFAULT_PARTITION__)


@dataclass(frozen=True, slots=True)
class Loaded:
    events: int  # events in the dataset
    new: int  # of them, not in the database before


def load_dataset(conn: duckdb.DuckDBPyConnection, directory: Path, cfg: Config) -> Loaded:
    """Insert or replace the dataset's events into ``conn`` as one recorded ``load`` run.

    Event ids are stable, so loading a dataset again (or a re-coded one) adds nothing twice.
    """
    found = bulk.count_dataset_events(directory)
    run_id = db.start_run(conn, "load", cfg.model_dump(), {"dyadwatch": __version__},
                          [str(directory)])
    summary = RunSummary(events=found)
    status = "failed"
    try:
        if found:
            summary.events_new = bulk.load_event_dataset(conn, directory, run_id)
        status = "finished"
    finally:
        db.finish_run(conn, run_id, summary, status)
    return Loaded(found, summary.events_new)
