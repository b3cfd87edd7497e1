"""List where annotators a and b disagree on a half of the real-news gold set (for adjudication).

    python tools/gold_disagreements.py            # the test half
    python tools/gold_disagreements.py --split dev

Events are matched as the scorer matches them (same article, overlapping sentence,
same source and target country, a shared root); each sentence with an event that only
one annotator has is printed with both annotators' events there, and matched events
whose sectors, roots or dates differ are listed too. No event coding runs.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from dyadwatch.eval_events import COUNTRY, Located, gold_located, match
from dyadwatch.goldset import SPLITS, read_annotations

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_draw import MANIFEST  # noqa: E402


def describe(event: Located) -> str:
    roots = "/".join(sorted(event.roots))
    return f"{event.source} -> {event.target} {roots} {event.date or 'null'}"


def disagreements(first: Sequence[Located], second: Sequence[Located]) -> list[str]:
    """One block per sentence where the two annotators' events differ."""
    pairs = match(first, second, COUNTRY)
    matched_a = {g for g, _ in pairs}
    matched_b = {s for _, s in pairs}
    notes: dict[tuple[str, tuple[int, int]], list[str]] = defaultdict(list)
    for k, event in enumerate(first):
        if k not in matched_a:
            notes[(event.article_id, event.span)].append(f"  a only: {describe(event)}")
    for k, event in enumerate(second):
        if k not in matched_b:
            notes[(event.article_id, event.span)].append(f"  b only: {describe(event)}")
    for g, s in pairs:
        a, b = first[g], second[s]
        if (a.source, a.target, a.date, a.roots) != (b.source, b.target, b.date, b.roots):
            notes[(a.article_id, a.span)].append(
                f"  same event, differing detail: a {describe(a)} | b {describe(b)}")
    return [f"{article_id} {list(span)}\n" + "\n".join(lines)
            for (article_id, span), lines in sorted(notes.items())]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=SPLITS, default="test")
    args = parser.parse_args()
    folder = MANIFEST.parent
    paths = [folder / f"{args.split}.{who}.jsonl" for who in ("a", "b")]
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        print(f"gold_disagreements: {', '.join(missing)} not written yet", file=sys.stderr)
        return 2
    (first, problems_a), (second, problems_b) = (read_annotations(p) for p in paths)
    for problem in problems_a + problems_b:
        print(problem, file=sys.stderr)
    blocks = disagreements(gold_located(first), gold_located(second))
    print("\n".join(blocks))
    print(f"gold_disagreements: {len(blocks)} sentence(s) to adjudicate", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
