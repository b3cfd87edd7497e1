"""Start-up: the CLI imports what a command needs when it runs (issue 16), and the coder's
resources come from a cache keyed by the content of what they are built from."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyadwatch import resource_cache

HEAVY = ("spacy", "ray", "fastapi", "pandas", "duckdb", "pyarrow", "datasketch", "pydantic",
         "trafilatura", "dyadwatch.petrarch.validate")


@pytest.mark.issue(16)
@pytest.mark.parametrize("module", ["dyadwatch.cli"])
def test_startup_cli_import_loads_no_heavy_library(module: str) -> None:
    code = (f"import sys, json, {module}; "
            f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout) == []


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from dyadwatch.store.db import open_db
    from dyadwatch.synthetic import Crisis, crisis_events, write_events

    path = tmp_path_factory.mktemp("startup") / "small.duckdb"
    conn = open_db(path)
    write_events(conn, crisis_events(Crisis(weeks=8, change_week=4)))
    conn.close()
    return str(path)


@pytest.mark.issue(16)
@pytest.mark.parametrize("command", [
    ["--help"], ["runs"], ["events"], ["events", "--format", "csv"],
    ["timeline", "USA", "IRN"], ["timeline", "USA", "IRN", "--format", "json"],
    ["series", "USA", "IRN"], ["series", "USA", "IRN", "--format", "csv", "--freq", "month"],
    ["dyads"], ["dyads", "--by", "country", "--format", "json"],
])
def test_startup_query_commands_load_no_heavy_library(small_db: str,
                                                      command: list[str]) -> None:
    """The query commands read the database with DuckDB alone: no pandas, pyarrow, NumPy
    or any other heavy library (they print what pandas printed, tests/test_cli_tables.py)."""
    argv = command if command == ["--help"] else [*command, "--db", small_db]
    code = (f"import sys\nfrom dyadwatch.cli import cli\n"
            f"try:\n    cli({argv!r})\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            f"print([m for m in {(*HEAVY, 'numpy')!r} if m in sys.modules], file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    expected = [] if command == ["--help"] else ["duckdb"]
    assert json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"')) == expected


@pytest.mark.issue(16)
@pytest.mark.parametrize("module", ["dyadwatch.event_reader"])
def test_startup_event_reader_needs_no_pandas(module: str) -> None:
    code = f"import sys, {module}; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.issue(16)
@pytest.mark.parametrize("library", ["pandas", "pyarrow"])
def test_startup_bulk_write_needs_no_arrow(tmp_path: Path, library: str) -> None:
    """Writing a batch binds its columns as lists: pyarrow imports pandas on its first
    array made from Python objects."""
    code = (
        "import sys\n"
        "from dyadwatch.model import Article, Event, Location\n"
        "from dyadwatch.store import bulk, db\n"
        f"conn = db.open_db({str(tmp_path / 'w.duckdb')!r})\n"
        "text = 'Ruritania fined Elbonia.'\n"
        "event = Event(event_id='e1', article_id='a1', date='2024-03-01', source='RURGOV', "
        "target='ELB', source_country='RUR', target_country='ELB', source_text='Ruritania', "
        "target_text='Elbonia', cameo='163', cameo_root='16', plover_type='SANCTION', "
        "plover_mode=None, goldstein=-8.0, quad_class=4, sentence=text, sentence_index=0, "
        "trigger='fined', trigger_start=10, negated=False, modality='asserted', "
        "location=Location('Strelsau', 'RUR', 1.5, 2.5), rule='verb:fine.v', "
        "dictionary_version='test')\n"
        "coded = [db.CodedArticle(Article(id='a1', text=text), 'sha', 1, (event,))]\n"
        "assert bulk.write_batch_bulk(conn, 1, coded, []) == 1\n"
        f"print({library!r} in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.issue(16)
@pytest.mark.parametrize("name", ["verbs.yaml"])
def test_startup_resource_key_follows_content(tmp_path: Path, name: str) -> None:
    (tmp_path / "data").mkdir()
    source = tmp_path / "data" / name
    source.write_text("a: 1\n", encoding="utf-8")
    files = resource_cache.source_files(tmp_path)
    first = resource_cache.content_key(files, tmp_path)
    assert resource_cache.content_key(files, tmp_path) == first
    source.write_text("a: 2\n", encoding="utf-8")
    assert resource_cache.content_key(files, tmp_path) != first


def _run_in(src: Path, cache: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(src), "DYADWATCH_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env, cwd=src)
    return done.stdout.strip()


@pytest.mark.issue(16)
@pytest.mark.parametrize("changed", ["kb/resources.py"])
def test_startup_resource_cache_stores_no_build_of_former_code(tmp_path: Path,
                                                               changed: str) -> None:
    """A process that imported the coder's modules before their files changed stores what
    it builds under the key of the code it ran, not under the key of the files as they are
    now, which every later process (running the new code) would load."""
    src, cache = tmp_path / "src", tmp_path / "cache"
    shutil.copytree(resource_cache.PACKAGE, src / "dyadwatch",
                    ignore=shutil.ignore_patterns("__pycache__"))
    _run_in(src, cache, "import pathlib, dyadwatch.kb.resources\n"
                        f"path = pathlib.Path({str(src / 'dyadwatch' / changed)!r})\n"
                        "path.write_text(path.read_text() + '\\nEDITED_AFTER_IMPORT = 1\\n')\n"
                        "from dyadwatch import resource_cache\n"
                        "resource_cache.load_cached_resources()\n")
    key = _run_in(src, cache, "from dyadwatch import resource_cache as rc\n"
                              "print(rc.content_key(rc.source_files()))\n")
    stored = [p.name for p in (cache / "resources").glob("coding-*.pickle")]
    assert len(stored) == 1 and stored != [f"coding-{key}.pickle"]


@pytest.mark.issue(16)
@pytest.mark.parametrize("edited_while_loading", [False, True])
def test_startup_imported_source_is_the_one_the_code_came_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited_while_loading: bool) -> None:
    """The bytes kept for a module are those its code was loaded from; a file edited while
    its module loads leaves bytes that no file holds (a key no other process computes)."""
    from importlib.machinery import SourceFileLoader

    from dyadwatch import imported_sources

    folder = tmp_path.resolve() / "kb"
    folder.mkdir()
    path = folder / "widget.py"
    path.write_bytes(b"SIZE = 1\n")
    monkeypatch.setattr(imported_sources, "_PREFIXES", (str(folder) + os.sep,))
    monkeypatch.setattr(imported_sources, "_IMPORTED", {})
    original = SourceFileLoader.get_code

    def get_code(loader: SourceFileLoader, fullname: str) -> object:
        code = original(loader, fullname)
        if edited_while_loading:
            path.write_bytes(b"SIZE = 2\n")
        return code

    monkeypatch.setattr(SourceFileLoader, "get_code", get_code)
    imported_sources._RecordingLoader("widget", str(path)).get_code("widget")
    kept = imported_sources.imported_source(path)
    if edited_while_loading:
        assert kept not in (b"SIZE = 1\n", b"SIZE = 2\n")
    else:
        assert kept == b"SIZE = 1\n"


@pytest.mark.issue(16)
@pytest.mark.parametrize("setting", ["off", "OFF"])
def test_startup_resource_cache_can_be_turned_off(setting: str) -> None:
    assert resource_cache.cache_dir({"DYADWATCH_CACHE_DIR": setting}) is None
    assert resource_cache.cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/dyadwatch")


@pytest.mark.issue(16)
@pytest.mark.parametrize("damage", [b"", b"not a pickle"])
def test_startup_resource_cache_survives_a_damaged_file(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        damage: bytes) -> None:
    monkeypatch.setenv("DYADWATCH_CACHE_DIR", str(tmp_path))
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "coding-0000.pickle").write_bytes(b"an earlier build")
    built = resource_cache.load_cached_resources()
    [stored] = [p for p in (tmp_path / "resources").glob("coding-*.pickle")
                if p.name != "coding-0000.pickle"]
    assert resource_cache.load_cached_resources().dictionary_version == built.dictionary_version
    stored.write_bytes(damage)
    again = resource_cache.load_cached_resources()
    assert again.dictionary_version == built.dictionary_version
    assert again.verbs is not None and stored.stat().st_size > 1000  # rebuilt and stored


@pytest.mark.issue(16)
@pytest.mark.parametrize("builds", [6])
def test_startup_resource_cache_keeps_the_builds_used_last(tmp_path: Path, builds: int) -> None:
    import os

    for i in range(builds):
        path = tmp_path / f"coding-{i}.pickle"
        path.write_bytes(b"x")
        os.utime(path, (1000 + i, 1000 + i))
    resource_cache._prune(tmp_path / "coding-0.pickle", keep=3)
    left = sorted(p.name for p in tmp_path.glob("coding-*.pickle"))
    assert left == ["coding-0.pickle", "coding-4.pickle", "coding-5.pickle"]


class _Forms:
    """A lookup with only surface forms: (form, case-sensitive, entry id)."""

    def __init__(self, forms: list[tuple[str, bool, str]]) -> None:
        self.forms = forms

    def surface_forms(self) -> Iterator[tuple[str, bool, str]]:
        return iter(self.forms)


@pytest.mark.issue(16)
@pytest.mark.parametrize("text", [
    "The R.U.F. and al-Borduria's guard met Elbonia's envoy; the People's Army of "
    "Ruritania didn't attend, nor did U.S.-backed groups in Nueva Ruritania.",
])
def test_startup_tokenised_forms_match_as_the_tokenizer(text: str) -> None:
    """The phrase matchers built from the cached word lists find what matchers of the
    tokenizer's own Docs of the forms find."""
    import spacy
    from spacy.matcher import PhraseMatcher

    from dyadwatch.coding.mentions import _build_matchers, tokenised_forms

    lookup = _Forms([("R.U.F.", True, "RUF"), ("al-Borduria", False, "BOR"),
                     ("Elbonia", False, "ELB"), ("People's Army of Ruritania", False, "RURMIL"),
                     ("U.S.", True, "USA"), ("Nueva Ruritania", False, "NRU")])
    nlp = spacy.blank("en")
    doc = nlp(text)
    built = _build_matchers(tokenised_forms(lookup), nlp.vocab)
    expected = []
    for attr, sensitive in (("ORTH", True), ("LOWER", False)):
        matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for form, case, entry_id in lookup.forms:
            if case == sensitive:
                matcher.add(entry_id, [nlp.tokenizer(form if case else form.lower())])
        expected.append(sorted(matcher(doc)))
    assert [sorted(matcher(doc)) for matcher in built] == expected
    assert len(expected[0]) + len(expected[1]) >= 5
