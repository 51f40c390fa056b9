"""The Qt binding the project installs must not corrupt Python's reference counts.

PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to ``None`` on
every call of a void C++ method, and a long session aborted with
"deallocating None". pyproject.toml excludes that release; this test fails if
a release with the same bug is ever installed.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
