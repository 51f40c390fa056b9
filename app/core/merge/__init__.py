"""Merge a colleague's copy of the project into the open one.

Colleagues copy the project file by hand, so there is no common ancestor to
diff against. Each field instead carries the stamps of its changes
(``app.core.stamps``), and rows are matched by UUID — an original file
by its sha256, and a document both copies imported separately becomes one
source. For every field present in both copies:

- equal values: nothing to do;
- the other copy's latest change is in our history: ours descends from it, keep ours;
- our latest change is in theirs: take theirs, with its history;
- neither: both changed it since the copies diverged. The row keeps the later
  change for now and a :class:`~app.core.models.Conflict` row keeps both
  values, authors and times, until someone chooses (:func:`resolve_conflict`).

Rows are never removed: a deletion is a ``deleted_at`` that travels like any
other field, except that a row one copy deleted and the other edited is kept
(with a conflict recording the deletion) so that no edit disappears. The
decision is the same whichever copy is merged into which, and merging the
same copy twice changes nothing the second time.

The other file is untrusted: it is checked read-only, never locked, written or
upgraded in place (an older one is upgraded on a temporary copy), and every
row it brings is checked like a dump's (``app.core.merge.validate``) before
anything is written. Our file is copied to the backups folder before anything
is written, and the merge is one operation of the project's journal:
``app.core.journal.replay.undo`` takes it back exactly (``rejoinder undo``,
Edit › Undo merge).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

from sqlalchemy import Connection, Table, bindparam, create_engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.core import dialect, journal, labels, markup, migrate
from app.core.config import paths
from app.core.errors import (
    CorruptProjectError,
    InvalidInputError,
    MergeError,
    NotAProjectError,
    NotFoundError,
    ProjectError,
)
from app.core.i18n import _, ngettext
from app.core.live import get_any
from app.core.merge import validate
from app.core.merge.match import Parents, Tables
from app.core.merge.plan import META, Plan, plan
from app.core.models import TABLES, Base, Conflict, Response, Revision, Tracked, utcnow
from app.core.services.common import resolve
from app.core.stamps import dump_history, load_history, new_stamp, record_change
from app.core.store import ProjectStore, check_header

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_MODELS = {model.__tablename__: model for model in TABLES}


@dataclass(frozen=True)
class MergeReport:
    """What a merge did; ``backup`` is a copy of our file as it was before."""

    inserted: int
    updated: int
    conflicts: int
    backup: Path
    conflict_ids: tuple[str, ...]

    def summary(self) -> str:
        # each count in its language's form: French says "0 conflit", English "0 conflicts"
        added = ngettext("{n} added", "{n} added", self.inserted).format(n=self.inserted)
        changed = ngettext("{n} changed", "{n} changed", self.updated).format(n=self.updated)
        conflicts = ngettext("{n} conflict", "{n} conflicts", self.conflicts).format(
            n=self.conflicts
        )
        return _("Merged: {added}, {changed}, {conflicts}. Backup: {backup}").format(
            added=added, changed=changed, conflicts=conflicts, backup=self.backup
        )


@dataclass(frozen=True)
class ConflictInfo:
    """One field both copies changed: the value kept for now (ours) and the other (theirs)."""

    id: str
    table_name: str
    row_id: str
    field: str
    current_value: Any
    ours_value: Any
    theirs_value: Any
    ours_author: str
    theirs_author: str
    ours_time: str
    theirs_time: str
    resolved_at: str | None


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _columns() -> dict[str, list[str]]:
    return {
        model.__tablename__: [c.name for c in _table(model.__tablename__).columns]
        for model in TABLES
    }


# Columns that name another row's id without a foreign key; a remap must follow them too,
# or a passage's original anchor would name a source version the merge renamed away.
_LOOSE_REFERENCES: dict[str, list[tuple[str, str]]] = {
    "passage": [("orig_version_id", "source_version")],
}


def _parents() -> Parents:
    """References to another row's id (those a remap or an undelete follows)."""
    result: Parents = {}
    for model in TABLES:
        table = _table(model.__tablename__)
        result[table.name] = sorted(
            [
                *(
                    (fk.parent.name, fk.column.table.name)
                    for fk in table.foreign_keys
                    if fk.column.name == "id"
                ),
                *_LOOSE_REFERENCES.get(table.name, []),
            ]
        )
    return result


# -- reading the other copy --------------------------------------------------------


