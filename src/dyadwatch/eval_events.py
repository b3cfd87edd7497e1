"""Scoring whole-article event records against the real-news gold set (docs/annotation.md).

A gold event and a system event match when they are in the same article, their
sentences overlap, their sides agree at the chosen level — (source country, target
country) or, with sectors, (source, target) — and the system root is the gold root
or one of its alternative roots. Matching is one-to-one (a maximum matching per
article). A reciprocal gold event counts as two directed events. Precision counts
the dyadic system events (both sides known) whose sentence lies in the annotated
region; recall counts the directed gold events.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dyadwatch.errors import CodingError
from dyadwatch.goldset import (
    SPLITS,
    CorpusMissingError,
    GoldArticle,
    GoldEvent,
    GoldSetError,
    GoldTextChangedError,
    country_key,
    doc_sentence_spans,
    file_role,
    load_gold_articles,
    read_annotations,
    read_manifest,
    read_sentence_index,
)
from dyadwatch.model import Article, Event

Span = tuple[int, int]
SentenceIndex = dict[str, list[tuple[int, int, str]]]


@dataclass(frozen=True, slots=True)
class Located:
    """An event (gold or system) reduced to what is scored."""

    article_id: str
    span: Span
    source: str
    source_country: str
    target: str
    target_country: str
    roots: frozenset[str]
    date: str | None


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    sides: Callable[[Located], tuple[str, str]]


COUNTRY = Level("country", lambda e: (e.source_country, e.target_country))
SECTORS = Level("sectors", lambda e: (e.source, e.target))


def gold_located(events: Iterable[GoldEvent]) -> list[Located]:
    """Directed gold events: a reciprocal record gives both directions."""
    located = []
    for event in events:
        roots = frozenset((event.root, *event.alt_roots))
        for source, source_country, target, target_country in event.directed():
            located.append(Located(event.article_id, event.span, source, source_country,
                                   target, target_country, roots, event.date))
    return located


def event_span(event: Event, doc: Any, spans: Sequence[Span | None]) -> Span | None:
    """The raw span of the sentence ``event`` was coded from (by its index, checked
    against its text; else the sentence holding its trigger)."""
    sents = list(doc.sents)
    index = event.sentence_index
    if 0 <= index < len(sents) and sents[index].text.strip() == event.sentence:
        return spans[index]
    for k, sent in enumerate(sents):
        if sent.start_char <= event.trigger_start < sent.end_char:
            return spans[k]
    return None


def system_located(gold: GoldArticle, doc: Any,
                   events: Iterable[Event]) -> tuple[list[Located], int]:
    """The dyadic system events of one article, located in its raw text, and the number
    of events left out because a side is unknown."""
    spans = doc_sentence_spans(gold.raw, doc)
    located, one_sided = [], 0
    for event in events:
        source = country_key(event.source, event.source_country)
        target = country_key(event.target, event.target_country)
        span = event_span(event, doc, spans)
        if span is None:
            continue
        if source is None or target is None or event.source is None or event.target is None:
            one_sided += 1
            continue
        located.append(Located(gold.entry.article_id, span, event.source, source,
                               event.target, target, frozenset({event.cameo_root}),
                               event.date))
    return located, one_sided


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def in_region(article_id: str, span: Span, index: SentenceIndex) -> bool:
    """Does ``span`` overlap one of the article's annotated sentences?"""
    return any(overlaps(span, (s, e)) for s, e, _ in index.get(article_id, []))


def compatible(gold: Located, system: Located, level: Level) -> bool:
    return (gold.article_id == system.article_id and overlaps(gold.span, system.span)
            and level.sides(gold) == level.sides(system) and bool(gold.roots & system.roots))


