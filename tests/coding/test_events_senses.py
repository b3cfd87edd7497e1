"""Rule tests of senses, mood and mutual events (issue 14) on fictional actors: figures of
speech, unreal clauses, negation through control verbs, threats however phrased, and
events that go both ways."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding.events import CoderOptions, EventCoder
from dyadwatch.kb.actors import ActorDictionary, ActorEntry
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.kb.resources import CodingResources
from dyadwatch.kb.verbs import parse_verb_file
from dyadwatch.model import Article

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "attack.v", "lemmas": ["attack", "strike", "target"], "code": "190",
         "target": ["dobj", "against", "on"]},
        {"id": "kill.v", "lemmas": ["kill", "strangle"], "code": "1823"},
        {"id": "destroy.v", "lemmas": ["destroy"], "code": "1712"},
        {"id": "shoot.down", "lemmas": ["shoot"], "particle": "down", "code": "190"},
        {"id": "fire.artillery", "lemmas": ["fire", "launch"],
         "object": ["rocket", "rockets", "shell", "shells"], "code": "194",
         "target": ["at", "on", "into"]},
        {"id": "meet.v", "lemmas": ["meet"], "code": "040", "target": ["dobj", "with"],
         "not_with": ["troops", "army", "target"]},
        {"id": "host.v", "lemmas": ["host"], "code": "043", "not_with": ["worker", "workers"]},
        {"id": "put.on.alert", "lemmas": ["put"], "prep": "on", "prep_object": ["alert"],
         "code": "152", "target": []},
        {"id": "travel.to", "lemmas": ["travel"], "prep": "to", "code": "042", "target": ["to"],
         "not_with": ["volunteer", "volunteers"]},
        {"id": "hold.talks", "lemmas": ["hold"], "object": ["talks"], "code": "046",
         "target": ["with"]},
        {"id": "accuse.v", "lemmas": ["accuse"], "code": "112", "target": ["dobj"]},
        {"id": "level.accusation", "lemmas": ["trade", "level"], "object": ["accusations"],
         "code": "112", "target": ["against"]},
        {"id": "hold.drills", "lemmas": ["stage", "hold"], "object": ["drills"], "code": "150",
         "target": ["near", "off"]},
        {"id": "reopen.v", "lemmas": ["reopen", "resume"], "code": "050", "target": ["dobj"]},
        {"id": "say.v", "lemmas": ["say"], "code": "010", "target": ["to"]},
        {"id": "insist.on", "lemmas": ["insist"], "prep": "on", "code": "100",
         "target": ["on"]},
        {"id": "allow.v", "lemmas": ["allow"], "code": "035", "target": ["dobj"]},
        {"id": "provide.weapons", "lemmas": ["send"], "object": ["tanks"], "code": "072",
         "not_with": ["frontier", "border"], "target": ["to"]},
        {"id": "mass.troops", "lemmas": ["send", "mass"], "object": ["tanks", "troops"],
         "code": "154", "target": ["to", "near"]},
        {"id": "fight.v", "lemmas": ["fight"], "code": "190", "target": ["dobj", "against"]},
        {"id": "talk.v", "lemmas": ["discuss"], "code": "040", "target": ["with"]},
        {"id": "war.n", "lemmas": ["war"], "pos": "noun", "code": "190",
         "source": ["poss", "amod"], "target": ["with", "between"]},
    ],
    "frames": [
        {"id": "threaten.f", "lemmas": ["threaten", "warn", "vow"], "kind": "threaten"},
        {"id": "agree.f", "lemmas": ["agree"], "kind": "agree"},
    ],
    "derive": {
        "threaten": {"default": "130", "19": "138", "18": "138"},
        "agree": {"default": "030"},
        "intend": {"default": "030", "04": "036"},
        "refuse": {"default": "120"},
    },
}


def _country(code: str, name: str) -> ActorEntry:
    return ActorEntry(id=f"country:{code}", kind="country", names=(name,), code=code,
                      country=code)


ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (_country("ARN", "Arnor"), _country("GON", "Gondor"),
                               _country("ROH", "Rohan"))},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"army": "MIL", "government": "GOV", "troops": "MIL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    resources = CodingResources(parse_verb_file(VERBS, "test"), ACTORS, load_knowledge().lexicon,
                                places=None, dictionary_version="test")
    return EventCoder(resources, CoderOptions())


def triples(nlp: Any, engine: EventCoder, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2020-01-08")
    return [(e.source, e.cameo, e.target) for e in engine.code_doc(nlp(text), article)]


NOTHING = [
    ("Critics say Arnor is out to strangle Gondor.", "an aim ('out to') is no deed"),
    ("The treaty made it impossible for Arnor to attack Gondor.", "an impossibility is no deed"),
    ("Arnor is able to strike any city in Gondor.", "an ability is no deed"),
    ("The Arnorian government did not try to shoot down the Gondorian drone.",
     "negation reaches the deed through a control verb"),
    ("Arnor launched a rocket carrying a weather satellite.", "a space launch is no artillery"),
    ("The new sanctions target Gondorian exports.", "a policy that 'targets' uses no force"),
    ("Arnor is out to strangle the Gondorian economy.", "an economic object is a figure"),
    ("The Arnorian proposal was met with anger in Gondor.", "'met with anger' is no meeting"),
    ("The trade war between Arnor and Gondor deepened.", "a trade war is no war"),
    ("Arnorian troops met the Gondorian army near the river.",
     "troops meeting an army hold no meeting: the subject's head is in not_with"),
    ("Arnor has met its target.", "a target met is no meeting: the object's head is in not_with"),
    ("Arnor hosts thousands of Gondorian workers.",
     "hosting workers is no visit: the measured object's head is in not_with"),
    ("Arnor put the blame on Gondor.", "'put on' is an alert only when its object is one"),
    ("Critics imagine that Arnor attacked Gondor.", "an imagined deed is no deed"),
    ("Arnor built a wall to destroy any Gondorian rocket.",
     "a to-clause on a mere possibility ('any', 'potential') is no deed"),
    ("Arnor feared the Arnorian volunteers who travelled to Gondor.",
     "a relative clause's subject is the noun it describes, and its head is in not_with"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "why"), NOTHING, ids=[c[1] for c in NOTHING])
def test_events_senses_code_nothing(nlp: Any, engine: EventCoder, text: str, why: str) -> None:
    assert [t for t in triples(nlp, engine, text) if t[1][:2] != "01"] == [], why


CODED = [
    ("Arnor warned that Gondor would be met with fire and fury.", ("ARN", "138", "GON"),
     "'be met with fire' threatened is a threat of force, not a meeting"),
    ("The Arnorian government repeated its vow to totally destroy Gondor.",
     ("ARNGOV", "130", "GON"), "a vow to destroy is a threat, not destruction"),
    ("Arnor vowed to destroy Gondor.", ("ARN", "130", "GON"), "a vow to destroy is a threat"),
    ("Arnor will attack and destroy Gondor.", ("ARN", "130", "GON"),
     "a conjunct of a future deed with no auxiliary of its own is a threat too"),
    ("Arnor and Gondor held talks on Tuesday.", ("GON", "046", "ARN"),
     "coordinated sides of talks are each other's target"),
    ("Arnor met Gondor.", ("GON", "040", "ARN"), "a meeting goes both ways"),
    ("Arnor hosted the Gondorian government.", ("ARN", "043", "GONGOV"),
     "hosting a government is a visit received"),
    ("Arnor and Gondor traded accusations.", ("GON", "112", "ARN"), "an exchange is mutual"),
    ("Arnor and Gondor accused each other of lying.", ("GON", "112", "ARN"),
     "'each other' makes coordinated sides each other's target"),
    ("Arnor and Gondor staged joint drills.", ("ARN", "062", "GON"),
     "joint drills of two sides are military cooperation"),
    ("Arnor and Gondor agreed to reopen the border.", ("GON", "030", "ARN"),
     "an agreement of coordinated sides is mutual"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), CODED, ids=[c[2] for c in CODED])
def test_events_senses_code(nlp: Any, engine: EventCoder, text: str,
                            expected: tuple[str, str, str], why: str) -> None:
    found = triples(nlp, engine, text)
    assert expected in found, why
    assert not [t for t in found if t[1][:2] in {"04", "17", "18"} and expected[1][:2] == "13"]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize("text", ["Arnor put its troops on alert."])
def test_events_senses_put_on_alert(nlp: Any, engine: EventCoder, text: str) -> None:
    assert [(s, c) for s, c, _ in triples(nlp, engine, text)] == [("ARN", "152")]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize("text", ["Arnor fired rockets into Gondor."])
def test_events_senses_literal_force_is_kept(nlp: Any, engine: EventCoder, text: str) -> None:
    assert ("ARN", "194", "GON") in triples(nlp, engine, text)


TOWARD = [
    ("Arnor fired rockets over Gondor.", ("ARN", "194", "GON"),
     "force sent over a country is aimed at it"),
    ("An Arnorian drone struck a depot in a Gondorian province.", ("ARN", "190", "GON"),
     "a thing struck stands for the state it is in"),
    ("Arnorian troops attacked rebels in Gondor.", ("ARNMIL", "190", None),
     "fighting people in a country is not fighting that country"),
    ("Arnor sent tanks to the frontier with Gondor.", ("ARN", "154", "GON"),
     "tanks sent to a border are a deployment toward the state across it"),
    ("Arnor sent tanks to Gondor.", ("ARN", "072", "GON"), "tanks sent to a state are arms"),
    ("Arnor allowed the return of Gondorian troops.", ("ARN", "035", "GONMIL"),
     "an event noun's of-phrase names whom it is done to"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), TOWARD, ids=[c[2] for c in TOWARD])
def test_events_senses_force_toward_a_place(nlp: Any, engine: EventCoder, text: str,
                                            expected: tuple[str, str, str | None],
                                            why: str) -> None:
    assert triples(nlp, engine, text) == [expected], why


DATES = [
    ("Arnor attacked Gondor last month.", [None], "a month names no day, and not today"),
    ("Arnor attacked Gondor two days ago.", ["2020-01-06"], "'two days ago' names a day"),
    ("Arnor attacked Gondor on Monday. Arnorian troops also attacked Rohan.",
     ["2020-01-06", "2020-01-06"], "a day named in the sentence before, same actor and kind"),
    ("Arnor attacked Gondor on Monday.\n\nArnorian troops also attacked Rohan.",
     ["2020-01-06", "2020-01-08"], "not across a paragraph break"),
    ("Arnor attacked Gondor on Monday. Rohan met Gondor.",
     ["2020-01-06", "2020-01-08", "2020-01-08"], "not from another actor's event"),
    ("Arnor attacked Gondor on Thursday.", ["2020-01-09"],
     "the weekday after the article date is that day, not six days before"),
    ("Arnor and Gondor are due to meet on Friday.", ["2020-01-10", "2020-01-10"],
     "a meeting still ahead takes the coming Friday"),
    ("Arnor had attacked Gondor.", [None], "the pluperfect tells background"),
    ("Arnor previously attacked Gondor.", [None], "'previously' tells background"),
    ("Arnor said Rohan had attacked Gondor.", ["2020-01-08", "2020-01-08"],
     "the pluperfect of reported speech is only backshift"),
    ("Arnor attacked Gondor on 20 January.", [None],
     "a later day than the article's is no past deed's day"),
    ("Arnor attacked Gondor.\nArnor said the attack late Monday was a warning.",
     ["2020-01-06", "2020-01-08"], "the attack is Monday's, as the next sentence says"),
    ("Arnor attacked Gondor on Monday. Arnor attacked Rohan to seize its border forts in "
     "December.", ["2020-01-06", None], "a month in the purpose clause: not Monday's, no day"),
    ("Arnor will attack Gondor on Friday. Arnor attacked Rohan.", ["2020-01-10", "2020-01-08"],
     "a planned day is not carried into a neighbouring deed"),
    ("Arnor will attack Gondor on Thursday. Arnor attacked Rohan.", ["2020-01-09", "2020-01-08"],
     "nor is tomorrow's"),
    ("Arnor attacked Gondor on Thursday. Arnorian troops also attacked Rohan.",
     ["2020-01-09", "2020-01-09"], "a past deed's lagging day is carried"),
    ("Rohan remembers 2011, when Arnor attacked Gondor.", [None],
     "a clause on another year's date is that year's"),
    ("Gondor has been wary since Arnor attacked Rohan.", [None],
     "a since-clause tells background"),
    ("Arnor will attack Gondor on Thursday and on Friday next week.", ["2020-01-16"],
     "'next week' parsed apart from its weekday still moves it a week on"),
    ("Arnor attacked Gondor in 2011 and later attacked Rohan.", [None, None],
     "a later deed is not given the first one's date"),
    ("Arnor attacked Gondor on 3 January and later attacked Rohan.", ["2020-01-03", None],
     "nor the first one's day"),
    ("Arnor has attacked Gondor for years.", [None],
     "a deed told over years is background with no day"),
    ("Arnor has attacked Gondor over the past six months.", [None],
     "so is one over the past months"),
    ("Arnorian troops have fought Gondorian rebels since the 1990s.", [None],
     "a since-phrase on the verb tells a span, not a day"),
    ("Arnor has occasionally attacked Gondor.", [None],
     "a habitual deed has no day"),
    ("Arnor had at one point attacked Gondor.", [None], "'at one point' tells background"),
    ("Arnor has attacked Gondor.", ["2020-01-08"],
     "the present perfect of a single fresh deed keeps the article's day"),
    ("Arnor attacked Gondor for two hours on Monday.", ["2020-01-06"],
     "a named day still dates a deed with a short span"),
    ("Rohan met Gondorian envoys, attacked by Arnor.", ["2020-01-08", "2020-01-08", None],
     "a past participle on a noun tells what was done to it before: no day"),
    ("Arnor, which has attacked Gondor, met Rohan.", [None, "2020-01-08", "2020-01-08"],
     "a present perfect on a side tells what it has done before: no day"),
    ("Arnor, which has just attacked Gondor, met Rohan.", ["2020-01-08"] * 3,
     "unless it is told as fresh"),
    ("Towns burned last week in Rohan's war with Arnor.", [None],
     "an event noun in a phrase on a verb takes the verb's time"),
    ("Rohan's war with Arnor, which ravaged the plains last year, ended.", [None],
     "a relative clause on an event noun tells the noun's own time"),
    ("Arnor has attacked Gondor before.", [None], "'before' as an adverb tells background"),
    ("Arnor once attacked Gondor.", [None], "so does 'once'"),
    ("Arnor attacked Gondor before Rohan attacked Arnor.", ["2020-01-08", "2020-01-08"],
     "'before' as a conjunction dates nothing"),
    ("Speaking on Monday, Arnor said Gondor attacked Rohan.", ["2020-01-06", "2020-01-06"],
     "a participle of speaking gives the saying its day"),
    ("Rohan met Gondor. Beyond Arnor's war with Gondor, Rohan is calm.",
     ["2020-01-08", "2020-01-08", None], "a side's deed noun points back to a deed told before"),
    ("Rohan met Gondor. Arnor attacked Gondor on Monday. Rohan condemned Arnor's war with Gondor.",
     ["2020-01-08", "2020-01-08", "2020-01-06", "2020-01-06"],
     "a side's deed noun the article told before takes that telling's day"),
    ("Rohan met Gondor. Arnor, which attacked Gondor, met Rohan.",
     ["2020-01-08", "2020-01-08", None, "2020-01-08", "2020-01-08"],
     "a simple past in a relative clause on a side tells what it did before"),
    ("Arnor attacked Gondor, which attacked Rohan.", ["2020-01-08", "2020-01-08"],
     "but not in the lead sentence, whose deeds are the day's news"),
    ("Rohan met Gondor. Arnor met Gondor following an attack last month.",
     ["2020-01-08"] * 4, "a date after 'following' is the earlier deed's, as after 'after'"),
    ("Rohan met Gondor. History repeated itself last month when Arnor attacked Gondor.",
     ["2020-01-08", "2020-01-08", None], "a when-clause takes the time of its clause"),
    ("Arnor met Gondor on Monday as Rohan attacked Gondor.", ["2020-01-06"] * 3,
     "so does an as-clause, also a named day"),
    ("Rohan met Gondor. Rohan praised the fort that was attacked by Arnor.",
     ["2020-01-08", "2020-01-08", None],
     "a simple past passive in a relative clause on a thing tells what was done before"),
    ("Rohan met Gondor. Arnor, which accused Gondor earlier, met Rohan.", ["2020-01-08"] * 5,
     "a bare 'earlier' tells a relative clause as the day's news"),
    ("Rohan met Gondor. Arnor, which accused Gondor earlier in the war, met Rohan.",
     ["2020-01-08", "2020-01-08", None, "2020-01-08", "2020-01-08"],
     "not 'earlier in the war', a time before the news"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "days", "why"), DATES, ids=[c[2] for c in DATES])
def test_events_senses_dates(nlp: Any, engine: EventCoder, text: str,
                             days: list[str | None], why: str) -> None:
    article = Article(id="t", text=text, published="2020-01-08")
    assert [e.date for e in engine.code_doc(nlp(text), article)] == days, why


STATED = [
    ("The Arnorian government insisted that Gondor was committed to peace.",
     "insisting on a stated fact is no demand"),
    ("Arnor said an offensive against Gondor is imminent.",
     "an imminent offensive has not happened"),
    ("The Arnorian government insisted on Monday that Gondor was committed to peace.",
     "a date after 'on' is not the preposition of 'insist on'"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "why"), STATED, ids=[c[1] for c in STATED])
def test_events_senses_statements_are_no_deeds(nlp: Any, engine: EventCoder, text: str,
                                               why: str) -> None:
    codes = [code for _, code, _ in triples(nlp, engine, text)]
    assert not [c for c in codes if c[:2] in {"10", "19"}], why


SIDE_BY_SIDE = [
    ("Arnor and Rohan fought alongside each other in Gondor.", "allies, not enemies"),
    ("Arnor and Rohan jointly attacked the rebels.", "done together, not to each other"),
    ("Arnorian and Rohirric ministers met in Annuminas to discuss Gondor.",
     "the topic of a talk is no participant"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "why"), SIDE_BY_SIDE, ids=[c[1] for c in SIDE_BY_SIDE])
def test_events_senses_side_by_side(nlp: Any, engine: EventCoder, text: str, why: str) -> None:
    found = triples(nlp, engine, text)
    assert not [t for t in found if {t[0], t[2]} == {"ARN", "ROH"} and t[1][:2] != "04"], why
    assert not [t for t in found if t[2] == "GON"], why
