"""How much a candidate-sentence pass could save: the share of sentences that a cheap filter
built from the coder's actor resources lets through, and the coded sentences it would lose.

    .venv/bin/python bench/candidates.py --corpus bbc -n 300
    .venv/bin/python bench/candidates.py --corpus guardian -n 249

The filter passes a sentence when any of its tokens (lower-cased) is the first word of an
actor's surface form, a demonym, the first word of a role word, or a pronoun that could
point to an actor. Every sentence of the full parse is tested (the parser's sentence
split, the best case for the pass), and the sentences where the coder found events are
counted. A pass parses only the sentences that pass, so the share that passes bounds what
it can save of the parser's and the recogniser's time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import FILES, shared_data_dir  # noqa: E402 (the bench folder is not a package)

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "its", "their", "his",
                      "her", "them", "our", "this", "these", "those", "who", "which"})


def filter_words(actors: Any) -> frozenset[str]:
    """First words of actor names and role words, and demonyms, lower-cased."""
    words = {form.lower().split()[0] for form, _, _ in actors.surface_forms() if form.strip()}
    words |= {w.lower() for w in actors.demonyms}
    words |= {w.lower().split()[0] for w in actors.roles if w.strip()}
    return frozenset(words) | PRONOUNS


def read_texts(corpus: str, n: int) -> list[str]:
    path = shared_data_dir() / "news" / FILES[corpus]
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    texts: list[str] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = (json.loads(line).get("text") or "").strip()
            if text:
                texts.append(text)
            if len(texts) >= n:
                break
    return texts


def main() -> None:
    from dyadwatch.config import load_config
    from dyadwatch.engine.local import worker_context
    from dyadwatch.model import Article
    from dyadwatch.resource_cache import load_cached_resources

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(FILES), default="bbc")
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    cfg = load_config(environ={})
    nlp, coder = worker_context(cfg.model_dump_json(), ())
    words = filter_words(load_cached_resources().actors)
    total = passed = coded = lost = 0
    texts = read_texts(args.corpus, args.n)
    for i, doc in enumerate(nlp.pipe(texts, batch_size=cfg.nlp.batch_size)):
        with_events = {e.sentence_index for e in coder.code_doc(doc, Article(str(i), doc.text))}
        for k, sent in enumerate(s for s in doc.sents if s.text.strip()):
            passes = any(token.lower_ in words for token in sent)
            total, passed = total + 1, passed + passes
            if k in with_events:
                coded += 1
                lost += not passes
    print(f"{args.corpus} {len(texts)} articles: {total} sentences, {passed} pass the filter "
          f"({passed / total:.1%}), {coded} have events ({coded / total:.1%}), "
          f"{lost} of those fail the filter")


if __name__ == "__main__":
    main()
