"""Draw the articles of the real-news gold set and write its manifest.

    python tools/gold_draw.py            # writes tests/eval/realnews/articles.json
    python tools/gold_draw.py --check    # exit 1 when a fresh draw differs from the manifest

A seeded, stratified draw (docs/annotation.md, "The draw"): 25 Guardian articles in
proportion to their year, 25 giveme5w1h world-news articles taken one news cluster at
a time, 10 BBC politics articles. Halves (dev/test) are assigned by group: a giveme5w1h
news cluster is one group, and any two drawn articles that are near-copies (word
5-gram Jaccard >= 0.3) are joined into one group, so near-copies never cross halves.

Later draws, each with its own seed, add tuning halves: dev2 ("The second draw": 12
giveme5w1h, one per news cluster, clusters new to the manifest first, never a cluster of
the test half; 8 BBC politics; 4 Guardian) and dev3 ("The third draw": 12 Guardian, 6
giveme5w1h, 6 BBC politics, drawn the same way); no article already drawn and no
near-copy of one. Each draw is made exactly as before, so --check covers them all.
The manifest holds ids, halves, seeds and text hashes, never article text.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dyadwatch.goldset import Draw, Manifest, ManifestArticle, read_records, text_sha1

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "tests" / "eval" / "realnews" / "articles.json"
SEED = 20261204
FILES = {
    "guardian": "news/guardian_syria_sdf_2017_2019.jsonl",
    "giveme5w1h": "news/giveme5w1h_news_2016_2018.jsonl",
    "bbc": "news/bbc_fulltext_2004_2005.jsonl.gz",
}
COUNTS = {"guardian": 25, "giveme5w1h": 25, "bbc": 10}
# giveme5w1h's google_news subset names each topic as its category; these two are
# international politics (the others are cars, phones, games and a shooting, which the
# news_cluster subset already holds under "world").
GOOGLE_NEWS_POLITICS = ("North Korea Missile", "Zimbabwe")
NEAR_COPY = 0.3
SECOND_SEED = 20261205
SECOND_SPLIT = "dev2"
SECOND_COUNTS = {"giveme5w1h": 12, "bbc": 8, "guardian": 4}
THIRD_SEED = 20261206
THIRD_SPLIT = "dev3"
THIRD_COUNTS = {"giveme5w1h": 6, "bbc": 6, "guardian": 12}
SECOND_ABOUT = ("Second draw, tuning only (docs/annotation.md, 'The second draw'): 12 "
                "giveme5w1h articles, one per news cluster (clusters new to the manifest "
                "first; none of the test half), 8 BBC politics, 4 Guardian in proportion "
                "to their year; no article of the first draw and no near-copy (word 5-gram "
                "Jaccard >= 0.3) of any drawn article.")
THIRD_ABOUT = ("Third draw, tuning only (docs/annotation.md, 'The third draw'): 12 Guardian "
               "articles in proportion to their year, 6 giveme5w1h (one per news cluster, "
               "none of the test half), 6 BBC politics; no article of the earlier draws and "
               "no near-copy (word 5-gram Jaccard >= 0.3) of any drawn article.")
ABOUT = ("Real-news gold set (issue 14): drawn by tools/gold_draw.py with the seed below; "
         "text_sha1 is the sha1 of the record's 'text' field. Annotation rules and file "
         "format: docs/annotation.md.")

Candidate = tuple[str, str, str]  # (article id, stratum, text)


def shared_data() -> Path:
    override = os.environ.get("DYADWATCH_SHARED_DATA")
    return Path(override) if override else ROOT.parent / "shared" / "data"


def guardian_candidates(records: Sequence[dict[str, Any]]) -> list[Candidate]:
    return [(str(r["id"]), str(r["date"])[:4], r["text"]) for r in records if r.get("text")]


def giveme_cluster(record: dict[str, Any]) -> str | None:
    """The record's news cluster when it is world news, else None (not drawn)."""
    cluster = record.get("news_cluster")
    if record.get("subset") == "news_cluster" and record.get("category") == "world" and cluster:
        return f"event-{cluster['EventId']}-{cluster['Event']}"
    if record.get("subset") == "google_news" and record.get("category") in GOOGLE_NEWS_POLITICS:
        return f"topic-{record['category']}"
    return None


def giveme_candidates(records: Sequence[dict[str, Any]]) -> list[Candidate]:
    found = []
    for r in records:
        cluster = giveme_cluster(r)
        if cluster and r.get("text") and r.get("language", "en") == "en":
            found.append((str(r["id"]), cluster, r["text"]))
    return found


def bbc_candidates(records: Sequence[dict[str, Any]]) -> list[Candidate]:
    return [(str(r["id"]), "politics", r["text"]) for r in records
            if r.get("category") == "politics" and r.get("text")]


def by_stratum(candidates: Sequence[Candidate], rng: random.Random) -> dict[str, list[Candidate]]:
    """Candidates per stratum, each list in a seeded random order."""
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in sorted(candidates):
        groups[candidate[1]].append(candidate)
    for members in groups.values():
        rng.shuffle(members)
    return dict(sorted(groups.items()))


