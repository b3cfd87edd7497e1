"""The pipeline on Ray: the input files are read, cleaned and signed in parallel tasks, the
copies and reused ids are decided in input order (:mod:`dyadwatch.engine.plan`), a pool of
actors (one spaCy pipeline each) parses and codes batches, and the events land in a
Parquet dataset partitioned by event date (``date=YYYY-MM-DD``), which DuckDB queries
directly and ``dyadwatch load`` brings into a database.

The actors run :func:`dyadwatch.pipeline.code_batch`, as the local engine does, and the
plan makes the decisions a local run makes, so the same input gives the same event ids.
Every failure (reader, copy, language, parse, coding, a failed batch) is recorded in the
dataset's run record (``_run/``, see :mod:`dyadwatch.engine.dataset`), as a local run
records it in its database.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa

from dyadwatch import pipeline
from dyadwatch.config import Config
from dyadwatch.engine import plan as planning
from dyadwatch.engine.dataset import PARTITION_COLUMN, RunRecord, write_run_record
from dyadwatch.engine.local import resolve_workers, worker_context
from dyadwatch.errors import RayRunFailedError, RayTaskFailedError
from dyadwatch.ingest.readers import iter_input_files
from dyadwatch.model import Article, Failure, RunSummary
from dyadwatch.store import bulk

log = logging.getLogger(__name__)
# Blocks of articles small enough that every actor gets work from a single input file
# (about 60 Reuters or 10 Guardian articles).
BLOCK_BYTES = 64 * 1024
ARTICLE_FIELDS: tuple[str, ...] = ("id", "text", "published", "url", "title", "publisher",
                                   "origin")


@dataclass(frozen=True, slots=True)
class RayResult:
    files: int
    events: int
    summary: RunSummary = field(default_factory=RunSummary)


@dataclass(slots=True)
class BatchReport:
    """What one coded batch adds to the run's counts (the events go to the dataset)."""

    coded: int = 0
    sentences: int = 0
    skipped: int = 0
    by_quad: dict[int, int] = field(default_factory=dict)
    dyads: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    off_topic: Counter[str] = field(default_factory=Counter)  # articles by register


