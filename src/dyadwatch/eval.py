"""Scoring the coder against gold data: ConfliBERT sentences, PLOVER records, golden YAML.

Sentence-level scores take each sentence's main event: the first event in
reading order with both a source and a target, else the first event (the
CAMEO convention that in "X said Y attacked Z" the main event is X's statement).

The sentence-class sets (ConfliBERT, PLOVER) label what happened in each sentence,
whoever did it ("gunmen killed three villagers"), so they are coded with
:data:`SENTENCE_CLASS_SETTINGS`: every event kept, unknown and sector-only sources
included, where the default output keeps only events of known political actors.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dyadwatch.errors import DyadwatchError
from dyadwatch.model import Article, Event
from dyadwatch.ontology import PHOENIX_CLASS, plover_root_type

Code = Callable[[Sequence[Article]], list[list[Event]]]  # articles → events per article
# the settings (--set form) the sentence-class gold sets are coded with (module docstring)
SENTENCE_CLASS_SETTINGS: tuple[str, ...] = ("coding.keep_unknown_actors=true",
                                             "coding.keep_targetless_statements=true")

# Labels of the 2016 PLOVER gold records → the current PLOVER event types.
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
                  "INVESTIGATE": "ACCUSE"}


class GoldFormatError(DyadwatchError):
    code = "E801"
    template = "{path}: {detail}"


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    label: str
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


@dataclass(slots=True)
class Scores:
    """Precision, recall and F1 per label, macro-F1, coverage and actor agreement."""

    name: str
    n: int = 0
    covered: int = 0
    correct: int = 0
    per_label: dict[str, tuple[float, float, float, int]] = field(default_factory=dict)
    macro_f1: float = 0.0
    spans_n: int = 0
    source_agree: int = 0
    target_agree: int = 0
    both_agree: int = 0

    @property
    def coverage(self) -> float:
        return self.covered / self.n if self.n else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "n": self.n, "coverage": round(self.coverage, 4),
            "accuracy": round(self.accuracy, 4), "macro_f1": round(self.macro_f1, 4),
            "per_label": {k: dict(zip(("precision", "recall", "f1", "support"),
                                      (round(p, 4), round(r, 4), round(f, 4), s), strict=True))
                          for k, (p, r, f, s) in sorted(self.per_label.items())},
            "actor_spans": self.spans_n,
            "source_agreement": round(self.source_agree / self.spans_n, 4) if self.spans_n else 0,
            "target_agreement": round(self.target_agree / self.spans_n, 4) if self.spans_n else 0,
            "both_agreement": round(self.both_agree / self.spans_n, 4) if self.spans_n else 0,
        }


def main_event(events: Sequence[Event]) -> Event | None:
    """The first event with both actors, else the first event (reading order)."""
    ordered = sorted(events, key=lambda e: (e.sentence_index, e.trigger_start))
    for event in ordered:
        if event.source and event.target:
            return event
    return ordered[0] if ordered else None


def read_conflibert(path: Path) -> list[GoldSentence]:
    rows = _jsonl(path)
    return [GoldSentence(str(r["id"]), str(r["text"]), str(r["penta_class"]),
                         tuple(r.get("source_spans") or ()), tuple(r.get("target_spans") or ()))
            for r in rows]


def read_plover(path: Path) -> list[GoldSentence]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldFormatError(path=str(path), detail=f"not a PLOVER JSON list ({e})") from e
    gold = []
    for record in records:
        if record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        label = PLOVER_RENAMES.get(record["event"], record["event"])
        sources = _actor_texts(record.get("source"))
        targets = _actor_texts(record.get("target"))
        gold.append(GoldSentence(record["id"], record["text"], label, sources, targets))
    return gold


def _actor_texts(value: Any) -> tuple[str, ...]:
    """PLOVER actors are objects with actorText, or plain strings in some records."""
    items = value if isinstance(value, list) else [value] if value else []
    return tuple(str(a.get("actorText", "")) if isinstance(a, dict) else str(a) for a in items)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                where = f"{path}:{number}"
                raise GoldFormatError(path=where, detail=f"invalid JSON ({e.msg})") from e
    return rows


def phoenix_class(event: Event | None) -> str | None:
    return None if event is None else str(PHOENIX_CLASS[event.cameo_root])


def plover_type(event: Event | None) -> str | None:
    """The event's PLOVER type under the code-level 2021 CAMEO→PLOVER table."""
    return None if event is None else event.plover_type


def plover_root(event: Event | None) -> str | None:
    """The root-level PLOVER category, the scheme the 2016 gold records use."""
    return None if event is None else plover_root_type(event.cameo)


def score(name: str, gold: Sequence[GoldSentence], code: Code,
          label_of: Callable[[Event | None], str | None]) -> Scores:
    """Score ``gold`` sentences coded by ``code``; labels compared through ``label_of``."""
    articles = [Article(id=g.id, text=g.text) for g in gold]
    results = code(articles)
    scores = Scores(name=name, n=len(gold))
    pairs: list[tuple[str, str | None]] = []
    for item, events in zip(gold, results, strict=True):
        event = main_event(events)
        predicted = label_of(event)
        scores.covered += bool(events)
        scores.correct += predicted == item.label
        pairs.append((item.label, predicted))
        _agreement(scores, item, event)
    scores.per_label = _per_label(pairs)
    f1s = [f for _, _, f, support in scores.per_label.values() if support]
    scores.macro_f1 = sum(f1s) / len(f1s) if f1s else 0.0
    return scores