def proportional(candidates: Sequence[Candidate], n: int, rng: random.Random) -> list[Candidate]:
    """``n`` candidates, allotted to strata in proportion to their size (largest remainder)."""
    groups = by_stratum(candidates, rng)
    allotted = stratum_quotas(candidates, n)
    return [c for k, g in groups.items() for c in g[:allotted[k]]]


def stratum_quotas(candidates: Sequence[Candidate], n: int) -> dict[str, int]:
    """``n`` split over the strata in proportion to their size (largest remainder)."""
    sizes: dict[str, int] = defaultdict(int)
    for candidate in candidates:
        sizes[candidate[1]] += 1
    total = sum(sizes.values())
    quotas = {k: n * v / total for k, v in sorted(sizes.items())}
    allotted = {k: int(q) for k, q in quotas.items()}
    for k in sorted(quotas, key=lambda k: allotted[k] - quotas[k])[:n - sum(allotted.values())]:
        allotted[k] += 1
    return allotted


def round_robin(candidates: Sequence[Candidate], n: int, rng: random.Random) -> list[Candidate]:
    """``n`` candidates taken one stratum at a time (strata in a seeded order)."""
    groups = list(by_stratum(candidates, rng).values())
    rng.shuffle(groups)
    chosen: list[Candidate] = []
    while len(chosen) < n and any(groups):
        for members in groups:
            if members and len(chosen) < n:
                chosen.append(members.pop(0))
    return chosen


