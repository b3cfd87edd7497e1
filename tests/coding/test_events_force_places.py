"""Force aimed at a place is aimed at the side that holds it (issue 14): a place named
after a preposition of location on shelling, air strikes and force that enters ground, the
of-place of a force noun (also one the tagger mistyped), the place of a thing struck in a
phrase of direction, a wrapper's compound name, the holder an appositive names, and the
place troops are sent to when the troops themselves are only the deployment's means."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.model import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

Triple = tuple[str | None, str, str | None]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    article = Article(id="t", text=text, published="2018-03-18")
    return {(e.source, e.cameo, e.target) for e in coder.code_doc(nlp(text), article)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Nato jets carried out air strikes near Kunduz on Tuesday.", ("IGOWSTNAT", "195", "AFG")),
    ("Israeli tanks shelled houses near Rafah.", ("ISR", "194", "PSE")),
])
def test_events_force_places_struck_near(nlp: Any, coder: Any, text: str,
                                         expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The bombardment of Aleppo by Russian planes continued.", ("RUS", "194", "SYR")),
    ("Russian aircraft conducted 12 aerial strikes on residential areas in Idlib.",
     ("RUS", "195", "SYR")),
])
def test_events_force_places_noun_and_thing_struck(nlp: Any, coder: Any, text: str,
                                                   expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey's new offensive in northern Syria worried its allies.", ("TUR", "190", "SYR")),
    ("The Turkish incursion in Syria continued.", ("TUR", "190", "SYR")),
    ("Russian jets bombed Idlib province.", ("RUSMIL", "195", "SYR")),
    ("Russia's shelling of Mariupol killed dozens.", ("RUS", "194", "UKR")),
    ("Russian and Turkish planes bombed Idlib on Friday.", ("TUR", "195", "SYR")),
])
def test_events_force_places_entry_and_named_place(nlp: Any, coder: Any, text: str,
                                                   expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey sent troops into Idlib.", ("TUR", "154", "SYR")),
    ("Turkey sent more soldiers into Idlib province.", ("TUR", "154", "SYR")),
])
def test_events_force_places_deployment_means_leave_place(nlp: Any, coder: Any, text: str,
                                                          expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Syrian army launched an assault on Idlib, Syria's last rebel-held province.",
     ("SYRMIL", "190", "SYRREB")),
    ("The Syrian regime's attacks on rebel-held Idlib province continued.",
     ("SYRGOV", "190", "SYRREB")),
])
def test_events_force_places_named_holder(nlp: Any, coder: Any, text: str,
                                          expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "source"), [
    ("In 2009 a US army psychiatrist opened fire at his military base in Killeen.", "USAMIL"),
    ("The Syrian army shelled the town of Douma.", "SYRMIL"),
    ("North Korea fired a missile into the Sea of Japan.", "PRK"),
    ("Turkish jets carried out air strikes in retaliation for the attack.", "TURMIL"),
    ("The Iraqi offensive in Mosul continued.", "IRQ"),
])
def test_events_force_places_no_target(nlp: Any, coder: Any, text: str, source: str) -> None:
    found = coded(nlp, coder, text)
    assert found and all(t is None for s, _, t in found if s == source)


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel said it would keep striking military positions inside Lebanon.",
     ("ISR", "190", "LBN")),
    ("Israeli jets attacked bases inside Lebanon overnight.", ("ISRMIL", "190", "LBN")),
])
def test_events_force_places_positions_and_bases(nlp: Any, coder: Any, text: str,
                                                 expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("US jets targeted areas under the control of Islamic State in eastern Syria.",
     ("USAMIL", "190", "IMGMUSISI")),
])
def test_events_force_places_under_control(nlp: Any, coder: Any, text: str,
                                           expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Idlib has seen more bloodshed as Syrian and Russian jets have bombed rebel-held "
     "positions.", ("RUSMIL", "195", "SYRREB")),
])
def test_events_force_places_held_thing_sentence_country(nlp: Any, coder: Any, text: str,
                                                         expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Most US raids in Syria hit Isis, but there were also US airstrikes on rebel-held "
     "territories.", ("USA", "195", "SYRREB")),
])
def test_events_force_places_held_thing_of_force_noun(nlp: Any, coder: Any, text: str,
                                                      expected: Triple) -> None:
    assert expected in coded(nlp, coder, text)
