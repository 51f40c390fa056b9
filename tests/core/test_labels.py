"""A journal label is stored in English and shown in the reader's language, names kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core import i18n, labels

NBSP = "\u00a0"


@pytest.fixture
def french() -> Iterator[None]:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_fixed_and_named_labels_in_french(french: None) -> None:
    assert labels.shown("Add section") == "Ajouter une section"
    stored = labels.MERGE.format(name="Copie de Léa.rejoinder")
    assert stored == "Merge “Copie de Léa.rejoinder”"  # the journal keeps English
    assert labels.shown(stored) == f"Fusionner «{NBSP}Copie de Léa.rejoinder{NBSP}»"
    assert labels.shown(labels.GIVE_ROLE.format(login="lea", role="editor")) == (
        "Donner à lea le rôle editor"
    )
    assert labels.shown(labels.REVISED_EXPORT.format(revision=2)) == (
        "Enregistrer l’export final Rev.2"
    )


def test_an_unknown_label_and_english_stay_as_stored(french: None) -> None:
    assert labels.shown("Something a newer version wrote") == "Something a newer version wrote"
    i18n.set_language("en")
    assert labels.shown(labels.MERGE.format(name="x")) == "Merge “x”"
