"""Write the schema new projects are made from, and the fixture project of the head revision.

    .venv/bin/python -m tests.core.make_fixture_projects

Run it after adding a revision. It rewrites ``db_migrations/head_schema.sql``
from the revisions themselves (Alembic on an empty file), then the fixture.
The files under tests/fixtures/projects/ are never regenerated for an old
revision: they stand for project files users already have.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from app.core import migrate
from app.core.config import Identity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"


def migrated_schema() -> str:
    """The SQL script of the schema that running every Alembic revision produces."""
    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "empty.rejoinder"
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path))
        with engine.begin() as connection:
            migrate.upgrade(connection)
        engine.dispose()
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            " ORDER BY type <> 'table', rowid"
        ).fetchall()
        revision = migrate.read_revision(conn)
        conn.close()
    lines = [
        "-- The schema at the head revision, written by tests.core.make_fixture_projects.",
        "-- New projects are made from it; do not edit by hand.",
    ]
    lines += [f"{sql};" for _kind, sql in rows]
    lines.append(f"INSERT INTO alembic_version (version_num) VALUES ('{revision}');")
    return "\n".join(lines) + "\n"


def main() -> None:
    migrate.head_schema_file().write_text(migrated_schema(), encoding="utf-8")
    home = tempfile.mkdtemp()
    os.environ["REJOINDER_CONFIG_DIR"] = home
    os.environ["REJOINDER_DATA_DIR"] = home
    from app.core.services import passages, responses, sources
    from app.core.store import ProjectStore
    from app.importers.text import import_text
    from tests.core.factories import SUBMISSION

    target = FIXTURES / f"{migrate.head_revision()}.rejoinder"
    if target.exists():
        print(f"{target} exists: kept (a released revision's fixture is never rewritten)")
        return
    FIXTURES.mkdir(parents=True, exist_ok=True)
    identity = Identity("00000000-0000-4000-8000-000000000001", "Fixture Author", "FA", "Borealis")
    with ProjectStore.create(
        target, title="Fixture project", organisation="Borealis", identity=identity
    ) as store:
        source = sources.add_source(
            store, import_text(SUBMISSION), SUBMISSION.encode(), filename="a.txt", label="Arcadia"
        )
        passage = passages.cite_quote(store, source, "transparency, accountability")
        responses.respond(store, passage, "We <u>agree</u>.", position="agree", status="proposed")
        responses.respond(store, passage, status="agreed")
    print(target)


if __name__ == "__main__":
    main()