def match(gold: Sequence[Located], system: Sequence[Located],
          level: Level) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of compatible (gold index, system index) pairs."""
    edges = {g: [s for s, sys_event in enumerate(system)
                 if compatible(gold_event, sys_event, level)]
             for g, gold_event in enumerate(gold)}
    owner: dict[int, int] = {}  # system index → gold index

    def augment(g: int, seen: set[int]) -> bool:
        for s in edges[g]:
            if s not in seen:
                seen.add(s)
                if s not in owner or augment(owner[s], seen):
                    owner[s] = g
                    return True
        return False

    for g in edges:
        augment(g, set())
    return sorted((g, s) for s, g in owner.items())


@dataclass(frozen=True, slots=True)
class LevelScore:
    matched: int
    n_gold: int
    n_system: int

    @property
    def precision(self) -> float:
        return self.matched / self.n_system if self.n_system else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        total = self.n_gold + self.n_system
        return 2 * self.matched / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "matched": self.matched, "gold": self.n_gold,
                "system": self.n_system}


def date_accuracy(gold: Sequence[Located], system: Sequence[Located],
                  pairs: Sequence[tuple[int, int]]) -> dict[str, float | int]:
    """Exact-day agreement over the matched events whose gold names a day, and over all
    matched events (where a gold null is right only against a system null: the record
    falls back to the article date, which the gold does not presume)."""
    dated = [(g, s) for g, s in pairs if gold[g].date is not None]
    dated_right = sum(gold[g].date == system[s].date for g, s in dated)
    right = sum(gold[g].date == system[s].date for g, s in pairs)
    return {"date_accuracy": round(dated_right / len(dated), 4) if dated else 0.0,
            "dated": len(dated),
            "date_accuracy_all": round(right / len(pairs), 4) if pairs else 0.0,
            "matched": len(pairs)}


def score_located(gold: Sequence[Located], system: Sequence[Located]) -> dict[str, Any]:
    """P/R/F1 at the country level and with sectors, and date accuracy."""
    country = match(gold, system, COUNTRY)
    sectors = match(gold, system, SECTORS)
    return {"country": LevelScore(len(country), len(gold), len(system)).as_dict(),
            "sectors": LevelScore(len(sectors), len(gold), len(system)).as_dict(),
            "dates": date_accuracy(gold, system, country)}


def article_counts(gold: Sequence[Located], system: Sequence[Located],
                   pairs: Sequence[tuple[int, int]],
                   article_ids: Iterable[str]) -> list[tuple[int, int, int]]:
    """(matched, gold, system) per article, every article of the half included."""
    counts = {a: [0, 0, 0] for a in article_ids}
    for g, _ in pairs:
        counts[gold[g].article_id][0] += 1
    for event in gold:
        counts[event.article_id][1] += 1
    for event in system:
        counts[event.article_id][2] += 1
    return [(m, g, s) for m, g, s in counts.values()]


def bootstrap_interval(counts: Sequence[tuple[int, int, int]], reps: int = 2000,
                       seed: int = 14) -> dict[str, list[float]]:
    """95% percentile intervals of precision, recall and F1, resampling articles (seeded)."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {"precision": [], "recall": [], "f1": []}
    for _ in range(reps if counts else 0):
        drawn = [counts[rng.randrange(len(counts))] for _ in counts]
        score = LevelScore(*(sum(c[k] for c in drawn) for k in range(3)))
        samples["precision"].append(score.precision)
        samples["recall"].append(score.recall)
        samples["f1"].append(score.f1)
    return {name: _percentiles(values) for name, values in samples.items()}


def _percentiles(values: list[float]) -> list[float]:
    if not values:
        return [0.0, 0.0]
    ordered = sorted(values)
    low, high = ordered[int(0.025 * len(ordered))], ordered[int(0.975 * len(ordered)) - 1]
    return [round(low, 4), round(high, 4)]


def agreement(first: Iterable[GoldEvent], second: Iterable[GoldEvent]) -> dict[str, Any]:
    """Event-level agreement between two annotators: F1 at both levels (symmetric), the
    first annotator taken as reference for precision and recall."""
    return score_located(gold_located(first), gold_located(second))


def resplit_sentences(index: SentenceIndex, current: dict[str, list[Span | None]]) -> int:
    """Annotated sentences whose span the current splitter no longer gives exactly."""
    return sum(1 for article_id, listed in index.items() if article_id in current
               for s, e, _ in listed if (s, e) not in set(current[article_id]))


# -- running it ----------------------------------------------------------------------

CodeDocs = Callable[[Sequence[Article]], Iterable[tuple[Any, Sequence[Event]]]]


def gold_files(path: Path) -> tuple[Path, dict[str, Path]]:
    """The gold folder and the annotation file scored for each half (dev, dev2, test, in
    that order): ``<split>.gold.jsonl``, else ``<split>.a.jsonl`` (dev.gold = dev.a); or
    the one file given."""
    if path.is_dir():
        files = {}
        for split in SPLITS:
            for name in (f"{split}.gold.jsonl", f"{split}.a.jsonl"):
                if (path / name).exists():
                    files[split] = path / name
                    break
        return path, files
    half, _ = file_role(path)
    if half is None:
        raise GoldSetError(path=str(path), what="annotation file",
                           detail="its name must be <dev|dev2|dev3|test>.<annotator|gold>.jsonl")
    return path.parent, {half: path}


T = TypeVar("T")


def _read(reader: Callable[[Path], T], path: Path, what: str) -> T:
    """``reader(path)``, a missing or malformed file raised as GoldSetError (E130)."""
    try:
        return reader(path)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GoldSetError(path=str(path), what=what, detail=f"{type(e).__name__}: {e}") from e


