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

import logging
import multiprocessing
import sys
import threading
from collections.abc import Callable
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


def _run(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The forked process: send ``fn(*args)``, or nothing if it fails (the parent then does it)."""
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
    proc = ctx.Process(target=_run, args=(theirs, fn, args), daemon=True)
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
