"""Run a PETRARCH or TABARI validation suite with dyadwatch's own spaCy parse.

The suites' bundled parse trees are never used: every record's text is parsed again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyadwatch.petrarch.coder import PetrarchCoder
from dyadwatch.petrarch.dictionaries import load_files
from dyadwatch.petrarch.records import Triple, ValidationRecord, ValidationSuite, read_suite
from dyadwatch.petrarch.settings import (
    PetrarchSettings,
    TabariSettings,
    apply_configs,
    apply_options,
)
from dyadwatch.petrarch.tabari import read_options
from dyadwatch.petrarch.words import iso_to_int

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class RecordResult:
    """What one record produced and whether that is what the suite expects."""

    id: str
    category: str
    expected: tuple[Triple, ...]
    produced: tuple[Triple, ...]
    passed: bool
    counted: bool  # False for TABARI option records, which configure rather than test
    discarded: bool

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "category": self.category,
                "expected": [list(t) for t in self.expected],
                "produced": [list(t) for t in self.produced], "passed": self.passed}


@dataclass(frozen=True, slots=True)
class CategoryRow:
    category: str
    records: int
    passed: int

    @property
    def rate(self) -> float:
        return self.passed / self.records if self.records else 0.0


def run_suite(path: Path, nlp: Language | None = None, cache_dir: Path | None = None,
              on_result: Callable[[RecordResult], None] | None = None) -> list[RecordResult]:
    """Code every record of the suite at ``path`` and compare with its expectations."""
    suite = read_suite(path)
    dictionaries, _ = load_files(suite.files, cache_dir)
    coder = PetrarchCoder(dictionaries)
    if nlp is None:
        from dyadwatch.nlp import load_pipeline

        nlp = load_pipeline()
    results = []
    for result in _results(suite, coder, nlp):
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def initial_settings(suite: ValidationSuite) -> TabariSettings:
    """TABARI settings from the suite's ``.options`` file (defaults when there is none)."""
    if suite.options is None:
        return TabariSettings()
    return apply_options(TabariSettings(), read_options(suite.options).commands)


def _results(suite: ValidationSuite, coder: PetrarchCoder, nlp: Language
             ) -> Iterator[RecordResult]:
    settings = initial_settings(suite)
    config = PetrarchSettings()
    memory: dict[str, str] = {}  # story -> first actor of its last record (FORWARD:)
    for record in suite.records:
        if record.outcome == "option":
            if suite.kind == "petrarch":
                config = apply_configs(config, list(record.options))
            else:
                settings = apply_options(settings, list(record.options))
            yield RecordResult(record.id, record.category, (), (), True, False, False)
            continue
        one = suite.kind == "petrarch" or not _SENTENCE_END.search(record.text)
        story = record.id.rsplit("-", 1)[0]
        produced, discarded, first = code_record(coder, nlp, record, one, settings,
                                                 memory.get(story), config)
        if first is not None:
            memory[story] = first
        yield RecordResult(record.id, record.category, record.expected, produced,
                           judge(record, produced, discarded), True, discarded)


def code_record(coder: PetrarchCoder, nlp: Language, record: ValidationRecord,
                one_sentence: bool = False, settings: TabariSettings | None = None,
                forwarded: str | None = None, config: PetrarchSettings | None = None
                ) -> tuple[tuple[Triple, ...], bool, str | None]:
    """(source, target, code) triples of a record's text, whether it was discarded, and
    the code of its first actor (for ``FORWARD:``; ``forwarded`` is the previous one's).
    ``config``: PETRARCH ``<Config>`` settings in force for the record.

    ``one_sentence``: the record is a single sentence (PETRARCH ``<Sentence>``), so the
    parser is not allowed to split it.
    """
    if not record.text or coder.sentences.story_discarded(record.text):
        return (), bool(record.text), None
    doc = parse_one_sentence(nlp, record.text) if one_sentence else nlp(record.text)
    date = iso_to_int(record.date)
    produced: list[Triple] = []
    discarded = False
    first: str | None = None
    for sent in doc.sents:
        result = coder.sentences.code_sentence(sent, date, settings, forwarded, config)
        discarded |= result.discarded is not None
        produced.extend((e.source, e.target, e.code) for e in result.events)
        first = first or result.first_actor
        forwarded = result.first_actor or forwarded
    return tuple(dict.fromkeys(produced)), discarded, first


def parse_one_sentence(nlp: Language, text: str) -> Doc:
    """Parse ``text`` as exactly one sentence."""
    doc = nlp.make_doc(text)
    for token in doc[1:]:
        token.is_sent_start = False
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def judge(record: ValidationRecord, produced: tuple[Triple, ...], discarded: bool) -> bool:
    """Events: exactly the expected set (plus any optional ones); otherwise nothing coded."""
    if record.outcome == "discard":
        return discarded
    if record.outcome in ("noevents", "error"):
        return not produced
    got = set(produced)
    required = set(record.expected)
    return required <= got <= required | set(record.optional)


def summarize(results: list[RecordResult]) -> list[CategoryRow]:
    """Records and passes by category (counted records only), plus a TOTAL row."""
    rows: dict[str, list[int]] = {}
    for result in results:
        if result.counted:
            row = rows.setdefault(result.category, [0, 0])
            row[0] += 1
            row[1] += int(result.passed)
    table = [CategoryRow(c, n, p) for c, (n, p) in sorted(rows.items())]
    total = CategoryRow("TOTAL", sum(r.records for r in table), sum(r.passed for r in table))
    return [*table, total]


def format_table(rows: list[CategoryRow]) -> str:
    """A plain-text table of the category rows."""
    lines = [f"{'category':<12} {'records':>7} {'passed':>6} {'rate':>6}"]
    lines += [f"{r.category:<12} {r.records:>7} {r.passed:>6} {r.rate:>6.1%}" for r in rows]
    return "\n".join(lines)
