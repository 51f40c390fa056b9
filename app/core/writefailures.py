"""What to tell the user when the disk refuses a write.

SQLite reports a full disk as ``SQLITE_FULL`` (or, when the file size limit
is hit, as a write I/O error), a read-only file as ``SQLITE_READONLY``; the
OS raises ``OSError`` with ``ENOSPC``. Each becomes one typed error whose
message names the project and says that the change was not saved, instead
of an ``OperationalError`` traceback. SQLite rolls the transaction back, so
the project keeps its last saved state.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

from app.core.errors import ProjectError, ReadOnlyProjectError, SaveFailedError
from app.core.i18n import N_, _

logger = logging.getLogger(__name__)

_FULL = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.Error):
            return seen
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None


def error_name(exc: BaseException) -> str:
    """SQLite's name of the error (``SQLITE_FULL``…), or ``""``."""
    found = _sqlite_error(exc)
    return str(getattr(found, "sqlite_errorname", "")) if found is not None else ""


def is_moved(exc: BaseException) -> bool:
    """SQLite refused to write because the file was renamed or deleted under it."""
    return error_name(exc) == "SQLITE_READONLY_DBMOVED"


def read_only_error(path: Path) -> ReadOnlyProjectError:
    return ReadOnlyProjectError(
        _(
            "The project “{name}” is read-only: it can be read and exported, not "
            "changed. Nothing was changed; make the file writable, or save a copy "
            "and work on that."
        ).format(name=path.name)
    )


def full_disk_error(path: Path, outcome: str = N_("the change was not saved")) -> SaveFailedError:
    return SaveFailedError(
        _("The disk holding “{name}” is full: {outcome}. Free some space, then try again.").format(
            name=path.name, outcome=_(outcome)
        )
    )


def translate(
    exc: BaseException, path: Path, outcome: str = N_("the change was not saved")
) -> ProjectError | None:
    """The user's error for a failed write, or None when ``exc`` is not one we know."""
    if isinstance(exc, OSError) and exc.errno in _FULL:
        return full_disk_error(path, outcome)
    name = error_name(exc)
    if not name:
        return None
    logger.info("write to %s failed: %s (%s)", path, name, exc)
    if name == "SQLITE_FULL":
        return full_disk_error(path, outcome)
    if name.startswith("SQLITE_READONLY"):
        return read_only_error(path)
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return SaveFailedError(
            _(
                "The disk holding “{name}” refused a write (it may be full or failing): "
                "{outcome}. Free some space or check the disk, then try again."
            ).format(name=path.name, outcome=_(outcome))
        )
    return None
