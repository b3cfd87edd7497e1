"""Rule tests of targets an event shares with its neighbours (issue 14): the object of a
conjoined verb ("backed and later armed the group"), an armed group named earlier in the
sentence that a definite "the group" or "the militia" points back to, and the phrase the
parser hangs on a verb above an event noun. Sentences in our own words."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

from dyadwatch.model import Article


def _triples(nlp: Any, coder: Any, text: str, day: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published=day)


SHARED_OBJECTS = [
    ("Turkey funded and later armed the Free Syrian Army.", "2016-05-02",
     ("TUR", "071", "SYRREB"), "the first of two conjoined verbs shares the second's object"),
    ("Turkey trained and armed the Free Syrian Army.", "2016-05-02",
     ("TUR", "062", "SYRREB"), "also with no adverb between them"),
]


UNSHARED_OBJECTS = [
    ("Russia protested and the United States armed the Free Syrian Army.", "2016-05-02",
     "RUS", "a conjunct with a subject of its own keeps its object"),
    ("Iran retreated and Iraq attacked the Kurdish militia.", "2016-05-02",
     "IRN", "an intransitive verb before a clause of its own takes nothing"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "day", "source", "why"), UNSHARED_OBJECTS,
                         ids=[c[3] for c in UNSHARED_OBJECTS])
def test_events_shared_targets_own_clause_keeps_its_object(nlp: Any, coder: Any, text: str,
                                                           day: str, source: str,
                                                           why: str) -> None:
    assert not any(s == source and t is not None
                   for s, _, t in _triples(nlp, coder, text, day)), why


GROUPS_IN_SENTENCE = [
    ("Kurdish officials welcomed the PKK's ceasefire, but Turkey, which has fought the "
     "group for decades, dismissed it.", "2013-03-25", ("TUR", "190", "TURREB"),
     "a group named earlier in the sentence, not by the clause's doer"),
    ("The Taliban said they had seized the district, and the Afghan army, which has battled "
     "the group since 2001, sent reinforcements.", "2016-05-02", ("AFGMIL", "190", "AFGREB"),
     "the subject of a conjoined clause with a subject of its own is no doer of this one"),
    ("The YPG controls Afrin. Turkey attacked the militia on Sunday.", "2018-01-21",
     ("TUR", "190", "SYRREB"), "'the militia' points back like 'the group'"),
]


def test_events_shared_targets_doer_group_is_not_the_anaphor(nlp: Any, coder: Any) -> None:
    text = ("Isis held the town until June. The Syrian Democratic Forces (SDF), which have "
            "been advancing against the militants for weeks, took it on Friday.")
    found = _triples(nlp, coder, text, "2017-07-01")
    assert ("SYRREB", "190", "IMGMUSISI") in found
    assert not any(s == "SYRREB" and t == "SYRREB" for s, _, t in found)


STRANDED_PHRASES = [
    ("At least 30 people have been killed and hundreds wounded in the first days of Israel's "
     "offensive against a Palestinian town in the West Bank, officials said on Friday.",
     ("ISR", "190", "PSE"), "the phrase after the event noun, hung on the verb, is its target"),
    ("Nine soldiers have been killed and 40 wounded in the first two days of Ethiopia's "
     "offensive against an Eritrean garrison near the border, diplomats said.",
     ("ETH", "190", "ERIMIL"), "likewise with an actor in the phrase"),
]


ALLIES = [
    ("The US has launched airstrikes in support of the Iraqi army.", "USA", "IRQ",
     "the side a deed is done in support of is its ally"),
    ("Russia carried out strikes in support of Syrian government forces near Palmyra.", "RUS",
     "SYR", "likewise with a national modifier"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "source", "ally", "why"), ALLIES, ids=[c[3] for c in ALLIES])
def test_events_shared_targets_ally_is_no_target(nlp: Any, coder: Any, text: str, source: str,
                                                 ally: str, why: str) -> None:
    found = _triples(nlp, coder, text, "2017-05-05")
    assert any(s == source for s, _, _ in found)
    assert not any(s == source and t is not None and t.startswith(ally)
                   for s, _, t in found), why


COUNTED_STATES = [
    ("The US, Britain and France criticised Turkey, and the three countries urged Ankara to "
     "pull back.",
     {("USA", "0256", "TURGOV"), ("GBR", "0256", "TURGOV"), ("FRA", "0256", "TURGOV")},
     "'the three countries' are the three states named together before"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), COUNTED_STATES,
                         ids=[c[2] for c in COUNTED_STATES])
def test_events_shared_targets_counted_states(nlp: Any, coder: Any, text: str,
                                              expected: set[Triple], why: str) -> None:
    assert expected <= _triples(nlp, coder, text, "2018-01-23"), why


NO_SINGLE_STATE = [
    ("Troops entered Syria on Monday. The countries condemned Russia.", "SYR",
     "a plural description is none of the states named before"),
    ("Britain urged its Nato ally to pull back.", None,
     "an ally named by its alliance is not the alliance"),
    ("France criticised an EU member over the budget.", None,
     "a member of a body of states is not the body"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "wrong", "why"), NO_SINGLE_STATE,
                         ids=[c[2] for c in NO_SINGLE_STATE])
def test_events_shared_targets_no_single_state(nlp: Any, coder: Any, text: str,
                                               wrong: str | None, why: str) -> None:
    found = _triples(nlp, coder, text, "2018-01-23")
    if wrong is not None:
        assert not any(s == wrong for s, _, _ in found), why
    else:
        assert not any(t is not None and t.startswith("IGO") for _, _, t in found), why


HELD_PLACES = [
    ("Syrian jets bombed rebel-held Douma on Saturday.", ("SYR", "195", "SYRREB"),
     "force aimed at a place a side holds is aimed at that side, in the place's country"),
    ("Turkish troops shelled Kurdish-held Afrin.", ("TURMIL", "194", "SYRREB"),
     "a people holding a place is read in the place's country"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), HELD_PLACES,
                         ids=[c[2] for c in HELD_PLACES])
def test_events_shared_targets_held_place(nlp: Any, coder: Any, text: str, expected: Triple,
                                          why: str) -> None:
    source, code, target = expected
    assert any(s is not None and s.startswith(str(source)) and c == code and t == target
               for s, c, t in _triples(nlp, coder, text, "2018-02-24")), why


def test_events_shared_targets_held_place_no_visit(nlp: Any, coder: Any) -> None:
    found = _triples(nlp, coder, "The UN envoy arrived in rebel-held Idlib on Monday.",
                     "2018-02-24")
    assert not any(t == "SYRREB" for _, _, t in found)


def test_events_shared_targets_held_thing_owner_placed_by_source(nlp: Any, coder: Any) -> None:
    """A bare office owning a thing with a phrase of its own is still of the source's state:
    the phrase is the thing's ("the Home Secretary's plans for identity cards")."""
    text = ("The Liberal Democrats said they would not back the Home Secretary's plans for "
            "identity cards.")
    assert ("GBROPP", "120", "GBRGOV") in _triples(nlp, coder, text, "2005-03-01")


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_out_of_is_from(nlp: Any, coder: Any) -> None:
    """'out of' names what a withdrawal leaves, as 'from' does."""
    found = _triples(nlp, coder, "The US pulled its troops out of Iraq in 2011.", "2012-01-01")
    assert ("USA", "0874", "IRQ") in found


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_relative_clause_leaves_out_object(nlp: Any, coder: Any) -> None:
    """A relative clause with a subject of its own and no object is done to its noun; a
    clause of place or time ('where they fought') is not."""
    found = _triples(nlp, coder, "The Syrian rebels Russia is fighting in Idlib have lost ground.",
                     "2018-01-25")
    assert ("RUS", "190", "SYRREB") in found
    found = _triples(nlp, coder, "Ankara would not confront the Syrian Kurds where they fought "
                     "alongside the Americans.", "2018-01-25")
    assert not any(t == "SYRREB" and c.startswith("19") for _, c, t in found)


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("Washington has provided arms and training for the Peruvian rebels Chile is now "
     "fighting in the north.", ("CHL", "190", "PERREB")),
])
def test_events_shared_targets_relative_clause_misparsed(nlp: Any, coder: Any, text: str,
                                                         expected: Triple) -> None:
    """An object relative clause parsed as the complement of the verb before is done to
    the noun it follows; a clause after a verb of saying and its object is not."""
    assert expected in _triples(nlp, coder, text, "2020-05-05")
    said = _triples(nlp, coder, "Lima told reporters Chile is fighting the rebels.",
                    "2020-05-05")
    assert {t for _, c, t in said if c == "190"} == {"REB"}


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_left_in_no_harm(nlp: Any, coder: Any) -> None:
    """A deed that leaves a side in a state that is no harm is aimed at no one for it."""
    found = _triples(nlp, coder, "The Chilean offensive left Peruvian forces in disarray.",
                     "2020-05-05")
    assert not any(t == "PERMIL" for _, _, t in found)


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_person_bearing_group_name(nlp: Any, coder: Any) -> None:
    """One person killed in a raid who bears an armed group's name is no group."""
    found = _triples(nlp, coder, "Abu Sayyaf was killed in a raid by US commandos.",
                     "2018-01-15")
    assert not any(t == "PHLREB" for _, _, t in found)


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_nearest_subject_is_the_doer(nlp: Any, coder: Any) -> None:
    """A participle's doer is the subject of the nearest clause that has one, known or not;
    the subject of a clause further up is someone else."""
    found = _triples(nlp, coder, "Iran vowed revenge after the latter swept into Basra, "
                     "attacking Iraqi troops.", "2018-03-19")
    assert not any(s == "IRN" and c.startswith("19") for s, c, _ in found)


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_relation_discussed_is_topic(nlp: Any, coder: Any) -> None:
    """The other side of a relation a consultation is about is no partner in the talks."""
    found = _triples(nlp, coder, "Syrian rebel commanders spoke to discuss relations with Turkey.",
                     "2018-01-26")
    assert not any(t == "TUR" for _, _, t in found)


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_coordinated_modifiers_between(nlp: Any, coder: Any) -> None:
    """'between US and Russian troops': coordinated national modifiers of one noun, the
    first of them parsed as a noun modifier, are two sides, not a name and its country."""
    found = _triples(nlp, coder, "The clash between US and Russian troops was the first of the "
                     "war.", "2018-02-13")
    assert {("USAMIL", "190", "RUSMIL"), ("RUSMIL", "190", "USAMIL")} <= found
    assert not any(t == "USA" for _, _, t in found)


