"""Actors from the words of a phrase: demonyms, titles, state names and their contexts.

Pure lexical helpers of actor resolution; they read the actor dictionaries and never the
document memory (coding/actors.py) or the clause (coding/clause_actors.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from dyadwatch.coding.doc_arrays import sentence_at, sentences, token_strings
from dyadwatch.coding.mentions import ActorLookup
from dyadwatch.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dyadwatch.kb.lexicon import Lexicon


MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})


# Parts of speech allowed between a person's name and the title/nationality to its left.
_CONTEXT_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "ADP", "NUM"})


def gender_at(doc: Doc, start: int, lex: Lexicon) -> str | None:
    """'m' or 'f' when a title or noun beside the person mention says so ("Mr Kennedy",
    "the spokeswoman, Jane Roe", "Jane Roe, the mother of ...")."""
    token = doc[start]
    root = token.head if token.dep_ == "compound" else token
    near = [*doc[max(sentence_at(doc, start).start, start - 3) : start + 1],
            *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ == "appos":
        near.append(root.head)
    words = {t.lower_.rstrip(".") for t in near}
    male, female = bool(words & lex.male_titles), bool(words & lex.female_titles)
    return None if male == female else ("m" if male else "f")


def dateline_tokens(doc: Doc) -> set[int]:
    """The tokens of datelines: a sentence that opens with a place in capitals, perhaps its
    country or state and an agency, then a dash ("SEOUL, South Korea —", "CAIRO --",
    "WASHINGTON (Reuters) -"). A dateline says where the story was filed, not who acted."""
    found: set[int] = set()
    for sent in sentences(doc):
        end = _dateline_end(doc, sent.start, sent.end)
        if end is not None:
            found.update(range(sent.start, end + 1))
    return found


def _dateline_end(doc: Doc, start: int, end: int) -> int | None:
    """The index of the dash that closes a dateline opening at ``start``, else None."""
    i = start
    while i < end and i - start < _DATELINE_PLACE and doc[i].is_upper and doc[i].is_alpha:
        i += 1
    if i == start or (i - start == 1 and len(doc[start]) < 3):
        return None
    if i < end and doc[i].text == ",":  # ", South Korea", ", Calif."
        i += 1
        while i < end and i - start < _DATELINE_SPAN and (
                doc[i].is_title or doc[i].text == "." or doc[i].is_upper):
            i += 1
    if i < end and doc[i].text == "(":  # "(Reuters)", "(AP)"
        close = next((j for j in range(i, min(end, i + 6)) if doc[j].text == ")"), None)
        if close is None:
            return None
        i = close + 1
    return i if i < end and doc[i].text in _DASHES else None


def private_head(token: Token, lex: Lexicon) -> bool:
    """A noun that names a private person ("resident", "analyst", "driver"), unless a state
    word qualifies it ("the state-run newspaper")."""
    if token.pos_ not in {"NOUN", "PROPN"} or not (
            token.lemma_.lower() in lex.private_people or token.lower_ in lex.private_people):
        return False
    return not any(t.lower_ in lex.state_qualifiers for t in token.subtree if t.i < token.i)


def one_person(token: Token) -> bool:
    """A demonym noun that names one person, not the people or the state: "a Briton",
    "another American", "the second Briton"."""
    return any((c.dep_ == "det" and c.lower_ in {"a", "an", "another"})
               or c.ent_type_ == "ORDINAL" or c.lower_ == "one" for c in token.children)


def private_person(span: Span, lookup: ActorLookup, private_names: set[str],
                   lex: Lexicon) -> bool:
    """A person or body the dictionaries do not know, titled or described as a private
    person or publication ("Brazilian driver Felipe Massa", "Jane Roe, a local resident",
    "the newspaper Daily Star"), or named again after such a mention ("Massa said")."""
    if span.label_ not in {"PERSON", "ORG"} or lookup.entry_for(span.text) is not None:
        return False
    if demonym_country(span.root, lookup)[0] is not None and one_person(span.root):
        return True  # "a Briton", tagged as a person
    if span[-1].lower_ in private_names:
        return True
    return any(private_head(head, lex) for head in title_heads(span))


def title_heads(span: Span) -> Iterator[Token]:
    """The nouns that say who a named person is: the noun just before the name and the
    head of an appositive ("political analyst Amr X", "Jane Roe, the mother of ...")."""
    doc = span.doc
    if span.start > sentence_at(doc, span.start).start and doc[span.start - 1].pos_ == "NOUN":
        yield doc[span.start - 1]
    if span.root.dep_ == "appos":  # "a local resident, Omar Vell,"
        yield span.root.head
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and not (span.start <= child.i < span.end):
                yield child


def word_actor(token: Token, lookup: ActorLookup) -> tuple[Span, Actor] | None:
    """A demonym used as a noun ("Iranians", "North Koreans") stands for its country."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in MODIFIER_DEPS:
        return None
    country, start = demonym_country(token, lookup)
    if country is None or bare_singular(token, lookup):
        return None
    span = token.doc[start : token.i + 1]
    return span, Actor(code=country, country=country, name=span.text, rule="demonym")


