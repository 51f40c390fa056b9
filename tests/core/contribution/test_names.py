"""Party names inside every sentence of every phrasebook: articles, contractions, capitals."""

from __future__ import annotations

import re

import pytest

from app.core.contribution.names import PartyName, fill, long_date, party_name, phrase
from app.core.phrasebook import available_languages, load_phrasebook

# Per language: a name with an article, one without, one with an elided article.
NAMES = {
    "en": ("the EU", "Japan", "the Internet Society"),
    "fr": ("les États-Unis", "Israël", "l'Union européenne"),
    "es": ("los Estados Unidos", "Japón", "el Japón"),
}
# Sequences no sentence may contain once the name is in.
FORBIDDEN = {
    "en": (r"\bthe the\b", r"\bfrom The\b"),
    "fr": (r"\bde les\b", r"\bde le\b", r"\bà les\b", r"\bà le\b", r"\bde I", r"\bde l'U"),
    "es": (r"\bde el\b", r"\ba el\b"),
}


def _sentences(language: str) -> list[str]:
    book = load_phrasebook(language)
    every = book.keys()
    return sorted(k for k in every if "{party}" in book.template(k))


def test_every_phrasebook_has_sentences_with_a_party() -> None:
    for language in available_languages():
        assert {"contribution_heading", "refer_above"} <= set(_sentences(language))


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_phrase_with_every_kind_of_name(language: str) -> None:
    book = load_phrasebook(language)
    every = book.keys()
    keys = sorted(every - {"date_format"})
    for key in keys:
        for label in NAMES[language]:
            name = party_name(label, language)
            text = phrase(book, key, name, title="Our paper")
            assert "{" not in text and "}" not in text, (key, text)
            assert text[:1] == text[:1].upper(), (key, text)
            if "{party}" in book.template(key):
                assert name.bare in text, (key, text)
            for pattern in FORBIDDEN[language]:
                assert not re.search(pattern, text), (key, label, text)


@pytest.mark.parametrize(
    ("language", "label", "heading", "reference_tail"),
    [
        ("fr", "les États-Unis", "Contribution des États-Unis", "la contribution des États-Unis."),
        ("fr", "le Japon", "Contribution du Japon", "la contribution du Japon."),
        (
            "fr",
            "l'Union européenne",
            "Contribution de l’Union européenne",
            "de l’Union européenne.",
        ),
        ("fr", "la Suisse", "Contribution de la Suisse", "la contribution de la Suisse."),
        ("fr", "Israël", "Contribution d’Israël", "la contribution d’Israël."),
        ("fr", "Brésil", "Contribution de Brésil", "la contribution de Brésil."),
        ("es", "el Japón", "Contribución del Japón", "la contribución del Japón."),
        (
            "es",
            "los Estados Unidos",
            "Contribución de los Estados Unidos",
            "de los Estados Unidos.",
        ),
        ("en", "the EU", "Contribution from the EU", "the contribution from the EU."),
        ("en", "The Just Net Coalition", "Contribution from the Just Net Coalition", "Coalition."),
    ],
)
def test_headings_and_cross_references_contract_the_article(
    language: str, label: str, heading: str, reference_tail: str
) -> None:
    book = load_phrasebook(language)
    name = party_name(label, language)
    assert phrase(book, "contribution_heading", name) == heading
    assert phrase(book, "refer_above", name).endswith(reference_tail)


def test_the_bare_name_has_no_article() -> None:
    assert party_name("les États-Unis", "fr") == PartyName("les ", "États-Unis")
    assert party_name("l'Union européenne", "fr") == PartyName("l’", "Union européenne")
    assert party_name("The EU", "en") == PartyName("the ", "EU")
    assert party_name("los Estados Unidos", "es").bare == "Estados Unidos"
    assert party_name("Theodor Group", "en") == PartyName("", "Theodor Group")
    assert party_name("Le", "fr") == PartyName("", "Le")


def test_a_sentence_starting_with_the_name_gets_a_capital() -> None:
    assert fill("{party} welcomes this.", party_name("the EU", "en"), "en") == (
        "The EU welcomes this."
    )
    assert fill("{party} salue ce texte.", party_name("l'Union", "fr"), "fr") == (
        "L’Union salue ce texte."
    )
    assert fill("Merci à {party}.", party_name("les États-Unis", "fr"), "fr") == (
        "Merci aux États-Unis."
    )
    assert fill("Gracias a {party}.", party_name("el Japón", "es"), "es") == "Gracias al Japón."


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "2 December 2026"), ("fr", "2 décembre 2026"), ("es", "2 de diciembre de 2026")],
)
def test_dates_are_written_in_the_language(language: str, expected: str) -> None:
    assert long_date("2026-12-02", load_phrasebook(language)) == expected
    assert long_date("early December", load_phrasebook(language)) == "early December"
