"""The confidence and dyadic fields of an event (issue 14, item 6)."""

from __future__ import annotations

import pytest

from dyadwatch.coding.assembly import Party, assemble_event
from dyadwatch.coding.confidence import is_dyadic, rule_family, score, side_kind
from dyadwatch.errors import DictionaryError
from dyadwatch.kb.confidence import (
    MOODS,
    RULE_FAMILIES,
    SIDE_KINDS,
    ConfidenceTable,
    parse_confidence_table,
    shipped_confidence_table,
)

pytestmark = pytest.mark.issue(14)


def _event(source: Party, target: Party | None, rule: str = "verb:attack",
           modality: str = "asserted", negated: bool = False):
    return assemble_event(article_id="a", sentence_index=0, trigger_start=10, cameo="190",
                          source=source, target=target, sentence="Ruritania attacked Elbonia.",
                          trigger="attacked", rule=rule, dictionary_version="t",
                          confidence_table=shipped_confidence_table(), negated=negated,
                          modality=modality)


def test_assembly_sets_both_fields_for_named_countries() -> None:
    event = _event(Party("RUR", "RUR", "Ruritania", "country:country"),
                   Party("ELB", "ELB", "Elbonia", "country:country"))
    assert event.dyadic is True
    assert event.confidence is not None and 0.0 <= event.confidence <= 1.0
    record = event.to_record()
    assert record["dyadic"] is True and record["confidence"] == event.confidence


def test_sector_only_side_is_not_dyadic() -> None:
    event = _event(Party("USA", "USA", "Washington"), Party("GOV", None, "the government",
                                                             "title:role"))
    assert event.dyadic is False
    assert not _event(Party("USA", "USA"), None).dyadic


def test_international_body_and_named_group_are_known() -> None:
    assert is_dyadic("IGOUNO", None, "IMGMUSISI", None)
    assert is_dyadic("FRAGOV", "FRA", "IGOUNO", None)
    assert not is_dyadic("CVL", None, "FRA", "FRA")


def test_side_kinds() -> None:
    assert side_kind(None, None, None) == "missing"
    assert side_kind("ELB", "ELB", "anaphor") == "pronoun"
    assert side_kind("ELBGOV", "ELB", "placed+title:role") == "placed"
    assert side_kind("ELB", "ELB", "place") == "place"
    assert side_kind("GOV", None, "title:role") == "role"
    assert side_kind("ELBGOV", "ELB", "title:country+role") == "country_role"
    assert side_kind("IGOUNO", None, "org-name") == "named"
    assert side_kind("ELB", "ELB", None) == "named"  # a producer that knows only codes


def test_rule_family() -> None:
    assert rule_family("verb:kill#2") == "verb"
    assert rule_family("frame:agree+verb:meet") == "frame"
    assert rule_family("obligation:must+verb:pay") == "obligation"
    assert rule_family("synthetic") == "other"


def test_score_is_the_product_clamped() -> None:
    table = ConfidenceTable(version="t", default=0.2, rule={"verb": 0.8},
                            source={"named": 1.5}, target={"named": 1.0, "pronoun": 0.4},
                            mood={"reported": 0.5})
    assert score(table, "verb", "named", "named", "asserted") == 1.0
    assert score(table, "verb", "named", "pronoun", "reported") == 0.24
    assert score(table, "noun", "unseen", "unseen", "asserted") == 0.2


@pytest.mark.parametrize("document", [
    {"version": "x", "default": 3.0},
    {"version": "x", "default": 0.2, "rule": {"verbb": 0.5}},  # no such rule family
    {"version": "x", "default": 0.2, "mood": {"reported": -1.0}},
])
def test_broken_table_is_a_coded_error(document: dict[str, object]) -> None:
    with pytest.raises(DictionaryError, match="E501: .*somewhere/confidence.yaml"):
        parse_confidence_table(document, "somewhere/confidence.yaml")


def test_shipped_table_covers_every_feature() -> None:
    table = shipped_confidence_table()
    assert set(table.rule) >= set(RULE_FAMILIES)
    assert set(table.source) >= set(SIDE_KINDS) and set(table.target) >= set(SIDE_KINDS)
    assert set(table.mood) >= set(MOODS)