def _ro_connect(path: Path) -> sqlite3.Connection:
    uri = "file:" + pathname2url(str(path.resolve())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        conn.execute("PRAGMA trusted_schema=OFF")
    except sqlite3.Error as exc:
        raise ProjectError(
            _("“{name}” cannot be opened: {exc}.").format(name=path.name, exc=exc)
        ) from exc
    return conn


def _check_other(conn: sqlite3.Connection, path: Path) -> str:
    """The checks ``ProjectStore.open`` makes, without lock, backup or upgrade."""
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        revision = migrate.read_revision(conn)
    except sqlite3.DatabaseError as exc:
        raise CorruptProjectError(
            _("“{name}” is damaged ({exc}); it was not merged.").format(name=path.name, exc=exc)
        ) from exc
    if result != [("ok",)]:
        raise CorruptProjectError(
            _("“{name}” is damaged ({problem}); it was not merged.").format(
                name=path.name, problem=result[0][0]
            )
        )
    if revision is None:
        raise NotAProjectError(
            _("“{name}” holds no Rejoinder project; it was not merged.").format(name=path.name)
        )
    migrate.check_not_newer(revision)
    return revision


def _read(conn: sqlite3.Connection | Connection, columns: dict[str, list[str]]) -> Tables:
    """Every row of every table, one query per table."""
    tables: Tables = {}
    for name, cols in columns.items():
        sql = "SELECT " + ", ".join(f'"{c}"' for c in cols) + f' FROM "{name}"'
        if isinstance(conn, sqlite3.Connection):
            rows: Any = conn.execute(sql).fetchall()
        else:
            rows = conn.exec_driver_sql(sql).fetchall()
        key = cols.index("id")
        tables[name] = {row[key]: dict(zip(cols, row, strict=True)) for row in rows}
    return tables


def read_other(path: Path, columns: dict[str, list[str]]) -> Tables:
    """Read another copy safely; an older schema is upgraded on a temporary copy."""
    path = Path(path)
    check_header(path)
    conn = _ro_connect(path)
    try:
        revision = _check_other(conn, path)
        if revision == migrate.head_revision():
            return _read(conn, columns)
        with tempfile.TemporaryDirectory(prefix="rejoinder-merge-") as tmp:
            copy = Path(tmp) / "other.rejoinder"
            dest = sqlite3.connect(copy)
            try:
                conn.backup(dest)
            finally:
                dest.close()
            engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(str(copy)))
            try:
                with engine.begin() as connection:
                    migrate.upgrade(connection)
                with engine.connect() as connection:
                    return _read(connection, columns)
            finally:
                engine.dispose()
    except sqlite3.DatabaseError as exc:
        raise CorruptProjectError(
            _("“{name}” cannot be read ({exc}); it was not merged.").format(name=path.name, exc=exc)
        ) from exc
    finally:
        conn.close()


# -- merging ------------------------------------------------------------------------


def _backup(store: ProjectStore) -> Path:
    folder = paths().backups_dir
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{store.path.stem}-before-merge-{stamp}{store.path.suffix}"
    store.save_copy(target)
    return target


def _write(connection: Connection, result: Plan, columns: dict[str, list[str]]) -> None:
    dialect.defer_foreign_keys(connection)
    for name, cols in columns.items():
        table = _table(name)
        if result.inserts.get(name):
            connection.execute(insert(table), result.inserts[name])
        if result.updates.get(name):
            statement = (
                update(table)
                .where(table.c.id == bindparam("old_id"))
                .values({c: bindparam(f"new_{c}") for c in cols})
            )
            connection.execute(
                statement,
                [
                    {"old_id": old, **{f"new_{c}": row[c] for c in cols}}
                    for old, row in result.updates[name]
                ],
            )


