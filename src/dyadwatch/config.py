"""Settings: shipped defaults, then a user TOML file, then env vars, then --set pairs."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dyadwatch.errors import ConfigError, UnknownSettingError

ENV_PREFIX = "DYADWATCH_"


class NlpConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    model: str
    batch_size: int
    workers: int = Field(ge=0)  # 0: one per CPU


class IngestConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_article_chars: int
    clean_furniture: bool
    english_only: bool
    deduplicate: bool


class CodingConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keep_negated: bool
    keep_untargeted: bool
    keep_targetless_statements: bool
    keep_unknown_actors: bool
    screen_off_topic: bool
    coders: list[str] = Field(min_length=1)
    dictionaries: list[str]
    recode: bool


class StoreConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    db: str


class Config(BaseModel):
    """The resolved, validated settings of one run."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nlp: NlpConfig
    ingest: IngestConfig
    coding: CodingConfig
    store: StoreConfig


def load_defaults() -> dict[str, Any]:
    text = resources.files("dyadwatch").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def settings_table() -> list[tuple[str, Any]]:
    """Every setting as (dotted name, default), for --help and the docs."""
    return [(f"{section}.{key}", value)
            for section, values in load_defaults().items() for key, value in values.items()]


def _set_dotted(tree: dict[str, Any], dotted: str, raw: Any, known: Mapping[str, Any]) -> None:
    section, _, key = dotted.partition(".")
    if section not in known or key not in known[section]:
        names = ", ".join(name for name, _ in settings_table())
        raise UnknownSettingError(key=dotted, known=names)
    tree.setdefault(section, {})[key] = _coerce(raw, known[section][key], dotted)


def _coerce(raw: Any, default: Any, key: str) -> Any:
    if not isinstance(raw, str) or isinstance(default, str):
        return raw
    if isinstance(default, list):  # "a,b" from --set or the environment
        return [part.strip() for part in raw.split(",") if part.strip()]
    if isinstance(default, bool):
        if raw.lower() in {"true", "1", "yes", "on"}:
            return True
        if raw.lower() in {"false", "0", "no", "off"}:
            return False
        raise ConfigError(key=key, detail=f"{raw!r} is not true or false")
    try:
        return type(default)(raw)
    except ValueError as e:
        raise ConfigError(key=key, detail=f"{raw!r} is not a {type(default).__name__}") from e


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = {section: dict(values) for section, values in base.items()}
    for section, values in override.items():
        if not isinstance(values, Mapping):
            raise ConfigError(key=section, detail="expected a [section] table")
        for key, value in values.items():
            _set_dotted(merged, f"{section}.{key}", value, base)
    return merged


def load_config(
    path: Path | None = None,
    overrides: Iterable[str] = (),
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Resolve defaults → user file → DYADWATCH_SECTION__KEY env → ``key=value`` overrides."""
    defaults = load_defaults()
    tree = _merge(defaults, {})
    if path is not None:
        try:
            user = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(key=str(path), detail=str(e)) from e
        tree = _merge(tree, user)
    env = os.environ if environ is None else environ
    for name, value in env.items():
        if name.startswith(ENV_PREFIX) and "__" in name:
            dotted = name[len(ENV_PREFIX):].lower().replace("__", ".", 1)
            _set_dotted(tree, dotted, value, defaults)
    for pair in overrides:
        dotted, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(key=pair, detail="expected section.key=value")
        _set_dotted(tree, dotted.strip(), value.strip(), defaults)
    try:
        return Config.model_validate(tree)
    except ValidationError as e:
        raise ConfigError(key="config", detail=str(e)) from e
