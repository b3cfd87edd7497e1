"""spaCy's own full pipeline over the texts of a JSONL file, as one process: the baseline
of bench/run.py. The model is the one dyadwatch would load (setting nlp.model), loaded
with spaCy's plain ``spacy.load``, every component enabled.

    .venv/bin/python bench/spacy_pipe.py SAMPLE.jsonl [--batch-size 32]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy


def model_name() -> str:
    """The package dyadwatch resolves nlp.model to (without importing dyadwatch's coder)."""
    from dyadwatch.config import load_config
    from dyadwatch.nlp import resolve_model_name

    return resolve_model_name(load_config(environ={}).nlp.model)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sample", type=Path)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    with args.sample.open(encoding="utf-8") as lines:
        texts = [json.loads(line).get("text") or "" for line in lines]
    nlp = spacy.load(model_name())
    docs = sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size))
    print(f"{docs} documents")


if __name__ == "__main__":
    main()
