"""Setting the submission deadline: a date and time in the user's own time zone, or none."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

logger = logging.getLogger(__name__)


def to_qt(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.utc()).toLocalTime()


def from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC)


class DeadlineDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: datetime | None, now: datetime) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Submission deadline"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        prompt = QLabel(
            self.tr(
                "When must the contribution reach the secretariat? The window shows the "
                "time left and warns a day and an hour before."
            )
        )
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.enabled = QCheckBox(self.tr("&There is a deadline"))
        self.enabled.setChecked(current is not None)
        layout.addWidget(self.enabled)
        self.when = QDateTimeEdit(to_qt(current or (now + timedelta(days=7))))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setEnabled(current is not None)
        layout.addWidget(self.when)
        zone = QLabel(self.tr("In this computer's time zone."))
        layout.addWidget(zone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.enabled.toggled.connect(self.when.setEnabled)

    def data(self) -> datetime | None:
        return from_qt(self.when.dateTime()) if self.enabled.isChecked() else None

    @classmethod
    def get_data(
        cls, parent: QWidget | None, current: datetime | None, now: datetime
    ) -> tuple[datetime | None, bool]:
        """``(deadline or None, accepted)``; tests replace this to answer without a modal loop."""
        dialog = cls(parent, current, now)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.data(), accepted
