"""Schema upgrades through Alembic, run when a project is opened.

An older file is copied to the backups folder before it is upgraded; a file
from a newer version is refused before anything is written to it.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from app.core.errors import NewerSchemaError


def _migrations_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "db_migrations"
    import db_migrations

    return Path(db_migrations.__file__).resolve().parent


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def read_revision(conn: sqlite3.Connection) -> str | None:
    """The file's schema revision, or None for a file that has no schema yet."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def check_not_newer(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            "This project was saved by a newer version of Rejoinder "
            f"(schema {revision}); this version reads schemas up to {head_revision()}. "
            "Install the newer Rejoinder to open it. The file was not changed."
        )


def backup_before_upgrade(conn: sqlite3.Connection, path: Path, backups_dir: Path) -> Path:
    """Copy the project with SQLite's backup API into the backups folder."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{path.stem}-before-upgrade-{stamp}{path.suffix}"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
