"""`dyadwatch dictionaries check DIR`: check a folder of dyadwatch dictionary YAML."""

from __future__ import annotations

from pathlib import Path

import click

from dyadwatch.cli.main import cli
from dyadwatch.errors import DyadwatchError


@cli.group("dictionaries")
def dictionaries_group() -> None:
    """Check your own dyadwatch dictionaries (used with --dictionaries dyadwatch:DIR)."""


@dictionaries_group.command("check")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def check_command(folder: Path) -> None:
    """Check every file of FOLDER against its schema and layer it over the shipped files.

    Prints what the folder changes and the dictionary_version events coded with it get;
    exits 1 with a coded error naming the file, entry and field of the first problem.
    """
    from dyadwatch.kb.knowledge import check_folder

    try:
        report = check_folder(folder)
    except DyadwatchError as e:
        raise click.ClickException(str(e)) from e
    for relative, count in sorted(report.entries.items()):
        removed = report.removed.get(relative, 0)
        click.echo(f"{relative}: {count} entries" + (f", {removed} removed" if removed else ""))
    if not report.entries:
        click.echo("no dictionary files found (expected verbs.yaml, actors/*.yaml, coding/*.yaml)")
    click.echo(f"dictionary_version {report.dictionary_version}")
