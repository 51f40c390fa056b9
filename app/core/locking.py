"""One process at a time per project file, whatever name it is opened by.

SQLite would let two programs write the same file in turn, and each would
overwrite the other's view of it; a desktop user expects the second window to
be told the project is already open. A lock on the file's *name* is not
enough: a hard link or a symlink reaches the same file by another name and
walked past it, losing an acknowledged edit. So the lock is keyed on the
file's identity (device and inode numbers) and lives in Rejoinder's own data
folder, not beside the project: nothing is created in a synced or read-only
folder, and nothing is left there after a close. The OS drops the lock if the
holder is killed, so a crash never leaves a project locked for good; the lock
file itself is removed on release.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import IO

from app.core.config import paths
from app.core.errors import ProjectError, ProjectLockedError
from app.core.i18n import _

logger = logging.getLogger(__name__)


def locked_message() -> str:
    """Why a project cannot be opened twice, in the user's language."""
    return _(
        "This project is open in another Rejoinder window or program. "
        "Close it there first, or work on a copy and merge it later."
    )


def locks_dir() -> Path:
    return paths().data_dir / "locks"


def lock_path(project: Path) -> Path:
    """The lock file of the project file ``project`` (which must exist)."""
    try:
        st = os.stat(project)
    except FileNotFoundError as exc:
        raise ProjectError(_("There is no project file at “{path}”.").format(path=project)) from exc
    except OSError as exc:
        raise ProjectError(
            _("The project “{name}” cannot be read: {reason}.").format(
                name=project.name, reason=exc.strerror
            )
        ) from exc
    return locks_dir() / f"{st.st_dev:x}-{st.st_ino:x}.lock"


def _try_lock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _same_file(handle: IO[bytes], path: Path) -> bool:
    """Still the lock file of that name (a releasing holder may have just unlinked it)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


class ProjectLock:
    """Held while a project is open; :meth:`release` removes the lock file."""

    def __init__(self, project: Path) -> None:
        self.project = Path(project)
        self.path = lock_path(self.project)
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        for _attempt in range(5):
            handle = self._open()
            try:
                _try_lock(handle)
            except OSError as exc:
                handle.close()
                raise ProjectLockedError(locked_message()) from exc
            if _same_file(handle, self.path):
                self._handle = handle
                with contextlib.suppress(OSError):  # who holds it, for a curious reader
                    handle.write(f"{os.getpid()} {self.project}".encode(errors="replace"))
                return
            handle.close()
        raise ProjectLockedError(locked_message())

    def _open(self) -> IO[bytes]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return open(self.path, "a+b", buffering=0)  # nothing left to flush on a full disk
        except OSError as exc:
            raise ProjectError(
                _(
                    "Rejoinder cannot mark “{name}” as open: its folder “{parent}” cannot be "
                    "written ({reason}). Free some space on the disk, then try again."
                ).format(
                    name=self.project.name, parent=self.path.parent, reason=exc.strerror or exc
                )
            ) from exc

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            # Unlink while still holding the lock, so no one locks a file about to vanish.
            with contextlib.suppress(OSError):
                self.path.unlink()
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        finally:
            handle.close()
            if sys.platform == "win32":  # Windows cannot remove a file that is open
                with contextlib.suppress(OSError):
                    self.path.unlink()
