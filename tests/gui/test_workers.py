"""The background helper: results reach the GUI thread, or are dropped quietly when nobody waits.

Closing the window (or quitting) while a long read runs — a preflight of a
20,000-passage project, say — deletes the object that would receive the
result. The worker must then drop the result, not raise into the crash
dialog (which, being modal, kept the application from quitting).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6

from app.gui import workers
from app.gui.workers import Operation
from tests.gui.conftest import drain, make_project, settle


def test_a_result_reaches_the_gui_thread(qtbot: Any) -> None:
    got: list[int] = []
    Operation(None, lambda _progress: 42).success(got.append).run_in_background()
    drain(qtbot)
    qtbot.waitUntil(lambda: got == [42])


def test_a_result_with_nobody_to_receive_it_is_dropped_quietly(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: hooked.append(exc))
    release = threading.Event()

    def work(progress: Any) -> int:
        release.wait(10)
        progress(1, 2)
        return 1

    operation: Operation[int] = Operation(None, work)
    operation.run_in_background()
    shiboken6.delete(operation._signals)  # what closing the window does to it
    release.set()
    assert workers.wait_for_all()
    workers._running.discard(operation)
    assert hooked == []


def test_the_callbacks_of_a_deleted_widget_are_not_called(qtbot: Any) -> None:
    """A panel closed while its read runs: its callbacks would touch deleted Qt objects."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    release = threading.Event()
    called: list[str] = []
    operation: Operation[int] = Operation(widget, lambda _progress: int(release.wait(10)))
    operation.success(lambda _r: called.append("success")).finally_(
        lambda: called.append("finally")
    ).run_in_background()
    shiboken6.delete(widget)
    release.set()
    drain(qtbot)
    qtbot.waitUntil(lambda: operation not in workers._running)
    assert called == []


def test_a_project_operation_writes_off_the_gui_thread_and_the_views_follow(
    window: Any, tmp_path: Path, qtbot: Any
) -> None:
    from app.core.services import sources
    from app.gui.writer import ProjectOperation
    from app.importers.text import import_text

    assert window.open_project(make_project(tmp_path))
    ctx, ws = window.ctx, window.workspace
    applied: list[Any] = []
    ctx.applied.connect(applied.append)
    threads: list[threading.Thread] = []
    text = "A paper on enhanced cooperation.\n"

    def work(_progress: Any) -> str:
        threads.append(threading.current_thread())
        return sources.add_source(
            ctx.store, import_text(text), text.encode(), filename="a.txt", label="Arcadia"
        )

    added: list[str] = []
    operation = ProjectOperation(window, ctx, work).success(added.append)
    operation.run_in_background()
    drain(qtbot)
    qtbot.waitUntil(lambda: bool(added))
    assert threads and threads[0] is not threading.main_thread()
    assert added[0] in operation.changes.of("source")
    assert applied and applied[0] is operation.changes
    assert [info.label for info in ws.sources.infos] == ["Arcadia"]
    assert ws.undo_action.isEnabled() and ws.undo_action.text().endswith("Import source")


def test_a_refused_command_shows_why_and_changes_nothing(
    window: Any, tmp_path: Path, messages: Any
) -> None:
    from app.core import dump
    from app.core.services import sections
    from app.gui import commands

    assert window.open_project(make_project(tmp_path))
    ctx = window.ctx
    before = dump.dumps(ctx.store)
    done: list[object] = []
    command = commands.SectionEdit(ctx, "Move", lambda: sections.move_section(ctx.store, "nope", 0))
    commands.push(window, ctx, command, done.append)
    settle()
    assert not done and command.error is not None
    assert dump.dumps(ctx.store) == before
    assert messages and "nope" in messages[-1]


def test_a_finished_operations_signals_are_deleted_by_the_gui_thread(qtbot: Any) -> None:
    """Not left to Python's collector, which may run on a pool thread (the window hung)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    got: list[int] = []
    operation = Operation(None, lambda _progress: 7, pool_name="files").success(got.append)
    operation.run_in_background()
    signals = operation._signals
    qtbot.waitUntil(lambda: got == [7], timeout=10_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(signals)
