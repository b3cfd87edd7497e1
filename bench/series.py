"""Time dyad series on a synthetic database of N events (default 1,000,000).

    .venv/bin/python bench/series.py [N] [--db PATH]

The database is filled with DuckDB's bulk insert from a DataFrame (write_batch would take
far longer at this size); the events are those of dyadwatch.synthetic: one planted
USAGOV-IRNGOV crisis and N background events between random country-role actors.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import dyadwatch
from dyadwatch.store.db import EVENT_COLUMNS, _event_row, open_db
from dyadwatch.synthetic import background_events, crisis_events


def fill(path: Path, n: int) -> int:
    events = crisis_events() + background_events(n, days=3 * 365)
    frame = pd.DataFrame([_event_row(e) for e in events], columns=list(EVENT_COLUMNS))
    conn = open_db(path)
    conn.register("bench_events", frame)
    conn.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
                 f"SELECT {', '.join(EVENT_COLUMNS)} FROM bench_events")
    conn.close()
    return len(events)


def timed(label: str, func: object, *args: object, **kwargs: object) -> object:
    start = time.perf_counter()
    result = func(*args, **kwargs)  # type: ignore[operator]
    sys.stdout.write(f"{label:<44} {time.perf_counter() - start:7.3f} s\n")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.duckdb"
    if not path.exists():
        total = timed(f"fill {args.n:,} background events", fill, path, args.n)
        sys.stdout.write(f"events in database: {total:,}\n")
    with dyadwatch.open(path) as db:
        timed("series USA IRN --freq week", db.series, "USA", "IRN", "week")
        timed("series USA IRN --freq day", db.series, "USA", "IRN", "day")
        timed("series TUR SYR --freq week (background)", db.series, "TUR", "SYR", "week")
        timed("series =USAGOV =IRNGOV --freq month", db.series, "=USAGOV", "=IRNGOV", "month")
        timed("dyads --top 20", db.dyads)
        timed("escalation USA IRN", db.escalation, "USA", "IRN")
        timed("reciprocity USA IRN (999 permutations)", db.reciprocity, "USA", "IRN")


if __name__ == "__main__":
    main()
