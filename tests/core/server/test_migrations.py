"""Every released schema, with its fixture's rows, upgrades on PostgreSQL as in a file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, insert, select

from app.core import dump, migrate
from app.core.config import local_identity
from app.core.homes import open_home
from app.core.models import Base
from app.core.server.address import ServerAddress
from app.core.server.connect import make_engine
from app.core.server.transfer import parents_first, publish, reset_sequences
from app.core.store import ProjectStore
from tests.core.factories import populated

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "projects"


def _without_me(data: dict[str, Any]) -> dict[str, Any]:
    """The dump without the member row opening a project adds for the local user."""
    me = local_identity().member_id
    data["tables"]["member"] = [row for row in data["tables"]["member"] if row["id"] != me]
    return data


@pytest.mark.parametrize(
    "fixture", sorted(FIXTURES.glob("*.rejoinder")), ids=lambda path: path.stem
)
def test_a_released_schema_upgrades_on_the_server(
    fixture: Path, tmp_path: Path, pg_url: str
) -> None:
    revision = fixture.stem
    engine = make_engine(ServerAddress.parse(pg_url))
    old = create_engine(f"sqlite:///file:{fixture}?mode=ro&uri=true")
    try:
        with engine.begin() as server, old.connect() as file:
            command.upgrade(migrate.alembic_config(server), revision)
            theirs, mine = MetaData(), MetaData()
            theirs.reflect(file)
            mine.reflect(server)
            for table in mine.sorted_tables:
                if table.name == "alembic_version":
                    continue
                rows = [
                    dict(row) for row in file.execute(select(theirs.tables[table.name])).mappings()
                ]
                if rows:
                    server.execute(insert(table), parents_first(table, rows))
            reset_sequences(server)
    finally:
        engine.dispose()
        old.dispose()
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    with ProjectStore.open(copy) as store:
        in_file = _without_me(dump.dump_data(store))
    with open_home(pg_url) as server_store:
        on_server = _without_me(dump.dump_data(server_store))
    assert in_file["tables"]["passage"], "the fixture holds passages"
    assert on_server == in_file


def _deferrable_models() -> MetaData:
    """The models as PostgreSQL holds them: every foreign key deferrable (0008_deferrable_keys).

    The models leave it unsaid, as SQLite's schema does (a SQLite transaction
    can defer any key).
    """
    metadata = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(metadata)
    for table in metadata.tables.values():
        for key in table.foreign_key_constraints:
            key.deferrable, key.initially = True, "IMMEDIATE"
    return metadata


def test_the_models_match_the_schema_the_revisions_make(tmp_path: Path, pg_url: str) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    store.close()
    publish(tmp_path / "p.rejoinder", pg_url)
    engine = make_engine(ServerAddress.parse(pg_url))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, _deferrable_models()) == []
    finally:
        engine.dispose()
