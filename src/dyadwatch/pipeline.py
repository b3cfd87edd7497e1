"""The main job: input paths → articles → cleaned text → spaCy → events → DuckDB.

Articles stream through in batches: each batch is cleaned and given its final ids here,
parsed with ``nlp.pipe`` and coded by a :data:`BatchMapper` (in this process, or in
worker processes: :mod:`dyadwatch.engine.local`), and written in one transaction, so
memory stays flat and a killed run leaves whole batches only. A bad article is recorded
and the run goes on.

What the run state holds does not grow with the corpus: counters, the counts per dyad
(bounded by the number of actor pairs, not articles), the failures to report, and the
ids of the batches not yet written (an id clash with an earlier batch of the same run is
found in the database, see :class:`IdGuard`).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch import __version__
from dyadwatch.coding import DocCoder
from dyadwatch.coding.doc_arrays import sentences, span_text
from dyadwatch.coding.register import USER_DATA_KEY as REGISTER_KEY
from dyadwatch.config import Config
from dyadwatch.errors import (
    CodingError,
    DyadwatchError,
    EmptyArticleError,
    ParseFailedError,
)
from dyadwatch.ingest.clean import clean_text
from dyadwatch.ingest.readers import ReadItem, ReadLimits, read_inputs
from dyadwatch.model import Article, Event, Failure, RunSummary
from dyadwatch.store import bulk, db

if TYPE_CHECKING:
    import duckdb
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)
Progress = Callable[[int], None]  # called with the number of articles just finished


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to parse: cleaned text, final id, and the sha1 of that text."""

    article: Article
    sha1: str


