"""GUI test fixtures: no modal loop ever blocks, no thread outlives its test.

Following novelWriter's practice: ``QMessageBox.exec`` and the file dialogs are
patched (the texts shown are recorded in ``messages``), the thread pools are
drained before a window closes, and leftover top-level windows fail the test.
"""

from __future__ import annotations

import sys
import threading
import traceback
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from app.core import journal
from app.core.store import ProjectStore
from app.gui import workers
from app.gui.context import ProjectContext
from app.gui.dialogs.import_labels import ImportLabelsDialog, LabelChoice
from app.gui.errors import CrashDialog


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[None]:
    """The collector runs on the GUI thread only, as in the application (app.gui.collector).

    Per test, so that the tests outside tests/gui run by the same process find it as usual.
    """
    from app.gui.collector import GuiThreadCollector

    collector = GuiThreadCollector(qapp)
    collector.start()
    yield
    collector.stop()


class Messages(list[str]):
    """Texts of the message boxes shown; ``answer`` is what ``exec`` returns.

    The import-labels dialog is accepted with its guesses (kept in ``labels``).
    """

    answer = QMessageBox.StandardButton.Yes
    labels: list[LabelChoice] | None = None  # what the import-labels dialog proposed


class FileDialogs:
    """What the patched file dialogs return, queued per call."""

    def __init__(self) -> None:
        self.save: list[str] = []
        self.open: list[str] = []
        self.open_many: list[list[str]] = []


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    shown = Messages()

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(shown.answer.value)

    def fake_crash(dialog: CrashDialog) -> int:
        shown.append("CRASH: " + dialog.text.toPlainText())
        return 0

    def accept_labels(dialog: ImportLabelsDialog) -> int:
        shown.labels = dialog.data()
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(CrashDialog, "exec", fake_crash)
    monkeypatch.setattr(ImportLabelsDialog, "exec", accept_labels)
    return shown


@pytest.fixture
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    queued = FileDialogs()

    def save(*_a: Any, **_k: Any) -> tuple[str, str]:
        return (queued.save.pop(0) if queued.save else "", "")

    def open_one(*_a: Any, **_k: Any) -> tuple[str, str]:
        return (queued.open.pop(0) if queued.open else "", "")

    def open_many(*_a: Any, **_k: Any) -> tuple[list[str], str]:
        return (queued.open_many.pop(0) if queued.open_many else [], "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_one))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_many))
    return queued


@pytest.fixture
def window(qtbot: Any, messages: Messages, file_dialogs: FileDialogs) -> Iterator[Any]:
    from app.gui import i18n
    from app.gui.main_window import MainWindow

    # As the application starts (app.gui.application): English's catalogue holds the
    # plural forms of the %n messages, "1 note", "2 notes", not the source's "note(s)".
    i18n.install(QApplication.instance(), "en")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    # Shortcuts (Ctrl+Shift+C) only reach an active window; on a loaded machine
    # activation lags behind show(), so wait for it rather than race it.
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.isActiveWindow, timeout=10_000)
    yield win
    workers.wait_for_all()
    win.close()


@pytest.fixture(autouse=True)
def no_leftover_windows(qapp: QApplication) -> Iterator[None]:
    yield
    workers.wait_for_all()
    QApplication.processEvents()
    leftovers = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.objectName() != "MainWindow" and w.windowType().name != "Popup"
    ]
    for w in leftovers:
        w.close()
    assert not leftovers, f"windows left open: {leftovers}"


GUI_CODE = str(Path(__file__).resolve().parents[2] / "app" / "gui")


def _from_gui() -> bool:
    """Whether code of the window (app/gui) is on the current call stack."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith(GUI_CODE):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


@pytest.fixture(autouse=True)
def writes_only_through_the_operation_helper(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every write the window makes runs inside the one operation helper (issue 13).

    A project write reached from app/gui code with no :class:`ProjectOperation`
    collecting its changes on that thread is a write path around the helper:
    its changes would reach no view and its step no Undo label. The test that
    made it fails, naming where it came from. Counted are the writes to a
    project open in a window: not those a test makes itself to set a project
    up (no app/gui code on the stack), not the opening of a file before its
    window shows it (the member's own row), not the making of a new file (the
    demo). A write the journal does not record (undo and redo themselves, an
    index of the text) must at least stay off the GUI thread.
    """
    original = ProjectStore.write
    original_context = ProjectContext.__init__
    shown: weakref.WeakSet[ProjectStore] = weakref.WeakSet()  # projects open in a window
    strays: list[str] = []

    def context(self: ProjectContext, store: ProjectStore, *args: Any, **kwargs: Any) -> None:
        shown.add(store)
        original_context(self, store, *args, **kwargs)

    def write(self: ProjectStore, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("record", True):
            stray = not journal.collecting()
        else:  # a cache (the search index) may be built on a reading thread, never on the GUI's
            stray = threading.current_thread() is threading.main_thread()
        if stray and self in shown and _from_gui():
            strays.append("".join(traceback.format_stack(limit=12)))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ProjectContext, "__init__", context)
    monkeypatch.setattr(ProjectStore, "write", write)
    yield
    assert not strays, "a write outside the operation helper:\n" + strays[0]


def settle() -> None:
    """Let background work (every write of the window) finish and its results reach the GUI.

    A result's callback may start the next operation (save, then set the
    status), so this waits until nothing is running any more.
    """
    for _ in range(200):
        workers.wait_for_all()
        QApplication.processEvents()
        if not workers._running:
            return
        QTest.qWait(10)
    raise AssertionError(f"background work still running: {workers._running}")


def drain(qtbot: Any) -> None:
    """:func:`settle`, for tests that hold a ``qtbot``."""
    settle()


def undo_redo_exact(window: Any, action: Callable[[], object]) -> str:
    """Run ``action``; undo must restore the dump before it, redo the dump after it."""
    from app.core import dump

    store = window.ctx.store
    before = dump.dumps(store)
    action()
    settle()
    after = dump.dumps(store)
    assert after != before, "the action changed nothing"
    window.workspace.undo_action.trigger()
    settle()
    assert dump.dumps(store) == before
    window.workspace.redo_action.trigger()
    settle()
    assert dump.dumps(store) == after
    return after


def make_project(tmp_path: Path, name: str = "p") -> Path:
    from app.core.store import ProjectStore

    path = tmp_path / f"{name}.rejoinder"
    ProjectStore.create(path, title="Test project", organisation="Us").close()
    return path
