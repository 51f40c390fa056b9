"""Schema upgrades through Alembic, run when a project is opened.

An older file is copied to the backups folder before it is upgraded; a file
from a newer version is refused before anything is written to it.

Importing Alembic costs about 150 ms, a sixth of the start-up budget, and is
only needed when a file must actually be upgraded. Which revisions exist is
therefore read from the revision files themselves (with ``ast``, not by
importing them); Alembic is imported by :func:`upgrade` alone. A test checks
that this reading agrees with Alembic's own.
"""

from __future__ import annotations

import ast
import functools
import logging
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import NewerSchemaError
from app.core.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

logger = logging.getLogger(__name__)


def _migrations_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "db_migrations"
    import db_migrations

    return Path(db_migrations.__file__).resolve().parent


def head_schema_file() -> Path:
    """The SQL of the schema at head, which new projects are made from (see projectfile)."""
    return _migrations_dir() / "head_schema.sql"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _constant(tree: ast.Module, name: str) -> str | None:
    for node in tree.body:
        target = None
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            first = node.targets[0]
            target, value = (first.id if isinstance(first, ast.Name) else None), node.value
        if target == name and isinstance(value, ast.Constant):
            return value.value if isinstance(value.value, str) else None
    return None


def revision_graph() -> dict[str, str | None]:
    """Every revision of ``db_migrations/versions`` and the one it follows."""
    files = sorted((_migrations_dir() / "versions").glob("*.py"))
    return dict(_read_graph(tuple((str(path), path.stat().st_mtime_ns) for path in files)))


@functools.lru_cache(maxsize=8)
def _read_graph(files: tuple[tuple[str, int], ...]) -> tuple[tuple[str, str | None], ...]:
    """Parsed once per process and set of files: opening a project asks three times."""
    graph: list[tuple[str, str | None]] = []
    for name, _mtime in files:
        path = Path(name)
        source = path.read_text(encoding="utf-8")
        # The identifiers stand before the functions (Alembic's template): parsing
        # only that head took 1 ms instead of 9 for the twelve files, a cost every
        # command that opens a project paid. A head that does not parse alone
        # (an unusual file) is parsed whole.
        try:
            tree = ast.parse(source.split("\ndef ", 1)[0], str(path))
        except SyntaxError:
            tree = ast.parse(source, str(path))
        revision = _constant(tree, "revision")
        if revision:
            graph.append((revision, _constant(tree, "down_revision")))
    return tuple(graph)


def head_revision() -> str:
    graph = revision_graph()
    followed = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"db_migrations must have exactly one head, not {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return set(revision_graph())


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
            _(
                "This project was saved by a newer version of Rejoinder (schema "
                "{revision}); this version reads schemas up to {head}. Install the "
                "newer Rejoinder to open it. The file was not changed."
            ).format(revision=revision, head=head_revision())
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
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