RECEIVED = [
    ("The US deflected Ankara's vehement complaints by pointing to results.",
     ("TURGOV", "114", "USA"), "a complaint deflected was made to the one who deflects it"),
    ("Britain dismissed Russian complaints about the sanctions.", ("RUS", "114", "GBR"),
     "a complaint dismissed was made to the one who dismisses it"),
]




@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_possessive_pronoun_in_phrase(nlp: Any, coder: Any) -> None:
    """A possessive pronoun on a role noun in a phrase stands for its antecedent."""
    found = _triples(nlp, coder, "North Korean officials condemned Trump's insults to their "
                     "leader.", "2017-11-15")
    assert ("USAGOV", "111", "PRKGOV") in found


@pytest.mark.model
@pytest.mark.issue(14)
def test_events_shared_targets_reflexive_and_passive_participles(nlp: Any, coder: Any) -> None:
    """A reflexive subject is the subject of the clause above it; a bare participle joined
    to a passive participle says what was done to the subject, not what it did."""
    text = ("Abandoned by all other international allies and very nearly defeated, Syria's "
            "armed opposition now finds itself waging a battle against Syrian Kurdish militias.")
    found = _triples(nlp, coder, text, "2018-01-26")
    assert ("SYROPP", "190", "SYRREB") in found
    assert not any(s == "SYROPP" and t is None for s, _, t in found)


