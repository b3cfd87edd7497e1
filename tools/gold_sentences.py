"""Print what is to be annotated in gold-set articles: date, headline, first 12 sentences.

    python tools/gold_sentences.py ARTICLE_ID [ARTICLE_ID ...]
    python tools/gold_sentences.py --split dev2
    python tools/gold_sentences.py --split test --jsonl     # one JSON object per sentence
    python tools/gold_sentences.py --write                  # add new articles to sentences.json

Each body sentence comes with its index, its character span [start, end) in the
record's raw `text` field and the sha1 of text[start:end] — the key an annotation
carries (docs/annotation.md). Sentences are dyadwatch's own (the cleaning of
`dyadwatch code` and the pipeline's spaCy model). Only sentence splitting runs here:
no event coding is run or shown, so annotators read the text alone.

`--write` records the listed sentences of the manifest articles (spans and hashes,
no text) in tests/eval/realnews/sentences.json: the annotated region the scorer and
the checker use, so a later change of splitter cannot move it. An article already in
the file keeps its entry as it is (annotations refer to it); only articles new to the
manifest (a later draw) are split and added.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from dyadwatch.goldset import (
    SPLITS,
    GoldArticle,
    Sentence,
    body_sentences,
    load_gold_articles,
    read_manifest,
    read_sentence_index,
    render_sentence_index,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_draw import MANIFEST, shared_data  # noqa: E402

SENTENCE_INDEX = MANIFEST.parent / "sentences.json"


def render_text(gold: GoldArticle, sentences: Sequence[Sentence]) -> str:
    entry, article = gold.entry, gold.article
    lines = [f"== {entry.article_id}  [{entry.split}]  {entry.corpus}  "
             f"date {article.published or 'none'}"]
    if article.title:
        lines.append(f"   HEADLINE (kept apart, not annotated): {article.title}")
    for s in sentences:
        lines.append(f"[{s.index}] span [{s.start}, {s.end}]  sha1 {s.sha1}")
        lines.append("    " + " ".join(s.text.split()))
    return "\n".join(lines)


def render_jsonl(gold: GoldArticle, sentences: Sequence[Sentence]) -> str:
    return "\n".join(json.dumps({"article_id": gold.entry.article_id, "index": s.index,
                                 "span": [s.start, s.end], "sent_sha1": s.sha1,
                                 "date": gold.article.published, "text": s.text},
                                ensure_ascii=False) for s in sentences)


def kept_sentences(ids: Sequence[str]) -> dict[str, list[Sentence]]:
    """The entries of ``ids`` already in sentences.json (spans and hashes; no text)."""
    if not SENTENCE_INDEX.exists():
        return {}
    index = read_sentence_index(SENTENCE_INDEX)
    return {i: [Sentence(k, s, e, h, "") for k, (s, e, h) in enumerate(index[i])]
            for i in ids if i in index}


def recorded_model(fallback: str) -> str:
    if not SENTENCE_INDEX.exists():
        return fallback
    return str(json.loads(SENTENCE_INDEX.read_text(encoding="utf-8")).get("model", fallback))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*", metavar="ARTICLE_ID")
    parser.add_argument("--split", choices=SPLITS)
    parser.add_argument("--jsonl", action="store_true", help="one JSON object per sentence")
    parser.add_argument("--write", action="store_true",
                        help=f"write the sentence index of all articles to {SENTENCE_INDEX.name}")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--model", default=None, help="spaCy model (default: nlp.model)")
    args = parser.parse_args()
    if not args.ids and not args.split and not args.write:
        parser.error("give ARTICLE_IDs, --split dev|dev2|test or --write")
    from dyadwatch.config import load_config
    from dyadwatch.nlp import load_pipeline

    cfg = load_config()
    manifest = read_manifest(args.manifest)
    ids = manifest.split_ids(None) if args.write else args.ids or manifest.split_ids(args.split)
    kept = kept_sentences(ids) if args.write else {}
    ids = [i for i in ids if i not in kept]
    golds, problems = load_gold_articles(manifest, shared_data(), ids,
                                         cfg.ingest.clean_furniture)
    for problem in problems:
        print(f"gold_sentences: {problem}", file=sys.stderr)
    nlp = load_pipeline(args.model or cfg.nlp.model)
    listed = {g.entry.article_id: body_sentences(g.raw, doc, g.article.title,
                                                  manifest.sentences_per_article)
              for g, doc in zip(golds, nlp.pipe(g.article.text for g in golds), strict=True)}
    if args.write:
        model = f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
        if recorded_model(model) != model:
            print(f"gold_sentences: the new articles are split by {model}, the kept ones "
                  f"were split by {recorded_model(model)}", file=sys.stderr)
        SENTENCE_INDEX.write_text(render_sentence_index({**kept, **listed},
                                                        recorded_model(model)),
                                  encoding="utf-8")
        print(f"wrote {SENTENCE_INDEX}: kept {len(kept)} articles, added {len(listed)} "
              f"({sum(map(len, listed.values()))} sentences)")
        return 1 if problems else 0
    for gold in golds:
        sentences = listed[gold.entry.article_id]
        print(render_jsonl(gold, sentences) if args.jsonl else render_text(gold, sentences) + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
