"""One helper for every piece of work the GUI hands to a background thread.

Modelled on Anki's ``CollectionOp``: a widget says what to run and what to do
with the result; the helper runs it on a pool, returns the result (or the
error) to the GUI thread through a signal, and shows a dialog on failure
unless the caller handles it. Worker threads never touch widgets (Picard's
rule): they get plain values and return plain values.

Two pools, as Anki has: ``project`` work runs on a single thread, so writes to
the project are serialized; ``files`` work (parsing imports, writing exports,
building previews) may run side by side with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import RejoinderError

logger = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[int, int], None]

_pools: dict[str, QThreadPool] = {}
_running: set[Operation[Any]] = set()


def pool(name: str) -> QThreadPool:
    """The pool for ``name`` ("project" runs one task at a time, "files" several)."""
    if name not in _pools:
        created = QThreadPool()
        created.setMaxThreadCount(1 if name == "project" else 2)
        _pools[name] = created
    return _pools[name]


def wait_for_all(msecs: int = 10_000) -> bool:
    """Block until every pool is idle (closing the window, and tests)."""
    return all(p.waitForDone(msecs) for p in _pools.values())


class _Signals(QObject):
    """Lives in the GUI thread, so signals emitted by the worker are queued to it.

    It is made a child of the application and deleted there (:meth:`Operation._release`),
    its connections cut by the GUI thread first. Left to Python, a finished
    operation's garbage could be collected on a pool thread, whose disconnect
    then held Qt's connection lock while it waited for the interpreter lock
    the GUI thread held while it waited for that Qt lock: the window hung.
    """

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], object], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which reports it
            if isinstance(exc, RejoinderError):
                logger.info("background work refused: %s", exc)
            else:
                logger.exception("background work failed")
            self._emit(self._signals.failed, exc)
        else:
            self._emit(self._signals.finished, result)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self._signals.progressed, done, total)

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        """Hand a result to the GUI thread, unless whoever asked for it is gone.

        When the window closes (or the application quits) while work runs, the
        object that would receive the result has been deleted; the result has
        nobody to go to, which is no error to report in a crash dialog.
        """
        try:
            signal.emit(*args)
        except RuntimeError:
            logger.info("background work finished after its window closed; result dropped")


class Operation(Generic[T]):
    """``Operation(parent, work).success(cb).run_in_background()``.

    ``work`` receives a progress callback ``(done, total)`` it may call from the
    worker thread. Without a ``failure`` callback, an error is shown in a
    dialog over ``parent``.
    """

    def __init__(
        self, parent: QWidget | None, work: Callable[[Progress], T], *, pool_name: str = "project"
    ) -> None:
        self._parent = parent
        self._work = work
        self._pool_name = pool_name
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[int, int], None] | None = None
        self._on_done: Callable[[], None] | None = None
        self._signals = _Signals(QCoreApplication.instance())

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int], None]) -> Operation[T]:
        self._on_progress = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Operation[T]:
        """Runs after success or failure (closing a progress dialog, re-enabling a button)."""
        self._on_done = callback
        return self

    def run_in_background(self) -> None:
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        if self._on_progress is not None:
            self._signals.progressed.connect(self._on_progress)
        _running.add(self)
        pool(self._pool_name).start(_Runnable(self._work, self._signals))

    def _orphaned(self) -> bool:
        """The widget that asked for this work was deleted (its window closed) meanwhile.

        Its callbacks would touch deleted Qt objects; the result has nobody to go to.
        """
        if self._parent is None or shiboken6.isValid(self._parent):
            return False
        logger.info("background work finished after its widget was deleted; result dropped")
        return True

    def _release(self) -> None:
        """Cut the signals' connections and delete them here, on the GUI thread (see _Signals)."""
        signals = self._signals
        signals.finished.disconnect(self._finished)
        signals.failed.disconnect(self._failed)
        if self._on_progress is not None:
            signals.progressed.disconnect(self._on_progress)
        signals.deleteLater()

    def _finished(self, result: object) -> None:
        _running.discard(self)
        self._release()
        if self._orphaned():
            return
        if self._on_done is not None:
            self._on_done()
        if self._on_success is not None:
            self._on_success(result)  # type: ignore[arg-type]

    def _failed(self, exc: object) -> None:
        _running.discard(self)
        self._release()
        if self._orphaned():
            return
        if self._on_done is not None:
            self._on_done()
        assert isinstance(exc, BaseException)
        if not isinstance(exc, RejoinderError):
            report_crash(exc)
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            from app.gui.errors import show_error

            show_error(self._parent, exc)


def report_crash(exc: BaseException) -> None:
    """A background operation failed with a bug: keep a crash report beside the log."""
    from app.logsetup import default_log_dir, write_crash_report

    try:
        path = write_crash_report(type(exc), exc, exc.__traceback__, default_log_dir())
    except OSError:
        logger.exception("the crash report could not be written")
        return
    logger.error("crash report of a background operation: %s", path)


def busy_dialog(
    parent: QWidget | None, text: str, title: str, maximum: int = 0, after_ms: int = 300
) -> QProgressDialog:
    """A window-modal progress dialog without Cancel, shown only if the work lasts.

    For work that cannot be stopped halfway (export, merge, opening, reading a
    review); imports, which can, build their own with a Cancel button.
    """
    dialog = QProgressDialog(text, "", 0, maximum, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(after_ms)
    return dialog
