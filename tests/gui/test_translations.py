"""The interface in French and Spanish (issue 10 §9): complete, compiled, chosen, not cut off."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.gui import i18n
from tests.gui.i18n_catalog import FORMS, LANGUAGES, TRANSLATIONS, messages, read_ts

PLACEHOLDER = re.compile(r"\{\w*\}")


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_has_a_translation(language: str) -> None:
    known = read_ts(TRANSLATIONS / f"rejoinder_{language}.ts")
    catalogue = messages()
    assert len(catalogue) > 300
    missing = [m for m in catalogue if not known.get(m, "").strip()]
    assert not missing, f"{len(missing)} strings without a {language} translation: {missing[:5]}"
    for context, source in catalogue:
        for text in known[(context, source)].split(FORMS):  # each plural form, or the one text
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
            assert _mnemonics(text) == _mnemonics(source), (source, text)


def _compile(tmp_path: Path, language: str) -> Path:
    target = tmp_path / f"rejoinder_{language}.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [
            str(lrelease),
            "-silent",
            str(TRANSLATIONS / f"rejoinder_{language}.ts"),
            "-qm",
            str(target),
        ],
        check=True,
        timeout=120,
    )
    return target


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    built = {language: _compile(tmp_path, language) for language in (*LANGUAGES, "en")}
    monkeypatch.setattr(i18n, "catalogue", lambda language: built[language])
    yield
    i18n.install(QCoreApplication.instance(), "en")


def test_language_follows_settings_then_system() -> None:
    assert i18n.interface_language("", "fr_CH") == "fr"
    assert i18n.interface_language("", "de_DE") == "en"
    assert i18n.interface_language("es", "fr_FR") == "es"
    assert i18n.interface_language("", "es_AR") == "es"


def test_catalogues_compile_and_load(qapp: QApplication, compiled: None) -> None:
    assert i18n.install(qapp, "fr")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    assert QCoreApplication.translate("RichEdit", "Bold") == "Gras"
    assert i18n.install(qapp, "es")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    assert i18n.install(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_counts_take_each_languages_plural_forms(qapp: QApplication, compiled: None) -> None:
    """ "1 similar passages" no more: Qt's %n picks the form by each language's rule."""
    message = "%n similar passage(s) in other sources, best first."
    said = {}
    for language in ("en", "fr", "es"):
        assert i18n.install(qapp, language)
        said[language] = [
            QCoreApplication.translate("SimilarPanel", message, "", n) for n in (0, 1, 2)
        ]
    assert said["en"] == [
        "0 similar passages in other sources, best first.",
        "1 similar passage in other sources.",
        "2 similar passages in other sources, best first.",
    ]
    assert said["fr"] == [  # French: 0 and 1 are singular
        "0 passage semblable dans les autres sources.",
        "1 passage semblable dans les autres sources.",
        "2 passages semblables dans les autres sources, les plus proches d’abord.",
    ]
    assert said["es"] == [
        "0 pasajes parecidos en otras fuentes, los más cercanos primero.",
        "1 pasaje parecido en otras fuentes.",
        "2 pasajes parecidos en otras fuentes, los más cercanos primero.",
    ]


def cut_off(window: QWidget) -> list[str]:
    """Visible labels and buttons narrower than their text needs, or clipped at the side
    by a scroll area (a dock narrower than its panel)."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0 or widget.visibleRegion().isEmpty():
            continue
        if not isinstance(widget, (QLabel, QPushButton, QToolButton, QCheckBox)):
            continue
        text = widget.text()
        if not text:
            continue
        need = (
            widget.width()
            if isinstance(widget, QLabel) and widget.wordWrap()
            else (widget.minimumSizeHint().width())
        )
        shown = min(widget.width(), widget.visibleRegion().boundingRect().width())
        if shown + 1 < min(need, widget.width()) or widget.width() + 1 < need:
            problems.append(f"{type(widget).__name__} “{text}”: {shown} of {need} px shown")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_window_at_1366_by_768_cuts_nothing_off(
    qapp: QApplication, qtbot: Any, compiled: None, tmp_path: Path, language: str, messages: Any
) -> None:
    from app.core.demo import create_demo
    from app.gui.main_window import MainWindow

    assert i18n.install(qapp, language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.setWindowState(window.windowState() & ~window.windowState())
    window.resize(1366, 768 - 30)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_project(create_demo(tmp_path), remember=False)
    window.resize(1366, 768 - 30)
    qtbot.wait(200)
    assert window.file_menu.title() == QCoreApplication.translate("MainWindow", "&File")
    assert window.file_menu.title() != "&File"
    assert window.workspace.editor.status.itemText(0) != "Draft"
    problems = cut_off(window)
    assert not problems, problems
    window.close()


def test_cut_off_check_sees_a_squeezed_button(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    button = QPushButton("Exporter la contribution", holder)
    button.setFixedWidth(40)
    holder.show()
    qtbot.waitExposed(holder)
    assert cut_off(holder)
    button.setFixedWidth(button.sizeHint().width() + 10)
    holder.resize(button.width() + 20, 60)
    qtbot.wait(20)
    assert not cut_off(holder)