def bare_singular(token: Token, lookup: ActorLookup) -> bool:
    """A singular demonym with no determiner and a plural of its own ("American pledged to
    hire ...") is a name's shorthand or one person, not the country ("Americans", "the
    Chinese" are the people)."""
    return token.tag_ in {"NN", "NNP"} and not any(c.dep_ == "det" for c in token.children) and (
        lookup.country_of_demonym(f"{token.text}s") is not None)


def demonym_country(token: Token, lookup: ActorLookup) -> tuple[str | None, int]:
    """The country of a demonym and the index of its first word: a two-word demonym wins
    over its last word ("South Korean" is KOR; "Korean" alone names no country)."""
    if token.i > 0 and not token.is_sent_start:  # not the first word of its sentence
        previous = token.doc[token.i - 1]
        pair = lookup.country_of_demonym_pair(previous.text, token.text)
        if pair is not None:
            return pair, previous.i
    return lookup.country_of_demonym(token.text), token.i


def demonym_countries(doc: Doc, lookup: ActorLookup) -> list[str | None]:
    """``demonym_country(token, lookup)[0]`` of every token of ``doc``, in one pass that
    reads each token once (``doc[i - 1]`` builds a new Token at every call)."""
    found: list[str | None] = []
    singles: dict[str, str | None] = {}  # the country of each word, asked once per word
    previous = ""
    starts = doc.to_array("SENT_START").tolist()  # 1 where token.is_sent_start is True
    for i, text in enumerate(token_strings(doc, "ORTH")):
        pair = (lookup.country_of_demonym_pair(previous, text)
                if i > 0 and starts[i] != 1 else None)
        if pair is None:
            if text not in singles:
                singles[text] = lookup.country_of_demonym(text)
            pair = singles[text]
        found.append(pair)
        previous = text
    return found


_DASHES = frozenset({"—", "–", "-", "--", "---", "——"})


_DATELINE_PLACE = 4  # words in capitals ("RIO DE JANEIRO")


_DATELINE_SPAN = 10  # place, country or state, agency


STATE_KINDS = frozenset({"country", "metonym", "group", "igo"})


def states_ahead(tokens: list[Token], lookup: ActorLookup,
                 day: date | None = None) -> dict[int, Actor]:
    """States and bodies named in words not yet read ("... of the United States", "Jane
    Roe, the Lib Dem leader"), by their last word, and the known office holder who
    possesses a post ("Jane Roe, the president's envoy": the president's state)."""
    found: dict[int, Actor] = {}
    for token in tokens:
        words = token.doc[token.left_edge.i : token.i + 1]
        text = words.text[4:] if words.text.lower().startswith("the ") else words.text
        entry = lookup.entry_for(text)
        kinds = STATE_KINDS | {"person"} if token.dep_ == "poss" else STATE_KINDS
        actor = entry.actor_on(day) if entry is not None and entry.kind in kinds else None
        if actor is not None:
            found[token.i] = actor
    return found


