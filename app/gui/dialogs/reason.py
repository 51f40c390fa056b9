"""Asking why: a status moved back, a proposal declined. The others read the answer later."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

logger = logging.getLogger(__name__)


class ReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, required: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.required = required
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit()
        self.text.setMaximumHeight(100)
        label.setBuddy(self.text)
        layout.addWidget(self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.required or bool(self.reason()))

    def reason(self) -> str:
        return " ".join(self.text.toPlainText().split())

    @classmethod
    def get_data(
        cls, parent: QWidget | None, title: str, prompt: str, required: bool = True
    ) -> tuple[str, bool]:
        """``(reason, accepted)``; tests replace this to answer without a modal loop."""
        dialog = cls(parent, title, prompt, required)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.reason(), accepted
