"""Every .docx a test leaves in its temporary folder must reopen with python-docx."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest


@pytest.fixture(autouse=True)
def _reopen_exports(tmp_path: Path) -> Iterator[None]:
    yield
    for path in sorted(tmp_path.rglob("*.docx")):
        if zipfile.is_zipfile(path):  # deliberately broken inputs and "older file" stand-ins
            docx.Document(str(path))
