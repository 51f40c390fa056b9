"""A lossless JSON dump of a whole project, and its inverse.

The dump is for people and tools outside Rejoinder (diffs, archives, scripts),
so it is deterministic: tables in dependency order, rows by id, columns in
table order, bytes in base64. ``load`` validates it against
``resources/schema/dump.schema.json`` before it writes anything, and builds the
new project file under a temporary name, so that a bad dump leaves nothing
behind. ``dump`` → ``load`` → ``dump`` is byte-identical.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import jsonschema
from sqlalchemy import LargeBinary, Table, insert, select
from sqlalchemy.exc import SQLAlchemyError

from app.core import migrate, outputs, rowcheck
from app.core.config import RESOURCES
from app.core.errors import DumpFormatError, ProjectError
from app.core.i18n import _
from app.core.models import TABLES
from app.core.store import ProjectStore, init_database

logger = logging.getLogger(__name__)

FORMAT = "rejoinder-dump"
FORMAT_VERSION = 1
SCHEMA_FILE = RESOURCES / "schema" / "dump.schema.json"


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


def _encode(value: Any, binary: bool) -> Any:
    if binary and value is not None:
        return base64.b64encode(value).decode("ascii")
    return value


def dump_data(store: ProjectStore) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    with store.session() as session:
        for model in TABLES:
            table = _table(model)
            binary = {c.name for c in table.columns if isinstance(c.type, LargeBinary)}
            rows = session.execute(select(table)).mappings()
            # sorted here, not by the database: PostgreSQL's collation is not SQLite's
            tables[table.name] = sorted(
                (
                    {c.name: _encode(row[c.name], c.name in binary) for c in table.columns}
                    for row in rows
                ),
                key=lambda row: str(row["id"]),
            )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": migrate.head_revision(),
        "tables": tables,
    }


def dumps(store: ProjectStore) -> str:
    return json.dumps(dump_data(store), ensure_ascii=False, indent=1) + "\n"


def dump(store: ProjectStore, target: Path) -> None:
    """Write the dump to ``target`` (a .json file; never the project or a link to it)."""
    protect = (store.path,)
    outputs.check_target(target, outputs.DUMP, protect=protect)
    text = dumps(store)
    outputs.write_atomically(target, outputs.DUMP, text.encode("utf-8"), protect=protect)


def build_schema() -> dict[str, Any]:
    """The JSON Schema of a dump, derived from the models (a test keeps the file in step)."""
    tables: dict[str, Any] = {}
    for model in TABLES:
        table = _table(model)
        props: dict[str, Any] = {}
        for column in table.columns:
            python_type = column.type.python_type
            kind = "integer" if python_type is int else "string"
            props[column.name] = {"type": [kind, "null"] if column.nullable else kind}
        tables[table.name] = {
            "type": "array",
            "items": {
                "type": "object",
                "properties": props,
                "required": sorted(props),
                "additionalProperties": False,
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Rejoinder project dump",
        "type": "object",
        "required": ["format", "format_version", "schema_revision", "tables"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "schema_revision": {"type": "string"},
            "tables": {
                "type": "object",
                "properties": tables,
                "required": sorted(tables),
                "additionalProperties": False,
            },
        },
    }


def _validate(data: Any) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or _("the top level")
        raise DumpFormatError(
            _("The dump is not valid at {where}: {message}").format(
                where=where, message=error.message
            )
        )
    if data["schema_revision"] != migrate.head_revision():
        raise DumpFormatError(
            _(
                "The dump is of schema {schema_revision}; this version of Rejoinder "
                "loads dumps of schema {head}."
            ).format(schema_revision=data["schema_revision"], head=migrate.head_revision())
        )
    if len(data["tables"]["project"]) != 1:
        raise DumpFormatError(_("The dump must hold exactly one project."))


def _read_source(source: Path) -> str:
    try:
        if not stat.S_ISREG(os.stat(source).st_mode):
            raise DumpFormatError(
                _("“{source}” is not an ordinary file; give the dump's file.").format(source=source)
            )
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise DumpFormatError(
            _("The dump “{source}” cannot be read: {reason}.").format(source=source, reason=reason)
        ) from exc


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise DumpFormatError(_("The dump is not valid JSON: it is nested too deeply.")) from exc
    except json.JSONDecodeError as exc:  # its own message is English: say where, in ours
        raise DumpFormatError(
            _("The dump is not valid JSON: line {line}, column {column}.").format(
                line=exc.lineno, column=exc.colno
            )
        ) from exc
    except ValueError as exc:
        raise DumpFormatError(_("The dump is not valid JSON: {exc}.").format(exc=exc)) from exc


def _decoded(data: Any) -> dict[str, list[dict[str, Any]]]:
    """The dump's rows with their binary columns decoded, checked like a colleague's copy."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in TABLES:
        table = _table(model)
        binary = {c.name for c in table.columns if isinstance(c.type, LargeBinary)}
        rows = []
        for row in data["tables"][table.name]:
            try:
                rows.append(
                    {
                        k: base64.b64decode(v, validate=True)
                        if k in binary and v is not None
                        else v
                        for k, v in row.items()
                    }
                )
            except ValueError as exc:
                raise DumpFormatError(
                    _(
                        "The dump is not valid at tables/{table}/{row}: binary data that is not "
                        "base64."
                    ).format(table=table.name, row=row.get("id"))
                ) from exc
        tables[table.name] = rows
    problem = rowcheck.first_problem(tables)
    if problem is not None:
        raise DumpFormatError(_("The dump is not valid: {problem}.").format(problem=problem))
    return tables


def load(source: Path | str, target: Path) -> None:
    """Create the project file ``target`` from a dump (a path, or the JSON text itself).

    Nothing is written unless the whole dump is valid: the JSON Schema, then
    every row by the checks a colleague's copy passes (``app.core.rowcheck``).
    """
    text = _read_source(source) if isinstance(source, Path) else source
    data = _parse(text)
    try:
        _validate(data)
    except RecursionError as exc:
        raise DumpFormatError(_("The dump is not valid: it is nested too deeply.")) from exc
    tables = _decoded(data)
    if os.path.lexists(target):
        raise ProjectError(
            _("“{target}” already exists; choose another name.").format(target=target)
        )
    with outputs.atomic_path(target, outputs.PROJECT) as tmp:
        try:
            engine = init_database(tmp)
            try:
                with engine.begin() as connection:
                    connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                    for model in TABLES:
                        table = _table(model)
                        if tables[table.name]:
                            connection.execute(insert(table), tables[table.name])
                    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise DumpFormatError(
                            _(
                                "The dump refers to rows it does not contain (table {table})."
                            ).format(table=problems[0][0])
                        )
            finally:
                engine.dispose()
        except (sqlite3.Error, SQLAlchemyError) as exc:
            raise DumpFormatError(
                _("The dump could not be loaded: {exc}.").format(exc=exc)
            ) from exc
