"""The contribution's view read from a project file with :mod:`sqlite3` alone.

``rejoinder export`` paid more than half of its time importing SQLAlchemy
and mapping the models before reading a single row (issue 14: the whole
command ≤ 0.5 × pandoc). The view needs nothing of the ORM: these are the
statements :func:`app.core.contribution.view.read_project` runs — the live
rows (``deleted_at IS NULL``, every member), in the same order — and the
same :func:`~app.core.contribution.view.view_of` makes the view of them. A
test reads projects both ways and compares the views.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import namedtuple
from typing import Any

from app.core.contribution.view import ProjectView, Rows, view_of

logger = logging.getLogger(__name__)

_LIVE = "deleted_at IS NULL"


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
    """The rows of ``sql`` as tuples whose columns are attributes (as the ORM's objects)."""
    cursor = conn.execute(sql, params)
    shape = namedtuple("Row", [c[0] for c in cursor.description])  # type: ignore[misc]
    return [shape._make(row) for row in cursor]


def _marks(count: int) -> str:
    return ",".join("?" * count)


def has_sent(conn: sqlite3.Connection) -> bool:
    """Whether a final export was recorded (the export command then offers a revision)."""
    return conn.execute(f"SELECT 1 FROM sent_export WHERE {_LIVE} LIMIT 1").fetchone() is not None


def read_file(conn: sqlite3.Connection, *, with_notes: bool = False) -> ProjectView:
    """The view of the project open on ``conn`` (see :func:`app.core.quickread.reading`)."""
    (project,) = _rows(conn, f"SELECT * FROM project WHERE {_LIVE}")
    sources = _rows(conn, f"SELECT * FROM source WHERE {_LIVE}")
    ids = tuple(s.id for s in sources)
    passages = _rows(
        conn,
        f"SELECT * FROM passage WHERE source_id IN ({_marks(len(ids))}) AND {_LIVE} "
        "ORDER BY ordinal, created_at",
        ids,
    )
    wanted = tuple({p.source_version_id for p in passages})
    versions = _rows(
        conn,
        "SELECT id, media_type, pages, paragraphs FROM source_version "
        f"WHERE id IN ({_marks(len(wanted))}) AND {_LIVE}",
        wanted,
    )
    rows = Rows(
        project=project,
        members=_rows(conn, "SELECT id, name FROM member"),
        sources=sources,
        responses=_rows(conn, f"SELECT * FROM response WHERE {_LIVE} ORDER BY created_at"),
        passages=passages,
        versions={v.id: v for v in versions},
        blocks=_rows(conn, f"SELECT * FROM block WHERE {_LIVE} ORDER BY ordinal, created_at"),
        sections=_rows(conn, f"SELECT * FROM section WHERE {_LIVE} ORDER BY ordinal, created_at"),
        notes=_rows(conn, f"SELECT * FROM note WHERE {_LIVE} ORDER BY created_at")
        if with_notes
        else None,
    )
    return view_of(rows)
