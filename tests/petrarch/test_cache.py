"""The compiled-dictionary cache: keyed by file sha256, used on the second load."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.petrarch.cache import default_cache_dir
from dyadwatch.petrarch.dictionaries import find_files, load_files

from .helpers import MINI


@pytest.mark.parametrize("config", [MINI / "PETR_config.ini"])
def test_cache_hit_on_second_load(tmp_path: Path, config: Path) -> None:
    files = find_files(config)
    first, cold = load_files(files, tmp_path)
    second, warm = load_files(files, tmp_path)
    assert cold.cache_hits == 0 and warm.cache_hits == warm.files == 4
    assert len(second.actors) == len(first.actors) and second.version == first.version


@pytest.mark.parametrize("config", [MINI / "PETR_config.ini"])
def test_cache_changed_file_is_recompiled(tmp_path: Path, config: Path) -> None:
    folder = tmp_path / "dicts"
    folder.mkdir()
    for name in ("verbs.txt", "actors.txt", "agents.txt", "discards.txt", "PETR_config.ini"):
        (folder / name).write_text((MINI / name).read_text())
    load_files(find_files(folder / "PETR_config.ini"), tmp_path / "cache")
    (folder / "actors.txt").write_text("NEWLAND [NWL]\n")
    loaded, report = load_files(find_files(folder / "PETR_config.ini"), tmp_path / "cache")
    assert report.cache_hits == 3 and loaded.actors[0].default == "NWL"


@pytest.mark.parametrize(("env", "expected"), [
    ({"DYADWATCH_CACHE_DIR": "/x/cache", "XDG_CACHE_HOME": "/y"}, Path("/x/cache")),
    ({"XDG_CACHE_HOME": "/y"}, Path("/y/dyadwatch")),
])
def test_cache_default_dir_from_env(env: dict[str, str], expected: Path) -> None:
    assert default_cache_dir(env) == expected


@pytest.mark.parametrize("config", [MINI / "PETR_config.ini"])
def test_cache_coder_keeps_phrase_indexes(tmp_path: Path, config: Path) -> None:
    from dyadwatch.petrarch import load_petrarch_coder

    cold = load_petrarch_coder(config, cache_dir=tmp_path)
    warm = load_petrarch_coder(config, cache_dir=tmp_path)
    assert cold.report.cache_hits == 0 and warm.report.cache_hits == warm.report.files
    assert warm.sentences.lexicon.actors.phrases == cold.sentences.lexicon.actors.phrases
    assert list((tmp_path / "petrarch").glob("coder-*.pickle"))
