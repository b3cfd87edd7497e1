"""Event coding: spaCy Doc + Article → Events. Pure: no files, no database, no printing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyadwatch.model import Article, Event


class DocCoder(Protocol):
    """Anything that codes a parsed article: the built-in coder, imported PETRARCH dictionaries."""

    @property
    def dictionary_version(self) -> str: ...

    def code_doc(self, doc: Doc, article: Article) -> list[Event]: ...
