"""Rule tests of the event engine on fictional actors with a small hand-written dictionary."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding.events import CoderOptions, EventCoder
from dyadwatch.kb.actors import ActorDictionary, ActorEntry, RoleSpell
from dyadwatch.kb.knowledge import load_knowledge
from dyadwatch.kb.resources import CodingResources
from dyadwatch.kb.verbs import parse_verb_file
from dyadwatch.model import Article

VERBS: dict[str, Any] = {
    "version": "test",
    "patterns": [
        {"id": "attack.v", "lemmas": ["attack", "strike"], "code": "190"},
        {"id": "kill.v", "lemmas": ["kill"], "code": "1823"},
        {"id": "say.v", "lemmas": ["say"], "code": "010", "target": ["to"]},
        {"id": "meet.v", "lemmas": ["meet"], "code": "040", "target": ["dobj", "with"]},
        {"id": "impose.sanctions", "lemmas": ["impose"], "object": ["sanction"],
         "code": "163", "target": ["on", "against"]},
        {"id": "attack.n", "lemmas": ["attack"], "pos": "noun", "code": "190",
         "source": ["poss", "by", "amod"], "target": ["on", "against"]},
        {"id": "negotiate.v", "lemmas": ["negotiate"], "code": "046", "target": ["with"]},
        {"id": "protest.v", "lemmas": ["protest", "demonstrate"], "code": "141",
         "target": ["against"]},
        {"id": "fight.v", "lemmas": ["fight"], "code": "190", "target": ["dobj", "against"]},
        {"id": "demand.n", "lemmas": ["demand"], "pos": "noun", "prep": "for",
         "not_with": ["oil"], "code": "100", "source": ["poss", "amod"]},
    ],
    "frames": [
        {"id": "threaten.f", "lemmas": ["threaten", "warn"], "kind": "threaten"},
        {"id": "intend.f", "lemmas": ["ready", "plan", "offer"], "kind": "intend"},
    ],
    "derive": {
        "threaten": {"default": "130", "19": "138", "18": "138"},
        "intend": {"default": "030", "04": "036"},
        "refuse": {"default": "120", "04": "125"},
    },
}


def _entry(kind: str, slug: str, names: tuple[str, ...], code: str | None,
           country: str | None, roles: tuple[RoleSpell, ...] = ()) -> ActorEntry:
    return ActorEntry(id=f"{kind}:{slug}", kind=kind, names=names, code=code, country=country,
                      roles=roles)


ACTORS = ActorDictionary(
    version="test",
    entries={e.id: e for e in (
        _entry("country", "ARN", ("Arnor",), "ARN", "ARN"),
        _entry("country", "GON", ("Gondor",), "GON", "GON"),
        _entry("country", "ROH", ("Rohan",), "ROH", "ROH"),
        _entry("metonym", "annuminas", ("Annuminas",), "ARNGOV", "ARN"),
        _entry("person", "elessar", ("Aragorn Elessar", "Elessar"), None, "GON",
               (RoleSpell("GONGOV", "King", None, None),)),
    )},
    demonyms={"arnorian": "ARN", "gondorian": "GON", "rohirric": "ROH"},
    roles={"army": "MIL", "government": "GOV", "minister": "GOV", "troops": "MIL"},
)


@pytest.fixture(scope="module")
def engine() -> EventCoder:
    resources = CodingResources(parse_verb_file(VERBS, "test"), ACTORS, load_knowledge().lexicon,
                                places=None, dictionary_version="test")
    return EventCoder(resources, CoderOptions())


def triples(nlp: Any, engine: EventCoder, text: str) -> list[tuple[str | None, str, str | None]]:
    article = Article(id="t", text=text, published="2020-01-08")
    events = engine.code_doc(nlp(text), article)
    return [(e.source, e.cameo, e.target) for e in events]


CASES = [
    ("Arnor attacked Gondor.", [("ARN", "190", "GON")], "active"),
    ("Gondor was attacked by Arnor.", [("ARN", "190", "GON")], "passive agent"),
    ("Arnor did not attack Gondor.", [], "negation codes nothing"),
    ("If Arnor attacks Gondor, Rohan will suffer.", [], "conditional codes nothing"),
    ("Arnor threatened to attack Gondor.", [("ARN", "138", "GON")], "threat frame"),
    ("Arnor warned that it would attack Gondor.", [("ARN", "138", "GON")], "pronoun + frame"),
    ("Arnor and Rohan attacked Gondor.", [("ARN", "190", "GON"), ("ROH", "190", "GON")],
     "coordinated sources"),
    ("The Arnorian army attacked Gondor.", [("ARNMIL", "190", "GON")], "demonym + role"),
    ("Arnor imposed sanctions on Gondor.", [("ARN", "163", "GON")], "light verb + object"),
    ("Arnor's attack on Gondor shocked Rohan.", [("ARN", "190", "GON")], "event noun"),
    ("Annuminas said Gondor attacked Rohan.", [("ARNGOV", "010", None), ("GON", "190", "ROH")],
     "reported speech keeps both"),
    ("King Aragorn Elessar met the Arnorian minister.",
     [("GONGOV", "040", "ARNGOV"), ("ARNGOV", "040", "GONGOV")],
     "person with role; a meeting is mutual"),
    ("Arnor is ready to negotiate with Gondor.", [("ARN", "036", "GON")], "intent frame"),
    ("Arnor will not negotiate with Gondor.", [("ARN", "125", "GON")],
     "a negated promise of cooperation is a refusal"),
    ("Arnor is not ready to attack Gondor.", [], "negated copular frame codes nothing"),
    ("Arnor will negotiate with Gondor unless Rohan attacks.", [("ARN", "130", "GON")],
     "a future deed with 'unless' is an ultimatum"),
    ("Arnor said it would attack Gondor.", [("ARN", "138", "GON")],
     "a statement gives way to its own coded clause"),
    ("The Arnorian army demonstrated in Gondor.", [("ARNMIL", "141", "GON")],
     "a protest with no one named is aimed at the country where it happens"),
    ("The Arnorian army fought in Gondor.", [("ARNMIL", "190", None)],
     "fighting in a country is not fighting that country"),
    ("Arnor attacked the positions of the Gondorian army.", [("ARN", "190", "GONMIL")],
     "held things stand for their holder"),
    ("The Arnorian attack on Gondor began.", [("ARN", "190", "GON")],
     "national adjective of an event noun in subject position"),
    ("Arnor's demand for oil rose sharply last year.", [],
     "economic demand is no political demand"),
    ("Arnor's demand for an apology angered Gondor.", [("ARN", "100", None)],
     "a political demand"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_events_constructions(nlp: Any, engine: EventCoder, text: str,
                              expected: list[tuple[str | None, str, str | None]], why: str) -> None:
    assert triples(nlp, engine, text) == expected, why


@pytest.mark.model
@pytest.mark.parametrize("text", ["Elessar met Arnor. Later he attacked Rohan."])
def test_events_pronoun_follows_person(nlp: Any, engine: EventCoder, text: str) -> None:
    assert ("GONGOV", "190", "ROH") in triples(nlp, engine, text)


@pytest.mark.model
@pytest.mark.parametrize(("text", "day"), [("On Monday, Arnor attacked Gondor.", "2020-01-06")])
def test_events_relative_date(nlp: Any, engine: EventCoder, text: str, day: str) -> None:
    article = Article(id="t", text=text, published="2020-01-08")
    [event] = engine.code_doc(nlp(text), article)
    assert event.date == day
    assert event.sentence == text
    assert text[event.trigger_start:].startswith(event.trigger.split()[0])


@pytest.mark.model
@pytest.mark.parametrize("text", ["In 2003, Arnor attacked Gondor.",
                                  "Arnor's 2003 decision to attack Gondor was a mistake."])
def test_events_in_another_year_have_no_day(nlp: Any, engine: EventCoder, text: str) -> None:
    article = Article(id="t", text=text, published="2020-01-08")
    [event] = engine.code_doc(nlp(text), article)
    assert (event.cameo, event.date) == ("190", None)


@pytest.mark.model
def test_events_period_date_is_not_the_event_day(nlp: Any, engine: EventCoder) -> None:
    text = "Arnor has attacked Gondor every week since 3 January."
    article = Article(id="t", text=text, published="2020-03-08")
    [event] = engine.code_doc(nlp(text), article)
    # not 3 January, and not the article's day either: a deed told over a span since then
    # is background with no day of its own (docs/annotation.md, "The date")
    assert event.date is None


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "trigger", "day", "why"), [
    ("On Monday, Arnor struck the border post, killing two Gondor soldiers.", "killing",
     "2020-01-06", "a participle clause happens when its head does"),
    ("After the talks failed on Monday, Arnor attacked Gondor.", "attacked",
     "2020-01-08", "a clause with its own conjunction keeps its own time"),
    ("Rohan met Gondor. Last year Arnor refused to back the Gondorian attack on Rohan.",
     "attack", None, "a deed noun object of a verb of another time has no day"),
    ("Rohan met Gondor. On Monday, Arnor condemned the Gondorian attack on Rohan.",
     "attack", "2020-01-08", "but a verb's day is not its object's, which may be older"),
    ("Rohan met Gondor. Rohan praised the Arnorian troops attacking Gondor.", "attacking",
     None, "an -ing participle on a side tells what it does over a span: no day"),
    ("Rohan met Gondor. On Monday, Rohan was hit by Arnorian troops attacking Gondor.",
     "attacking", "2020-01-06", "unless its clause names a day"),
    ("Rohan met Gondor. The Arnorian attack on Gondor began two months ago.",
     "attack", None, "a deed noun subject of a verb of a past period has no day"),
    ("Rohan met Gondor. In 2003 Rohan revolted after Arnor attacked Gondor.", "attacked",
     None, "a clause of its own conjunction on a verb of another year has no day"),
    ("Rohan met Gondor. Last month Arnor sent troops to attack Gondor.", "attack", None,
     "a purpose clause of a verb of a past period has no day"),
    ("Rohan met Gondor. Arnor attacked Gondor when Gondor met Rohan in 2003.", "attacked",
     None, "a when-clause's time is its head's too"),
    ("Rohan met Gondor. Arnor threatened to attack Gondor last month.", "threatened attack",
     None, "a to-clause of plan whose time is surely past dates the plan"),
    ("Rohan met Gondor. Within hours of the news that Gondor was leaving the 2015 pact, "
     "Arnor attacked Gondor.", "attacked", "2020-01-08",
     "a year alone in a clause inside a phrase is that clause's"),
    ("Rohan met Gondor. Last night Arnor attacked Gondor.", "attacked", "2020-01-07",
     "'last night' is the day before"),
    ("Rohan met Gondor. Arnor had been attacking Gondor.", "attacking", None,
     "a progressive pluperfect is background, as the simple one is"),
    ("Rohan met Gondor. Arnor has been attacking Gondor.", "attacking", None,
     "a perfect progressive tells a deed over a span up to now"),
    ("Rohan met Gondor. Arnor has been attacking Gondor today.", "attacking", "2020-01-08",
     "unless it names its day"),
    ("Rohan met Gondor. Rohan condemned the ongoing attack by Arnor on Gondor.", "attack",
     None, "'ongoing' on an event noun tells it over a span"),
    ("Rohan met Gondor. Arnor is increasingly attacking Gondor.", "attacking", None,
     "'increasingly' tells a trend, not a day's deed"),
    ("Rohan met Gondor. The Arnorian army strikes Gondor from the hills.", "strikes", None,
     "a material deed in the simple present is a habit or a standing state"),
    ("Rohan met Gondor. Gondor kills Rohan's envoy", "kills", "2020-01-08",
     "but a headline with no stop tells the news in the present"),
    ("Rohan met Gondor. Arnorian troops continue to attack Gondor.", "attack", None,
     "so is one under a verb of going on in the present"),
    ("Rohan met Gondor. After years when Arnor attacked Gondor, Rohan met Arnor.",
     "attacked", None, "a past relative clause on plural years or occasions has no day"),
    ("Rohan met Gondor. Arnor recently attacked Gondor.", "attacked", None,
     "'recently' tells a deed before the news with no day"),
    ("Rohan met Gondor. The recent attack by Arnor on Gondor angered Rohan.", "attack",
     None, "so does 'recent' on an event noun"),
    ("Rohan met Gondor. The attack by Arnor on Gondor angered Rohan.", "attack",
     "2020-01-08", "without it the noun is the day's news"),
    ("Rohan met Gondor. Last year, Arnor was so angry at the insult, it attacked Gondor.",
     "attacked", None, "a date that opens the sentence dates its verb wherever it hangs"),
    ("Rohan met Gondor. By attacking Gondor last month, Arnor killed two Rohan envoys.",
     "killed", None, "a deed done by the means of a gerund is done when the gerund is"),
    ("Rohan met Gondor. Before attacking Gondor last month, Arnor killed two Rohan envoys.",
     "killed", None, "a deed before a time surely past is past"),
    ("Rohan met Gondor. Before meeting Rohan next week, Arnor attacked Gondor.",
     "attacked", "2020-01-08", "but not one before a time ahead"),
    ("Rohan met Gondor. The town fell to Rohan in 2015; Arnor attacked Gondor.", "attacked",
     None, "a clause spliced before the verb tells the time of its history"),
    ("Rohan met Gondor. Arnor attacked Gondor, and last month it met Rohan.", "attacked",
     "2020-01-08", "but a later clause only by an earlier year"),
    ("Rohan met Gondor. Arnorian troops have struck or attacked Gondor since 2014, killing "
     "two envoys.", "killing", None, "a conjunct shares its head's perfect over a span"),
    ("Rohan met Gondor. Arnor attacked Gondor on Monday, two days after Rohan killed two "
     "Gondor envoys.", "killed", "2020-01-04", "a measured after-clause is that many days "
     "before its head's day"),
    ("Rohan met Gondor. It comes one day after Arnor attacked Gondor.", "attacked",
     "2020-01-07", "the article's day when the head names none"),
    ("Rohan met Gondor. The fighting comes days after Arnor attacked Gondor.", "attacked",
     None, "days, weeks or years of no number name no day"),
    ("Rohan met Gondor. Rohan called it a revenge strike for Arnorian attacks earlier this "
     "month that killed 20 people.", "attacks", None,
     "a deed noun in a phrase of a noun given a time surely past is no later"),
    ("Rohan met Gondor. Rohan called it a revenge strike for Arnorian attacks that killed "
     "20 people.", "attacks", "2020-01-08", "with no time the phrase is the day's news"),
    ("Rohan met Gondor. On Monday Arnor responded by attacking Gondor.", "attacking",
     "2020-01-06", "a gerund of means is done when the verb it serves is"),
    ("Rohan met Gondor. Last month Arnor responded by attacking Gondor.", "attacking", None,
     "so it has no day when that verb has none"),
    ("Rohan met Gondor. In the 90s Arnor attacked Gondor.", "attacked", None,
     "a decade is another year"),
    ("Rohan met Gondor. Arnor attacked Vel in Gondor, a country that since the 1970s has "
     "had close ties with Rohan.", "attacked", "2020-01-08",
     "but not one in a clause inside the phrase"),
    ("Rohan met Gondor. In 2015 Gondor took the town from Vel. Arnor attacked Gondor.",
     "attacked", None, "a simple past after a past sentence of an earlier year goes on "
     "with its story"),
    ("Rohan met Gondor. In 2015 Gondor took the town from Vel. Its troops burned the mill. "
     "Arnor attacked Gondor.", "attacked", None,
     "as does one after a past sentence of no time that goes on with it"),
    ("Rohan met Gondor. In 2015 Gondor took the town from Vel. Arnor attacked Gondor, "
     "Rohan said.", "attacked", "2020-01-08", "nor with a saying beside it, a report of the "
     "day"),
    ("Rohan met Gondor. Rohan said it had met Vel in 2015. Arnor attacked Gondor.",
     "attacked", "2020-01-08", "but a time in what a saying says is not the story's"),
    ("Rohan met Gondor. In 2015 Gondor took the town from Vel. Its troops, Rohan said, "
     "burned the mill. Arnor attacked Gondor.", "attacked", "2020-01-08",
     "nor does it go on past a report of the day"),
    ("Rohan met Gondor. In 2015 Gondor took the town from Vel. Arnor said it attacked "
     "Gondor.", "attacked", "2020-01-08", "but not a saying, the report's news"),
    ("Rohan met Gondor. Gondor took the town on 3 May 2015. Arnor attacked Gondor.",
     "attacked", "2020-01-08", "nor after a sentence that names a day"),
    ("Rohan met Gondor. Arnor has attacked Gondor 11 times.", "attacked", None,
     "a perfect counted in times tells deeds of many days"),
    ("Rohan met Gondor. Arnor attacked Gondor three times.", "attacked", "2020-01-08",
     "a simple past may count the blows of one deed"),
    ("Rohan met Gondor. Arnor initially attacked Gondor.", "attacked", None,
     "'initially' tells a deed before the news"),
    ("Rohan met Gondor. At the time Arnor attacked Gondor.", "attacked", None,
     "'at the time' tells it as background"),
    ("Rohan met Gondor. When the town was under siege, Arnor attacked Gondor.", "attacked",
     None, "a past when-clause that opens the sentence sets a scene of the story"),
    ("Rohan met Gondor. When Rohan fought Gondor, Arnor attacked Gondor.", "fought", None,
     "and the deed of that clause is of the story too"),
    ("Rohan met Gondor. When asked, Arnor attacked Gondor.", "attacked", "2020-01-08",
     "a when-clause with no subject of its own sets no scene"),
    ("Rohan met Gondor. Arnor attacked Gondor when the town was under siege.", "attacked",
     "2020-01-08", "nor one after the verb, which may tell the day's news"),
    ("Rohan met Gondor. When the town was under siege, Arnor said Gondor attacked Vel.",
     "said", "2020-01-08", "nor a saying, the report's news"),
    ("Rohan met Gondor. Arnor fought Gondor after Rohan attacked Vel.", "attacked", None,
     "a deed that 'after' puts before a verb of no day has no day"),
    ("Rohan met Gondor. Arnor fought Gondor after the Rohirric attack on Vel.", "attack",
     None, "as has an event noun 'after' puts before it"),
    ("Rohan met Gondor. Arnor fought Gondor shortly after the Rohirric attack on Vel.",
     "attack", "2020-01-08", "but not one 'shortly' ties to the verb's day"),
    ("Rohan met Gondor. Arnor fought Gondor after the Rohirric attack on Vel on Monday.",
     "attack", "2020-01-06", "and a day of its own still dates it"),
    ("Arnor fought Gondor after Rohan attacked Vel.", "attacked", "2020-01-08",
     "nor one in the lead sentence, whose deeds are the day's news"),
    ("Rohan met Gondor. Earlier, Arnor fought Gondor after Rohan attacked Vel.", "attacked",
     "2020-01-08", "nor one after a verb told as fresh, the day's news"),
    ("Rohan met Gondor. The truce is the outcome of an attack by Rohan on Vel.", "attack",
     None, "the deed an outcome is of was done some day before it"),
])
def test_events_day_from_the_head_clause(nlp: Any, engine: EventCoder, text: str,
                                         trigger: str, day: str | None, why: str) -> None:
    article = Article(id="t", text=text, published="2020-01-08")
    events = engine.code_doc(nlp(text), article)
    assert [e.date for e in events if e.trigger == trigger] == [day], why
