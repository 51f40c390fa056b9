"""Work done by a process forked for it, beside this one's: the command line's second core.

A command is one process on a laptop with at least two cores. Where work
splits into independent parts (the sentence index of a long document), a
forked copy of the process can do one part while this one does another and
stores what needs no index meanwhile. Forking copies nothing up front and
passes the arguments without pickling; only the result crosses a pipe.

Forking is safe only from a process with a single thread and no Qt (the
command line): elsewhere (the window, a test running threads) the work is
done in this process when its result is asked for, as if nothing ran beside.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

logger = logging.getLogger(__name__)

WAIT = 120.0  # seconds to wait for the result before doing the work here instead


def can_fork() -> bool:
    """Whether forking this process now is safe (Linux, one thread, no Qt)."""
    return (
        sys.platform.startswith("linux")
        and threading.active_count() == 1
        and "PySide6.QtCore" not in sys.modules
        and "fork" in multiprocessing.get_all_start_methods()
    )


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl+C back while a helper process is forked and recorded.

    Ctrl+C between the fork and the parent's note of the new process left a
    process nothing would stop (a command then never ended: the helper held
    its output open); in the new process it interrupted Python's own
    after-fork steps. Held back, it reaches this process once the helper is
    recorded, and the helper never (:func:`start_helping`).
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork either
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        _release(held)


def _release(held: set[int | signal.Signals]) -> None:
    """Unblock Ctrl+C; one that came meanwhile is raised here, in this frame.

    Left to Python, it was raised in whatever ran next, which was the
    finalizer of a pipe's closed end: Python then ignores the exception
    ("Exception ignored in … __del__") and the command went on as if no one
    had pressed Ctrl+C.
    """
    if signal.SIGINT not in signal.sigpending():
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the pending one is dropped…
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    signal.signal(signal.SIGINT, handler)
    if callable(handler):  # …and handled here, as Python would have: KeyboardInterrupt
        handler(signal.SIGINT, None)
    elif handler == signal.SIG_DFL:
        signal.raise_signal(signal.SIGINT)


def start_helping(*parents_ends: Connection) -> None:
    """What a forked helper process does first: leave Ctrl+C to its parent, drop its pipes' ends.

    Ctrl+C reaches every process of the terminal's group; a helper that took
    it printed its own traceback under the command's one line ("rejoinder:
    interrupted"); the parent stops its helpers anyway. A forked helper also
    holds the parent's ends of the pipes: closed, a helper whose parent died
    gets an error when it sends, instead of waiting forever for a reader.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for end in parents_ends:
        end.close()


def _run(conn: Connection, ours: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The forked process: send ``fn(*args)``, or nothing if it fails (the parent then does it)."""
    start_helping(ours)
    try:
        conn.send(fn(*args))
    except Exception:
        logger.exception("work forked beside the command failed; it is done again there")
    finally:
        conn.close()


def beside(fn: Callable[..., Any], args: tuple[Any, ...]) -> Callable[[], Any]:
    """Start ``fn(*args)`` in a forked process; the function returned waits for its result.

    Where forking is unsafe, or if the forked process fails, dies or takes
    longer than :data:`WAIT`, the result is computed in this process when
    it is asked for: the caller always gets ``fn(*args)``.
    """
    if not can_fork():
        return lambda: fn(*args)
    ctx = multiprocessing.get_context("fork")
    ours, theirs = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_run, args=(theirs, ours, fn, args), daemon=True)
    with interrupts_held():
        proc.start()
    theirs.close()

    def result() -> Any:
        try:
            if ours.poll(WAIT):
                return ours.recv()
            logger.warning("work forked beside the command took over %.0f s", WAIT)
        except (EOFError, OSError):  # it failed or died: nothing was sent
            pass
        finally:
            ours.close()
            if proc.is_alive():
                proc.kill()
            proc.join()
        return fn(*args)

    return result
