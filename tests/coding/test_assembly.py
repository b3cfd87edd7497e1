"""One event assembly for every producer: ids, Goldstein, quad class, PLOVER, countries."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.coding.assembly import (
    Party,
    assemble_event,
    country_of_code,
    event_id,
    party_of_code,
)
from dyadwatch.kb.confidence import shipped_confidence_table
from dyadwatch.model import Event
from dyadwatch.ontology import is_cameo
from dyadwatch.synthetic import crisis_events, make_event


def _event(cameo: str = "190", version: str = "v1") -> Event:
    return assemble_event(article_id="a", sentence_index=2, trigger_start=14, cameo=cameo,
                          source=Party("ARN", "ARN", "Arnor"), target=Party("GONMIL", "GON"),
                          sentence="Arnor attacked Gondor's army.", trigger="attacked",
                          rule="verb:attack", dictionary_version=version,
                          confidence_table=shipped_confidence_table())


@pytest.mark.issue(13)
@pytest.mark.parametrize(("first", "second"), [("2026.1+aaaaaaaaaaaa", "2026.1+bbbbbbbbbbbb")])
def test_assembly_id_leaves_out_the_dictionary_version(first: str, second: str) -> None:
    one, two = _event(version=first), _event(version=second)
    assert one.event_id == two.event_id == event_id("a", 2, 14, "ARN", "GONMIL", "190")
    assert len(one.event_id) == 20


@pytest.mark.parametrize(("cameo", "goldstein", "quad", "plover"), [("190", -10.0, 4, "ASSAULT")])
def test_assembly_fields_come_from_the_cameo_table(cameo: str, goldstein: float, quad: int,
                                                    plover: str) -> None:
    event = _event(cameo)
    assert (event.goldstein, event.quad_class, event.plover_type,
            event.cameo_root) == (goldstein, quad, plover, cameo[:2])


@pytest.mark.issue(13)
@pytest.mark.parametrize("cameo", ["1999", "0299"])
def test_assembly_code_outside_the_table_takes_its_root_quad_class(cameo: str) -> None:
    assert not is_cameo(cameo)
    event = _event(cameo)
    root_quad = _event(cameo[:2]).quad_class
    assert event.quad_class == root_quad != 0
    assert (event.goldstein, event.plover_type) == (None, None)


@pytest.mark.parametrize(("code", "country"), [("IRNGOV", "IRN"), ("IGOUNO", None),
                                               ("REB", None), (None, None)])
def test_assembly_country_of_code(code: str | None, country: str | None) -> None:
    assert country_of_code(code) == country
    assert party_of_code(code, "x") == Party(code, country, "x")


@pytest.mark.parametrize("day", [date(2020, 1, 6)])
def test_assembly_synthetic_events_are_assembled(day: date) -> None:
    event = make_event(None, "syn-a", day, "USAGOV", "IRNGOV", "138", "USA", "IRN",
                       sentence_index=3)
    assert event.event_id == event_id("syn-a", 3, 0, "USAGOV", "IRNGOV", "138")
    assert make_event("e1", "syn-a", day, "USAGOV", "IRNGOV", "138").event_id == "e1"
    ids = [e.event_id for e in crisis_events()]
    assert len(ids) == len(set(ids))
