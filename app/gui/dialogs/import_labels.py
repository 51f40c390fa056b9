"""Confirming who each imported document comes from, before it joins the project.

The label is guessed from the document's own title or symbol, or its file
name (never from author metadata, which names a secretary or a company PC);
a wrong guess would name a whole section of the contribution
("Contribution from …"), so the user sees and can edit every guess, and
chooses whether the document is a submission to answer or a reference.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LabelChoice:
    filename: str
    label: str
    kind: str  # "submission" or "reference"


class ImportLabelsDialog(QDialog):
    """One row per document: its label (wide enough to read), its kind, the heading it makes."""

    def __init__(
        self, parent: QWidget | None, guesses: list[LabelChoice], heading: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self.setMinimumWidth(620)
        self.guesses = guesses
        self.heading = heading or self.tr("Contribution from {party}")
        outer = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Check who each document comes from: the label names its section of our "
                "contribution. A document we only quote is a reference."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setColumnStretch(0, 1)
        self.labels: list[QLineEdit] = []
        self.kinds: list[QComboBox] = []
        self.previews: list[QLabel] = []
        for number, guess in enumerate(guesses):
            name = QLabel(f"<b>{escape(guess.filename)}</b>")
            name.setTextFormat(Qt.TextFormat.RichText)
            edit = QLineEdit(guess.label)
            edit.setMinimumWidth(320)
            edit.setPlaceholderText(self.tr("Party or author, e.g. European Union"))
            edit.setAccessibleName(self.tr("Label of {name}").format(name=guess.filename))
            kind = QComboBox()
            kind.addItem(self.tr("Submission (to answer)"), "submission")
            kind.addItem(self.tr("Reference (to quote)"), "reference")
            kind.setCurrentIndex(max(0, kind.findData(guess.kind)))
            preview = QLabel()
            preview.setWordWrap(True)
            row = number * 3
            grid.addWidget(name, row, 0, 1, 2)
            grid.addWidget(edit, row + 1, 0)
            grid.addWidget(kind, row + 1, 1)
            grid.addWidget(preview, row + 2, 0, 1, 2)
            self.labels.append(edit)
            self.kinds.append(kind)
            self.previews.append(preview)
            edit.textChanged.connect(self._update)
            kind.currentIndexChanged.connect(lambda _i: self._update())
        grid.setRowStretch(len(guesses) * 3, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        outer.addWidget(scroll)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        for edit, kind, preview in zip(self.labels, self.kinds, self.previews, strict=True):
            label = " ".join(edit.text().split())
            if not label:
                preview.setText(
                    "<span style='color:#c01c28'>"
                    + escape(self.tr("A label is needed: who wrote this document?"))
                    + "</span>"
                )
            elif kind.currentData() == "reference":
                preview.setText(
                    escape(
                        self.tr("Quoted as “{label}”; no section of its own.").format(label=label)
                    )
                )
            else:
                heading = self.heading.format(party=label)
                preview.setText(escape(self.tr("Heading: {heading}").format(heading=heading)))
        ok = all(edit.text().strip() for edit in self.labels)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        if all(edit.text().strip() for edit in self.labels):  # Enter never accepts a blank
            super().accept()

    def data(self) -> list[LabelChoice]:
        return [
            LabelChoice(guess.filename, " ".join(edit.text().split()), str(kind.currentData()))
            for guess, edit, kind in zip(self.guesses, self.labels, self.kinds, strict=True)
        ]

    @classmethod
    def get_data(
        cls, parent: QWidget | None, guesses: list[LabelChoice]
    ) -> tuple[list[LabelChoice], bool]:
        dialog = cls(parent, guesses)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.data(), accepted