def load_half(folder: Path, split: str, data: Path,
              clean_furniture: bool = True) -> tuple[list[GoldArticle], list[str]]:
    """The half's articles read from the corpora, with a coded warning for each one that
    is missing or changed; CorpusMissingError when a corpus file is absent."""
    manifest = _read(read_manifest, folder / "articles.json", "the manifest")
    ids = manifest.split_ids(split)
    entries = manifest.by_id()
    for file in sorted({entries[i].file for i in ids}):
        if not (data / file).exists():
            raise CorpusMissingError(path=str(data / file))
    golds, problems = load_gold_articles(manifest, data, ids, clean_furniture)
    return golds, [str(GoldTextChangedError(detail=p)) for p in problems]


def system_events(golds: Sequence[GoldArticle], code_docs: CodeDocs,
                  index: SentenceIndex) -> tuple[list[Located], dict[str, int]]:
    """Code the whole articles; keep the dyadic events whose sentence lies in the annotated
    region. Also counts: one-sided events in the region, re-split annotated sentences."""
    kept: list[Located] = []
    counts = {"one_sided": 0, "resplit_sentences": 0}
    current: dict[str, list[Span | None]] = {}
    results = code_docs([g.article for g in golds])
    for gold, (doc, events) in zip(golds, results, strict=True):
        spans = doc_sentence_spans(gold.raw, doc)
        current[gold.entry.article_id] = spans
        in_area = [e for e in events
                   if (span := event_span(e, doc, spans)) is not None
                   and in_region(gold.entry.article_id, span, index)]
        located, one_sided = system_located(gold, doc, in_area)
        kept += located
        counts["one_sided"] += one_sided
    counts["resplit_sentences"] = resplit_sentences(index, current)
    return kept, counts


def doc_coder(nlp: Any, coder: Any, warnings: list[str]) -> CodeDocs:
    """Parse and code articles with ``nlp`` and ``coder``; an article the coder fails on
    gets no events and a coded warning (E301) in ``warnings``."""

    def code_docs(articles: Sequence[Article]) -> list[tuple[Any, Sequence[Event]]]:
        results: list[tuple[Any, Sequence[Event]]] = []
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            try:
                results.append((doc, coder.code_doc(doc, article)))
            except Exception as e:  # a coder bug must not end the evaluation: record it
                error = CodingError(article_id=article.id, detail=f"{type(e).__name__}: {e}")
                warnings.append(str(error))
                results.append((doc, []))
        return results

    return code_docs


def score_half(folder: Path, split: str, gold_file: Path, data: Path, code_docs: CodeDocs,
               clean_furniture: bool = True) -> tuple[dict[str, Any], list[str]]:
    """The report of one half (scores, counts, agreement when both annotators exist) and
    the coded warnings met on the way."""
    index = _read(read_sentence_index, folder / "sentences.json", "the sentence index")
    golds, warnings = load_half(folder, split, data, clean_furniture)
    events, invalid = read_annotations(gold_file)
    loaded = {g.entry.article_id for g in golds}
    gold = [e for e in gold_located(events) if e.article_id in loaded]
    system, counts = system_events(golds, code_docs, index)
    report: dict[str, Any] = {
        "name": f"real-news events ({split})", "split": split, "gold_file": gold_file.name,
        "articles": len(golds), "sentences": sum(len(index.get(i, [])) for i in loaded),
        **score_located(gold, system), **counts,
        "by_corpus": by_corpus(gold, system, {g.entry.article_id: g.entry.corpus
                                              for g in golds}),
        "country_interval": bootstrap_interval(article_counts(
            gold, system, match(gold, system, COUNTRY), sorted(loaded))),
        "agreement": half_agreement(folder, split)}
    return report, warnings + invalid


def by_corpus(gold: Sequence[Located], system: Sequence[Located],
              corpus_of: dict[str, str]) -> dict[str, dict[str, float | int]]:
    """Country-level P/R/F1 of each corpus's articles."""
    scores = {}
    for corpus in sorted(set(corpus_of.values())):
        mine_gold = [e for e in gold if corpus_of[e.article_id] == corpus]
        mine_system = [e for e in system if corpus_of[e.article_id] == corpus]
        matched = match(mine_gold, mine_system, COUNTRY)
        scores[corpus] = LevelScore(len(matched), len(mine_gold), len(mine_system)).as_dict()
    return scores


def half_agreement(folder: Path, split: str) -> dict[str, Any] | None:
    """Agreement of annotators a and b on the half, when both files exist."""
    first, second = folder / f"{split}.a.jsonl", folder / f"{split}.b.jsonl"
    if not (first.exists() and second.exists()):
        return None
    return agreement(read_annotations(first)[0], read_annotations(second)[0])
