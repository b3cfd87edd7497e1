"""The pipeline on Ray: Ray Data reads and cleans the input files in parallel tasks, a pool
of actors (one spaCy pipeline each) parses and codes batches, and the events land in a
Parquet dataset partitioned by event date (``date=YYYY-MM-DD``), which DuckDB queries
directly and ``dyadwatch load`` brings into a database.

The actors run :func:`dyadwatch.pipeline.code_batch`, as the local engine does, so the
same input gives the same event ids. One difference: copies of an article (E210) and an
article id used by two different texts are found within one input file here, within the
whole run (and, for copies, the database) locally.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow as pa

from dyadwatch import pipeline
from dyadwatch.config import Config
from dyadwatch.engine.dataset import PARTITION_COLUMN
from dyadwatch.engine.local import resolve_workers, worker_context
from dyadwatch.ingest.readers import ReadItem, ReadLimits, iter_input_files, read_file
from dyadwatch.model import Article, Failure
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
    """Code every article under ``paths`` on Ray into the Parquet dataset ``out_dir``."""
    ray = connect(address)
    files = [str(path.resolve()) for path in iter_input_files(paths)]
    context = ray.data.DataContext.get_current()
    saved = context.target_max_block_size
    context.target_max_block_size = BLOCK_BYTES
    try:
        events = _events(ray, files, cfg, tuple(dictionaries))
        # Readers and writers take no CPU of their own: the coding actors hold the CPUs,
        # and a task waiting for one of them would wait for ever.
        events.write_parquet(str(out_dir), partition_cols=[PARTITION_COLUMN],
                             ray_remote_args={"num_cpus": 0})
    finally:
        context.target_max_block_size = saved
    return RayResult(len(files), bulk.count_dataset_events(out_dir))


def _events(ray: ModuleType, files: list[str], cfg: Config,
            dictionaries: tuple[str, ...]) -> Any:
    """The lazy Dataset of event rows: read and clean per file, then code per batch."""
    cfg_json = cfg.model_dump_json()
    paths = ray.data.from_items([{"path": f} for f in files],
                                override_num_blocks=max(1, len(files)))
    articles = paths.flat_map(read_articles, fn_kwargs={"cfg_json": cfg_json}, num_cpus=0)
    return articles.map_batches(
        BatchCoder, fn_constructor_kwargs={"cfg_json": cfg_json, "dictionaries": dictionaries},
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
    """Rows of the cleaned articles of one input file, with their final ids."""
    cfg = Config.model_validate_json(cfg_json)
    limits = ReadLimits(max_article_chars=cfg.ingest.max_article_chars)
    guard = pipeline.IdGuard(None, 0)
    batch: list[Article] = []
    for item in _deduplicated(read_file(Path(row["path"]), limits), cfg):
        if isinstance(item, Failure):
            log.warning("%s %s: %s", item.code, item.input, item.message)
            continue
        batch.append(item)
        if len(batch) >= cfg.nlp.batch_size:
            yield from _article_rows(batch, cfg, guard)
            batch = []
    yield from _article_rows(batch, cfg, guard)


def _deduplicated(items: Iterable[ReadItem], cfg: Config) -> Iterator[ReadItem]:
    """Copies of an article read earlier from the same file become E210 failures."""
    if not cfg.ingest.deduplicate:
        return iter(items)
    from dyadwatch.ingest.dedup import Deduplicator, drop_duplicates

    return iter(drop_duplicates(items, Deduplicator()))


def _article_rows(batch: list[Article], cfg: Config,
                  guard: pipeline.IdGuard) -> Iterator[dict[str, Any]]:
    failures: list[Failure] = []
    prepared = pipeline.prepare_batch(batch, failures, cfg, guard)
    for failure in failures:
        log.warning("%s %s: %s", failure.code, failure.input, failure.message)
    for item in prepared.ready:
        row = {name: getattr(item.article, name) for name in ARTICLE_FIELDS}
        yield row | {"sha1": item.sha1}


class BatchCoder:
    """A Ray Data actor: one spaCy pipeline and coder, called with batches of article rows."""

    def __init__(self, cfg_json: str, dictionaries: tuple[str, ...]) -> None:
        self.nlp, self.coder = worker_context(cfg_json, dictionaries)
        self.cfg = Config.model_validate_json(cfg_json)

    def __call__(self, batch: pa.Table) -> pa.Table:
        ready = [_prepared(row) for row in batch.to_pylist()]
        result = pipeline.code_batch(ready, self.nlp, self.coder, self.cfg.nlp.batch_size,
                                     self.cfg.ingest.english_only)
        for failure in result.failures:
            log.warning("%s %s: %s", failure.code, failure.input, failure.message)
        return bulk.event_table([e for item in result.coded for e in item.events])


def _prepared(row: dict[str, Any]) -> pipeline.Prepared:
    article = Article(**{name: row[name] for name in ARTICLE_FIELDS})
    return pipeline.Prepared(article, str(row["sha1"]))
