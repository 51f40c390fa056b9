"""Guessing a source's language from its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.language import detect_language, word_language_tag

TEXTS = {
    "en": "The Working Group should consider how the Internet is governed and by whom, "
    "and we think that cooperation has been implemented to a substantial extent.",
    "fr": "Le Groupe de travail devrait examiner la manière dont l'Internet est gouverné, "
    "et nous pensons que la coopération renforcée est une question pour tous les États.",
    "es": "El Grupo de Trabajo debería examinar cómo se gobierna la Internet y por quién, "
    "y creemos que la cooperación se ha aplicado en una medida sustancial para los Estados.",
    "ru": "Рабочая группа должна рассмотреть вопрос о том, как управляется Интернет.",
    "zh": "工作组应审议互联网如何治理以及由谁治理的问题。",
    "ar": "ينبغي للفريق العامل أن ينظر في كيفية إدارة الإنترنت ومن يديرها.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_each_language_is_recognised(language: str) -> None:
    assert detect_language(TEXTS[language]) == language


def test_too_little_text_is_unknown() -> None:
    assert detect_language("") == ""
    assert detect_language("1. 2. 3.") == ""
    assert detect_language("Annex") == ""


def test_word_tags() -> None:
    assert word_language_tag("en") == "en-GB"
    assert word_language_tag("fr") == "fr-FR"
    assert word_language_tag("pt-BR") == "pt-BR"
    assert word_language_tag("") == ""


def test_a_source_gets_its_language_at_import_and_it_can_be_corrected(tmp_path: Path) -> None:
    from app.core.contribution import read_project
    from app.core.services.sources import set_source_language
    from app.core.store import ProjectStore
    from tests.core.factories import add_text_source

    with ProjectStore.create(
        tmp_path / "p.rejoinder", title="T", organisation="O", language="fr"
    ) as store:
        source = add_text_source(store, TEXTS["en"], label="Japon")
        assert read_project(store).sources[source].language == "en"
        set_source_language(store, source, "es")
        assert read_project(store).sources[source].language == "es"
        with pytest.raises(InvalidInputError):
            set_source_language(store, source, "not a code")
