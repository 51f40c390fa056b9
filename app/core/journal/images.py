"""Reading rows as plain images (column → value) for the journal, blobs left out.

The journal keeps before- and after-images of rows; blob columns (an original
file's bytes) are never copied into it, so an image is every column except
those. Reads go through the session's own connection, so they see the
transaction's uncommitted state.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, LargeBinary, Select, Table, bindparam, inspect, select

from app.core.models import TABLES

logger = logging.getLogger(__name__)

Image = dict[str, Any]
CHUNK = 500  # ids per IN (…): well under SQLite's bound-parameter limit

JOURNALED: dict[str, Table] = {t.name: t for m in TABLES if isinstance(t := m.__table__, Table)}


def table(name: str) -> Table:
    return JOURNALED[name]


def blob_columns(name: str) -> list[str]:
    return [c.name for c in table(name).columns if isinstance(c.type, LargeBinary)]


def image_columns(name: str) -> list[str]:
    return [c.name for c in table(name).columns if not isinstance(c.type, LargeBinary)]


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def read(connection: Connection, name: str, ids: Iterable[str]) -> dict[str, Image]:
    """The current images of the rows ``ids`` of table ``name`` (absent rows are missing)."""
    wanted = sorted(set(ids))
    result: dict[str, Image] = {}
    statement = _reading(name)
    for part in chunks(wanted):
        for row in connection.execute(statement, {"ids": part}).mappings():
            result[row["id"]] = dict(row)
    return result


def of_row(row: object) -> tuple[str, str, Image]:
    """An ORM row's table, id and image, from its attributes (no read)."""
    mapper = inspect(row).mapper
    image = {
        column.name: getattr(row, mapper.get_property_by_column(column).key)
        for column in mapper.local_table.columns
        if not isinstance(column.type, LargeBinary)
    }
    return mapper.local_table.name, image["id"], image


@functools.cache
def _reading(name: str) -> Select[Any]:
    """Reading rows of ``name`` by id, built once per table (every operation reads images)."""
    t = table(name)
    cols = [t.c[c] for c in image_columns(name)]
    return select(*cols).where(t.c.id.in_(bindparam("ids", expanding=True)))
