"""Showing failures: a message for errors a user caused, a copyable report for bugs.

Every dialog that reports a problem goes through here (novelWriter's
``error()`` helper), so tests patch one place and users see one style.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import RejoinderError

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def show_message(parent: QWidget | None, text: str, *, warning: bool = True) -> None:
    """A plain message box; tests patch ``QMessageBox.exec`` to read ``text``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("Rejoinder"))
    box.setText(text)
    box.exec()


def ask(parent: QWidget | None, text: str) -> bool:
    """A yes/no question; True for yes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Rejoinder"))
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return bool(box.exec() == QMessageBox.StandardButton.Yes)


ErrorHandler = Callable[[RejoinderError], bool]
_handlers: list[ErrorHandler] = []


def add_error_handler(handler: ErrorHandler) -> None:
    """``handler`` sees each user error first; returning True means it dealt with it."""
    _handlers.append(handler)


def remove_error_handler(handler: ErrorHandler) -> None:
    if handler in _handlers:
        _handlers.remove(handler)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A RejoinderError is the user's to fix: show its message. Anything else is a bug."""
    if isinstance(exc, RejoinderError) and any(handler(exc) for handler in reversed(_handlers)):
        return
    if isinstance(exc, RejoinderError):
        show_message(parent, str(exc))
        return
    report = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    CrashDialog(report, None, parent).exec()


class CrashDialog(QDialog):
    """The report of an unexpected error, selectable and with a Copy button."""

    def __init__(self, report: str, report_path: Path | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rejoinder ran into a problem"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = self.tr(
            "Something went wrong that Rejoinder did not expect. Your project is safe: "
            "every change was saved when you made it. Please send this report to support."
        )
        if report_path is not None:
            intro += "\n" + self.tr("The report was also saved as {path}.").format(
                path=str(report_path)
            )
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy report"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())


def install_excepthook(log_dir: Path) -> None:
    """Unhandled exceptions write a crash report and show it instead of vanishing."""
    from app.logsetup import crash_report_text, write_crash_report

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        try:
            path: Path | None = write_crash_report(exc_type, exc, tb, log_dir)
        except OSError:
            path = None
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        CrashDialog(crash_report_text(exc_type, exc, tb), path, None).exec()

    sys.excepthook = hook
