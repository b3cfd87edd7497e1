"""Several coders over one parse: imported dictionaries layered over dyadwatch's own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dyadwatch.coding import DocCoder

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadwatch.model import Article, Event


class LayeredCoder:
    """Runs each coder in order; an event another layer already coded for the same
    sentence, actors and CAMEO root is not repeated (the earlier layer wins)."""

    def __init__(self, coders: Sequence[DocCoder]) -> None:
        if not coders:
            raise ValueError("LayeredCoder needs at least one coder")
        self.coders = tuple(coders)

    @property
    def dictionary_version(self) -> str:
        return "+".join(coder.dictionary_version for coder in self.coders)

    def code_doc(self, doc: Doc, article: Article) -> list[Event]:
        seen: set[tuple[int, str | None, str | None, str]] = set()
        events: list[Event] = []
        for coder in self.coders:
            for event in coder.code_doc(doc, article):
                key = (event.sentence_index, event.source, event.target, event.cameo_root)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        return sorted(events, key=lambda e: (e.sentence_index, e.trigger_start))
