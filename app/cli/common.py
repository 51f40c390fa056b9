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


@contextlib.contextmanager
def speaking_users_language() -> Iterator[None]:
    """Inside, core speaks the user's language (Settings, else the system's), as ``changes`` does.

    Preflight's lines name the parties as the document does ("la réponse au
    Japon") when that is also the project's language, by the bare name
    otherwise. The language before is restored on the way out (a batch runs
    many commands in one process).
    """
    from app.core import i18n
    from app.core.config import load_settings

    before = i18n.language()
    i18n.set_language(i18n.user_language(load_settings().interface_language))
    try:
        yield
    finally:
        i18n.set_language(before)


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
