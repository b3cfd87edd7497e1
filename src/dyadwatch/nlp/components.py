"""dyadwatch's own spaCy components. Registered names carry a version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Hyphenated words the default tokenizer splits into pieces the parser then misreads
# ("de - escalate"). Each is kept as one token in every case variant.
HYPHENATED_WORDS = (
    "de-escalate", "de-escalated", "de-escalates", "de-escalating", "de-escalation",
    "re-escalate", "re-escalation", "ceasefire", "cease-fire", "counter-attack",
    "counter-attacked", "counter-attacks", "counter-offensive", "re-elected", "re-election",
    "co-operate", "co-operation", "co-operated", "self-defense", "self-defence",
    "tit-for-tat", "pull-out", "walk-out", "sit-in", "sit-ins", "shoot-out", "stand-off",
    "break-up", "crack-down", "peace-keeping", "peace-keepers", "anti-government",
)


@Language.component(
    "dyadwatch_paragraph_sentences_v1",
    assigns=["token.is_sent_start"],
)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so paragraphs and captions never merge."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


HEADLINE_WORDS = 3  # capitalised words in a row that make a headline


@Language.component(
    "dyadwatch_headline_sentences_v1",
    assigns=["token.is_sent_start"],
)
def headline_sentences(doc: Doc) -> Doc:
    """End an all-caps headline run into the body ("N. KOREA FIRES MISSILE North Korea
    fired ...") where the body's first word begins, so the two are never one sentence."""
    run = 0
    for token in doc:
        if token.is_upper and token.is_alpha and len(token) > 1:
            run += 1
        elif token.is_title and token.is_alpha and run >= HEADLINE_WORDS:
            token.is_sent_start = True
            run = 0
        elif not (token.is_punct or token.like_num):
            run = 0
    return doc


def add_hyphenated_words(nlp: Language) -> None:
    """Keep HYPHENATED_WORDS as single tokens."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer: leave it as it is
    for word in HYPHENATED_WORDS:
        for variant in {word, word.capitalize(), word.upper()}:
            tokenizer.add_special_case(variant, [{ORTH: variant}])


def prepare_pipeline(nlp: Language, fast_attributes: bool = True) -> Language:
    """Add dyadwatch's components to a loaded English pipeline (idempotent); with
    ``fast_attributes`` the attribute ruler and lemmatizer run as
    :class:`~dyadwatch.nlp.attributes.FastAttributes` (the same annotations, faster)."""
    from dyadwatch.nlp.attributes import use_fast_attributes

    for name in ("dyadwatch_paragraph_sentences_v1", "dyadwatch_headline_sentences_v1"):
        if name not in nlp.pipe_names:
            before = "parser" if "parser" in nlp.pipe_names else None
            nlp.add_pipe(name, before=before)
    add_hyphenated_words(nlp)
    return use_fast_attributes(nlp) if fast_attributes else nlp
