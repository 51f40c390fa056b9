"""What every command shares: one-line usage errors and opening a project.

A command opens its project with ``with open_project(args.file) as store``,
where the file may also be a team server's ``postgresql://`` URL. Run alone,
that opens (and locks) the project and closes it afterwards; inside
``rejoinder batch`` (:func:`holding`) it hands over the project the batch
holds open for all its lines, and leaves it open.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

_held: list[ProjectStore] = []


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line, like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n")


@contextlib.contextmanager
def open_project(path: str) -> Iterator[ProjectStore]:
    if _held:
        yield _held[-1]
        return
    from app.core.homes import open_home

    with open_home(path) as store:
        yield store


def is_server_url(location: str) -> bool:
    """``postgresql://…`` (a team server) rather than a project file; no import of core."""
    return location.lower().startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def held_project() -> ProjectStore | None:
    """The project a batch holds open, if a batch is running."""
    return _held[-1] if _held else None


@contextlib.contextmanager
def holding(store: ProjectStore) -> Iterator[None]:
    """While inside, every command works on ``store`` instead of opening its file."""
    _held.append(store)
    try:
        yield
    finally:
        _held.pop()
