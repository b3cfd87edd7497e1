"""The main job: input paths → articles → cleaned text → spaCy → events → DuckDB.

Articles stream through in batches: each batch is parsed with ``nlp.pipe``,
coded, and written in one transaction, so memory stays flat and a killed run
leaves whole batches only. A bad article is recorded and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch import __version__
from dyadwatch.coding import DocCoder
from dyadwatch.config import Config
from dyadwatch.errors import CodingError, DyadwatchError, EmptyArticleError
from dyadwatch.ingest.clean import clean_text
from dyadwatch.ingest.readers import ReadItem, ReadLimits, read_inputs
from dyadwatch.model import Article, Event, Failure, RunSummary
from dyadwatch.store import db

if TYPE_CHECKING:
    import duckdb
    from spacy.language import Language

log = logging.getLogger(__name__)
Progress = Callable[[int], None]  # called with the number of articles just finished


@dataclass(slots=True)
class _RunState:
    summary: RunSummary = field(default_factory=RunSummary)
    seen: dict[str, str] = field(default_factory=dict)  # article id → text sha1 this run
    dyads: Counter[tuple[str, str]] = field(default_factory=Counter)


def build_coder(cfg: Config, dictionaries: Sequence[str] = ()) -> DocCoder:
    """The coder for ``cfg``: the built-in dictionaries, or imported ones (``petrarch:PATH``)."""
    from dyadwatch.coding.events import CoderOptions, EventCoder
    from dyadwatch.kb.actors import load_actor_dictionary
    from dyadwatch.kb.verbs import load_verb_dictionary

    for spec in dictionaries:
        kind, _, path = spec.partition(":")
        if kind == "petrarch" and path:
            from dyadwatch.petrarch import load_petrarch_coder

            coder: DocCoder = load_petrarch_coder(Path(path))
            return coder
    options = CoderOptions(keep_negated=cfg.coding.keep_negated,
                           keep_untargeted=cfg.coding.keep_untargeted,
                           keep_unknown_actors=cfg.coding.keep_unknown_actors)
    return EventCoder(load_actor_dictionary(), load_verb_dictionary(), options)


def versions(nlp: Language, coder: DocCoder) -> dict[str, str]:
    """Versions recorded with each run."""
    found = {"dyadwatch": __version__, "dictionary": coder.dictionary_version,
             "model": f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"}
    for package in ("spacy", "duckdb"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def code_paths(paths: Sequence[Path], conn: duckdb.DuckDBPyConnection, cfg: Config,
               nlp: Language, coder: DocCoder, progress: Progress | None = None,
               command: str = "code") -> RunSummary:
    """Code every article under ``paths`` into the open database; returns the run summary."""
    items = read_inputs(paths, ReadLimits(max_article_chars=cfg.ingest.max_article_chars))
    return code_items(items, conn, cfg, nlp, coder, [str(p) for p in paths], progress, command)


def code_items(items: Iterable[ReadItem], conn: duckdb.DuckDBPyConnection, cfg: Config,
               nlp: Language, coder: DocCoder, inputs: Sequence[str] = (),
               progress: Progress | None = None, command: str = "code") -> RunSummary:
    """Code a stream of articles (and reader failures) as one recorded run."""
    run_id = db.start_run(conn, command, cfg.model_dump(), versions(nlp, coder), inputs)
    state = _RunState()
    status = "failed"
    try:
        for batch, failures in _batches(items, cfg.nlp.batch_size, state):
            _code_batch(batch, failures, conn, run_id, cfg, nlp, coder, state)
            if progress is not None:
                progress(len(batch) + sum(1 for f in failures if f.article_id))
        status = "finished"
    finally:
        state.summary.top_dyads = [(s, t, n) for (s, t), n in state.dyads.most_common(10)]
        db.finish_run(conn, run_id, state.summary, status)
    return state.summary


def _batches(items: Iterable[ReadItem], size: int,
             state: _RunState) -> Iterator[tuple[list[Article], list[Failure]]]:
    batch: list[Article] = []
    failures: list[Failure] = []
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        state.summary.articles_read += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch, failures
            batch, failures = [], []
    if batch or failures:
        yield batch, failures


def _code_batch(batch: list[Article], failures: list[Failure], conn: duckdb.DuckDBPyConnection,
                run_id: int, cfg: Config, nlp: Language, coder: DocCoder,
                state: _RunState) -> None:
    prepared = [_prepare(article, cfg, state, failures) for article in batch]
    ready = [(article, sha) for article, sha in prepared if article.text]
    docs = nlp.pipe((article.text for article, _ in ready), batch_size=cfg.nlp.batch_size)
    coded: list[db.CodedArticle] = []
    for (article, sha), doc in zip(ready, docs, strict=True):
        events = _code_one(coder, doc, article, failures)
        if events is None:
            state.summary.articles_skipped += 1
            continue
        sentences = _count_sentences(doc)
        coded.append(db.CodedArticle(article, sha, sentences, tuple(events)))
        state.summary.sentences += sentences
        _count(state, events)
    state.summary.articles_skipped += len(prepared) - len(ready)
    state.summary.failures.extend(failures)
    state.summary.events_new += db.write_batch(conn, run_id, coded, failures)


def _prepare(article: Article, cfg: Config, state: _RunState,
             failures: list[Failure]) -> tuple[Article, str]:
    """Clean the text, give a clashing id a suffix, and note empty results."""
    text = clean_text(article.text).text if cfg.ingest.clean_furniture else article.text
    sha = hashlib.sha1(text.encode("utf-8")).hexdigest()
    article_id = article.id
    if state.seen.get(article_id, sha) != sha:
        article_id = f"{article.id}~{sha[:8]}"
        log.warning("%s: id %r already used by another text in this run; stored as %r",
                    article.origin, article.id, article_id)
    state.seen[article_id] = sha
    if not text:
        error = EmptyArticleError(path=article.origin, what=f"article {article.id!r} after cleaning")
        failures.append(Failure(error.code, article.origin, error.message, article.id))
    return _with(article, article_id, text), sha


def _with(article: Article, article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, published=article.published, url=article.url,
                   title=article.title, publisher=article.publisher, origin=article.origin)


def _code_one(coder: DocCoder, doc: object, article: Article,
              failures: list[Failure]) -> list[Event] | None:
    try:
        return coder.code_doc(doc, article)  # type: ignore[arg-type]
    except DyadwatchError as e:
        failures.append(Failure(e.code, article.origin, e.message, article.id))
    except Exception as e:  # a coder bug must not end the run: record it and go on
        log.exception("coding %s failed", article.id)
        error = CodingError(article_id=article.id, detail=f"{type(e).__name__}: {e}")
        failures.append(Failure(error.code, article.origin, error.message, article.id))
    return None


def _count_sentences(doc: object) -> int:
    return sum(1 for sent in doc.sents if sent.text.strip())  # type: ignore[attr-defined]


def _count(state: _RunState, events: list[Event]) -> None:
    summary = state.summary
    summary.articles_coded += 1
    summary.events += len(events)
    for event in events:
        summary.by_quad[event.quad_class] = summary.by_quad.get(event.quad_class, 0) + 1
        if event.source and event.target:
            state.dyads[(event.source, event.target)] += 1


def code_articles_in_memory(articles: Sequence[Article], nlp: Language, coder: DocCoder,
                            batch_size: int = 64) -> list[list[Event]]:
    """Events per article, without cleaning or storage (evaluation, notebooks)."""
    docs = nlp.pipe((article.text for article in articles), batch_size=batch_size)
    return [coder.code_doc(doc, article) for article, doc in zip(articles, docs, strict=True)]


def code(inputs: str | Path | Sequence[str | Path], db: str | Path = "dyadwatch.duckdb",
         model: str | None = None, settings: Sequence[str] = (),
         dictionaries: Sequence[str] = ()) -> RunSummary:
    """Code files or directories into the database at ``db`` (the notebook form of
    ``dyadwatch code``); returns the run summary.

    >>> summary = dyadwatch.code("examples/", db="out/example.duckdb")  # doctest: +SKIP
    """
    from dyadwatch.config import load_config
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.store.db import open_db

    paths = [Path(inputs)] if isinstance(inputs, str | Path) else [Path(p) for p in inputs]
    overrides = list(settings) + ([f"nlp.model={model}"] if model else [])
    cfg = load_config(None, overrides)
    nlp = load_pipeline(cfg.nlp.model)
    conn = open_db(db)
    try:
        return code_paths(paths, conn, cfg, nlp, build_coder(cfg, dictionaries))
    finally:
        conn.close()
