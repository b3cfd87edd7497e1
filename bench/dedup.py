"""Duplicate and near-duplicate articles in a JSONL corpus (default: Giveme5W1H news clusters).

Articles are checked in file order with ``Deduplicator``; each later copy is counted as an
exact duplicate (same normalised text) or a near duplicate (MinHash/LSH, Jaccard ≥ 0.7 on
word 5-grams), and every near pair is listed with its outlets.

Usage: ``python bench/dedup.py [FILE.jsonl] [--threshold 0.7]``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from extraction import shared_data_dir

from dyadwatch.ingest.dedup import NEAR_THRESHOLD, Deduplicator, text_sha1


def main() -> None:
    default = shared_data_dir() / "news" / "giveme5w1h_news_2016_2018.jsonl"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", default=default, help="JSONL corpus")
    parser.add_argument("--threshold", type=float, default=NEAR_THRESHOLD, help="near Jaccard")
    args = parser.parse_args()
    with args.file.open(encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r.get("text")]
    by_id = {str(r["id"]): r for r in records}
    dedup, exact, near = Deduplicator(threshold=args.threshold), 0, 0
    sha = {}
    started = time.perf_counter()
    for record in records:
        first = dedup.check_text(str(record["id"]), record["text"])
        if first is None:
            sha[str(record["id"])] = text_sha1(record["text"])
            continue
        if sha.get(first) == text_sha1(record["text"]):
            exact += 1
            continue
        near += 1
        print(f"near: {record.get('source_domain')} → {by_id[first].get('source_domain')}: "
              f"{str(record.get('title'))[:70]}")
    seconds = time.perf_counter() - started
    print(f"{len(records)} articles with text: {exact} exact duplicates, {near} near duplicates, "
          f"{len(dedup)} kept ({seconds:.1f} s, threshold {args.threshold})")


if __name__ == "__main__":
    main()
