"""English stop words decide a clearly English sample without the detector (issue 16)."""

from __future__ import annotations

import pytest

from dyadwatch.ingest.lang import clearly_english, detect_language

ENGLISH = ("The two governments said on Monday that they would resume talks over the disputed "
           "border next month, after a year in which their troops had faced each other across "
           "the river and neither side had been willing to pull back.")
GERMAN = ("Die beiden Regierungen erklärten am Montag, dass sie die Gespräche über die "
          "umstrittene Grenze im nächsten Monat wieder aufnehmen wollen, nachdem sich ihre "
          "Truppen ein Jahr lang am Fluss gegenübergestanden hatten und keine Seite zum Rückzug "
          "bereit gewesen war.")
LIST_LIKE = ("Results: Arsenal 2 Chelsea 1, Leeds 0 Everton 3, Fulham 1 Wolves 1, Brentford 2 "
             "Burnley 2, Villa 4 Spurs 0, Newcastle 1 Brighton 1, Forest 0 Luton 2, "
             "Palace 3 Sheffield 1, Bournemouth 2 Liverpool 2, Hull 1 Stoke 0, Derby 2 Reading 1")


@pytest.mark.issue(16)
@pytest.mark.parametrize(("text", "clear"), [(ENGLISH, True), (GERMAN, False),
                                             (LIST_LIKE, False), ("Too short to tell.", False)])
def test_lang_shortcut_clearly_english(text: str, clear: bool) -> None:
    assert clearly_english(text) is clear


@pytest.mark.issue(16)
@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "en"), (GERMAN, "de")])
def test_lang_shortcut_keeps_decisions(text: str, language: str) -> None:
    assert detect_language(text) == language