LabelScores = dict[str, tuple[float, float, float, int]]  # label → P, R, F1, support


def _per_label(pairs: Iterable[tuple[str, str | None]]) -> LabelScores:
    pairs = list(pairs)
    gold_counts = Counter(g for g, _ in pairs)
    predicted_counts = Counter(p for _, p in pairs if p is not None)
    hits = Counter(g for g, p in pairs if g == p)
    table = {}
    for label in sorted(set(gold_counts) | set(predicted_counts)):
        precision = hits[label] / predicted_counts[label] if predicted_counts[label] else 0.0
        recall = hits[label] / gold_counts[label] if gold_counts[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = (precision, recall, f1, gold_counts[label])
    return table


def _agreement(scores: Scores, item: GoldSentence, event: Event | None) -> None:
    if not (item.sources or item.targets):
        return
    scores.spans_n += 1
    source_ok = not item.sources or (event is not None and _overlaps(event.source_text,
                                                                      item.sources))
    target_ok = not item.targets or (event is not None and _overlaps(event.target_text,
                                                                      item.targets))
    scores.source_agree += source_ok
    scores.target_agree += target_ok
    scores.both_agree += source_ok and target_ok


def _overlaps(text: str | None, spans: Sequence[str]) -> bool:
    """The mention shares a content word with a gold span (case-insensitive)."""
    if not text:
        return False
    words = {w.strip(".,'\"").lower() for w in text.split()} - _STOP
    return any(words & ({w.strip(".,'\"").lower() for w in span.split()} - _STOP)
               for span in spans)


_STOP = frozenset({"the", "a", "an", "of", "and", "'s", "to", "in", ""})


@dataclass(frozen=True, slots=True)
class GoldenCase:
    id: str
    text: str
    date: str | None
    must_code: tuple[tuple[str, str, str | None], ...]
    must_not_code: tuple[tuple[str, str, str | None], ...]
    why: str


def read_golden(path: Path) -> list[GoldenCase]:
    """Golden YAML: a list of {id, text, date?, must_code, must_not_code, why}."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise GoldFormatError(path=str(path), detail=f"cannot read golden YAML ({e})") from e
    cases = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(cases, list):
        raise GoldFormatError(path=str(path), detail="expected a mapping with a 'cases' list")
    return [_golden_case(case, path, i) for i, case in enumerate(cases)]


def _golden_case(case: dict[str, Any], path: Path, index: int) -> GoldenCase:
    try:
        return GoldenCase(
            id=str(case.get("id", index)), text=str(case["text"]),
            date=str(case["date"]) if case.get("date") else None,
            must_code=tuple(_triple(t) for t in case.get("must_code") or ()),
            must_not_code=tuple(_triple(t) for t in case.get("must_not_code") or ()),
            why=str(case["why"]),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise GoldFormatError(path=f"{path} case {index}", detail=f"bad case ({e})") from e


def _triple(value: Sequence[Any]) -> tuple[str, str, str | None]:
    source, code, target = value
    return str(source), str(code), None if target is None else str(target)


def matches(triple: tuple[str, str, str | None], event: Event) -> bool:
    """A golden triple matches an event: actor codes by prefix, CAMEO code by prefix; "*" any."""
    source, code, target = triple
    return (_prefix(source, event.source) and _prefix(code, event.cameo)
            and (target == "*" or (target is None and event.target is None)
                 or (target is not None and _prefix(target, event.target))))


def _prefix(pattern: str, value: str | None) -> bool:
    """``pattern`` is a prefix of ``value``; "a|b" allows either; "*" anything."""
    if pattern == "*":
        return True
    return value is not None and any(value.startswith(p) for p in pattern.split("|"))


@dataclass(slots=True)
class GoldenResult:
    cases: int = 0
    must_total: int = 0
    must_found: int = 0
    must_not_total: int = 0
    must_not_violated: int = 0
    failures: list[str] = field(default_factory=list)


def score_golden(cases: Sequence[GoldenCase], code: Code) -> GoldenResult:
    articles = [Article(id=c.id, text=c.text, published=c.date) for c in cases]
    result = GoldenResult(cases=len(cases))
    for case, events in zip(cases, code(articles), strict=True):
        for triple in case.must_code:
            result.must_total += 1
            if any(matches(triple, e) for e in events):
                result.must_found += 1
            else:
                result.failures.append(f"{case.id}: missing {list(triple)} ({case.why})")
        for triple in case.must_not_code:
            result.must_not_total += 1
            if any(matches(triple, e) for e in events):
                result.must_not_violated += 1
                result.failures.append(f"{case.id}: wrongly coded {list(triple)} ({case.why})")
    return result
