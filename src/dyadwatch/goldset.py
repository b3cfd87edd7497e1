"""The real-news gold set: manifest, annotation records, sentence spans and checks.

Annotations are keyed by article id, the character span ``[start, end)`` of their
sentence in the record's raw ``text`` field and the sha1 of ``text[start:end]`` —
never by sentence index, which changes with the splitter. Sentences are dyadwatch's
own: the text is cleaned as ``dyadwatch code`` cleans it, parsed by the pipeline's
spaCy model, and each sentence is mapped back to offsets in the raw text.
The format and the annotation rules are in docs/annotation.md.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dyadwatch.errors import DyadwatchError
from dyadwatch.ingest.clean import clean_text
from dyadwatch.ingest.readers import article_from_record
from dyadwatch.kb.actors import parse_yaml_document
from dyadwatch.model import Article
from dyadwatch.ontology import is_cameo

SENTENCES_PER_ARTICLE = 12
SPLITS = ("dev", "dev2", "dev3", "test")
# Actor codes that do not start with a country: international bodies, NGOs and
# transnational armed groups. Their code itself is the "country" of the country-level key.
TRANSNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
TRANSNATIONAL_CODE_LENGTH = 6  # the shortest code of a named body: its prefix and a name
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA1 = re.compile(r"^[0-9a-f]{40}$")


class GoldSetError(DyadwatchError):
    """A file of the real-news gold set is missing or unusable (the manifest, the sentence
    index, an annotation file with a name that does not say its half). Restore it from git,
    or name annotation files <dev|dev2|dev3|test>.<annotator|gold>.jsonl (docs/annotation.md).
    """

    code = "E130"
    template = "{path}: {what} cannot be used: {detail}"


class CorpusMissingError(DyadwatchError):
    """A corpus file the gold set's articles are read from is absent. The articles live in the
    shared data folder beside the repository (../shared/data), never in it: put the folder
    there, or pass its location with --data (or DYADWATCH_SHARED_DATA).
    """

    code = "E131"
    template = ("{path}: the corpus file of the gold set's articles is absent; pass the shared "
                "data folder with --data or DYADWATCH_SHARED_DATA")


class GoldTextChangedError(DyadwatchError):
    """A gold-set article is missing from its corpus file, or its text is no longer the text
    that was drawn (its sha1 differs from the manifest's). The article and its annotations
    are left out of the scores and the run goes on; restore the corpus file as it was drawn.
    """

    code = "E132"
    template = "{detail}; the article is left out of the scores"


class AnnotationRecordError(DyadwatchError):
    """A line of an annotation file is not a valid record (bad JSON, a missing or unknown
    field, a wrong type). The line is skipped and the rest is scored; fix it with the
    messages of `python tools/gold_check.py`.
    """

    code = "E133"
    template = "{where}: {detail}; the record was skipped (check the file with tools/gold_check.py)"


class ManifestArticle(BaseModel):
    """One drawn article: where it is, which half it belongs to, and its text's hash."""

    model_config = ConfigDict(extra="forbid")

    article_id: str
    corpus: Literal["guardian", "giveme5w1h", "bbc"]
    file: str  # relative to the shared data folder
    split: Literal["dev", "dev2", "dev3", "test"]
    text_sha1: str
    stratum: str  # year (Guardian), news cluster (giveme5w1h), category (BBC)


class Draw(BaseModel):
    """A later draw of articles for one half, with its own seed (the first draw's seed is
    the manifest's ``seed``)."""

    model_config = ConfigDict(extra="forbid")

    split: Literal["dev2", "dev3"]
    seed: int
    about: str


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    about: str
    seed: int
    sentences_per_article: int = SENTENCES_PER_ARTICLE
    draws: list[Draw] = Field(default_factory=list)
    articles: list[ManifestArticle]

    def by_id(self) -> dict[str, ManifestArticle]:
        return {a.article_id: a for a in self.articles}

    def split_ids(self, split: str | None) -> list[str]:
        return [a.article_id for a in self.articles if split is None or a.split == split]


class GoldEvent(BaseModel):
    """One annotated dyadic event (one line of a ``*.jsonl`` annotation file)."""

    model_config = ConfigDict(extra="forbid")

    article_id: str
    span: tuple[int, int]
    sent_sha1: str
    source: str
    source_country: str
    target: str
    target_country: str
    cameo: str
    root: str
    alt_roots: list[str] = Field(default_factory=list)
    reciprocal: bool = False
    date: str | None
    annotator: str
    note: str = ""

    def directed(self) -> list[tuple[str, str, str, str]]:
        """(source, source_country, target, target_country): both ways when reciprocal."""
        forward = (self.source, self.source_country, self.target, self.target_country)
        if not self.reciprocal:
            return [forward]
        return [forward, (self.target, self.target_country, self.source, self.source_country)]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A body sentence as the coder sees it, located in the raw ``text`` field."""

    index: int  # position among the article's non-blank sentences (display only)
    start: int
    end: int
    sha1: str
    text: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A drawn article: its manifest entry, the raw ``text`` field, and the Article that
    ``dyadwatch code`` would code (cleaned text, date, title)."""

    entry: ManifestArticle
    raw: str
    article: Article


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# -- reading -------------------------------------------------------------------------

def read_manifest(path: Path) -> Manifest:
    return Manifest.model_validate_json(path.read_text(encoding="utf-8"))


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a (gzipped) JSONL corpus file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def records_by_id(path: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = set(ids)
    return {str(r["id"]): r for r in read_records(path) if str(r.get("id")) in wanted}


def parse_annotations(lines: Iterable[str], where: str
                      ) -> tuple[list[tuple[int, GoldEvent]], list[tuple[str, str]]]:
    """(line number, record) for each valid annotation line, and (``where:line``, problem)
    for each other."""
    events: list[tuple[int, GoldEvent]] = []
    invalid: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            events.append((number, GoldEvent.model_validate_json(line)))
        except ValidationError as e:
            detail = "; ".join(f"{'.'.join(map(str, err['loc'])) or 'line'}: {err['msg']}"
                               for err in e.errors())
            invalid.append((f"{where}:{number}", detail))
    return events, invalid


def read_annotations(path: Path) -> tuple[list[GoldEvent], list[str]]:
    """The records of an annotation file, and a coded warning (E133) for each invalid line."""
    numbered, invalid = parse_annotations(path.read_text(encoding="utf-8").splitlines(),
                                          str(path))
    return ([event for _, event in numbered],
            [str(AnnotationRecordError(where=w, detail=d)) for w, d in invalid])


def gold_article(entry: ManifestArticle, record: dict[str, Any],
                 clean_furniture: bool = True) -> GoldArticle | str:
    """The GoldArticle of ``record``, or a problem when its text is not the drawn text."""
    raw = record.get("text")
    if not isinstance(raw, str) or text_sha1(raw) != entry.text_sha1:
        return (f"{entry.article_id}: the text in {entry.file} is not the text that was drawn "
                "(text_sha1 differs); the corpus file has changed")
    items = [i for i in article_from_record(record, entry.file, entry.article_id)
             if isinstance(i, Article)]
    if not items:
        return f"{entry.article_id}: no article could be read from its record in {entry.file}"
    article = items[0]
    article = Article(id=entry.article_id, text=clean_for_coding(raw, clean_furniture),
                      published=article.published, url=article.url, title=article.title,
                      publisher=article.publisher, origin=f"{entry.file}#{entry.article_id}")
    return GoldArticle(entry, raw, article)


def load_gold_articles(manifest: Manifest, data: Path, ids: Sequence[str],
                       clean_furniture: bool = True) -> tuple[list[GoldArticle], list[str]]:
    """The manifest's articles ``ids`` read from the corpora under ``data``, in order,
    and a problem for each one that is missing or whose text changed."""
    entries = manifest.by_id()
    problems = [f"{i}: not in the manifest" for i in ids if i not in entries]
    wanted = [entries[i] for i in ids if i in entries]
    records: dict[str, dict[str, Any]] = {}
    for file in sorted({e.file for e in wanted}):
        records.update(records_by_id(data / file, [e.article_id for e in wanted]))
    found: list[GoldArticle] = []
    for entry in wanted:
        if entry.article_id not in records:
            problems.append(f"{entry.article_id}: no record with this id in {entry.file}")
            continue
        result = gold_article(entry, records[entry.article_id], clean_furniture)
        if isinstance(result, str):
            problems.append(result)
        else:
            found.append(result)
    return found, problems


# -- sentences -----------------------------------------------------------------------

def _nonspace(text: str) -> tuple[str, list[int]]:
    offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in offsets), offsets


def _at_line_start(raw: str, offset: int) -> bool:
    k = offset - 1
    while k >= 0 and raw[k].isspace() and raw[k] != "\n":
        k -= 1
    return k < 0 or raw[k] == "\n"


def offset_map(raw: str, cleaned: str) -> list[int]:
    """The raw offset of every character of ``cleaned`` (-1 for whitespace).

    Cleaning drops whole lines, strips them and rejoins wrapped lines, so each
    cleaned paragraph is, apart from whitespace, a run of whole raw lines; it is
    found in the raw text at a line start after the previous paragraph.
    """
    mapping = [-1] * len(cleaned)
    raw_chars, raw_offsets = _nonspace(raw)
    position, start = 0, 0
    for paragraph in cleaned.split("\n\n"):
        chars, offsets = _nonspace(paragraph)
        found = raw_chars.find(chars, position)
        while found >= 0 and chars and not _at_line_start(raw, raw_offsets[found]):
            found = raw_chars.find(chars, found + 1)
        if found < 0:
            raise ValueError(f"cleaned paragraph at {start} not found in the raw text")
        for k, offset in enumerate(offsets):
            mapping[start + offset] = raw_offsets[found + k]
        position = found + len(chars)
        start += len(paragraph) + 2
    return mapping


def clean_for_coding(raw: str, clean_furniture: bool = True) -> str:
    """The text ``dyadwatch code`` parses for a record whose ``text`` field is ``raw``."""
    text = raw.strip()
    return clean_text(text).text if clean_furniture else text


def raw_span(mapping: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
    """The raw ``[start, end)`` of the cleaned range, trimmed of whitespace; None if blank."""
    inside = [mapping[i] for i in range(start, end) if mapping[i] >= 0]
    return (inside[0], inside[-1] + 1) if inside else None


def doc_sentence_spans(raw: str, doc: Any) -> list[tuple[int, int] | None]:
    """For every sentence of ``doc`` (the parsed cleaned text), its raw span (None if blank)."""
    mapping = offset_map(raw, doc.text)
    return [raw_span(mapping, sent.start_char, sent.end_char) for sent in doc.sents]


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def located_sentences(raw: str, doc: Any) -> list[Sentence]:
    """Every non-blank sentence of ``doc``, located in ``raw`` (index among them)."""
    found: list[Sentence] = []
    for span in doc_sentence_spans(raw, doc):
        if span is not None:
            text = raw[span[0]:span[1]]
            found.append(Sentence(len(found), span[0], span[1], text_sha1(text), text))
    return found


def split_headline(sentences: Sequence[Sentence],
                   title: str | None) -> tuple[list[Sentence], list[Sentence]]:
    """(headline, body): leading sentences that repeat the record's title are its headline."""
    count = 0
    if title:
        for sentence in sentences:
            if _normal(sentence.text) not in _normal(title):
                break
            count += 1
    return list(sentences[:count]), list(sentences[count:])


def body_sentences(raw: str, doc: Any, title: str | None = None,
                   limit: int | None = SENTENCES_PER_ARTICLE) -> list[Sentence]:
    """The first ``limit`` body sentences (the headline set apart), indexed from 0."""
    _, body = split_headline(located_sentences(raw, doc), title)
    body = body[:limit] if limit is not None else body
    return [Sentence(k, s.start, s.end, s.sha1, s.text) for k, s in enumerate(body)]


def render_sentence_index(listed: Mapping[str, Sequence[Sentence]], model: str) -> str:
    """sentences.json: the annotated sentences of every article (spans and hashes only)."""
    about = ("The annotated region of the real-news gold set: each article's listed body "
             "sentences as [start, end, sha1] in its raw text field (tools/gold_sentences.py "
             "--write).")
    lines = ["{", f' "about": {json.dumps(about)},', f' "model": {json.dumps(model)},',
             ' "articles": {']
    items = sorted(listed.items())
    for k, (article_id, sentences) in enumerate(items):
        rows = ",\n".join(f"   {json.dumps([s.start, s.end, s.sha1])}" for s in sentences)
        comma = "," if k < len(items) - 1 else ""
        lines.append(f"  {json.dumps(article_id)}: [\n{rows}\n  ]{comma}")
    return "\n".join([*lines, " }", "}"]) + "\n"


def read_sentence_index(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {article_id: [(int(s[0]), int(s[1]), str(s[2])) for s in spans]
            for article_id, spans in raw["articles"].items()}


# -- checks --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def known_actor_codes() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(country codes, transnational codes, sector codes) from dyadwatch's actor files,
    read as the dictionaries are (libyaml: 0.02 s of CPU instead of 0.16 s, in every process
    that meets a sector code without a country)."""
    folder = resources.files("dyadwatch").joinpath("data/actors")

    def load(name: str) -> dict[str, Any]:
        return parse_yaml_document(folder.joinpath(name).read_text(encoding="utf-8"),
                                   f"data/actors/{name}")

    countries = frozenset(str(c["country"]) for c in load("countries.yaml")["countries"])
    bodies = [*load("igos.yaml")["igos"], *load("groups.yaml")["groups"]]
    transnational = frozenset(str(b["code"]) for b in bodies
                              if str(b.get("code", ""))[:3] in TRANSNATIONAL_PREFIXES)
    sectors = frozenset(str(r["code"])[k:k + 3] for r in load("roles.yaml")["roles"]
                        for k in range(0, len(str(r["code"])), 3))
    return countries, transnational, sectors


def country_key(code: str | None, country: str | None) -> str | None:
    """The country-level identity of an actor: its ISO3 country, or for an international
    body, NGO or transnational group its own code (IGOUNO, IMGMUSISI)."""
    if code and code[:3] in TRANSNATIONAL_PREFIXES:
        # a named body (IGOUNO, NGODEV); the bare kind ("an aid agency", "the international
        # community": NGO, IGO) names no one
        return code if len(code) >= TRANSNATIONAL_CODE_LENGTH else None
    if country:
        return country
    # a sector code without a country ("GOV", "REF", "CVL") is not a known actor
    return code[:3] if code and code[:3] in known_actor_codes()[0] else None


def actor_problems(code: str, country: str, side: str) -> list[str]:
    countries, transnational, sectors = known_actor_codes()
    if country[:3] in TRANSNATIONAL_PREFIXES:
        if not re.fullmatch(r"[A-Z]{6,15}", country):
            return [f"{side}_country {country!r} is not an actor code"]
        if country not in transnational:
            return [f"{side}_country {country!r} is not in igos.yaml or groups.yaml"]
    elif country not in countries:
        return [f"{side}_country {country!r} is not a country code of countries.yaml"]
    if not code.startswith(country):
        return [f"{side} {code!r} does not start with {side}_country {country!r}"]
    rest = code[len(country):]
    chunks = [rest[k:k + 3] for k in range(0, len(rest), 3)]
    bad = [c for c in chunks if c not in sectors]
    if bad:
        return [f"{side} {code!r}: unknown sector part(s) {', '.join(bad)} "
                f"(known: {', '.join(sorted(sectors))})"]
    return []


def event_problems(event: GoldEvent) -> list[str]:
    """What is wrong with one annotation's codes, date and hash (empty when well formed)."""
    problems = actor_problems(event.source, event.source_country, "source")
    problems += actor_problems(event.target, event.target_country, "target")
    if not is_cameo(event.cameo):
        problems.append(f"cameo {event.cameo!r} is not a CAMEO event code")
    if event.root != event.cameo[:2]:
        problems.append(f"root {event.root!r} is not the first two digits of {event.cameo!r}")
    for alt in event.alt_roots:
        if not is_cameo(alt) or len(alt) != 2 or alt == event.root:
            problems.append(f"alt_roots entry {alt!r} is not another two-digit CAMEO root")
    if event.date is not None and not _ISO_DATE.match(event.date):
        problems.append(f"date {event.date!r} is not YYYY-MM-DD or null")
    if not _SHA1.match(event.sent_sha1):
        problems.append(f"sent_sha1 {event.sent_sha1!r} is not 40 hex digits")
    if event.source_country == event.target_country and event.source == event.target:
        problems.append("source and target are the same actor")
    return problems


def span_problems(event: GoldEvent, listed: Sequence[tuple[int, int, str]],
                  text: str | None = None) -> list[str]:
    """Is the span one of the article's listed sentences with its hash (and, when the raw
    ``text`` is at hand, does the hash match the text there)?"""
    start, end = event.span
    problems = []
    if not any((s, e) == (start, end) for s, e, _ in listed):
        problems.append(f"span {list(event.span)} is not one of the article's "
                        f"{len(listed)} listed sentences (see tools/gold_sentences.py)")
    elif not any((s, e, h) == (start, end, event.sent_sha1) for s, e, h in listed):
        problems.append(f"sent_sha1 is not the hash of the sentence at {list(event.span)}")
    if text is not None and not 0 <= start < end <= len(text):
        problems.append(f"span {list(event.span)} lies outside the text ({len(text)} chars)")
    elif text is not None and text_sha1(text[start:end]) != event.sent_sha1:
        problems.append(f"sent_sha1 does not match text[{start}:{end}]")
    return problems


def file_role(path: Path) -> tuple[str | None, str | None]:
    """(split, annotator) from a file name ``<split>.<annotator>.jsonl``; annotator None
    for the adjudicated ``<split>.gold.jsonl``."""
    parts = path.name.split(".")
    if len(parts) != 3 or parts[0] not in SPLITS:
        return None, None
    return parts[0], None if parts[1] == "gold" else parts[1]


def annotation_problems(numbered: Sequence[tuple[int, GoldEvent]], where: str,
                        manifest: Manifest, index: dict[str, list[tuple[int, int, str]]],
                        texts: dict[str, str] | None = None) -> list[str]:
    """Every problem of an annotation file's records against the manifest and the sentence
    index (and the raw texts when given), each as ``where:line: problem``."""
    split, annotator = file_role(Path(where))
    entries = manifest.by_id()
    problems: list[str] = []
    seen: dict[tuple[object, ...], int] = {}
    for line, event in numbered:
        found = event_problems(event)
        entry = entries.get(event.article_id)
        if entry is None:
            found.append(f"article {event.article_id!r} is not in the manifest")
        else:
            if split is not None and entry.split != split:
                found.append(f"article {event.article_id!r} belongs to the {entry.split} half")
            found += span_problems(event, index.get(event.article_id, []),
                                   (texts or {}).get(event.article_id))
        if annotator is not None and event.annotator != annotator:
            found.append(f"annotator {event.annotator!r} in a file of annotator {annotator!r}")
        key = (event.article_id, *event.span, event.source, event.target, event.cameo)
        if key in seen:
            found.append(f"same event as line {seen[key]}")
        seen.setdefault(key, line)
        problems += [f"{where}:{line}: {p}" for p in found]
    return problems
