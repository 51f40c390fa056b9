"""Phrasebooks: the same keys in every language, English as the fallback."""

from __future__ import annotations

import json

import pytest

from app.core.phrasebook import PHRASEBOOK_DIR, available_languages, load_phrasebook


def _keys(language: str) -> dict[str, set[str]]:
    data = json.loads((PHRASEBOOK_DIR / f"{language}.json").read_text(encoding="utf-8"))
    return {group: set(data[group]) for group in ("lead_ins", "snippets", "labels")}


def test_all_phrasebooks_have_the_same_keys() -> None:
    languages = available_languages()
    assert {"en", "fr", "es"} <= set(languages)
    english = _keys("en")
    for language in languages:
        assert _keys(language) == english, language


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_placeholders_and_required_phrases(language: str) -> None:
    book = load_phrasebook(language)
    assert book.language == language
    assert "Ruritania" in book.text("contribution_heading", party="Ruritania")
    assert "Ruritania" in book.text("refer_above", party="Ruritania")
    assert "“…”" in book.text("strongly_disagree") or "«" in book.text("strongly_disagree")
    for key in (
        "cite_portions",
        "highlight_parts",
        "highlight_this_part",
        "comment_statements",
        "offer_comments",
        "support_paper",
        "agree",
        "disagree",
    ):
        assert book.text(key).strip()


def test_known_wordings() -> None:
    assert (
        load_phrasebook("en").text("cite_portions")
        == "We cite the following portions of this paper:"
    )
    assert load_phrasebook("en").text("strongly_disagree", title="Enhanced Cooperation") == (
        "We strongly disagree, for the reasons given in our paper “Enhanced Cooperation”."
    )
    assert load_phrasebook("fr").text("agree") == "Nous sommes d’accord."
    assert load_phrasebook("fr").text("cite_portions").endswith("\u00a0:")
    assert (
        load_phrasebook("es").text("contribution_heading", party="México")
        == "Contribución de México"
    )


def test_fallback_to_english() -> None:
    assert load_phrasebook("de").language == "en"
    assert load_phrasebook("fr-CH").language == "fr"
    assert load_phrasebook("").text("agree") == "We agree."
