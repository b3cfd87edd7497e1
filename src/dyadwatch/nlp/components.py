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


def add_hyphenated_words(nlp: Language) -> None:
    """Keep HYPHENATED_WORDS as single tokens."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer: leave it as it is
    for word in HYPHENATED_WORDS:
        for variant in {word, word.capitalize(), word.upper()}:
            tokenizer.add_special_case(variant, [{ORTH: variant}])


def prepare_pipeline(nlp: Language) -> Language:
    """Add dyadwatch's components to a loaded English pipeline (idempotent)."""
    if "dyadwatch_paragraph_sentences_v1" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("dyadwatch_paragraph_sentences_v1", before=before)
    add_hyphenated_words(nlp)
    return nlp
