"""Pages read and laid out in worker processes, one run of pages each.

pdfium is neither thread-safe nor free of the GIL's company (the layout is
Python), so the cores of a laptop are reached with processes: each worker
opens the document with its own pdfium, reads a run of pages into lines,
sends a :class:`~app.importers.pdf.chunk.Summary`, receives the
whole-document :class:`~app.importers.pdf.chunk.Plan` and sends back its
pages laid out. Only edge lines, vocabulary and paragraphs cross the pipes,
not the 15,000 lines of a 300-page document. The importing process reads
pages itself meanwhile, from the front of the first range while a worker
reads from its back (:class:`.serve.Claims`: one worker fewer to start, and
its pages cross no pipe), except for a document it must not read itself
(one with heavy streams, or encrypted): then workers read every page. A
worker's side of the pipe is :mod:`.serve`; in a process that imports again
and again, workers are kept for the next import (:mod:`.standing`).

The parent waits on the pipes in slices of 0.1 s: progress is reported as
pages are read, and a cancel, or a document taking longer than
:data:`DEADLINE`, kills the workers at once however long pdfium's current
call would have taken. A worker may grow by :data:`.serve.MEMORY` at most
(on Linux); beyond that pdfium fails, the worker dies and the file is
refused.

Start method: ``fork`` only from a process with a single thread and no Qt
(the command line, benchmarks), where it is safe and costs a few
milliseconds; otherwise ``forkserver`` (the GUI imports from a background
thread, and forking a threaded process can deadlock the child), or
``spawn`` where there is no fork (Windows, and macOS where system libraries
do not survive a fork). The bundle supports both through
``multiprocessing.freeze_support()`` in ``app/__main__.py``.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from app.core.beside import can_fork, interrupts_held
from app.core.errors import ImportFailedError
from app.core.i18n import N_, _
from app.importers.base import ImportOptions
from app.importers.pdf import standing
from app.importers.pdf.chunk import Chunk, Plan, Summary
from app.importers.pdf.flow import Laid
from app.importers.pdf.serve import TICK, Claims, Over, run_task, serve

logger = logging.getLogger(__name__)

MIN_PAGES = 40  # fewer pages are read in-process: a pool would cost more than it saves
PAGES_PER_WORKER = 20  # no process reads fewer pages than this
MAX_WORKERS = 8
DEADLINE = 30.0  # seconds for the whole document before it is refused
KEEP_BYTES = 32 * 1024 * 1024  # larger documents get fresh forked workers, not kept ones

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
    """``fork`` where it is safe (:func:`app.core.beside.can_fork`), else a fresh interpreter."""
    if can_fork():
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _context() -> Any:
    ctx = multiprocessing.get_context(start_method())
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload([__name__])
    return ctx


def segments(total: int, readers: int) -> list[tuple[int, int]]:
    """Ranges of pages, one per pair of readers (and one for a lone last reader).

    Pages in proportion to readers: a lone reader's range is half as long.
    """
    bounds = [min(total, total * 2 * k // readers) for k in range((readers + 1) // 2 + 1)]
    return list(itertools.pairwise(bounds))


@contextlib.contextmanager
def no_collector() -> Iterator[None]:
    """Run without the cyclic garbage collector, as it was before afterwards.

    An import makes some 200,000 objects, lines and words that live until
    the end, and reference counting frees the rest: the collector's passes
    over them found nothing and cost 5 % of the CPU time (27 ms of the
    300-page benchmark). The collector is global to the process, so this is
    done on the main thread only (the command line, the benchmarks). The
    window imports on a pool thread: there the collector stays on, since the
    garbage it would hold back is collected afterwards wherever an allocation
    happens to trigger it, a pool thread included, and it holds Qt objects
    whose wrappers must only be freed on the GUI thread (a GUI test crashed
    in a pool thread's ``signal.emit`` right after a PDF import).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class PagePool:
    """``readers`` processes reading one document; use as a context manager.

    The pages are cut into one range per pair of readers (a lone last
    reader has a range of its own), and the two of a pair meet where their
    speeds put them (:class:`.serve.Claims`). With ``local`` (this process's
    own raw document) this process is the front reader of the first range
    and workers are the others; without, every reader is a worker. Each
    reader's pages are one run, so the summaries and the laid-out pages
    join in page order whatever the split.
    """

    def __init__(self, data: bytes, password: Any, total: int, readers: int, local: Any) -> None:
        ctx = _context()
        self._ctx = ctx
        self._forked = ctx.get_start_method() == "fork"
        self.total = total
        self.local = local
        parts = segments(total, readers)
        # Kept readers (standing.py) are used, and these kept in turn, only for
        # documents whose bytes cost little to send through a pipe: a fork
        # shares them for free.
        self.cells, self.lock, self._shared = standing.claims_family(ctx)
        self._keep = self._shared and len(data) <= KEEP_BYTES
        for i, bound in enumerate(x for part in parts for x in part):
            self.cells[i] = bound
        roles = [(k, back) for k in range(len(parts)) for back in (False, True)][:readers]
        self.own = Claims(self.cells, self.lock, 0, False) if local is not None else None
        self.conns: list[Connection] = []
        self.procs: list[Any] = []
        # Per worker, the modules it has: work it is given must need nothing more.
        self._loaded: list[frozenset[str]] = []
        self.deadline = time.monotonic() + DEADLINE
        self.done = 0  # pages read, by any process
        self._reported = 0
        self._got: dict[str, dict[int, Any]] = {}
        self._chunk: Chunk | None = None
        self._spans: list[tuple[int, int]] = []  # per worker, the pages it read
        self._over = False  # every worker was told its import is over
        # Modules the last worker lacked for work it could have done (offload):
        # kept, it imports them while it waits for the next import.
        self._wanted: set[str] = set()
        self._readers = 0  # the first workers read pages; the others were forked for a task
        jobs = [
            (data, password, segment, back)
            for segment, back in (roles[1:] if local is not None else roles)
        ]
        kept = standing.take(ctx.get_start_method(), len(jobs)) if self._keep else []
        # Forked children would otherwise copy every page the collector touches.
        gc.freeze()
        try:
            for job in jobs:
                reader = kept.pop() if kept else None
                if reader is not None and standing.await_taken(reader, job):
                    self._enlist(reader)
                else:
                    self._start(ctx, job)
        except BaseException:  # a Ctrl+C or a failed start: no worker outlives this
            standing.end(kept)
            self.close()
            raise
        finally:
            gc.unfreeze()
        standing.give_back(kept)  # kept readers this document needed none of
        self._readers = len(self.procs)
        logger.info(
            "%d workers (%s) for %d pages%s",
            len(self.procs),
            ctx.get_start_method(),
            total,
            ", and this process" if local is not None else "",
        )

    def _enlist(self, reader: standing.Standing) -> None:
        self.conns.append(reader.conn)
        self.procs.append(reader.proc)
        self._loaded.append(reader.loaded)

    def _start(self, ctx: Any, job: tuple[Any, ...]) -> None:
        ours, theirs = ctx.Pipe(duplex=True)
        # A forked worker closes what it inherits of this process's ends (start_helping).
        ends = (*standing.parents_ends(), *self.conns, ours) if self._forked else ()
        idle = standing.keeping() if self._keep else 0.0
        proc = ctx.Process(
            target=serve,
            args=(theirs, job, self.cells, self.lock, ends, idle),
            daemon=True,
        )
        with interrupts_held():  # recorded before a Ctrl+C can stop this process
            proc.start()
            self.conns.append(ours)
            self.procs.append(proc)
            self._loaded.append(frozenset(sys.modules) if self._forked else frozenset())
        theirs.close()

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

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None and self._keep and self.conns:
            self._keep_readers()
        self.close()

    def _keep_readers(self) -> None:
        """Give this import's readers to the next one: each is told this import is over.

        Only the readers: a process forked for one task (:meth:`_fork_task`) ends after it.
        """
        method = self._ctx.get_start_method()
        readers: list[standing.Standing] = []
        for k in range(self._readers):
            conn, proc = self.conns[k], self.procs[k]
            if not proc.is_alive():
                continue
            try:
                if not self._over:
                    conn.send(Over(tuple(sorted(self._wanted))))
            except OSError:
                continue
            readers.append(standing.Standing(proc, conn, method, self._loaded[k] | self._wanted))
        kept = {id(reader.proc) for reader in readers}
        self.conns = [c for c, p in zip(self.conns, self.procs, strict=True) if id(p) not in kept]
        self.procs = [p for p in self.procs if id(p) not in kept]
        standing.give_back(readers)

    def close(self) -> None:
        for proc in self.procs:
            if proc.is_alive():
                proc.kill()
        for proc in self.procs:
            proc.join()
        for conn in self.conns:
            conn.close()
        self.procs.clear()
        self.conns.clear()
        if self._shared:
            standing.release_family(self._ctx)
            self._shared = False

    def offload(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        own: Callable[[], Any],
        options: ImportOptions,
    ) -> tuple[Any, Any]:
        """``(fn(*args), own())``, ``fn`` run in another process while this one runs ``own``.

        The last worker, idle once its pages are laid out, takes it if it was
        forked with ``fn``'s module loaded. Otherwise, where this process may
        fork, a process forked now does: it has all this process loaded since
        (the command line imports NumPy for the index while the worker reads,
        rather than before forking it, when it cost the whole command 45 ms),
        and the arguments need no pickling. A worker that is not forked would
        import the module (NumPy and all) first, which takes longer than the
        work: then both run here, and a kept worker imports the module while
        it waits for the next import, whose work it then takes. The wait
        keeps the deadline, and a crash or a cancel stops it, as while reading.
        """
        k = len(self.conns) - 1
        idle = k >= 0 and fn.__module__ in self._loaded[k] and self.procs[k].is_alive()
        if not idle and self._keep and 0 <= k < self._readers:
            self._wanted.add(fn.__module__)  # for its next import (Over)
        if idle:
            try:
                self.conns[k].send((fn, args))
            except OSError:  # it died just now
                idle = False
        if not idle:
            if not self._forked or start_method() != "fork":
                return fn(*args), own()
            k = self._fork_task(fn, args)
        ours = own()
        while k not in self._got.get("done", {}):
            self._pump(options, 0.1, "done", only=k)
        return self._got["done"].pop(k), ours

    def _fork_task(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> int:
        """Fork a process to run ``fn(*args)`` and send the result; its index among the workers."""
        ctx = multiprocessing.get_context("fork")
        ours, theirs = ctx.Pipe(duplex=True)
        ends = (*standing.parents_ends(), *self.conns, ours)
        gc.freeze()
        try:
            proc = ctx.Process(target=run_task, args=(theirs, fn, args, ends), daemon=True)
            with interrupts_held():  # recorded before a Ctrl+C can stop this process
                proc.start()
                self.conns.append(ours)
                self.procs.append(proc)
                self._loaded.append(frozenset())  # ends after its task: nothing more for it
        finally:
            gc.unfreeze()
        theirs.close()
        return len(self.conns) - 1

    def _pump(
        self, options: ImportOptions, timeout: float, awaited: str = "laid", only: int = -1
    ) -> None:
        """Take the messages the workers sent (waiting up to ``timeout``); report progress.

        Workers that sent their ``awaited`` message already are not waited on;
        with ``only``, just that worker is (the one given a task: the others
        are done, and one may have ended).
        """
        if time.monotonic() > self.deadline:
            raise ImportFailedError(_(TOO_SLOW).format(DEADLINE))
        finished = self._got.get(awaited, {})
        talking = [
            conn
            for k, conn in enumerate(self.conns)
            if k not in finished and (only < 0 or k == only)
        ]
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
        """One message of ``kind`` from every worker, in their order; progress as it comes."""
        while len(self._got.get(kind, {})) < len(self.conns):
            self._pump(options, 0.1)
        got = self._got[kind] if self.conns else {}
        return [got[k] for k in range(len(self.conns))]

    def summaries(self, options: ImportOptions) -> list[Summary]:
        """Every reader's summary, in page order; readers that got no page left out."""
        options.report(0, self.total)
        own: list[Summary] = []
        if self.own is not None:

            def page_done(_index: int) -> None:
                self.done += 1
                if self.done % TICK == 0:  # a look at the pipes costs a poll
                    self._pump(options, 0.0)

            self._chunk = Chunk.read(self.local, self.own, page_done)
            own.append(self._chunk.summary())
        theirs: list[Summary] = self._gather("summary", options)
        self._spans = [(s.start, s.start + len(s.edges)) for s in theirs]
        return sorted((s for s in own + theirs if s.edges), key=lambda s: s.start)

    def layout(self, plan: Plan, options: ImportOptions) -> Iterator[Laid]:
        """Every page laid out, in page order: this process's own, then the workers'.

        The plan goes to the workers at once; the pages come as they are
        consumed, so that this process's own (the first) are joined to the
        text while the workers' are still on their way. A worker that will be
        given no task of the caller's (``options.prepare``) is killed once its
        pages are in, so that it ends while the text is assembled.
        """
        for (start, stop), conn in zip(self._spans, self.conns, strict=True):
            conn.send((plan.furniture[start:stop], plan.words, plan.body_size))
        return self._laid(plan, options)

    def _laid(self, plan: Plan, options: ImportOptions) -> Iterator[Laid]:
        if self._chunk is not None:
            # The front of the first range: its pages come before every worker's.
            start, stop = self._chunk.start, self._chunk.start + len(self._chunk.pages)
            yield from self._chunk.layout(plan.furniture[start:stop], plan.words, plan.body_size)
        results = self._gather("laid", options)
        if options.prepare is None:  # no task will come: kept, or ended while the text is joined
            if self._keep:
                for conn in self.conns:
                    conn.send(Over())
                self._over = True
            else:
                for proc in self.procs:
                    proc.kill()
        parts = sorted(zip(self._spans, results, strict=True), key=lambda part: part[0][0])
        for _span, laid in parts:
            yield from laid
