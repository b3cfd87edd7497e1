"""Readers of the PETRARCH/TABARI dictionary formats, on small fictional fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.errors import DictionaryError
from dyadwatch.petrarch.actors import read_actors
from dyadwatch.petrarch.agents import read_agents
from dyadwatch.petrarch.dictionaries import find_files, load_files
from dyadwatch.petrarch.discards import find_discard, read_discards
from dyadwatch.petrarch.lines import iter_lines, strip_comment
from dyadwatch.petrarch.verbs import read_verbs
from dyadwatch.petrarch.words import parse_date, verb_forms

from .helpers import FIXTURES, MINI


@pytest.mark.parametrize(("line", "kept"), [
    ("ELDORIA [ELD]  # a comment", "ELDORIA [ELD]"),
    ("NASGUL [###]  # ### is a code, not a comment", "NASGUL [###]"),
    ("ABANDON  [345] ;pas 15 Jul 2003", "ABANDON  [345]"),
    ("[ZBW]#jw 9/30/91", "[ZBW]"),
    ("# only a comment", ""),
])
def test_lines_strip_comment(line: str, kept: str) -> None:
    assert strip_comment(line) == kept


@pytest.mark.parametrize("text", ["<!-- one line -->\nA\n", "<!-- spans\nlines -->\nA\n"])
def test_lines_skip_xml_comments(tmp_path: Path, text: str) -> None:
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    assert [line.text for line in iter_lines(path)] == ["A"]


@pytest.mark.parametrize(("date", "code"), [
    (20091231, "ELDCVL"), (20100101, "ELDGOV"), (20141231, "ELDGOV"),
    (20150102, "ELDELI"), (None, "ELDCVL"),
])
def test_actors_date_bounded_code_picked_by_date(date: int | None, code: str) -> None:
    entries, warnings = read_actors(MINI / "actors.txt")
    mira = next(e for e in entries if ("MIRA", "TOLLAND") in e.phrases)
    assert mira.code_on(date) == code
    assert warnings == []


@pytest.mark.parametrize(("date", "code"), [(20090630, "VRNMIL"), (20090701, "VRNGOV")])
def test_actors_inline_restriction_and_default(date: int, code: str) -> None:
    entries, _ = read_actors(MINI / "actors.txt")
    oskar = next(e for e in entries if ("OSKAR", "FENN") in e.phrases)
    assert oskar.code_on(date) == code


@pytest.mark.parametrize("phrase", [("ELDORIA",), ("ELDORIAN",)])
def test_actors_synonyms_share_the_record(phrase: tuple[str, ...]) -> None:
    entries, _ = read_actors(MINI / "actors.txt")
    assert any(phrase in e.phrases and e.default == "ELD" for e in entries)


@pytest.mark.parametrize(("line", "reason"), [
    (2, "bad date restriction"), (3, "unbalanced [ ]"), (4, "has a date but no code"),
])
def test_actors_malformed_entries_warn_with_file_and_line(line: int, reason: str) -> None:
    entries, warnings = read_actors(FIXTURES / "bad_actors.txt")
    by_line = {w.where.rsplit(":", 1)[1]: w for w in warnings}
    assert reason in by_line[str(line)].reason
    assert by_line[str(line)].where.endswith(f"bad_actors.txt:{line}")
    assert len(entries) == 2


@pytest.mark.parametrize(("text", "value"), [("950601", 19950601), ("011222", 20011222),
                                             ("20080120", 20080120)])
def test_words_parse_date(text: str, value: int) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize("text", ["2010XX01", "9008223", "20101301"])
def test_words_parse_date_rejects_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(("base", "form"), [("RESTORE", "RESTORED"), ("RESTORE", "RESTORING"),
                                            ("STAB", "STABBED"), ("DENY", "DENIES")])
def test_words_regular_verb_forms(base: str, form: str) -> None:
    assert form in verb_forms(base)


@pytest.mark.parametrize(("phrase", "code", "prefix"), [
    (("MINISTERS",), "GOV", False), (("POLICE",), "COP", False),
    (("TRADE", "UNIONS"), "LAB", True), (("COUNCILWOMEN",), "LEG", False),
])
def test_agents_plurals_macros_and_prefix_codes(phrase: tuple[str, ...], code: str,
                                                 prefix: bool) -> None:
    entries, _ = read_agents(MINI / "agents.txt")
    agent = next(a for a in entries if phrase in a.phrases)
    assert (agent.code, agent.prefix) == (code, prefix)


@pytest.mark.parametrize("phrase", [("POLICES",)])
def test_agents_empty_braces_mean_no_plural(phrase: tuple[str, ...]) -> None:
    entries, _ = read_agents(MINI / "agents.txt")
    assert not any(phrase in a.phrases for a in entries)


@pytest.mark.parametrize(("block", "pattern", "after"), [
    ("RESTORE", "RESTORE#1", [("TIES",), ("RELATIONS",)]),
    ("PAY", "PAY#1", [("FLORIN",), ("FLORINS",), ("SILVER", "PENNY"), ("SILVER", "PENNIES")]),
])
def test_verbs_synsets_expand_with_plurals(block: str, pattern: str,
                                           after: list[tuple[str, ...]]) -> None:
    blocks, _, _ = read_verbs(MINI / "verbs.txt")
    found = next(p for b in blocks if b.name == block for p in b.patterns if p.pid == pattern)
    assert list(found.after[0].alternatives) == after


@pytest.mark.parametrize(("pid", "before", "after"), [
    ("PAY#2", ["words", "target"], ["words", "source"]),
    ("MEET#1", ["compound"], []),
])
def test_verbs_pattern_slots_nearest_first(pid: str, before: list[str], after: list[str]) -> None:
    blocks, _, _ = read_verbs(MINI / "verbs.txt")
    pattern = next(p for b in blocks for p in b.patterns if p.pid == pid)
    assert [e.kind for e in pattern.before] == before
    assert [e.kind for e in pattern.after] == after


@pytest.mark.parametrize(("pid", "tight"), [("PAY#2", [True, False])])
def test_verbs_underscore_joins_slots(pid: str, tight: list[bool]) -> None:
    blocks, _, _ = read_verbs(MINI / "verbs.txt")
    pattern = next(p for b in blocks for p in b.patterns if p.pid == pid)
    assert [e.tight for e in pattern.before] == tight


@pytest.mark.parametrize(("spelling", "head"), [("BROKE", 0), ("BREAKING", 0)])
def test_verbs_multiword_forms_with_irregulars(spelling: str, head: int) -> None:
    blocks, transformations, _ = read_verbs(MINI / "verbs.txt")
    form = next(f for b in blocks if b.name == "BREAK" for f in b.forms)
    assert spelling in form.words[head] and form.words[1] == ("OFF",)
    assert form.code == "161" and len(transformations) == 1


@pytest.mark.parametrize(("line", "reason"), [
    (3, "unknown synset"), (4, "exactly one verb marker"), (5, "unclosed"),
])
def test_verbs_malformed_patterns_warn_with_file_and_line(line: int, reason: str) -> None:
    blocks, _, warnings = read_verbs(FIXTURES / "bad_verbs.txt")
    assert any(w.where.endswith(f"bad_verbs.txt:{line}") and reason in w.reason for w in warnings)
    assert blocks[0].patterns == ()


@pytest.mark.parametrize(("text", "story"), [
    ("They lost the Football Cup final.", False), ("At the chess olympiad today.", True),
])
def test_discards_match_case_insensitively(text: str, story: bool) -> None:
    discards, _ = read_discards(MINI / "discards.txt")
    found = find_discard(discards, text)
    assert found is not None and found.story is story


@pytest.mark.parametrize("config", [MINI / "PETR_config.ini", MINI])
def test_dictionaries_found_from_config_or_folder(config: Path) -> None:
    files = find_files(config)
    assert files.verbs == MINI / "verbs.txt" and files.actors == [MINI / "actors.txt"]


@pytest.mark.parametrize("name", ["bad_actors.txt"])
def test_dictionaries_strict_load_raises_e501(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "verbs.txt").write_text((MINI / "verbs.txt").read_text())
    (folder / "actors.txt").write_text((FIXTURES / name).read_text())
    with pytest.raises(DictionaryError) as caught:
        load_files(find_files(folder), None, strict=True)
    assert caught.value.code == "E501" and "actors.txt:2" in str(caught.value)


@pytest.mark.parametrize("name", ["bad_actors.txt"])
def test_dictionaries_report_skipped_entries(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "verbs.txt").write_text((MINI / "verbs.txt").read_text())
    (folder / "actors.txt").write_text((FIXTURES / name).read_text())
    _, report = load_files(find_files(folder), None)
    assert sum(report.skipped.values()) == 3 and "3 entries skipped" in report.summary()


@pytest.mark.parametrize("path", [Path("/no/such/PETR_config.ini")])
def test_dictionaries_missing_path_raises_e501(path: Path) -> None:
    with pytest.raises(DictionaryError, match="E501"):
        find_files(path)
