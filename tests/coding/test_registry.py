"""Registered coder components and how --dictionaries / coding.coders stack them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch import registry
from dyadwatch.config import load_config
from dyadwatch.errors import UnknownComponentError, UnknownDictionaryError
from dyadwatch.registry import EVENT_CODER, PETRARCH_CODER, Layer, coder_plan


def test_registry_golden_component_names() -> None:
    assert registry.registered_coders() == ["dyadwatch.event_coder.v1",
                                            "dyadwatch.petrarch_coder.v1"]


@pytest.mark.parametrize(("specs", "expected"), [
    ([], [Layer(EVENT_CODER)]),
    (["builtin"], [Layer(EVENT_CODER)]),
    (["petrarch:p.ini"], [Layer(PETRARCH_CODER, (Path("p.ini"),))]),
    (["petrarch:p.ini", "builtin"], [Layer(PETRARCH_CODER, (Path("p.ini"),)),
                                     Layer(EVENT_CODER)]),
])
def test_registry_plan(specs: list[str], expected: list[Layer]) -> None:
    assert coder_plan([EVENT_CODER], specs) == expected


def test_registry_user_folder_goes_to_the_event_coder(tmp_path: Path) -> None:
    assert coder_plan([EVENT_CODER], [f"dyadwatch:{tmp_path}"]) == [
        Layer(EVENT_CODER, (tmp_path,))]


@pytest.mark.issue(13)
@pytest.mark.parametrize(("spec", "message"), [
    ("dyadwatch:/no/such/folder", "E507: --dictionaries dyadwatch:/no/such/folder: "
                                  "/no/such/folder is not a folder"),
    ("phoenix:x", "E507: --dictionaries phoenix:x: expected petrarch:PATH"),
    ("petrarch", "E507: --dictionaries petrarch: expected"),
])
def test_registry_bad_spec_is_a_coded_error(spec: str, message: str) -> None:
    with pytest.raises(UnknownDictionaryError) as caught:
        coder_plan([EVENT_CODER], [spec])
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("name", ["dyadwatch.event_coder.v9"])
def test_registry_unknown_component_is_e302(name: str) -> None:
    cfg = load_config(overrides=[f"coding.coders={name}"], environ={})
    assert cfg.coding.coders == [name]
    with pytest.raises(UnknownComponentError, match=f"E302: coding.coders: unknown component "
                                                   f"'{name}'. Registered: dyadwatch.event"):
        registry.build_coder(cfg)
