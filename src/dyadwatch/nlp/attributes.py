"""The attribute ruler and the rule lemmatizer of an English pipeline, in one component that
gives the same annotations in a fraction of the time.

spaCy's ``attribute_ruler`` runs a Matcher of about 180 patterns over every token, and its
``lemmatizer`` builds a Python ``Token`` for each word and looks at its morphology again;
on news the two take about a fifth of the pipeline's time. Almost every attribute-ruler
pattern reads one token only (its tag, lower-cased form, dependency label, whether it is a
space), so which of them match a token depends on those four values: they are matched once
per distinct value and remembered, and the few patterns that span more tokens run as a
small Matcher of their own. The lemma of a token depends on its form, part of speech and
morphology only, so it is also remembered per distinct triple. Matches are applied in the
order the attribute ruler applies them (by pattern, later patterns win), and each
remembered lemma is the one the lemmatizer gives, so the annotations are the same
(tested, ``tests/nlp/test_attributes.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.pipeline import AttributeRuler

FAST_NAME = "dyadwatch_attributes_v1"
REPLACED = ("attribute_ruler", "lemmatizer")
MEMO_LIMIT = 500_000  # remembered entries per table before it is emptied (memory stays flat)
OTHER = 2**64 - 1  # stands for every value that no pattern names (not a string hash)
# Token attributes a one-token pattern may read for its matches to be remembered by value.
KEY_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "MORPH", "LEMMA",
                       "SHAPE", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE",
                       "IS_UPPER", "IS_LOWER", "LIKE_NUM", "ENT_TYPE", "ENT_IOB"})


class FastAttributes:
    """Applies an AttributeRuler and a rule-mode Lemmatizer with per-value memories."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer | None) -> None:
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.lemmatize = None if lemmatizer is None else _indexed_lemmatize(lemmatizer)
        self.single = Matcher(ruler.vocab)  # patterns of one token
        self.multi = Matcher(ruler.vocab)  # patterns of more tokens
        self.first = Matcher(ruler.vocab)  # the first token of each pattern of more tokens
        self.longest = 0  # tokens of the longest pattern of more tokens; -1: not fixed
        for key, patterns in _ruler_patterns(ruler):
            one = [p for p in patterns if _one_token(p) and ruler.indices[key] in (0, -1)]
            more = [p for p in patterns if p not in one]
            if one:
                self.single.add(str(key), one)
            if more:
                self.multi.add(str(key), more)
                self.first.add(str(key), [[p[0]] for p in more])
                if any("OP" in token for p in more for token in p):
                    self.longest = -1
                elif self.longest >= 0:
                    self.longest = max(self.longest, *map(len, more))
        read = {name for spec in _first_tokens(ruler) for name in spec}
        if not read <= KEY_ATTRS:
            raise ValueError(f"attribute-ruler patterns read {sorted(read - KEY_ATTRS)}")
        names = sorted(read)
        self.key_attrs = [IDS["ORTH" if name == "TEXT" else name] for name in names]
        self.reducers = [_Reducer(ruler, name) for name in names]
        # reduced key → (one-token patterns that match, whether a longer one may start here)
        self._matched: dict[tuple[int, ...], tuple[tuple[int, ...], bool]] = {}
        self._net: dict[tuple[int, ...], _Net] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            self._apply_ruler(doc)
            self._apply_lemmas(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    # ---- the attribute ruler -------------------------------------------------------------

    def _apply_ruler(self, doc: Doc) -> None:
        """1. one-token patterns from the memory; 2. patterns over more tokens from their
        own Matcher; 3. each token's attributes, later patterns over earlier ones."""
        keys = numpy.asarray(doc.to_array(self.key_attrs), dtype=numpy.uint64).reshape(len(doc), -1)
        for column, reducer in enumerate(self.reducers):
            keys[:, column] = reducer.reduce(keys[:, column])
        matched = [self._matched.get(key) or self._match_one(doc, i, key)
                   for i, key in enumerate(map(tuple, keys.tolist()))]
        extra = self._multi_matches(doc, [i for i, (_, starts) in enumerate(matched) if starts])
        columns = numpy.asarray(doc.to_array(ARRAY_ATTRS), dtype=numpy.uint64)
        changed = False
        for i, (found, _) in enumerate(matched):
            if i in extra:
                net = _Net.of(self._fold(sorted(set(found) | set(extra[i]))))
            elif found:
                net = self._net_for(found)
            else:
                continue
            for column, value in net.columns:
                columns[i, column] = value
                changed = True
            if net.rest:
                set_token_attrs(doc[i], net.rest)
        if changed:
            doc.from_array(ARRAY_ATTRS, columns)  # type: ignore[arg-type]

    def _match_one(self, doc: Doc, i: int,
                   key: tuple[int, ...]) -> tuple[tuple[int, ...], bool]:
        """The one-token patterns that match token ``i``, and whether a pattern of more
        tokens may start there (remembered under ``key``)."""
        strings = self.ruler.vocab.strings
        token = doc[i:i + 1]
        found = tuple(sorted({int(strings[m])
                              for m, _, _ in self.single(token, allow_missing=True)}))
        starts = bool(self.first(token, allow_missing=True)) if len(self.first) else False
        if len(self._matched) >= MEMO_LIMIT:
            self._matched.clear()
            self._net.clear()
        self._matched[key] = (found, starts)
        return found, starts

    def _multi_matches(self, doc: Doc, starts: list[int]) -> dict[int, list[int]]:
        """Token index → the patterns over several tokens that set its attributes, matched
        from the ``starts`` only when every such pattern has a fixed length."""
        extra: dict[int, list[int]] = {}
        if len(self.multi) == 0:
            return extra
        if self.longest < 0:
            windows = [(0, doc[:])]
        else:
            windows = [(i, doc[i:i + self.longest]) for i in starts]
        for offset, window in windows:
            for match_id, start, end in self.multi(window, allow_missing=True):
                if self.longest >= 0 and start != 0:
                    continue  # found again from its own start
                key = int(self.ruler.vocab.strings[match_id])
                target = doc[offset + start:offset + end][self.ruler.indices[key]].i
                extra.setdefault(target, []).append(key)
        return extra

    def _net_for(self, found: tuple[int, ...]) -> _Net:
        net = self._net.get(found)
        if net is None:
            net = self._net[found] = _Net.of(self._fold(list(found)))
        return net

    def _fold(self, keys: list[int]) -> dict[int, Any]:
        """The attributes that patterns ``keys`` (in order) leave: later ones win."""
        attrs: dict[int, Any] = {}
        for key in keys:
            attrs.update(self.ruler.attrs[key])
        return attrs

    # ---- the lemmatizer ------------------------------------------------------------------

    def _apply_lemmas(self, doc: Doc) -> None:
        if self.lemmatizer is None or self.lemmatize is None:
            return
        rows = numpy.asarray(doc.to_array([ORTH, POS, MORPH, LEMMA]), dtype=numpy.uint64)
        overwrite = self.lemmatizer.overwrite
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self.ruler.vocab.strings.add(self.lemmatize(doc[i])[0])
                if len(self._lemmas) >= MEMO_LIMIT:
                    self._lemmas.clear()
                self._lemmas[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]


ARRAY_ATTRS = [POS, TAG, MORPH, LEMMA]  # set through Doc.from_array; others token by token


class _IndexedLemmas:
    """What ``Lemmatizer.rule_lemmatize`` reads of its lemmatizer (``lookups``, ``cache``,
    ``is_base_form``), with the index of each part of speech as a set."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            if name == "lemma_index":
                self.lookups.add_table(name, {key: frozenset(words)
                                              for key, words in table.items()})
            else:
                self.lookups.add_table(name, dict(table.items()))
        self.cache: dict[Any, list[str]] = {}
        self.is_base_form = lemmatizer.is_base_form

    def lemmatize(self, token: Token) -> list[str]:
        return Lemmatizer.rule_lemmatize(self, token)  # type: ignore[arg-type]


def _indexed_lemmatize(lemmatizer: Lemmatizer) -> Callable[[Token], list[str]]:
    """``lemmatizer.lemmatize``; for spaCy's own rule mode, with the index as sets.

    The rules only ask whether a form is in the index of its part of speech (a list of up
    to 57,000 words in English, scanned once per rule and word); a set answers the same, so
    the lemmas are the same. The tables are read at the first word (a pipeline's lookups are
    filled when it is initialised). Any other mode or lemmatize method is used as it is.
    """
    if lemmatizer.mode != "rule" or getattr(lemmatizer.lemmatize, "__func__",
                                            None) is not Lemmatizer.rule_lemmatize:
        return lemmatizer.lemmatize
    indexed: list[_IndexedLemmas] = []

    def lemmatize(token: Token) -> list[str]:
        if not indexed:
            indexed.append(_IndexedLemmas(lemmatizer))
        return indexed[0].lemmatize(token)
    return lemmatize


@dataclass(frozen=True, slots=True)
class _Net:
    """What a set of patterns does to a token: columns of ARRAY_ATTRS, and other attributes."""

    columns: tuple[tuple[int, int], ...]
    rest: dict[int, Any]

    @classmethod
    def of(cls, attrs: dict[int, Any]) -> _Net:
        columns = tuple((ARRAY_ATTRS.index(a), int(v)) for a, v in attrs.items()
                        if a in ARRAY_ATTRS)
        return cls(columns, {a: v for a, v in attrs.items() if a not in ARRAY_ATTRS})


class _Reducer:
    """Maps the values of one attribute that no one-token pattern can tell apart to OTHER:
    those that patterns compare only with the strings they list (equality, IN, NOT_IN) or
    with regular expressions, when the value is not listed and matches no expression."""

    def __init__(self, ruler: AttributeRuler, name: str) -> None:
        self.strings = ruler.vocab.strings
        self.named, self.regexes = _named_values(ruler, name)
        self.keep: dict[int, bool] = {}

    def reduce(self, values: NDArray[numpy.uint64]) -> NDArray[numpy.uint64]:
        if self.named is None:
            return values
        present = numpy.unique(values).tolist()
        for value in present:
            if value not in self.keep:
                self.keep[value] = self._named(value)
        kept = [value for value in present if self.keep[value]]
        return numpy.where(numpy.isin(values, kept), values, numpy.uint64(OTHER))

    def _named(self, value: int) -> bool:
        assert self.named is not None  # noqa: S101 - reduce() checks it
        if value in self.named:
            return True
        if not self.regexes or value not in self.strings:  # type: ignore[operator]
            return False
        text = self.strings[value]
        return any(regex.search(text) for regex in self.regexes)


def _named_values(ruler: AttributeRuler,
                  name: str) -> tuple[frozenset[int] | None, list[re.Pattern[str]]]:
    """The hashes of the strings the first tokens of the patterns compare attribute ``name``
    with, and their regular expressions; (None, []) if one compares it any other way."""
    named: set[int] = set()
    regexes: list[re.Pattern[str]] = []
    for spec in _first_tokens(ruler):
        if name not in spec:
            continue
        value = spec[name]
        if isinstance(value, dict) and set(value) == {"REGEX"}:
            regexes.append(re.compile(value["REGEX"]))
            continue
        if isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
            listed = [item for items in value.values() for item in items]
        else:
            listed = [value]
        if not all(isinstance(item, str) for item in listed):
            return None, []
        named.update(ruler.vocab.strings.add(item) for item in listed)
    return frozenset(named), regexes


def _first_tokens(ruler: AttributeRuler) -> list[dict[str, Any]]:
    """The first token of every pattern: what is matched one token at a time."""
    return [pattern[0] for _, patterns in _ruler_patterns(ruler) for pattern in patterns]


def _one_token(pattern: list[dict[str, Any]]) -> bool:
    """Whether a token pattern always matches exactly one token."""
    return len(pattern) == 1 and "OP" not in pattern[0]


def _ruler_patterns(ruler: AttributeRuler) -> Iterator[tuple[int, list[list[dict[str, Any]]]]]:
    """(pattern key, its token patterns) of every rule of the attribute ruler, in order."""
    for key in range(len(ruler.attrs)):
        found = ruler.matcher.get(str(key))
        if found is not None:
            yield key, list(found[1])


@Language.factory(FAST_NAME, assigns=["token.pos", "token.tag", "token.morph", "token.lemma",
                                      "token.dep"])
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    """The pipeline's attribute ruler and lemmatizer, applied by :class:`FastAttributes`."""
    lemmatizer = nlp.get_pipe("lemmatizer") if nlp.has_pipe("lemmatizer") else None
    return FastAttributes(nlp.get_pipe("attribute_ruler"), lemmatizer)  # type: ignore[arg-type]


def use_fast_attributes(nlp: Language) -> Language:
    """Run FastAttributes in place of an attribute ruler and a rule-mode lemmatizer that sit
    side by side (idempotent; any other pipeline is left as it is)."""
    names = nlp.pipe_names
    if FAST_NAME in nlp.component_names or "attribute_ruler" not in names:
        return nlp
    if "lemmatizer" in names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) != "rule" or \
                names.index("lemmatizer") != names.index("attribute_ruler") + 1:
            return nlp
    try:
        nlp.add_pipe(FAST_NAME, before="attribute_ruler")
    except ValueError:  # patterns it cannot remember by value: keep spaCy's components
        return nlp
    for name in REPLACED:
        if name in names:
            nlp.disable_pipe(name)
    return nlp
