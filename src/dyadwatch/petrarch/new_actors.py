"""PETRARCH's ``new_actor_length``: short noun phrases with no dictionary actor as actors.

With ``<Config option="new_actor_length" value="n">`` PETRARCH codes a noun phrase of at
most ``n`` words that holds no actor or agent by its own words in capitals
("Gryffindor's head Minerva McGonagall" -> ``GRYFFINDOR HEAD MINERVA MCGONAGALL``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyadwatch.petrarch.groups import Group

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NOUNS = {"NOUN", "PROPN"}
_INSIDE = {"det", "amod", "compound", "poss", "case", "nummod", "flat", "appos", "nmod"}
_NOT_HEAD = _INSIDE | {"conj"}


def new_actor_groups(sent: Span, groups: list[Group], max_words: int) -> list[Group]:
    """Groups for the noun phrases of at most ``max_words`` words that hold no group
    (counting every phrase attached to them: "the dispute with Osgiliath" holds one).
    """
    taken = {p for g in groups for p in g.positions | set(range(g.start, g.end))}
    found: list[Group] = []
    for token in sent:
        if not _phrase_head(token):
            continue
        positions = sorted(t.i - sent.start for t in _phrase(token))
        words = [sent[p].text.upper() for p in positions
                 if sent[p].dep_ != "case" and not sent[p].is_punct]
        whole = {t.i - sent.start for t in token.subtree}  # with its other phrases
        if words and len(words) <= max_words and not taken & whole:
            start, end = positions[0], positions[-1] + 1
            found.append(Group(start, end, token.i - sent.start, [" ".join(words)],
                               sent[start:end].text, set(positions)))
    return found


def _phrase_head(token: Token) -> bool:
    """A noun that heads a noun phrase (not a modifier, conjunct or ``of`` object)."""
    if token.pos_ not in _NOUNS or token.dep_ in _NOT_HEAD:
        return False
    return not _of_object(token)


def _of_object(token: Token) -> bool:
    head = token.head
    return (token.dep_ == "pobj" and head.lower_ == "of" and head.head != head
            and head.head.pos_ in _NOUNS)


def _phrase(head: Token) -> list[Token]:
    """The head with its modifiers and ``of`` phrases."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _INSIDE:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            tokens.append(child)
            for obj in child.children:
                if obj.dep_ == "pobj":
                    tokens.extend(_phrase(obj))
    return tokens
