"""The shipped verb-pattern dictionary: it loads, it is consistent, and key lemmas resolve."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dyadwatch.errors import DictionaryError
from dyadwatch.kb.verbs import load_verb_dictionary, parse_verb_file
from dyadwatch.ontology import is_cameo

ROOTS = [f"{n:02d}" for n in range(1, 21)]
KIND_ROOT = {
    "threaten": "13",
    "intend": "03",
    "agree": "03",
    "refuse": "12",
    "appeal": "02",
    "demand": "10",
    "deny": "01",
    "accuse": "11",
}
# Declared intent to do something hostile is a threat in CAMEO: intend and agree send
# embedded roots 11-20 to 13x instead of 03x.
HOSTILE_ROOTS = {f"{n}" for n in range(11, 21)}


def _raw() -> dict:
    text = resources.files("dyadwatch").joinpath("data/verbs.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _allowed_roots(kind: str, key: str) -> set[str]:
    if kind in ("intend", "agree") and key[:2] in HOSTILE_ROOTS:
        return {"13"}
    if kind == "refuse" and key == "01":
        return {"01"}  # "declined to comment" is CAMEO 011, not a rejection
    return {KIND_ROOT[kind]}


def test_verbs_shipped_file_loads():
    dictionary = load_verb_dictionary()
    assert dictionary.version
    assert len(dictionary.by_lemma) > 300


def test_verbs_ids_are_unique():
    raw = _raw()
    ids = Counter(entry["id"] for entry in raw["patterns"] + raw["frames"])
    assert [i for i, n in ids.items() if n > 1] == []


def test_verbs_every_entry_has_a_note():
    raw = _raw()
    assert [e["id"] for e in raw["patterns"] + raw["frames"] if not e.get("note")] == []


@pytest.mark.parametrize("root", ROOTS)
def test_verbs_every_root_has_three_patterns(root):
    codes = [entry["code"] for entry in _raw()["patterns"]]
    assert sum(code.startswith(root) for code in codes) >= 3


def test_verbs_size_targets():
    raw = _raw()
    pairs = {(e.get("pos", "verb"), lemma, e["code"])
             for e in raw["patterns"] for lemma in e["lemmas"]}
    assert len(raw["patterns"]) >= 350
    assert len(pairs) >= 600


@pytest.mark.parametrize("kind", sorted(KIND_ROOT))
def test_verbs_derive_values_are_cameo_in_the_kind_root(kind):
    table = load_verb_dictionary().derive[kind]
    assert "default" in table
    for key, code in table.items():
        assert is_cameo(code), (kind, key, code)
        assert key == "default" or is_cameo(key), (kind, key)
        allowed = {KIND_ROOT[kind]} if key == "default" else _allowed_roots(kind, key)
        assert code[:2] in allowed, (kind, key, code)


def test_verbs_frames_cover_every_kind():
    kinds = {frame.kind for frame in load_verb_dictionary().frames.values()}
    assert kinds == set(KIND_ROOT)


def test_verbs_frame_lemmas_belong_to_one_frame():
    lemmas = Counter(lemma for frame in _raw()["frames"] for lemma in frame["lemmas"])
    assert [lemma for lemma, n in lemmas.items() if n > 1] == []


def test_verbs_no_pattern_is_shadowed():
    """Two patterns for one lemma with the same conditions: the later one could never fire."""
    seen: dict[tuple, str] = {}
    shadowed = []
    for entry in _raw()["patterns"]:
        for lemma in entry["lemmas"]:
            key = (entry.get("pos", "verb"), lemma, entry.get("particle"),
                   tuple(sorted(entry.get("object", []))), entry.get("prep"),
                   tuple(sorted(entry.get("object_modifier", []))),
                   tuple(sorted(entry.get("prep_object", []))), entry.get("complement", False))
            if key in seen:
                shadowed.append((lemma, entry["id"], seen[key]))
            seen.setdefault(key, entry["id"])
    assert shadowed == []


@pytest.mark.parametrize(
    ("lemma", "pos", "prefix"),
    [
        ("kill", "verb", "18"),
        ("assassinate", "verb", "186"),
        ("abduct", "verb", "181"),
        ("torture", "verb", "1822"),
        ("arrest", "verb", "173"),
        ("deport", "verb", "174"),
        ("invade", "verb", "192"),
        ("shell", "verb", "194"),
        ("bomb", "verb", "195"),
        ("massacre", "verb", "202"),
        ("meet", "verb", "04"),
        ("visit", "verb", "042"),
        ("host", "verb", "043"),
        ("negotiate", "verb", "046"),
        ("say", "verb", "010"),
        ("criticize", "verb", "111"),
        ("praise", "verb", "051"),
        ("apologize", "verb", "055"),
        ("deploy", "verb", "154"),
        ("sanction", "verb", "163"),
        ("protest", "verb", "141"),
        ("talk", "noun", "04"),
        ("talks", "noun", "04"),
        ("killing", "noun", "1823"),
        ("assassination", "noun", "186"),
        ("attack", "noun", "19"),
        ("sanction", "noun", "163"),
        ("visit", "noun", "042"),
        ("ceasefire", "noun", "0871"),
        ("crackdown", "noun", "175"),
    ],
)
def test_verbs_lemma_resolves(lemma, pos, prefix):
    """With no condition met, the bare pattern (the last one tried) gives the code."""
    patterns = load_verb_dictionary().patterns_for(lemma, pos)
    bare = [p for p in patterns if not (p.object or p.particle or p.prep)]
    assert bare, (lemma, pos)
    assert bare[0].code.startswith(prefix), (lemma, bare[0].id, bare[0].code)


@pytest.mark.parametrize(
    ("lemma", "pos", "prefix"),
    [("kill", "verb", "18"), ("assassinate", "verb", "186"), ("talks", "noun", "04"),
     ("talk", "noun", "04")],
)
def test_verbs_first_pattern_resolves(lemma, pos, prefix):
    patterns = load_verb_dictionary().patterns_for(lemma, pos)
    assert patterns and all(p.code.startswith(prefix) for p in patterns), (lemma, patterns)


@pytest.mark.parametrize(
    ("lemma", "obj", "particle", "prefix"),
    [
        ("impose", "sanction", None, "16"),
        ("hold", "talk", None, "046"),
        ("sign", "agreement", None, "057"),
        ("launch", "attack", None, "19"),
        ("carry", "attack", "out", "19"),
        ("open", "fire", None, "19"),
        ("express", "concern", None, "012"),
        ("pay", "visit", None, "042"),
        ("call", "strike", "off", "087"),
        ("send", "troop", None, "154"),
        ("withdraw", "troop", None, "0874"),
        ("expel", "diplomat", None, "161"),
        ("impose", "curfew", None, "1723"),
        ("claim", "responsibility", None, "015"),
        ("provide", "aid", None, "07"),
    ],
)
def test_verbs_light_verb_resolves(lemma, obj, particle, prefix):
    """The first pattern whose object (and particle) conditions hold gives the code."""
    for pattern in load_verb_dictionary().patterns_for(lemma, "verb"):
        if pattern.object and obj not in pattern.object:
            continue
        if pattern.particle and pattern.particle != particle:
            continue
        if pattern.prep or pattern.object_modifier:
            continue
        assert pattern.code.startswith(prefix), (lemma, obj, pattern.id, pattern.code)
        return
    pytest.fail(f"no pattern for {lemma} + {obj}")


def test_verbs_specific_patterns_come_first():
    for patterns in load_verb_dictionary().by_lemma.values():
        ranks = [p.specificity for p in patterns]
        assert ranks == sorted(ranks, reverse=True)


@pytest.mark.parametrize(
    ("kind", "embedded", "expected"),
    [
        ("threaten", "190", "138"),
        ("threaten", "195", "1384"),
        ("threaten", "163", "1312"),
        ("threaten", "2041", "1385"),
        ("threaten", None, "130"),
        ("intend", "046", "036"),
        ("intend", "045", "039"),
        ("intend", "0871", "0356"),
        ("intend", "073", "0333"),
        ("intend", "190", "138"),
        ("agree", "057", "037"),
        ("refuse", "046", "125"),
        ("refuse", "0874", "1246"),
        ("appeal", "0841", "0253"),
        ("appeal", "087", "0256"),
        ("demand", "0874", "106"),
        ("demand", "0871", "107"),
        ("demand", "0841", "1053"),
        ("deny", "190", "016"),
        ("accuse", "1822", "1122"),
        ("accuse", "195", "1123"),
        ("accuse", "202", "1124"),
    ],
)
def test_verbs_derived_code(kind, embedded, expected):
    assert load_verb_dictionary().derived_code(kind, embedded) == expected


def test_verbs_threaten_force_is_in_the_138_family():
    assert load_verb_dictionary().derived_code("threaten", "190").startswith("138")


@pytest.mark.parametrize("lemma", ["threaten", "urge", "agree", "refuse", "demand", "accuse"])
def test_verbs_frame_lookup(lemma):
    assert load_verb_dictionary().frame_for(lemma) is not None


def test_verbs_yaml_round_trip_gives_the_same_index():
    raw = _raw()
    again = yaml.safe_load(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False))
    first = parse_verb_file(raw, "shipped")
    second = parse_verb_file(again, "round-trip")
    assert first.by_lemma == second.by_lemma
    assert first.frames == second.frames
    assert first.derive == second.derive


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "bad.code", "lemmas": ["glorp"], "code": "999"},
        {"id": "bad.field", "lemmas": ["glorp"], "code": "010", "colour": "red"},
        {"id": "no.lemmas", "lemmas": [], "code": "010"},
    ],
)
def test_verbs_bad_file_raises(tmp_path: Path, entry):
    path = tmp_path / "verbs.yaml"
    path.write_text(yaml.safe_dump({"version": "test", "patterns": [entry]}), encoding="utf-8")
    with pytest.raises(DictionaryError):
        load_verb_dictionary(path)


def test_verbs_unreadable_file_raises(tmp_path: Path):
    path = tmp_path / "verbs.yaml"
    path.write_text("patterns: [unclosed", encoding="utf-8")
    with pytest.raises(DictionaryError):
        load_verb_dictionary(path)
