"""Knowledge as data: layering user folders, coded errors, the content hash, the schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.errors import DictionaryEntryError, DictionaryLayerError
from dyadwatch.kb.knowledge import (
    FILES,
    SPECS,
    all_schemas,
    check_folder,
    load_knowledge,
    merge_layer,
    shipped_documents,
)
from dyadwatch.kb.lexicon import CODE_SET_IDS, WORD_LIST_IDS

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "src" / "dyadwatch" / "data" / "schemas"


def _folder(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_knowledge_shipped_version_has_the_content_hash() -> None:
    knowledge = load_knowledge()
    version, _, digest = knowledge.version.partition("+")
    assert version == knowledge.verbs.version and len(digest) == 12
    assert load_knowledge() is load_knowledge()  # built once


def test_knowledge_every_list_the_coder_reads_is_shipped() -> None:
    lexicon = load_knowledge().lexicon
    for name in (*WORD_LIST_IDS, *CODE_SET_IDS):
        assert getattr(lexicon, name), name
    assert "1823" in {r.code for r in lexicon.rewrites}


@pytest.mark.parametrize(("layer", "expected"), [
    ({"patterns": [{"id": "attack.v", "lemmas": ["assail"], "code": "190"}]},
     {"attack.v": ["assail"]}),
    ({"patterns": [{"id": "new.v", "lemmas": ["heckle"], "code": "111"}]},
     {"new.v": ["heckle"]}),
])
def test_knowledge_entries_merge_by_id(layer: dict[str, object],
                                       expected: dict[str, list[str]]) -> None:
    base = shipped_documents()["verbs.yaml"]
    merged = merge_layer(base, layer, SPECS["verbs.yaml"], "user/verbs.yaml")
    by_id = {entry["id"]: entry for entry in merged["patterns"]}
    for entry_id, lemmas in expected.items():
        assert by_id[entry_id]["lemmas"] == lemmas
    assert len(merged["patterns"]) == len(base["patterns"]) + sum(
        1 for i in expected if i not in {e["id"] for e in base["patterns"]})
    assert merged["frames"] == base["frames"]


def test_knowledge_remove_replace_and_mappings() -> None:
    base = shipped_documents()["verbs.yaml"]
    first = base["patterns"][0]["id"]
    removed = merge_layer(base, {"remove": [first]}, SPECS["verbs.yaml"], "u")
    assert first not in {e["id"] for e in removed["patterns"]}
    only = merge_layer(base, {"replace": True, "patterns": [
        {"id": "x.v", "lemmas": ["x"], "code": "010"}]}, SPECS["verbs.yaml"], "u")
    assert [e["id"] for e in only["patterns"]] == ["x.v"] and only["derive"] == {}
    derived = merge_layer(base, {"derive": {"threaten": {"19": "139"}}}, SPECS["verbs.yaml"], "u")
    assert derived["derive"]["threaten"]["19"] == "139"
    assert derived["derive"]["threaten"]["default"] == base["derive"]["threaten"]["default"]
    with pytest.raises(DictionaryLayerError, match="remove: \\['no.such'\\]"):
        merge_layer(base, {"remove": ["no.such"]}, SPECS["verbs.yaml"], "u")


@pytest.mark.issue(13)
@pytest.mark.parametrize(("files", "expected"), [
    ({"verbs.yaml": "patterns:\n  - id: bad.v\n    lemmas: [x]\n    code: '999'\n"},
     r"E506: .*verbs.yaml: entry 'bad.v', field 'code': .*'999' is not a CAMEO"),
    ({"verbs.yaml": "patterns:\n  - id: typo.v\n    lemma: [x]\n    code: '111'\n"},
     r"entry 'typo.v', field 'lemmas': Field required \(also field 'lemma'"),
    ({"actors/people.yaml": "people:\n  - id: ana\n    names: [Ana]\n"},
     r"actors/people.yaml: entry 'ana', field 'roles'"),
    ({"coding/words.yaml": "lists:\n  - {id: held_nouns, words: oops}\n"},
     r"coding/words.yaml: entry 'held_nouns', field 'words'"),
    ({"coding/words.yaml": "lists:\n  - {id: held_nuons, words: [base]}\n"},
     r"E506: .*coding/words.yaml: entry 'lists', field 'id': unknown \['held_nuons'\]"),
    ({"coding/confidence.yaml": "rule:\n  verbb: 0.5\n"},
     r"E506: .*coding/confidence.yaml: entry 'rule', field 'verbb': Input should be 'verb'"),
    ({"coding/confidence.yaml": "source:\n  named: high\n"},
     r"coding/confidence.yaml: entry 'source', field 'named': .*valid number"),
    ({"coding/confidence.yaml": "default: 1.5\n"},
     r"coding/confidence.yaml: entry 'default', field '\(value\)': .*less than or equal to 1"),
    ({"coding/confidence.yaml": "moods:\n  reported: 1.0\n"},
     r"coding/confidence.yaml: entry '\(file\)', field 'moods': unknown key"),
])
def test_knowledge_bad_entry_names_file_entry_and_field(tmp_path: Path, files: dict[str, str],
                                                         expected: str) -> None:
    folder = _folder(tmp_path, files)
    with pytest.raises(DictionaryEntryError, match=expected):
        check_folder(folder)


@pytest.mark.parametrize("name", ["verbs.yml.bak.yaml", "actors/extra.yaml"])
def test_knowledge_unknown_file_is_e508(tmp_path: Path, name: str) -> None:
    folder = _folder(tmp_path, {name: "patterns: []\n"})
    with pytest.raises(DictionaryLayerError, match="not a dyadwatch dictionary file"):
        check_folder(folder)


@pytest.mark.issue(13)
def test_knowledge_a_layer_changes_the_version(tmp_path: Path) -> None:
    shipped = load_knowledge().version
    folder = _folder(tmp_path, {"coding/words.yaml": (
        "lists:\n  - {id: negators, words: [not, \"n't\", never, \"no\", hardly]}\n")})
    layered = load_knowledge([folder])
    assert layered.version != shipped and layered.version.startswith("2026.1+")
    assert "hardly" in layered.lexicon.negators
    assert check_folder(folder).dictionary_version == layered.version
    same = _folder(tmp_path / "again", {"coding/words.yaml": (
        "lists:\n  - {id: negators, words: [not, \"n't\", never, \"no\", hardly]}\n")})
    assert load_knowledge([same]).version == layered.version


@pytest.mark.parametrize(("name", "schema"), sorted(all_schemas().items()))
def test_knowledge_shipped_schema_is_current(name: str, schema: dict[str, object]) -> None:
    """data/schemas/ is what tools/gen_schemas.py writes (rerun it after changing a model)."""
    assert json.loads((SCHEMAS / name).read_text(encoding="utf-8")) == schema
    assert len(all_schemas()) == len(FILES)


def test_knowledge_an_edited_layer_is_loaded_again(tmp_path: Path) -> None:
    words = "lists:\n  - {{id: negators, words: [not, \"n't\", never, \"no\", {extra}]}}\n"
    folder = _folder(tmp_path, {"coding/words.yaml": words.format(extra="hardly")})
    assert "hardly" in load_knowledge([folder]).lexicon.negators
    _folder(tmp_path, {"coding/words.yaml": words.format(extra="barely, scarcely")})
    assert "scarcely" in load_knowledge([folder]).lexicon.negators


@pytest.mark.issue(14)
def test_knowledge_confidence_table_is_layered_and_hashed(tmp_path: Path) -> None:
    """The confidence table is knowledge: in the resources, the content hash and layers."""
    from dyadwatch.kb.resources import load_resources

    shipped = load_knowledge()
    folder = _folder(tmp_path, {"coding/confidence.yaml": (
        "rule:\n  verb: 0.9\nmood:\n  reported: 0.5\n")})
    layered = load_resources([folder], places=False)
    assert layered.confidence.rule["verb"] == 0.9 and layered.confidence.mood["reported"] == 0.5
    assert layered.confidence.source == shipped.confidence.source  # the rest is shipped
    assert layered.dictionary_version != shipped.version
    assert check_folder(folder).entries == {"coding/confidence.yaml": 2}
