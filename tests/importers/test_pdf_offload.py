"""The PDF reader's idle worker does part of the caller's work (the sentence index) after its pages.

Only a forked worker that has the function's module already is given work;
otherwise a process forked then does it, where this process may fork, and
else both parts run in this process. An
error in the worker is a clean ImportFailedError, and a cancel stops the wait.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from typing import Any

import pytest

from app.core.errors import ImportCancelled, ImportFailedError
from app.core.similar import prepare_index
from app.core.similar.prepare import prepare
from app.importers.base import CancelToken, ImportOptions
from app.importers.pdf import import_bytes
from app.importers.pdf import workers as pdf_workers
from tests.pdf_factory import build_document

Offload = Callable[[Callable[..., Any], tuple[Any, ...], Callable[[], Any]], tuple[Any, Any]]


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return build_document(45)


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")
    monkeypatch.setattr(pdf_workers, "start_method", lambda: "fork")


def _pid_after_ctrl_c() -> int:
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C reaches the whole terminal group
    time.sleep(0.05)
    return os.getpid()


def _boom() -> None:
    raise ValueError("the worker's task failed")


def _offloaded(data: bytes, task: Callable[[Offload], Any], **options: Any) -> Any:
    """What ``task`` returned, given the reader's offload (the pool's, or None without one)."""
    found: list[Any] = []

    def hook(_text: str, _spans: list[tuple[int, int]], offload: Offload) -> None:
        found.append(task(offload))

    import_bytes(data, ImportOptions(prepare=hook, **options), workers=1)
    return found[0] if found else None


def test_the_idle_worker_runs_the_task_beside_this_process(long_pdf: bytes, forked: None) -> None:
    theirs, ours = _offloaded(long_pdf, lambda offload: offload(os.getpid, (), os.getpid))
    assert ours == os.getpid() and theirs != ours


def test_the_index_prepared_with_the_worker_is_the_one_prepared_alone(
    long_pdf: bytes, forked: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.similar import prepare as prepare_module

    monkeypatch.setattr(prepare_module, "MIN_SPLIT", 0)  # the 45 pages are split too
    imported = import_bytes(long_pdf, ImportOptions(prepare=prepare_index), workers=1)
    alone = prepare(imported.text, [(p.start, p.end) for p in imported.paragraphs])
    found = imported.prepared
    assert (
        found is not None
        and found.starts
        and (found.starts, found.ends)
        == (
            alone.starts,
            alone.ends,
        )
    )
    assert (found.keys == alone.keys).all()


def test_a_worker_that_is_not_forked_gets_no_work(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "spawn" not in multiprocessing.get_all_start_methods():
        pytest.skip("no spawn here")
    monkeypatch.setattr(pdf_workers, "start_method", lambda: "spawn")
    theirs, ours = _offloaded(long_pdf, lambda offload: offload(os.getpid, (), os.getpid))
    assert theirs == ours == os.getpid()


def test_without_a_live_worker_a_process_forked_now_runs_it(long_pdf: bytes, forked: None) -> None:
    workers: list[int] = []

    def task(offload: Offload) -> Any:
        pool = offload.func.__self__  # type: ignore[attr-defined]
        for proc in pool.procs:
            workers.append(proc.pid)
            proc.kill()
            proc.join()
        return offload(os.getpid, (), os.getpid)

    theirs, ours = _offloaded(long_pdf, task)
    assert ours == os.getpid() and theirs not in (ours, *workers)


def test_work_the_worker_lacks_the_module_of_goes_to_a_process_forked_now(
    long_pdf: bytes, forked: None
) -> None:
    # The command line imports NumPy for the index while the worker reads, after
    # it was forked: the worker lacks it, a process forked for the task has it.
    workers: list[int] = []

    def task(offload: Offload) -> Any:
        pool = offload.func.__self__  # type: ignore[attr-defined]
        workers.extend(proc.pid for proc in pool.procs)
        # As if os.getpid's module had come after the fork.
        pool._loaded = [frozenset()] * len(pool.procs)
        return offload(os.getpid, (), os.getpid)

    theirs, ours = _offloaded(long_pdf, task)
    assert ours == os.getpid() and theirs not in (ours, *workers)


def test_where_this_process_may_not_fork_both_run_here(
    long_pdf: bytes, forked: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def task(offload: Offload) -> Any:
        pool = offload.func.__self__  # type: ignore[attr-defined]
        pool._loaded = [frozenset()] * len(pool.procs)
        # A thread started since (the window's pool): forking now is unsafe.
        monkeypatch.setattr(pdf_workers, "start_method", lambda: "forkserver")
        return offload(os.getpid, (), os.getpid)

    theirs, ours = _offloaded(long_pdf, task)
    assert theirs == ours == os.getpid()


def test_an_error_in_the_worker_is_a_clean_import_error(long_pdf: bytes, forked: None) -> None:
    with pytest.raises(ImportFailedError, match="the worker's task failed"):
        _offloaded(long_pdf, lambda offload: offload(_boom, (), lambda: None))


def test_a_cancel_stops_the_wait_for_the_worker(long_pdf: bytes, forked: None) -> None:
    token = CancelToken()
    began = time.monotonic()
    with pytest.raises(ImportCancelled):
        _offloaded(long_pdf, lambda offload: offload(time.sleep, (30,), token.cancel), cancel=token)
    assert time.monotonic() - began < 10


def test_a_helper_leaves_ctrl_c_to_this_process(long_pdf: bytes, forked: None) -> None:
    # It printed its own traceback under the command's "rejoinder: interrupted".
    theirs, ours = _offloaded(long_pdf, lambda offload: offload(_pid_after_ctrl_c, (), os.getpid))
    assert ours == os.getpid() and theirs != ours