@dataclass(slots=True)
class BatchResult:
    """What parsing and coding one batch produced (picklable: workers send it back)."""

    coded: list[db.CodedArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: int = 0
    off_topic: dict[str, int] = field(default_factory=dict)  # articles by register


# Parses and codes batches in order, pulling them lazily from the iterable it is given.
BatchMapper = Callable[[Iterable[list[Prepared]]], Iterator[BatchResult]]


@dataclass(slots=True)
class _Batch:
    """One batch on its way through the run: what to parse and what the parent already knows."""

    read: int
    ready: list[Prepared]
    failures: list[Failure]
    skipped: int
    unchanged: int = 0  # already coded from the same text with the same coding key


@dataclass(slots=True)
class _RunState:
    summary: RunSummary = field(default_factory=RunSummary)
    dyads: Counter[tuple[str, str]] = field(default_factory=Counter)
    dictionary_version: str | None = None
    coding_key: str | None = None


def coding_key(found_versions: dict[str, str], cfg: Config) -> str:
    """What decides an article's events besides its text: the dyadwatch, dictionary
    (content hash included), model and spaCy versions and the coding settings."""
    versions_used = {k: found_versions.get(k) for k in ("dyadwatch", "dictionary", "model",
                                                         "spacy")}
    settings = cfg.coding.model_dump(exclude={"recode"})
    text = json.dumps({"versions": versions_used, "coding": settings}, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class IdGuard:
    """Gives an article whose id this run already used for another text a ``~sha`` suffix.

    Ids of written batches are looked up in the database (the run's own rows); only the
    ids of batches still being coded are held here, so memory does not grow with the run.
    """

    conn: duckdb.DuckDBPyConnection | None
    run_id: int
    pending: dict[str, str] = field(default_factory=dict)  # id → sha1, not yet written
    skip_key: str | None = None  # the run's coding key; None codes every article again

    def assign(self, articles: Sequence[tuple[Article, str]]) -> list[str]:
        """The final id of each (article, sha1), in order."""
        stored = self._stored([article.id for article, _ in articles])
        final: list[str] = []
        for article, sha in articles:
            article_id = article.id
            known = self.pending.get(article_id) or stored.get(article_id)
            if known is not None and known != sha:
                article_id = f"{article.id}~{sha[:8]}"
                log.warning("%s: id %r already used by another text in this run; stored as %r",
                            article.origin, article.id, article_id)
            self.pending[article_id] = sha
            final.append(article_id)
        return final

    def written(self, ids: Iterable[str]) -> None:
        for article_id in ids:
            self.pending.pop(article_id, None)

    def unchanged(self, pairs: Sequence[tuple[str, str]]) -> set[str]:
        """The ids of (id, sha1) already stored as coded from that text with the run's
        coding key: coding them again would give the same events."""
        if self.conn is None or self.skip_key is None:
            return set()
        stored = db.coded_keys(self.conn, [article_id for article_id, _ in pairs])
        return {article_id for article_id, sha in pairs
                if stored.get(article_id) == (sha, self.skip_key)}

    def _stored(self, ids: list[str]) -> dict[str, str]:
        if self.conn is None:
            return {}
        return bulk.run_article_sha1(self.conn, self.run_id, ids)


def build_coder(cfg: Config, dictionaries: Sequence[str] = ()) -> DocCoder:
    """The coder for ``cfg``: the registered components of ``coding.coders`` with the
    dictionaries of ``coding.dictionaries`` and ``dictionaries`` (``petrarch:PATH``,
    ``dyadwatch:DIR``, ``builtin``); see :mod:`dyadwatch.registry`."""
    from dyadwatch import registry

    return registry.build_coder(cfg, dictionaries)


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
    items = screened(read_inputs(paths, ReadLimits(
        max_article_chars=cfg.ingest.max_article_chars)), conn, cfg)
    return code_items(items, conn, cfg, nlp, coder, [str(p) for p in paths], progress, command,
                      screen_language=cfg.ingest.english_only)


def screened(items: Iterable[ReadItem], conn: duckdb.DuckDBPyConnection,
             cfg: Config) -> Iterator[ReadItem]:
    """The articles to code: copies of an article already read (in this run or stored
    before) become E210 failures naming the first copy.

    This needs every article seen so far, so it runs in the process that writes; the
    language check (E209) needs one article only and runs where the article is parsed
    (``code_batch``), in the worker processes or Ray actors when there are some.
    """
    from dyadwatch.ingest.dedup import Deduplicator, drop_duplicates
    from dyadwatch.store.seen import article_texts

    if cfg.ingest.deduplicate:
        dedup = Deduplicator()
        dedup.load(article_texts(conn))
        items = drop_duplicates(items, dedup)
    return iter(items)


def code_items(items: Iterable[ReadItem], conn: duckdb.DuckDBPyConnection, cfg: Config,
               nlp: Language, coder: DocCoder, inputs: Sequence[str] = (),
               progress: Progress | None = None, command: str = "code",
               screen_language: bool = False) -> RunSummary:
    """Code a stream of articles (and reader failures) as one recorded run, in this process;
    ``screen_language`` records non-English articles as E209 instead of coding them."""
    mapper = in_process_mapper(nlp, coder, cfg.nlp.batch_size, screen_language)
    return run_batches(items, conn, cfg, mapper, versions(nlp, coder), inputs, progress,
                       command)


def in_process_mapper(nlp: Language, coder: DocCoder, batch_size: int,
                      screen_language: bool = False) -> BatchMapper:
    """A BatchMapper that parses and codes in this process."""
    def mapper(batches: Iterable[list[Prepared]]) -> Iterator[BatchResult]:
        return (code_batch(ready, nlp, coder, batch_size, screen_language)
                for ready in batches)
    return mapper


def run_batches(items: Iterable[ReadItem], conn: duckdb.DuckDBPyConnection, cfg: Config,
                mapper: BatchMapper, found_versions: dict[str, str],
                inputs: Sequence[str] = (), progress: Progress | None = None,
                command: str = "code") -> RunSummary:
    """Code a stream of articles with ``mapper`` as one recorded run; this process writes."""
    run_id = db.start_run(conn, command, cfg.model_dump(), found_versions, inputs)
    state = _RunState(dictionary_version=found_versions.get("dictionary"),
                      coding_key=coding_key(found_versions, cfg))
    guard = IdGuard(conn, run_id, skip_key=None if cfg.coding.recode else state.coding_key)
    status = "failed"
    try:
        _write_all(_batches(items, cfg, state, guard), mapper, conn, run_id, state, guard,
                   progress)
        status = "finished"
    finally:
        state.summary.top_dyads = [(s, t, n) for (s, t), n in state.dyads.most_common(10)]
        db.finish_run(conn, run_id, state.summary, status)
    return state.summary


def _write_all(batches: Iterator[_Batch], mapper: BatchMapper,
               conn: duckdb.DuckDBPyConnection, run_id: int, state: _RunState,
               guard: IdGuard, progress: Progress | None) -> None:
    """Feed the batches to ``mapper`` and write each result in order as it comes back."""
    in_flight: deque[_Batch] = deque()

    def feed() -> Iterator[list[Prepared]]:
        for batch in batches:
            in_flight.append(batch)
            yield batch.ready

    for result in mapper(feed()):
        batch = in_flight.popleft()
        _write(batch, result, conn, run_id, state)
        guard.written(p.article.id for p in batch.ready)
        if progress is not None:
            progress(batch.read + sum(1 for f in batch.failures if f.article_id))


def _batches(items: Iterable[ReadItem], cfg: Config, state: _RunState,
             guard: IdGuard) -> Iterator[_Batch]:
    """Read items into batches of ``nlp.batch_size`` articles, cleaned and with final ids."""
    batch: list[Article] = []
    failures: list[Failure] = []
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        state.summary.articles_read += 1
        batch.append(item)
        if len(batch) >= cfg.nlp.batch_size:
            yield prepare_batch(batch, failures, cfg, guard)
            batch, failures = [], []
    if batch or failures:
        yield prepare_batch(batch, failures, cfg, guard)


def prepare_batch(batch: list[Article], failures: list[Failure], cfg: Config,
                  guard: IdGuard) -> _Batch:
    """Clean each text, give clashing ids a suffix, and set empty articles aside."""
    cleaned = [(article, clean_article(article.text, cfg)) for article in batch]
    hashed = [(article, hashlib.sha1(text.encode("utf-8")).hexdigest())
              for article, text in cleaned]
    ids = guard.assign(hashed)
    same = guard.unchanged([(article_id, sha) for article_id, (_, sha) in zip(ids, hashed,
                                                                              strict=True)])
    guard.written(same)
    ready: list[Prepared] = []
    for (article, text), (_, sha), article_id in zip(cleaned, hashed, ids, strict=True):
        if article_id in same:
            continue
        if not text:
            error = EmptyArticleError(path=article.origin,
                                      what=f"article {article.id!r} after cleaning")
            failures.append(Failure(error.code, article.origin, error.message, article.id))
            continue
        ready.append(Prepared(_with(article, article_id, text), sha))
    skipped = len(batch) - len(ready) - len(same)
    return _Batch(len(batch), ready, failures, skipped, len(same))


def clean_article(text: str, cfg: Config) -> str:
    """The text as it is parsed: page furniture removed unless ``ingest.clean_furniture`` is
    off."""
    return clean_text(text).text if cfg.ingest.clean_furniture else text


def _with(article: Article, article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, published=article.published, url=article.url,
                   title=article.title, publisher=article.publisher, origin=article.origin)


def code_batch(ready: Sequence[Prepared], nlp: Language, coder: DocCoder, batch_size: int,
               screen_language: bool = False) -> BatchResult:
    """Parse and code prepared articles: the work every engine shares (pure).

    With ``screen_language`` a non-English article is recorded (E209) and not parsed.
    """
    result = BatchResult()
    if screen_language:
        ready = _english(ready, result)
    for prepared, doc in zip(ready, _parse(nlp, ready, batch_size, result), strict=True):
        if doc is None:
            continue
        events = _code_one(coder, doc, prepared.article, result.failures)
        if events is None:
            result.skipped += 1
            continue
        result.coded.append(db.CodedArticle(prepared.article, prepared.sha1,
                                            _count_sentences(doc), tuple(events)))
        _note_register(doc, prepared.article, len(events), result.off_topic)
    return result


def _note_register(doc: object, article: Article, events: int,
                   off_topic: dict[str, int]) -> None:
    """Count an article the coder found not to be political news (coding.register)."""
    register = doc.user_data.get(REGISTER_KEY)  # type: ignore[attr-defined]
    if register is not None:
        off_topic[register.name] = off_topic.get(register.name, 0) + 1
        log.debug("%s: not political news, %s; %d events kept", article.id,
                  register.describe(), events)


def _parse(nlp: Language, ready: Sequence[Prepared], batch_size: int,
           result: BatchResult) -> list[Doc | None]:
    """The parsed documents of ``ready``; if spaCy fails on the batch, each article is
    parsed alone and the one that fails becomes an E310 failure (None in its place)."""
    try:
        return list(nlp.pipe((p.article.text for p in ready), batch_size=batch_size))
    except Exception:  # noqa: BLE001 - one bad text must not lose its batch
        log.warning("parsing a batch of %d articles failed; parsing them one by one", len(ready))
    return [_parse_one(nlp, prepared, result) for prepared in ready]


def _parse_one(nlp: Language, prepared: Prepared, result: BatchResult) -> Doc | None:
    article = prepared.article
    try:
        return nlp(article.text)
    except Exception as e:  # noqa: BLE001 - recorded with its type, the run goes on
        error = ParseFailedError(path=article.origin or article.id, article_id=article.id,
                                 detail=f"{type(e).__name__}: {e}"[:300])
        result.failures.append(Failure(error.code, article.origin or article.id,
                                       error.message, article.id))
        result.skipped += 1
        return None


def _english(ready: Sequence[Prepared], result: BatchResult) -> list[Prepared]:
    """The English articles of ``ready``; the others become E209 failures in ``result``."""
    from dyadwatch.ingest.lang import language_failure

    kept: list[Prepared] = []
    for prepared in ready:
        failure = language_failure(prepared.article)
        if failure is None:
            kept.append(prepared)
        else:
            result.failures.append(failure)
            result.skipped += 1
    return kept


def _write(batch: _Batch, result: BatchResult, conn: duckdb.DuckDBPyConnection,
           run_id: int, state: _RunState) -> None:
    failures = batch.failures + result.failures
    for item in result.coded:
        state.summary.sentences += item.n_sentences
        _count(state, item.events)
    state.summary.articles_skipped += batch.skipped + result.skipped
    state.summary.articles_unchanged += batch.unchanged
    for name, count in result.off_topic.items():
        state.summary.off_topic[name] = state.summary.off_topic.get(name, 0) + count
    state.summary.failures.extend(failures)
    coded = [replace(item, dictionary_version=state.dictionary_version,
                     coding_key=state.coding_key) for item in result.coded]
    state.summary.events_new += bulk.write_batch_bulk(conn, run_id, coded, failures)


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


def _count_sentences(doc: Doc) -> int:
    """The sentences with more than white space, read from the document's text and the
    sentences the coder has just built (``sent.text`` builds every token anew)."""
    return sum(1 for sent in sentences(doc) if span_text(sent).strip())


def _count(state: _RunState, events: Sequence[Event]) -> None:
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
