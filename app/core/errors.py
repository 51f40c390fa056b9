"""Typed errors a user can cause.

Every failure that a user can provoke (a bad file, a wrong password, a locked
output, a project from a newer version) is raised as a subclass of
:class:`RejoinderError` carrying a message written for a diplomat, not a
programmer. The GUI shows ``str(error)`` in a dialog; the CLI prints it on one
line and exits 2. Anything else that escapes is a bug.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


class RejoinderError(Exception):
    """Base class: ``str(err)`` is the human message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ProjectError(RejoinderError):
    """The project file cannot be opened or written as asked."""


class NotAProjectError(ProjectError):
    """The file is not a SQLite database, or not a Rejoinder project."""


class CorruptProjectError(ProjectError):
    """SQLite's integrity check failed."""


class ProjectLockedError(ProjectError):
    """Another window or program has the project open."""


class NewerSchemaError(ProjectError):
    """The project was written by a newer version of Rejoinder."""


class ReadOnlyProjectError(ProjectError):
    """The project file is read-only: it can be read, not changed."""


class SaveFailedError(ProjectError):
    """A change could not be written (disk full, disk error); the project keeps its last state."""


class ProjectReplacedError(ProjectError):
    """Another program replaced or changed the project file while it was open.

    Nothing was written over that file: our version was kept beside it as
    ``my_copy`` (None when even that could not be written), so that the user
    can merge the two.
    """

    def __init__(self, message: str, path: str, my_copy: str | None) -> None:
        super().__init__(message)
        self.path = path
        self.my_copy = my_copy


class NotFoundError(RejoinderError):
    """An id or prefix names nothing (or several things) in the project."""


class InvalidInputError(RejoinderError):
    """A value given by the user is not acceptable (empty title, bad position…)."""


class MarkupError(InvalidInputError):
    """Rich text that does not follow the project's five-element markup."""


class QuoteNotFoundError(InvalidInputError):
    """The quote to cite does not occur in the source."""


class AmbiguousQuoteError(InvalidInputError):
    """The quote occurs several times and no occurrence was chosen."""


class ImportFailedError(RejoinderError):
    """A file could not be imported; the project is unchanged."""


class UnsupportedFormatError(ImportFailedError):
    """The file's format is not one Rejoinder reads."""


class PasswordRequiredError(ImportFailedError):
    """The file is encrypted and needs a password."""


class WrongPasswordError(ImportFailedError):
    """The password given does not open the file."""


class NeedsOcrError(ImportFailedError):
    """The PDF has no text layer (a scan)."""


class FileTooLargeError(ImportFailedError):
    """The file, or what it unpacks to, exceeds the configured limit."""


class DuplicateSourceError(ImportFailedError):
    """The same bytes were imported before."""


class ImportCancelled(RejoinderError):
    """The user cancelled a running import."""


class OutputRefusedError(InvalidInputError):
    """A chosen output path that must not be written: a project, a link, a device, a locked file."""


class OutputFailedError(RejoinderError):
    """A chosen output could not be written; any older file at the target is intact."""


class ExportFailedError(OutputFailedError):
    """The export could not be written; any older file at the target is intact."""


class DumpFormatError(InvalidInputError):
    """A JSON dump that is not valid for ``load``."""


class MergeError(RejoinderError):
    """Another copy of the project cannot be merged."""


class NothingToUndoError(RejoinderError):
    """The journal holds no operation to undo (or to redo)."""


class UndoConflictError(RejoinderError):
    """An operation cannot be undone or redone: its rows changed since; nothing was changed."""


class NothingSentError(InvalidInputError):
    """Changes "since sent" were asked for, but no final export was recorded yet."""


class NothingToSendError(InvalidInputError):
    """A final export would print no section at all (every response a draft): nothing recorded."""


class NotAllowedError(RejoinderError):
    """The team server refused a change the user's role does not allow; nothing was changed."""


class EditConflictError(RejoinderError):
    """Another member saved the same item while this edit was being made.

    Nothing was overwritten: the other member's values stay, this edit's
    values are kept beside them as conflicts (``conflict_ids``) to choose from.
    """

    def __init__(self, message: str, conflict_ids: tuple[str, ...]) -> None:
        super().__init__(message)
        self.conflict_ids = conflict_ids


class ServerError(ProjectError):
    """A project on a team server (PostgreSQL) cannot be reached or used as asked."""


class ServerLoginError(ServerError):
    """The server refused the login: wrong or missing password, unknown login."""


class ServerUnavailableError(ServerError):
    """The server does not answer (down, unreachable, wrong address)."""


class ConnectionLostError(ServerError):
    """The connection to the server broke during an operation; that operation was not saved."""


class DatabaseNotEmptyError(ServerError):
    """A project is published only into an empty database; this one holds tables."""