def left_context(span: Span, lex: Lexicon) -> Iterator[Token]:
    """The words left of a name that may title it; not across the preposition the name is
    the object of ("the lawyer for Jane Roe" is no title of Jane Roe's)."""
    doc = span.doc
    i, first = span.start - 1, sentence_at(doc, span.start).start
    while i >= first:
        token = doc[i]
        outside = token.pos_ not in _CONTEXT_POS or (
            token.pos_ == "ADP" and token.lower_ not in lex.title_preps)
        if (outside and token.tag_ != "POS") or (
                span.root.dep_ == "pobj" and token.i == span.root.head.i):
            break
        yield token
        i -= 1


def of_context(span: Span) -> Iterator[Token]:
    """'Chancellor Ute Brandt of Germany': the of-phrase right after a name."""
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == span.end:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                yield from pobj.subtree


def appositive_context(span: Span) -> Iterator[Token]:
    """The words of an appositive, without its clauses: "Jane Roe, the Lib Dem leader",
    not "Jane Roe, the woman who fled Islamic State"."""
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and not (span.start <= child.i < span.end):
                yield from _without_clauses(child)


def _without_clauses(token: Token) -> Iterator[Token]:
    yield token
    for child in token.children:
        if child.dep_ not in _CLAUSE_DEPS:
            yield from _without_clauses(child)


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})


def actor_from_words(words: list[Token], lookup: ActorLookup, known: dict[int, Actor],
                     rule: str) -> Actor | None:
    """Combine the first country and role found among ``words`` into one actor.

    An organisation or group code found among them is used as the actor when
    there is no country ("Quds Force leader" → the Quds Force's code).
    """
    country, role, organisation = _scan_words(words, lookup, known)
    if organisation is not None and role == "LEG" and organisation.country is not None and (
            party_sector(organisation)):
        # "a Republican senator", "Labour MPs": a member of a party's group in the
        # legislature is a legislator of the party's country
        return Actor(code=join_code(organisation.country, role), country=organisation.country,
                     name=organisation.name, rule=f"{rule}:party+legislator")
    if organisation is not None and is_group(organisation):
        # "a spokesman for the SDF", "the Hezbollah commander", "leader of the Syrian
        # Kurds", "British Isis militants": the group holds the role; its code is the actor
        return Actor(code=organisation.code, country=organisation.country,
                     name=organisation.name, rule=f"{rule}:group")
    if country is not None and role is None:
        # "Kosovo Liberation Army fighters": a known mention with its own sector keeps it
        sectored = next((known[t.i] for t in words if t.i in known
                         and known[t.i].code != known[t.i].country), None)
        if sectored is not None and sectored.country == country:
            return Actor(code=sectored.code, country=country, rule=f"{rule}:mention")
    if country is not None and role is not None:
        return Actor(code=join_code(country, role), country=country, rule=f"{rule}:country+role")
    if organisation is not None:
        return Actor(code=organisation.code, country=organisation.country, rule=f"{rule}:org")
    if country is not None and role is None and rule == "modifier":
        return Actor(code=country, country=country, rule=f"{rule}:country")
    if role is not None and role != "":
        # A sector with no country ("rebels", "President X" of an unknown state) keeps
        # its role code alone, as CAMEO does for unattributed actors.
        return Actor(code=role, country=None, rule=f"{rule}:role")
    return None


