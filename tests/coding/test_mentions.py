"""Dictionary mentions: surface forms as news text prints them (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dyadwatch.coding.mentions import _build_matchers, printed_variants, tokenised_forms


class _Forms:
    """A lookup with only surface forms: (form, case-sensitive, entry id)."""

    def __init__(self, forms: list[tuple[str, bool, str]]) -> None:
        self.forms = forms

    def surface_forms(self) -> Iterator[tuple[str, bool, str]]:
        return iter(self.forms)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("form", "sensitive", "variants"), [
    ("People's Army of Ruritania", False, ("People's Army of Ruritania",
                                           "People\u2019s Army of Ruritania")),
    ("Borduria", False, ("Borduria",)),
    ("de Vries", True, ("de Vries", "De Vries")),
    ("al-Ma'ruf", True, ("al-Ma'ruf", "Al-Ma'ruf", "al-Ma\u2019ruf", "Al-Ma\u2019ruf")),
    ("de facto", False, ("de facto",)),
])
def test_mentions_printed_variants(form: str, sensitive: bool,
                                   variants: tuple[str, ...]) -> None:
    assert printed_variants(form, sensitive) == variants


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", [
    "Gunners of the People\u2019s Army of Ruritania shelled the border.",
    "Gunners of the People's Army of Ruritania shelled the border.",
    "Aide Al-Mu\u2019allim spoke.",
    "De Vries spoke first.",
])
def test_mentions_curly_apostrophe_matches_the_form(text: str) -> None:
    """A name printed with a curly apostrophe is found like the dictionary's straight one."""
    import spacy

    lookup = _Forms([("People's Army of Ruritania", False, "RURMIL"),
                     ("Al-Mu'allim", True, "BORGOV"),
                     ("de Vries", True, "BORGOV")])
    nlp = spacy.blank("en")
    doc = nlp(text)
    matches = [m for matcher in _build_matchers(tokenised_forms(lookup), nlp.vocab)
               for m in matcher(doc)]
    assert len(matches) == 1


@pytest.mark.issue(14)
@pytest.mark.parametrize(("text", "inside"), [
    ('Roe said: "Taxes hurt. "Doe is a fine minister." And he left.',
     ["Taxes", "hurt", ".", "Doe", "is", "a", "fine", "minister", "."]),
    ('He said "no" and left. "Yes," she replied.', ["no", "Yes", ","]),
])
def test_mentions_quotation_reopened_after_a_sentence(text: str, inside: list[str]) -> None:
    import spacy

    from dyadwatch.coding.actor_words import quoted_tokens

    doc = spacy.blank("en")(text)
    assert [doc[i].text for i in sorted(quoted_tokens(doc))] == inside
