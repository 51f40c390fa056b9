"""Alembic environment: always run programmatically on a connection the store opened.

The application never shells out to the ``alembic`` command; ``app.core.migrate``
passes its own connection through ``config.attributes["connection"]`` so that
the upgrade runs inside the same locked file handle.

A revision is frozen in time: nothing here imports the application's models,
which describe the schema at the head, not at the revision being run
(``tests/core/test_migrations.py`` compares the two instead).
"""

from alembic import context

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("db_migrations is run by app.core.migrate with an open connection")

context.configure(
    connection=connection,
    target_metadata=None,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
