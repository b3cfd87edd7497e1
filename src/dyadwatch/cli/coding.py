"""`dyadwatch code` and `dyadwatch events`: thin wrappers over the pipeline and the store."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from dyadwatch.cli.common import (
    DB_HELP,
    actor_filter_options,
    coded_errors,
    db_option,
    existing_db,
    min_confidence,
    min_confidence_option,
    resolve_db,
)
from dyadwatch.cli.main import cli
from dyadwatch.cli.progress import count_records, progress_bar
from dyadwatch.errors import DyadwatchError, NoArticlesError, NothingCodedError
from dyadwatch.model import RECORD_FIELDS, RunSummary
from dyadwatch.ontology import QUAD_NAMES

if TYPE_CHECKING:
    from dyadwatch.config import Config  # pydantic: imported when a command runs


def resolve_config(config_path: Path | None, overrides: tuple[str, ...]) -> Config:
    from dyadwatch.config import load_config

    try:
        return load_config(config_path, overrides)
    except DyadwatchError as e:
        raise click.BadParameter(str(e), param_hint="--config/--set") from e


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@db_option(DB_HELP + " Created when missing.")
@click.option("--model", default=None,
              help="spaCy pipeline package or model directory (default: setting nlp.model).")
@click.option("--dictionaries", multiple=True, metavar="KIND:PATH",
              help="Dictionaries to code with: dyadwatch:DIR layers your YAML over the shipped "
                   "files; petrarch:PETR_config.ini codes with PETRARCH dictionaries.")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Worker processes, one spaCy pipeline each (0: one per CPU; "
                   "default: setting nlp.workers).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="local: this machine into --db; ray: a Ray cluster "
              "into a Parquet dataset at --out.")
@click.option("--address", default=None, metavar="ADDR",
              help="Ray cluster address (--engine ray; default: RAY_ADDRESS or a local Ray).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Parquet dataset folder, partitioned by event date "
              "(--engine ray; load it with `dyadwatch load`).")
@click.option("--strict", is_flag=True, help="Exit 1 when any input failed.")
@click.option("--recode", is_flag=True,
              help="Code again the articles already stored from the same text with the same "
                   "coder, dictionaries, model and settings (normally they are skipped).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), default=None, help="TOML file overriding the defaults.")
@click.option("--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE",
              help="Override one setting (repeatable).")
@click.pass_context
def code_command(ctx: click.Context, inputs: tuple[Path, ...], db_path: Path | None,
                 model: str | None, dictionaries: tuple[str, ...], workers: int | None,
                 engine: str, address: str | None, out_dir: Path | None, strict: bool,
                 recode: bool, config_path: Path | None, overrides: tuple[str, ...]) -> None:
    """Code news articles (files or directories) into the event database."""
    extra = ((f"nlp.model={model}",) if model else ()) + (
        (f"nlp.workers={workers}",) if workers is not None else ()) + (
        ("coding.recode=true",) if recode else ())
    cfg = resolve_config(config_path, overrides + extra)
    quiet = bool(ctx.obj and ctx.obj.get("quiet"))
    if engine == "ray":
        ray_summary = code_on_ray(list(inputs), out_dir, cfg, dictionaries, address, quiet)
        if strict and ray_summary.errors:
            raise click.ClickException(f"{len(ray_summary.errors)} input(s) failed (--strict)")
        return
    if out_dir is not None or address is not None:
        raise click.UsageError("--out and --address go with --engine ray")
    target = resolve_db(db_path, cfg.store.db)
    summary = code_locally(list(inputs), target, cfg, dictionaries, quiet)
    if not quiet:
        print_summary(summary, target)
    nothing = nothing_done(summary, inputs, target)
    if isinstance(nothing, NoArticlesError) and not strict:
        click.echo(f"Warning: {nothing}", err=True)
    elif nothing is not None:
        raise click.ClickException(str(nothing))
    if strict and summary.errors:
        raise click.ClickException(f"{len(summary.errors)} input(s) failed (--strict)")


def nothing_done(summary: RunSummary, inputs: tuple[Path, ...],
                 db_path: Path) -> DyadwatchError | None:
    """E105 when the inputs held no article, E104 when articles or records were read and
    none was coded (copies linked to articles already stored do not count as failures)."""
    if summary.articles_coded or summary.duplicates or summary.articles_unchanged:
        return None
    names = ", ".join(str(path) for path in inputs)
    if not summary.articles_read and not summary.failures:
        return NoArticlesError(inputs=names)
    counts = Counter(failure.code for failure in summary.errors)
    reasons = ", ".join(f"{n} x {code}" for code, n in counts.most_common(3))
    first = summary.errors[0].message if summary.errors else "every article was skipped"
    return NothingCodedError(inputs=names, read=summary.articles_read,
                             failed=len(summary.errors),
                             reasons=f"{reasons}; first: {first}" if reasons else first,
                             db=db_path)


def code_locally(inputs: list[Path], db_path: Path, cfg: Config,
                 dictionaries: tuple[str, ...], quiet: bool) -> RunSummary:
    """`dyadwatch code --engine local`: worker processes, this process writes ``db_path``."""
    from dyadwatch.engine import local
    from dyadwatch.store.db import open_db

    try:
        conn = open_db(db_path)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    try:
        with progress_bar(quiet, _total(inputs, quiet)) as advance:
            return local.code_paths(inputs, conn, cfg, dictionaries, advance)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    finally:
        conn.close()


def code_on_ray(inputs: list[Path], out_dir: Path | None, cfg: Config,
                dictionaries: tuple[str, ...], address: str | None,
                quiet: bool) -> RunSummary:
    """`dyadwatch code --engine ray`: a Parquet dataset partitioned by event date, and its
    run record (counts and failures) in the dataset's ``_run`` folder."""
    from dyadwatch.engine import ray_data

    if out_dir is None:
        raise click.UsageError("--engine ray writes a Parquet dataset: give --out DIR")
    if out_dir.exists() and any(out_dir.rglob("*.parquet")):
        raise click.ClickException(f"{out_dir} already holds Parquet files; give an empty or "
                                   "new folder (re-coding adds no event twice on `load`)")
    try:
        written = ray_data.code_paths(inputs, out_dir, cfg, dictionaries, address)
    except (DyadwatchError, ImportError) as e:
        raise click.ClickException(str(e)) from e
    if not quiet:
        print_summary(written.summary, out_dir)
        click.echo(f"Read {written.files} input file(s); events in {out_dir} (Parquet, "
                   f"partitioned by date), failures in {out_dir}/_run/failures.jsonl; query "
                   f"it with DuckDB's read_parquet('{out_dir}/**/*.parquet', "
                   f"hive_partitioning = 1) or `dyadwatch load {out_dir}`", err=True)
    return written.summary


