"""Word-level conventions shared by the dictionary formats: phrases, plurals, verb forms, dates."""

from __future__ import annotations

import re

_HYPHEN = re.compile(r"(?<=[A-Z0-9])-(?=[A-Z0-9])")
_SIBILANT = ("S", "SH", "CH", "X", "Z")
_VOWELS = set("AEIOU")
_YEAR_PIVOT = 30  # two-digit years below this are 20xx, the rest 19xx


def normalize_word(text: str) -> str:
    """The matching key of one token: upper case, typographic apostrophes made plain."""
    return text.upper().replace("\u2019", "'").replace("`", "'")


def split_word(word: str) -> list[str]:
    """Split one dictionary word the way spaCy's English tokenizer splits text."""
    word = normalize_word(word)
    for suffix in ("N'T", "'S"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return [*split_word(word[: -len(suffix)]), suffix]
    parts = _HYPHEN.split(word)
    out: list[str] = []
    for k, part in enumerate(parts):
        if k:
            out.append("-")
        out.append(part)
    return [p for p in out if p]


def split_phrase(text: str) -> tuple[str, ...]:
    """Words of a phrase written with blanks or underscores between them.

    A TABARI ``=`` after a word (``MOUSE=``) marks a whole word, like ``_``.
    """
    words: list[str] = []
    for chunk in text.replace("_", " ").replace("=", " ").split():
        words.extend(split_word(chunk))
    return tuple(words)


def plural(word: str) -> str:
    """The regular English plural of an upper-case noun."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "IES"
    if word.endswith(_SIBILANT):
        return word + "ES"
    return word + "S"


def phrase_with_plural(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The phrase and its form with a regular plural on the last word."""
    if not words or not words[-1].isalpha():
        return [words]
    return [words, (*words[:-1], plural(words[-1]))]


def verb_forms(base: str) -> set[str]:
    """Regular forms of an upper-case English verb: base, -S, -ED, -ING (with doubling)."""
    forms = {base, plural(base)}
    stem = base[:-1] if base.endswith("E") else base
    if base.endswith("Y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms |= {base[:-1] + "IED", base + "ING"}
    else:
        forms |= {stem + "ED", stem + "ING"}
    if _doubles(base):
        forms |= {base + base[-1] + "ED", base + base[-1] + "ING"}
    return forms


def _doubles(base: str) -> bool:
    """Consonant-vowel-consonant endings double the consonant (STAB -> STABBED)."""
    if len(base) < 3 or base[-1] in _VOWELS or base[-1] in "WXY":
        return False
    return base[-2] in _VOWELS and base[-3] not in _VOWELS


def parse_date(text: str) -> int:
    """YYYYMMDD or YYMMDD as an int YYYYMMDD; raises ValueError otherwise."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(digits) == 6:
        year = int(digits[:2])
        digits = ("20" if year < _YEAR_PIVOT else "19") + digits
    month, day = int(digits[4:6]), int(digits[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"date {text!r} has no such month or day")
    return int(digits)


def iso_to_int(date: str | None) -> int | None:
    """An ISO date (YYYY-MM-DD...) or YYYYMMDD string as YYYYMMDD, else None."""
    if not date:
        return None
    digits = date.replace("-", "")[:8]
    return int(digits) if digits.isdigit() and len(digits) == 8 else None
