"""The real-news gold set (issue 14): sentence spans, the annotation checks, the events scorer."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch import eval_events
from dyadwatch.goldset import (
    CorpusMissingError,
    GoldEvent,
    GoldSetError,
    Manifest,
    ManifestArticle,
    annotation_problems,
    clean_for_coding,
    country_key,
    event_problems,
    offset_map,
    parse_annotations,
    read_manifest,
    read_sentence_index,
    split_headline,
    text_sha1,
)
from dyadwatch.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews_fixture as fx  # noqa: E402

REALNEWS = Path(__file__).resolve().parent / "realnews"

# Gold: the reciprocal agreement in sentence 0 (two directed events), the shelling in 1.
GOLD = [
    fx.gold_record(0, source="CHL", source_country="CHL", target="PER", target_country="PER",
                   cameo="030", root="03", alt_roots=["05"], reciprocal=True, date="2031-05-12"),
    fx.gold_record(1, source="PERMIL", source_country="PER", target="CHL", target_country="CHL",
                   cameo="194", root="19"),
]
# System: (sentence, source, target, root, date).
SYSTEM = [
    (0, "CHLGOV", "PER", "05", "2031-05-12"),  # matches via alt root; sectors differ
    (0, "PER", "CHL", "03", None),              # the reverse direction; date missed
    (1, "PERMIL", "CHLMIL", "19", "2031-05-14"),  # country match; target sector differs
    (1, "CHL", "PER", "11", None),              # wrong: a false positive
    (1, "PERMIL", None, "19", None),            # one-sided: not scored
    (2, "PERGOV", "CHL", "01", None),           # outside the annotated region
]


def gold_event(**fields: Any) -> GoldEvent:
    record = fx.gold_record(0, source="CHLGOV", source_country="CHL", target="PER",
                            target_country="PER", cameo="111", root="11")
    record.update(fields)
    return GoldEvent.model_validate(record)


@pytest.mark.issue(14)
@pytest.mark.parametrize("raw", [fx.RAW, "One line only.", "Title\n\nBody one. Body two.\n"])
def test_goldset_offset_map_points_at_the_same_characters(raw: str) -> None:
    cleaned = clean_for_coding(raw)
    mapping = offset_map(raw, cleaned)
    assert all(raw[mapping[i]] == ch for i, ch in enumerate(cleaned) if not ch.isspace())
    assert all(m == -1 for m, ch in zip(mapping, cleaned, strict=True) if ch.isspace())


@pytest.mark.issue(14)
@pytest.mark.parametrize("limit", [2])
def test_goldset_sentences_are_raw_spans_with_hashes(limit: int) -> None:
    listed = fx.sentences(limit)
    assert [s.index for s in listed] == [0, 1]
    assert fx.RAW[listed[0].start:listed[0].end] == ("Chile and Peru agreed on Monday to "
                                                    "reopen\ntheir border crossings.")
    assert listed[1].text == "Peru's army shelled a Chilean outpost, officials said."
    assert all(s.sha1 == text_sha1(fx.RAW[s.start:s.end]) for s in listed)


@pytest.mark.issue(14)
@pytest.mark.parametrize("title", ["Chile and Peru reopen their border after two years of "
                                   "closure"])
def test_goldset_headline_repeated_in_the_text_is_set_apart(title: str) -> None:
    raw = f"{title}\n\nChile reopened the border. Peru welcomed it.\n"
    doc = fx.blank_nlp()(clean_for_coding(raw))
    from dyadwatch.goldset import located_sentences

    headline, body = split_headline(located_sentences(raw, doc), title)
    assert [s.text for s in headline] == [title]
    assert [s.text for s in body] == ["Chile reopened the border.", "Peru welcomed it."]


@pytest.mark.issue(14)
@pytest.mark.parametrize(("code", "country", "key"), [
    ("USAGOV", "USA", "USA"), ("IGOUNO", None, "IGOUNO"), ("IMGMUSISI", "AFG", "IMGMUSISI"),
    ("SYRREB", "SYR", "SYR"), (None, None, None), ("GOV", None, None), ("REF", None, None),
    ("IRNMIL", None, "IRN"), ("NGODEV", None, "NGODEV"),
    # a bare kind of body ("an aid agency", "the international community") names no one
    ("NGO", None, None), ("IGO", None, None),
])
def test_goldset_country_key(code: str | None, country: str | None, key: str | None) -> None:
    assert country_key(code, country) == key


@pytest.mark.issue(14)
@pytest.mark.parametrize(("fields", "problem"), [
    ({}, None),
    ({"source": "IGOUNO", "source_country": "IGOUNO"}, None),
    ({"source": "CHLXYZ"}, "unknown sector part(s) XYZ"),
    ({"source_country": "RUR", "source": "RURGOV"}, "'RUR' is not a country code"),
    ({"source": "PERGOV"}, "does not start with source_country 'CHL'"),
    ({"source": "IGOFOO", "source_country": "IGOFOO"}, "not in igos.yaml or groups.yaml"),
    ({"cameo": "1199"}, "'1199' is not a CAMEO event code"),
    ({"root": "12"}, "root '12' is not the first two digits of '111'"),
    ({"alt_roots": ["11"]}, "alt_roots entry '11'"),
    ({"date": "14 May"}, "not YYYY-MM-DD"),
])
def test_goldset_event_problems(fields: dict[str, Any], problem: str | None) -> None:
    found = event_problems(gold_event(**fields))
    assert (found == []) if problem is None else any(problem in p for p in found), found


@pytest.mark.issue(14)
@pytest.mark.parametrize("name", ["dev.a.jsonl"])
def test_goldset_annotation_problems_against_manifest_and_index(tmp_path: Path,
                                                                name: str) -> None:
    folder, _ = fx.write_folder(tmp_path, {})
    good = gold_event()
    lines = [good.model_dump_json(),
             good.model_copy(update={"span": (2, 60)}).model_dump_json(),
             good.model_copy(update={"sent_sha1": "0" * 40}).model_dump_json(),
             good.model_copy(update={"annotator": "b"}).model_dump_json(),
             good.model_dump_json(),
             '{"article_id": "fixture-1"}']
    numbered, invalid = parse_annotations(lines, name)
    problems = annotation_problems(numbered, name, read_manifest(folder / "articles.json"),
                                   read_sentence_index(folder / "sentences.json"),
                                   {fx.ARTICLE_ID: fx.RAW})
    assert [w for w, _ in invalid] == ["dev.a.jsonl:6"]
    assert problems == [
        "dev.a.jsonl:2: span [2, 60] is not one of the article's 2 listed sentences "
        "(see tools/gold_sentences.py)",
        "dev.a.jsonl:2: sent_sha1 does not match text[2:60]",
        "dev.a.jsonl:3: sent_sha1 is not the hash of the sentence at [2, 67]",
        "dev.a.jsonl:3: sent_sha1 does not match text[2:67]",
        "dev.a.jsonl:3: same event as line 1",
        "dev.a.jsonl:4: annotator 'b' in a file of annotator 'a'",
        "dev.a.jsonl:4: same event as line 1",
        "dev.a.jsonl:5: same event as line 1",
    ]


@pytest.mark.issue(14)
@pytest.mark.parametrize("split", ["test"])
def test_goldset_annotation_of_the_other_half_is_reported(tmp_path: Path, split: str) -> None:
    folder, _ = fx.write_folder(tmp_path, {})
    numbered, _ = parse_annotations([gold_event().model_dump_json()], f"{split}.a.jsonl")
    problems = annotation_problems(numbered, f"{split}.a.jsonl",
                                   read_manifest(folder / "articles.json"),
                                   read_sentence_index(folder / "sentences.json"))
    assert problems == ["test.a.jsonl:1: article 'fixture-1' belongs to the dev half"]


@pytest.mark.issue(14)
@pytest.mark.parametrize("plan", [SYSTEM])
def test_eval_events_scores_a_half(tmp_path: Path, plan: list[Any]) -> None:
    folder, data = fx.write_folder(tmp_path, {"dev.a.jsonl": GOLD})
    warnings: list[str] = []
    code_docs = eval_events.doc_coder(fx.blank_nlp(), fx.StandInCoder(plan), warnings)
    report, found = eval_events.score_half(folder, "dev", folder / "dev.a.jsonl", data,
                                           code_docs)
    assert found == [] and warnings == []
    # gold: 3 directed events; system: 4 dyadic in the region; 3 match by country and root
    assert report["country"] == {"precision": 0.75, "recall": 1.0, "f1": 0.8571, "matched": 3,
                                 "gold": 3, "system": 4}
    # with sectors only PER -> CHL (03) matches
    assert report["sectors"] == {"precision": 0.25, "recall": 0.3333, "f1": 0.2857,
                                 "matched": 1, "gold": 3, "system": 4}
    assert report["dates"] == {"date_accuracy": 0.5, "dated": 2,
                               "date_accuracy_all": 0.3333, "matched": 3}
    assert (report["one_sided"], report["resplit_sentences"]) == (1, 0)
    assert report["by_corpus"] == {"guardian": report["country"]}
    # one article: every resample is the article itself
    assert report["country_interval"] == {"precision": [0.75, 0.75], "recall": [1.0, 1.0],
                                          "f1": [0.8571, 0.8571]}
    assert (report["articles"], report["sentences"], report["agreement"]) == (1, 2, None)


@pytest.mark.issue(14)
@pytest.mark.parametrize("plan", [[(0, "CHL", "PER", "05", None)]])
def test_eval_events_a_changed_text_is_left_out(tmp_path: Path, plan: list[Any]) -> None:
    folder, data = fx.write_folder(tmp_path, {"dev.a.jsonl": GOLD})
    (data / fx.FILE).write_text(json.dumps({"id": fx.ARTICLE_ID, "text": "Other."}) + "\n",
                                encoding="utf-8")
    code_docs = eval_events.doc_coder(fx.blank_nlp(), fx.StandInCoder(plan), [])
    report, found = eval_events.score_half(folder, "dev", folder / "dev.a.jsonl", data,
                                           code_docs)
    assert report["articles"] == 0 and report["country"]["gold"] == 0
    assert found == ["E132: fixture-1: the text in news/fixture.jsonl is not the text that was "
                     "drawn (text_sha1 differs); the corpus file has changed; the article is "
                     "left out of the scores"]


@pytest.mark.issue(14)
@pytest.mark.parametrize("missing", ["elsewhere"])
def test_eval_events_absent_corpus_is_a_coded_error(tmp_path: Path, missing: str) -> None:
    folder, _ = fx.write_folder(tmp_path, {"dev.a.jsonl": GOLD})
    with pytest.raises(CorpusMissingError, match="E131"):
        eval_events.score_half(folder, "dev", folder / "dev.a.jsonl", tmp_path / missing,
                               eval_events.doc_coder(fx.blank_nlp(), fx.StandInCoder([]), []))


@pytest.mark.issue(14)
@pytest.mark.parametrize("plan", [[(0, "CHL", "PER", "03", None)]])
def test_eval_events_coder_failure_is_recorded(tmp_path: Path, plan: list[Any]) -> None:
    class Broken(fx.StandInCoder):
        def code_doc(self, doc: Any, article: Any) -> list[Any]:
            raise RuntimeError("boom")

    warnings: list[str] = []
    results = eval_events.doc_coder(fx.blank_nlp(), Broken(plan), warnings)(
        [Article(id="x", text="Chile met Peru.")])
    assert [list(events) for _, events in results] == [[]]
    assert warnings == ["E301: x: coding failed (RuntimeError: boom). The article was skipped; "
                        "please report it."]


@pytest.mark.issue(14)
@pytest.mark.parametrize("extra", [1])
def test_eval_events_agreement_counts_reciprocal_twice(extra: int) -> None:
    first = [GoldEvent.model_validate(r) for r in GOLD]
    second = [GoldEvent.model_validate({**GOLD[0], "reciprocal": False, "root": "05",
                                        "cameo": "057", "alt_roots": [], "annotator": "b"}),
              GoldEvent.model_validate({**GOLD[1], "annotator": "b", "target": "CHLMIL"})]
    result = eval_events.agreement(first, second)
    # a: 3 directed, b: 2; both of b's match at country level (05 is an alt root of a's 03)
    assert result["country"]["f1"] == 0.8 and result["country"]["matched"] == 2
    assert result["sectors"]["matched"] == extra


@pytest.mark.issue(14)
@pytest.mark.parametrize("args", [["--format", "events", "--agreement", "--split", "dev"]])
def test_cli_eval_events_agreement(tmp_path: Path, args: list[str]) -> None:
    from dyadwatch.cli import cli

    folder, _ = fx.write_folder(tmp_path, {
        "dev.a.jsonl": GOLD,
        "dev.b.jsonl": [{**r, "annotator": "b"} for r in GOLD]})
    result = CliRunner().invoke(cli, ["eval", str(folder), *args])
    assert result.exit_code == 0, result.output
    assert result.output == ("annotator agreement (dev)\n  annotator agreement (a vs b, "
                             "event-level F1): country 1.000, with sectors 1.000 (3 and 3 "
                             "events)\n")


@pytest.mark.issue(14)
@pytest.mark.parametrize("names", [["test.b.jsonl", "dev2.a.jsonl", "test.gold.jsonl",
                                    "dev.a.jsonl", "test.a.jsonl"]])
def test_eval_events_gold_files_every_half_in_order(tmp_path: Path, names: list[str]) -> None:
    for name in names:
        (tmp_path / name).write_text("", encoding="utf-8")
    folder, files = eval_events.gold_files(tmp_path)
    assert folder == tmp_path
    assert {h: p.name for h, p in files.items()} == {
        "dev": "dev.a.jsonl", "dev2": "dev2.a.jsonl", "test": "test.gold.jsonl"}
    assert list(files) == ["dev", "dev2", "test"]
    assert eval_events.gold_files(tmp_path / "dev2.a.jsonl")[1] == {
        "dev2": tmp_path / "dev2.a.jsonl"}


@pytest.mark.issue(14)
@pytest.mark.parametrize("args", [["--format", "events", "--split", "test"]])
def test_cli_eval_events_nothing_to_score(tmp_path: Path, args: list[str]) -> None:
    from dyadwatch.cli import cli

    folder, _ = fx.write_folder(tmp_path, {"dev.a.jsonl": GOLD})
    result = CliRunner().invoke(cli, ["eval", str(folder), *args])
    assert result.exit_code == 1
    assert "test: no annotation file in" in result.output
    assert "Error: nothing to score in" in result.output


@pytest.mark.issue(14)
@pytest.mark.parametrize("fmt", ["conflibert"])
def test_cli_eval_folder_needs_events_format(tmp_path: Path, fmt: str) -> None:
    from dyadwatch.cli import cli

    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--format", fmt])
    assert result.exit_code == 2
    assert "--format conflibert reads a file" in result.output


@pytest.mark.issue(14)
@pytest.mark.parametrize("halves", [("dev", "test")])
def test_realnews_manifest_is_balanced_and_split_by_cluster(halves: tuple[str, str]) -> None:
    manifest = read_manifest(REALNEWS / "articles.json")
    first = [a for a in manifest.articles if a.split in halves]
    corpora: dict[str, int] = {}
    for article in first:
        corpora[article.corpus] = corpora.get(article.corpus, 0) + 1
    assert corpora == {"guardian": 25, "giveme5w1h": 25, "bbc": 10}
    halves_of: dict[str, set[str]] = {}
    for article in first:
        if article.corpus == "giveme5w1h":
            halves_of.setdefault(article.stratum, set()).add(article.split)
    assert all(len(h) == 1 for h in halves_of.values())
    sizes = [len(manifest.split_ids(h)) for h in halves]
    assert abs(sizes[0] - sizes[1]) <= 4
    index = read_sentence_index(REALNEWS / "sentences.json")
    assert set(index) == set(manifest.split_ids(None))
    assert all(len(spans) <= manifest.sentences_per_article for spans in index.values())


@pytest.mark.issue(14)
@pytest.mark.parametrize(("split", "seed", "counts"), [
    ("dev2", 20261205, {"giveme5w1h": 12, "bbc": 8, "guardian": 4}),
    ("dev3", 20261206, {"giveme5w1h": 6, "bbc": 6, "guardian": 12})])
def test_realnews_later_draws_are_disjoint_from_earlier_ones(split: str, seed: int,
                                                              counts: dict[str, int]) -> None:
    manifest = read_manifest(REALNEWS / "articles.json")
    position = next(k for k, a in enumerate(manifest.articles) if a.split == split)
    later = [a for a in manifest.articles if a.split == split]
    earlier = manifest.articles[:position]
    assert (split, seed) in [(d.split, d.seed) for d in manifest.draws]
    assert {c: sum(a.corpus == c for a in later) for c in counts} == counts
    assert not {a.article_id for a in later} & {a.article_id for a in earlier}
    test_clusters = {a.stratum for a in earlier if a.corpus == "giveme5w1h" and a.split == "test"}
    clusters = [a.stratum for a in later if a.corpus == "giveme5w1h"]
    assert not set(clusters) & test_clusters
    assert len(set(clusters)) >= len(clusters) - 1  # one per cluster while clusters last
    index = read_sentence_index(REALNEWS / "sentences.json")
    assert all(a.article_id in index for a in later)


@pytest.mark.issue(14)
@pytest.mark.shared
@pytest.mark.parametrize("near_copy", [0.3])
def test_realnews_draws_are_reproducible_without_near_copies(shared_data: Path,
                                                             near_copy: float) -> None:
    draw = _tool("gold_draw")
    manifest = read_manifest(REALNEWS / "articles.json")
    assert draw.render(draw.draw(shared_data)) == (REALNEWS / "articles.json").read_text(
        encoding="utf-8")
    pool = draw.candidate_pool(shared_data)
    texts = {c[0]: c[2] for found in pool.values() for c in found}
    sets = {a.article_id: draw.shingles(texts[a.article_id]) for a in manifest.articles}
    second = [a.article_id for a in manifest.articles if a.split in ("dev2", "dev3")]
    for article_id in second:
        assert all(draw.jaccard(sets[article_id], other) < near_copy
                   for other_id, other in sets.items() if other_id != article_id)


def _tool(name: str) -> Any:
    tools = Path(__file__).resolve().parents[2] / "tools"
    sys.path.insert(0, str(tools))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tools))


@pytest.mark.issue(14)
@pytest.mark.parametrize("name", ["dev.a.jsonl", "dev2.a.jsonl", "dev3.a.jsonl",
                                  "test.a.jsonl", "test.b.jsonl", "test.gold.jsonl"])
def test_realnews_annotation_files_are_clean(name: str) -> None:
    path = REALNEWS / name
    if not path.exists():
        pytest.skip(f"{name} is not written yet (annotation in progress)")
    numbered, invalid = parse_annotations(path.read_text(encoding="utf-8").splitlines(), name)
    problems = annotation_problems(numbered, name, read_manifest(REALNEWS / "articles.json"),
                                   read_sentence_index(REALNEWS / "sentences.json"))
    assert invalid == [] and problems == []


@pytest.mark.issue(14)
@pytest.mark.shared
@pytest.mark.parametrize("corpus", ["guardian", "giveme5w1h", "bbc"])
def test_realnews_texts_are_the_drawn_texts(shared_data: Path, corpus: str) -> None:
    from dyadwatch.goldset import load_gold_articles

    manifest = read_manifest(REALNEWS / "articles.json")
    ids = [a.article_id for a in manifest.articles if a.corpus == corpus]
    golds, problems = load_gold_articles(manifest, shared_data, ids)
    assert problems == [] and len(golds) == len(ids)


@pytest.mark.issue(14)
@pytest.mark.parametrize("seed", [7])
def test_manifest_model_refuses_unknown_fields(seed: int) -> None:
    entry = ManifestArticle(article_id="x", corpus="bbc", file="f", split="dev",
                            text_sha1="0" * 40, stratum="politics")
    data = Manifest(about="", seed=seed, articles=[entry]).model_dump()
    data["articles"][0]["text"] = "article text never goes in the manifest"
    with pytest.raises(ValueError, match="text"):
        Manifest.model_validate(data)


@pytest.mark.issue(14)
@pytest.mark.model
@pytest.mark.parametrize("args", [["--format", "events", "--json"]])
def test_cli_eval_events_codes_the_whole_article(tmp_path: Path, args: list[str]) -> None:
    from dyadwatch.cli import cli

    folder, data = fx.write_folder(tmp_path, {"dev.a.jsonl": GOLD})
    result = CliRunner().invoke(cli, ["eval", str(folder), "--data", str(data), *args])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert (report["split"], report["articles"], report["sentences"]) == ("dev", 1, 2)
    assert report["country"]["gold"] == 3
    assert 0 <= report["country"]["matched"] <= report["country"]["system"]
    assert set(report) >= {"sectors", "dates", "one_sided", "resplit_sentences", "agreement"}


@pytest.mark.issue(14)
@pytest.mark.parametrize("reps", [500])
def test_eval_events_bootstrap_interval_brackets_the_score(reps: int) -> None:
    counts = [(1, 2, 1), (0, 1, 2), (3, 3, 4), (2, 2, 2), (0, 0, 1), (1, 3, 1)]
    whole = eval_events.LevelScore(7, 11, 11)
    interval = eval_events.bootstrap_interval(counts, reps)
    for name, value in (("precision", whole.precision), ("recall", whole.recall)):
        low, high = interval[name]
        assert low <= value <= high and low < high
    assert eval_events.bootstrap_interval(counts, reps) == interval  # seeded


@pytest.mark.issue(14)
@pytest.mark.parametrize("missing", ["articles.json", "sentences.json"])
def test_eval_events_missing_gold_file_is_a_coded_error(tmp_path: Path, missing: str) -> None:
    folder, data = fx.write_folder(tmp_path, {"dev.a.jsonl": GOLD})
    (folder / missing).unlink()
    code_docs = eval_events.doc_coder(fx.blank_nlp(), fx.StandInCoder([]), [])
    with pytest.raises(GoldSetError, match=f"E130: .*{missing}: the "):
        eval_events.score_half(folder, "dev", folder / "dev.a.jsonl", data, code_docs)


@pytest.mark.issue(14)
@pytest.mark.parametrize("bad_line", ['{"article_id": "fixture-1", "span": [2, 67]}'])
def test_eval_events_invalid_annotation_is_skipped_with_e133(tmp_path: Path,
                                                             bad_line: str) -> None:
    folder, data = fx.write_folder(tmp_path, {"dev.a.jsonl": GOLD})
    with (folder / "dev.a.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(bad_line + "\n")
    code_docs = eval_events.doc_coder(fx.blank_nlp(), fx.StandInCoder([]), [])
    report, found = eval_events.score_half(folder, "dev", folder / "dev.a.jsonl", data,
                                           code_docs)
    assert report["country"]["gold"] == 3
    assert len(found) == 1 and found[0].startswith(f"E133: {folder / 'dev.a.jsonl'}:3: ")


_LINE = st.one_of(
    st.text(alphabet=st.sampled_from("abc XYZ.,'\u00a0\t"), max_size=40),
    st.sampled_from(["", "Read more: the talks", "Share on Facebook Twitter WhatsApp",
                     "ls/se (Reuters, AP)", "Photo: someone", "Short heading"]),
)


@pytest.mark.issue(14)
@given(lines=st.lists(_LINE, max_size=12), newline=st.sampled_from(["\n", "\n\n", "\r\n"]))
@settings(max_examples=200, deadline=None)
def test_goldset_offset_map_property(lines: list[str], newline: str) -> None:
    raw = newline.join(lines)
    cleaned = clean_for_coding(raw)
    mapping = offset_map(raw, cleaned)
    assert len(mapping) == len(cleaned)
    assert all(0 <= mapping[i] < len(raw) and raw[mapping[i]] == ch
               for i, ch in enumerate(cleaned) if not ch.isspace())
    inside = [m for m in mapping if m >= 0]
    assert inside == sorted(inside)
