"""One process at a time per project file.

SQLite would let two programs write the same file in turn, and each would
overwrite the other's view of it; a desktop user expects the second window to
be told the project is already open. An OS lock on a small file beside the
project does that, and the OS drops it if the holder is killed, so a crash
never leaves a project locked for good.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from app.core.errors import ProjectError, ProjectLockedError


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


class ProjectLock:
    def __init__(self, project: Path) -> None:
        self.path = lock_path(project)
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open while the lock lives
        except OSError as exc:
            raise ProjectError(
                f"Rejoinder cannot work in the folder of “{self.path.parent}” "
                f"({exc.strerror or exc}). Copy the project to a folder you can write to."
            ) from exc
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise ProjectLockedError(
                "This project is open in another Rejoinder window or program. "
                "Close it there first, or work on a copy and merge it later."
            ) from exc
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            handle.close()
        finally:
            with contextlib.suppress(OSError):
                self.path.unlink()
