"""HTML → text extraction benchmark: token-level F1 of dyadwatch's extractor per page set.

F1 is computed on the bag of lower-cased word tokens (``\\w+``) of the extracted text
against the expected text. Sets (under ``news/html/`` of the shared data):

- ``scrapinghub_aeb``: 181 pages with ``ground-truth.json`` article bodies;
- ``newspaper4k``: 9 pages with ``.expected.txt``;
- ``trafilatura_eval``: 14 pages with snippets that must be kept (``with``) and must be
  dropped (``without``): the share of snippets handled correctly is reported.

Usage: ``python bench/extraction.py [--data DIR] [--no-clean]``.
The data folder is ``$DYADWATCH_SHARED_DATA`` or ``<repo>/../shared/data``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.ingest.html import extract_page

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SetScore:
    name: str
    pages: int
    score: float  # mean F1, or share of snippets right for trafilatura_eval
    metric: str
    seconds: float


def shared_data_dir() -> Path:
    """``$DYADWATCH_SHARED_DATA``, else ``<repo>/../shared/data``."""
    env = os.environ.get("DYADWATCH_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared" / "data"


def token_f1(predicted: str, expected: str) -> float:
    """F1 of the bags of lower-cased word tokens."""
    pred = Counter(_TOKEN.findall(predicted.lower()))
    gold = Counter(_TOKEN.findall(expected.lower()))
    if not pred and not gold:
        return 1.0
    common = sum((pred & gold).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def _html_dir(data: Path) -> Path:
    return data / "news" / "html"


def scrapinghub_pages(data: Path) -> Iterator[tuple[str, bytes, str]]:
    """(url, raw html, expected body) for each page of the scrapinghub benchmark."""
    base = _html_dir(data) / "scrapinghub_aeb"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        raw = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        yield entry["url"], raw, entry["articleBody"]


def newspaper4k_pages(data: Path) -> Iterator[tuple[str, bytes, str]]:
    """(url, raw html, expected text) for the newspaper4k pages listed in INDEX.csv."""
    base = _html_dir(data)
    with (base / "INDEX.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["set"] == "newspaper4k":
                raw = gzip.decompress((base / row["html"]).read_bytes())
                expected = (base / row["expected"]).read_text(encoding="utf-8")
                yield row["url"], raw, expected


def score_f1_set(name: str, pages: Iterator[tuple[str, bytes, str]], clean: bool) -> SetScore:
    started = time.perf_counter()
    scores = [token_f1(extract_page(raw, url, clean=clean).text, expected)
              for url, raw, expected in pages]
    return SetScore(name, len(scores), sum(scores) / len(scores), "mean token F1",
                    time.perf_counter() - started)


def score_snippets(data: Path, clean: bool) -> SetScore:
    """Share of trafilatura_eval snippets kept (``with``) or dropped (``without``) correctly."""
    base = _html_dir(data) / "trafilatura_eval"
    entries = json.loads((base / "evaldata_subset.json").read_text(encoding="utf-8"))
    started, right, total = time.perf_counter(), 0, 0
    for url, entry in entries.items():
        raw = gzip.decompress((base / f"{entry['file']}.gz").read_bytes())
        text = extract_page(raw, url, clean=clean).text
        right += sum(s in text for s in entry["with"])
        right += sum(s not in text for s in entry["without"])
        total += len(entry["with"]) + len(entry["without"])
    return SetScore("trafilatura_eval", len(entries), right / total, "snippets right",
                    time.perf_counter() - started)


def run(data: Path, clean: bool = True) -> list[SetScore]:
    return [
        score_f1_set("scrapinghub_aeb", scrapinghub_pages(data), clean),
        score_f1_set("newspaper4k", newspaper4k_pages(data), clean),
        score_snippets(data, clean),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=shared_data_dir(), help="shared data folder")
    parser.add_argument("--no-clean", action="store_true", help="skip furniture cleaning")
    args = parser.parse_args()
    for result in run(args.data, clean=not args.no_clean):
        print(f"{result.name:18} pages={result.pages:4d} {result.metric}={result.score:.4f} "
              f"({result.seconds:.1f} s)")


if __name__ == "__main__":
    main()
