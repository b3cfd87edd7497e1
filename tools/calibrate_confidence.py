"""Calibrate the event confidence table on the DEV half of the real-news gold set.

    python tools/calibrate_confidence.py            # per-feature precision, reliability
    python tools/calibrate_confidence.py --write    # and write data/coding/confidence.yaml
    python tools/calibrate_confidence.py --split test   # reliability on test: report only

Every coder event whose sentence lies in an annotated region is judged: a dyadic event is
right when it matches a gold event at (source country, target country, root) (the
one-to-one matching of ``dyadwatch.eval_events``); an event with a known source and no
known target is right when a gold event of the same sentence has its source country and
root; any other event (a sector-only source) is wrong. The features of each event (rule
family, how each side was resolved, mood: ``dyadwatch.coding.confidence``) are recorded
while it is assembled.

The table: ``rule[family]`` is the family's precision; each other feature's factor is its
precision over the overall precision. Each precision is smoothed toward the overall one
with ``--prior`` pseudo-events, so a feature seen a few times keeps a factor near 1.
The reliability table bins the resulting confidences and gives the observed precision.
The test half is read only with ``--split test``, never written from (``--write`` refuses).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import dyadwatch.coding.events as coder_events  # noqa: E402
from dyadwatch.coding import confidence as conf  # noqa: E402
from dyadwatch.config import load_config  # noqa: E402
from dyadwatch.eval_events import (  # noqa: E402
    COUNTRY,
    event_span,
    gold_files,
    gold_located,
    in_region,
    load_half,
    match,
    overlaps,
    system_located,
)
from dyadwatch.goldset import (  # noqa: E402
    country_key,
    doc_sentence_spans,
    read_annotations,
    read_sentence_index,
)
from dyadwatch.kb import confidence as kb_conf  # noqa: E402
from dyadwatch.nlp import load_pipeline  # noqa: E402
from dyadwatch.pipeline import build_coder  # noqa: E402

FOLDER = REPO / "tests" / "eval" / "realnews"
DATA = REPO.parent / "shared" / "data"
TABLE = REPO / "src" / "dyadwatch" / "data" / "coding" / "confidence.yaml"
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
Features = tuple[str, str, str, str]
Judged = list[tuple[Features, bool]]


def record_features(seen: dict[str, Features]) -> None:
    """Wrap the coder's assemble_event so each event's features are kept by event id."""
    original = getattr(coder_events, "assemble_event")  # noqa: B009

    def assemble(**kw: Any) -> Any:
        event = original(**kw)
        target = kw["target"] or conf_party_none()
        seen[event.event_id] = conf.features(
            kw["rule"], (kw["source"].code, kw["source"].country, kw["source"].how,
                         kw["source"].text),
            (target.code, target.country, target.how, target.text),
            kw.get("modality", "asserted"), kw.get("negated", False), kw["confidence_table"])
        return event

    setattr(coder_events, "assemble_event", assemble)  # noqa: B010


def conf_party_none() -> Any:
    from dyadwatch.coding.assembly import Party

    return Party(None)


def judge_half(split: str) -> Judged:
    """(features, right) of every coder event in the half's annotated sentences."""
    seen: dict[str, Features] = {}
    record_features(seen)
    index = read_sentence_index(FOLDER / "sentences.json")
    golds, warnings = load_half(FOLDER, split, DATA)
    events, _ = read_annotations(gold_files(FOLDER)[1][split])
    gold_events = gold_located(events)
    config = load_config(environ={})
    nlp = load_pipeline(config.nlp.model)
    coder = build_coder(config)
    judged: Judged = []
    for gold, doc in zip(golds, nlp.pipe(g.article.text for g in golds), strict=True):
        article_id = gold.entry.article_id
        spans = doc_sentence_spans(gold.raw, doc)
        mine = [g for g in gold_events if g.article_id == article_id]
        dyadic: list[tuple[Any, Any, Any]] = []
        one_sided: list[tuple[Any, Any, Any]] = []
        for event in coder.code_doc(doc, gold.article):
            span = event_span(event, doc, spans)
            if span is None or not in_region(article_id, span, index):
                continue
            located = system_located(gold, doc, [event])[0]
            (dyadic if located else one_sided).append((event, span, located))
        right = {s for _, s in match(mine, [loc[0] for _, _, loc in dyadic], COUNTRY)}
        for k, (event, _, _) in enumerate(dyadic):
            judged.append((seen[event.event_id], k in right))
        for event, span, _ in one_sided:
            source = country_key(event.source, event.source_country)
            ok = source is not None and any(
                overlaps(g.span, span) and g.source_country == source
                and event.cameo_root in g.roots for g in mine)
            judged.append((seen[event.event_id], ok))
    for warning in warnings:
        print(warning, file=sys.stderr)
    return judged


