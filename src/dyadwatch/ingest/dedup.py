"""Exact and near-duplicate articles: the first copy is coded, later copies are linked to it.

- Exact: SHA-1 of the normalised text (NFKC, lower-cased, word tokens joined by one space),
  so whitespace, punctuation and case changes do not make a copy new.
- Near: MinHash (128 permutations, as datasketch computes them: ``ingest.minhash``) of
  word 5-gram shingles, looked up in an LSH index at Jaccard 0.7, each candidate confirmed
  on its estimated Jaccard. At 0.7 the same wire story re-published with other headers,
  captions and footers is caught, while rewrites of the same news by another newsroom
  (Jaccard 0.3–0.6) are coded separately. The figures behind the choice are in
  docs/ingest.md.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dyadwatch.errors import DuplicateArticleError
from dyadwatch.ingest.minhash import LshIndex, Signature
from dyadwatch.ingest.minhash import signature as sign_items
from dyadwatch.ingest.readers import ReadItem
from dyadwatch.model import Article, Failure

SHINGLE_WORDS = 5
NUM_PERM = 128
NEAR_THRESHOLD = 0.7
_WORD = re.compile(r"\w+")


def normalise_text(text: str) -> str:
    """NFKC, lower-cased word tokens joined by single spaces."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def text_sha1(text: str) -> str:
    """SHA-1 (hex) of the normalised text: the key of exact duplicates."""
    return _normalised_sha1(normalise_text(text))


def _normalised_sha1(normalised: str) -> str:
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the normalised text (the whole text when it is shorter than n)."""
    return _word_shingles(normalise_text(text).split(), size)


def _word_shingles(words: list[str], size: int) -> set[str]:
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM, size: int = SHINGLE_WORDS) -> Signature:
    """MinHash signature of the text's shingles."""
    return _normalised_minhash(normalise_text(text), num_perm, size)


def _normalised_minhash(normalised: str, num_perm: int, size: int) -> Signature:
    words = normalised.split()
    return sign_items((s.encode("utf-8") for s in _word_shingles(words, size)), num_perm)


@dataclass(frozen=True, slots=True)
class Match:
    first: str  # the id of the first copy
    kind: str  # exact | near


class Deduplicator:
    """Remembers the articles of a run (and of a database) and finds copies among them."""

    def __init__(self, threshold: float = NEAR_THRESHOLD, num_perm: int = NUM_PERM,
                 shingle_words: int = SHINGLE_WORDS) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self._by_sha1: dict[str, str] = {}
        self._signatures: dict[str, Signature] = {}
        self._position: dict[str, int] = {}  # insertion order: earlier copies win
        self._lsh = LshIndex(threshold, num_perm)

    def __len__(self) -> int:
        return len(self._by_sha1)

    def check(self, article: Article) -> str | None:
        """The id of an earlier copy of the article, else None (and the article is remembered)."""
        found = self.match(article.id, article.text)
        return None if found is None else found.first

    def check_text(self, article_id: str, text: str) -> str | None:
        """As ``check``, for an id and a text."""
        found = self.match(article_id, text)
        return None if found is None else found.first

    def match(self, article_id: str, text: str) -> Match | None:
        """The earlier copy (and whether it is exact or near), else None after remembering."""
        normalised = normalise_text(text)  # once for both keys
        digest = _normalised_sha1(normalised)
        first = self._by_sha1.get(digest)
        if first is not None:
            return None if first == article_id else Match(first, "exact")
        return self.match_signed(article_id, digest, _normalised_minhash(
            normalised, self.num_perm, self.shingle_words))

    def match_signed(self, article_id: str, digest: str, signature: Signature) -> Match | None:
        """As ``match``, for a text's ``text_sha1`` and MinHash computed elsewhere (the Ray
        engine signs articles in parallel tasks and decides copies in input order)."""
        first = self._by_sha1.get(digest)
        if first is not None:
            return None if first == article_id else Match(first, "exact")
        near = self._near_copy(article_id, signature)
        if near is None:
            self._remember(article_id, digest, signature)
            return None
        return Match(near, "near")

    def load(self, texts: Iterable[tuple[str, str]]) -> int:
        """Remember stored articles, given as (article_id, text); returns how many were new."""
        before = len(self)
        for article_id, text in texts:
            self.check_text(article_id, text)
        return len(self) - before

    def _near_copy(self, article_id: str, signature: Signature) -> str | None:
        """The earliest remembered article whose estimated Jaccard reaches the threshold."""
        candidates = [key for key in self._lsh.query(signature) if key != article_id]
        for key in sorted(candidates, key=self._position.__getitem__):
            if signature.jaccard(self._signatures[key]) >= self.threshold:
                return str(key)
        return None

    def _remember(self, article_id: str, digest: str, signature: Signature) -> None:
        self._by_sha1.setdefault(digest, article_id)
        if article_id not in self._signatures and not signature.is_empty():
            self._signatures[article_id] = signature
            self._position[article_id] = len(self._position)
            self._lsh.insert(article_id, signature)


def drop_duplicates(items: Iterable[ReadItem], dedup: Deduplicator) -> Iterator[ReadItem]:
    """The items with every later copy replaced by an E210 Failure naming the first copy."""
    for item in items:
        found = dedup.match(item.id, item.text) if isinstance(item, Article) else None
        if found is None or not isinstance(item, Article):
            yield item
            continue
        yield duplicate_failure(item, found)


def duplicate_failure(article: Article, found: Match) -> Failure:
    """The E210 record linking a copy to the first article with the same (or nearly) text."""
    where = article.origin or article.id
    error = DuplicateArticleError(path=where, kind=found.kind, first=found.first)
    return Failure(code=error.code, input=where, message=error.message, article_id=article.id)
