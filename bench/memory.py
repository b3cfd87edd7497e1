"""Peak memory of `dyadwatch code --workers 2` on 1,000 and 20,000 Reuters-21578 records.

    .venv/bin/python bench/memory.py [--sizes 1000 20000] [--workers 2]

Records are taken in file order, those without a body included (they are read, recorded
as failures and not coded). Each size runs in a fresh process; printed per size: the
peak resident memory of the main process (reader, cleaner, DuckDB writer) and of the
largest worker (spaCy pipeline and coder). Streaming means both stay flat as the input
grows.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inprocess import CORPORA, LABELS, SETTINGS, Measure, shared_data_dir, spawn  # noqa: E402


def write_records(n: int, out: Path) -> None:
    path = shared_data_dir() / "news" / CORPORA["reuters"]
    with gzip.open(path, "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as sink:
        sink.writelines(itertools.islice(fh, n))


def show(rows: list[tuple[int, Measure]]) -> None:
    print(f"{'records':>8}{'coded':>8}{'seconds':>9}{'art/s':>8}{'main MB':>9}{'worker MB':>10}"
          f"{'events':>8}")
    for n, m in rows:
        worker = f"{m.peak_worker_mb:10.0f}" if m.peak_worker_mb else f"{'-':>10}"
        print(f"{n:8d}{m.articles:8d}{m.seconds:9.1f}{m.articles / m.seconds:8.1f}"
              f"{m.peak_main_mb:9.0f}{worker}{m.events or 0:8d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--set", dest="settings", action="append", default=[],
                        metavar="SECTION.KEY=VALUE", help="a dyadwatch setting (repeatable)")
    args = parser.parse_args()
    SETTINGS.extend(args.settings)
    config = f"code-{args.workers}"
    if config not in LABELS:
        raise SystemExit("--workers takes 1 or 2")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            sample = Path(folder) / f"reuters-{n}.jsonl"
            write_records(n, sample)
            rows.append((n, spawn(config, sample, Path(folder))))
    print(f"{LABELS[config]}; settings: {' '.join(SETTINGS) or 'defaults'}")
    show(rows)


if __name__ == "__main__":
    main()
