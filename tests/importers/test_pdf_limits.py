"""A PDF within the size limit imports in bounded memory and time, or is refused.

Issue 11 §4: a 1 MB PDF whose one Flate stream inflates to 1 GB took 2.1 GB of
memory. Each import runs in a subprocess under limits (address space, CPU
seconds) and reports its own peak memory and its workers' from getrusage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.core.errors import ImportCancelled
from app.importers.base import CancelToken, ImportOptions
from app.importers.pdf import import_bytes, streams
from app.importers.pdf import serve as pdf_serve
from app.importers.pdf import workers as pdf_workers
from tests.helpers import ROOT
from tests.importers.pdf_bomb import flate_bomb

GB = 1024**3

_RUN = """
import json, resource, sys
from app.core.errors import RejoinderError
from app.importers.base import ImportOptions
from app.importers.pdf import import_bytes
data = open(sys.argv[1], "rb").read()
try:
    result = import_bytes(data, ImportOptions())
    outcome = ["imported", len(result.text)]
except RejoinderError as exc:
    outcome = [type(exc).__name__, str(exc)]
peak = max(resource.getrusage(who).ru_maxrss for who in
           (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"outcome": outcome, "peak_kb": peak}))
"""


def _limits() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 * GB, 4 * GB))  # a net: the machine survives
    resource.setrlimit(resource.RLIMIT_CPU, (30, 30))  # the budget: 30 s of CPU at most


def _import_in_subprocess(path: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _RUN, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=_limits,
        env=os.environ.copy(),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.skipif(sys.platform != "linux", reason="getrusage and rlimits as on Linux")
def test_a_gigabyte_flate_stream_is_refused_in_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(flate_bomb(GB))
    assert path.stat().st_size < 2 * 1024 * 1024
    report = _import_in_subprocess(path)
    kind, message = report["outcome"]  # type: ignore[misc]
    assert kind == "ImportFailedError"
    assert "unpacks to more than 256 MB" in message
    assert report["peak_kb"] < GB // 1024  # type: ignore[operator]


@pytest.mark.skipif(sys.platform != "linux", reason="getrusage and rlimits as on Linux")
def test_a_large_stream_under_the_limit_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "heavy.pdf"
    path.write_bytes(flate_bomb(200 * 1024 * 1024))
    report = _import_in_subprocess(path)
    kind, _message = report["outcome"]  # type: ignore[misc]
    assert kind in ("imported", "NeedsOcrError")  # blank page: no text, refused cleanly
    assert report["peak_kb"] < GB // 1024  # type: ignore[operator]


def test_the_stream_check_measures_and_skips_what_it_should() -> None:
    assert streams.largest_stream(flate_bomb(8 * 1024 * 1024)) == 8 * 1024 * 1024
    assert streams.largest_stream(flate_bomb(GB), limit=1024 * 1024) > 1024 * 1024
    image = flate_bomb(8 * 1024 * 1024).replace(b"/Filter", b"/Subtype /Image /Filter")
    assert streams.largest_stream(image) == 0


def test_the_heavy_check_inflates_only_streams_that_could_be_heavy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stream whose written length cannot unpack beyond HEAVY is not inflated.

    Deflate packs at most 1,032:1, so an 8 MB bomb (10 kB packed) cannot be
    heavy; a 24 MB one (30 kB) might, and is measured. A length by
    reference, or one that is wrong, says nothing: those are measured too.
    """
    inflated: list[int] = []
    real = streams._inflated

    def counting(data: bytes, start: int, limit: int) -> int:
        inflated.append(start)
        return real(data, start, limit)

    monkeypatch.setattr(streams, "_inflated", counting)
    small = flate_bomb(8 * 1024 * 1024)
    assert streams.check_streams(small) == 0 and inflated == []
    assert streams.check_streams(flate_bomb(24 * 1024 * 1024)) == 24 * 1024 * 1024
    by_reference = small.replace(b"/Length ", b"/Length 9 0 R /Foo ")
    assert streams.check_streams(by_reference) == 8 * 1024 * 1024
    wrong = small.replace(b"/Length ", b"/Length 5 /Foo ")
    assert streams.check_streams(wrong) == 8 * 1024 * 1024
    assert len(inflated) == 3


def test_cancel_stops_pdfium_inside_one_long_page() -> None:
    """One page whose content takes pdfium seconds: cancel ends it in the middle."""
    data = flate_bomb(200 * 1024 * 1024)
    token = CancelToken()
    started = threading.Event()

    def cancel_when_a_worker_runs() -> None:
        while not pdf_workers.multiprocessing.active_children():
            if started.wait(0.01):
                return
        token.cancel()

    watcher = threading.Thread(target=cancel_when_a_worker_runs)
    watcher.start()
    try:
        with pytest.raises(ImportCancelled):
            import_bytes(data, ImportOptions(cancel=token))
    finally:
        started.set()
        watcher.join()
    assert pdf_workers.multiprocessing.active_children() == []


def _limited_address_space(conn: object) -> None:
    import resource

    pdf_serve.limit_memory()
    conn.send(resource.getrlimit(resource.RLIMIT_AS)[0])  # type: ignore[attr-defined]


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="Linux only")
def test_a_worker_may_grow_by_its_allowance_only() -> None:
    """The address-space limit a worker sets itself: its size when it starts, plus MEMORY."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    ours, theirs = ctx.Pipe()
    proc = ctx.Process(target=_limited_address_space, args=(theirs,))
    proc.start()
    limit = ours.recv()
    proc.join()
    with open("/proc/self/statm", encoding="ascii") as fh:
        size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    assert abs(limit - (size + pdf_serve.MEMORY)) < 64 * 1024 * 1024
