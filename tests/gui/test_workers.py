"""The background helper: results reach the GUI thread, or are dropped quietly when nobody waits.

Closing the window (or quitting) while a long read runs — a preflight of a
20,000-passage project, say — deletes the object that would receive the
result. The worker must then drop the result, not raise into the crash
dialog (which, being modal, kept the application from quitting).
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
import shiboken6

from app.gui import workers
from app.gui.workers import Operation
from tests.gui.conftest import drain


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
