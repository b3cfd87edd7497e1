"""Choosing the spaCy pipeline: an installed package by name, or a model directory by path."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import ModelNotFoundError
from dyadwatch.nlp import resolve_model_name


def test_model_directory_path_is_taken_as_is(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text('{"lang": "en", "name": "custom"}', encoding="utf-8")
    assert resolve_model_name(str(tmp_path)) == str(tmp_path)


def test_model_directory_without_meta_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_model_name(str(tmp_path))
    assert "path of a spaCy model directory" in str(caught.value)


@pytest.mark.model
def test_model_saved_to_a_directory_loads_and_codes(tmp_path: Path) -> None:
    import spacy

    from dyadwatch.nlp import load_pipeline

    spacy.load(resolve_model_name("auto")).to_disk(tmp_path / "model")
    nlp = load_pipeline(str(tmp_path / "model"))
    assert [t.dep_ for t in nlp("Iran attacked Israel.")][1] == "ROOT"
