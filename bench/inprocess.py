"""In-process throughput: spaCy alone, `dyadwatch code` with 1 and 2 workers, and Ray, each
timed after its model is loaded, with the coder alone and peak memory (whole processes,
start-up included: bench/run.py, `make bench`).

    .venv/bin/python bench/inprocess.py [--corpus bbc|reuters|guardian] [-n 600] [--no-ray]

Each configuration runs in its own process on the same articles (the first N with text of
a corpus in the shared data folder: DYADWATCH_SHARED_DATA or <repo>/../shared/data), so
that its peak memory is its own. Printed per configuration: articles/s and words/s
(wall clock, model already loaded; with ``--repeat R`` the fastest of R rounds), the
ratio to spaCy's own ``nlp.pipe`` over the same texts, CPU seconds of the main process,
steady throughput (after the first batch is written, i.e. without worker start-up), and
peak resident memory of the main process and of the largest worker.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = {"bbc": "bbc_fulltext_2004_2005.jsonl.gz", "reuters": "reuters21578.jsonl.gz",
           "guardian": "guardian_syria_sdf_2017_2019.jsonl"}
CONFIGS = ("spacy", "code-1", "code-2", "ray-2")
WARM_UP = ("Iran fired missiles at US bases in Iraq on Wednesday, officials said. The United "
           "States said it would respond, and Iraq's prime minister called for calm.")
SETTINGS: list[str] = []  # --set pairs, the same for every configuration
LABELS = {"spacy": "spaCy nlp.pipe (its own pipeline)", "code-1": "dyadwatch code --workers 1",
          "code-2": "dyadwatch code --workers 2", "ray-2": "dyadwatch code --engine ray (2 CPUs)"}


@dataclass
class Measure:
    config: str
    articles: int
    words: int
    seconds: float
    cpu_seconds: float
    steady_per_s: float | None
    peak_main_mb: float
    peak_worker_mb: float | None
    events: int | None
    sentences: int | None = None
    coder_seconds: float | None = None  # the coder alone over parsed documents


def shared_data_dir() -> Path:
    override = os.environ.get("DYADWATCH_SHARED_DATA")
    return Path(override) if override else REPO.parent / "shared" / "data"


def write_sample(corpus: str, n: int, out: Path) -> int:
    """The first ``n`` records of ``corpus`` that have a text, as JSONL; returns the count."""
    path = shared_data_dir() / "news" / CORPORA[corpus]
    if not path.exists():
        raise SystemExit(f"{path} is absent: set DYADWATCH_SHARED_DATA to the shared data folder")
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    kept = 0
    with opener(path, "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as sink:
        for line in fh:
            record = json.loads(line)
            if (record.get("text") or record.get("body") or "").strip():
                sink.write(line)
                kept += 1
                if kept == n:
                    break
    return kept


def read_texts(sample: Path) -> list[str]:
    """The article texts as dyadwatch's readers give them (before cleaning)."""
    from dyadwatch.ingest.readers import read_inputs
    from dyadwatch.model import Article

    return [item.text for item in read_inputs([sample]) if isinstance(item, Article)]


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


# ---- one configuration, in its own process -----------------------------------------------


def measure_spacy(sample: Path, texts: list[str]) -> tuple[float, float, None, None]:
    import spacy

    from dyadwatch.config import load_config
    from dyadwatch.nlp import resolve_model_name

    cfg = load_config(environ={}, overrides=SETTINGS)
    nlp = spacy.load(resolve_model_name(cfg.nlp.model))
    nlp(WARM_UP)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=cfg.nlp.batch_size):
        pass
    return time.perf_counter() - start, time.process_time() - cpu, None, None


