"""Coding spaCy parses with the fictional test dictionaries (needs the spaCy model)."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.coding import DocCoder
from dyadwatch.model import Article
from dyadwatch.petrarch import PetrarchCoder, load_petrarch_coder
from dyadwatch.petrarch.coder import event_id

from .helpers import MINI

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Any:
    from dyadwatch.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def coder() -> PetrarchCoder:
    return load_petrarch_coder(MINI / "PETR_config.ini", use_cache=False)


def _triples(coder: PetrarchCoder, nlp: Any, text: str, date: str = "2012-03-01"
             ) -> list[tuple[str | None, str | None, str]]:
    events = coder.code_doc(nlp(text), Article("t-1", text, date))
    return [(e.source, e.target, e.cameo) for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Eldoria will restore full relations with Varnholm.", [("ELD", "VRN", "0642")]),
    ("Eldoria renewed ties with Varnholm.", [("ELD", "VRN", "0641")]),
    ("Eldoria restored order in Varnholm.", [("ELD", "VRN", "064")]),
    ("The Eldorian minister visited Quillmarsh.", [("ELDGOV", "QLM", "042"),
                                                   ("QLM", "ELDGOV", "043")]),
    ("Varnholm police broke off talks with Eldoria.", [("VRNCOP", "ELD", "161")]),
    ("Quillmarsh was paid by Eldoria.", [("ELD", "QLM", "072")]),
    ("Eldoria and Varnholm met on Monday.", [("ELD", "VRN", "038"), ("VRN", "ELD", "038")]),
    ("The Varnholm trade union paid Eldoria.", [("LABVRN", "ELD", "070")]),
])
def test_coder_patterns_roles_and_agents(coder: PetrarchCoder, nlp: Any, text: str,
                                         expected: list[tuple[str, str, str]]) -> None:
    assert _triples(coder, nlp, text) == expected


@pytest.mark.parametrize(("date", "source"), [
    ("2012-03-01", "ELDGOV"), ("2016-05-05", "ELDELI"), ("2001-01-01", "ELDCVL"),
])
def test_coder_date_bounded_actor_by_article_date(coder: PetrarchCoder, nlp: Any, date: str,
                                                  source: str) -> None:
    triples = _triples(coder, nlp, "Mira Tolland paid a florin to Varnholm.", date)
    assert triples == [(source, "VRN", "071")]


@pytest.mark.parametrize("text", [
    "Eldoria will restore ties with Varnholm after the football cup.",
    "Eldoria will restore ties with Varnholm. The chess olympiad opened.",
    "Eldoria will not restore ties.",
])
def test_coder_discards_and_null_codes(coder: PetrarchCoder, nlp: Any, text: str) -> None:
    assert _triples(coder, nlp, text) == []


@pytest.mark.issue(13)
@pytest.mark.parametrize("text", ["Eldoria will restore full relations with Varnholm."])
def test_coder_fills_every_event_field(coder: PetrarchCoder, nlp: Any, text: str) -> None:
    protocol: DocCoder = coder  # the coder satisfies the DocCoder protocol (checked by mypy)
    (event,) = protocol.code_doc(nlp(text), Article("t-1", text, "2012-03-01"))
    record = event.to_record()
    assert record["rule"] == "petrarch:RESTORE#2"
    assert record["dictionary_version"] == coder.dictionary_version
    assert coder.dictionary_version.startswith("petrarch:")
    assert (event.trigger, text[event.trigger_start:event.trigger_start + 7]) == ("restore",) * 2
    assert (event.source_text, event.target_text) == ("Eldoria", "Varnholm")
    assert event.sentence_index == 0
    # 0642 is not in the CAMEO table: no Goldstein value, and the quad class of its root 06
    assert event.goldstein is None and event.quad_class == 2 and event.cameo_root == "06"
    assert event.event_id == event_id("t-1", 0, event.trigger_start, "ELD", "VRN", "0642")


@pytest.mark.parametrize("text", ["Mira Tolland paid a florin to Varnholm."])
def test_coder_cameo_codes_get_goldstein_and_quad(coder: PetrarchCoder, nlp: Any,
                                                  text: str) -> None:
    (event,) = coder.code_doc(nlp(text), Article("t-2", text, "2012-03-01"))
    assert event.cameo == "071" and event.goldstein is not None and event.quad_class in (1, 2)
    assert event.source_country is None and event.modality == "asserted"


@pytest.mark.parametrize("text", ["Eldoria will restore full relations with Varnholm."])
def test_coder_event_ids_are_stable(coder: PetrarchCoder, nlp: Any, text: str) -> None:
    first = coder.code_doc(nlp(text), Article("t-3", text, "2012-03-01"))
    again = coder.code_doc(nlp(text), Article("t-3", text, "2012-03-01"))
    assert [e.event_id for e in first] == [e.event_id for e in again]


@pytest.mark.parametrize(("text", "require_dyad", "expected"), [
    ("Eldoria restored the old bridge.", True, []),
    ("Eldoria restored the old bridge.", False, [("ELD", "---", "064")]),
    ("Eldoria restored quickly.", False, []),
    ("The old bridge restored Eldoria.", False, []),
])
def test_coder_require_dyad_off_codes_missing_target(coder: PetrarchCoder, nlp: Any, text: str,
                                                     require_dyad: bool,
                                                     expected: list[tuple[str, str, str]]
                                                     ) -> None:
    from dyadwatch.petrarch.settings import PetrarchSettings

    sent = next(iter(nlp(text).sents))
    config = PetrarchSettings(require_dyad=require_dyad)
    result = coder.sentences.code_sentence(sent, 20120301, config=config)
    assert [(e.source, e.target, e.code) for e in result.events] == expected


@pytest.mark.parametrize(("length", "expected"), [
    (0, []),
    (3, [("THE OLD MILLER", "ELD", "070")]),
    (2, []),
])
def test_coder_new_actor_length_codes_short_noun_phrases(coder: PetrarchCoder, nlp: Any,
                                                         length: int,
                                                         expected: list[tuple[str, str, str]]
                                                         ) -> None:
    from dyadwatch.petrarch.settings import PetrarchSettings

    sent = next(iter(nlp("The old miller paid Eldoria.").sents))
    config = PetrarchSettings(new_actor_length=length)
    result = coder.sentences.code_sentence(sent, 20120301, config=config)
    assert [(e.source, e.target, e.code) for e in result.events] == expected
