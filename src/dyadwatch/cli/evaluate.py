"""`dyadwatch eval`: score the coder against gold data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from dyadwatch.cli.main import cli
from dyadwatch.errors import DyadwatchError
from dyadwatch.model import Article, Event

FORMATS = ("conflibert", "plover", "golden")


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Gold format; guessed from the file name when omitted.")
@click.option("--model", default="auto", show_default=True,
              help="spaCy pipeline package or model directory.")
@click.option("--dictionaries", multiple=True, metavar="KIND:PATH",
              help="Evaluate imported dictionaries, e.g. petrarch:PETR_config.ini.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON on stdout.")
def eval_command(gold: Path, fmt: str | None, model: str, dictionaries: tuple[str, ...],
                 as_json: bool) -> None:
    """Precision, recall, F1, coverage and actor agreement against GOLD."""
    from dyadwatch import eval as scoring
    from dyadwatch.config import load_config
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.pipeline import build_coder, code_articles_in_memory

    fmt = fmt or guess_format(gold)
    try:
        nlp = load_pipeline(model)
        coder = build_coder(load_config(), dictionaries)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e

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
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    click.echo(json.dumps(report, indent=1) if as_json else format_report(report))


def guess_format(path: Path) -> str:
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
