"""Gold events beside the coder's, sentence by sentence, for the DEV half of the real-news set.

    python tools/realnews_diff.py [ARTICLE_ID ...] [--all-events] [--only-errors]
    python tools/realnews_diff.py --split dev2          # the second tuning draw

For each annotated sentence of each dev article it prints the sentence, the gold events
(``G``) and the coder's events (``S``), marking each coder event that matches a gold event
at (source country, target country, root) with ``=`` and each dyadic one that does not
with ``x``; one-sided coder events are shown with ``.`` under ``--all-events``.
This is a tuning instrument: it reads the dev halves (dev, dev2) only, never the test half.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dyadwatch.config import load_config  # noqa: E402
from dyadwatch.eval_events import (  # noqa: E402
    COUNTRY,
    doc_sentence_spans,
    event_span,
    gold_located,
    in_region,
    load_half,
    match,
    system_located,
)
from dyadwatch.goldset import read_annotations, read_sentence_index  # noqa: E402
from dyadwatch.nlp import load_pipeline  # noqa: E402
from dyadwatch.pipeline import build_coder  # noqa: E402

FOLDER = REPO / "tests" / "eval" / "realnews"
DATA = REPO.parent / "shared" / "data"


def gold_line(event: Any) -> str:
    roots = "/".join(sorted(event.roots))
    return f"  G  {event.source} -> {event.target}  {roots}  {event.date}"


def system_line(event: Any, mark: str) -> str:
    mood = event.modality + (", negated" if event.negated else "")
    return (f"  S{mark} {event.source} -> {event.target}  {event.cameo}  {event.date}  "
            f"[{mood}; {event.trigger!r}; {event.rule}; {event.source_text!r} -> "
            f"{event.target_text!r}]")


def article_report(gold: Any, doc: Any, events: list[Any], golds: list[Any],
                   index: dict[str, list[tuple[int, int, str]]], all_events: bool,
                   only_errors: bool) -> list[str]:
    article_id = gold.entry.article_id
    spans = doc_sentence_spans(gold.raw, doc)
    located_events = [(e, event_span(e, doc, spans)) for e in events]
    in_area = [(e, s) for e, s in located_events if s and in_region(article_id, s, index)]
    per_event = [(e, s, system_located(gold, doc, [e])[0]) for e, s in in_area]
    located = [loc[0] for _, _, loc in per_event if loc]
    mine = [g for g in golds if g.article_id == article_id]
    matched_system = {s for _, s in match(mine, located, COUNTRY)}
    by_span: dict[tuple[int, int], list[str]] = defaultdict(list)
    for g in mine:
        by_span[g.span].append(gold_line(g))
    position = 0
    for event, span, loc in per_event:
        if loc:
            mark = "=" if position in matched_system else "x"
            position += 1
        elif not all_events:
            continue
        else:
            mark = "."
        by_span[span].append(system_line(event, mark))
    lines = [f"== {article_id} ({gold.article.published})"]
    for start, end, _ in index.get(article_id, []):
        rows = by_span.get((start, end), [])
        wrong = any(r.startswith("  Sx") for r in rows) or any(
            r.startswith("  G") for r in rows) and not any(r.startswith("  S=") for r in rows)
        if rows and (wrong or not only_errors):
            lines.append(f"[{start}:{end}] {gold.raw[start:end].strip()}")
            lines += rows
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--all-events", action="store_true", help="show one-sided events too")
    parser.add_argument("--only-errors", action="store_true",
                        help="only sentences with a missed or a wrong event")
    parser.add_argument("--split", choices=("dev", "dev2", "dev3"), default="dev",
                        help="the tuning half to read (never the test half)")
    args = parser.parse_args(argv)
    index = read_sentence_index(FOLDER / "sentences.json")
    golds, warnings = load_half(FOLDER, args.split, DATA)
    golds = [g for g in golds if not args.ids or g.entry.article_id in args.ids]
    events, _ = read_annotations(FOLDER / f"{args.split}.a.jsonl")
    gold_events = gold_located(events)
    nlp = load_pipeline(load_config(environ={}).nlp.model)
    coder = build_coder(load_config(environ={}))
    for gold, doc in zip(golds, nlp.pipe(g.article.text for g in golds), strict=True):
        coded = list(coder.code_doc(doc, gold.article))
        print("\n".join(article_report(gold, doc, coded, gold_events, index,
                                       args.all_events, args.only_errors)))
    for warning in warnings:
        print(warning, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
