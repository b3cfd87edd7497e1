"""The error catalogue: unique codes, complete messages, every code documented."""

from __future__ import annotations

import re
import string

import pytest
from errors_doc import DOC, ErrorClass, error_classes, render

from dyadwatch import errors

CLASSES = error_classes()


@pytest.mark.parametrize("classes", [CLASSES])
def test_errors_codes_are_unique(classes: list[ErrorClass]) -> None:
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


@pytest.mark.parametrize("error", CLASSES, ids=lambda c: c.code)
def test_errors_code_is_well_formed(error: ErrorClass) -> None:
    assert re.fullmatch(r"E[1-9]\d\d|E00[1-9]", error.code)


@pytest.mark.parametrize("error", [c for c in CLASSES if c.module == "dyadwatch.errors"],
                         ids=lambda c: c.code)
def test_errors_class_says_what_it_means_and_what_to_do(error: ErrorClass) -> None:
    assert len(error.doc) > 40, f"{error.name} needs a docstring: meaning and what to do"


@pytest.mark.parametrize("error", [c for c in CLASSES if c.module == "dyadwatch.errors"],
                         ids=lambda c: c.code)
def test_errors_message_formats_with_its_fields(error: ErrorClass) -> None:
    cls = getattr(errors, error.name)
    fields = {name for _, name, _, _ in string.Formatter().parse(cls.template) if name}
    instance = cls(**{name: f"<{name}>" for name in fields})
    assert str(instance).startswith(f"{error.code}: ")
    assert instance.message == str(instance).removeprefix(f"{error.code}: ")


@pytest.mark.parametrize("doc", [DOC])
def test_errors_doc_is_current(doc: object) -> None:
    """docs/errors.md is what errors_doc.py renders (rerun it after changing an error)."""
    assert DOC.read_text(encoding="utf-8") == render(CLASSES)


@pytest.mark.parametrize("error", CLASSES, ids=lambda c: c.code)
def test_errors_every_code_is_documented(error: ErrorClass) -> None:
    assert f"| {error.code} | `{error.name}` |" in DOC.read_text(encoding="utf-8")
