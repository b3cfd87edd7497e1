"""Regenerate the generated parts of docs/cli.md and docs/configuration.md.

    python tools/gen_docs.py          # rewrite the files
    python tools/gen_docs.py --check  # exit 1 if they are out of date (used by the tests)

docs/cli.md embeds `dyadwatch COMMAND --help` for every command; docs/configuration.md
lists every setting of defaults.toml with its default and comment.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "cli.md"
CONFIG_DOC = ROOT / "docs" / "configuration.md"

CLI_INTRO = """# Command-line reference

Generated from `--help` by `python tools/gen_docs.py`; the tests fail when it is out of date.

Exit codes: 0 success; 1 a runtime error, or a failed input under `--strict`, or an
evaluation regression; 2 a usage error (bad option, missing input path).
stdout carries data only (JSON Lines, CSV, tables); logs, progress and summaries go to
stderr.
"""

CONFIG_INTRO = """# Configuration

Settings resolve in this order, each overriding the one before:

1. the shipped defaults (`src/dyadwatch/defaults.toml`, listed below);
2. a user file passed with `--config FILE.toml` (only the keys it sets);
3. environment variables `DYADWATCH_<SECTION>__<KEY>` (for example
   `DYADWATCH_NLP__BATCH_SIZE=64`);
4. `--set section.key=value` on the command line (repeatable).

The resolved settings and the versions of dyadwatch, spaCy, the model and the
dictionary are stored with every run (`dyadwatch runs`). An unknown setting is refused
with `E102` and the list of known ones; a value of the wrong type with `E101`.

Generated from `defaults.toml` by `python tools/gen_docs.py`.
"""


def cli_doc() -> str:
    from dyadwatch.cli import cli

    runner = CliRunner()
    parts = [CLI_INTRO, "## dyadwatch\n", "```text", _help(runner, []), "```\n"]
    for name in sorted(cli.commands):
        command = cli.commands[name]
        parts += [f"## dyadwatch {name}\n", "```text", _help(runner, [name]), "```\n"]
        if isinstance(command, click.Group):
            for sub in sorted(command.commands):
                parts += [f"### dyadwatch {name} {sub}\n", "```text",
                          _help(runner, [name, sub]), "```\n"]
    return "\n".join(parts)


def _help(runner: CliRunner, args: list[str]) -> str:
    from dyadwatch.cli import cli

    result = runner.invoke(cli, [*args, "--help"], terminal_width=100)
    return result.output.rstrip()


def config_doc() -> str:
    text = resources.files("dyadwatch").joinpath("defaults.toml").read_text(encoding="utf-8")
    lines = [CONFIG_INTRO, "| setting | default | meaning |", "|---|---|---|"]
    section, comment = "", []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section, comment = line[1:-1], []
        elif line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        elif "=" in line and section:
            key, value = (part.strip() for part in line.split("=", 1))
            meaning = " ".join(comment).replace("|", "\\|")
            lines.append(f"| `{section}.{key}` | `{value}` | {meaning} |")
            comment = []
        elif not line:
            comment = []
    return "\n".join(lines) + "\n"


def main() -> int:
    wanted = {CLI_DOC: cli_doc(), CONFIG_DOC: config_doc()}
    if "--check" in sys.argv:
        stale = [str(p) for p, text in wanted.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"out of date: {path} (run python tools/gen_docs.py)", file=sys.stderr)
        return 1 if stale else 0
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
