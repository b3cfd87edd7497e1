"""Is a document political news? A document-level check of its register.

Sport, entertainment, business and science texts name countries, leaders and
"attacks" in senses no event coder should take literally: a national team beats another,
a film "directed by", a striker "fires", a company "launches". The check counts the
distinct cues of each register in the document (``data/coding/registers.yaml``,
:mod:`dyadwatch.kb.registers`) against the distinct cues of political news; a document
with enough cues of one register, and many more of it than of political news, is in that
register. A document long enough to show political news that shows no cue of it at all
(a tram crash, a scam, a passenger on the wrong flight) is not political news either: it is
*unmarked*. In both, only events of unambiguous state organs and international bodies
named in their own sentence toward another political actor stay (a ministry that expels a
foreign film crew, the UN that asks a government for help); one-sided events (the gold
standard annotates none), plain statements and the roots the register withholds (a match
report's force) do not. One pass over the tokens: cheap beside the parse.

DOCS: docs/coding.md ("Texts that are not political news")
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.coding.doc_arrays import token_strings
from dyadwatch.kb.registers import NEWS, Registers

if TYPE_CHECKING:
    from spacy.tokens import Doc

USER_DATA_KEY = "dyadwatch.register"  # where the coder leaves a document's register
_WORD = re.compile(r"\w+(?:-\w+)*")
UNMARKED = "unmarked"  # the register of a text with no cue of political news at all
STATEMENT_ROOT = "01"  # plain public statements: a quoted official, not an act
# Actor rules (Actor.rule) of a mention that says in its own words that it is a state
# organ or an international body: "Uganda's authorities", "the US Air Force", "EU
# regulators", "the UN". Not a surname ("Hewitt" is a tennis player as often as a
# minister), a city ("Athens", "Number 10"), a role read off a nearby name ("Bolton
# boss") or a title ("FA spokesman X"), nor a pronoun or a role placed by the article.
STATED_RULE_ENDS = (":country+role", ":org")
STATED_RULE_HEADS = ("modifier:", "org-name:")
IGO_RULE_HEAD = "actor:igo:"
PERSON_RULE_HEAD = "actor:person:"


@dataclass(frozen=True, slots=True)
class Register:
    """The register a document is written in (``None``: political news) and the distinct
    cues that decided it: the register's own and those of political news."""

    name: str | None
    cues: tuple[str, ...] = ()
    news_cues: tuple[str, ...] = ()

    @property
    def political_news(self) -> bool:
        return self.name is None

    def describe(self) -> str:
        """'sport (12 cues: match, striker, ...; 1 of political news)'."""
        shown = ", ".join(self.cues[:8]) + (", ..." if len(self.cues) > 8 else "")
        return (f"{self.name or 'political news'} ({len(self.cues)} cues: {shown}; "
                f"{len(self.news_cues)} of political news)")


def document_register(doc: Doc, registers: Registers) -> Register:
    """The register of ``doc``: the register with the most distinct cues, when it has at
    least ``min_cues`` and ``news_ratio`` times as many as political news has; else
    :data:`UNMARKED` when ``doc`` has ``unmarked_min_tokens`` tokens or more and not one
    cue of political news; else political news."""
    found = cues_by_register(doc, registers)
    news = tuple(found.pop(NEWS, ()))
    name = max(registers.names, key=lambda n: len(found.get(n, ())))
    cues = tuple(found.get(name, ()))
    if len(cues) >= registers.min_cues and len(cues) >= registers.news_ratio * len(news):
        return Register(name, cues, news)
    if not news and len(doc) >= registers.unmarked_min_tokens:
        return Register(UNMARKED, cues, news)
    return Register(None, cues, news)


def cues_by_register(doc: Doc, registers: Registers) -> dict[str, list[str]]:
    """The distinct cues of each register found in ``doc``, in order of first use."""
    seen: dict[str, Counter[str]] = {}
    forms = token_forms(doc)
    firsts = registers.words.keys() | registers.phrases.keys()
    starts = {form for form in set(forms) if form[0] in firsts or form[1] in firsts}
    for i in [i for i, form in enumerate(forms) if form in starts]:  # most words start no cue
        for cue, name in _token_cues(forms, i, registers):
            seen.setdefault(name, Counter())[cue] += 1
    return {name: list(counts) for name, counts in seen.items()}