@cli.command("load")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option(DB_HELP + " Created when missing.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), default=None, help="TOML file overriding the defaults.")
@click.option("--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE",
              help="Override one setting (repeatable).")
@click.pass_context
def load_command(ctx: click.Context, dataset: Path, db_path: Path | None,
                 config_path: Path | None, overrides: tuple[str, ...]) -> None:
    """Load a Parquet event dataset (from `code --engine ray`) into the database."""
    from dyadwatch.engine.dataset import load_dataset
    from dyadwatch.store.db import open_db

    cfg = resolve_config(config_path, overrides)
    target = resolve_db(db_path, cfg.store.db)
    try:
        conn = open_db(target)
        try:
            loaded = load_dataset(conn, dataset, cfg)
        finally:
            conn.close()
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    if not (ctx.obj and ctx.obj.get("quiet")):
        click.echo(f"Loaded {loaded.events} events from {dataset} into {target} "
                   f"({loaded.new} new)", err=True)
        if loaded.failures:
            click.echo(f"Recorded the coding run's {loaded.failures} failure(s); list them "
                       f"with `dyadwatch errors --db {target}`", err=True)
        if loaded.status not in (None, "finished"):
            click.echo(f"The coding run's status is {loaded.status!r}: the dataset may be "
                       "incomplete", err=True)


def _total(inputs: list[Path], quiet: bool) -> int | None:
    """Records the run will read, counted first when a bar is shown and counting is cheap."""

    from dyadwatch.ingest.readers import iter_input_files

    if quiet or not sys.stderr.isatty():
        return None
    return count_records(iter_input_files(inputs))


def print_summary(summary: RunSummary, db_path: Path) -> None:
    """The end-of-run summary, on stderr (stdout carries data only)."""
    def echo(text: str = "") -> None:
        click.echo(text, err=True)

    echo(f"Coded {summary.articles_coded} of {summary.articles_read} articles "
         f"({summary.sentences} sentences) into {db_path}")
    echo(f"Events: {summary.events} ({summary.events_new} new)")
    for quad in sorted(QUAD_NAMES):
        echo(f"  {quad} {QUAD_NAMES[quad]:<22}{summary.by_quad.get(quad, 0):>6}")
    if summary.top_dyads:
        echo("Top dyads:")
        for source, target, count in summary.top_dyads[:5]:
            echo(f"  {source:<10} -> {target:<10}{count:>5}")
    if summary.articles_unchanged:
        echo(f"Unchanged: {summary.articles_unchanged} (already coded from the same text with "
             "the same coder, dictionaries, model and settings; --recode codes them again)")
    if summary.off_topic:
        kinds = ", ".join(f"{name} {n}" for name, n in sorted(summary.off_topic.items()))
        echo(f"Not political news: {sum(summary.off_topic.values())} ({kinds}; only events "
             "of state organs and international bodies kept; coding.screen_off_topic)")
    if summary.duplicates:
        echo(f"Duplicates: {summary.duplicates} (copies of articles already read, linked to "
             "the first copy and not coded again; `dyadwatch errors --code E210` lists them)")
    errors = summary.errors
    if errors:
        echo(f"Failures: {len(errors)}")
        for failure in errors[:20]:
            # coded messages already name their input
            shown = failure.message if failure.input in failure.message else (
                f"{failure.input}: {failure.message}")
            echo(f"  {failure.code} {shown}")
        if len(errors) > 20:
            echo(f"  … and {len(errors) - 20} more (dyadwatch errors lists them all)")


@cli.command("events")
@db_option()
@actor_filter_options
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="First event date.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Last event date.")
@click.option("--article", "article_id", default=None, metavar="ID",
              help="Only the events of this article id.")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help="At most N events (in date order, undated last).")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "csv", "gdelt", "plover", "phoenix", "parquet"]),
              help="Output format: the event record as JSON Lines or CSV, or an export format "
                   "(same as `dyadwatch export`).")
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file (- for stdout; parquet needs a path).")
@click.option("--merged", is_flag=True,
              help="One JSON record per (source, target, code, date) with GDELT-style counts "
                   "of mentions, articles and sources and every evidence sentence.")
