"""Moods and senses on invented sentences with the shipped dictionaries (issue 14): a
relative clause in the simple present describes a standing relationship, a deed joined to
a frame's to-clause is as much threatened or sought, an event noun only judged or risked
is no deed, and words of evacuating, treating, justifying and occupying keep their sense."""

from __future__ import annotations

from typing import Any

import pytest
from toy_coder import Triple, coded_triples

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]


def coded(nlp: Any, coder: Any, text: str) -> set[Triple]:
    return coded_triples(nlp, coder, text, published="2019-02-01")


@pytest.mark.parametrize(("text", "absent"), [
    ("Russia, which backs the Syrian government, said on Monday it would veto the resolution.",
     "051"),
    ("The coalition, which arms the Kurdish militia, said it would stay in Syria.", "072"),
    ("Kenya, which fears the spread of the Somali militias, closed the border.", "012"),
])
def test_events_moods_standing_relative_is_no_event(nlp: Any, coder: Any, text: str,
                                                    absent: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey, which attacked Afrin in January, said on Monday it would not withdraw.",
     ("TUR", "190", "SYR")),
])
def test_events_moods_past_relative_is_kept(nlp: Any, coder: Any, text: str,
                                            expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Kenya threatened to expel Somali diplomats and impose sanctions on Somalia.",
     ("KEN", "1312", "SOM"), "163"),
    ("Chile refused to meet the Peruvian envoy or sign the accord.", None, "057"),
    ("Kenya is seeking to cut Somali oil supplies and tighten restrictions on Somalia.",
     None, "172"),
])
def test_events_moods_framed_conjunct(nlp: Any, coder: Any, text: str,
                                      expected: tuple[str, str, str] | None,
                                      absent: str) -> None:
    triples = coded(nlp, coder, text)
    assert expected is None or expected in triples
    assert not [t for t in triples if t[1] == absent]


@pytest.mark.parametrize("text", [
    "A clash between Chadian and Sudanese troops risks a broader confrontation.",
    "Legal experts said American strikes on Syria would be illegal.",
    "A Kenyan senator argued that joining an Ethiopian strike would be folly.",
    "Kenya prefers to negotiate with Somalia.",
])
def test_events_moods_weighed_is_no_deed(nlp: Any, coder: Any, text: str) -> None:
    assert coded(nlp, coder, text) == set()


@pytest.mark.parametrize(("text", "absent"), [
    ("Embassy staff in Khartoum had been told to evacuate within 48 hours.", "073"),
    ("Chad has long treated Sudan as an enemy.", "073"),
    ("The Sudanese army used the border raid to justify the invasion of Chad.", "052"),
    ("Protesters occupied the main square and two train stations in Nairobi.", "192"),
    ("Kenyan troops defended their homeland from a Somali attack.", "052"),
    ("\"Thank God, the border is open,\" the Kenyan minister said.", "051"),
    ("The Kenyan president weighed in on the design of the new stadium.", "014"),
    ("In Kenya it is normal to marry young, while here it is more normal to study.", "014"),
    ("The Somali guards stopped me at the checkpoint and began asking questions.", "020"),
    ("The Kenyan president asked the same question of his foreign minister.", "020"),
    ("When the Kenyan president first made the claim, he was contradicted by his generals.",
     "112"),
    ("The statement repeats the Kenyan president's claim that the war has been won.", "112"),
])
def test_events_moods_other_sense_is_no_event(nlp: Any, coder: Any, text: str,
                                              absent: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == absent]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenyan medics treated wounded Somali soldiers.", ("KENHLH", "073", "SOMMIL")),
    ("The Kenyan army occupied the Somali town of Kismayo.", ("KENMIL", "192", "SOM")),
    ("Kenya is also reviewing its policy on Somali refugees.", ("KEN", "014", None)),
    ("Kenya asked Somalia for guarantees.", ("KEN", "020", "SOM")),
])
def test_events_moods_sense_is_kept(nlp: Any, coder: Any, text: str,
                                    expected: tuple[str, str, str | None]) -> None:
    assert expected in coded(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "Kenyan officials went to Mogadishu to ask Somalia to send troops.",
    "Kenyan officials went to Mogadishu to ask Somalia to attend the talks and send troops.",
])
def test_events_moods_framed_conjunct_in_aim_clause(nlp: Any, coder: Any, text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1].startswith("02")]


@pytest.mark.parametrize(("text", "absent"), [
    ("What happens in the north will depend on negotiations between Chad and Sudan.", "046"),
    ("The truce hinged on the withdrawal of Sudanese troops from the border.", "0874"),
    ("Any deal is contingent on a withdrawal of Kenyan troops from Somalia.", "0874"),
    ("The Kenyan president opened the door to negotiations with Somalia.", "046"),
    ("The accord paved the way for a visit by the Chadian president to Sudan.", "042"),
])
def test_events_moods_condition_or_opening_is_no_deed(nlp: Any, coder: Any, text: str,
                                                      absent: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == absent]


@pytest.mark.parametrize("text", [
    "The raids exposed the army's weakness, let alone its failure to hold the town.",
    "The Chadian soldiers questioned me for an hour and then let me go.",
    "“Let’s see what the inspectors find,” the Chadian minister said.",
    "The operation was a failure, but it allowed the Kenyan president to claim a victory.",
    "Kenyan law allows Kenya to revoke the citizenship of convicted fighters.",
])
def test_events_moods_allowing_in_passing_is_no_concession(nlp: Any, coder: Any,
                                                           text: str) -> None:
    assert not [t for t in coded(nlp, coder, text) if t[1] == "080"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chad and Sudan held negotiations in Khartoum on Friday.", ("TCD", "046", "SDN")),
    ("Khartoum allowed Chad to use its airspace.", ("SDNGOV", "080", "TCD")),
])
def test_events_moods_deed_and_concession_are_kept(nlp: Any, coder: Any, text: str,
                                                   expected: tuple[str, str, str]) -> None:
    assert expected in coded(nlp, coder, text)
