"""The cyclic collector runs on the GUI thread only while the window runs (app.gui.collector)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject

from app.gui.collector import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.qt = QObject()  # a Qt wrapper, which must be freed on the GUI thread


def test_cycles_made_on_a_pool_thread_are_freed_on_the_gui_thread(qtbot: Any) -> None:
    collector = GuiThreadCollector(interval_ms=20)
    collected_on: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["collected"]:
            collected_on.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    collector.start()
    try:
        assert not gc.isenabled()

        def make_garbage() -> None:
            for _ in range(5_000):  # far past the threshold of an automatic collection
                _Cycle()

        worker = threading.Thread(target=make_garbage, name="pool")
        worker.start()
        worker.join(30)
        assert "pool" not in collected_on  # nothing was collected where it was made
        qtbot.waitUntil(lambda: bool(collected_on), timeout=5_000)
        assert set(collected_on) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(seen)
        collector.stop()
        collector.deleteLater()


def test_stop_gives_the_collector_back_as_it_was(qtbot: Any) -> None:
    collector = GuiThreadCollector()
    was = gc.isenabled()
    collector.start()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled() == was
    collector.deleteLater()
