"""Read an input file or stream without trusting it: bounded, regular files only.

``Path.read_bytes()`` reads whatever is there before anything can be checked:
``/dev/zero`` never ends, a FIFO blocks forever waiting for a writer, and a
device or folder gives an OS error, not a message. Every caller that turns a
user's path or standard input into bytes for an importer (the command line,
the import dialog, a new version of a source) goes through :func:`read_path`
or :func:`read_stream`, which refuse anything but a regular file before
opening it and never read more than the size limit plus one byte.

File names come from the operating system and need not be valid UTF-8 (Python
keeps such bytes as lone surrogates); :func:`display_name` makes a name safe
to print, show and store.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import BinaryIO

from app.core.errors import FileTooLargeError, ImportFailedError
from app.core.i18n import _
from app.importers.base import DEFAULT_MAX_BYTES

logger = logging.getLogger(__name__)

_CHUNK = 1024 * 1024


def display_name(name: str) -> str:
    """``name`` with undecodable bytes shown as U+FFFD, so it can be printed and stored."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def too_large(size: int, limit: int) -> FileTooLargeError:
    return FileTooLargeError(
        _("The file is {size} MB; files up to {limit} MB can be imported.").format(
            size=_mb(size), limit=_mb(limit)
        )
    )


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path``; anything else is refused with a message."""
    shown = display_name(str(path))
    try:
        info = os.stat(path)
    except OSError as error:
        raise ImportFailedError(
            _("“{shown}” cannot be read: {reason}.").format(shown=shown, reason=error.strerror)
        ) from error
    _require_regular(info.st_mode, shown)
    if info.st_size > max_bytes:
        raise too_large(info.st_size, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise ImportFailedError(
            _("“{shown}” cannot be read: {reason}.").format(shown=shown, reason=error.strerror)
        ) from error
    try:
        # The name may have been swapped for a pipe or device between stat and open.
        _require_regular(os.fstat(fd).st_mode, shown)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return read_stream(stream, max_bytes)
    except OSError as error:
        raise ImportFailedError(
            _("“{shown}” cannot be read: {reason}.").format(shown=shown, reason=error.strerror)
        ) from error
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read ``stream`` to its end, refusing it as soon as it exceeds ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            logger.info("input refused after %d bytes: over the %d byte limit", size, max_bytes)
            raise FileTooLargeError(
                _(
                    "The input is more than {limit} MB; files up to {limit} MB can be imported."
                ).format(limit=_mb(max_bytes))
            )


def _require_regular(mode: int, shown: str) -> None:
    if stat.S_ISDIR(mode):
        raise ImportFailedError(
            _("“{shown}” is a folder. Choose a document inside it.").format(shown=shown)
        )
    if not stat.S_ISREG(mode):
        raise ImportFailedError(
            _(
                "“{shown}” is not a document but a device, pipe or socket; only files "
                "can be imported."
            ).format(shown=shown)
        )


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")
