"""Real-news checks that are read by hand: random event samples and off-topic yield.

    python tools/realnews_checks.py corpus OUT.jsonl [--offtopic]
    python tools/realnews_checks.py sample EVENTS.jsonl [--dyadic] [-n 50] [--seed 14]
    python tools/realnews_checks.py yield ARTICLES.jsonl EVENTS.jsonl

``corpus`` writes the articles to read into a JSONL file outside the repository: the
Guardian and giveme5w1h articles that are not in the real-news gold set, or, with
``--offtopic``, texts that are not political news (giveme5w1h's science, technology,
business, sports and entertainment clusters and BBC's sport and entertainment sections).
Code it with ``dyadwatch code OUT.jsonl --db DB`` and dump the events with
``dyadwatch events --db DB -o EVENTS.jsonl``.

``sample`` draws events at random with a recorded seed and prints each with its evidence,
numbered, for a reader to mark right, partly right or wrong (the tables in docs/coding.md).
``yield`` counts events per article and lists every event of an off-topic run.

Article texts stay in ../shared/data; the files written here belong under /tmp.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
MANIFEST = REPO / "tests" / "eval" / "realnews" / "articles.json"
GIVEME_OFFTOPIC = ("science", "technology", "business", "sports", "entertainment")
BBC_OFFTOPIC = ("sport", "entertainment")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def gold_article_ids() -> set[str]:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {entry["article_id"] for entry in manifest["articles"]}


def as_input(record: dict[str, Any]) -> dict[str, Any]:
    """A corpus record in dyadwatch's JSONL input form (id, text, date, title)."""
    date = record.get("date") or (record.get("date_publish") or "")[:10] or None
    return {"id": record["id"], "text": record["text"], "date": date,
            "title": record.get("title")}


def political_records(gold: set[str]) -> Iterator[dict[str, Any]]:
    for name in ("guardian_syria_sdf_2017_2019.jsonl", "giveme5w1h_news_2016_2018.jsonl"):
        for record in read_jsonl(NEWS / name):
            if record["id"] not in gold:
                yield record


def offtopic_records() -> Iterator[dict[str, Any]]:
    for record in read_jsonl(NEWS / "giveme5w1h_news_2016_2018.jsonl"):
        if record.get("subset") == "news_cluster" and record.get("category") in GIVEME_OFFTOPIC:
            yield record
    for record in read_jsonl(NEWS / "bbc_fulltext_2004_2005.jsonl.gz"):
        if record.get("category") in BBC_OFFTOPIC:
            yield record


def write_corpus(out: Path, offtopic: bool) -> int:
    records = offtopic_records() if offtopic else political_records(gold_article_ids())
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(as_input(record), ensure_ascii=False) + "\n")
            count += 1
    return count


def is_dyadic(event: dict[str, Any]) -> bool:
    if "dyadic" in event:
        return bool(event["dyadic"])
    return bool(event.get("source") and event.get("target"))


def describe(number: int, event: dict[str, Any]) -> str:
    mood = event.get("modality", "asserted") + (", negated" if event.get("negated") else "")
    return (f"{number:>3}. {event['article_id']} #{event['sentence_index']}  {event.get('date')}  "
            f"{event.get('source')} -> {event.get('target')}  {event['cameo']}  ({mood}; "
            f"trigger {event.get('trigger')!r}; rule {event.get('rule')})\n"
            f"     {event['sentence']}")


def sample(events: list[dict[str, Any]], n: int, seed: int, dyadic: bool) -> list[str]:
    pool = [event for event in events if is_dyadic(event)] if dyadic else events
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    return [describe(i, event) for i, event in enumerate(chosen, 1)]


def yield_report(articles: Path, events: list[dict[str, Any]]) -> list[str]:
    total = sum(1 for _ in read_jsonl(articles))
    lines = [f"{len(events)} events from {total} articles "
             f"({len(events) / max(total, 1):.3f} per article)"]
    lines += [describe(i, event) for i, event in enumerate(events, 1)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    corpus = sub.add_parser("corpus", help="write the articles to code")
    corpus.add_argument("out", type=Path)
    corpus.add_argument("--offtopic", action="store_true")
    draw = sub.add_parser("sample", help="draw events to read by hand")
    draw.add_argument("events", type=Path)
    draw.add_argument("-n", type=int, default=50)
    draw.add_argument("--seed", type=int, default=14)
    draw.add_argument("--dyadic", action="store_true")
    count = sub.add_parser("yield", help="events per article of an off-topic run")
    count.add_argument("articles", type=Path)
    count.add_argument("events", type=Path)
    args = parser.parse_args(argv)
    if not NEWS.is_dir():
        print(f"{NEWS} is absent: these checks read the shared news corpora", file=sys.stderr)
        return 2
    if args.command == "corpus":
        print(f"{write_corpus(args.out, args.offtopic)} articles written to {args.out}")
    elif args.command == "sample":
        print(f"seed {args.seed}, {'dyadic' if args.dyadic else 'all'} events")
        print("\n".join(sample(list(read_jsonl(args.events)), args.n, args.seed, args.dyadic)))
    else:
        print("\n".join(yield_report(args.articles, list(read_jsonl(args.events)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
