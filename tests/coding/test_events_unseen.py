"""Rule tests of events the coder did not see at all (issue 14), on fictional actors: a
hostile event noun after 'under' is done to the subject of its clause by the one named
after 'from' or 'by' ("came under attack from", "has been under siege by"), and is a
quarrel when both sides are people or offices of state; the deed in the to-clause of a
decision is done by whoever decided it ("his decision to attack"); "regime forces" and "a
regime offensive" are of the state the article named with that noun ("the Assad regime");
a participle with an agent is done by the agent to the noun it describes, also when joined
to an adjective ("the Kurds, armed and supported by the US"); a place falls to the armed
men who take it; a surname is the person the article named with it ("Jack McConnell …
Mr McConnell" is not the senator the dictionary knows as McConnell); the subject of a
passive frame of intent is its doer, not its target ("is expected to hold talks with")."""

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
        {"id": "attack.n", "lemmas": ["attack", "assault"], "pos": "noun", "code": "190",
         "source": ["poss", "by", "amod", "compound"], "target": ["on", "against"]},
        {"id": "blockade.n", "lemmas": ["siege"], "pos": "noun", "code": "191",
         "source": ["poss", "by", "amod", "compound"], "target": ["on", "of"]},
        {"id": "meeting.n", "lemmas": ["talks"], "pos": "noun", "code": "046",
         "source": ["poss", "by", "amod", "compound"], "target": ["with"]},
        {"id": "hold.talks", "lemmas": ["hold"], "object": ["talks"], "code": "046",
         "target": ["with"]},
        {"id": "support.v", "lemmas": ["back"], "code": "051", "target": ["dobj"]},
        {"id": "criticize.v", "lemmas": ["condemn"], "code": "111", "target": ["dobj"]},
        {"id": "fall.to", "lemmas": ["fall"], "prep": "to", "code": "192", "source": ["to"],
         "target": ["nsubj"], "prep_object": ["forces", "force", "rebels", "rebel"],
         "not_with": ["job", "task", "seat"]},
        {"id": "attack.v", "lemmas": ["attack", "bomb"], "code": "190",
         "target": ["dobj", "against"]},
        {"id": "close.border", "lemmas": ["close"], "object": ["border"], "code": "1721",
         "target": ["with"]},
    ],
    "frames": [
        {"id": "intend.f", "lemmas": ["expect", "plan"], "kind": "intend",
         "target": ["dobj", "to"]},
        {"id": "appeal.f", "lemmas": ["urge"], "kind": "appeal", "target": ["dobj"]},
    ],
    "derive": {"intend": {"default": "030", "04": "036"},
               "appeal": {"default": "020"}},
}


ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"),
                               ActorEntry(id="person:aragorn", kind="person",
                                          names=("Aragorn",), code="GONGOV", country="GON"),
                               ActorEntry(id="person:brand-thorne", kind="person",
                                          names=("Brand Thorne", "Thorne"), code="ARNLEG",
                                          country="ARN"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"army": "MIL", "government": "GOV", "troops": "MIL", "minister": "GOV",
           "jets": "MIL", "forces": "MIL", "mp": "LEG", "mps": "LEG", "regime": "GOV"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Gondorian troops came under attack from Arnorian jets on Monday.",
     {("ARNMIL", "190", "GONMIL")}, "an attack suffered 'under' is done to the subject"),
    ("The Gondorian capital has been under siege by the Arnorian army since May.",
     {("ARNMIL", "191", "GON")}, "also with the agent on the verb"),
    ("Gondor collapsed under a fierce assault by the Arnorian army.",
     {("ARNMIL", "190", "GON")}, "a by-phrase on the noun names the one who attacks"),
    ("The Gondorian minister came under attack from Arnorian MPs over the plan.",
     {("ARNLEG", "111", "GONGOV")}, "an attack between people or offices is a quarrel"),
    ("Aragorn defended his decision to bomb Arnor.", {("GONGOV", "190", "ARN")},
     "whoever decided does the deed the decision names"),
    ("The decision by Rohan to close its border with Gondor angered farmers.",
     {("ROH", "1721", "GON")}, "also when a by-phrase names who decided"),
    ("The Gondorian regime denies it. Regime forces bombed Arnor on Monday.",
     {("GONMIL", "190", "ARN")}, "'regime forces' are of the regime the article named"),
    ("The Arnorian troops, armed and backed by the Gondorian army, held the pass.",
     {("GONMIL", "062", "ARNMIL")}, "a participle joined to an adjective describes its noun"),
    ("Brand Thorne spoke first. Later Thorne condemned Rohan.", {("ARNLEG", "111", "ROH")},
     "a surname named before with the same person is that person"),
    ("The Arnorian minister is expected to hold talks with Gondor on Monday.",
     {("ARNGOV", "036", "GON")}, "the subject of a passive frame of intent is its doer"),
    ("Arnor was urged by Rohan to hold talks with Gondor.", {("ROH", "020", "ARN")},
     "the subject of a passive appeal is still the one urged"),
    ("The Gondorian capital fell to Arnorian forces on Monday.", {("ARNMIL", "192", "GON")},
     "a place that falls to armed men is taken by them"),
    ("The Gondorian regime denies it. A regime assault on Arnor began on Monday.",
     {("GONGOV", "190", "ARN")}, "and so is 'a regime assault'"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_unseen_code(nlp: Any, engine: EventCoder, text: str, expected: set[Triple],
                            why: str) -> None:
    assert expected <= coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("The Gondorian minister came under attack from Arnorian MPs over the plan.",
     ("ARNLEG", "190", "GONGOV"), "a quarrel between offices is no force"),
    ("Rohan held talks with Gondor under a deal with Arnor.", ("ARN", "046", "ROH"),
     "only hostile event nouns after 'under' are done to the subject"),
    ("Arnorian jets attacked Gondor under cover of darkness.", ("GON", "190", "ARNMIL"),
     "the subject of a clause is never the target of its own deed"),
    ("The Arnorian troops, armed and backed by the Gondorian army, held the pass.",
     ("ARNMIL", "051", None), "the noun a participle with an agent describes is not its doer"),
    ("The job of guarding Gondor fell to Arnorian forces.", ("ARNMIL", "192", None),
     "a task that falls to someone is no place taken"),
    ("Elrond Thorne, a Gondorian minister, spoke first. Mr Thorne then condemned Rohan.",
     ("ARNLEG", "111", "ROH"), "a surname is the person the article named with it, not "
     "another person the dictionary knows by it"),
    ("Rohan is at peace. Regime forces bombed Arnor on Monday.", ("ROHMIL", "190", "ARN"),
     "a bare 'regime' the article never named points to no state"),
    ("Gondor criticised the decision to bomb Arnor.", ("GON", "190", "ARN"),
     "a decision that names no one who made it names no one who does its deed"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), NOT_CODED,
                         ids=[c[2] for c in NOT_CODED])
def test_events_unseen_code_nothing(nlp: Any, engine: EventCoder, text: str,
                                    unexpected: Triple, why: str) -> None:
    assert unexpected not in coded_triples(nlp, engine, text), why
