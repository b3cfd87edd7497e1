"""A tiny real-news gold folder of our own for the gold-set and scorer tests.

One invented article (our own words) with page furniture and a hard-wrapped line, its
manifest, its sentence index, annotations, and a stand-in coder that emits chosen
events on chosen sentences — no spaCy model needed (a blank English pipeline with the
rule-based sentencizer splits the sentences).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import spacy

from dyadwatch.goldset import (
    Manifest,
    ManifestArticle,
    body_sentences,
    clean_for_coding,
    render_sentence_index,
    text_sha1,
)
from dyadwatch.model import Article, Event

RAW = ("  Chile and Peru agreed on Monday to reopen\ntheir border crossings.\n\n"
       "Read more: Andean trade talks resume\n\n"
       "Peru's army shelled a Chilean outpost, officials said.\n"
       "The minister did not comment.\n")
ARTICLE_ID = "fixture-1"
FILE = "news/fixture.jsonl"
DATE = "2031-05-14"


def blank_nlp() -> Any:
    """A blank English pipeline: punctuation and line breaks end sentences."""
    import dyadwatch.nlp.components  # noqa: F401  (registers the paragraph component)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dyadwatch_paragraph_sentences_v1")
    return nlp


def sentences(limit: int | None = None) -> list[Any]:
    doc = blank_nlp()(clean_for_coding(RAW))
    return body_sentences(RAW, doc, None, limit)


def gold_record(index: int, **fields: Any) -> dict[str, Any]:
    sentence = sentences()[index]
    record: dict[str, Any] = {"article_id": ARTICLE_ID, "span": [sentence.start, sentence.end],
                              "sent_sha1": sentence.sha1, "alt_roots": [], "date": None,
                              "annotator": "a"}
    record.update(fields)
    return record


def write_folder(root: Path, annotations: dict[str, Sequence[dict[str, Any]]],
                 region: int = 2) -> tuple[Path, Path]:
    """(gold folder, data folder): the corpus file, manifest, sentence index of the first
    ``region`` sentences, and the given annotation files."""
    data = root / "data"
    (data / "news").mkdir(parents=True)
    (data / FILE).write_text(json.dumps({"id": ARTICLE_ID, "date": DATE, "text": RAW}) + "\n",
                             encoding="utf-8")
    folder = root / "gold"
    folder.mkdir()
    entry = ManifestArticle(article_id=ARTICLE_ID, corpus="guardian", file=FILE, split="dev",
                            text_sha1=text_sha1(RAW), stratum="2031")
    manifest = Manifest(about="test", seed=1, articles=[entry])
    (folder / "articles.json").write_text(manifest.model_dump_json(), encoding="utf-8")
    (folder / "sentences.json").write_text(
        render_sentence_index({ARTICLE_ID: sentences(region)}, "blank"), encoding="utf-8")
    for name, records in annotations.items():
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in records),
                                   encoding="utf-8")
    return folder, data


def event(doc: Any, index: int, source: str | None, target: str | None, root: str,
          date: str | None = None) -> Event:
    position, sent = [(i, s) for i, s in enumerate(doc.sents) if s.text.strip()][index]
    return Event(
        event_id=f"e{index}{source}{target}{root}", article_id=ARTICLE_ID, date=date,
        source=source, target=target, source_country=source[:3] if source else None,
        target_country=target[:3] if target else None, source_text=None, target_text=None,
        cameo=root + "0", cameo_root=root, plover_type=None, plover_mode=None, goldstein=None,
        quad_class=1, sentence=sent.text.strip(), sentence_index=position, trigger="x",
        trigger_start=sent.start_char, negated=False, modality="asserted", location=None,
        rule="test", dictionary_version="test")


class StandInCoder:
    """Emits, for the fixture article, the events listed as (sentence index, source,
    target, root, date)."""

    def __init__(self, plan: Sequence[tuple[int, str | None, str | None, str, str | None]]):
        self.plan = plan

    def code_doc(self, doc: Any, article: Article) -> list[Event]:
        return [event(doc, *row) for row in self.plan]
