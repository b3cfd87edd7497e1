"""`dyadwatch eval`: score the coder against gold data."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from dyadwatch.cli.main import cli
from dyadwatch.errors import DyadwatchError
from dyadwatch.model import Article, Event

FORMATS = ("conflibert", "plover", "golden", "events")
SENTENCE_CLASS_FORMATS = frozenset({"conflibert", "plover"})  # eval.SENTENCE_CLASS_SETTINGS


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Gold format; guessed from the file name when omitted. 'events': the "
                   "real-news gold set (a folder such as tests/eval/realnews, or one of its "
                   "annotation files).")
@click.option("--model", default="auto", show_default=True,
              help="spaCy pipeline package or model directory.")
@click.option("--dictionaries", multiple=True, metavar="KIND:PATH",
              help="Evaluate imported dictionaries, e.g. petrarch:PETR_config.ini.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON on stdout.")
@click.option("--split", type=click.Choice(("dev", "dev2", "dev3", "test")), default=None,
              help="events: score this half only (default: every half with annotations).")
@click.option("--agreement", is_flag=True,
              help="events: print the agreement of annotators a and b instead of scoring "
                   "the coder.")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="events: the shared data folder with the articles' corpora "
                   "[default: $DYADWATCH_SHARED_DATA, else ../shared/data].")
@click.option("--strict", is_flag=True,
              help="events: exit 1 when an annotation or an article had to be left out.")
def eval_command(gold: Path, fmt: str | None, model: str, dictionaries: tuple[str, ...],
                 as_json: bool, split: str | None, agreement: bool, data: Path | None,
                 strict: bool) -> None:
    """Precision, recall, F1, coverage and actor agreement against GOLD."""
    from dyadwatch import eval as scoring
    from dyadwatch.config import load_config
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.pipeline import build_coder, code_articles_in_memory

    fmt = fmt or guess_format(gold)
    if gold.is_dir() and fmt != "events":
        raise click.BadParameter(f"--format {fmt} reads a file; a folder is read with "
                                 "--format events only", param_hint="GOLD")
    if fmt == "events" and agreement:
        _print_events([_agreement_report(gold, split)], as_json)
        return
    plan = _events_plan(gold, split) if fmt == "events" else None
    settings = scoring.SENTENCE_CLASS_SETTINGS if fmt in SENTENCE_CLASS_FORMATS else ()
    try:
        nlp = load_pipeline(model)
        cfg = load_config(None, settings)
        coder = build_coder(cfg, dictionaries)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    if plan is not None:
        data = data or Path(os.environ.get("DYADWATCH_SHARED_DATA") or "../shared/data")
        reports = _events_reports(plan, data, nlp, coder, cfg.ingest.clean_furniture, strict)
        _print_events(reports, as_json)
        return

    def code(articles: Sequence[Article]) -> list[list[Event]]:
        return code_articles_in_memory(articles, nlp, coder)

    try:
        if fmt == "golden":
            result = scoring.score_golden(scoring.read_golden(gold), code)
            report = {"name": "golden", "cases": result.cases,
                      "must_code": f"{result.must_found}/{result.must_total}",
                      "must_not_code_violations": result.must_not_violated,
                      "failures": result.failures}
        else:
            if fmt == "conflibert":
                report = scoring.score(fmt, scoring.read_conflibert(gold), code,
                                       scoring.phoenix_class).as_dict()
            else:
                records = scoring.read_plover(gold)
                report = scoring.score("plover (root-level categories)", records, code,
                                       scoring.plover_root).as_dict()
                table = scoring.score("plover (2021 code-level table)", records, code,
                                      scoring.plover_type).as_dict()
                report["code_level_accuracy"] = table["accuracy"]
            report["settings"] = list(settings)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    click.echo(json.dumps(report, indent=1) if as_json else format_report(report))


def _events_plan(gold: Path, split: str | None) -> tuple[Path, dict[str, Path]]:
    """The gold folder and the annotation file of each half to score (a note on stderr
    for a half without one); ClickException when there is nothing to score."""
    from dyadwatch import eval_events

    try:
        folder, files = eval_events.gold_files(gold)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    halves = [split] if split else list(files)
    for half in halves:
        if half not in files:
            click.echo(f"{half}: no annotation file in {folder} yet; not scored", err=True)
    chosen = {h: files[h] for h in halves if h in files}
    if not chosen:
        raise click.ClickException(f"nothing to score in {gold}: no annotation file for "
                                   f"{split or 'any half'} (docs/annotation.md)")
    return folder, chosen


def _events_reports(plan: tuple[Path, dict[str, Path]], data: Path, nlp: Any, coder: Any,
                    clean_furniture: bool, strict: bool) -> list[dict[str, Any]]:
    """Score each planned half of the real-news gold set; warnings go to stderr."""
    from dyadwatch import eval_events

    folder, files = plan
    warnings: list[str] = []
    code_docs = eval_events.doc_coder(nlp, coder, warnings)
    reports = []
    for half, path in files.items():
        try:
            report, found = eval_events.score_half(folder, half, path, data, code_docs,
                                                   clean_furniture)
        except DyadwatchError as e:
            raise click.ClickException(str(e)) from e
        reports.append(report)
        warnings += found
    _warn(warnings, strict)
    return reports


def _agreement_report(gold: Path, split: str | None) -> dict[str, Any]:
    from dyadwatch import eval_events

    folder = gold if gold.is_dir() else gold.parent
    half = split or "test"
    result = eval_events.half_agreement(folder, half)
    if result is None:
        raise click.ClickException(f"{folder}: {half}.a.jsonl and {half}.b.jsonl are both "
                                   "needed for --agreement")
    return {"name": f"annotator agreement ({half})", "split": half, "agreement": result}


def _warn(warnings: Sequence[str], strict: bool) -> None:
    for warning in warnings:
        click.echo(warning, err=True)
    if warnings:
        click.echo(f"{len(warnings)} annotation(s) or article(s) left out", err=True)
    if strict and warnings:
        raise click.ClickException(f"{len(warnings)} problem(s) (--strict)")


def _print_events(reports: Sequence[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(list(reports), indent=1))
    else:
        click.echo("\n\n".join(format_events_report(r) for r in reports))


def format_events_report(report: dict[str, Any]) -> str:
    lines = []
    if "country" in report:
        lines += [f"{report['name']}: {report['articles']} articles, {report['sentences']} "
                  f"annotated sentences, gold {report['gold_file']}",
                  f"  gold events {report['country']['gold']} (directed), system events "
                  f"{report['country']['system']} (dyadic; {report['one_sided']} one-sided "
                  f"events not scored)"]
        lines += _level_lines(report)
        interval = report["country_interval"]
        lines.append("  95% intervals, country level (articles resampled): " + ", ".join(
            f"{name} {low:.2f}-{high:.2f}" for name, (low, high) in interval.items()))
        dates = report["dates"]
        lines.append(f"  date: exact day on {dates['date_accuracy']:.3f} of the "
                     f"{dates['dated']} matched events whose gold names a day "
                     f"({dates['date_accuracy_all']:.3f} of all {dates['matched']} matched, "
                     "a gold null right only against a null)")
        if report["resplit_sentences"]:
            lines.append(f"  note: {report['resplit_sentences']} annotated sentences are split "
                         "differently now (matched by overlap)")
    if report.get("agreement"):
        agree = report["agreement"]
        lines.append(f"  annotator agreement (a vs b, event-level F1): country "
                     f"{agree['country']['f1']:.3f}, with sectors {agree['sectors']['f1']:.3f} "
                     f"({agree['country']['gold']} and {agree['country']['system']} events)")
        if "country" not in report:
            lines.insert(0, report["name"])
    return "\n".join(lines)


def _level_lines(report: dict[str, Any]) -> list[str]:
    """The P/R/F1 table: country level, its rows per corpus, then with sectors."""
    rows = [("source country, target country, root", report["country"])]
    rows += [(f"  {corpus} articles", row) for corpus, row in report["by_corpus"].items()]
    rows.append(("source, target (with sectors), root", report["sectors"]))
    lines = [f"  {'key':<36}{'P':>7}{'R':>7}{'F1':>7}{'matched':>9}{'gold':>6}{'system':>8}"]
    for label, row in rows:
        lines.append(f"  {label:<36}{row['precision']:>7.3f}{row['recall']:>7.3f}"
                     f"{row['f1']:>7.3f}{row['matched']:>9}{row['gold']:>6}{row['system']:>8}")
    return lines


def guess_format(path: Path) -> str:
    if path.is_dir() or path.name.endswith(".jsonl") and path.name.startswith(("dev.", "test.")):
        return "events"
    name = path.name.lower()
    if "conflibert" in name:
        return "conflibert"
    if "plover" in name:
        return "plover"
    if name.endswith((".yaml", ".yml")):
        return "golden"
    raise click.BadParameter(f"cannot tell the format of {path.name}; pass --format "
                             f"({', '.join(FORMATS)})", param_hint="--format")


def format_report(report: dict[str, object]) -> str:
    if report["name"] == "golden":
        lines = [f"golden: {report['cases']} cases, must_code {report['must_code']}, "
                 f"must_not_code violations {report['must_not_code_violations']}"]
        lines += [f"  {line}" for line in report["failures"]]  # type: ignore[attr-defined]
        return "\n".join(lines)
    lines = [f"{report['name']}: n={report['n']}  coverage={report['coverage']:.3f}  "
             f"accuracy={report['accuracy']:.3f}  macro-F1={report['macro_f1']:.3f}"]
    if report.get("settings"):
        lines.append(f"  coded with {', '.join(report['settings'])} "  # type: ignore[arg-type]
                     "(every event kept, whoever its source: the sentence's class is scored)")
    if "code_level_accuracy" in report:
        lines.append(f"  accuracy with the 2021 code-level CAMEO→PLOVER table: "
                     f"{report['code_level_accuracy']:.3f}")
    if report["actor_spans"]:
        lines.append(f"  actor agreement on {report['actor_spans']} sentences with spans: "
                     f"source {report['source_agreement']:.3f}  target "
                     f"{report['target_agreement']:.3f}  both {report['both_agreement']:.3f}")
    lines.append(f"  {'label':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    per_label = report["per_label"]
    assert isinstance(per_label, dict)
    for label, row in per_label.items():
        lines.append(f"  {label:<12}{row['precision']:>7.3f}{row['recall']:>7.3f}"
                     f"{row['f1']:>7.3f}{row['support']:>6}")
    return "\n".join(lines)