def measure_coder(sample: Path) -> tuple[float, int, int]:
    """Seconds of the coder alone over dyadwatch's parsed documents; sentences; events."""
    from dyadwatch import pipeline
    from dyadwatch.config import load_config
    from dyadwatch.engine.local import worker_context
    from dyadwatch.ingest.readers import read_inputs
    from dyadwatch.model import Article

    cfg = load_config(environ={}, overrides=SETTINGS)
    nlp, coder = worker_context(cfg.model_dump_json(), ())
    guard = pipeline.IdGuard(None, 0)
    articles = [item for item in read_inputs([sample]) if isinstance(item, Article)]
    ready = pipeline.prepare_batch(articles, [], cfg, guard).ready
    docs = list(nlp.pipe((p.article.text for p in ready), batch_size=cfg.nlp.batch_size))
    start = time.perf_counter()
    events = sum(len(coder.code_doc(doc, p.article)) for doc, p in zip(docs, ready, strict=True))
    seconds = time.perf_counter() - start
    sentences = sum(1 for doc in docs for sent in doc.sents if sent.text.strip())
    return seconds, sentences, events


def measure_code(sample: Path, workers: int,
                 tmp: Path) -> tuple[float, float, float, int, int]:
    from dyadwatch.config import load_config
    from dyadwatch.engine import local
    from dyadwatch.store.db import open_db

    cfg = load_config(environ={}, overrides=[*SETTINGS, f"nlp.workers={workers}"])
    if workers == 1:  # loaded before the clock starts, as spaCy's model is for its row
        warm_up(cfg)
    conn = open_db(Path(tempfile.mkdtemp(dir=tmp)) / "bench.duckdb")
    marks: list[tuple[float, int]] = []
    start, cpu = time.perf_counter(), time.process_time()
    summary = local.code_paths([sample], conn, cfg,
                               progress=lambda n: marks.append((time.perf_counter(), n)))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return seconds, cpu_seconds, steady_rate(marks), summary.events, summary.sentences


def warm_up(cfg: Any) -> None:
    """Load what one process needs (model, dictionaries, language and copy detectors)."""
    from dyadwatch.engine.local import worker_context
    from dyadwatch.ingest import dedup, lang
    from dyadwatch.model import Article

    nlp, coder = worker_context(cfg.model_dump_json(), ())
    article = Article(id="warm-up", text=WARM_UP)
    coder.code_doc(nlp(WARM_UP), article)
    lang.detect_language(WARM_UP)
    dedup.minhash(WARM_UP)


def steady_rate(marks: list[tuple[float, int]]) -> float:
    """Articles per second after the first batch was written (start-up left out)."""
    if len(marks) < 2:
        return 0.0
    done = sum(n for _, n in marks[1:])
    return done / max(marks[-1][0] - marks[0][0], 1e-9)


