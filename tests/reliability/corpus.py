"""Generated test corpora: templated news sentences (no third-party text) and bad inputs."""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

COUNTRIES = ("Iran", "Iraq", "Turkey", "Syria", "Russia", "Ukraine", "France", "Germany",
             "China", "Japan", "Egypt", "Israel", "Brazil", "India", "Pakistan", "Nigeria")
VERBS = ("attacked", "condemned", "met with", "accused", "praised", "threatened",
         "signed an agreement with", "imposed sanctions on", "sent aid to", "criticised",
         "rejected talks with", "thanked")
TAILS = ("", " on Tuesday", " in a statement", " after weeks of tension", ", officials said")
CLI = "import sys; from dyadwatch.cli import cli; cli(prog_name='dyadwatch')"


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    return f"{a} {rng.choice(VERBS)} {b}{rng.choice(TAILS)}."


def article_text(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def write_news_corpus(folder: Path, articles: int, seed: int = 7) -> Path:
    """``articles`` generated articles: half in one JSONL file, half as dated text files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    half = articles // 2
    records = [{"id": f"wire-{n}", "date": f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "text": article_text(rng)} for n in range(half)]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n",
                                       encoding="utf-8")
    for n in range(articles - half):
        (folder / f"story-{n:04d}.txt").write_text(
            f"date 2022-03-{1 + n % 28:02d}\n{article_text(rng)}\n", encoding="utf-8")
    return folder


@dataclass(frozen=True, slots=True)
class BadInput:
    name: str
    content: bytes
    codes: tuple[str, ...]  # failure codes it must produce
    good_articles: int  # articles in it that must still be coded


def bad_inputs(rng: random.Random) -> list[BadInput]:
    """One file per kind of bad input a user can hand over, with what it must produce."""
    good = article_text(rng).encode("utf-8")
    whole = gzip.compress(b"date 2020-01-08\n" + good)
    long_line = (article_text(rng, 1) + " ").encode("utf-8")
    csv_rows = (b'id,text\n1,"' + good + b'"\n2,"this quote never closes\n3,' + good + b"\n")
    return [
        BadInput("binary.dat", bytes(rng.randrange(256) for _ in range(4096)), ("E203",), 0),
        BadInput("truncated.txt.gz", whole[: len(whole) // 2], ("E202",), 0),
        BadInput("latin1.txt", "Fran\u00e7ais: ".encode("latin-1") + good, ("E204",), 1),
        BadInput("huge-line.txt", long_line * (10_000_000 // len(long_line)), ("E208",), 1),
        BadInput("empty.txt", b"", ("E205",), 0),
        BadInput("broken.csv", csv_rows, ("E206",), 2),
        BadInput("no-text.html", b"<html><head><title>Page</title><script>var a = 1;</script>"
                 b"</head><body><div class='share'></div><img src='a.png'></body></html>",
                 ("E205",), 0),
        BadInput("german.txt", ("Die Regierung in Berlin hat am Dienstag neue Gespr\u00e4che "
                                "mit Frankreich \u00fcber die Energiepreise angek\u00fcndigt, "
                                "teilte ein Sprecher mit.").encode("utf-8"), ("E209",), 0),
        BadInput("records.jsonl", b'{"id": "j1", "text": "' + good + b'"}\n{broken\n'
                 b'{"id": "j2", "text": "Iran \\ud800 attacked Iraq."}\n', ("E206", "E204"), 2),
        BadInput("bad-date.jsonl", b'{"id": "d1", "date": "2020-02-30", "text": "' + good
                 + b'"}\n', ("E207",), 1),
        BadInput("good.txt", b"date 2020-01-08\n" + good, (), 1),
    ]


def dyadwatch(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the ``dyadwatch`` command in a fresh process."""
    return subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True,
                          timeout=timeout, env=_env())


def start_dyadwatch(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=_env())


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0"}
