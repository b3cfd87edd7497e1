"""Language detection (lingua): English is coded, other languages are recorded and skipped.

The detector knows every spoken language lingua supports (Latin excluded, as it
mislabels short English headlines) and looks at the first 1,000 characters with
lingua's low-accuracy mode (trigram models: they load in well under a second and
take little memory; from 120 characters on they are as accurate as the high-accuracy
models, whose 850 MB are never loaded). Shorter texts (headlines, feed summaries) are
undetermined (``None``) and count as English, and so is any text in which English has
a confidence of at least 0.1: nothing is dropped on too little evidence. A sample of 30
words or more of which at least 30 % are English stop words (spaCy's list) is English
without asking the detector: no text in another language of the shared corpora comes
near (at most 18 %), and 99 % of English news articles pass, which saves most of the
check's time. See docs/ingest.md for the measurements behind these choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from dyadwatch.errors import NotEnglishError
from dyadwatch.ingest.readers import ReadItem
from dyadwatch.model import Article, Failure

MIN_LETTERS = 20
SAMPLE_CHARS = 1000
LONG_TEXT_CHARS = 120
# English with at least this confidence counts as English: the fast detector can put a
# repetitive or list-like English text just behind French, and a skipped English article
# is lost to the analysis, while a coded foreign one only yields no events.
ENGLISH_DOUBT = 0.1
CLEAR_ENGLISH_WORDS = 30  # words a sample needs before its stop words can decide
CLEAR_ENGLISH_SHARE = 0.3  # share of English stop words that makes a sample English
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=2)
def _detector(high_accuracy: bool) -> LanguageDetector:
    """A detector, built once per process (its models load lazily on first use)."""
    builder = LanguageDetectorBuilder.from_all_spoken_languages()
    return builder.build() if high_accuracy else builder.with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "de" …), or None when undetermined."""
    sample = text[:SAMPLE_CHARS]
    if len(sample) < LONG_TEXT_CHARS or sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    if clearly_english(sample):
        return "en"
    values = _detector(False).compute_language_confidence_values(sample)
    if not values:
        return None
    english = next((v.value for v in values if v.language == Language.ENGLISH), 0.0)
    if english >= ENGLISH_DOUBT:
        return "en"  # never skip a text that may well be English
    return values[0].language.iso_code_639_1.name.lower()


def clearly_english(sample: str) -> bool:
    """Whether CLEAR_ENGLISH_SHARE of the sample's words (at least CLEAR_ENGLISH_WORDS) are
    English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(sample.lower())
    if len(words) < CLEAR_ENGLISH_WORDS:
        return False
    return sum(word in STOP_WORDS for word in words) >= CLEAR_ENGLISH_SHARE * len(words)


def is_english(text: str) -> bool:
    """True unless the text is detected as another language (undetermined counts as English)."""
    return detect_language(text) in (None, "en")


def language_failure(article: Article) -> Failure | None:
    """An E209 Failure when the article is not in English, else None."""
    language = detect_language(article.text)
    if language in (None, "en"):
        return None
    error = NotEnglishError(path=article.origin or article.id, language=language)
    return Failure(code=error.code, input=article.origin or article.id, message=error.message,
                   article_id=article.id)


def english_only(items: Iterable[ReadItem]) -> Iterator[ReadItem]:
    """The items with every non-English article replaced by its E209 Failure."""
    for item in items:
        failure = language_failure(item) if isinstance(item, Article) else None
        yield item if failure is None else failure
