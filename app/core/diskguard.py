"""Notice, before each write, that the project file on disk is no longer ours.

A sync client (OneDrive, Dropbox) brings in a colleague's version by renaming
it over the open project; a colleague on a share may write the same file.
Writing on after that loses one of the two versions. The store therefore
asks :meth:`DiskGuard.changed` before every write and refuses when the file
at the project's path is not the file it opened, or not in the state its own
last commit left it in.

What is compared: the device and inode numbers (a rename over the file
changes them), its size and modification time, and SQLite's file change
counter (the four bytes at offset 24 of the header, bumped by every write
transaction). The identity is taken once, when the project is opened, and is
never taken again. After each of our own commits the rest of the state is
accepted only when the change counter is exactly what that commit made it
(one more when rows changed, the same otherwise): a change by someone else
between two of our writes always leaves a difference to find.

The header is read through a descriptor the guard keeps open for the whole
session and never closes early: closing any descriptor of a file drops the
POSIX locks SQLite holds on it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.core.i18n import N_, _

logger = logging.getLogger(__name__)

COUNTER_OFFSET = 24


@dataclass(frozen=True)
class FileState:
    dev: int
    ino: int
    size: int
    mtime_ns: int
    counter: int


class DiskGuard:
    """The state of one open project file as our own writes left it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        st = os.fstat(self._fd)
        self.dev, self.ino = st.st_dev, st.st_ino
        self._known: FileState | None = self._current()

    def close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)

    def _counter(self) -> int:
        header = os.pread(self._fd, 28, 0) if hasattr(os, "pread") else self._read_header()
        return int.from_bytes(header[COUNTER_OFFSET:28], "big") if len(header) == 28 else -1

    def _read_header(self) -> bytes:
        os.lseek(self._fd, 0, os.SEEK_SET)
        return os.read(self._fd, 28)

    def _current(self) -> FileState | None:
        """The file now at our path; None when there is none."""
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        same = (st.st_dev, st.st_ino) == (self.dev, self.ino)
        # Another file's header is not read: its identity already differs.
        counter = self._counter() if same else -1
        return FileState(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, counter)

    def changed(self) -> str | None:
        """Why the file is not the one we left, or None when it is."""
        now = self._current()
        if now is not None and now == self._known:
            return None
        if now is None:
            return N_("moved or deleted")
        if (now.dev, now.ino) != (self.dev, self.ino):
            return N_("replaced by another file")
        return N_("changed by another program")

    def committed(self, modified: bool) -> None:
        """Take the file's new state after our own commit, if that commit alone explains it.

        ``modified``: the transaction changed rows, so SQLite bumped the
        change counter once. If the counter differs from what we expect,
        someone else wrote too; the old state stays, and the next check fails.
        """
        known = self._known
        if known is None:
            return
        now = self._current()
        expected = (known.counter + (1 if modified else 0)) & 0xFFFFFFFF
        if now is None or (now.dev, now.ino) != (self.dev, self.ino) or now.counter != expected:
            logger.info("project file changed on disk during a write: %s", self.path)
            return
        self._known = now


def my_copy_path(path: Path, when: datetime | None = None) -> Path:
    """``NAME (my copy, 2026-12-02 14.05).rejoinder`` beside ``path``, a name not yet taken."""
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H.%M")
    for n in range(1, 1000):
        extra = "" if n == 1 else f" {n}"
        candidate = path.with_name(f"{path.stem} (my copy, {stamp}{extra}){path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(path)


def keep_my_copy(conn: sqlite3.Connection, path: Path) -> Path:
    """Write the database ``conn`` has open beside ``path`` under a "my copy" name.

    ``conn`` still reads the file we opened even when another file now has
    its name, so this is our version, complete up to the last commit.
    """
    target = my_copy_path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    logger.info("kept our version of %s as %s", path, target)
    return target


def replaced_message(path: Path, reason: str, my_copy: Path | None, failure: str = "") -> str:
    """One line for the user: both files exist, and how to merge them."""
    head = _(
        "The project file “{name}” was {reason} (by a sync service or a colleague) "
        "while it was open, so nothing more was written to it."
    ).format(name=path.name, reason=_(reason))
    if my_copy is None:
        return _(
            "{head} Your version could not be saved beside it ({failure}); keep Rejoinder "
            "open, free some space, then try again."
        ).format(head=head, failure=failure)
    return _(
        "{head} Your version is kept beside it as “{copy}”: both files exist. "
        "Open the project again and use “Merge a colleague's copy” with your copy "
        '(rejoinder merge "{name}" "{copy}").'
    ).format(head=head, copy=my_copy.name, name=path.name)