EARLIER_DEEDS = [
    ("Dozens were killed in the first days of Ethiopia's offensive against an Eritrean "
     "garrison near the border. Ethiopia launched the assault on Saturday.",
     ("ETH", "190", "ERIMIL"), "a definite deed names again the same source's deed before it"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "why"), EARLIER_DEEDS,
                         ids=[c[2] for c in EARLIER_DEEDS])
def test_events_shared_targets_earlier_deed(nlp: Any, coder: Any, text: str, expected: Triple,
                                            why: str) -> None:
    found = [(e.source, e.cameo, e.target, e.sentence_index) for e in coder.code_doc(
        nlp(text), Article(id="t", text=text, published="2020-05-05"))]
    assert (*expected, 1) in found, why


def test_events_shared_targets_earlier_deed_further_up(nlp: Any, coder: Any) -> None:
    """An article tells one campaign of a state and names it again sentences further down."""
    text = ("Ethiopia's offensive against an Eritrean garrison near the border entered its third "
            "day. Thousands of families fled south on foot. Aid groups said the roads were "
            "crowded. Eritrea asked the African Union to stop the Ethiopian invasion.")
    found = [(e.source, e.cameo, e.target, e.sentence_index) for e in coder.code_doc(
        nlp(text), Article(id="t", text=text, published="2020-05-05"))]
    assert ("ETH", "192", "ERIMIL", 3) in found


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("A wave of air strikes by Chilean jets killed about forty Peruvian soldiers overnight.",
     ("CHLMIL", "195", "PERMIL")),
    ("Thousands of civilians in Peru have been uprooted by Chilean air strikes.",
     ("CHL", "195", "PERCVL")),
    ("About forty Peruvian soldiers were killed in Chilean air strikes overnight.",
     ("CHL", "195", "PERMIL")),
    ("A Chilean assault left twelve Peruvian soldiers dead near the border.",
     ("CHL", "190", "PERMIL")),
    ("Chilean air strikes that left 30 Peruvian civilians dead drew protests.",
     ("CHL", "195", "PERCVL")),
])
def test_events_shared_targets_deed_harms(nlp: Any, coder: Any, text: str,
                                          expected: Triple) -> None:
    """An armed deed named by a noun is aimed at those its clause says it killed or
    uprooted."""
    assert expected in _triples(nlp, coder, text, "2020-05-05")


