"""Which articles of a run spread over many input files are coded, and under which id.

A local run reads its inputs in order and finds copies of an article (E210) and ids used
by two different texts across the whole run. On Ray the files are read in parallel, so the
work is split: each file is read, cleaned and signed where it lies (:func:`scan_file`, a
task per file), and the decisions are made in input order in one place (:func:`decide`),
from the signatures alone, exactly as the local run makes them. What comes out is a
:class:`Plan`: per file, the articles to skip and the ids to change; everything else is
coded under its own id. Pure apart from reading the input files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch import pipeline
from dyadwatch.config import Config
from dyadwatch.errors import EmptyArticleError
from dyadwatch.ingest.dedup import Deduplicator, duplicate_failure, minhash, text_sha1
from dyadwatch.ingest.minhash import Signature
from dyadwatch.ingest.readers import ReadLimits, read_file
from dyadwatch.model import Article, Failure

SKIP = ""  # a plan entry that says: do not code this article (its failure is recorded)


@dataclass(frozen=True, slots=True)
class Signed:
    """What the decisions need of one article: its place, id and the keys of its text."""

    position: int  # index among the articles of its file, in reading order
    article_id: str
    origin: str
    digest: str  # text_sha1 of the text as read (copies), "" when deduplication is off
    signature: Signature | None  # MinHash of the text as read, None when off
    clean_sha1: str  # sha1 of the cleaned text (what an id stands for)
    empty: bool  # nothing left to code after cleaning


@dataclass(frozen=True, slots=True)
class FileScan:
    """One input file: its articles signed, and its reader failures, in reading order."""

    path: str
    items: list[Signed | Failure]


@dataclass(slots=True)
class Plan:
    """Per input file (in input order) position → final id, or SKIP; the failures found."""

    files: list[dict[int, str]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    articles_read: int = 0  # articles that are not copies, as a local run counts them
    skipped: int = 0  # of them, empty after cleaning


def scan_file(path: str, cfg: Config) -> FileScan:
    """Read, clean and sign the articles of one input file."""
    limits = ReadLimits(max_article_chars=cfg.ingest.max_article_chars)
    items: list[Signed | Failure] = []
    position = 0
    for item in read_file(Path(path), limits):
        if isinstance(item, Failure):
            items.append(item)
            continue
        items.append(sign(item, position, cfg))
        position += 1
    return FileScan(path, items)


def sign(article: Article, position: int, cfg: Config) -> Signed:
    """The keys of one article's text: copy keys of the text as read, id key as cleaned."""
    cleaned = pipeline.clean_article(article.text, cfg)
    dedup = cfg.ingest.deduplicate
    return Signed(position, article.id, article.origin,
                  text_sha1(article.text) if dedup else "",
                  minhash(article.text) if dedup else None,
                  hashlib.sha1(cleaned.encode("utf-8")).hexdigest(), not cleaned)


def decide(scans: Iterable[FileScan], cfg: Config) -> Plan:
    """The plan for the files in input order: copies and id clashes across all of them."""
    dedup = Deduplicator() if cfg.ingest.deduplicate else None
    guard = pipeline.IdGuard(None, 0)
    plan = Plan()
    for scan in scans:
        decisions: dict[int, str] = {}
        for item in scan.items:
            if isinstance(item, Failure):
                plan.failures.append(item)
                continue
            final = _decide_one(item, dedup, guard, plan)
            if final != item.article_id:
                decisions[item.position] = final
        plan.files.append(decisions)
    return plan


def _decide_one(item: Signed, dedup: Deduplicator | None, guard: pipeline.IdGuard,
                plan: Plan) -> str:
    """The final id of the article, or SKIP (a copy, or empty after cleaning)."""
    article = Article(id=item.article_id, text="", origin=item.origin)
    if dedup is not None and item.signature is not None:
        found = dedup.match_signed(item.article_id, item.digest, item.signature)
        if found is not None:
            plan.failures.append(duplicate_failure(article, found))
            return SKIP
    plan.articles_read += 1
    [final] = guard.assign([(article, item.clean_sha1)])
    if item.empty:
        error = EmptyArticleError(path=article.origin,
                                  what=f"article {article.id!r} after cleaning")
        plan.failures.append(Failure(error.code, article.origin, error.message, article.id))
        plan.skipped += 1
        return SKIP
    return final


def planned_articles(path: str, decisions: dict[int, str], cfg: Config
                     ) -> Iterator[pipeline.Prepared]:
    """The articles of one file to code, cleaned and under their final ids (reader
    failures, copies and empty articles were recorded when the plan was made)."""
    limits = ReadLimits(max_article_chars=cfg.ingest.max_article_chars)
    position = 0
    for item in read_file(Path(path), limits):
        if isinstance(item, Failure):
            continue
        final = decisions.get(position, item.id)
        position += 1
        if final == SKIP:
            continue
        text = pipeline.clean_article(item.text, cfg)
        yield pipeline.Prepared(
            Article(id=final, text=text, published=item.published, url=item.url,
                    title=item.title, publisher=item.publisher, origin=item.origin),
            hashlib.sha1(text.encode("utf-8")).hexdigest())
