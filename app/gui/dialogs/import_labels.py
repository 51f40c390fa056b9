"""Confirming who each imported document comes from, before it joins the project.

The label is guessed from the document (its author or title) or its file
name; a wrong guess would name a whole section of the contribution
("Contribution from …"), so the user sees and can edit every guess, and
chooses whether the document is a submission to answer or a reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class LabelChoice:
    filename: str
    label: str
    kind: str  # "submission" or "reference"


class ImportLabelsDialog(QDialog):
    def __init__(self, parent: QWidget | None, guesses: list[LabelChoice]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self.setMinimumWidth(560)
        self.guesses = guesses
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("Check who each document comes from; the label names its section."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        holder = QWidget()
        form = QFormLayout(holder)
        self.labels: list[QLineEdit] = []
        self.kinds: list[QComboBox] = []
        for guess in guesses:
            edit = QLineEdit(guess.label)
            kind = QComboBox()
            kind.addItem(self.tr("Submission (to answer)"), "submission")
            kind.addItem(self.tr("Reference (to quote)"), "reference")
            kind.setCurrentIndex(max(0, kind.findData(guess.kind)))
            row = QHBoxLayout()
            row.addWidget(edit, 2)
            row.addWidget(kind, 1)
            form.addRow(guess.filename, row)
            self.labels.append(edit)
            self.kinds.append(kind)
            edit.textChanged.connect(self._update)
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
        ok = all(edit.text().strip() for edit in self.labels)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def data(self) -> list[LabelChoice]:
        return [
            LabelChoice(guess.filename, edit.text().strip(), str(kind.currentData()))
            for guess, edit, kind in zip(self.guesses, self.labels, self.kinds, strict=True)
        ]

    @classmethod
    def get_data(
        cls, parent: QWidget | None, guesses: list[LabelChoice]
    ) -> tuple[list[LabelChoice], bool]:
        dialog = cls(parent, guesses)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.data(), accepted
