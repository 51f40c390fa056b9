"""What a PDF worker process runs: its pages, its summary, its layout, the parent's tasks.

The importing process's side is :mod:`.workers`; this is the other side of
the pipe, and the claims both sides take pages by. A worker may grow by
:data:`MEMORY` at most per import (on Linux); beyond that pdfium fails, the
worker dies and the file is refused.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any, NamedTuple

from app.core.beside import start_helping
from app.core.heap import keep_heap_top
from app.importers.pdf import standing
from app.importers.pdf.chunk import Chunk

if sys.platform != "win32":
    import resource

logger = logging.getLogger(__name__)

MEMORY = 768 * 1024 * 1024  # bytes a worker may add to what it had when its job started
TICK = 4  # pages between two progress messages of a worker
# Bytes a kept worker may have grown by since it started before it leaves
# instead of waiting for the next import (each import may add MEMORY).
GROWTH = 256 * 1024 * 1024


def _size() -> int | None:
    """This process's address space in bytes, read raw (a text file's machinery took a
    millisecond in a fresh fork); None where there is no /proc."""
    if sys.platform == "win32":
        return None
    try:
        fd = os.open("/proc/self/statm", os.O_RDONLY)
        try:
            return int(os.read(fd, 128).split()[0]) * os.sysconf("SC_PAGE_SIZE")
        finally:
            os.close(fd)
    except (OSError, ValueError):
        return None


class Over(NamedTuple):
    """The parent's word that a worker's import is over (it waits for tasks until then).

    ``preload``: modules a kept worker imports while it waits for the next
    import, whose work (the sentence index) the parent could not give it
    this time because it lacked them.
    """

    preload: tuple[str, ...] = ()


def limit_memory() -> None:
    """Let this process grow by :data:`MEMORY` at most: pdfium then fails, and we say so.

    Done first thing in a worker's job, while the importing process reads on
    (the ``resource`` module is imported with this one: a millisecond in a
    fresh fork). Where there is no /proc the stream check (streams.py) is the
    only bound.
    """
    size = _size()
    if size is None:
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + MEMORY
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):
        pass


class Claims:
    """Pages of a range handed out one at a time to its front and back readers.

    Two processes share a range: one reads forwards from its start, the
    other backwards from its end, and they stop where they meet. However
    late a worker starts or however the machine's load falls on each, both
    finish reading at about the same time (a fixed split left the faster
    one waiting). The range's next page at each end lives in shared memory
    (``cells``, two per range) under one lock; a page costs a millisecond
    of pdfium, the lock a microsecond.
    """

    def __init__(self, cells: Any, lock: Any, segment: int, back: bool) -> None:
        self.cells = cells
        self.lock = lock
        self.lo = 2 * segment
        self.back = back

    def __iter__(self) -> Iterator[int]:
        cells, lo, hi = self.cells, self.lo, self.lo + 1
        while True:
            with self.lock:
                first, end = cells[lo], cells[hi]
                if end <= first:
                    return
                if self.back:
                    cells[hi] = end - 1
                else:
                    cells[lo] = first + 1
            yield end - 1 if self.back else first


def serve(
    conn: Connection,
    job: tuple[Any, ...],
    cells: Any,
    lock: Any,
    parents_ends: tuple[Connection, ...] = (),
    idle: float = 0.0,
) -> None:
    """A worker: read the pages it claims, summarise, lay out; then, if kept, the next job's.

    ``job`` is (document bytes, password, range, reads from the back). A
    kept worker (``idle`` > 0) waits that long for the next job
    (:func:`.standing.next_job`) and leaves without one.
    """
    start_helping(*parents_ends)
    keep_heap_top()  # pdfium frees as it reads (app.core.heap)
    # As in the importing process (no_collector): an import's objects live until
    # its end. A kept worker collects between imports, while it waits.
    gc.disable()
    started = _size()
    try:
        current: tuple[Any, ...] | None = job
        del job  # a kept worker holds no document's bytes while it waits
        while current is not None:
            limit_memory()
            read_job(conn, current, cells, lock)
            current = None
            if idle <= 0:
                break
            gc.collect()
            now = _size()
            if started is not None and now is not None and now - started > GROWTH:
                logger.info("a kept PDF worker grew by %d MB: it leaves", (now - started) >> 20)
                break  # what a document left behind in pdfium goes with the process
            current = standing.next_job(conn, idle)
    except Exception as exc:  # reported to the parent, which raises a typed error
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def read_job(conn: Connection, job: tuple[Any, ...], cells: Any, lock: Any) -> None:
    """One import's share of a worker: its pages, then the parent's tasks until told it is over."""
    import pypdfium2 as pdfium

    data, password, segment, back = job
    doc = pdfium.PdfDocument(data, password=password)
    try:
        ticks = [0]

        def done(index: int) -> None:
            ticks[0] += 1
            if ticks[0] == TICK:
                conn.send(("progress", ticks[0]))
                ticks[0] = 0

        chunk = Chunk.read(doc.raw, Claims(cells, lock, segment, back), done)
        conn.send(("progress", ticks[0]))
        conn.send(("summary", chunk.summary()))
        furniture, words, body_size = conn.recv()
        conn.send(("laid", chunk.layout(furniture, words, body_size)))
    finally:
        doc.close()
    del chunk, data
    while not isinstance(task := conn.recv(), Over):  # the parent's work, now that this is idle
        fn, args = task
        conn.send(("done", fn(*args)))
    for name in task.preload:  # while idle: the next import's work will need it
        importlib.import_module(name)


def run_task(
    conn: Connection,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    parents_ends: tuple[Connection, ...],
) -> None:
    """A process forked for one task of the importing process's (``PagePool.offload``)."""
    start_helping(*parents_ends)
    limit_memory()
    gc.disable()  # it exits afterwards
    try:
        conn.send(("done", fn(*args)))
    except Exception as exc:  # reported to the parent, which raises a typed error
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()
