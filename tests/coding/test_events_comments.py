"""Rule tests of statements about another actor (issue 14) on fictional actors: a statement
whose clause criticises, blames or denies a will to a named actor is aimed at that actor
with the code its words carry; a clause that relays a deed, a denial of blame, the
speaker's own state and a private speaker give no such event."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, arnor_and_gondor, coded_triples, toy_coder

from dyadwatch.coding.events import EventCoder

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "say.v", "lemmas": ["say", "add", "speak", "comment", "tweet"], "code": "010",
         "target": ["to"]},
        {"id": "tell.v", "lemmas": ["tell"], "code": "010", "target": ["dobj", "to"]},
        {"id": "cross.border", "lemmas": ["cross"], "code": "192", "target": ["dobj"]},
        {"id": "attack.v", "lemmas": ["attack"], "code": "190", "target": ["dobj"]},
        {"id": "warn.v", "lemmas": ["warn"], "code": "130", "target": ["dobj"]},
        {"id": "ask.v", "lemmas": ["ask"], "code": "020", "target": ["dobj"]},
        {"id": "describe.v", "lemmas": ["describe"], "code": "010", "target": ["dobj"]},
        {"id": "stand.solidarity", "lemmas": ["stand"], "prep": "in",
         "prep_object": ["solidarity"], "code": "018", "target": ["with"]},
    ],
    "frames": [],
    "derive": {},
}

ACTORS = arnor_and_gondor({
    "army": "MIL", "government": "GOV", "ministry": "GOV", "opposition": "OPP", "agency": "MED",
    "president": "GOV",
})


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    return toy_coder(VERBS, ACTORS)


CODED = [
    ("Arnor said Gondor's decision was a provocation.", ("ARN", "111", "GON"),
     "a named actor's deed called a provocation is a criticism of that actor"),
    ("Arnor said the Gondorian plan was an attempt to undermine the talks.",
     ("ARN", "111", "GON"), "the complement's own verb carries the criticism"),
    ("Arnor said Gondor had failed to protect the border.", ("ARN", "111", "GON"),
     "a failure said of a named actor criticises it"),
    ("Arnor said Gondor was responsible for the blast.", ("ARN", "112", "GON"),
     "blame said of a named actor accuses it"),
    ("Arnor said Gondor had no intention of negotiating.", ("ARN", "010", "GON"),
     "a will denied to a named actor is a statement about it"),
    ("Arnor said Gondor's proposal would be dropped.", ("ARN", "010", "GON"),
     "a forecast about a named actor with a passive clause"),
    ("Arnor told reporters that Gondor's decision was a provocation.", ("ARN", "111", "GON"),
     "an addressee who is no actor leaves the statement to the one it is about"),
    ("Arnor said Gondor had never honoured the truce.", ("ARN", "111", "GON"),
     "a broken word said of a named actor criticises it"),
    ("Arnor said the Gondorian army behaved shamefully.", ("ARN", "111", "GONMIL"),
     "the manner of a deed can criticise its doer"),
    ("The Arnorian opposition said the government was reckless.", ("ARNOPP", "111", "ARNGOV"),
     "a criticism is of someone else, so a common noun subject will do"),
    ("Arnor said Gondor's aggression had continued for years.", ("ARN", "111", "GON"),
     "the subject noun itself can criticise its possessor"),
    ("Arnor said the vote showed Gondor was terrified of its neighbours.",
     ("ARN", "111", "GON"), "a clause of showing passes on the clause it governs"),
    ("Arnor said the treaty would help, but Gondor had been reckless.", ("ARN", "111", "GON"),
     "a clause joined to the statement after the statement's own clause is said too"),
    ("Arnor said Gondor had been naive about the treaty.", ("ARN", "111", "GON"),
     "a word of political scorn criticises the clause's subject"),
    ("Arnor said Gondor was terrified of the vote.", ("ARN", "111", "GON"),
     "a participle whose own form is a word of the list still counts"),
    ("Arnor said Gondor did not want a settlement.", ("ARN", "010", "GON"),
     "a will denied to a named actor by a verb is a statement about it"),
    ("Arnor told reporters that both leaders wanted a fair deal in regard to Gondor's claims.",
     ("ARN", "010", "GON"), "a topic phrase names what the statement is about"),
    ("Arnor said the sanctions were a reply to Gondor's aggression.", ("ARN", "111", "GON"),
     "a word of criticism that a name owns criticises its owner"),
    ("Arnor said the closure was a provocation by Gondor.", ("ARN", "111", "GON"),
     "a word of criticism that names its author criticises the author"),
    ("Arnor said it was not convinced by Gondor's arguments.", ("ARN", "111", "GON"),
     "the speaker's own disapproval of an actor's thing criticises the actor"),
    ("Arnor said the blast was orchestrated by Gondor.", ("ARN", "112", "GON"),
     "a passive verb of blame blames its agent"),
    ("Arnor warned that Gondor would attack the border post.", ("ARN", "010", "GON"),
     "a warning about the deed of its clause's doer threatens no one"),
    ("Arnor warned Gondor that the army would attack the border post.", ("ARN", "130", "GON"),
     "a warning to an actor of a deed of force stays a threat"),
    ("Arnor spoke about Gondor's decision.", ("ARN", "010", "GON"),
     "a topic phrase on the statement itself names what it is about"),
    ("Arnor commented on Gondor's decision.", ("ARN", "010", "GON"),
     "'on' after a verb of commenting names what the statement is about"),
    ("Reacting to Gondor's decision, Arnor said it would wait.", ("ARN", "010", "GON"),
     "a reaction on the statement names what it answers"),
    ("Asked about Gondor's decision, Arnor said it would wait.", ("ARN", "010", "GON"),
     "a question put to the speaker names what the statement answers"),
    ("Arnor said it was deeply concerned by Gondor's decision.", ("ARN", "012", "GON"),
     "the speaker's own concern about an actor's thing is a pessimistic comment on it"),
    ("The Gondorian president spoke on Monday. The Arnorian ministry said his remarks were "
     "reckless.", ("ARNGOV", "111", "GONGOV"),
     "a pronoun owning a criticised subject points back to the actor criticised"),
    ("The Arnorian president has tweeted with his customary dignity: \u201cGondor is "
     "responsible for backing the rebels.", ("ARNGOV", "112", "GON"),
     "a quote after a colon that the parse hangs the statement on is the statement's clause"),
    ("Arnor said Gondor had stonewalled requests for help.", ("ARN", "111", "GON"),
     "a verb of obstruction said of a named actor criticises it"),
    ("Arnor said Gondor was tired and reckless.", ("ARN", "111", "GON"),
     "a word coordinated with the complement says the same of the subject"),
    ("The Arnorian president spoke on Monday. The Gondorian government was reckless, he "
     "said.", ("ARNGOV", "111", "GONGOV"),
     "a speaker put after what he says is nobody named in it"),
    ("Arnor said Gondor had the chance to solve the problems facing farmers and has failed.",
     ("ARN", "111", "GON"),
     "a finite verb the parse joins to an infinitive goes with the clause's subject"),
    ("Arnor said it was disappointed that Gondor had turned down the offer.",
     ("ARN", "111", "GON"), "the speaker's own disapproval names the doer of its that-clause"),
    ("Arnor said it was deeply worried that Gondor was moving troops to the border.",
     ("ARN", "012", "GON"), "the speaker's own concern names the doer of its that-clause"),
    ("Arnor said it was concerned about the state of relations with Gondor.",
     ("ARN", "012", "GON"), "concern about relations is a pessimistic comment on the partner"),
    ("Arnor said it was optimistic about relations with Gondor.", ("ARN", "013", "GON"),
     "optimism about relations is an optimistic comment on the partner"),
    ("Arnor said it was hopeful that ties with Gondor would improve.", ("ARN", "013", "GON"),
     "optimism that relations will improve is an optimistic comment on the partner"),
    ("The Arnorian president said: \u201cOur thoughts are with the people of Gondor.\u201d",
     ("ARNGOV", "018", "GON"), "the speaker's own thoughts with a named side are empathy"),
    ("\u201cOur hearts go out to Gondor,\u201d the Arnorian president said.",
     ("ARNGOV", "018", "GON"), "hearts that go out to a named side are empathy"),
    ("Arnor stands in solidarity with Gondor.", ("ARN", "018", "GON"),
     "standing in solidarity with a side is empathy"),
    ("The Gondorian move was described as a provocation by the Arnorian government.",
     ("ARNGOV", "111", "GON"),
     "the by-phrase the parse hangs on a passive calling's complement names who calls"),
    ("The Arnorian government described Gondor's new unit as a terror army.",
     ("ARNGOV", "111", "GON"), "a label of scorn on a body criticises its owner"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_comments_code(nlp: Any, engine: EventCoder, text: str, expected: Triple,
                              why: str) -> None:
    assert expected in coded_triples(nlp, engine, text), why


NOT_CODED = [
    ("Arnor said Gondor condemned the provocation.", "GON",
     "the object of a relayed deed is not what the clause says of its subject"),
    ("Arnor said Gondor's army crossed the river on Monday.", "GON",
     "a statement that relays a deed is no comment"),
    ("Arnor said Gondor was not responsible for the blast.", "GON",
     "a denial of blame accuses no one"),
    ("Arnor said Gondor did not attack the border post.", "GON",
     "a denied deed is no criticism"),
    ("Arnor said the government would meet on Monday.", "ARNGOV",
     "a forecast needs a named subject"),
    ("The Arnorian government said Arnor's plan was a failure.", "ARN",
     "a state organ's comment on its own state aims at no one"),
    ("A shopkeeper said Gondor's decision was a provocation.", "GON",
     "a private speaker makes no event"),
    ("Arnor said the report showed Gondor's army had crossed the river.", "GON",
     "a deed a clause of showing passes on is relayed too"),
    ("Arnor said the treaty would help, and Gondor's army crossed the river.", "GON",
     "a relayed deed joined to the statement is no comment"),
    ("Arnor said Gondor had been betrayed by its neighbours.", "GON",
     "a passive verb says what was done to its subject"),
    ("Arnor said the refugees were heading towards Gondor.", "GON",
     "a way is no topic"),
    ("Arnor said it was worried about Gondorian children.", "GON",
     "the people of a country named by a modifier are no topic that names its state"),
    ("Arnor warned that the Arnorian army would attack the border post.", "ARNMIL",
     "a warning of the speaker's own side's deed stays a threat"),
    ("Arnor said there had been no Gondorian aggression.", "GON",
     "a denied word of criticism criticises no one"),
    ("Arnor said the blast was not orchestrated by Gondor.", "GON",
     "a denied blame of the agent blames no one"),
    ("Arnor said it was convinced by Gondor's arguments.", "GON",
     "approval is no criticism"),
    ("Arnor warned that Gondor's army would be attacked.", "GON",
     "the patient of a deed a warning names is no doer it speaks about"),
    ("Arnor spoke on Gondorian television.", "GON",
     "'on' after a verb of speaking at large is a medium or a day, no topic"),
    ("Reacting quickly, Arnor said it was worried about Gondorian children.", "GON",
     "a reaction that names no actor's thing names no target"),
    ("Arnor said Gondor was worried about the vote.", "GON",
     "another's concern relayed is no comment on the one concerned"),
    ("Arnor said a Gondorian teenager would face trial.", "GON",
     "a forecast about a person a nationality names is about no state"),
    ("The Gondorian president spoke on Monday. The Arnorian ministry said his remarks were "
     "welcome.", "GONGOV", "a pronoun owner of a subject the clause does not criticise is no "
     "target"),
    ("The Arnorian president has tweeted with his customary dignity: \u201cGondor's army "
     "crossed the river on Monday.", "GONMIL", "a quote after a colon that relays a deed is "
     "no comment"),
    ("Arnor said Gondor had been hampered by the storm.", "GON",
     "a verb of obstruction done to the subject criticises no one"),
    ("Arnor said it was optimistic about the economy of Gondor.", "GON",
     "optimism about anything but relations with a partner is aimed at no one"),
    ("Arnor said Gondor was optimistic about relations with Mordor.", "GON",
     "another's optimism relayed is no comment"),
    ("Arnor said it was not disappointed that Gondor had turned down the offer.", "GON",
     "a denied disapproval criticises no one"),
    ("Arnor said it was pleased that Gondor had turned down the offer.", "GON",
     "a feeling that is no disapproval names no one criticised"),
    ("Arnor said: \u201cThe thoughts of the public are with Gondor.\u201d", "GON",
     "thoughts that are not the speaker's own are no empathy of the speaker"),
    ("The Arnorian president stood with Gondor's president at the ceremony.", "GON",
     "standing with someone is a place, no solidarity"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "target", "why"), NOT_CODED, ids=[c[2] for c in NOT_CODED])
def test_events_comments_code_nothing(nlp: Any, engine: EventCoder, text: str, target: str,
                                      why: str) -> None:
    statements = {t for t in coded_triples(nlp, engine, text) if t[1][:2] in {"01", "11"}}
    assert not any(t[2] == target for t in statements), why


PASSIVE_CLAUSES = [
    ("Arnor crossed the river, as Gondor was said to have warned.", ("ARN", "010", None),
     "a passive statement hung on a clause is said by no one named"),
    ("Asked about Gondor's decision, Arnor said it would wait.", ("ARN", "020", None),
     "the one a question is put to makes no appeal"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "unexpected", "why"), PASSIVE_CLAUSES,
                         ids=[c[2] for c in PASSIVE_CLAUSES])
def test_events_comments_passive_statement_inherits_no_speaker(nlp: Any, engine: EventCoder,
                                                           text: str, unexpected: Triple,
                                                           why: str) -> None:
    source, code, _ = unexpected
    assert not any(t[0] == source and t[1] == code for t in coded_triples(nlp, engine, text)
                   if t[1] != "192"), why


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), [
    ("Arnor told the news agency that the talks would resume.", ("ARN", "010", None),
     "a news agency of no country is no addressee the statement is aimed at"),
    ("Arnor told the news agency that Gondor's decision was a provocation.",
     ("ARN", "111", "GON"), "the statement goes on to the actor it is about"),
], ids=["no-country-agency", "agency-then-topic"])
def test_events_comments_news_agency_addressee(nlp: Any, engine: EventCoder, text: str,
                                               expected: Triple, why: str) -> None:
    triples = coded_triples(nlp, engine, text)
    assert expected in triples and not any(t[2] and "MED" in t[2] for t in triples), why