class RunLog:
    """A Ray actor that adds up the coding actors' reports, each batch once: a batch that
    Ray retries after a crash reports again under the same key and is not counted twice."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.total = BatchReport()
        self.versions: dict[str, str] = {}

    def add(self, key: str, report: BatchReport) -> None:
        if key in self.seen:
            return
        self.seen.add(key)
        add_report(self.total, report)

    def set_versions(self, versions: dict[str, str]) -> None:
        self.versions = self.versions or versions

    def result(self) -> tuple[BatchReport, dict[str, str]]:
        return self.total, self.versions


def add_report(total: BatchReport, report: BatchReport) -> None:
    total.coded += report.coded
    total.sentences += report.sentences
    total.skipped += report.skipped
    for quad, n in report.by_quad.items():
        total.by_quad[quad] = total.by_quad.get(quad, 0) + n
    total.dyads.update(report.dyads)
    total.failures.extend(report.failures)
    total.off_topic.update(report.off_topic)


def import_ray() -> ModuleType:
    """The ray module, or an ImportError that says how to install it."""
    try:
        import ray
    except ImportError as e:
        raise ImportError("--engine ray needs Ray: pip install 'dyadwatch[ray]'") from e
    return ray


def connect(address: str | None) -> ModuleType:
    """Join the Ray cluster at ``address`` (or RAY_ADDRESS, else a local one) unless joined."""
    ray = import_ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    return ray


def code_paths(paths: Sequence[Path], out_dir: Path, cfg: Config,
               dictionaries: Sequence[str] = (), address: str | None = None) -> RayResult:
    """Code every article under ``paths`` on Ray into the Parquet dataset ``out_dir``;
    the run record (counts, failures) is written to ``out_dir/_run``."""
    ray = connect(address)
    files = [str(path.resolve()) for path in iter_input_files(paths)]
    record = RunRecord("code --engine ray", [str(p) for p in paths], cfg.model_dump(),
                       "running", _now())
    try:
        summary, record.versions = _run(ray, files, out_dir, cfg, tuple(dictionaries))
    except Exception as e:
        record.status, record.finished_at = "failed", _now()
        write_run_record(out_dir, record)
        raise RayRunFailedError(detail=f"{type(e).__name__}: {e}"[:500], out=out_dir) from e
    record.summary, record.status, record.finished_at = summary, "finished", _now()
    write_run_record(out_dir, record)
    return RayResult(len(files), summary.events, summary)


def _run(ray: ModuleType, files: list[str], out_dir: Path, cfg: Config,
         dictionaries: tuple[str, ...]) -> tuple[RunSummary, dict[str, str]]:
    """1. read and sign every file in parallel, decide copies and ids in input order;
    2. code the planned articles on the actors into the dataset; 3. add up the counts."""
    # 1.
    plan = planning.decide(_scans(ray, files, cfg), cfg)
    # 2.
    run_log = ray.remote(num_cpus=0)(RunLog).remote()
    context = ray.data.DataContext.get_current()
    saved = context.target_max_block_size
    context.target_max_block_size = BLOCK_BYTES
    try:
        events = _events(ray, files, plan, cfg, dictionaries, run_log)
        # Readers and writers take no CPU of their own: the coding actors hold the CPUs,
        # and a task waiting for one of them would wait for ever.
        events.write_parquet(str(out_dir), partition_cols=[PARTITION_COLUMN],
                             ray_remote_args={"num_cpus": 0})
    finally:
        context.target_max_block_size = saved
    # 3.
    total, versions = ray.get(run_log.result.remote())
    return run_summary(plan, total, bulk.count_dataset_events(out_dir)), versions


def _scans(ray: ModuleType, files: list[str], cfg: Config) -> Iterator[planning.FileScan]:
    """Each file read and signed by a task, in input order as the results come back."""
    scan = ray.remote(num_cpus=1)(_scan_file)
    cfg_json = cfg.model_dump_json()
    refs = [scan.remote(path, cfg_json) for path in files]
    for ref in refs:
        yield ray.get(ref)


def _scan_file(path: str, cfg_json: str) -> planning.FileScan:
    return planning.scan_file(path, Config.model_validate_json(cfg_json))


def run_summary(plan: planning.Plan, total: BatchReport, events: int) -> RunSummary:
    """The run's summary, counted as a local run counts it."""
    return RunSummary(
        articles_read=plan.articles_read, articles_coded=total.coded,
        articles_skipped=plan.skipped + total.skipped, sentences=total.sentences,
        events=events, events_new=events, failures=[*plan.failures, *total.failures],
        by_quad=dict(sorted(total.by_quad.items())),
        top_dyads=[(s, t, n) for (s, t), n in total.dyads.most_common(10)],
        off_topic=dict(sorted(total.off_topic.items())))


def _events(ray: ModuleType, files: list[str], plan: planning.Plan, cfg: Config,
            dictionaries: tuple[str, ...], run_log: Any) -> Any:
    """The lazy Dataset of event rows: read and clean per file, then code per batch."""
    cfg_json = cfg.model_dump_json()
    rows = [{"path": path, "plan": json.dumps(sorted(decisions.items()))}
            for path, decisions in zip(files, plan.files, strict=True)]
    paths = ray.data.from_items(rows, override_num_blocks=max(1, len(files)))
    articles = paths.flat_map(read_articles, fn_kwargs={"cfg_json": cfg_json}, num_cpus=0)
    return articles.map_batches(
        BatchCoder, fn_constructor_kwargs={"cfg_json": cfg_json, "dictionaries": dictionaries,
                                           "run_log": run_log},
        batch_size=cfg.nlp.batch_size, batch_format="pyarrow", num_cpus=1,
        compute=_actor_pool(ray, _actors(ray, cfg)),
    )


