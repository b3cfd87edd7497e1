"""Peoples without a state of their own ("Kurdish forces", "the Kurds"), read by the article.

A people lives in several states (words.yaml: ``peoples``); which home a phrase means is
read, in order, from the phrase itself ("Syrian Kurds", "Kurds in Iraq"), from the nearest
sign the article names (a group of one home: the SDF places the Kurds in Syria), and from
the only home the article names. Otherwise the phrase stays unknown: a wrong country is
worse than none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.coding.actor_words import demonym_country, join_code, private_head
from dyadwatch.coding.mentions import ActorLookup
from dyadwatch.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.kb.lexicon import Lexicon, PeopleHome

_PHRASE_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod"})
_HOME_PREPS = frozenset({"in", "of", "from"})


def people_actor(token: Token, lookup: ActorLookup, lex: Lexicon,
                 named: list[tuple[int, str, str | None]]) -> Actor | None:
    """The actor a people word stands for in its phrase, or None when its home is unclear.

    ``named`` holds the article's dictionary mentions as (first token, entry id, country).
    """
    homes = lex.peoples.get(token.lower_)
    if not homes:
        return None
    head = phrase_head(token)
    home = (_home_in_phrase(head, homes, lookup, named) or _home_by_sign(token, homes, named)
            or _sole_home(homes, named))
    if home is None:
        return None
    role = lookup.role_of(head.lemma_) or lookup.role_of(head.text) if head is not token else None
    if private_head(head, lex) or (role is not None and role[:3] in lex.private_sectors):
        code = join_code(home.country, role or "")  # "Kurdish civilians" are the home's
    else:
        code = home.code or join_code(home.country, role or "")
    return Actor(code=code, country=home.country, name=home.people,
                 rule=f"people:{home.people}")


def phrase_head(token: Token) -> Token:
    """The noun a people word qualifies ("Kurdish-led forces" → forces), else itself."""
    head = token
    for _ in range(3):
        if head.dep_ not in _PHRASE_DEPS or head.head.i == head.i:
            break
        head = head.head
    return head if head.pos_ in {"NOUN", "PROPN"} else token


def _home_in_phrase(head: Token, homes: tuple[PeopleHome, ...], lookup: ActorLookup,
                    named: list[tuple[int, str, str | None]]) -> PeopleHome | None:
    """A home named in the phrase: "Syrian Kurds", "Iraq's Kurdish region", "Kurds in Syria"."""
    words = [*head.doc[head.left_edge.i : head.i + 1],
             *(t for prep in head.children if prep.dep_ == "prep" and prep.lower_ in _HOME_PREPS
               for pobj in prep.children if pobj.dep_ == "pobj" for t in pobj.subtree)]
    tokens = {t.i for t in words}
    countries = {country for start, _, country in named if start in tokens and country}
    countries |= {c for t in words if (c := demonym_country(t, lookup)[0])}
    found = [home for home in homes if home.country in countries]
    return found[0] if len(found) == 1 else None


def _home_by_sign(token: Token, homes: tuple[PeopleHome, ...],
                  named: list[tuple[int, str, str | None]]) -> PeopleHome | None:
    """The home of the sign named nearest before the word, else first after it."""
    signs = [(start, home) for start, entry_id, _ in named for home in homes
             if entry_id in home.signs]
    before = [(start, home) for start, home in signs if start < token.i]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    after = [(start, home) for start, home in signs if start > token.i]
    return min(after, key=lambda pair: pair[0])[1] if after else None


def _sole_home(homes: tuple[PeopleHome, ...],
               named: list[tuple[int, str, str | None]]) -> PeopleHome | None:
    countries = {country for _, _, country in named}
    found = [home for home in homes if home.country in countries]
    return found[0] if len(found) == 1 else None
