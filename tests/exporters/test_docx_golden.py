"""Golden files: the XML of a small export, pretty-printed, compared line by line.

A change to the exporter that alters the Word XML shows up here as a diff a
reviewer can read. Regenerate deliberately with ``REJOINDER_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.exporters.docx import export_docx
from app.exporters.layout import Layout
from tests.exporters.docx_helpers import pretty, small_contribution

GOLDEN = Path(__file__).with_name("golden")
PARTS = ("word/document.xml", "word/numbering.xml", "word/footnotes.xml")
_VOLATILE = re.compile(r"w:rsid\w*=\"[^\"]*\"|w:date=\"[^\"]*\"|<dcterms:(created|modified)")


def _stable(xml: str) -> str:
    """Drop rsids and dates, which change on every save without changing the document."""
    lines = [_VOLATILE.sub("", line).rstrip() for line in xml.splitlines()]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("layout", list(Layout))
def test_golden_parts(tmp_path: Path, layout: Layout) -> None:
    path = tmp_path / "small.docx"
    export_docx(small_contribution(), path, layout=layout)
    for part in PARTS:
        actual = _stable(pretty(path, part))
        golden = GOLDEN / f"{layout.value}-{Path(part).stem}.xml"
        if os.environ.get("REJOINDER_UPDATE_GOLDEN") == "1" or not golden.exists():
            golden.write_text(actual, encoding="utf-8")
            if os.environ.get("REJOINDER_UPDATE_GOLDEN") != "1":
                pytest.fail(f"{golden.name} was missing and has been written; check and commit it")
        assert actual == golden.read_text(encoding="utf-8"), f"{golden.name} differs"
