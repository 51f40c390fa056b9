"""Deleted rows are invisible to every ORM read unless a reader asks for them.

The filter is a session event (:mod:`app.core.live`), so a query written
without ``deleted_at IS NULL`` — a relationship, ``Session.get``, a join —
still sees only live rows; a merge or a resolver asks for tombstones by name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.core.live import including_deleted, with_deleted
from app.core.models import Passage, Response, Source
from app.core.services import passages, sources
from app.core.store import ProjectStore
from tests.core.factories import populated

APP = Path(__file__).resolve().parents[2] / "app"


@pytest.fixture
def removed(tmp_path: Path) -> tuple[ProjectStore, str, str]:
    store, source, passage, _response = populated(tmp_path / "p.rejoinder")
    passages.delete_passage(store, passage)
    yield store, source, passage
    store.close()


def test_a_plain_query_a_get_and_a_join_see_no_deleted_row(
    removed: tuple[ProjectStore, str, str],
) -> None:
    store, source, passage = removed
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Passage)) == 0
        assert session.get(Passage, passage) is None
        joined = select(Response).join(Passage, Passage.id == Response.passage_id)
        assert session.scalars(joined).all() == []
        assert session.get(Source, source) is not None


def test_a_reader_that_asks_sees_the_tombstones(removed: tuple[ProjectStore, str, str]) -> None:
    store, _source, passage = removed
    with store.session() as session:
        row = session.scalars(including_deleted(select(Passage))).one()
        assert row.id == passage and row.deleted_at is not None
    with store.session() as session, with_deleted(session):
        found = session.get(Passage, passage)
        assert found is not None and found.deleted_at is not None
    with store.session() as session:
        assert session.get(Passage, passage) is None  # the session's flag was put back


def test_a_removed_source_disappears_from_the_lists(tmp_path: Path) -> None:
    store, source, _passage, _response = populated(tmp_path / "p.rejoinder")
    with store:
        sources.remove_source(store, source)
        assert sources.list_sources(store) == []
        assert passages.list_passages(store) == []


def _hand_written_filters(source: str) -> list[int]:
    """Lines of ``X.deleted_at.is_(None)`` (a filter the session now adds by itself)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "is_"
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "deleted_at"
    ]


def test_the_check_sees_a_hand_written_filter() -> None:
    assert _hand_written_filters("q = select(A).where(A.deleted_at.is_(None))") == [1]


def test_no_query_repeats_the_default_filter() -> None:
    found = {
        f"{path.relative_to(APP.parent)}:{line}"
        for path in sorted(APP.rglob("*.py"))
        if path.name != "live.py"  # the one place that writes it
        for line in _hand_written_filters(path.read_text(encoding="utf-8"))
    }
    assert not found, sorted(found)
