"""Compare two event dumps, or dump the events the default coder gives the gold sets.

    python tools/compare_events.py dump-gold OUT_DIR      # one JSONL per gold set
    python tools/compare_events.py compare A.jsonl B.jsonl [--ignore FIELD ...]

``compare`` matches events as multisets of their records with ``event_id`` and
``dictionary_version`` left out (and any ``--ignore`` field), prints what only one side
has, and exits 1 when they differ. ``dump-gold`` codes every sentence of the ConfliBERT
and PLOVER gold sets (read from ../shared/data) and the golden cases, in memory, with the
default configuration, so that a change to the coder can be checked event by event, not
only through the scores ``make eval`` prints (DYADWATCH_SHARED_DATA overrides the folder).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
IGNORED = ("event_id", "dictionary_version")


def comparable(record: dict[str, Any], ignored: tuple[str, ...]) -> str:
    return json.dumps({k: v for k, v in record.items() if k not in ignored}, sort_keys=True)


def read_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def compare(a: Path, b: Path, ignored: tuple[str, ...], show: int = 10) -> bool:
    left = Counter(comparable(r, ignored) for r in read_records(a))
    right = Counter(comparable(r, ignored) for r in read_records(b))
    only_left, only_right = left - right, right - left
    print(f"{a}: {sum(left.values())} events; {b}: {sum(right.values())} events; "
          f"only in first: {sum(only_left.values())}; only in second: "
          f"{sum(only_right.values())}")
    for label, diff in (("-", only_left), ("+", only_right)):
        for line in list(diff.elements())[:show]:
            print(label, line)
    return not only_left and not only_right


def dump_gold(out: Path) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from dyadwatch import eval as scoring
    from dyadwatch.config import load_config
    from dyadwatch.model import Article
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.pipeline import build_coder, code_articles_in_memory

    data = Path(os.environ.get("DYADWATCH_SHARED_DATA") or REPO.parent / "shared" / "data")
    nlp = load_pipeline("auto")
    coder = build_coder(load_config(environ={}))
    sets: dict[str, list[Article]] = {}
    conflibert = data / "gold" / "conflibert" / "conflibert_cameo_test.jsonl"
    if conflibert.exists():
        sets["conflibert"] = [Article(id=g.id, text=g.text)
                              for g in scoring.read_conflibert(conflibert)]
    plover = data / "ontology" / "plover" / "PLOVER_GSR_CAMEO.json"
    if plover.exists():
        sets["plover"] = [Article(id=g.id, text=g.text) for g in scoring.read_plover(plover)]
    golden = REPO / "tests" / "golden" / "constructions.yaml"
    sets["golden"] = [Article(id=c.id, text=c.text, published=c.date)
                      for c in scoring.read_golden(golden)]
    out.mkdir(parents=True, exist_ok=True)
    for name, articles in sets.items():
        results = code_articles_in_memory(articles, nlp, coder)
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for events in results:
                for event in events:
                    handle.write(json.dumps(event.to_record(), sort_keys=True) + "\n")
        print(f"{name}: {len(articles)} texts, {sum(map(len, results))} events")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump-gold")
    dump.add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    cmp.add_argument("--ignore", action="append", default=[])
    args = parser.parse_args(argv)
    if args.command == "dump-gold":
        dump_gold(args.out)
        return 0
    return 0 if compare(args.a, args.b, IGNORED + tuple(args.ignore)) else 1


if __name__ == "__main__":
    sys.exit(main())
