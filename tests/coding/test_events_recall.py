"""Rule tests of events the coder used to miss (issue 14) on fictional actors: the leader
named in an 'X-led' modifier of an event noun does the deed, a gerund read as a noun keeps
its own subject, a statement that carries an event noun is its author's, and a deed done 'in
defiance of' a rule defies its author; a yes/no question codes nothing; whoever holds the
custody someone is freed from frees them; a passive conjunct or participle is done by its
agent to the subject it shares; a clash between people or offices of state is a quarrel."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples, toy_coder
from toy_coder import country as _country

from dyadwatch.coding.events import EventCoder
from dyadwatch.kb.actors import ActorDictionary, ActorEntry

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "invasion.n", "lemmas": ["invasion"], "pos": "noun", "code": "192",
         "source": ["poss", "by", "amod", "compound"], "target": ["of"]},
        {"id": "attack.n", "lemmas": ["offensive"], "pos": "noun", "code": "190",
         "source": ["poss", "by", "amod", "compound"], "target": ["against"]},
        {"id": "meeting.n", "lemmas": ["meeting"], "pos": "noun", "code": "040",
         "source": ["poss", "by", "amod", "compound"], "target": ["with", "between"]},
        {"id": "threat.n", "lemmas": ["warning"], "pos": "noun", "code": "130",
         "source": ["poss", "by", "amod", "compound"], "target": ["to", "against"]},
        {"id": "attack.v", "lemmas": ["attack"], "code": "190", "target": ["dobj"]},
        {"id": "criticize.v", "lemmas": ["condemn"], "code": "111", "target": ["dobj"]},
        {"id": "support.v", "lemmas": ["back"], "code": "051", "target": ["dobj"]},
        {"id": "fight.v", "lemmas": ["clash"], "code": "190", "target": ["with"]},
        {"id": "release.v", "lemmas": ["release", "free"], "code": "084",
         "source": ["nsubj", "agent", "from_custody"], "target": ["dobj"]},
        {"id": "defiance.n", "lemmas": ["defiance", "violation"], "pos": "noun", "code": "128",
         "source": ["poss", "by", "amod", "compound"], "target": ["of"]},
    ],
    "frames": [],
    "derive": {},
}


ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"),
                               ActorEntry(id="person:aragorn", kind="person",
                                          names=("Aragorn",), code="GONGOV", country="GON"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"army": "MIL", "government": "GOV", "troops": "MIL", "king": "GOV", "envoy": "GOV",
           "minister": "GOV", "soldiers": "MIL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


triples = coded_triples


CODED = [
    ("The Arnor-led invasion of Gondor began in March.", {("ARN", "192", "GON")},
     "the state named before '-led' leads the invasion"),
    ("Rohan refused to back the Arnor-led invasion of Gondor.", {("ARN", "192", "GON")},
     "also when the event noun is the object of another verb"),
    ("The photos in the Gondor Herald appear to show Aragorn and the army commander meeting "
     "at the state house.", {("GONGOV", "040", "GONMIL"), ("GONMIL", "040", "GONGOV")},
     "a gerund the parser reads as a noun keeps its own subject"),
    ("The Arnorian king's address included a warning to Gondor.", {("ARNGOV", "130", "GON")},
     "a statement that includes an event noun is its author's"),
    ("Arnor tested new rockets in defiance of Gondorian sanctions.", {("ARN", "128", "GON")},
     "a deed done in defiance of a rule defies the rule's author"),
    ("Two Gondorian soldiers were released from an Arnorian prison.",
     {("ARN", "084", "GONMIL")}, "whoever holds the prison someone is freed from frees them"),
    ("Arnor attacked Gondor and was condemned by Rohan.", {("ROH", "111", "ARN")},
     "a passive conjunct is done by its agent to the subject it shares"),
    ("Backed by Rohan, Arnor attacked Gondor.", {("ROH", "051", "ARN"), ("ARN", "190", "GON")},
     "a participle with an agent is done by the agent to the clause's subject"),
    ("The Arnorian king clashed with the Gondorian minister over the treaty.",
     {("ARNGOV", "111", "GONGOV")}, "a clash between people or offices of state is a quarrel"),
    ("Arnorian troops clashed with Gondorian troops at the border.",
     {("ARNMIL", "190", "GONMIL")}, "a clash of troops is a fight"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_recall_code(nlp: Any, engine: EventCoder, text: str,
                            expected: set[Triple],
                            why: str) -> None:
    assert expected <= triples(nlp, engine, text), why


NOT_CODED = [
    ("The Arnor-backed offensive against Gondor began.", ("ARN", "190", "GON"),
     "a backer is not the one who leads the deed"),
    ("The Arnorian king's convoy included a warning to Gondor.", ("ARNGOV", "130", "GON"),
     "only a statement carries its author's words"),
    ("The defiance of Gondor angered Arnor.", ("ARN", "128", "GON"),
     "only 'in defiance of' on a clause makes the clause's subject the one who defies"),
    ("Arnor attacked Gondor in defiance of Rohirric sanctions.", ("ARN", "128", "ROH"),
     "'in defiance of' only says how a deed already coded was done"),
    ("Did Arnor attack Gondor in defiance of Rohirric sanctions?", ("ARN", "190", "GON"),
     "a yes/no question does not say that the deed happened"),
    ("Did Arnor attack Gondor in defiance of Rohirric sanctions?", ("ARN", "128", "ROH"),
     "nor that the rule was defied"),
    ("Two Gondorian soldiers were released from an Arnorian hospital.",
     ("ARN", "084", "GONMIL"), "a place that is no place of custody names no one who frees"),
    ("Arnor attacked Gondor and was condemned by Rohan.", ("ARN", "111", None),
     "the subject a passive conjunct shares is not its doer"),
    ("Backed by Rohan, Arnor attacked Gondor.", ("ARN", "051", None),
     "nor is the subject of a clause a participle with an agent is joined to"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED,
                         ids=[c[2] for c in NOT_CODED])
def test_events_recall_code_nothing(nlp: Any, engine: EventCoder, text: str,
                                    unexpected: tuple[str | None, str, str | None],
                                    why: str) -> None:
    assert unexpected not in triples(nlp, engine, text), why