def measure_ray(sample: Path, tmp: Path) -> tuple[float, float, None, int]:
    import ray

    from dyadwatch.config import load_config
    from dyadwatch.engine import ray_data

    # Ray runs its workers at nice 15; at 0 they compete with other processes on equal
    # terms, as the local engine's workers do.
    os.environ.setdefault("RAY_worker_niceness", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    cfg = load_config(environ={}, overrides=[*SETTINGS, "nlp.workers=2"])
    start, cpu = time.perf_counter(), time.process_time()
    written = ray_data.code_paths([sample], Path(tempfile.mkdtemp(dir=tmp)) / "dataset", cfg)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    return seconds, cpu_seconds, None, written.events


def ray_worker_peak_mb() -> float | None:
    """Largest peak RSS (VmHWM) among this machine's Ray worker processes."""
    peaks = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            cmdline = (status.parent / "cmdline").read_bytes()
            if b"ray::" not in cmdline and b"default_worker.py" not in cmdline:
                continue
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return max(peaks) if peaks else None


def run_one(config: str, sample: Path, tmp: Path) -> Measure:
    texts = read_texts(sample)
    words = sum(len(text.split()) for text in texts)
    measure = Measure(config, len(texts), words, 0.0, 0.0, None, 0.0, None, None)
    if config == "spacy":
        measure.seconds, measure.cpu_seconds, _, _ = measure_spacy(sample, texts)
        measure.coder_seconds, measure.sentences, measure.events = measure_coder(sample)
    elif config.startswith("code-"):
        (measure.seconds, measure.cpu_seconds, measure.steady_per_s, measure.events,
         measure.sentences) = measure_code(sample, int(config[5:]), tmp)
        if config != "code-1":
            measure.peak_worker_mb = peak_mb(resource.RUSAGE_CHILDREN)
    else:
        measure.seconds, measure.cpu_seconds, _, measure.events = measure_ray(sample, tmp)
        measure.peak_worker_mb = ray_worker_peak_mb()
    measure.peak_main_mb = peak_mb()
    return measure


# ---- the side-by-side table --------------------------------------------------------------


def spawn(config: str, sample: Path, tmp: Path) -> Measure:
    command = [sys.executable, __file__, "--one", config, "--sample", str(sample),
               "--tmp", str(tmp), *(f"--set={pair}" for pair in SETTINGS)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"{config} failed (exit {done.returncode})")
    return Measure(**json.loads(lines[-1]))


def show(measures: list[Measure]) -> None:
    base = next((m for m in measures if m.config == "spacy"), measures[0])
    one = next((m for m in measures if m.config == "code-1"), None)
    sentences = next((m.sentences for m in measures if m.sentences), 0)
    print(f"{measures[0].articles} articles, {measures[0].words:,} words, {sentences:,} "
          f"sentences; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; "
          f"settings: {' '.join(SETTINGS) or 'defaults'}")
    print(f"{'configuration':<38}{'art/s':>8}{'words/s':>9}{'vs spaCy':>9}{'vs 1 wk':>8}"
          f"{'CPU s':>8}{'steady':>8}{'main MB':>8}{'worker MB':>10}{'events':>8}")
    for m in measures:
        rate = m.articles / m.seconds
        versus_one = f"{(one.seconds / m.seconds):7.2f}x" if one else "-"
        steady = f"{m.steady_per_s:8.1f}" if m.steady_per_s else f"{'-':>8}"
        worker = f"{m.peak_worker_mb:10.0f}" if m.peak_worker_mb else f"{'-':>10}"
        events = f"{m.events:8d}" if m.events is not None else f"{'-':>8}"
        print(f"{LABELS[m.config]:<38}{rate:8.1f}{m.words / m.seconds:9.0f}"
              f"{base.seconds / m.seconds:8.0%} {versus_one}{m.cpu_seconds:8.1f}{steady}"
              f"{m.peak_main_mb:8.0f}{worker}{events}")
    if base.coder_seconds and sentences:
        print(f"coder alone over parsed documents: {sentences / base.coder_seconds:,.0f} "
              f"sentences/s ({base.coder_seconds:.1f} s, "
              f"{base.coder_seconds / base.seconds:.1%} of spaCy's parse time); "
              f"end to end, 1 worker: {sentences / one.seconds if one else 0:,.1f} sentences/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bbc")
    parser.add_argument("-n", type=int, default=600, help="articles (first N with text)")
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray engine")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds over all configurations; the fastest run of each is shown")
    parser.add_argument("--set", dest="settings", action="append", default=[],
                        metavar="SECTION.KEY=VALUE", help="a dyadwatch setting, e.g. "
                        "ingest.english_only=false (repeatable)")
    parser.add_argument("--one", choices=CONFIGS, help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    SETTINGS.extend(args.settings)
    if args.one:
        print(json.dumps(asdict(run_one(args.one, args.sample, args.tmp))))
        return
    no_ray = args.no_ray or importlib.util.find_spec("ray") is None
    if no_ray and not args.no_ray:
        print("Ray is not installed (pip install 'dyadwatch[ray]'): its row is left out")
    configs = [c for c in args.configs if not (no_ray and c.startswith("ray"))]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        sample = tmp / f"{args.corpus}.jsonl"
        write_sample(args.corpus, args.n, sample)
        rounds = [[spawn(config, sample, tmp) for config in configs]
                  for _ in range(args.repeat)]
        show([min(runs, key=lambda m: m.seconds) for runs in zip(*rounds, strict=True)])


if __name__ == "__main__":
    main()
