"""The list of sources in one SQL statement, which needs no ORM to run.

``rejoinder sources`` must answer within 0.25 s, less than importing
SQLAlchemy takes, so it runs this statement on a plain :mod:`sqlite3`
connection (:func:`app.core.quickread.reading`); the Sources panel runs the
same statement through its session (:func:`app.core.services.sources.list_sources`).
One statement, one rule for a source's current version and its counts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

# The current version is the highest live version number; a source's text
# (megabytes for a long PDF) is never read, only its page count. A passage is
# answered as ``check`` sees it: by its own response or the one it shares
# ("Same answer as…"), with text or moved on from draft (a highlight).
_SOURCES = """
WITH latest AS (
    SELECT source_id, max(version_no) AS no FROM source_version
    WHERE deleted_at IS NULL {only} GROUP BY source_id
), cited AS (
    SELECT source_id, count(*) AS n FROM passage
    WHERE deleted_at IS NULL {only} GROUP BY source_id
), answered AS (
    SELECT p.source_id, count(DISTINCT p.id) AS n
    FROM passage AS p JOIN response AS r ON r.passage_id = coalesce(p.same_as_id, p.id)
    WHERE p.deleted_at IS NULL AND r.deleted_at IS NULL
      AND (trim(r.text) != '' OR r.status != 'draft') {only_p}
    GROUP BY p.source_id
)
SELECT s.id, s.label, s.title, s.kind, s.ordinal, json_array_length(v.pages),
       coalesce(c.n, 0), coalesce(a.n, 0), v.version_no, v.id, v.filename
FROM source AS s
JOIN latest AS l ON l.source_id = s.id
JOIN source_version AS v ON v.source_id = s.id AND v.version_no = l.no
LEFT JOIN cited AS c ON c.source_id = s.id
LEFT JOIN answered AS a ON a.source_id = s.id
WHERE s.deleted_at IS NULL
ORDER BY s.ordinal, s.id
"""
SOURCES_SQL = _SOURCES.format(only="", only_p="")
# One source's row (its id bound as :source_id): a view updates one item, not the list.
ONE_SOURCE_SQL = _SOURCES.format(
    only="AND source_id = :source_id", only_p="AND p.source_id = :source_id"
)


def sources_sql(dialect: str, *, one: bool = False) -> str:
    """:data:`SOURCES_SQL` (or :data:`ONE_SOURCE_SQL`) in the SQL of ``dialect``.

    ``dialect`` is "sqlite" or "postgresql". PostgreSQL reads the pages' JSON
    only once it is cast, and orders ids by its collation unless told to
    compare bytes as SQLite does.
    """
    sql = ONE_SOURCE_SQL if one else SOURCES_SQL
    if dialect == "sqlite":
        return sql
    return sql.replace(
        "json_array_length(v.pages)", "json_array_length(CAST(v.pages AS json))"
    ).replace("ORDER BY s.ordinal, s.id", 'ORDER BY s.ordinal, s.id COLLATE "C"')


@dataclass(frozen=True)
class SourceInfo:
    id: str
    label: str
    title: str
    kind: str
    ordinal: int
    pages: int
    passages: int
    answered: int
    version_no: int
    version_id: str
    filename: str


def version_name(version_no: int) -> str:
    """How a version is named to a person: the original, then Rev.1, Rev.2, …"""
    return "original" if version_no <= 1 else f"Rev.{version_no - 1}"


def source_infos(rows: Iterable[Sequence[Any]]) -> list[SourceInfo]:
    """The rows of :data:`SOURCES_SQL` as :class:`SourceInfo`, in the sources' order."""
    return [
        SourceInfo(
            id=row[0],
            label=row[1],
            title=row[2],
            kind=row[3],
            ordinal=row[4],
            pages=row[5] or 1,
            passages=row[6],
            answered=row[7],
            version_no=row[8],
            version_id=row[9],
            filename=row[10],
        )
        for row in rows
    ]


# Passages answered with text but no position yet (``rejoinder sources --no-position``);
# a passage sharing another's answer ("Same answer as…") is answered by that one.
UNPOSITIONED_SQL = """
SELECT p.id, s.id, s.label, p.quote, r.status
FROM passage AS p
JOIN source AS s ON s.id = p.source_id
JOIN response AS r ON r.passage_id = coalesce(p.same_as_id, p.id)
WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND r.deleted_at IS NULL
  AND r.position = '' AND trim(r.text) != ''
ORDER BY s.ordinal, s.id, p.ordinal, p.created_at
"""


@dataclass(frozen=True)
class Unpositioned:
    """A passage whose response has text but no position."""

    passage_id: str
    source_id: str
    label: str
    quote: str
    status: str


def unpositioned(rows: Iterable[Sequence[Any]]) -> list[Unpositioned]:
    return [Unpositioned(*row) for row in rows]
