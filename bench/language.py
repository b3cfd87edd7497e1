"""Language detectors compared on English / not-English decisions for short news texts.

Samples (from the shared data): AG News headlines (300 drawn) and 80 Giveme5W1H
descriptions (English), and up to 25 sentences from each non-English page of the
scrapinghub benchmark (pt, ru, ko, de, ja, it, ms, id), URLs left out. Only texts with
at least MIN_LETTERS letters are kept: below that the detector answers "undetermined".
Models are loaded by an untimed first pass.
Full pages (181 scrapinghub bodies) are timed too.

Usage: ``python bench/language.py [--data DIR]`` (langdetect is optional: ``pip install
langdetect`` to include it).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from extraction import shared_data_dir

from dyadwatch.ingest.lang import MIN_LETTERS, detect_language

Sample = tuple[str, bool]  # (text, is English)
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|\n+")


def page_bodies(data: Path) -> list[str]:
    truth = json.loads((data / "news/html/scrapinghub_aeb/ground-truth.json").read_text("utf-8"))
    return [entry["articleBody"] for _, entry in sorted(truth.items())]


def build_samples(data: Path, rng: random.Random) -> list[Sample]:
    samples: list[Sample] = []
    for body in page_bodies(data):
        if detect_language(body) != "en":  # page-level labels are unambiguous on full pages
            sents = [s.strip() for s in _SENTENCE.split(body)
                     if len(s.strip()) <= 200 and _letters(s) >= MIN_LETTERS and "http" not in s]
            samples += [(s, False) for s in rng.sample(sents, min(25, len(sents)))]
    with (data / "news/ag_news_test.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    samples += [(row[1], True) for row in rng.sample(rows, 300) if _letters(row[1]) >= MIN_LETTERS]
    with (data / "news/giveme5w1h_news_2016_2018.jsonl").open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    samples += [(r["description"], True) for r in records[:100]
                if r.get("language") == "en" and r.get("description")][:80]
    return samples


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def langdetect_detector() -> Callable[[str], str | None] | None:
    try:
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:
        return None
    DetectorFactory.seed = 0

    def run(text: str) -> str | None:
        try:
            return str(detect(text))
        except LangDetectException:
            return None

    return run


def score(name: str, detect: Callable[[str], str | None], samples: list[Sample],
          pages: list[str]) -> str:
    started = time.perf_counter()
    found = [detect(text) in (None, "en") for text, _ in samples]
    per_text = (time.perf_counter() - started) * 1000 / len(samples)
    english = [f for f, (_, en) in zip(found, samples, strict=True) if en]
    other = [not f for f, (_, en) in zip(found, samples, strict=True) if not en]
    accuracy = (sum(english) + sum(other)) / len(samples)
    started = time.perf_counter()
    for body in pages:
        detect(body)
    per_page = (time.perf_counter() - started) * 1000 / len(pages)
    return (f"{name:11} accuracy={accuracy:.3f} english kept={sum(english) / len(english):.3f} "
            f"other skipped={sum(other) / len(other):.3f} {per_text:.2f} ms/text "
            f"{per_page:.2f} ms/page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=shared_data_dir(), help="shared data folder")
    args = parser.parse_args()
    samples = build_samples(args.data, random.Random(1))
    pages = page_bodies(args.data)
    print(f"{len(samples)} samples ({sum(en for _, en in samples)} English), {len(pages)} pages")
    score("warm-up", detect_language, samples, pages)  # loads the models: not timed
    print(score("lingua", detect_language, samples, pages))
    other = langdetect_detector()
    if other is not None:
        score("warm-up", other, samples, pages)
        print(score("langdetect", other, samples, pages))


if __name__ == "__main__":
    main()
