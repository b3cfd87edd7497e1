"""The PETRARCH dictionary coder: a :class:`dyadwatch.coding.DocCoder` over spaCy parses."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.model import Article, Event
from dyadwatch.ontology import is_cameo, lookup_cameo
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
    """Codes a parsed article with PETRARCH2/TABARI/Phoenix dictionaries (DocCoder)."""

    def __init__(self, dictionaries: Dictionaries, report: LoadReport | None = None,
                 lexicon: ActorLexicon | None = None) -> None:
        self.dictionaries = dictionaries
        self.report = report or LoadReport()
        self.sentences = SentenceCoder(dictionaries, lexicon)

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
        cameo = lookup_cameo(coded.code) if is_cameo(coded.code) else None
        return Event(
            event_id=event_id(article.id, index, token.idx, coded.source, coded.target, coded.code),
            article_id=article.id, date=article.published,
            source=coded.source, target=coded.target,
            source_country=actor_country(coded.source), target_country=actor_country(coded.target),
            source_text=coded.source_text, target_text=coded.target_text,
            cameo=coded.code, cameo_root=coded.code[:2],
            plover_type=cameo.plover_type if cameo else None,
            plover_mode=cameo.plover_mode if cameo else None,
            goldstein=cameo.goldstein if cameo else None,
            quad_class=cameo.quad_class if cameo else 0,
            sentence=sent.text, sentence_index=index, trigger=coded.trigger,
            trigger_start=token.idx, negated=any(c.dep_ == "neg" for c in token.children),
            modality="asserted", location=None, rule=coded.rule,
            dictionary_version=self.dictionary_version,
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


def event_id(article_id: str, sentence_index: int, trigger_start: int, source: str | None,
             target: str | None, code: str) -> str:
    """Stable sha1 of what identifies an event."""
    parts = (article_id, sentence_index, trigger_start, source, target, code)
    key = "|".join(str(x) for x in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


@lru_cache(maxsize=4096)
def actor_country(code: str | None) -> str | None:
    """ISO alpha-3 country of a CAMEO-style actor code, when its first three letters are one."""
    if not code or len(code) < 3:
        return None
    import pycountry

    return code[:3] if pycountry.countries.get(alpha_3=code[:3]) is not None else None
