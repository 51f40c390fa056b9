"""Naming the parties at import (issue 10 §6, the dialog): readable, previewed, never blank."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.gui.dialogs.import_labels import ImportLabelsDialog, LabelChoice


def _dialog(qtbot: Any, label: str = "Republic of Arcadia") -> ImportLabelsDialog:
    long_name = "A-RES-73-3-resolution-adopted-by-the-general-assembly-on-17-october-2018.pdf"
    dialog = ImportLabelsDialog(None, [LabelChoice(long_name, label, "submission")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_label_field_is_wide_enough_to_read(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    edit = dialog.labels[0]
    assert edit.width() >= 300
    assert edit.width() >= edit.fontMetrics().horizontalAdvance("Centre for Internet and Society")


def test_preview_shows_the_heading(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    assert "Contribution from Republic of Arcadia" in dialog.previews[0].text()
    dialog.labels[0].setText("European  Union ")
    assert "Contribution from European Union" in dialog.previews[0].text()
    dialog.kinds[0].setCurrentIndex(dialog.kinds[0].findData("reference"))
    assert "Contribution from" not in dialog.previews[0].text()


def test_an_empty_label_is_refused(qtbot: Any) -> None:
    dialog = _dialog(qtbot, "")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "label is needed" in dialog.previews[0].text()
    qtbot.keyClick(dialog.labels[0], Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    dialog.labels[0].setText("   ")
    dialog.accept()
    assert dialog.isVisible()
    dialog.labels[0].setText("Federation of Borealis")
    assert ok.isEnabled()
    assert dialog.data()[0].label == "Federation of Borealis"
    dialog.reject()
