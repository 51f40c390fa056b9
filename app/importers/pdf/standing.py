"""PDF readers kept standing between imports, in a process that imports again and again.

A worker process started for one import pays more than its start: every
page of memory it shares with the importing process after a fork is copied
the first time either side writes to it (some 4,000 pages each for the
300-page benchmark, 8 ms of system time on each side), and a worker started
through the fork server or a fresh interpreter pays far more. The window
imports one document after another, so there a reader whose import went
well waits for the next one (:func:`keep_readers`), and the next import
hands it a job instead of starting a process. Its memory is its own by
then: neither side copies a page.

A kept reader leaves by itself after :func:`keeping` seconds without a job
(it holds some memory: 50 MB resident, 30 MB of it its own, once it has
prepared an index), when it grew by :data:`.serve.GROWTH` since it started,
when the importing process ends (its pipe closes), or when an import fails
or is cancelled (every reader is then killed, kept ones included). The
command line imports once and keeps nothing.

Readers take pages through claims in shared memory (:class:`.serve.Claims`):
kept readers and the ones started beside them share one
array of cells and one lock per start method, which is why they live here
and not in each pool. Imports take turns (the importer's lock), so one pool
at a time uses them; a pool that finds them in use makes its own and keeps
nothing.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

logger = logging.getLogger(__name__)

CELLS = 2 * 9  # two per range of pages; at most 9 readers (8 workers and this process)
TAKE_WAIT = 2.0  # seconds a kept reader has to say it took a job before one is started instead

_guard = threading.Lock()
_seconds = 0.0
# Per start method: (claim cells, their lock, whether a pool uses them now).
_families: dict[str, list[Any]] = {}
_kept: list[Standing] = []


@dataclass(slots=True)
class Standing:
    """A reader process kept for the next import."""

    proc: Any  # multiprocessing.Process
    conn: Connection  # this process's end of its pipe
    method: str  # how it was started: its claims are that start method's family
    loaded: frozenset[str]  # modules it has (a forked one: this process's when it was forked)


def keep_readers(seconds: float) -> None:
    """Keep readers for ``seconds`` after each import (0: keep none, and end those kept)."""
    global _seconds
    with _guard:
        _seconds = max(0.0, seconds)
        leaving = list(_kept) if _seconds == 0 else []
        if leaving:
            _kept.clear()
    end(leaving)


def keeping() -> float:
    """Seconds a reader waits for its next job; 0 when none is kept."""
    return _seconds


def claims_family(ctx: Any) -> tuple[Any, Any, bool]:
    """(cells, lock, shared) for a new pool of start method ``ctx``.

    ``shared`` is True when the pool has the start method's one family (and
    may keep its readers and use kept ones); False when another pool holds
    it, or nothing is kept: the cells and lock are then the pool's own.
    """
    method = ctx.get_start_method()
    with _guard:
        if _seconds > 0:
            family = _families.get(method)
            if family is None:
                family = _families[method] = [ctx.RawArray("q", CELLS), ctx.Lock(), False]
            if not family[2]:
                family[2] = True
                return family[0], family[1], True
    return ctx.RawArray("q", CELLS), ctx.Lock(), False


def release_family(ctx: Any) -> None:
    """The pool that had the family of ``ctx``'s start method is done with it."""
    with _guard:
        family = _families.get(ctx.get_start_method())
        if family is not None:
            family[2] = False


def take(method: str, count: int) -> list[Standing]:
    """Up to ``count`` kept readers of start method ``method``, no longer kept."""
    with _guard:
        mine = [s for s in _kept if s.method == method][:count]
        for standing in mine:
            _kept.remove(standing)
    return mine


def give_back(readers: list[Standing]) -> None:
    """Keep ``readers`` (each told its import is over) for the next import."""
    with _guard:
        if _seconds > 0:
            _kept.extend(readers)
            return
    end(readers)


def parents_ends() -> tuple[Connection, ...]:
    """This process's ends of the kept readers' pipes, which a forked process must close.

    A forked process that held one would keep that reader's pipe open after
    this process died, and the reader would wait for a job for as long as
    that process lives.
    """
    with _guard:
        return tuple(s.conn for s in _kept)


def pids() -> list[int]:
    """The kept readers' process ids (for benchmarks that count their CPU time)."""
    with _guard:
        return [s.proc.pid for s in _kept]


def end(readers: list[Standing]) -> None:
    """Stop ``readers`` now."""
    for standing in readers:
        if standing.proc.is_alive():
            standing.proc.kill()
    for standing in readers:
        standing.proc.join()
        standing.conn.close()


def await_taken(standing: Standing, job: tuple[Any, ...]) -> bool:
    """Hand ``job`` to a kept reader; whether it took it.

    A reader may have left meanwhile (its wait for a job ran out just now):
    it then sends nothing, or its pipe is closed. It is stopped, and the
    caller starts a new one.
    """
    try:
        standing.conn.send(job)
        if standing.conn.poll(TAKE_WAIT) and standing.conn.recv() == ("taken", None):
            return True
    except (EOFError, OSError):
        pass
    logger.info("a kept PDF reader did not take its job; another is started")
    end([standing])
    return False


def next_job(conn: Connection, idle: float) -> tuple[Any, ...] | None:
    """The reader's side: wait up to ``idle`` seconds for a job; None means leave.

    The job is acknowledged before its first page is claimed, so a reader
    the importing process gave up on never took a page.
    """
    try:
        if idle <= 0 or not conn.poll(idle):
            return None
        job = conn.recv()
        conn.send(("taken", None))
    except (EOFError, OSError):  # the importing process has gone
        return None
    return tuple(job)