def test_events_shared_targets_earlier_deed_other_source(nlp: Any, coder: Any) -> None:
    """Another source's deed is another deed."""
    text = ("Russia launched an offensive against Ukraine in February. Turkey launched the "
            "operation a day later.")
    found = _triples(nlp, coder, text, "2022-03-01")
    assert not any(s == "TUR" and t == "UKR" for s, _, t in found)


def test_events_shared_targets_described_group_and_loser(nlp: Any, coder: Any) -> None:
    """'the terror group' points back like 'the group'; a group named inside a clause in
    the subject's phrase is no doer; a deed someone loses ground to is aimed at them."""
    text = ("Isis fighters fled the city. The terror group has lost much of its former heartland "
            "to a concerted assault by Iraqi troops.")
    assert ("IRQMIL", "190", "IMGMUSISI") in _triples(nlp, coder, text, "2017-09-12")
    text = "Isis lost Mosul to an offensive by the Iraqi army."
    assert ("IRQMIL", "190", "IMGMUSISI") in _triples(nlp, coder, text, "2017-09-12")


def test_events_shared_targets_origin_is_no_actor(nlp: Any, coder: Any) -> None:
    """A person's origin names a people or a land of birth, not the state they act for."""
    text = "Her hero is Kurdo, a rapper of Iraqi-Kurdish origin who arrived in Germany aged eight."
    assert not any(s is not None and s.startswith("IRQ")
                   for s, _, _ in _triples(nlp, coder, text, "2017-08-30"))


