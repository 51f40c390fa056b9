"""PDF pages read in worker processes give exactly the text of the in-process import.

Every PDF under tests/fixtures and a generated long document are imported
both ways; the results (text, pages, paragraphs, footnotes, labels, metadata,
warnings), or the typed errors, must be equal. Then progress, cancel and a
crashed worker.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from app.core.errors import ImportCancelled, ImportFailedError, RejoinderError
from app.importers.base import CancelToken, ImportedText, ImportOptions
from app.importers.pdf import import_bytes
from app.importers.pdf import workers as pdf_workers
from tests.pdf_factory import build_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = sorted(FIXTURES.rglob("*.pdf"))


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return build_document(45)


def _outcome(data: bytes, workers: int) -> ImportedText | tuple[str, str]:
    try:
        return import_bytes(data, ImportOptions(), workers=workers)
    except RejoinderError as exc:
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_pdf_reads_the_same_in_workers(path: Path) -> None:
    data = path.read_bytes()
    assert _outcome(data, 2) == _outcome(data, 0)


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_a_long_document_reads_the_same_with_every_start_method(
    long_pdf: bytes, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in pdf_workers.multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} does not exist here")
    monkeypatch.setattr(pdf_workers, "start_method", lambda: method)
    alone = import_bytes(long_pdf, ImportOptions(), workers=0)
    assert len(alone.pages) == 45 and alone.footnotes
    for workers in (1, 3):
        assert import_bytes(long_pdf, ImportOptions(), workers=workers) == alone


def test_long_documents_get_workers_and_short_ones_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_workers, "available_cores", lambda: 4)
    assert pdf_workers.worker_count(10) == 0
    assert pdf_workers.worker_count(pdf_workers.MIN_PAGES - 1) == 0
    assert pdf_workers.worker_count(300) == 3  # and this process: four readers
    assert pdf_workers.worker_count(pdf_workers.MIN_PAGES) == 1
    monkeypatch.setattr(pdf_workers, "available_cores", lambda: 1)
    assert pdf_workers.worker_count(300) == 0
    assert pdf_workers.segments(10, 2) == [(0, 10)]  # one pair: this process and a worker
    assert pdf_workers.segments(10, 4) == [(0, 5), (5, 10)]
    assert pdf_workers.segments(9, 3) == [(0, 6), (6, 9)]  # a lone reader's range is half


def test_progress_counts_every_page_once(long_pdf: bytes) -> None:
    seen: list[tuple[int, int]] = []
    import_bytes(long_pdf, ImportOptions(progress=lambda d, t: seen.append((d, t))), workers=2)
    assert seen[0] == (0, 45) and seen[-1] == (45, 45)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_stops_the_workers(long_pdf: bytes) -> None:
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= 4:
            token.cancel()

    with pytest.raises(ImportCancelled):
        import_bytes(long_pdf, ImportOptions(progress=progress, cancel=token), workers=2)


def test_a_worker_that_dies_is_a_clean_error(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_workers, "start_method", lambda: "fork")
    real = pdf_workers.Chunk.read
    importer = os.getpid()

    def read_then_die(*args: object, **kwargs: object) -> object:
        if os.getpid() != importer:  # a worker; this process reads its own share
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_workers.Chunk, "read", read_then_die)
    with pytest.raises(ImportFailedError, match="stopped the PDF reader"):
        import_bytes(long_pdf, ImportOptions(), workers=2)


def _reading(
    monkeypatch: pytest.MonkeyPatch, here: list[int], pause: float = 0.0, worker_pause: float = 0.0
) -> None:
    """Record the pages this process reads; pause per page here, or once in a worker."""
    monkeypatch.setattr(pdf_workers, "start_method", lambda: "fork")
    real = pdf_workers.Chunk.read
    importer = os.getpid()

    def read(raw: object, indexes: Iterable[int], done: object = None) -> object:
        if os.getpid() != importer:
            time.sleep(worker_pause)
            return real(raw, indexes, done)  # type: ignore[arg-type]

        def recorded() -> Iterator[int]:
            for index in indexes:
                here.append(index)
                time.sleep(pause)
                yield index

        return real(raw, recorded(), done)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_workers.Chunk, "read", read)


def test_this_process_reads_the_first_pages_and_a_worker_the_rest(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    here: list[int] = []
    _reading(monkeypatch, here)
    alone = import_bytes(long_pdf, ImportOptions(), workers=0)
    here.clear()
    assert import_bytes(long_pdf, ImportOptions(), workers=1) == alone
    assert here == list(range(len(here)))  # the first pages; the worker read the rest


def test_a_worker_with_no_task_to_come_ends_while_the_text_is_assembled(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its pages in, a worker only waits for the caller's tasks: without any, it is ended."""
    from app.importers import pdf as pdf_importer

    pools: list[pdf_workers.PagePool] = []
    real_init, real_metadata = pdf_workers.PagePool.__init__, pdf_importer._metadata
    ended: list[int | None] = []

    def init(self: pdf_workers.PagePool, *args: object) -> None:
        real_init(self, *args)  # type: ignore[arg-type]
        pools.append(self)

    def metadata(doc: object) -> tuple[str | None, str | None, str | None]:
        for proc in (proc for pool in pools for proc in pool.procs):
            proc.join(5)  # the last step of the assembly: the pool is still open
            ended.append(proc.exitcode)
        return real_metadata(doc)

    monkeypatch.setattr(pdf_workers.PagePool, "__init__", init)
    monkeypatch.setattr(pdf_importer, "_metadata", metadata)
    alone = import_bytes(long_pdf, ImportOptions(), workers=0)
    assert import_bytes(long_pdf, ImportOptions(), workers=1) == alone
    assert ended == [-signal.SIGKILL]


