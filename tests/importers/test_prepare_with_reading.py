"""Every format's sentence index is prepared with its reading when the caller asks for it.

The store's write holds the project's write lock; what it needs of the index
(sentences and band keys) is prepared before, in the reading's thread or
process, for a Word file or a short PDF as for a long PDF whose reader shares
the work with its worker, and exactly once.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.core.similar import prepare_index
from app.core.similar.prepare import prepare
from app.importers.base import ImportOptions
from app.importers.detect import import_file
from tests.importers.docx_factory import build_docx, p
from tests.pdf_factory import build_document

TEXT = (
    "Member States should keep full sovereignty over numbering resources in their territory.\n\n"
    "The Secretariat should publish every contribution four weeks before each meeting."
)


def _counting() -> tuple[list[str], Any]:
    calls: list[str] = []

    def counted(text: str, spans: list[tuple[int, int]], offload: Any) -> Any:
        calls.append(text)
        return prepare_index(text, spans, offload)

    return calls, counted


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("statement.txt", TEXT.encode("utf-8")),
        ("statement.docx", None),
        ("short.pdf", None),
        ("long.pdf", None),
    ],
)
def test_the_index_is_prepared_once_with_the_reading(name: str, data: bytes | None) -> None:
    if name == "statement.docx":
        data = build_docx("".join(p(paragraph) for paragraph in TEXT.split("\n\n")))
    elif name == "short.pdf":
        data = build_document(3)
    elif name == "long.pdf":
        data = build_document(45)  # read with a worker process
    assert data is not None
    calls, counted = _counting()
    imported = import_file(data, name, ImportOptions(prepare=counted))
    assert calls == [imported.text]
    alone = prepare(imported.text, [(p.start, p.end) for p in imported.paragraphs])
    found = imported.prepared
    assert found is not None and found.fits(imported.text)
    assert (found.starts, found.ends) == (alone.starts, alone.ends) and len(found.starts) > 1
    assert (found.keys == alone.keys).all()


def test_nothing_is_prepared_unless_asked() -> None:
    assert import_file(TEXT.encode("utf-8"), "statement.txt").prepared is None