def smoothed(hits: int, n: int, overall: float, prior: float) -> float:
    return (hits + prior * overall) / (n + prior)


def feature_table(judged: Judged, prior: float) -> tuple[dict[str, Any], list[str]]:
    """The confidence table and a per-feature precision report."""
    overall = sum(ok for _, ok in judged) / len(judged)
    table: dict[str, Any] = {"rule": {}, "source": {}, "target": {}, "mood": {}}
    lines = [f"overall: {sum(ok for _, ok in judged)}/{len(judged)} right = {overall:.3f}"]
    kinds = {"rule": kb_conf.RULE_FAMILIES, "source": kb_conf.SIDE_KINDS,
             "target": kb_conf.SIDE_KINDS, "mood": kb_conf.MOODS}
    for position, name in enumerate(("rule", "source", "target", "mood")):
        n, hits = Counter[str](), Counter[str]()
        for features, ok in judged:
            n[features[position]] += 1
            hits[features[position]] += ok
        for value in kinds[name]:
            p = smoothed(hits[value], n[value], overall, prior)
            table[name][value] = round(p if name == "rule" else p / overall, 3)
            lines.append(f"{name:7s} {value:13s} {hits[value]:4d}/{n[value]:<4d} "
                         f"smoothed precision {p:.3f} -> {table[name][value]}")
    table["default"] = round(overall, 3)
    return table, lines


def reliability(judged: Judged, table: kb_conf.ConfidenceTable) -> list[str]:
    """Confidence bins → events, right, observed precision, mean confidence."""
    rows = ["| confidence | events | right | precision | mean confidence |",
            "|---|---|---|---|---|"]
    scored = [(conf.score(table, *features), ok) for features, ok in judged]
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [(c, ok) for c, ok in scored if low <= c < high]
        if not inside:
            rows.append(f"| {low:.1f}–{min(high, 1.0):.1f} | 0 | 0 | – | – |")
            continue
        right = sum(ok for _, ok in inside)
        mean = sum(c for c, _ in inside) / len(inside)
        rows.append(f"| {low:.1f}–{min(high, 1.0):.1f} | {len(inside)} | {right} | "
                    f"{right / len(inside):.3f} | {mean:.3f} |")
    return rows


def write_table(values: dict[str, Any], judged: Judged, prior: float) -> None:
    document = {
        "version": "dev-calibrated",
        "calibrated_on": f"real-news gold set, dev half: {len(judged)} coder events in the "
                         f"annotated sentences, prior {prior:g} (tools/calibrate_confidence.py)",
        "default": values["default"], "rule": values["rule"], "source": values["source"],
        "target": values["target"], "mood": values["mood"],
        "pronouns": list(kb_conf.shipped_confidence_table().pronouns),
    }
    header = ("# Feature -> score table of an event's `confidence` (docs/events.md,\n"
              "# coding/confidence.py). Written by tools/calibrate_confidence.py --write from\n"
              "# the DEV half of the real-news gold set; do not tune it by hand.\n")
    TABLE.write_text(header + yaml.safe_dump(document, sort_keys=False, width=100),
                     encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--write", action="store_true", help="write the table (dev only)")
    parser.add_argument("--prior", type=float, default=5.0,
                        help="pseudo-events pulling a feature's precision to the overall one")
    args = parser.parse_args(argv)
    if args.write and args.split != "dev":
        parser.error("the table is calibrated on the dev half only")
    if not DATA.is_dir():
        print(f"skipped: {DATA} (the shared corpora) is absent", file=sys.stderr)
        return 0
    judged = judge_half(args.split)
    if not judged:
        print("no coder events in the annotated sentences", file=sys.stderr)
        return 1
    if args.split == "dev":
        values, lines = feature_table(judged, args.prior)
        print("\n".join(lines))
        table = kb_conf.parse_confidence_table(
            {"version": "candidate", **values,
             "pronouns": kb_conf.shipped_confidence_table().pronouns}, "candidate")
        if args.write:
            write_table(values, judged, args.prior)
            print(f"wrote {TABLE.relative_to(REPO)}")
    else:
        table = kb_conf.shipped_confidence_table()
    print(f"\nreliability on {args.split} ({len(judged)} events):")
    print("\n".join(reliability(judged, table)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
