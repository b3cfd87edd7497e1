from __future__ import annotations

from dataclasses import replace

import pytest

from dyadwatch.coding.combined import LayeredCoder
from dyadwatch.model import Article, Event


def _event(code: str, start: int, rule: str) -> Event:
    return Event(
        event_id=f"{rule}-{code}-{start}", article_id="a", date=None, source="ARN",
        target="GON", source_country="ARN", target_country="GON", source_text="Arnor",
        target_text="Gondor", cameo=code, cameo_root=code[:2], plover_type=None,
        plover_mode=None, goldstein=None, quad_class=4, sentence="s", sentence_index=0,
        trigger="t", trigger_start=start, negated=False, modality="asserted", location=None,
        rule=rule, dictionary_version=rule,
    )


class _Fixed:
    def __init__(self, version: str, events: list[Event]) -> None:
        self._version, self._events = version, events

    @property
    def dictionary_version(self) -> str:
        return self._version

    def code_doc(self, doc: object, article: Article) -> list[Event]:
        return list(self._events)


@pytest.mark.parametrize(("first", "second", "kept"), [
    ([_event("190", 5, "imported")], [_event("193", 5, "own")], ["imported"]),
    ([_event("190", 5, "imported")], [_event("111", 2, "own")], ["own", "imported"]),
])
def test_combined_earlier_layer_wins(first: list[Event], second: list[Event],
                                     kept: list[str]) -> None:
    coder = LayeredCoder([_Fixed("p", first), _Fixed("d", second)])
    events = coder.code_doc(None, Article(id="a", text="x"))  # type: ignore[arg-type]
    assert [e.rule for e in events] == kept
    assert coder.dictionary_version == "p+d"


@pytest.mark.parametrize("empty", [[]])
def test_combined_needs_a_coder(empty: list[object]) -> None:
    with pytest.raises(ValueError):
        LayeredCoder(empty)  # type: ignore[arg-type]


@pytest.mark.parametrize("start", [3])
def test_combined_keeps_reading_order(start: int) -> None:
    late, early = _event("190", 9, "p"), replace(_event("040", start, "d"), target="ROH")
    coder = LayeredCoder([_Fixed("p", [late]), _Fixed("d", [early])])
    assert [e.trigger_start for e in coder.code_doc(None, Article(id="a", text="x"))] == [start, 9]  # type: ignore[arg-type]