def _actor_pool(ray: ModuleType, actors: int) -> Any:
    """All ``actors`` started at once; a minimum of one, as a tiny input may feed only one."""
    return ray.data.ActorPoolStrategy(min_size=1, max_size=actors, initial_size=actors)


def _actors(ray: ModuleType, cfg: Config) -> int:
    """nlp.workers actors, or (0) one per CPU of the cluster."""
    if cfg.nlp.workers > 0:
        return cfg.nlp.workers
    cpus = int(ray.cluster_resources().get("CPU", 0))
    return max(1, cpus) if cpus else resolve_workers(0)


def read_articles(row: dict[str, Any], cfg_json: str) -> Iterator[dict[str, Any]]:
    """Rows of the planned articles of one input file, cleaned, with their final ids."""
    cfg = Config.model_validate_json(cfg_json)
    decisions = {int(position): final for position, final in json.loads(row["plan"])}
    for item in planning.planned_articles(row["path"], decisions, cfg):
        article = {name: getattr(item.article, name) for name in ARTICLE_FIELDS}
        yield article | {"sha1": item.sha1}


class BatchCoder:
    """A Ray Data actor: one spaCy pipeline and coder, called with batches of article rows;
    it reports each batch's counts and failures to the run log."""

    def __init__(self, cfg_json: str, dictionaries: tuple[str, ...], run_log: Any) -> None:
        import ray

        self.nlp, self.coder = worker_context(cfg_json, dictionaries)
        self.cfg = Config.model_validate_json(cfg_json)
        self.run_log = run_log
        self.get = ray.get
        self.get(run_log.set_versions.remote(pipeline.versions(self.nlp, self.coder)))

    def __call__(self, batch: pa.Table) -> pa.Table:
        ready = [_prepared(row) for row in batch.to_pylist()]
        result = code_guarded(ready, self.nlp, self.coder, self.cfg)
        self.get(self.run_log.add.remote(batch_key(ready), batch_report(result)))
        return bulk.event_table([e for item in result.coded for e in item.events])


def code_guarded(ready: list[pipeline.Prepared], nlp: Any, coder: Any,
                 cfg: Config) -> pipeline.BatchResult:
    """``code_batch``; if it fails as a whole, each article becomes an E311 failure."""
    try:
        return pipeline.code_batch(ready, nlp, coder, cfg.nlp.batch_size,
                                   cfg.ingest.english_only)
    except Exception as e:  # noqa: BLE001 - the batch's articles are recorded, the run goes on
        log.exception("a batch of %d articles failed", len(ready))
        detail = f"{type(e).__name__}: {e}"[:300]
        failures = [_task_failure(p.article, detail) for p in ready]
        return pipeline.BatchResult(failures=failures, skipped=len(ready))


def _task_failure(article: Article, detail: str) -> Failure:
    where = article.origin or article.id
    error = RayTaskFailedError(path=where, article_id=article.id, detail=detail)
    return Failure(error.code, where, error.message, article.id)


def batch_key(ready: list[pipeline.Prepared]) -> str:
    """The same key for the same batch, however often Ray runs it."""
    joined = "\n".join(p.article.id for p in ready)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def batch_report(result: pipeline.BatchResult) -> BatchReport:
    """The counts of one batch, as a local run adds them up."""
    report = BatchReport(coded=len(result.coded), skipped=result.skipped,
                         failures=list(result.failures), off_topic=Counter(result.off_topic))
    for item in result.coded:
        report.sentences += item.n_sentences
        for event in item.events:
            report.by_quad[event.quad_class] = report.by_quad.get(event.quad_class, 0) + 1
            if event.source and event.target:
                report.dyads[(event.source, event.target)] += 1
    return report


def _prepared(row: dict[str, Any]) -> pipeline.Prepared:
    article = Article(**{name: row[name] for name in ARTICLE_FIELDS})
    return pipeline.Prepared(article, str(row["sha1"]))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