def merge(store: ProjectStore, other: Path, progress: Progress | None = None) -> MergeReport:
    """Merge the copy ``other`` into the open project, after backing it up."""
    other = Path(other)
    if other.exists() and other.resolve() == store.path.resolve():
        raise MergeError(_("A project cannot be merged with itself; choose a colleague's copy."))
    report = progress or (lambda _done, _total: None)
    columns = _columns()
    report(0, 4)
    theirs = read_other(other, columns)
    report(1, 4)
    with store.write(labels.MERGE.format(name=other.name)) as session:
        connection = session.connection()
        ours = _read(connection, columns)
        mine = set(ours["project"])
        if theirs["project"] and set(theirs["project"]) != mine:
            raise MergeError(
                _(
                    "“{name}” is a different project, not a copy of this one; it was not merged."
                ).format(name=other.name)
            )
        validate.check_other(ours, theirs, other)
        result = plan(ours, theirs, columns, _parents())
        report(2, 4)
        backup = _backup(store)
        report(3, 4)
        for name in columns:  # Core statements: the journal is told which rows they touch
            touched: dict[str, Any] = {
                r["id"]: ours[name].get(r["id"]) for r in result.inserts.get(name, [])
            }
            for old, row in result.updates.get(name, []):
                touched[old] = ours[name].get(old)
                touched[row["id"]] = ours[name].get(row["id"])
            journal.known(session, name, touched)
        try:
            _write(connection, result, columns)
            session.flush()
        except IntegrityError as exc:
            raise MergeError(
                _("“{name}” could not be merged: {orig}.").format(name=other.name, orig=exc.orig)
            ) from exc
    report(4, 4)
    conflicts = [r for r in result.inserts.get("conflict", []) if r["resolved_at"] is None]
    return MergeReport(
        inserted=sum(len(v) for k, v in result.inserts.items() if k != "conflict"),
        updated=sum(len(v) for k, v in result.updates.items() if k != "conflict"),
        conflicts=len(conflicts),
        backup=backup,
        conflict_ids=tuple(r["id"] for r in conflicts),
    )


# -- conflicts ------------------------------------------------------------------------


def _stored_value(text: str) -> Any:
    """A conflict's stored value; one damaged before values were checked is shown as it is."""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return text


def _info(conflict: Conflict, current: Any) -> ConflictInfo:
    return ConflictInfo(
        id=conflict.id,
        table_name=conflict.table_name,
        row_id=conflict.row_id,
        field=conflict.field,
        current_value=current,
        ours_value=_stored_value(conflict.ours_value),
        theirs_value=_stored_value(conflict.theirs_value),
        ours_author=conflict.ours_author,
        theirs_author=conflict.theirs_author,
        ours_time=conflict.ours_time,
        theirs_time=conflict.theirs_time,
        resolved_at=conflict.resolved_at,
    )


def list_conflicts(store: ProjectStore, *, include_resolved: bool = False) -> list[ConflictInfo]:
    """Conflicts still to decide (all, with ``include_resolved``), by item and field."""
    with store.session() as session:
        query = select(Conflict)
        if not include_resolved:
            query = query.where(Conflict.resolved_at.is_(None))
        result = []
        for conflict in session.scalars(
            query.order_by(Conflict.table_name, Conflict.row_id, Conflict.field, Conflict.id)
        ):
            model = _MODELS.get(conflict.table_name)
            row = get_any(session, model, conflict.row_id) if model is not None else None
            current = getattr(row, conflict.field, None) if row is not None else None
            result.append(_info(conflict, current))
        return result


def _check_value(name: str, field: str, value: Any) -> None:
    column = _table(name).columns.get(field)
    if column is None or field in META:
        raise InvalidInputError(
            _("“{field}” is not something a conflict can set.").format(field=field)
        )
    if value is None:
        if not column.nullable:
            raise InvalidInputError(_("This field cannot be left empty."))
        return
    if not isinstance(value, column.type.python_type) or isinstance(value, bool):
        raise InvalidInputError(
            _("“{value}” is not a valid value for this field.").format(value=value)
        )
    if name == "response" and field in ("text", "proposed_change"):
        markup.validate(value)


def resolve_conflict(store: ProjectStore, conflict_id: str, value: Any) -> None:
    """Settle a conflict with ``value``: one of the two sides' values, or an edited one.

    The field gets a new stamp even when the value is the one already kept, so
    that merging either original copy again does not reopen the conflict.
    """
    with store.write("Resolve conflict") as session:
        conflict = resolve(session, Conflict, conflict_id)
        model = _MODELS.get(conflict.table_name)
        row = get_any(session, model, conflict.row_id) if model is not None else None
        if not isinstance(row, Tracked):
            raise NotFoundError(_("The item of this conflict no longer exists."))
        _check_value(conflict.table_name, conflict.field, value)
        current = getattr(row, conflict.field)
        if value != current:
            if isinstance(row, Response) and conflict.field == "text" and current:
                session.add(
                    Revision(
                        response_id=row.id,
                        text=current,
                        author_id=row.changed_by or row.author_id,
                    )
                )
            setattr(row, conflict.field, value)
        else:
            history = load_history(row.field_history)
            record_change(history, [conflict.field], new_stamp(utcnow(), store.member_id))
            row.field_history = dump_history(history)
        now = utcnow()
        for sibling in session.scalars(
            select(Conflict).where(
                Conflict.table_name == conflict.table_name,
                Conflict.row_id == conflict.row_id,
                Conflict.field == conflict.field,
                Conflict.resolved_at.is_(None),
            )
        ):
            sibling.resolved_at = now