def shingles(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i:i + 5]) for i in range(max(len(words) - 4, 1))}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def split_groups(chosen: Sequence[tuple[str, Candidate]]) -> list[list[int]]:
    """Indices of ``chosen`` grouped: same giveme5w1h cluster, or near-copies."""
    parent = list(range(len(chosen)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    sets = [shingles(c[2]) for _, c in chosen]
    for i in range(len(chosen)):
        for j in range(i + 1, len(chosen)):
            same_cluster = chosen[i][0] == chosen[j][0] == "giveme5w1h" and \
                chosen[i][1][1] == chosen[j][1][1]
            if same_cluster or jaccard(sets[i], sets[j]) >= NEAR_COPY:
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(chosen)):
        groups[find(i)].append(i)
    return list(groups.values())


def assign_halves(chosen: Sequence[tuple[str, Candidate]], rng: random.Random) -> list[str]:
    """dev/test per chosen article: groups, largest first, go to the smaller half of their
    corpus (ties broken by a seeded coin)."""
    groups = split_groups(chosen)
    rng.shuffle(groups)
    groups.sort(key=len, reverse=True)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    halves = [""] * len(chosen)
    for group in groups:
        corpus = chosen[group[0]][0]
        dev, test = counts[(corpus, "dev")], counts[(corpus, "test")]
        half = "dev" if dev < test else "test" if test < dev else rng.choice(("dev", "test"))
        for i in group:
            halves[i] = half
        counts[(corpus, half)] += len(group)
    return halves


Pool = dict[str, list[Candidate]]  # corpus -> its candidates


def candidate_pool(data: Path) -> Pool:
    """Every drawable candidate of each corpus under ``data``."""
    return {"guardian": guardian_candidates(list(read_records(data / FILES["guardian"]))),
            "giveme5w1h": giveme_candidates(list(read_records(data / FILES["giveme5w1h"]))),
            "bbc": bbc_candidates(list(read_records(data / FILES["bbc"])))}


def manifest_articles(chosen: Sequence[tuple[str, Candidate]],
                      halves: Sequence[str]) -> list[ManifestArticle]:
    return [ManifestArticle(article_id=c[0], corpus=corpus,  # type: ignore[arg-type]
                            file=FILES[corpus], split=half,  # type: ignore[arg-type]
                            text_sha1=text_sha1(c[2]), stratum=c[1])
            for (corpus, c), half in zip(chosen, halves, strict=True)]


def first_draw(pool: Pool, seed: int = SEED) -> list[ManifestArticle]:
    """The 60 articles of the first draw with their dev/test halves, in manifest order."""
    rng = random.Random(seed)
    chosen = [("guardian", c) for c in proportional(pool["guardian"], COUNTS["guardian"], rng)]
    chosen += [("giveme5w1h", c) for c in round_robin(pool["giveme5w1h"],
                                                      COUNTS["giveme5w1h"], rng)]
    chosen += [("bbc", c) for c in rng.sample(pool["bbc"], COUNTS["bbc"])]
    return manifest_articles(chosen, assign_halves(chosen, rng))


class NearCopies:
    """The word 5-gram sets of the articles drawn so far: is a text a near-copy of one?"""

    def __init__(self, texts: Sequence[str]) -> None:
        self.sets = [shingles(t) for t in texts]

    def admit(self, text: str) -> bool:
        """True (and remembered) when ``text`` is no near-copy of a drawn article."""
        mine = shingles(text)
        if any(jaccard(mine, other) >= NEAR_COPY for other in self.sets):
            return False
        self.sets.append(mine)
        return True


def take(ordered: Sequence[Candidate], n: int, copies: NearCopies) -> list[Candidate]:
    """The first ``n`` of ``ordered`` that are no near-copy of a drawn article."""
    chosen: list[Candidate] = []
    for candidate in ordered:
        if len(chosen) == n:
            break
        if copies.admit(candidate[2]):
            chosen.append(candidate)
    return chosen


def giveme_later(candidates: Sequence[Candidate], n: int, drawn: Sequence[ManifestArticle],
                 copies: NearCopies, rng: random.Random) -> list[Candidate]:
    """``n`` giveme5w1h articles, one news cluster at a time: clusters new to the manifest
    first, then clusters of the tuning halves only; a cluster of the test half never."""
    test = {a.stratum for a in drawn if a.corpus == "giveme5w1h" and a.split == "test"}
    known = {a.stratum for a in drawn if a.corpus == "giveme5w1h"}
    groups = [g for g in by_stratum(candidates, rng).values() if g[0][1] not in test]
    rng.shuffle(groups)
    groups.sort(key=lambda g: g[0][1] in known)  # stable: new clusters first
    chosen: list[Candidate] = []
    while len(chosen) < n and any(groups):
        for members in groups:
            while members and len(chosen) < n:
                candidate = members.pop(0)
                if copies.admit(candidate[2]):
                    chosen.append(candidate)
                    break
    return chosen


def later_draw(pool: Pool, drawn: Sequence[ManifestArticle], seed: int,
               counts: dict[str, int]) -> list[tuple[str, Candidate]]:
    """A tuning draw after ``drawn``: none of its articles, no near-copy of any drawn
    article, no giveme5w1h cluster of the test half."""
    rng = random.Random(seed)
    taken = {a.article_id for a in drawn}
    fresh = {corpus: [c for c in found if c[0] not in taken] for corpus, found in pool.items()}
    by_id = {c[0]: c for found in pool.values() for c in found}
    copies = NearCopies([by_id[a.article_id][2] for a in drawn if a.article_id in by_id])
    chosen = [("giveme5w1h", c) for c in giveme_later(
        fresh["giveme5w1h"], counts["giveme5w1h"], drawn, copies, rng)]
    bbc = sorted(fresh["bbc"])
    rng.shuffle(bbc)
    chosen += [("bbc", c) for c in take(bbc, counts["bbc"], copies)]
    years = by_stratum(fresh["guardian"], rng)
    for year, quota in stratum_quotas(fresh["guardian"], counts["guardian"]).items():
        chosen += [("guardian", c) for c in take(years[year], quota, copies)]
    return chosen


def draw(data: Path, seed: int = SEED, second_seed: int = SECOND_SEED,
         third_seed: int = THIRD_SEED) -> Manifest:
    """The gold-set manifest drawn from the corpora under ``data``: the first draw
    (dev/test), then the second (dev2) and the third (dev3)."""
    pool = candidate_pool(data)
    articles = first_draw(pool, seed)
    draws = []
    for split, later_seed, counts, about in (
            (SECOND_SPLIT, second_seed, SECOND_COUNTS, SECOND_ABOUT),
            (THIRD_SPLIT, third_seed, THIRD_COUNTS, THIRD_ABOUT)):
        chosen = later_draw(pool, articles, later_seed, counts)
        articles += manifest_articles(chosen, [split] * len(chosen))
        draws.append(Draw(split=split, seed=later_seed, about=about))  # type: ignore[arg-type]
    return Manifest(about=ABOUT, seed=seed, articles=articles, draws=draws)


def render(manifest: Manifest) -> str:
    return json.dumps(manifest.model_dump(), indent=1) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the first draw")
    parser.add_argument("--second-seed", type=int, default=SECOND_SEED,
                        help="seed of the second draw (dev2)")
    parser.add_argument("--third-seed", type=int, default=THIRD_SEED,
                        help="seed of the third draw (dev3)")
    parser.add_argument("--check", action="store_true",
                        help="compare a fresh draw with the manifest instead of writing it")
    parser.add_argument("-o", "--output", type=Path, default=MANIFEST)
    args = parser.parse_args()
    data = shared_data()
    missing = [f for f in FILES.values() if not (data / f).exists()]
    if missing:
        print(f"gold_draw: corpus files missing under {data}: {', '.join(missing)}; "
              "set DYADWATCH_SHARED_DATA to the shared data folder", file=sys.stderr)
        return 2
    manifest = draw(data, args.seed, args.second_seed, args.third_seed)
    text = render(manifest)
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print("manifest matches a fresh draw" if same else "manifest differs from a fresh draw")
        return 0 if same else 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for article in manifest.articles:
        counts[f"{article.corpus} {article.split}"] += 1
    print(f"wrote {args.output}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