def _scan_words(words: list[Token], lookup: ActorLookup,
                known: dict[int, Actor]) -> tuple[str | None, str | None, Actor | None]:
    country = role = None
    organisation: Actor | None = None
    hosts = _host_tokens(words, lookup)
    for token in words:
        actor = known.get(token.i)
        state = actor is not None and is_state(actor) and not is_group(actor)
        if token.i in hosts and (state or actor is None):
            continue  # "Obama's ambassador to Seoul" is no envoy of Seoul's
        if actor is not None and state and country is None:
            country = actor.country
        elif actor is not None and not state and organisation is None:
            organisation = actor
        demonym = demonym_country(token, lookup)[0] if actor is None else None
        if demonym is not None and country is None:
            country = demonym
        word_role = word_role_of(token, lookup)
        if word_role is not None and role is None:
            role = word_role
    if role is not None and role[:3] in _OFFICES and any(
            t.lower_ in _FORMER and t.dep_ == "amod" for t in words):
        role = "ELI"  # "the former police chief": CAMEO codes former office holders ELI
    if role is not None and role.startswith("GOV") and any(
            t.lower_ == "shadow" and t.dep_ in {"amod", "compound"} for t in words):
        role = "OPP"  # "the shadow chancellor": the opposition's spokesman for the office
    return country, role, organisation


_FORMER = frozenset({"former", "ex", "ex-"})
# sectors of public office, whose former holders are elites (ELI); "a former IT worker"
# or "a former aid worker" held no office
_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", "OPP", "PTY", "IGO"})
ENVOY_NOUNS = frozenset({"ambassador", "envoy", "emissary", "consul"})
# nouns of a posting for a country: "Washington's Ruritania negotiator" works on Ruritania
POSTING_NOUNS = ENVOY_NOUNS | {"representative", "negotiator", "mediator", "coordinator",
                               "czar", "tsar"}


def _host_tokens(words: list[Token], lookup: ActorLookup) -> set[int]:
    """The state an envoy is sent to, which is not the envoy's own: the words of a 'to'
    phrase on an envoy noun ("Obama's ambassador to Seoul"), of a 'for' phrase on a posting
    noun ("the UN special envoy for Ruritania", "the US special representative for
    Ruritania"; a group there is still the sender: "the negotiator for the rebels") and a
    proper-noun compound of a posting noun that another word already names the sender of
    ("the UN's Ruritania envoy", "the Gondorian Ruritania ambassador", "the US Ruritania
    envoy")."""
    preps = {word if word.dep_ == "prep" else word.head for word in words
             if word.dep_ == "prep" or word.dep_ == "pobj"}
    hosts = {t.i for prep in preps if _posting_phrase(prep) for t in prep.subtree
             if t.i != prep.i}
    for word in words:
        if word.lemma_.lower() in POSTING_NOUNS:
            hosts |= {t.i for t in _posted_to(word, lookup)}
    return hosts


def _posting_phrase(prep: Token) -> bool:
    """'to' on an envoy noun, 'for' on any posting noun: the phrase names where it serves."""
    lemma = prep.head.lemma_.lower()
    return (prep.lower_ == "to" and lemma in ENVOY_NOUNS) or (
        prep.lower_ == "for" and lemma in POSTING_NOUNS)


