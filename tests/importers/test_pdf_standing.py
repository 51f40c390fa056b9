"""PDF readers kept between imports (the window's): reused, replaced, ended, never a stray.

An import with ``keep_readers`` leaves its worker waiting for the next one;
that import hands it a job, and reads the same text as without workers. A
kept reader that died, does not answer or outlived its idle time is
replaced; a failed or cancelled import keeps none; an import that keeps
none ends those kept; and a kept reader leaves when the importing process
dies.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import ImportCancelled
from app.core.similar.prepare import Prepared, prepare
from app.importers.base import CancelToken, ImportedText, ImportOptions
from app.importers.pdf import import_bytes, standing
from app.importers.pdf import serve as pdf_serve
from app.importers.pdf import workers as pdf_workers
from tests.pdf_factory import build_document

ROOT = Path(__file__).resolve().parents[2]
KEEP = ImportOptions(keep_readers=60.0)


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return build_document(45)


@pytest.fixture(scope="module")
def alone(long_pdf: bytes) -> ImportedText:
    return import_bytes(long_pdf, ImportOptions(), workers=0)


@pytest.fixture(params=["fork", "forkserver"])
def method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{request.param} does not exist here")
    monkeypatch.setattr(pdf_workers, "start_method", lambda: request.param)
    yield request.param
    standing.keep_readers(0)  # no reader outlives its test


def _spans(imported: ImportedText) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in imported.paragraphs]


def _pid_and_prepared(text: str, spans: list[tuple[int, int]]) -> tuple[int, Prepared]:
    """Work of the index's module (app.core.similar.prepare), and the process that did it."""
    return os.getpid(), prepare(text, spans)


