"""Core's messages follow the interface's language: a French window shows French errors."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import i18n
from app.core.errors import InvalidInputError, NotFoundError, NothingToUndoError
from app.core.journal import replay
from app.core.services import passages, responses
from app.core.store import ProjectStore
from tests.core import i18n_catalog
from tests.core.factories import add_text_source, make_project

LANGUAGES = ("fr", "es")


@pytest.fixture
def french() -> Iterator[None]:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProjectStore]:
    with make_project(tmp_path / "p.rejoinder") as opened:
        yield opened


def test_common_errors_in_french(store: ProjectStore, french: None) -> None:
    with pytest.raises(NothingToUndoError, match=r"^Il n’y a rien à annuler\.$"):
        replay.undo(store)
    with pytest.raises(NotFoundError, match="Il n’y a pas de passage avec l’identifiant « zz »"):
        responses.respond(store, "zz", "Text")
    passage = passages.cite_quote(store, add_text_source(store), "transparency")
    with pytest.raises(InvalidInputError, match="« brouillon » doit être proposée"):
        responses.respond(store, passage, "Text", status="agreed")


def test_english_by_default_and_back(store: ProjectStore) -> None:
    i18n.set_language("fr")
    i18n.set_language("en")
    with pytest.raises(NothingToUndoError, match=r"^There is nothing to undo\.$"):
        replay.undo(store)
    i18n.set_language("xx")  # no catalogue: English, never an error
    with pytest.raises(NothingToUndoError, match=r"^There is nothing to undo\.$"):
        replay.undo(store)
    i18n.set_language("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_is_in_step_with_its_po(language: str) -> None:
    """The .mo is committed: it must say what the .po says (test_core_messages: all of it)."""
    catalogue = [m for m in i18n_catalog.read(language) if m.id]
    expected = {str(m.id): str(m.string) for m in catalogue if not m.pluralizable}
    # a counted message: its forms for 1 and 2 (French and Spanish have two, split there)
    counted = {tuple(m.id): tuple(m.string or ()) for m in catalogue if m.pluralizable}
    with open(i18n_catalog.po_path(language).with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert {k: compiled.gettext(k) for k in expected} == expected, "run `make core-catalogues`"
    assert {
        (one, many): tuple(compiled.ngettext(one, many, n) for n in (1, 2)) for one, many in counted
    } == counted, "run `make core-catalogues`"
    assert counted and all(expected.values()) and all(all(forms) for forms in counted.values())


def test_the_command_lines_language_comes_from_settings_then_the_environment() -> None:
    assert i18n.user_language("es", {"LANG": "fr_FR.UTF-8"}) == "es"
    assert i18n.user_language("", {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.user_language("", {"LANGUAGE": "de:es", "LANG": "fr_FR.UTF-8"}) == "es"
    assert i18n.user_language("", {"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}) == "en"
    assert i18n.user_language("", {"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.user_language("", {}) == "en"


def test_opening_and_undo_refusals_in_french(
    tmp_path: Path, store: ProjectStore, french: None
) -> None:
    from sqlalchemy import update

    from app.core.errors import NotAProjectError, UndoConflictError
    from app.core.models import Section
    from app.core.services import sections

    other = tmp_path / "notes.rejoinder"
    other.write_bytes(b"not a database at all" * 10)
    with pytest.raises(
        NotAProjectError, match=r"« notes\.rejoinder » n’est pas un fichier de projet"
    ):
        ProjectStore.open(other)
    section = sections.add_section(store, "Privacy")
    with store.write(record=False) as session:  # a colleague's change, merged since
        session.execute(update(Section).where(Section.id == section).values(heading="Vie privée"))
    with pytest.raises(UndoConflictError, match=r"ne peut pas être annulé : une section a changé"):
        replay.undo(store)
