"""The command line, on top of core, importers and exporters (a contract: see DESIGN.md).

Exit codes: 0 done, 1 ``check`` found problems, 2 the user's input was bad
(one line on stderr, nothing changed). Errors a user can cause are
:class:`~app.core.errors.RejoinderError`; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.cli.common import Parser
from app.core.errors import RejoinderError

COMMANDS = (
    "new",
    "import",
    "sources",
    "remove-version",
    "sections",
    "add-section",
    "edit-section",
    "add-block",
    "cite",
    "edit-quote",
    "respond",
    "check",
    "export",
    "dump",
    "load",
    "import-review",
    "merge",
    "batch",
    "undo",
    "redo",
    "log",
)


def build_parser() -> argparse.ArgumentParser:
    from app.cli import batch, drafting, journal, project, sources

    parser = Parser(prog="rejoinder", description="Draft a delegation's comments on submissions.")
    parser.add_argument("--version", action="version", version=f"rejoinder {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    project.register(sub)
    sources.register(sub)
    drafting.register(sub)
    batch.register(sub)
    journal.register(sub)
    return parser


def run(action: Callable[[], int]) -> int:
    try:
        return action()
    except RejoinderError as exc:
        print(f"rejoinder: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rejoinder: interrupted", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command of the command line; ``argv[0]`` must be one of :data:`COMMANDS`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    return run(lambda: int(args.run(args)))
