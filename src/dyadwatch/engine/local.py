"""Local parallelism: worker processes with one spaCy pipeline each; this process writes.

The main process reads, cleans and gives ids (cheap, in order), sends batches to a pool of
spawned workers that parse and code them, and writes each result to DuckDB in input order
as it comes back: one writer, and the same rows as a single-process run. At most
``2 × workers`` batches are in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from dyadwatch import pipeline
from dyadwatch.config import Config
from dyadwatch.ingest.readers import ReadItem, ReadLimits, read_inputs
from dyadwatch.model import RunSummary

if TYPE_CHECKING:
    import duckdb
    from spacy.language import Language

    from dyadwatch.coding import DocCoder

log = logging.getLogger(__name__)
# Math libraries in each worker use one thread: the parallelism is the processes.
SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_workers(setting: int) -> int:
    """Worker processes for setting ``nlp.workers`` (0: one per CPU)."""
    return setting if setting > 0 else available_cpus()


def code_paths(paths: Sequence[Path], conn: duckdb.DuckDBPyConnection, cfg: Config,
               dictionaries: Sequence[str] = (), progress: pipeline.Progress | None = None,
               command: str = "code") -> RunSummary:
    """Code every article under ``paths`` with ``nlp.workers`` processes into ``conn``."""
    items = pipeline.screened(read_inputs(paths, ReadLimits(
        max_article_chars=cfg.ingest.max_article_chars)), conn, cfg)
    return code_items(items, conn, cfg, dictionaries, [str(p) for p in paths], progress,
                      command)


def code_items(items: Iterable[ReadItem], conn: duckdb.DuckDBPyConnection, cfg: Config,
               dictionaries: Sequence[str] = (), inputs: Sequence[str] = (),
               progress: pipeline.Progress | None = None, command: str = "code") -> RunSummary:
    """Code a stream of articles as one run; worker processes unless one batch is all."""
    from dyadwatch.nlp import resolve_model_name

    resolve_model_name(cfg.nlp.model)  # a missing model fails here, not in every worker
    workers = resolve_workers(cfg.nlp.workers)
    stream = iter(items)
    head = list(islice(stream, cfg.nlp.batch_size + 1))
    if workers == 1 or len(head) <= cfg.nlp.batch_size:  # no gain from starting workers
        nlp, coder = worker_context(cfg.model_dump_json(), tuple(dictionaries))
        return pipeline.code_items(chain(head, stream), conn, cfg, nlp, coder, inputs,
                                   progress, command, cfg.ingest.english_only)
    with WorkerPool(cfg, dictionaries, workers) as pool:
        return pipeline.run_batches(chain(head, stream), conn, cfg, pool.map, pool.versions(),
                                    inputs, progress, command)


@lru_cache(maxsize=1)
def worker_context(cfg_json: str, dictionaries: tuple[str, ...]) -> tuple[Language, DocCoder]:
    """The spaCy pipeline and coder of this process, built once (cached per process)."""
    from dyadwatch.nlp import load_pipeline

    cfg = Config.model_validate_json(cfg_json)
    return load_pipeline(cfg.nlp.model), pipeline.build_coder(cfg, dictionaries)


def _warm(cfg_json: str, dictionaries: tuple[str, ...]) -> None:
    """Load the model at worker start; a failure is raised again by the first task."""
    try:
        worker_context(cfg_json, dictionaries)
    except Exception:  # noqa: BLE001 (an initializer that raises makes the pool respawn forever)
        log.exception("worker could not load the pipeline")


def _versions(cfg_json: str, dictionaries: tuple[str, ...]) -> dict[str, str]:
    return pipeline.versions(*worker_context(cfg_json, dictionaries))


def _code(cfg_json: str, dictionaries: tuple[str, ...],
          ready: list[pipeline.Prepared]) -> pipeline.BatchResult:
    nlp, coder = worker_context(cfg_json, dictionaries)
    cfg = Config.model_validate_json(cfg_json)
    return pipeline.code_batch(ready, nlp, coder, cfg.nlp.batch_size, cfg.ingest.english_only)


class WorkerPool:
    """Spawned worker processes that parse and code batches, results in input order."""

    def __init__(self, cfg: Config, dictionaries: Sequence[str], workers: int) -> None:
        self.key = (cfg.model_dump_json(), tuple(dictionaries))
        self.window = 2 * workers
        with _single_threaded():
            context = multiprocessing.get_context("spawn")
            self.pool: Pool = context.Pool(workers, initializer=_warm, initargs=self.key)

    def versions(self) -> dict[str, str]:
        """Versions of the model and dictionaries the workers use."""
        return self.pool.apply(_versions, self.key)

    def map(self, batches: Iterable[list[pipeline.Prepared]]) -> Iterator[pipeline.BatchResult]:
        """Code ``batches`` in the workers; yields results in order, ``window`` in flight."""
        pending: deque[AsyncResult[pipeline.BatchResult]] = deque()
        for ready in batches:
            pending.append(self.pool.apply_async(_code, (*self.key, ready)))
            if len(pending) >= self.window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.pool.close()
        else:
            self.pool.terminate()
        self.pool.join()


@contextmanager
def _single_threaded() -> Iterator[None]:
    """Set SINGLE_THREAD_ENV (where unset) while worker processes are spawned."""
    saved = {name: os.environ.get(name) for name in SINGLE_THREAD_ENV}
    for name, value in saved.items():
        if value is None:
            os.environ[name] = "1"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