@pytest.mark.parametrize("slow", ["worker", "this process"])
def test_the_faster_reader_reads_more_pages(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch, slow: str
) -> None:
    """The two readers of a range meet where their speeds put them, not in the middle."""
    here: list[int] = []
    alone = import_bytes(long_pdf, ImportOptions(), workers=0)
    if slow == "worker":  # slow to start
        _reading(monkeypatch, here, worker_pause=1.0)
        assert import_bytes(long_pdf, ImportOptions(), workers=1) == alone
        assert here == list(range(45))  # and the worker read none
    else:  # busy with other work
        _reading(monkeypatch, here, pause=0.05)
        assert import_bytes(long_pdf, ImportOptions(), workers=1) == alone
        assert 0 < len(here) < 15


def test_with_work_of_its_own_this_process_reads_what_the_worker_has_not(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The caller's own work runs first while one worker reads; no second worker is started."""
    monkeypatch.setattr(pdf_workers, "available_cores", lambda: 2)
    here: list[int] = []
    calls: list[int] = []
    _reading(monkeypatch, here)
    started: list[object] = []
    real_start = pdf_workers.PagePool._start

    def start(pool: pdf_workers.PagePool, *args: object) -> None:
        started.append(args)
        real_start(pool, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_workers.PagePool, "_start", start)
    alone = import_bytes(long_pdf, ImportOptions(), workers=0)
    here.clear()

    def own_work() -> None:
        calls.append(len(here))
        time.sleep(1.0)

    assert import_bytes(long_pdf, ImportOptions(meanwhile=own_work)) == alone
    assert calls == [0] and len(started) == 1
    assert here == []  # the worker read every page meanwhile


def test_slow_work_of_its_own_does_not_count_against_the_workers_deadline(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A starved importing process must not refuse a document its workers read in time."""
    monkeypatch.setattr(pdf_workers, "DEADLINE", 5.0)
    alone = import_bytes(long_pdf, ImportOptions(), workers=0)
    options = ImportOptions(meanwhile=lambda: time.sleep(5.5))
    assert import_bytes(long_pdf, options, workers=1) == alone


def _collector_while_reading(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on, noted each time an import reads a range of pages."""
    real = pdf_workers.Chunk.read
    seen: list[bool] = []

    def read(raw: object, indexes: Iterable[int], done: object = None) -> object:
        seen.append(gc.isenabled())
        return real(raw, indexes, done)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_workers.Chunk, "read", read)
    return seen


def test_the_collector_is_off_during_an_import_and_as_before_after(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector only costs time over an import's objects; the caller's setting returns."""
    seen = _collector_while_reading(monkeypatch)
    assert gc.isenabled()
    import_bytes(long_pdf, ImportOptions(), workers=0)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        import_bytes(long_pdf, ImportOptions(), workers=0)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("workers", [0, 1])
def test_the_lines_are_freed_before_the_collector_comes_back(long_pdf: bytes, workers: int) -> None:
    """The first collection walks every object made while it was off: not the lines too."""
    from app.importers.pdf.lines import Line

    lines_seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and not lines_seen:
            lines_seen.append(sum(isinstance(o, Line) for o in gc.get_objects(0)))

    gc.collect()
    gc.callbacks.append(note)
    try:
        imported = import_bytes(long_pdf, ImportOptions(), workers=workers)
        gc.collect(0)  # in case the import's own objects did not make one due
    finally:
        gc.callbacks.remove(note)
    assert imported.paragraphs and lines_seen == [0]


def test_an_import_in_a_thread_leaves_the_collector_on(
    long_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window imports on a pool thread: its Qt garbage must not pile up for another thread."""
    seen = _collector_while_reading(monkeypatch)
    thread = threading.Thread(
        target=import_bytes, args=(long_pdf, ImportOptions()), kwargs={"workers": 0}
    )
    thread.start()
    thread.join(60)
    assert seen == [True] and gc.isenabled()


def test_a_line_crosses_a_pipe_whole() -> None:
    """Line pickles as its fields in order: every one of them must come back."""
    from dataclasses import fields

    from app.importers.pdf.glyphs import Line

    values = {
        "text": "12 Text",
        "x0": 1.5,
        "x1": 2.5,
        "bottom": 3.5,
        "top": 4.5,
        "size": 5.5,
        "bold": True,
        "hyphen": True,
        "sups": [(0, 2)],
        "vertical": True,
        "start": 7,
    }
    assert sorted(values) == sorted(f.name for f in fields(Line))
    line = Line(**values)  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(line, pickle.HIGHEST_PROTOCOL)) == line
