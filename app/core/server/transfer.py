"""Copying a project between its two homes: ``publish`` (file → server), ``checkout``.

Both copy the rows of every table of the dump (:data:`app.core.models.TABLES`)
in one transaction, so a copy is whole or absent: publishing runs the Alembic
revisions and fills the tables in the same transaction, and a checkout is
built under a temporary name and renamed into place. The journal (undo
history) belongs to the copy it was made in and stays behind, as in a dump.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Integer, Table, insert, select, text
from sqlalchemy.exc import DBAPIError

from app.core import dialect, outputs
from app.core.config import Identity
from app.core.errors import DatabaseNotEmptyError, ProjectError
from app.core.i18n import _, ngettext
from app.core.models import TABLES, Base
from app.core.server import schema, team
from app.core.server.address import ServerAddress
from app.core.server.connect import make_engine, translate
from app.core.store import SUFFIX, ProjectStore, init_database

logger = logging.getLogger(__name__)

BATCH = 500
PUBLISH_LOCK = 0x524A4E44  # one publish at a time per database (advisory lock key)


def _tables() -> Iterator[Table]:
    for model in TABLES:
        yield cast(Table, model.__table__)


def parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a table that refers to itself (a note's replies) after the rows they refer to."""
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not own:
        return rows
    by_id = {row["id"]: row for row in rows}
    placed: set[str] = set()
    ordered: list[dict[str, Any]] = []

    def place(row: dict[str, Any], depth: int = 0) -> None:
        if row["id"] in placed or depth > len(rows):
            return
        for column in own:
            parent = by_id.get(row[column])
            if parent is not None:
                place(parent, depth + 1)
        placed.add(row["id"])
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def copy_rows(source: Connection, target: Connection) -> int:
    """Every row of every dumped table from ``source`` into the empty tables of ``target``."""
    dialect.defer_foreign_keys(target)
    count = 0
    for table in _tables():
        rows = [dict(row) for row in source.execute(select(table)).mappings()]
        rows.sort(key=lambda row: str(row["id"]))
        rows = parents_first(table, rows)
        for start in range(0, len(rows), BATCH):
            target.execute(insert(table), rows[start : start + BATCH])
        count += len(rows)
    return count


def reset_sequences(connection: Connection) -> None:
    """After rows came with their own serial numbers, PostgreSQL's counters follow them."""
    if dialect.is_sqlite(connection):
        return
    present = set(schema.table_names(connection))
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            continue
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement is True:
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f'coalesce(max("{column.name}"), 0) + 1, false) FROM "{table.name}"'
                    )
                )


def publish(path: Path, url: str, identity: Identity | None = None) -> int:
    """Copy the project file ``path`` into the empty database ``url``; the rows copied."""
    address = ServerAddress.parse(url)
    with ProjectStore.open(Path(path), identity) as store:
        engine = make_engine(address)
        try:
            with engine.begin() as target:
                target.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUBLISH_LOCK})
                found = schema.table_names(target)
                if found:
                    raise DatabaseNotEmptyError(
                        ngettext(
                            "The database “{database}” on {where} is not empty (it has {n} "
                            "table); a project is published only into an empty database. "
                            "Nothing was changed.",
                            "The database “{database}” on {where} is not empty (it has {n} "
                            "tables); a project is published only into an empty database. "
                            "Nothing was changed.",
                            len(found),
                        ).format(
                            database=address.database,
                            where=f"{address.host}:{address.port}",
                            n=len(found),
                        )
                    )
                schema.upgrade(target)
                with store.engine.connect() as source:
                    count = copy_rows(source, target)
                reset_sequences(target)
                # The copy deferred the foreign keys; check them now, because
                # PostgreSQL refuses to ALTER a table (row-level security) while
                # its deferred checks are still pending.
                target.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
                team.install(target, store.member_id)
        except DBAPIError as exc:
            raise translate(exc, address) or exc from exc
        finally:
            engine.dispose()
    logger.info("published %s to %s: %d rows", path, address, count)
    return count


def copy_to_file(source: Connection, target: Path, *, protect: tuple[Path, ...] = ()) -> None:
    """A new project file at ``target`` holding the rows ``source`` reads (at head)."""
    if os.path.lexists(target):
        raise ProjectError(
            _("“{target}” already exists; choose another name.").format(target=target)
        )
    with outputs.atomic_path(target, outputs.PROJECT, protect=protect) as tmp:
        engine = init_database(tmp)
        try:
            with engine.begin() as connection:
                copy_rows(source, connection)
        finally:
            engine.dispose()


def load_into(source: Path, url: str, identity: Identity | None = None) -> int:
    """``load`` onto a server: the dump is checked and built as a file, then published."""
    import tempfile

    from app.core import dump

    with tempfile.TemporaryDirectory(prefix="rejoinder-load-") as folder:
        project = Path(folder) / f"loaded{SUFFIX}"
        dump.load(source, project)
        return publish(project, url, identity)