def test_events_shared_targets_consequence_is_no_deed_of_subject(nlp: Any, coder: Any) -> None:
    """What a clause culminates or results in is not its subject's own deed."""
    text = ("Turkey had stood by as the militants were swept from the towns, culminating in the "
            "extremists’ ousting from Raqqa late last year.")
    assert not any(s == "TUR" for s, _, _ in _triples(nlp, coder, text, "2018-03-18"))


RESPECTIVELY = [
    ("Russia and Turkey have backed the Syrian government and the rebels respectively.",
     ("RUS", "051", "SYRGOV"), ("TUR", "051", "SYRGOV"),
     "'respectively' pairs each source with the target in its place"),
    ("Vladimir Putin and Recep Tayyip Erdoğan, who have backed the Syrian government and rebels "
     "respectively, are due to meet in Tehran on Friday.", None, ("TURGOV", "051", "SYRGOV"),
     "with one source read for two targets, who backed whom is unclear"),
]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected", "wrong", "why"), RESPECTIVELY,
                         ids=[c[3] for c in RESPECTIVELY])
def test_events_shared_targets_respectively(nlp: Any, coder: Any, text: str,
                                            expected: Triple | None, wrong: Triple,
                                            why: str) -> None:
    found = _triples(nlp, coder, text, "2018-09-04")
    assert wrong not in found, why
    assert expected is None or expected in found, why


def test_events_shared_targets_people_home_named_before(nlp: Any, coder: Any) -> None:
    """A people's home is the one the article has named by its name before the word, when
    no sign of a home came first; a group named later is another part of the story."""
    text = ("On a muddy trail in northern Syria, the exiles are leaving. Turkish troops have "
            "encircled the town. Kurdish forces pulled out on Sunday. The PKK has fought "
            "Turkey for decades.")
    found = _triples(nlp, coder, text, "2018-03-18")
    assert ("SYRREB", "0874", None) in found
    assert not any(s == "TURREB" and c == "0874" for s, c, _ in found)


def test_events_shared_targets_relative_clause_tells_the_deed(nlp: Any, coder: Any) -> None:
    """An armed deed with no target is aimed at the object of the relative clause that tells
    what it did."""
    text = ("The YPG controls Afrin. Western diplomats were troubled by a Turkish assault that "
            "drove the militia from the town.")
    assert ("TUR", "190", "SYRREB") in _triples(nlp, coder, text, "2018-04-04")


# every case above whose test is that its sentence codes the expected event
CODED = [*SHARED_OBJECTS, *GROUPS_IN_SENTENCE,
         *[(text, "2020-05-05", expected, why) for text, expected, why in STRANDED_PHRASES],
         *[(text, "2018-12-20", expected, why) for text, expected, why in RECEIVED]]


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "day", "expected", "why"), CODED, ids=[c[3] for c in CODED])
def test_events_shared_targets_coded(nlp: Any, coder: Any, text: str, day: str,
                                     expected: Triple, why: str) -> None:
    assert expected in _triples(nlp, coder, text, day), why


@pytest.mark.model
@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "expected"), [
    ("The Peruvian opposition is opposed to the Chilean timetable.",
     ("PEROPP", "110", "CHL")),
    ("The Peruvian president said he was opposed to any deal with Chile.",
     ("PERGOV", "110", "CHL")),
])
def test_events_shared_targets_opposed_to(nlp: Any, coder: Any, text: str,
                                          expected: Triple) -> None:
    """Being opposed to a thing is opposing it, aimed at its owner or partner."""
    assert expected in _triples(nlp, coder, text, "2020-05-05")
