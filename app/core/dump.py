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
import os
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
from sqlalchemy import LargeBinary, Table, insert, select
from sqlalchemy.exc import SQLAlchemyError

from app.core import migrate
from app.core.config import RESOURCES
from app.core.errors import DumpFormatError, ProjectError
from app.core.models import TABLES, new_id
from app.core.store import ProjectStore, init_database

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
            rows = session.execute(select(table).order_by(table.c.id)).mappings()
            tables[table.name] = [
                {c.name: _encode(row[c.name], c.name in binary) for c in table.columns}
                for row in rows
            ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": migrate.head_revision(),
        "tables": tables,
    }


def dumps(store: ProjectStore) -> str:
    return json.dumps(dump_data(store), ensure_ascii=False, indent=1) + "\n"


def dump(store: ProjectStore, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.{new_id()[:8]}.tmp")
    try:
        tmp.write_text(dumps(store), encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ProjectError(f"The dump could not be written to “{target}”: {exc.strerror}.") from exc


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
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise DumpFormatError(f"The dump is not valid at {where}: {error.message}")
    if data["schema_revision"] != migrate.head_revision():
        raise DumpFormatError(
            f"The dump is of schema {data['schema_revision']}; this version of Rejoinder "
            f"loads dumps of schema {migrate.head_revision()}."
        )
    if len(data["tables"]["project"]) != 1:
        raise DumpFormatError("The dump must hold exactly one project.")


def load(source: Path | str, target: Path) -> None:
    """Create the project file ``target`` from a dump (a path, or the JSON text itself)."""
    if isinstance(source, Path):
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DumpFormatError(f"The dump “{source}” cannot be read: {exc}.") from exc
    else:
        text = source
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DumpFormatError(f"The dump is not valid JSON: {exc}.") from exc
    _validate(data)
    if target.exists():
        raise ProjectError(f"“{target}” already exists; choose another name.")
    tmp = target.with_name(f".{target.name}.{new_id()[:8]}.loading")
    try:
        engine = init_database(tmp)
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            for model in TABLES:
                table = _table(model)
                binary = {c.name for c in table.columns if isinstance(c.type, LargeBinary)}
                rows = [
                    {
                        k: base64.b64decode(v) if k in binary and v is not None else v
                        for k, v in row.items()
                    }
                    for row in data["tables"][table.name]
                ]
                if rows:
                    connection.execute(insert(table), rows)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DumpFormatError(
                    f"The dump refers to rows it does not contain (table {problems[0][0]})."
                )
        engine.dispose()
        os.replace(tmp, target)
    except (sqlite3.Error, OSError, ValueError, SQLAlchemyError) as exc:
        raise DumpFormatError(f"The dump could not be loaded: {exc}.") from exc
    finally:
        tmp.unlink(missing_ok=True)