@min_confidence_option
@click.pass_context
def events_command(ctx: click.Context, db_path: Path | None, source: str | None,
                   target: str | None, since: str | None, until: str | None,
                   article_id: str | None, limit: int | None, fmt: str, output: str,
                   merged: bool) -> None:
    """Print coded events as JSON Lines (the event record contract), CSV, or an export format."""
    from dyadwatch.event_reader import EventReader
    from dyadwatch.store.queries import event_query

    if merged and fmt != "jsonl":
        raise click.UsageError("--merged writes JSON Lines; use --format jsonl")
    if fmt not in {"jsonl", "csv"}:
        from dyadwatch.cli.analysis import export_command

        ctx.invoke(export_command, fmt=fmt, output=output, db_path=db_path, since=since,
                   until=until, source=source, target=target, article_id=article_id,
                   limit=limit)
        return
    with coded_errors():  # a malformed pattern or date is a usage error, database or not
        query = event_query(source, target, since, until, article_id=article_id, limit=limit)
    with coded_errors(), EventReader(existing_db(db_path), min_confidence()) as db:
        events = db.iter_events(db.checked(query))
        records = merged_records(db.conn, events) if merged else (e.to_record() for e in events)
        with click.open_file(output, "w", encoding="utf-8") as out:
            write_records(records, fmt, out)


def merged_records(conn: Any, events: Iterator[Any]) -> Iterator[dict[str, Any]]:
    """Events that several articles report, merged as GDELT counts them."""
    from dyadwatch.coding.merge import merge_events
    from dyadwatch.store.queries import article_urls

    found = list(events)
    publishers = {a: p for a, (_, p) in article_urls(conn, [e.article_id for e in found]).items()}
    for item in merge_events(found, publishers):
        record = item.event.to_record()
        record.update(num_mentions=item.num_mentions, num_articles=item.num_articles,
                      num_sources=item.num_sources, event_ids=list(item.event_ids),
                      article_ids=list(item.article_ids), sources=list(item.sources),
                      sentences=list(item.sentences))
        yield record


def write_records(records: Iterator[dict[str, Any]], fmt: str, output: IO[str]) -> None:
    if fmt == "jsonl":
        for record in records:
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(output, fieldnames=list(RECORD_FIELDS))
    writer.writeheader()
    for record in records:
        if record.get("location") is not None:
            record["location"] = json.dumps(record["location"], ensure_ascii=False)
        writer.writerow(record)
