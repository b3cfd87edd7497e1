"""The PETRARCH dictionary coder: a :class:`dyadwatch.coding.DocCoder` over spaCy parses."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.coding.assembly import assemble_event, event_id, party_of_code
from dyadwatch.kb.confidence import ConfidenceTable, shipped_confidence_table
from dyadwatch.model import Article, Event
from dyadwatch.petrarch.cache import cached_key, default_cache_dir
from dyadwatch.petrarch.dictionaries import (
    DictionaryFiles,
    LoadReport,
    dictionary_version,
    find_files,
    load_files,
)
from dyadwatch.petrarch.engine import CodedEvent, SentenceCoder
from dyadwatch.petrarch.entries import Dictionaries
from dyadwatch.petrarch.groups import ActorLexicon, build_lexicon
from dyadwatch.petrarch.words import iso_to_int

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class PetrarchCoder:
    """Codes a parsed article with PETRARCH2/TABARI/Phoenix dictionaries (DocCoder).

    Its events' confidence comes from ``confidence`` (default: dyadwatch's shipped table,
    where a PETRARCH rule is of the family ``other``)."""

    def __init__(self, dictionaries: Dictionaries, report: LoadReport | None = None,
                 lexicon: ActorLexicon | None = None,
                 confidence: ConfidenceTable | None = None) -> None:
        self.dictionaries = dictionaries
        self.report = report or LoadReport()
        self.sentences = SentenceCoder(dictionaries, lexicon)
        self.confidence = shipped_confidence_table() if confidence is None else confidence

    @property
    def dictionary_version(self) -> str:
        return self.dictionaries.version

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        """Events of every sentence of ``doc``; none when a story-level discard matches."""
        if self.sentences.story_discarded(doc.text):
            return []
        date = iso_to_int(article.published)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            result = self.sentences.code_sentence(sent, date)
            events.extend(self._event(article, index, sent, e) for e in result.events)
        return events

    def _event(self, article: Article, index: int, sent: Span, coded: CodedEvent) -> Event:
        token = sent[coded.trigger_index]
        return assemble_event(
            article_id=article.id, sentence_index=index, trigger_start=token.idx,
            cameo=coded.code, source=party_of_code(coded.source, coded.source_text),
            target=party_of_code(coded.target, coded.target_text), sentence=sent.text,
            trigger=coded.trigger, rule=coded.rule, dictionary_version=self.dictionary_version,
            confidence_table=self.confidence,
            date=article.published, negated=any(c.dep_ == "neg" for c in token.children),
        )


def load_petrarch_coder(path_or_config: Path, *, cache_dir: Path | None = None,
                        use_cache: bool = True, strict: bool = False) -> PetrarchCoder:
    """The coder for a PETR_config.ini, a TABARI .project or a folder of dictionary files.

    Compiled files are cached under ``cache_dir`` (default: see
    :func:`dyadwatch.petrarch.cache.default_cache_dir`). ``strict`` raises E501 on the
    first malformed entry instead of skipping it with a warning.
    """
    files = find_files(Path(path_or_config))
    if not use_cache:
        return PetrarchCoder(*load_files(files, None, strict))
    where = cache_dir or default_cache_dir()
    key = f"{dictionary_version(files).replace(':', '-')}-{int(strict)}"
    (dictionaries, report, lexicon), hit = cached_key(
        where, "coder", key, lambda: _compile(files, where, strict))
    if hit:
        report = replace(report, cache_hits=report.files)
    return PetrarchCoder(dictionaries, report, lexicon)


def _compile(files: DictionaryFiles, cache_dir: Path, strict: bool
             ) -> tuple[Dictionaries, LoadReport, ActorLexicon]:
    """Dictionaries (each file cached on its own) and their phrase indexes, for the cache."""
    dictionaries, report = load_files(files, cache_dir, strict)
    return dictionaries, report, build_lexicon(dictionaries.actors, dictionaries.agents)


__all__ = ["PetrarchCoder", "event_id", "load_petrarch_coder"]  # event_id: the shared one