def _gone(pid: int) -> bool:
    """Whether ``pid`` has ended (a zombie nobody reaped counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_the_next_import_reuses_the_kept_reader(
    long_pdf: bytes, alone: ImportedText, method: str
) -> None:
    assert import_bytes(long_pdf, KEEP, workers=1) == alone
    kept = standing.pids()
    assert len(kept) == 1
    assert import_bytes(long_pdf, KEEP, workers=1) == alone
    assert standing.pids() == kept  # the same process read both
    # An import with more workers takes the kept one and starts the rest.
    assert import_bytes(long_pdf, KEEP, workers=3) == alone
    assert len(standing.pids()) == 3 and kept[0] in standing.pids()
    # One that keeps none ends them.
    reader = standing._kept[0].proc
    assert import_bytes(long_pdf, ImportOptions(), workers=1) == alone
    assert standing.pids() == [] and not reader.is_alive()


def test_a_kept_reader_that_died_is_replaced(
    long_pdf: bytes, alone: ImportedText, method: str
) -> None:
    import_bytes(long_pdf, KEEP, workers=1)
    [dead] = standing.pids()
    os.kill(dead, signal.SIGKILL)
    time.sleep(0.1)
    assert import_bytes(long_pdf, KEEP, workers=1) == alone
    assert len(standing.pids()) == 1 and dead not in standing.pids()


def test_a_kept_reader_that_does_not_answer_is_replaced(
    long_pdf: bytes, alone: ImportedText, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(standing, "TAKE_WAIT", 0.3)
    import_bytes(long_pdf, KEEP, workers=1)
    [stuck] = standing.pids()
    os.kill(stuck, signal.SIGSTOP)  # alive, but it will never take the job
    assert import_bytes(long_pdf, KEEP, workers=1) == alone
    assert len(standing.pids()) == 1 and stuck not in standing.pids()
    assert _gone(stuck)


def test_a_kept_reader_leaves_after_its_idle_time(
    long_pdf: bytes, alone: ImportedText, method: str
) -> None:
    import_bytes(long_pdf, ImportOptions(keep_readers=0.2), workers=1)
    [reader] = standing._kept
    reader.proc.join(10)
    assert reader.proc.exitcode == 0  # it left by itself
    assert import_bytes(long_pdf, KEEP, workers=1) == alone
    assert standing.pids() not in ([], [reader.proc.pid])


def test_a_cancelled_import_keeps_no_reader(long_pdf: bytes, method: str) -> None:
    import_bytes(long_pdf, KEEP, workers=1)
    [kept] = standing._kept
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= 4:
            token.cancel()

    with pytest.raises(ImportCancelled):
        import_bytes(long_pdf, ImportOptions(progress=progress, cancel=token, keep_readers=60))
    assert standing.pids() == [] and not kept.proc.is_alive()
    assert not multiprocessing.active_children()


def test_a_large_document_gets_fresh_readers_and_keeps_none(
    long_pdf: bytes, alone: ImportedText, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_workers, "KEEP_BYTES", len(long_pdf) - 1)
    assert import_bytes(long_pdf, KEEP, workers=1) == alone
    assert standing.pids() == [] and not multiprocessing.active_children()


def test_kept_readers_end_with_the_importing_process(tmp_path: Path) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")
    script = textwrap.dedent(
        """
        import os, sys
        from app.importers.base import ImportOptions
        from app.importers.pdf import import_bytes, standing
        from tests.pdf_factory import build_document

        data = build_document(45)
        keep = ImportOptions(keep_readers=60)
        import_bytes(data, keep, workers=1)
        import_bytes(data, keep, workers=2)  # the kept one, and one forked after it
        print(*standing.pids(), flush=True)
        os._exit(0)  # no exit handler: as if the window crashed
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    readers = [int(pid) for pid in done.stdout.split()]
    assert len(readers) == 2, done.stderr
    deadline = time.monotonic() + 20
    while not all(_gone(pid) for pid in readers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(_gone(pid) for pid in readers)


def test_a_kept_reader_that_grew_leaves_and_is_replaced(
    long_pdf: bytes, alone: ImportedText, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a document left behind in pdfium goes with its process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork here")
    monkeypatch.setattr(pdf_workers, "start_method", lambda: "fork")
    monkeypatch.setattr(pdf_serve, "GROWTH", -1)  # inherited by the forked reader
    try:
        assert import_bytes(long_pdf, KEEP, workers=1) == alone
        [reader] = standing._kept
        reader.proc.join(10)
        assert reader.proc.exitcode == 0
        monkeypatch.setattr(pdf_serve, "GROWTH", 1 << 40)
        assert import_bytes(long_pdf, KEEP, workers=1) == alone
        assert len(standing.pids()) == 1 and reader.proc.pid not in standing.pids()
    finally:
        standing.keep_readers(0)


def test_a_kept_reader_learns_the_module_of_work_it_could_not_take(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started by the fork server (as in the window), a reader lacks the index's module: the
    first import prepares both halves here, the reader imports it while it waits, and the
    next import's second half is prepared there, the index the same."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server here")
    monkeypatch.setattr(pdf_workers, "start_method", lambda: "forkserver")
    where: list[tuple[int, int]] = []

    def hook(text: str, spans: list[tuple[int, int]], offload: Any) -> Any:
        theirs, ours = offload(_pid_and_prepared, (text, spans), os.getpid)
        where.append((theirs[0], ours))
        return theirs[1]

    try:
        options = ImportOptions(prepare=hook, keep_readers=60)
        first = import_bytes(long_pdf, options, workers=1)
        [reader] = standing.pids()
        second = import_bytes(long_pdf, options, workers=1)
        assert standing.pids() == [reader]
    finally:
        standing.keep_readers(0)
    assert where == [(os.getpid(), os.getpid()), (reader, os.getpid())]
    alone = prepare(first.text, _spans(first))
    for prepared in (first.prepared, second.prepared):
        assert prepared.starts == alone.starts and prepared.ends == alone.ends
        assert (prepared.keys == alone.keys).all() and prepared.length == alone.length


def test_a_kept_reader_reports_progress_like_a_new_one(long_pdf: bytes, method: str) -> None:
    import_bytes(long_pdf, KEEP, workers=1)
    [reader] = standing.pids()
    seen: list[tuple[int, int]] = []
    options = ImportOptions(progress=lambda d, t: seen.append((d, t)), keep_readers=60)
    import_bytes(long_pdf, options, workers=1)
    assert standing.pids() == [reader]
    assert seen[0] == (0, 45) and seen[-1] == (45, 45)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len({d for d, _ in seen}) > 3  # pages came in as they were read, not at the end
