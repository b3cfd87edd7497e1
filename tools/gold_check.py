"""Check real-news annotation files against the manifest and the sentence index.

    python tools/gold_check.py                          # every tests/eval/realnews/*.jsonl
    python tools/gold_check.py tests/eval/realnews/dev.a.jsonl
    python tools/gold_check.py --stats                  # and a summary of each file

Checks each line: a valid record (docs/annotation.md), an article of the manifest in
the half the file name says, a span that is one of the article's listed sentences with
its sha1, well-formed actor codes (countries.yaml, igos.yaml, groups.yaml, sector parts
of roles.yaml), a CAMEO code whose first two digits are the root, alternative roots,
an ISO date or null, the annotator the file name says, no duplicate. When the shared
data is present the sha1 is also checked against the article text itself.
Exit 0 when every file is clean, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from dyadwatch.goldset import (
    annotation_problems,
    load_gold_articles,
    parse_annotations,
    read_annotations,
    read_manifest,
    read_sentence_index,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_draw import MANIFEST, shared_data  # noqa: E402
from gold_sentences import SENTENCE_INDEX  # noqa: E402


def raw_texts(ids: list[str]) -> dict[str, str] | None:
    """The raw text of each article when the shared data is present, else None."""
    data = shared_data()
    if not data.exists():
        return None
    golds, _ = load_gold_articles(read_manifest(MANIFEST), data, ids)
    return {g.entry.article_id: g.raw for g in golds}


def check(paths: list[Path]) -> list[str]:
    manifest = read_manifest(MANIFEST)
    index = read_sentence_index(SENTENCE_INDEX)
    texts = raw_texts(manifest.split_ids(None))
    problems: list[str] = []
    for path in paths:
        numbered, invalid = parse_annotations(path.read_text(encoding="utf-8").splitlines(),
                                              str(path))
        problems += [f"{where}: {detail}" for where, detail in invalid]
        problems += annotation_problems(numbered, str(path), manifest, index, texts)
    return problems


def stats(path: Path) -> str:
    """A one-paragraph summary of an annotation file: records, directed events, articles,
    roots, reciprocal and dated shares."""
    events, _ = read_annotations(path)
    directed = sum(2 if e.reciprocal else 1 for e in events)
    roots = Counter(e.root for e in events)
    dated = sum(e.date is not None for e in events)
    lines = [f"{path.name}: {len(events)} records ({directed} directed events) in "
             f"{len({e.article_id for e in events})} articles; {sum(e.reciprocal for e in events)}"
             f" reciprocal, {dated} dated, {sum(bool(e.alt_roots) for e in events)} with "
             "alternative roots",
             "  roots: " + ", ".join(f"{r} {n}" for r, n in sorted(roots.items()))]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--stats", action="store_true", help="also summarise each file")
    args = parser.parse_args()
    paths = args.files or sorted(MANIFEST.parent.glob("*.jsonl"))
    if not paths:
        print("gold_check: no annotation files yet")
        return 0
    if args.stats:
        print("\n".join(stats(path) for path in paths))
    problems = check(paths)
    for problem in problems:
        print(problem)
    if texts_note := ("" if shared_data().exists() else
                      " (shared data absent: hashes checked against sentences.json only)"):
        print(f"gold_check: {texts_note.strip()}", file=sys.stderr)
    print(f"gold_check: {len(paths)} file(s), {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
