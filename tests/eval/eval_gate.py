"""The evaluation gate: score the coder on the gold sets and compare with the floors.

    python tests/eval/eval_gate.py            # print scores; exit 1 on a regression
    python tests/eval/eval_gate.py --update   # raise floors to the current scores

A floor is never lowered by --update unless --allow-regression is given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"
GOLDEN = HERE.parent / "golden" / "constructions.yaml"
REALNEWS = HERE / "realnews"
LOWER_IS_BETTER = {"must_not_code_violations"}


def shared_data() -> Path:
    override = os.environ.get("DYADWATCH_SHARED_DATA")
    return Path(override) if override else HERE.parents[2] / "shared" / "data"


def measure() -> dict[str, dict[str, float]]:
    """Scores of the default coder on every gold set that is present."""
    from dyadwatch import eval as scoring
    from dyadwatch.config import load_config
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.pipeline import build_coder, code_articles_in_memory

    nlp = load_pipeline("auto")
    coder = build_coder(load_config(environ={}))
    every_event = build_coder(load_config(None, scoring.SENTENCE_CLASS_SETTINGS, environ={}))

    def code(articles: Any) -> Any:
        return code_articles_in_memory(articles, nlp, coder)

    def code_classes(articles: Any) -> Any:  # sentence classes: every event, whoever did it
        return code_articles_in_memory(articles, nlp, every_event)

    data = shared_data()
    scores: dict[str, dict[str, float]] = {}
    conflibert = data / "gold" / "conflibert" / "conflibert_cameo_test.jsonl"
    if conflibert.exists():
        report = scoring.score("conflibert", scoring.read_conflibert(conflibert), code_classes,
                               scoring.phoenix_class).as_dict()
        scores["conflibert"] = {k: report[k] for k in ("macro_f1", "coverage",
                                                       "source_agreement", "target_agreement")}
    plover = data / "ontology" / "plover" / "PLOVER_GSR_CAMEO.json"
    if plover.exists():
        records = scoring.read_plover(plover)
        report = scoring.score("plover", records, code_classes, scoring.plover_root).as_dict()
        code_level = scoring.score("plover", records, code_classes,
                                   scoring.plover_type).as_dict()
        scores["plover"] = {"accuracy": report["accuracy"], "coverage": report["coverage"],
                            "code_level_accuracy": code_level["accuracy"]}
    golden = scoring.score_golden(scoring.read_golden(GOLDEN), code)
    scores["golden"] = {"must_code_rate": golden.must_found / max(golden.must_total, 1),
                        "must_not_code_violations": golden.must_not_violated}
    if (data / "news").is_dir():
        scores.update(measure_realnews(data, nlp, coder))
    return scores


def measure_realnews(data: Path, nlp: Any, coder: Any) -> dict[str, dict[str, float]]:
    """Event-record scores on each half of the real-news gold set that has annotations
    (docs/annotation.md; realnews_dev, realnews_dev2, realnews_dev3, realnews_test): P/R/F1
    at (source country, target country, root), F1 with sectors, exact-day date accuracy over
    matched events."""
    from dyadwatch import eval_events

    folder, files = eval_events.gold_files(REALNEWS)
    scores: dict[str, dict[str, float]] = {}
    for half, path in files.items():
        code_docs = eval_events.doc_coder(nlp, coder, [])
        report, _ = eval_events.score_half(folder, half, path, data, code_docs)
        country = report["country"]
        scores[f"realnews_{half}"] = {
            "precision": country["precision"], "recall": country["recall"],
            "f1": country["f1"], "sectors_f1": report["sectors"]["f1"],
            "date_accuracy": report["dates"]["date_accuracy"]}
    return scores


def regressions(scores: dict[str, dict[str, float]], baseline: dict[str, Any]) -> list[str]:
    """Scores more than epsilon below their floor, or below a required minimum at all
    (the figures the coder must reach, e.g. PLOVER accuracy 0.75)."""
    epsilon = float(baseline["epsilon"])
    required = baseline.get("required", {})
    found = []
    for name, metrics in scores.items():
        for metric, value in metrics.items():
            floor = baseline.get(name, {}).get(metric)
            if floor is not None and (value > floor + epsilon if metric in LOWER_IS_BETTER
                                      else value < floor - epsilon):
                found.append(f"{name}.{metric}: {value:.4f} (floor {floor})")
            minimum = required.get(name, {}).get(metric)
            if minimum is not None and value < minimum:
                found.append(f"{name}.{metric}: {value:.4f} (required {minimum})")
    return found


def updated(scores: dict[str, dict[str, float]], baseline: dict[str, Any],
            allow_regression: bool) -> dict[str, Any]:
    new: dict[str, Any] = json.loads(json.dumps(baseline))
    for name, metrics in scores.items():
        for metric, value in metrics.items():
            old = new.setdefault(name, {}).get(metric)
            better = old is None or allow_regression or (
                value < old if metric in LOWER_IS_BETTER else value > old)
            if better:
                new[name][metric] = round(value, 4)
    return new


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--allow-regression", action="store_true")
    args = parser.parse_args()
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    scores = measure()
    print(json.dumps(scores, indent=1))
    if args.update:
        BASELINE.write_text(json.dumps(updated(scores, baseline, args.allow_regression),
                                       indent=2) + "\n", encoding="utf-8")
        return 0
    problems = regressions(scores, baseline)
    for problem in problems:
        print(f"regression: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
