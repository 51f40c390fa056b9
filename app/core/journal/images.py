"""Reading rows as plain images (column → value) for the journal, blobs left out.

The journal keeps before- and after-images of rows; blob columns (an original
file's bytes) are never copied into it, so an image is every column except
those. Reads go through the session's own connection, so they see the
transaction's uncommitted state.

A source's text (megabytes for a long PDF) is not copied either while its row
holds it: :func:`elide` replaces it with its digest in the image of a row an
operation inserted, and in both images when an operation left it unchanged.
Undo moves the text into the journal when it removes the row, as it moves
blobs, and redo moves it back; so an import stores its text once, in its row.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, LargeBinary, Select, Table, bindparam, inspect, select

from app.core.models import TABLES

logger = logging.getLogger(__name__)

Image = dict[str, Any]
CHUNK = 500  # ids per IN (…): well under SQLite's bound-parameter limit

JOURNALED: dict[str, Table] = {t.name: t for m in TABLES if isinstance(t := m.__table__, Table)}

# Columns an entry names by digest while the row itself holds the value (see above).
LARGE: dict[str, tuple[str, ...]] = {"source_version": ("text", "paragraphs", "pages")}
MARK = "$sha256"


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


def _digest(value: str) -> dict[str, str]:
    return {MARK: hashlib.sha256(value.encode("utf-8")).hexdigest()}


def is_mark(value: object) -> bool:
    """True for the digest :func:`elide` put in place of a value."""
    return isinstance(value, dict) and set(value) == {MARK}


def elide(name: str, old: Image | None, new: Image | None) -> tuple[Image | None, Image | None]:
    """The images to store for a row that went from ``old`` to ``new`` (see the module's text)."""
    columns = LARGE.get(name)
    if not columns or new is None:
        return old, new
    new = dict(new)
    old = dict(old) if old is not None else None
    for column in columns:
        value = new.get(column)
        if not isinstance(value, str):
            continue
        if old is None:
            new[column] = _digest(value)
        elif old.get(column) == value:
            old[column] = new[column] = _digest(value)
    return old, new


def matches(value: object, expected: object) -> bool:
    """``value`` (read from a row) is what an image recorded, by digest where it has one."""
    if is_mark(expected):
        return isinstance(value, str) and _digest(value) == expected
    return value == expected


def differing(now: Image, expected: Image) -> list[str]:
    """The columns of a row that are no longer as an image recorded them."""
    return sorted(k for k in expected if not matches(now.get(k), expected[k]))


def same(now: Image | None, expected: Image | None) -> bool:
    """The row ``now`` is the one an image recorded (``None``: no row)."""
    if now is None or expected is None:
        return now is expected
    return set(now) == set(expected) and not differing(now, expected)
