"""Throughput as a user sees it: whole processes, start-up included (`make bench`).

    .venv/bin/python bench/run.py                 # BBC 300 and 2,000, the Guardian corpus
    .venv/bin/python bench/run.py --quick         # BBC 60, to try it out
    .venv/bin/python bench/run.py --corpus bbc:300 --rounds 5 --configs spacy code-1

For each corpus sample (the first N records with a text of a file in the shared data
folder: DYADWATCH_SHARED_DATA or <repo>/../shared/data) every configuration runs as its own
process, timed by the wall clock from start to exit:

- ``spacy``: ``bench/spacy_pipe.py``, spaCy's full ``nlp.pipe`` (its own pipeline, all
  components) over the same texts: import spaCy, load the model, parse, exit;
- ``code-1`` / ``code-2``: ``dyadwatch -q code SAMPLE --db NEW --workers 1|2``: read,
  clean, check language and copies, parse, code, write to DuckDB, exit;
- ``ray-2`` (only when asked for): ``dyadwatch -q code SAMPLE --engine ray --workers 2``.

Modules are timed compiled, as an installed wheel runs them (``make bench`` compiles the
tree first), after one untimed warm-up run of each configuration on five articles (page
cache and resource cache warm). Rounds are interleaved (round 1 runs every configuration,
then round 2, ...), so that a change in the machine's load touches every configuration
alike, and the median of the rounds is reported with every round's time and the CPU seconds
(user + sys of the process and of the workers it waited for: on a machine shared with other
work the wall clock measures the neighbours too, CPU seconds much less). Printed: the ratio
of dyadwatch's end-to-end throughput to spaCy's (``spacy s / code-1 s``, by wall clock and
by CPU) and of two workers to one (``code-1 s / code-2 s``), with the date and the load
average before and after.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FILES = {"bbc": "bbc_fulltext_2004_2005.jsonl.gz", "reuters": "reuters21578.jsonl.gz",
         "guardian": "guardian_syria_sdf_2017_2019.jsonl",
         "giveme5w1h": "giveme5w1h_news_2016_2018.jsonl"}
FULL = ("bbc:300", "bbc:2000", "guardian")
QUICK = ("bbc:60",)
CONFIGS = ("spacy", "code-1", "code-2", "ray-2")


@dataclass
class Timing:
    config: str
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + sys of the process and its workers

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def shared_data_dir() -> Path:
    override = os.environ.get("DYADWATCH_SHARED_DATA")
    return Path(override) if override else REPO.parent / "shared" / "data"


def write_sample(spec: str, out: Path) -> tuple[int, int]:
    """The first N records with a text of corpus ``name[:N]`` as JSONL; (records, words)."""
    name, _, count = spec.partition(":")
    path = shared_data_dir() / "news" / FILES[name]
    if not path.exists():
        raise SystemExit(f"{path} is absent: set DYADWATCH_SHARED_DATA to the shared data "
                         "folder (bench reads third-party data from there, never copies it)")
    limit = int(count) if count else None
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    kept = words = 0
    with opener(path, "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as sink:
        for line in fh:
            text = (json.loads(line).get("text") or "").strip()
            if text:
                sink.write(line)
                kept, words = kept + 1, words + len(text.split())
                if kept == limit:
                    break
    return kept, words


def command(config: str, sample: Path, tmp: Path) -> list[str]:
    """The command line of one configuration."""
    if config == "spacy":
        return [sys.executable, str(REPO / "bench" / "spacy_pipe.py"), str(sample)]
    out = Path(tempfile.mkdtemp(dir=tmp))
    base = [str(BIN / "dyadwatch"), "-q", "code", str(sample)]
    if config == "ray-2":
        return [*base, "--engine", "ray", "--workers", "2", "--out", str(out / "dataset")]
    return [*base, "--db", str(out / "bench.duckdb"), "--workers", config.removeprefix("code-")]


def run_once(config: str, sample: Path, tmp: Path) -> tuple[float, float]:
    """Wall seconds from start to exit of one configuration's process, and the CPU seconds
    (user + sys) of that process and the worker processes it waited for."""
    argv = command(config, sample, tmp)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"{config} failed (exit {done.returncode}): {' '.join(argv)}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def bench_corpus(spec: str, configs: list[str], rounds: int, tmp: Path) -> None:
    sample = tmp / f"{spec.replace(':', '-')}.jsonl"
    records, words = write_sample(spec, sample)
    timings = {config: Timing(config) for config in configs}
    warm_up(sample, configs, tmp)
    load_before = os.getloadavg()[0]
    for _ in range(rounds):
        for config in configs:
            seconds, cpu = run_once(config, sample, tmp)
            timings[config].seconds.append(seconds)
            timings[config].cpu.append(cpu)
    show(spec, records, words, list(timings.values()), load_before)


def warm_up(sample: Path, configs: list[str], tmp: Path) -> None:
    """Each configuration once, untimed, on the sample's first five articles: the files
    every process reads are in the page cache and dyadwatch's resource cache is built, as
    on any machine after its first run."""
    head = tmp / f"{sample.stem}-warm.jsonl"
    with sample.open(encoding="utf-8") as lines:
        head.write_text("".join(islice(lines, 5)), encoding="utf-8")
    for config in configs:
        run_once(config, head, tmp)


def show(spec: str, records: int, words: int, timings: list[Timing],
         load_before: float) -> None:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\n{spec}: {records} articles, {words:,} words; {when}; load average "
          f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} CPUs")
    print(f"{'configuration':<10}{'median s':>10}{'art/s':>8}{'words/s':>9}{'CPU s':>8}"
          "   rounds (wall s)")
    for t in timings:
        rounds = " ".join(f"{s:.1f}" for s in t.seconds)
        print(f"{t.config:<10}{t.median:10.1f}{records / t.median:8.1f}"
              f"{words / t.median:9.0f}{t.median_cpu:8.1f}   {rounds}")
    by = {t.config: t for t in timings}
    if "spacy" in by and "code-1" in by:
        spacy, one = by["spacy"], by["code-1"]
        print(f"dyadwatch code --workers 1 vs spaCy nlp.pipe: {spacy.median / one.median:.2f}x "
              f"spaCy's throughput (wall clock); {spacy.median_cpu / one.median_cpu:.2f}x "
              "by CPU seconds")
    if "code-1" in by and "code-2" in by:
        print(f"--workers 2 vs --workers 1: {by['code-1'].median / by['code-2'].median:.2f}x "
              "(wall clock)")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", metavar="NAME[:N]",
                        help=f"corpus and article count (repeatable; names: "
                             f"{', '.join(FILES)}; default: {' '.join(FULL)})")
    parser.add_argument("--quick", action="store_true", help=f"only {' '.join(QUICK)}")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (median)")
    parser.add_argument("--configs", nargs="+", choices=CONFIGS,
                        default=["spacy", "code-1", "code-2"])
    args = parser.parse_args()
    corpora = args.corpus or list(QUICK if args.quick else FULL)
    with tempfile.TemporaryDirectory() as folder:
        for spec in corpora:
            bench_corpus(spec, args.configs, args.rounds, Path(folder))


if __name__ == "__main__":
    main()
