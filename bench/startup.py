"""Start-up as a user sees it: CPU seconds (user + sys) of short commands, whole processes.

    .venv/bin/python bench/startup.py [--rounds 5]

Runs, interleaved for ``--rounds`` rounds: spaCy's own model load (``import spacy;
spacy.load(MODEL)``), ``dyadwatch --help``, ``dyadwatch -q code ONE --db NEW`` on one short
article, and the query commands ``runs``, ``events``, ``dyads``, ``timeline`` and ``series``
on the database of ``examples/``. Prints each command's median CPU and wall seconds, and what
``code`` costs over the model load. CPU seconds are the figure to read on a shared
machine: the wall clock measures the neighbours too. The resource cache is warmed first
(one ``code`` run), as it is for every run after the first.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ARTICLE = ("date 2024-03-01\nThe French president met Iran's foreign minister in Paris on "
           "Tuesday and urged Tehran to return to talks.\n")


def cpu_and_wall(argv: list[str]) -> tuple[float, float]:
    """CPU seconds (user + sys of the child) and wall seconds of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=REPO)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def commands(work: Path) -> dict[str, list[str]]:
    """The commands to time, by label."""
    dw = str(BIN / "dyadwatch")
    db = str(work / "examples.duckdb")
    model = ("import spacy; from dyadwatch.nlp import resolve_model_name; "
             "spacy.load(resolve_model_name('auto'))")
    return {
        "spacy.load (spaCy's own model load)": [sys.executable, "-c", model],
        "dyadwatch --help": [dw, "--help"],
        "dyadwatch -q code ONE --db NEW": [dw, "-q", "code", str(work / "one.txt"), "--db",
                                           str(work / "one.duckdb"), "--workers", "1"],
        "dyadwatch runs": [dw, "runs", "--db", db],
        "dyadwatch events": [dw, "events", "--db", db],
        "dyadwatch dyads": [dw, "dyads", "--db", db],
        "dyadwatch timeline USA IRN": [dw, "timeline", "USA", "IRN", "--db", db],
        "dyadwatch series USA IRN": [dw, "series", "USA", "IRN", "--db", db],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "one.txt").write_text(ARTICLE, encoding="utf-8")
        subprocess.run([str(BIN / "dyadwatch"), "-q", "code", "examples/", "--db",
                        str(work / "examples.duckdb"), "--workers", "1"], check=True, cwd=REPO)
        found: dict[str, list[tuple[float, float]]] = {}
        for _ in range(args.rounds):
            for label, argv in commands(work).items():
                (work / "one.duckdb").unlink(missing_ok=True)
                found.setdefault(label, []).append(cpu_and_wall(argv))
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.1f}, "
          f"median of {args.rounds} rounds")
    print(f"{'command':40s} {'CPU s':>7s} {'wall s':>7s}")
    medians = {label: (statistics.median(c for c, _ in runs), statistics.median(w for _, w in runs))
               for label, runs in found.items()}
    for label, (cpu, wall) in medians.items():
        print(f"{label:40s} {cpu:7.2f} {wall:7.2f}")
    over = medians["dyadwatch -q code ONE --db NEW"][0] - medians[
        "spacy.load (spaCy's own model load)"][0]
    print(f"code over spaCy's model load: {over:.2f} s of CPU")


if __name__ == "__main__":
    main()
