from __future__ import annotations

import pytest

from dyadwatch.ingest.clean import clean_text, furniture_rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Read more: Why Arnor and Gondor are not at war", "read-more"),
        ("Related: Gondor's new cabinet", "read-more"),
        ("Watch video 01:12 Share Send Facebook Twitter Permalink https://x.example/p/1",
         "share-bar"),
        ("Share this article Facebook Twitter WhatsApp Email", "share-bar"),
        ("Every morning our editors send the day's top stories. Sign up here to receive them.",
         "pitch"),
        ("xy/zw (Reuters, AFP)", "byline"),
        ("(AP)", "byline"),
        ("By Jane Example and John Sample", "byline"),
        ("Photo: Getty Images", "credit"),
        ("© 2020 Example Media", "credit"),
        ("Gondor 'ready to talk'", "heading"),
    ],
)
def test_clean_furniture_rules(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Arnor said it would read more reports before deciding.",
        "The minister shared her concerns with Gondor's envoy on Friday.",
        "Gondor troops fired on protesters, witnesses said.",
        "By Tuesday, Arnor had withdrawn its ambassador from Gondor.",
    ],
)
def test_clean_keeps_news_sentences(line: str) -> None:
    assert furniture_rule(line) is None


@pytest.mark.parametrize("single", ["Arnor protested. Read more: nothing here."])
def test_clean_single_paragraph_untouched(single: str) -> None:
    assert clean_text(single).text == single


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Iran said on Tuesday that the\ncompany would resume\nexports to Iraq.\nOfficials agreed.",
         ["Iran said on Tuesday that the company would resume exports to Iraq.",
          "Officials agreed."]),
        ("US 'ready to engage'\nThe US said it was ready to talk.",
         ["The US said it was ready to talk."]),
        ("Gondor protested,\nArnor said.\n\nRohan agreed.", ["Gondor protested, Arnor said.",
                                                          "Rohan agreed."]),
    ],
)
def test_clean_hard_wrapped_lines_rejoined(text: str, paragraphs: list[str]) -> None:
    assert clean_text(text).text.split("\n\n") == paragraphs
