from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.config import load_config, settings_table
from dyadwatch.errors import ConfigError, UnknownSettingError


@pytest.mark.parametrize("key", ["nlp.model", "nlp.batch_size", "store.db"])
def test_config_defaults_listed(key: str) -> None:
    assert key in dict(settings_table())


@pytest.mark.parametrize("size", ["8"])
def test_config_resolution_order(tmp_path: Path, size: str) -> None:
    user = tmp_path / "user.toml"
    user.write_text('[nlp]\nbatch_size = 4\n[store]\ndb = "a.duckdb"\n', encoding="utf-8")
    env = {"DYADWATCH_STORE__DB": "b.duckdb"}
    cfg = load_config(user, [f"nlp.batch_size={size}"], environ=env)
    assert cfg.nlp.batch_size == int(size)
    assert cfg.store.db == "b.duckdb"
    assert cfg.nlp.model == "auto"


@pytest.mark.parametrize(
    ("override", "error"),
    [("nlp.colour=red", UnknownSettingError), ("nlp.batch_size=many", ConfigError),
     ("nlp", ConfigError)],
)
def test_config_bad_values_named(override: str, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        load_config(None, [override], environ={})
    assert override.split("=")[0] in str(info.value)
