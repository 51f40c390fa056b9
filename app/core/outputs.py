"""Where a file the user named may be written, and writing it there atomically.

Every writer of a user-chosen output (export and review copy, ``dump -o``,
``load -o``, Save a copy) comes through here, because ``os.replace`` replaces
whatever sits at the target: the open project, a project reached through a
hard or symbolic link, or, run as root, a device node such as ``/dev/null``.
:func:`check_target` refuses those with one line before anything is built;
:func:`write_atomically` and :func:`atomic_path` write a temporary file in the
target's folder, check the target again and rename the file into place, so a
failure (disk full, no permission) leaves an older file intact and no
temporary file behind.

Decisions:

- A target that is itself a symbolic link is refused, whatever it points to.
  Renaming over it would replace the link rather than the file it names, and
  following it would write somewhere the user did not type. Links among the
  folders above the target are ordinary (a Documents folder on another disk)
  and are followed.
- An existing file is recognised as a project by its content (SQLite header
  and our ``application_id``), so a hard link or a renamed copy of a project
  is refused like the project itself; the open project is also compared by
  device and inode.
- A document Word or LibreOffice holds open is recognised by their lock files
  beside it (Word's owner file ``~$`` + the name without its first two
  characters, the whole name for short names; LibreOffice's
  ``.~lock.NAME#``). Only Windows stops a rename over an open file, so this is
  checked on every system.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import (
    ExportFailedError,
    OutputFailedError,
    OutputRefusedError,
    RejoinderError,
)
from app.core.i18n import N_, _
from app.core.ids import APPLICATION_ID

logger = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3\x00"
_WORD_SHORT_NAME = 6  # Word keeps the whole name in the owner file up to this stem length
_CHUNK = 1 << 20


@dataclass(frozen=True)
class OutputKind:
    """What is written: its name for messages, allowed suffixes, the error a failed write gives."""

    name: str
    suffixes: tuple[str, ...]
    failure: type[RejoinderError] = OutputFailedError


DOCX = OutputKind(N_("a Word document"), (".docx",), ExportFailedError)
DUMP = OutputKind(N_("a JSON dump"), (".json",))
PROJECT = OutputKind(N_("a project file"), (".rejoinder",))


def _is_project(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    return (
        len(header) == 100
        and header.startswith(_SQLITE_HEADER)
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def office_lock(path: Path) -> tuple[str, Path] | None:
    """The program holding ``path`` open and its lock file (Word's or LibreOffice's), if any."""
    name = path.name
    word = {f"~${name[2:]}"}
    if len(path.stem) <= _WORD_SHORT_NAME:
        word.add(f"~${name}")
    candidates = [("Microsoft Word", path.with_name(n)) for n in sorted(word)]
    candidates.append(("LibreOffice", path.with_name(f".~lock.{name}#")))
    for program, lock in candidates:
        if lock.is_file():
            return program, lock
    return None


def _identities(paths: Iterable[Path]) -> set[tuple[int, int]]:
    found = set()
    for p in paths:
        with contextlib.suppress(OSError):
            st = os.stat(p)
            found.add((st.st_dev, st.st_ino))
    return found


def check_target(path: Path | str, kind: OutputKind, *, protect: Iterable[Path] = ()) -> Path:
    """``path`` if ``kind`` may be written there; otherwise :class:`OutputRefusedError`.

    ``protect`` names files that must never be replaced (the open project).
    A missing folder is ``kind.failure``, as a failed write would be.
    """
    path = Path(path)
    shown = path.name or str(path)
    folder = path.parent
    if not folder.is_dir():
        raise kind.failure(
            _("The folder “{folder}” does not exist; choose another place.").format(folder=folder)
        )
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return _check_suffix(path, kind)
    except OSError as exc:
        raise kind.failure(
            _("“{shown}” cannot be checked ({reason}).").format(
                shown=shown, reason=exc.strerror or exc
            )
        ) from exc
    if stat.S_ISLNK(st.st_mode):
        raise OutputRefusedError(
            _(
                "“{shown}” is a link to another file; nothing was written. Choose the "
                "file itself or another name."
            ).format(shown=shown)
        )
    if stat.S_ISDIR(st.st_mode):
        raise OutputRefusedError(
            _("“{shown}” is a folder; choose a file name inside it.").format(shown=shown)
        )
    if not stat.S_ISREG(st.st_mode):
        raise OutputRefusedError(
            _(
                "“{shown}” is not an ordinary file (a device, a pipe or a socket); "
                "nothing was written. Choose another name."
            ).format(shown=shown)
        )
    if (st.st_dev, st.st_ino) in _identities(protect):
        raise OutputRefusedError(
            _(
                "“{shown}” is the open project; writing there would destroy it. Choose "
                "another name."
            ).format(shown=shown)
        )
    if _is_project(path):
        raise OutputRefusedError(
            _(
                "“{shown}” is a Rejoinder project file; writing there would destroy it. "
                "Choose another name."
            ).format(shown=shown)
        )
    lock = office_lock(path)
    if lock is not None:
        program, lock_file = lock
        raise OutputRefusedError(
            _(
                "“{shown}” is open in {program} (its lock file “{name}” is beside it); "
                "close it there and try again, or delete that lock file if {program} is "
                "not running."
            ).format(shown=shown, program=program, name=lock_file.name)
        )
    return _check_suffix(path, kind)


def _check_suffix(path: Path, kind: OutputKind) -> Path:
    if path.suffix.lower() not in kind.suffixes:
        wanted = _(" or ").join(kind.suffixes)
        raise OutputRefusedError(
            _(
                "“{name}” does not end in {wanted}: Rejoinder writes {kind} there. "
                "Choose a name ending in {wanted}."
            ).format(name=path.name, wanted=wanted, kind=_(kind.name))
        )
    return path


def failure(path: Path, kind: OutputKind, exc: OSError) -> RejoinderError:
    """The user's message for an ``OSError`` met while writing ``kind`` to ``path``."""
    if isinstance(exc, PermissionError):
        return kind.failure(
            _(
                "“{name}” cannot be written: it is open in another program (such as Word) "
                "or you may not write to that folder. Close it or choose another name."
            ).format(name=path.name)
        )
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return kind.failure(
            _(
                "“{name}” cannot be written: the disk is full. Free some space and try again."
            ).format(name=path.name)
        )
    return kind.failure(
        _("“{name}” cannot be written ({reason}).").format(
            name=path.name, reason=exc.strerror or exc
        )
    )


def _file_mode(path: Path) -> int:
    """The mode of the file replaced, or of an ordinary new file (not mkstemp's 0600)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(tmp: Path) -> None:
    for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def atomic_path(
    path: Path | str, kind: OutputKind, *, protect: Iterable[Path] = ()
) -> Iterator[Path]:
    """A temporary file beside ``path`` to fill; renamed over ``path`` when the block succeeds.

    On any failure the temporary file (and any SQLite side file of it) is
    removed and ``path`` is left as it was; an ``OSError`` becomes
    ``kind.failure`` with a message for the user.
    """
    protect = tuple(protect)
    path = check_target(path, kind, protect=protect)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".~{path.stem[:40]}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise failure(path, kind, exc) from exc
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _file_mode(path))
        check_target(path, kind, protect=protect)
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise failure(path, kind, exc) from exc
    except BaseException:
        _remove(tmp)
        raise
    logger.info("wrote %s", path)


def write_atomically(
    path: Path | str, kind: OutputKind, data: bytes, *, protect: Iterable[Path] = ()
) -> None:
    """Write ``data`` to ``path`` all or nothing, after :func:`check_target`."""
    with atomic_path(path, kind, protect=protect) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view[:_CHUNK])
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
