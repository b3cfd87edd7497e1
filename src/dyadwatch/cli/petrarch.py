"""``dyadwatch petrarch-validate``: run a PETRARCH or TABARI validation suite."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dyadwatch.cli.main import cli
from dyadwatch.errors import DyadwatchError


@cli.command("petrarch-validate")
@click.argument("records", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--jsonl", "jsonl", default="-", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True, writable=True),
              help="Write one JSON line per record here ('-' for stdout).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              show_default=True,
              help="Cache folder for compiled dictionaries (default: $DYADWATCH_CACHE_DIR, "
                   "else $XDG_CACHE_HOME/dyadwatch or ~/.cache/dyadwatch).")
@click.option("--min-rate", type=click.FloatRange(0.0, 1.0), default=None, show_default=True,
              help="Exit 1 when the share of records passed is below this.")
def petrarch_validate(records: Path, jsonl: str, cache_dir: Path | None,
                      min_rate: float | None) -> None:
    """Run a PETRARCH XML or TABARI Validate.text suite with dyadwatch's own parse."""
    from dyadwatch.petrarch.cache import default_cache_dir
    from dyadwatch.petrarch.validate import RecordResult, format_table, run_suite, summarize

    with click.open_file(jsonl, "w", encoding="utf-8") as out:
        def write(result: RecordResult) -> None:
            if result.counted:
                out.write(json.dumps(result.to_record()) + "\n")

        try:
            results = run_suite(records, cache_dir=cache_dir or default_cache_dir(),
                                on_result=write)
        except DyadwatchError as e:
            raise click.ClickException(str(e)) from e
    rows = summarize(results)
    click.echo(format_table(rows), err=True)
    if min_rate is not None and rows[-1].rate < min_rate:
        raise click.ClickException(f"pass rate {rows[-1].rate:.1%} is below {min_rate:.1%}")
