"""Pages read and laid out in worker processes, one range of pages each.

pdfium is neither thread-safe nor free of the GIL's company (the layout is
Python), so the cores of a laptop are reached with processes: each worker
opens the document with its own pdfium, reads its range of pages into lines,
sends a :class:`~app.importers.pdf.chunk.Summary`, receives the
whole-document :class:`~app.importers.pdf.chunk.Plan` and sends back its
pages laid out. Only edge lines, vocabulary and paragraphs cross the pipes,
not the 15,000 lines of a 300-page document.

The parent waits on the pipes in slices of 0.1 s: progress is reported as
pages are read, and a cancel, or a document taking longer than
:data:`DEADLINE`, kills the workers at once however long pdfium's current
call would have taken. A worker may grow by :data:`MEMORY` at most (on
Linux); beyond that pdfium fails, the worker dies and the file is refused.

Start method: ``fork`` only from a process with a single thread and no Qt
(the command line, benchmarks), where it is safe and costs a few
milliseconds; otherwise ``forkserver`` (the GUI imports from a background
thread, and forking a threaded process can deadlock the child), or
``spawn`` where there is no fork (Windows, and macOS where system libraries
do not survive a fork). The bundle supports both through
``multiprocessing.freeze_support()`` in ``app/__main__.py``.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
import sys
import threading
import time
from multiprocessing.connection import Connection, wait
from typing import Any

from app.core.errors import ImportFailedError
from app.importers.base import ImportOptions
from app.importers.pdf.chunk import Chunk, Laid, Plan, Summary

logger = logging.getLogger(__name__)

MIN_PAGES = 40  # fewer pages are read in-process: a pool would cost more than it saves
PAGES_PER_WORKER = 20  # no worker is started for fewer pages than this
MAX_WORKERS = 8
DEADLINE = 30.0  # seconds for the whole document before it is refused
MEMORY = 768 * 1024 * 1024  # bytes a worker may add to what it had when it started
_TICK = 4  # pages between two progress messages of a worker

TOO_SLOW = (
    "This PDF takes too long to read (more than {0:.0f} seconds); it may be built to "
    "overload readers. Ask the sender for another copy."
)
CRASHED = (
    "Reading this PDF stopped the PDF reader ({0}). The file may be damaged or built "
    "to overload readers. Ask the sender for another copy."
)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def worker_count(pages: int) -> int:
    """How many workers a document of ``pages`` pages gets: 0 means read it in-process."""
    if pages < MIN_PAGES:
        return 0
    workers = min(available_cores(), MAX_WORKERS, pages // PAGES_PER_WORKER)
    return workers if workers >= 2 else 0


def start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    single = threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules
    if sys.platform.startswith("linux") and single and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _context() -> Any:
    ctx = multiprocessing.get_context(start_method())
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload([__name__])
    return ctx


def ranges(total: int, workers: int) -> list[tuple[int, int]]:
    """``workers`` contiguous ranges of pages, as even as can be."""
    bounds = [total * k // workers for k in range(workers + 1)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _limit_memory() -> None:
    """Let this process grow by :data:`MEMORY` at most: pdfium then fails, and we say so."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + MEMORY
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: the stream check (streams.py) is the only bound


def _serve(conn: Connection, data: bytes, password: Any, start: int, stop: int) -> None:
    """A worker: read pages ``start`` to ``stop``, summarise, lay out, then exit."""
    import pypdfium2 as pdfium

    _limit_memory()
    try:
        doc = pdfium.PdfDocument(data, password=password)
        try:
            ticks = [0]

            def done(index: int) -> None:
                ticks[0] += 1
                if ticks[0] == _TICK:
                    conn.send(("progress", ticks[0]))
                    ticks[0] = 0

            chunk = Chunk.read(doc.raw, start, stop, done)
            conn.send(("progress", ticks[0]))
            conn.send(("summary", chunk.summary()))
            furniture, words, body_size = conn.recv()
            conn.send(("laid", chunk.layout(furniture, words, body_size)))
        finally:
            doc.close()
    except Exception as exc:  # reported to the parent, which raises a typed error
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


class PagePool:
    """Worker processes over ranges of one document; use as a context manager."""

    def __init__(self, data: bytes, password: Any, parts: list[tuple[int, int]]) -> None:
        ctx = _context()
        self.total = parts[-1][1] if parts else 0
        self.parts = parts
        self.conns: list[Connection] = []
        self.procs: list[Any] = []
        self.deadline = time.monotonic() + DEADLINE
        # Forked children would otherwise copy every page the collector touches.
        gc.freeze()
        try:
            self._start(ctx, data, password)
        finally:
            gc.unfreeze()
        logger.info("%d workers (%s) for %d pages", len(parts), ctx.get_start_method(), self.total)

    def _start(self, ctx: Any, data: bytes, password: Any) -> None:
        for start, stop in self.parts:
            ours, theirs = ctx.Pipe(duplex=True)
            proc = ctx.Process(
                target=_serve, args=(theirs, data, password, start, stop), daemon=True
            )
            proc.start()
            theirs.close()
            self.conns.append(ours)
            self.procs.append(proc)

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for proc in self.procs:
            if proc.is_alive():
                proc.kill()
        for proc in self.procs:
            proc.join()
        for conn in self.conns:
            conn.close()
        self.procs.clear()

    def _gather(self, kind: str, options: ImportOptions, done: int) -> tuple[list[Any], int]:
        """One message of ``kind`` from every worker, in page order; progress as it comes."""
        results: list[Any] = [None] * len(self.conns)
        waiting = dict(enumerate(self.conns))
        by_conn = {id(conn): k for k, conn in waiting.items()}
        while waiting:
            ready: list[Any] = wait(list(waiting.values()), timeout=0.1)
            if time.monotonic() > self.deadline:
                raise ImportFailedError(TOO_SLOW.format(DEADLINE))
            if not ready:
                options.report(done, self.total)  # raises if the user cancelled
                continue
            for conn in ready:
                k = by_conn[id(conn)]
                try:
                    tag, payload = conn.recv()
                except (EOFError, OSError):
                    code = self.procs[k].exitcode
                    raise ImportFailedError(CRASHED.format(f"exit {code}")) from None
                if tag == "progress":
                    done += payload
                    options.report(done, self.total)
                elif tag == "error":
                    raise ImportFailedError(CRASHED.format(payload))
                elif tag == kind:
                    results[k] = payload
                    del waiting[k]
        return results, done

    def summaries(self, options: ImportOptions) -> list[Summary]:
        options.report(0, self.total)
        results, _done = self._gather("summary", options, 0)
        return results

    def layout(self, plan: Plan, options: ImportOptions) -> list[Laid]:
        for (start, stop), conn in zip(self.parts, self.conns, strict=True):
            conn.send((plan.furniture[start:stop], plan.words, plan.body_size))
        results, _done = self._gather("laid", options, self.total)
        return [page for part in results for page in part]
