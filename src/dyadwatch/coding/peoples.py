"""Peoples without a state of their own ("Kurdish forces", "the Kurds"), read by the article.

A people lives in one or several states (words.yaml: ``peoples``). A people with one home
is read there; otherwise the home a phrase means is read, in order, from the phrase and
its clause ("Syrian Kurds", "Kurds in Iraq"), from the nearest sign the article names (a
group of one home: the SDF places the Kurds in Syria) or the home it names most by name
before the word, from the one home its own sentence names, and from the only home the
article names. Otherwise the phrase stays unknown: a wrong country is worse than none.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from dyadwatch.coding.actor_words import demonym_country, join_code, one_person, private_head
from dyadwatch.coding.doc_arrays import sentence_at, token_strings
from dyadwatch.coding.mentions import ActorLookup
from dyadwatch.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.kb.lexicon import Lexicon, PeopleHome

_PHRASE_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod"})
# "Kurds in Iraq", "a Kurdish enclave inside Syria"
_HOME_PREPS = frozenset({"in", "of", "from", "inside", "within"})
_SCENE_PREPS = frozenset({"in", "inside", "within"})  # of the clause: "warned Kurds in Turkey"
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# a home the article has named this many times as often as any other before a people word
# is where the word is read ("Syria" ten times, "Iraq" once in passing)
DOMINANT = 3
# roles a people's home code stands for ("Kurdish forces", "Kurdish officials"); others
# keep their own sector in the home country ("Kurdish refugees" → SYRREF)
_ARMED_OR_POLITICAL = frozenset({"GOV", "GOVMIL", "MIL", "REB", "UAF", "COP", "SPY", "PTY",
                                 "LEG", "RAD"})


def people_actor(token: Token, lookup: ActorLookup, lex: Lexicon,
                 named: list[tuple[int, str, str | None]]) -> Actor | None:
    """The actor a people word stands for in its phrase, or None when its home is unclear.

    ``named`` holds the article's dictionary mentions as (first token, entry id, country).
    """
    homes = lex.peoples.get(token.lower_)
    if not homes:
        return None
    head = phrase_head(token)
    far = _signed_homes(token, homes, named)
    home = homes[0] if len(homes) == 1 else (
        _home_in_phrase(head, homes, lookup, named) or _home_by_sign(token, far, named)
        or _home_in_sentence(token, far, named) or _sole_home(far, named))
    if home is None:
        return None
    role = lookup.role_of(head.lemma_) or lookup.role_of(head.text) if head is not token else None
    if (role is None or role in _ARMED_OR_POLITICAL) and not private_head(head, lex):
        code = home.code or join_code(home.country, role or "")
    else:
        code = join_code(home.country, role or "")  # "Kurdish refugees", "Kurdish civilians"
    return Actor(code=code, country=home.country, name=home.people,
                 rule=f"people:{home.people}")


def people_at(head: Token, country: str | None, lex: Lexicon) -> Actor | None:
    """The people a word on ``head`` names, read in its home ``country`` ("the Kurdish
    enclave of Afrin", a place in Syria), else None; "Kurdish Syria" names the land."""
    if head.pos_ != "NOUN":
        return None
    for word in head.children:
        if word.dep_ in _PHRASE_DEPS and word.i < head.i:
            home = next((h for h in lex.peoples.get(word.lower_, ()) if h.country == country),
                        None)
            if home is not None:
                return Actor(code=home.code or home.country, country=home.country,
                             name=home.people, rule=f"people:{home.people}+placed")
    return None


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
    """A home named in the phrase or its clause: "Syrian Kurds", "Iraq's Kurdish region",
    "Kurds in Syria", "warned Kurdish activists in Turkey", or in a participle on the
    phrase: "Kurdish forces fighting in Syria", "Kurdish fighters based in Iraq"."""
    anchors = [head, head.head] if head.dep_ in _ARGUMENT_DEPS else [head]
    owners = [head, head.head] if head.dep_ == "conj" else [head]  # "the US and Kurdish …"
    anchors += [c for owner in owners for c in owner.children
                if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"} and c.i > head.i]
    words = [*head.doc[head.left_edge.i : head.i + 1],
             *(t for anchor in anchors for prep in anchor.children if prep.dep_ == "prep"
               and prep.lower_ in (_HOME_PREPS if anchor is head else _SCENE_PREPS)
               for pobj in prep.children if pobj.dep_ == "pobj" for t in pobj.subtree)]
    tokens = {t.i for t in words}
    countries = {country for start, _, country in named if start in tokens and country}
    countries |= {c for t in words if (c := demonym_country(t, lookup)[0])}
    found = [home for home in homes if home.country in countries]
    return found[0] if len(found) == 1 else None


def _home_in_sentence(token: Token, homes: tuple[PeopleHome, ...],
                      named: list[tuple[int, str, str | None]]) -> PeopleHome | None:
    """The one home whose state the word's own sentence names, by name, demonym or a person
    of it: "Turkey sent troops into the Syrian enclave of Afrin to fight Kurdish militias"
    (Turkey, a home read only by a sign in the sentence, is none here)."""
    sent = sentence_at(token.doc, token.i)
    countries = {country for start, _, country in named if sent.start <= start < sent.end}
    found = [home for home in homes if home.country in countries]
    return found[0] if len(found) == 1 else None


def _signed_homes(token: Token, homes: tuple[PeopleHome, ...],
                  named: list[tuple[int, str, str | None]]) -> tuple[PeopleHome, ...]:
    """The homes the article may place the word in: a home read only by a sign in the
    sentence (words.yaml ``sign_in_sentence``) where the sentence names no sign of it."""
    sent = sentence_at(token.doc, token.i)
    return tuple(home for home in homes if not home.sign_in_sentence or any(
        sent.start <= start < sent.end and entry_id in home.signs for start, entry_id, _ in named))


def _home_by_sign(token: Token, homes: tuple[PeopleHome, ...],
                  named: list[tuple[int, str, str | None]]) -> PeopleHome | None:
    """The home of the sign named nearest before the word, else first after it."""
    signs = [(start, home) for start, entry_id, _ in named for home in homes
             if entry_id in home.signs]
    before = [(start, home) for start, home in signs if start < token.i]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    # a home the article has named by its name before the word, where no sign came first:
    # "Kurdish forces pulled out" of a town in an article on northern Syria is not the PKK
    # a later paragraph names ("Turkish troops" name no land)
    by_name = Counter(home.country for start, entry_id, country in named for home in homes
                      if start < token.i and entry_id.startswith("country:")
                      and country == home.country).most_common(2)
    if by_name and (len(by_name) == 1 or by_name[0][1] >= DOMINANT * by_name[1][1]):
        return next(home for home in homes if home.country == by_name[0][0])
    after = [(start, home) for start, home in signs if start > token.i]
    return min(after, key=lambda pair: pair[0])[1] if after else None


def _sole_home(homes: tuple[PeopleHome, ...],
               named: list[tuple[int, str, str | None]]) -> PeopleHome | None:
    """The only home the article names, named at least twice."""
    counts = Counter(country for _, _, country in named)
    found = [home for home in homes if counts[home.country]]
    return found[0] if len(found) == 1 and counts[found[0].country] >= 2 else None


def named_mentions(demonyms: list[str | None], found: list[Span],
                   lookup: ActorLookup) -> list[tuple[int, str, str | None]]:
    """The dictionary mentions and demonyms of a document: (first token, entry id, country);
    ``demonyms`` is the country of each token (actor_words.demonym_countries)."""
    named: list[tuple[int, str, str | None]] = []
    for span in found:
        entry = lookup.entries.get(span.label_)
        named.append((span.start, span.label_, entry.country if entry is not None else None))
    named += [(i, "", country) for i, country in enumerate(demonyms) if country is not None]
    return named


def read_peoples(doc: Doc, named: list[tuple[int, str, str | None]], lookup: ActorLookup,
                 lex: Lexicon, covered: set[int]) -> dict[int, Actor]:
    """The actor of every people word outside the dictionary mentions (``covered``), by
    token; "a Kurd", one person, is none."""
    found: dict[int, Actor] = {}
    for i, lower in enumerate(token_strings(doc, "LOWER")):
        if lower not in lex.peoples or i in covered:
            continue
        token = doc[i]
        if not one_person(token):
            people = people_actor(token, lookup, lex, named)
            if people is not None:
                found[token.i] = people
    return found
