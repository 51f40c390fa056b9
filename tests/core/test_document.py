"""Core owns the document types; a version's pages and paragraphs come back as they went in."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.core import document
from app.core.document import Page, Paragraph, ParagraphKind, pages_from_json, to_json
from app.importers import base

APP = Path(__file__).resolve().parents[2] / "app"

paragraphs = st.builds(
    Paragraph,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    kind=st.sampled_from(list(ParagraphKind)),
    number=st.none() | st.text(max_size=6),
    level=st.integers(0, 9),
)
pages = st.builds(
    Page,
    index=st.integers(0, 5000),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    label=st.text(max_size=8),
)


@given(st.lists(paragraphs, max_size=20))
def test_paragraphs_round_trip_through_a_versions_json(items: list[Paragraph]) -> None:
    assert document.paragraphs_from_json(to_json(items)) == tuple(items)


@given(st.lists(pages, max_size=20))
def test_pages_round_trip_through_a_versions_json(items: list[Page]) -> None:
    assert pages_from_json(to_json(items)) == tuple(items)


def test_importers_return_cores_types_not_copies() -> None:
    assert base.ImportedText is document.ImportedText
    assert base.Paragraph is document.Paragraph and base.Page is document.Page


def test_core_keeps_no_protocol_copy_of_the_imported_text() -> None:
    tree = ast.parse((APP / "core" / "services" / "sources.py").read_text(encoding="utf-8"))
    classes = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    assert not classes & {"ImportedLike", "PageInfo", "ParagraphInfo"}
