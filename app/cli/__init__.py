"""The command line, on top of core, importers and exporters (a contract: see DESIGN.md).

Exit codes: 0 done, 1 ``check`` found problems, 2 the user's input was bad
(one line on stderr, nothing changed). Errors a user can cause are
:class:`~app.core.errors.RejoinderError`; anything else is a bug and keeps its
traceback.

Start-up is part of every command's time (budgets: ``--version`` 0.1 s,
``sources`` 0.25 s, ``new`` 0.3 s; SQLAlchemy alone takes about 0.3 s to
import on the development machine, Alembic 0.2 s, Qt, python-docx and
pypdfium2 more). So a command pays only for what it uses. To add a command:

* Put it in the module of its family (``project``, ``sources``, ``drafting``,
  or a new ``app/cli/NAME.py``) as ``cmd_NAME(args) -> int`` plus its lines in
  that module's ``register(sub)``, and name it in :data:`COMMANDS` with that
  module. Only the module of the command being run is imported and registered.
* At the top of a CLI module import only the standard library, ``app.cli.common``,
  ``app.core.errors`` and ``app.core.i18n`` (its ``_`` translates what a user
  reads); import services, the store, importers and exporters
  inside ``cmd_NAME``.
* Commands that only read (``sources``) or create a file (``new``) go through
  :mod:`app.core.projectfile` on plain :mod:`sqlite3` and never import
  SQLAlchemy. ``tests/e2e/test_cli_imports.py`` pins which modules the light
  commands load: extend it when you add a light command.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import difflib
import importlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import NoReturn

from app import __version__
from app.cli.common import Parser, speaking_users_language
from app.core.errors import RejoinderError

logger = logging.getLogger(__name__)

# Every command, and the module of app.cli that registers and runs it.
COMMANDS: dict[str, str] = {
    "new": "project",
    "import": "sources",
    "sources": "sources",
    "remove-version": "sources",
    "source-language": "sources",
    "placements": "placements",
    "confirm-placement": "placements",
    "keep-orphan": "placements",
    "update-quote": "placements",
    "sections": "drafting",
    "add-section": "drafting",
    "edit-section": "drafting",
    "add-block": "drafting",
    "cite": "drafting",
    "edit-quote": "drafting",
    "respond": "drafting",
    "similar": "similar",
    "check": "project",
    "export": "project",
    "dump": "project",
    "load": "project",
    "import-review": "project",
    "merge": "project",
    "batch": "batch",
    "undo": "journal",
    "redo": "journal",
    "log": "journal",
    "changes": "sending",
    "deadline": "sending",
    "publish": "server",
    "checkout": "server",
    "members": "team",
    "grant": "team",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``command`` (with the others of its module), or of every command."""
    parser = Parser(prog="rejoinder", description="Draft a delegation's comments on submissions.")
    parser.add_argument("--version", action="version", version=f"rejoinder {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    names = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in names:
        importlib.import_module(f"app.cli.{name}").register(sub)
    return parser


def command_list() -> str:
    """Every command with what it does, one a line: ``rejoinder --help`` lists them.

    The window's parser (``app.__main__``) knows no commands; without this a
    person asking for help would never learn there are any. Registering every
    module's commands imports only the standard library.
    """
    parser = build_parser()
    rows: list[tuple[str, str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            rows = [(a.dest, a.help or "") for a in action._get_subactions()]
    width = max((len(name) for name, _help in rows), default=0)
    return "\n".join(f"  {name.ljust(width)}  {text}".rstrip() for name, text in rows)


def refuse_unknown_command(word: str) -> int:
    """Refuse ``rejoinder WORD`` when WORD is neither a command nor a project; else return 0.

    A bare word that is neither a command nor a file is a mistyped command
    (``rejoinder exprot``), not a project to open: a window saying the project
    "exprot" is missing would not tell the person what went wrong. Run inside
    :func:`run`, which prints the refusal in the user's language.
    """
    from pathlib import Path

    from app.core.errors import InvalidInputError
    from app.core.i18n import _

    path = Path(word)
    if word in COMMANDS or "://" in word or path.suffix or len(path.parts) > 1 or path.exists():
        return 0
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        raise InvalidInputError(
            _(
                "“{word}” is not a command. Did you mean “{command}”? (rejoinder --help lists them)"
            ).format(word=word, command=close[0])
        )
    raise InvalidInputError(
        _(
            "“{word}” is neither a command nor a project file "
            "(rejoinder --help lists the commands)."
        ).format(word=word)
    )


def refuse_window_without_display() -> None:
    """On Linux, refuse to start the window where it has nowhere to go (a server, SSH without X).

    Qt would abort with lines about platform plugins that tell a person
    nothing; the commands need no display, so the refusal points at them.
    """
    from app.core.errors import InvalidInputError
    from app.core.i18n import _

    if not sys.platform.startswith("linux"):
        return
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] not in ("xcb", "wayland", ""):
        return  # offscreen, vnc…: Qt needs no display server
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise InvalidInputError(
        _(
            "There is no display to open Rejoinder's window on. The commands work "
            "without one: rejoinder --help lists them."
        )
    )


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (``… | head -1``): stop quietly, like other tools.

    Python would report the failed flush at exit; pointing stdout at devnull
    first keeps that from printing a traceback.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0


def run(action: Callable[[], int]) -> int:
    """Run a command in the user's language: its output and core's errors are theirs."""
    with speaking_users_language():
        from app.core.i18n import _

        try:
            code = action()
            sys.stdout.flush()
            return code
        except BrokenPipeError:
            return _quiet_broken_pipe()
        except RejoinderError as exc:
            print(f"rejoinder: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(_("rejoinder: interrupted"), file=sys.stderr)
            return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command of the command line; ``argv[0]`` must be one of :data:`COMMANDS`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv[0] if argv else None).parse_args(argv)
    return run(lambda: int(args.run(args)))


def leave(code: int) -> NoReturn:
    """End the process once a command is done, without tearing the interpreter down.

    Python's own exit frees every object and module one by one: after an
    import of a long PDF (hundreds of thousands of lines, words and the
    index's arrays) that took 40 ms of the command's 0.55 s, for nothing the
    user can see. What an exit must still do is done first: the output is
    flushed and the exit handlers run (logging's flush, multiprocessing's,
    temporary files'). With another thread still running, Python's exit waits
    for it as usual.
    """
    if threading.active_count() > 1:
        sys.exit(code)
    # The command is over: a Ctrl+C now would only interrupt the exit handlers
    # ("Exception ignored in atexit callback", exit 0 all the same).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    scope = sys.modules.get("pypdfium2._library_scope")
    if scope is not None:
        # pdfium's tidy-up at exit frees what the ending process frees anyway, and
        # warns about a document whose closing an earlier Ctrl+C interrupted.
        atexit.unregister(scope.destroy_lib)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except (OSError, ValueError):  # stdout closed or failing: let Python's exit say so
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
