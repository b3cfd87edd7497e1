from __future__ import annotations

import pytest

from dyadwatch.ingest.lang import detect_language, english_only, is_english
from dyadwatch.model import Article, Failure


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Greece and Turkey agreed on Tuesday to resume talks on their maritime dispute.", "en"),
        ("Die Bundesregierung hat am Freitag neue Gespräche mit den Nachbarländern angekündigt.",
         "de"),
        ("Le gouvernement français a annoncé mardi de nouvelles négociations avec ses voisins.",
         "fr"),
        ("El gobierno anunció el viernes nuevas conversaciones con los países vecinos.", "es"),
        ("Правительство объявило в пятницу о новых переговорах с соседними странами.", "ru"),
        ("الحكومة أعلنت يوم الجمعة عن محادثات جديدة مع الدول المجاورة", "ar"),
    ],
)
def test_lang_detects_language(text: str, language: str) -> None:
    paragraph = f"{text} {text} {text}"  # article-length text (120+ characters)
    assert detect_language(paragraph) == language


@pytest.mark.parametrize("text", ["Die Bundesregierung hat neue Gespräche angekündigt.",
                                  "Kraft Profit Falls on Higher Costs"])
def test_lang_short_text_counts_as_english(text: str) -> None:
    """Under 120 characters (headlines, summaries) nothing is skipped on thin evidence."""
    assert detect_language(text) is None
    assert is_english(text)


@pytest.mark.parametrize("text", ["", "12:30 — 4/5", "Go!", "http://a.b/c?d=1"])
def test_lang_too_little_text_is_undetermined(text: str) -> None:
    assert detect_language(text) is None
    assert is_english(text)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Armenia accused Azerbaijan of shelling two villages near the border overnight.", True),
        ("Armenien warf Aserbaidschan vor, über Nacht zwei Dörfer beschossen zu haben.", False),
    ],
)
def test_lang_is_english(text: str, english: bool) -> None:
    assert is_english(f"{text} {text}") is english


@pytest.mark.parametrize(
    "text", ["Die Bundesregierung hat am Freitag neue Gespräche mit Nachbarländern angekündigt."])
def test_lang_english_only_records_e209(text: str) -> None:
    english = Article(id="a1", text="The minister met his counterpart in Athens on Tuesday.")
    german = Article(id="a2", text=f"{text} {text}", origin="feed.rss#3")
    note = Failure(code="E204", input="x.txt", message="bad bytes")
    out = list(english_only([english, german, note]))
    assert out[0] is english and out[2] is note
    failure = out[1]
    assert isinstance(failure, Failure)
    assert (failure.code, failure.article_id, failure.input) == ("E209", "a2", "feed.rss#3")
    assert "not English (de)" in failure.message
