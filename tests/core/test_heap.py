"""A process that frees C memory as it goes keeps the top of its heap (glibc only).

Counted in page faults, which do not depend on the machine's load: reading
the pages of a long PDF with pdfium in a fresh process, with and without
:func:`app.core.heap.keep_heap_top`.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from app.core import heap
from tests.helpers import ROOT

_READ = textwrap.dedent(
    """
    import resource, sys
    import pypdfium2.raw as pdfium_c
    import pypdfium2 as pdfium
    from app.core.heap import keep_heap_top
    from tests.pdf_factory import build_document

    doc = pdfium.PdfDocument(build_document(80))
    if sys.argv[1] == "pad":
        assert keep_heap_top()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for index in range(len(doc)):
        page = pdfium_c.FPDF_LoadPage(doc.raw, index)
        text = pdfium_c.FPDFText_LoadPage(page)
        pdfium_c.FPDFText_ClosePage(text)
        pdfium_c.FPDF_ClosePage(page)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    """
)


def _faults(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _READ, mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_reading_pages_faults_far_less_with_the_heap_top_kept() -> None:
    plain, padded = _faults("plain"), _faults("pad")
    assert padded < plain / 4, (plain, padded)


def test_elsewhere_nothing_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    heap.keep_heap_top.cache_clear()
    monkeypatch.setattr(heap.sys, "platform", "darwin")
    try:
        assert heap.keep_heap_top() is False
    finally:
        heap.keep_heap_top.cache_clear()
