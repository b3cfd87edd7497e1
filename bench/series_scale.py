"""Dyad series over 10 million synthetic events in DuckDB.

    .venv/bin/python bench/series_scale.py [N] [--db PATH] [--repeat 3]

bench/series.py builds its events as Python objects, which is fine for a million but not
for ten. Here the background events are generated inside DuckDB with the same shape as
``dyadwatch.synthetic.background_events`` (random country-role dyads among 16 countries,
the same CAMEO codes with their Goldstein values, quad classes and PLOVER types, uniform
over three years); the planted USAGOV-IRNGOV crisis of ``synthetic.crisis_events`` is added
through the store. Each query is timed ``--repeat`` times through the public Python API
(``dyadwatch.open(...).series``, as `dyadwatch series` runs it); first and best are shown.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dyadwatch
from dyadwatch.ontology import lookup_cameo
from dyadwatch.store.db import open_db
from dyadwatch.synthetic import (
    CONFLICT_CODES,
    COOPERATION_CODES,
    COUNTRIES,
    ROLES,
    crisis_events,
    write_events,
)

BACKGROUND_SQL = """
INSERT INTO events (event_id, article_id, date, source, target, source_country, target_country,
    source_text, target_text, cameo, cameo_root, plover_type, plover_mode, goldstein,
    quad_class, sentence, sentence_index, trigger, trigger_start, negated, modality, rule,
    dictionary_version)
WITH draws AS (
    SELECT i, hash(i, 11) AS h1, hash(i, 12) AS h2, hash(i, 13) AS h3, hash(i, 14) AS h4,
           hash(i, 15) AS h5, hash(i, 16) AS h6
    FROM range(?) AS t(i)
), picked AS (
    SELECT i, (h1 % 16)::BIGINT AS s, ((h1 % 16 + 1 + h2 % 15) % 16)::BIGINT AS t,
           (h3 % ?)::BIGINT AS day, (h4 % 6)::BIGINT AS r1, (h5 % 6)::BIGINT AS r2,
           (h6 % ?)::BIGINT AS c
    FROM draws
)
SELECT 'bg-' || i, 'bg-' || (i // 4), DATE '2019-01-07' + day::INTEGER,
       countries[s + 1] || roles[r1 + 1], countries[t + 1] || roles[r2 + 1],
       countries[s + 1], countries[t + 1], countries[s + 1] || roles[r1 + 1],
       countries[t + 1] || roles[r2 + 1], code.cameo, left(code.cameo, 2), code.plover_type,
       code.plover_mode, code.goldstein, code.quad_class, 'Synthetic event.', i % 4,
       code.trigger, 0, false, 'asserted', 'synthetic', 'synthetic'
FROM picked
JOIN bench_codes AS code ON code.k = picked.c
CROSS JOIN (SELECT ?::VARCHAR[] AS countries, ?::VARCHAR[] AS roles)
"""


def code_rows() -> list[tuple[Any, ...]]:
    """(k, cameo, plover_type, plover_mode, goldstein, quad_class, trigger) per code."""
    rows = []
    for k, cameo in enumerate(COOPERATION_CODES + CONFLICT_CODES):
        entry = lookup_cameo(cameo)
        rows.append((k, cameo, entry.plover_type, entry.plover_mode, entry.goldstein,
                     entry.quad_class, entry.name.split()[0].lower()))
    return rows


def fill(path: Path, n: int, days: int = 3 * 365) -> int:
    """``n`` background events plus the planted crisis; returns the events stored."""
    conn = open_db(path)
    write_events(conn, crisis_events())
    conn.execute("CREATE TEMP TABLE bench_codes (k INTEGER, cameo VARCHAR, plover_type VARCHAR, "
                 "plover_mode VARCHAR, goldstein DOUBLE, quad_class INTEGER, trigger VARCHAR)")
    rows = code_rows()
    conn.executemany("INSERT INTO bench_codes VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute(BACKGROUND_SQL, [n, days, len(rows), list(COUNTRIES), list(ROLES)])
    row = conn.execute("SELECT count(*) FROM events").fetchone()
    conn.close()
    return int(row[0]) if row else 0


def timed(label: str, func: Callable[..., Any], repeat: int, *args: Any) -> None:
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        seconds.append(time.perf_counter() - start)
    rows = len(result) if hasattr(result, "__len__") else ""
    print(f"{label:<44} first {seconds[0]:6.3f} s   best {min(seconds):6.3f} s   rows {rows}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.duckdb"
    if not path.exists():
        start = time.perf_counter()
        total = fill(path, args.n)
        print(f"filled {total:,} events in {time.perf_counter() - start:.1f} s ({path})")
    with dyadwatch.open(path) as db:
        timed("series USA IRN --freq week", db.series, args.repeat, "USA", "IRN", "week")
        timed("series USA IRN --freq day", db.series, args.repeat, "USA", "IRN", "day")
        timed("series TUR SYR --freq month (background)", db.series, args.repeat, "TUR", "SYR",
              "month")
        timed("series =USAGOV =IRNGOV --freq week", db.series, args.repeat, "=USAGOV",
              "=IRNGOV", "week")


if __name__ == "__main__":
    main()