def _posted_to(posting: Token, lookup: ActorLookup) -> list[Token]:
    """The proper-noun compound next to a posting noun when a sender comes before it: a
    possessor, another proper noun or a demonym (not "the former US ambassador")."""
    before = [c for c in posting.children if c.i < posting.i]
    compounds = [c for c in before if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not compounds:
        return []
    host = compounds[-1]
    senders = [c for c in before if c.i < host.left_edge.i and (
        c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
        or (c.dep_ == "amod" and demonym_country(c, lookup)[0] is not None))]
    return list(host.subtree) if senders else []


def word_role_of(token: Token, lookup: ActorLookup) -> str | None:
    """The role of a word, read with the word before it when the two are a role phrase
    ("defence minister" → GOVMIL, "attorney general" → JUD); 'general' after another noun
    is an office, not a rank ("CBI director general")."""
    if token.i > 0 and not token.is_sent_start:  # not the first word of its sentence
        before = token.doc[token.i - 1]
        pair = lookup.role_of(f"{before.lemma_} {token.lemma_}") or lookup.role_of(
            f"{before.text} {token.text}")
        if pair is not None:
            return pair
        if token.lower_ == "general" and before.pos_ in {"NOUN", "PROPN"}:
            return None
    if any(c.dep_ in {"compound", "poss", "nmod"} and c.ent_type_ in _OCCASIONS
           for c in token.children):
        return None  # "a New Year's Eve party" is no political party
    return lookup.role_of(token.lemma_) or lookup.role_of(token.text)


_OCCASIONS = frozenset({"DATE", "TIME", "EVENT"})


def is_group(actor: Actor) -> bool:
    """A named armed or political group, or a people read as one ("the SDF", "Kurdish
    forces" in Syria), as opposed to a state or its sectors, even where the group's code
    carries its country's prefix (SYRREB)."""
    return (actor.rule.startswith(GROUP_RULES) or actor.rule.endswith(":group")) and (
        actor.code != actor.country)


GROUP_RULES = ("actor:group:", "people:")


def proxied(token: Token, lex: Lexicon) -> bool:
    """A modifier that names someone else than the phrase's actor: the backer of a proxy
    ("US-backed rebels", "Russian- and Iranian-backed president") or the enemy of an
    "anti-" phrase ("the anti-Isis coalition")."""
    doc = token.doc
    i = token.i
    first = _name_start(token)
    if first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ == "anti":
        return True  # also a name of several words: "the anti-Islamic State coalition"
    if i + 1 < len(doc) and _unhyphenated_proxy(token, doc[i + 1], lex):
        return True  # "Russian backed forces", written without the hyphen
    if i + 2 >= len(doc) or doc[i + 1].text != "-":
        return False
    after = doc[i + 2]
    if after.lower_ in lex.proxy_words:
        return True
    return after.lower_ in {"and", "or"} and i + 5 < len(doc) and doc[i + 4].text == "-" and (
        doc[i + 5].lower_ in lex.proxy_words)


def _unhyphenated_proxy(token: Token, after: Token, lex: Lexicon) -> bool:
    """'Russian backed forces': a participle of ``lex.proxy_words`` right after the name,
    both modifying the same noun."""
    return (after.lower_ in lex.proxy_words and after.tag_ == "VBN"
            and after.dep_ in {"amod", "compound"} and after.head.i == token.head.i
            and after.head.i > after.i)


def _name_start(token: Token) -> int:
    """Where the capitalised name that ``token`` ends begins, within its own phrase
    ("Islamic" for "State" in "anti-Islamic State")."""
    doc = token.doc
    start = token.i
    while start > token.left_edge.i and doc[start - 1].text[:1].isupper():
        start -= 1
    return start


def party_sector(actor: Actor) -> bool:
    """A party's code or its leader's: PTY in government, OPP outside it."""
    sector = actor.code[len(actor.country or ""):]
    return sector[:3] in {"PTY", "OPP"}


def join_code(country: str, role: str) -> str:
    return country if role in {"", country} else f"{country}{role}"


def is_state(actor: Actor) -> bool:
    """A country or one of its sectors (USA, USAGOV), as opposed to an IGO or a group."""
    return actor.country is not None and actor.code.startswith(actor.country)


def sole_country(spans: list[Span], demonyms: list[str | None], lookup: ActorLookup,
                 dateline: set[int]) -> str | None:
    """The country of an article that names one (names, capitals, people, groups and
    demonyms counted), at least twice or in its dateline, and no other more than once in
    passing, when it names its own often (`_OWN_MENTIONS`); else None. A country named
    once in passing ("two men from Algeria") does not place a story that never names its
    own, nor displace one that does."""
    named = [entry.country for span in spans
             if (entry := lookup.entries.get(span.label_)) is not None and entry.country]
    named += [country for country in demonyms if country]
    counts = Counter(named).most_common()
    if not counts:
        return None
    top, mentions = counts[0]
    if len(counts) > 1:
        passing = sum(n for _, n in counts[1:])
        return top if passing <= 1 and mentions >= _OWN_MENTIONS else None
    in_dateline = any(span.start in dateline for span in spans)
    return top if mentions >= _SOLE_MENTIONS or in_dateline else None


_SOLE_MENTIONS = 2
_OWN_MENTIONS = 4


def quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside double quotation marks; an unclosed quotation ends at a paragraph. A
    straight mark set against the word after it, not the one before, opens a quotation
    even while one is open: a quoted speech that runs over a paragraph opens it again,
    and when the paragraph break is lost the reopening mark looks like a closing one
    ('said: "Disunity is corrosive. "Gordon Brown is a great chancellor."')."""
    found: set[int] = set()
    start: int | None = None
    for i, text in enumerate(token_strings(doc, "ORTH")):
        if start is not None and text == '"' and _reopens(doc[i]):
            found.update(range(start, i))
            start = i + 1
        elif start is not None and (text in _CLOSING or not text.strip()
                                    and "\n" in doc[i].text_with_ws):
            found.update(range(start, i))
            start = None
        elif start is None and text in _OPENING:
            start = i + 1
    if start is not None:
        found.update(range(start, len(doc)))
    return found


def _reopens(token: Token) -> bool:
    doc = token.doc
    return token.text == '"' and not token.whitespace_ and token.i + 1 < len(doc) and (
        token.i > 0 and bool(doc[token.i - 1].whitespace_)
        and doc[token.i - 1].text in _SENTENCE_ENDS)


_SENTENCE_ENDS = frozenset({".", "!", "?"})
_OPENING = frozenset({"\u201c", '"', "``"})
_CLOSING = frozenset({"\u201d", '"', "''"})


def plural_phrase(doc: Doc, start: int, spans: dict[int, tuple[int, int]],
                  actor: Actor | None) -> bool:
    """A phrase read from its words whose head is plural ("Kurdish forces", "the rebels"),
    which 'it' never points to; a dictionary name is one body ("the United States")."""
    if actor is not None and actor.rule.startswith("actor:"):
        return False
    token = doc[spans.get(start, (start, start + 1))[1] - 1]
    if token.dep_ in MODIFIER_DEPS and token.head.i > token.i:
        token = token.head
    return token.tag_ in {"NNS", "NNPS"}


def place_name(doc: Doc, start: int, spans: dict[int, tuple[int, int]]) -> bool:
    """A mention that is the singular name of a country or city ("Turkey", "Yemen",
    "Ankara"), which 'they' never points to ("the rebels follow Turkey's lead. They
    agree ..." are the rebels); not one of names joined by 'and' ("Britain and France
    said they ...")."""
    token = doc[spans.get(start, (start, start + 1))[1] - 1]
    joined = token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)
    return token.tag_ == "NNP" and token.ent_type_ == "GPE" and not joined


def is_subject(span: Span) -> bool:
    """The subject of its clause, or the agent of a passive one ("denied by Jack Straw"; not
    of a participle that describes a noun: "the rebate, secured by Thatcher")."""
    root = span.root
    return any(t.dep_ in {"nsubj", "nsubjpass"} for t in span) or root.head.dep_ in {
        "nsubj", "nsubjpass"} or (root.dep_ == "pobj" and root.head.dep_ == "agent"
                                  and root.head.head.dep_ not in {"acl", "relcl"})


def describes_subject(span: Span) -> bool:
    """A mention inside a predicate nominal describes the subject ("Turkey is a Nato
    member"): a later pronoun points to the subject, not to it. Not when the subject is a
    dummy that names no one ("it is not the Foreign Office's fault - they are ringing
    Turkey": the Foreign Office is who 'they' are)."""
    token = span.root
    while token.dep_ not in {"attr", "ROOT"} and token.pos_ not in {"VERB", "AUX"}:
        token = token.head
    if token.dep_ != "attr" or token.i == span.root.i:
        return False
    return not any(c.dep_ in {"nsubj", "expl"} and c.lower_ in _DUMMY_SUBJECTS
                   for c in token.head.children)


_DUMMY_SUBJECTS = frozenset({"it", "this", "that", "there"})


def pronoun_gender(lower: str) -> str | None:
    return "m" if lower in {"he", "him", "his"} else "f" if lower in {"she", "her", "hers"} else (
        None)