def token_forms(doc: Doc) -> list[tuple[str, str]]:
    """Each token's lower-case form and lower-case lemma (``token.lower_``,
    ``token.lemma_.lower()``), read from the document's arrays: each distinct string is
    looked up once, and no Token is built."""
    lemmas = token_strings(doc, "LEMMA")
    lowered = {lemma: lemma.lower() for lemma in set(lemmas)}
    return list(zip(token_strings(doc, "LOWER"), [lowered[lemma] for lemma in lemmas],
                    strict=True))


def _token_cues(forms: list[tuple[str, str]], i: int,
                registers: Registers) -> list[tuple[str, str]]:
    """(cue, register) of the words and phrases that start at token ``i``; ``forms`` holds
    each token's lower-case form and lemma."""
    lower, lemma = forms[i]
    words, phrases = registers.words, registers.phrases
    if lower not in words and lemma not in words and lower not in phrases and (
            lemma not in phrases):
        return []  # most words start no cue
    found: list[tuple[str, str]] = []
    word = lower if lower in words else lemma if lemma in words else None
    if word is not None:
        found.extend((word, name) for name in registers.words[word])
    for first in {lower, lemma}:
        for parts, name in registers.phrases.get(first, ()):
            if _phrase_at(forms, i, parts):
                found.append((" ".join(parts), name))
    return found


def _phrase_at(forms: list[tuple[str, str]], start: int, parts: tuple[str, ...]) -> bool:
    if start + len(parts) > len(forms):
        return False
    return all(part in forms[start + k] for k, part in enumerate(parts))


def kept_in_register(register: Register, registers: Registers, rule: str, text: str,
                     code: str | None, country: str | None, cameo: str,
                     pronouns: frozenset[str] = frozenset(), *, dyadic: bool) -> bool:
    """May an event stay in a document of ``register``? Always in political news; in
    another register only when it is ``dyadic`` (its target a political actor too), its
    source is a state organ of a country (a role of ``state_roles``) or an international
    body, stated as one by its mention (``text``, resolved by actor ``rule``; a pronoun
    says nothing), which holds no cue of the register ("the Greek athletics federation's
    tribunal", "the Berlin film festival"), and the event is neither a plain statement
    nor of a root the register withholds."""
    if register.name is None:
        return True
    if not dyadic or text.lower() in pronouns or not (state_organ(code, country, registers)
                                        and stated_organ(rule, text)):
        return False
    if any(register.name in registers.words.get(word, ()) for word in _words(text)):
        return False
    root = cameo[:2]
    return root != STATEMENT_ROOT and root not in registers.withheld_roots.get(
        register.name, frozenset())


def stated_organ(rule: str, text: str) -> bool:
    """Does the mention say what it is (see :data:`STATED_RULE_ENDS`)? A person counts
    when named in full ("President Obama", "Dmitry Peskov"), not by a surname alone."""
    if rule.startswith(IGO_RULE_HEAD):
        return True
    if rule.startswith(PERSON_RULE_HEAD):
        return len(text.split()) >= 2
    return rule.startswith(STATED_RULE_HEADS) and rule.endswith(STATED_RULE_ENDS)


def _words(text: str) -> list[str]:
    """The lower-case words of a mention ("the league's tribunal" → the, league, s, ...)."""
    return _WORD.findall(text.lower())


def state_organ(code: str | None, country: str | None, registers: Registers) -> bool:
    """A state organ of a country ("USAGOV", "GBRMIL") or an international body ("IGOUNO")."""
    if not code:
        return False
    if code.startswith("IGO"):
        return True
    if not country or not code.startswith(country):
        return False
    return code[len(country):len(country) + 3] in registers.state_roles
