"""Pages read and laid out in worker processes, one range of pages each.

pdfium is neither thread-safe nor free of the GIL's company (the layout is
Python), so the cores of a laptop are reached with processes: each worker
opens the document with its own pdfium, reads its range of pages into lines,
sends a :class:`~app.importers.pdf.chunk.Summary`, receives the
whole-document :class:`~app.importers.pdf.chunk.Plan` and sends back its
pages laid out. Only edge lines, vocabulary and paragraphs cross the pipes,
not the 15,000 lines of a 300-page document. The importing process reads
the first range itself meanwhile (one worker fewer to start, and its pages
cross no pipe), except for a document it must not read itself (one with
heavy streams, or encrypted): then every range goes to a worker.

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
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any

from app.core.errors import ImportFailedError
from app.core.i18n import N_, _
from app.importers.base import ImportOptions
from app.importers.pdf.chunk import Chunk, Laid, Plan, Summary

logger = logging.getLogger(__name__)

MIN_PAGES = 40  # fewer pages are read in-process: a pool would cost more than it saves
PAGES_PER_WORKER = 20  # no process reads fewer pages than this
MAX_WORKERS = 8
DEADLINE = 30.0  # seconds for the whole document before it is refused
MEMORY = 768 * 1024 * 1024  # bytes a worker may add to what it had when it started
_TICK = 4  # pages between two progress messages of a worker

TOO_SLOW = N_(
    "This PDF takes too long to read (more than {0:.0f} seconds); it may be built to "
    "overload readers. Ask the sender for another copy."
)
CRASHED = N_(
    "Reading this PDF stopped the PDF reader ({0}). The file may be damaged or built "
    "to overload readers. Ask the sender for another copy."
)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def worker_count(pages: int) -> int:
    """How many workers a document of ``pages`` pages gets besides this process.

    This process reads a share too, so a core is left for each worker; 0
    means read it all in-process.
    """
    if pages < MIN_PAGES:
        return 0
    readers = min(available_cores(), MAX_WORKERS + 1, pages // PAGES_PER_WORKER)
    return readers - 1 if readers >= 2 else 0


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
    """Worker processes over ranges of one document; use as a context manager.

    With ``local`` (this process's own raw document) this process reads the
    first range itself and the workers the others; without, the workers read
    every range.
    """

    def __init__(
        self, data: bytes, password: Any, parts: list[tuple[int, int]], local: Any = None
    ) -> None:
        ctx = _context()
        self.total = parts[-1][1] if parts else 0
        self.parts = parts
        self.local = local
        self.remote = parts[1:] if local is not None else parts
        self.conns: list[Connection] = []
        self.procs: list[Any] = []
        self.deadline = time.monotonic() + DEADLINE
        self.done = 0  # pages read, by any process
        self._reported = 0
        self._got: dict[str, dict[int, Any]] = {}
        self._chunk: Chunk | None = None
        # Forked children would otherwise copy every page the collector touches.
        gc.freeze()
        try:
            self._start(ctx, data, password)
        finally:
            gc.unfreeze()
        logger.info(
            "%d workers (%s) for %d pages%s",
            len(self.remote),
            ctx.get_start_method(),
            self.total,
            ", and this process" if local is not None else "",
        )

    def _start(self, ctx: Any, data: bytes, password: Any) -> None:
        for start, stop in self.remote:
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

    def meanwhile(self, work: Callable[[], None]) -> None:
        """Do this process's own ``work`` while the workers read; its time is not theirs.

        The deadline bounds how long the workers take; messages they sent
        while this process was busy wait in the pipes, so a slow ``work``
        (a starved process importing the ORM) must not make a document that
        was read in time look too slow.
        """
        began = time.monotonic()
        try:
            work()
        finally:
            self.deadline += time.monotonic() - began

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

    def _pump(self, options: ImportOptions, timeout: float) -> None:
        """Take the messages the workers sent (waiting up to ``timeout``); report progress."""
        if time.monotonic() > self.deadline:
            raise ImportFailedError(_(TOO_SLOW).format(DEADLINE))
        finished = self._got.get("laid", {})
        talking = [conn for k, conn in enumerate(self.conns) if k not in finished]
        ready: list[Any] = wait(talking, timeout=timeout) if talking else []
        for conn in ready:
            k = self.conns.index(conn)
            try:
                tag, payload = conn.recv()
            except (EOFError, OSError):
                code = self.procs[k].exitcode
                raise ImportFailedError(_(CRASHED).format(f"exit {code}")) from None
            if tag == "progress":
                self.done += payload
            elif tag == "error":
                raise ImportFailedError(_(CRASHED).format(payload))
            else:
                self._got.setdefault(tag, {})[k] = payload
        if self.done != self._reported or not ready:
            self._reported = min(self.done, self.total)
            options.report(self._reported, self.total)  # raises if the user cancelled

    def _gather(self, kind: str, options: ImportOptions) -> list[Any]:
        """One message of ``kind`` from every worker, in page order; progress as it comes."""
        while len(self._got.get(kind, {})) < len(self.conns):
            self._pump(options, 0.1)
        got = self._got[kind] if self.conns else {}
        return [got[k] for k in range(len(self.conns))]

    def summaries(self, options: ImportOptions) -> list[Summary]:
        options.report(0, self.total)
        own: list[Summary] = []
        if self.local is not None:
            start, stop = self.parts[0]

            def page_done(_index: int) -> None:
                self.done += 1
                self._pump(options, 0.0)

            self._chunk = Chunk.read(self.local, start, stop, page_done)
            own.append(self._chunk.summary())
        return own + self._gather("summary", options)

    def layout(self, plan: Plan, options: ImportOptions) -> list[Laid]:
        for (start, stop), conn in zip(self.remote, self.conns, strict=True):
            conn.send((plan.furniture[start:stop], plan.words, plan.body_size))
        own: list[Laid] = []
        if self._chunk is not None:
            start, stop = self.parts[0]
            own = self._chunk.layout(plan.furniture[start:stop], plan.words, plan.body_size)
        results = self._gather("laid", options)
        return own + [page for part in results for page in part]
