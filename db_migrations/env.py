"""Alembic environment: always run programmatically on a connection the store opened.

The application never shells out to the ``alembic`` command; ``app.core.migrate``
passes its own connection through ``config.attributes["connection"]`` so that
the upgrade runs inside the same locked file handle.
"""

from alembic import context

from app.core.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("db_migrations is run by app.core.migrate with an open connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
