"""Alembic environment and revisions of the project file's schema."""
