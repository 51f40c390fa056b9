"""What every command shares: one-line usage errors and opening a project."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.store import ProjectStore


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line, like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n")


def open_project(path: str) -> ProjectStore:
    from app.core.store import ProjectStore

    return ProjectStore.open(Path(path))
