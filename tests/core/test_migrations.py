"""Schema revisions: every released fixture upgrades; newer files are refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, select

from app.core import migrate
from app.core.config import Identity, paths
from app.core.errors import NewerSchemaError
from app.core.models import Base, Member
from app.core.projectfile import create_project
from app.core.services.passages import list_passages
from app.core.services.sources import list_sources
from app.core.stamps import CREATED, load_history
from app.core.store import ProjectStore
from tests.core.factories import make_project
from tests.core.make_fixture_projects import migrated_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    make_project(tmp_path / "p.rejoinder").close()
    engine = create_engine(f"sqlite:///{tmp_path / 'p.rejoinder'}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_new_projects_are_made_from_the_migrated_schema() -> None:
    """head_schema.sql is what the revisions produce (rewrite it with make_fixture_projects)."""
    assert migrate.head_schema_file().read_text(encoding="utf-8") == migrated_schema(), (
        "db_migrations/head_schema.sql is stale: run python -m tests.core.make_fixture_projects"
    )


def test_a_new_project_is_stamped_like_any_new_row(tmp_path: Path) -> None:
    identity = Identity("00000000-0000-4000-8000-00000000000a", "Ana", "AN", "Borealis")
    lock = create_project(
        tmp_path / "p.rejoinder", title=" T ", organisation="O", language="fr", identity=identity
    )
    lock.release()
    with ProjectStore.open(tmp_path / "p.rejoinder", identity) as store:
        project = store.project()
        with store.session() as session:
            (member,) = session.scalars(select(Member)).all()
    assert (project.title, project.organisation, project.language) == ("T", "O", "fr")
    assert (member.id, member.name, member.initials) == (identity.member_id, "Ana", "AN")
    for row in (project, member):
        assert row.changed_by == identity.member_id
        assert row.created_at == row.updated_at
        (stamp,) = load_history(row.field_history)[CREATED]
        assert stamp[0] == row.created_at and stamp[2] == identity.member_id
    assert not paths().backups_dir.exists()


def test_reading_the_revision_files_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_current_head() == migrate.head_revision()
    assert {r.revision for r in scripts.walk_revisions()} == migrate.known_revisions()


def test_there_is_a_fixture_for_every_revision() -> None:
    assert {p.stem for p in FIXTURES.glob("*.rejoinder")} == migrate.known_revisions()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.rejoinder")), ids=lambda p: p.stem)
def test_every_fixture_opens_at_head_with_its_content(tmp_path: Path, fixture: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with ProjectStore.open(path) as store:
        assert store.project().title == "Fixture project"
        assert [s.label for s in list_sources(store)] == ["Arcadia"]
        (passage,) = list_passages(store)
        assert passage.exact == "transparency, accountability"
        assert passage.response_text == "We <u>agree</u>."
    conn = sqlite3.connect(path)
    assert migrate.read_revision(conn) == migrate.head_revision()
    conn.close()


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_newer_schema_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "future.rejoinder"
    make_project(path).close()
    _stamp(path, "9999_from_the_future")
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError) as info:
        ProjectStore.open(path)
    assert "9999_from_the_future" in str(info.value)
    assert migrate.head_revision() in str(info.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.rejoinder"]


def test_upgrade_backs_up_the_file_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a test revision on top of head, opening a file of the real head copies it first."""
    head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate._migrations_dir(), scripts)
    (scripts / "versions" / "9000_test.py").write_text(
        '"""Test revision."""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "9000_test"\ndown_revision = "{head}"\n'
        "branch_labels = None\ndepends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        '    op.create_table("extra", sa.Column("id", sa.String(36), primary_key=True))\n\n\n'
        "def downgrade() -> None:\n"
        '    op.drop_table("extra")\n',
        encoding="utf-8",
    )
    path = tmp_path / "old.rejoinder"
    shutil.copy(FIXTURES / f"{head}.rejoinder", path)
    monkeypatch.setattr(migrate, "_migrations_dir", lambda: scripts)
    assert migrate.head_revision() == "9000_test"

    ProjectStore.open(path).close()

    (backup,) = paths().backups_dir.iterdir()
    assert backup.name.startswith("old-before-upgrade-")
    conn = sqlite3.connect(backup)
    assert migrate.read_revision(conn) == head
    assert conn.execute("SELECT title FROM project").fetchone() == ("Fixture project",)
    assert conn.execute("SELECT count(*) FROM passage").fetchone() == (1,)
    conn.close()
    conn = sqlite3.connect(path)
    assert migrate.read_revision(conn) == "9000_test"
    conn.close()


def test_no_backup_when_no_upgrade_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    ProjectStore.open(path).close()
    assert not paths().backups_dir.exists()


def test_no_revision_imports_the_application() -> None:
    """A revision is frozen in time: the models describe the head, not the revision being run."""
    import ast

    folder = migrate.head_schema_file().parent
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [f"{path.name}: {n}" for n in names if n == "app" or n.startswith("app.")]
    assert found == []


def test_a_revision_file_whose_head_does_not_parse_alone_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the part before the first function is parsed (it holds the identifiers);
    # a docstring that shows a function cuts that part in the middle of a string.
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_first.py").write_text(
        '"""First.\n\ndef example():\n    pass\n"""\n'
        'revision: str = "0001_first"\ndown_revision = None\n\ndef upgrade() -> None:\n    pass\n',
        encoding="utf-8",
    )
    (versions / "0002_second.py").write_text(
        'revision = "0002_second"\ndown_revision = "0001_first"\n\n'
        "def upgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "_migrations_dir", lambda: tmp_path)
    assert migrate.revision_graph() == {"0001_first": None, "0002_second": "0001_first"}
    assert migrate.head_revision() == "0002_second"
