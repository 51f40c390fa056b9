"""Entry point for ``python -m app`` and the ``rejoinder`` gui-script.

The command line and the window are two front ends; only this module knows
both, so that a command never loads Qt and the window never parses commands.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli import (
    COMMANDS,
    command_list,
    leave,
    refuse_unknown_command,
    refuse_window_without_display,
    run,
)
from app.cli import main as cli_main
from app.cli.common import Parser

logger = logging.getLogger(__name__)

COMMAND_GC_THRESHOLD = 100_000  # allocations between two collections of the youngest objects


def build_gui_parser(*, with_commands: bool = False) -> argparse.ArgumentParser:
    """The window's options; ``with_commands`` adds the list of commands to its help."""
    epilog = None
    if with_commands:
        epilog = "commands (rejoinder COMMAND --help tells more):\n" + command_list()
    parser = Parser(
        prog="rejoinder",
        description="Start Rejoinder's window, or run one of its commands.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rejoinder {__version__}")
    parser.add_argument("--demo", action="store_true", help="open a demo project")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation without a window"
    )
    parser.add_argument(
        "project", nargs="?", help="a .rejoinder project, or a team server's address, to open"
    )
    return parser


def start(argv: Sequence[str]) -> int:
    """A command when ``argv`` names one, else the window (or the self-test)."""
    argv = list(argv)
    if argv and argv[0] in COMMANDS:
        return cli_main(argv)
    if argv and not argv[0].startswith("-"):
        refused = run(lambda: refuse_unknown_command(argv[0]))
        if refused:
            return refused
    asks_help = any(a in ("-h", "--help") for a in argv)
    args = build_gui_parser(with_commands=asks_help).parse_args(argv)
    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test()

    def start_gui() -> int:
        refuse_window_without_display()
        from app.gui.application import run_gui

        given: str | None = args.project
        project = Path(given) if given and "://" not in given else given  # an address stays
        return run_gui(project=project, demo=args.demo)

    return run(start_gui)


def main() -> None:
    if getattr(sys, "frozen", False):
        # In the bundle, the PDF importer's worker processes (and the fork server
        # that starts them) run this executable again: let multiprocessing take
        # those runs over. Not imported otherwise: it would slow every command.
        import multiprocessing

        multiprocessing.freeze_support()
    argv = sys.argv[1:]
    command = bool(argv) and argv[0] in COMMANDS
    if command:
        # A command is one short run that makes hundreds of thousands of objects
        # (modules, a long document's lines, the index's sentences), nearly all
        # kept or freed by reference counting: collecting cycles every 700
        # allocations took 20 ms of an import of 300 pages. Every 100,000 still
        # bounds what a long batch holds back.
        gc.set_threshold(COMMAND_GC_THRESHOLD, *gc.get_threshold()[1:])
    code = start(argv)
    if command:
        leave(code)  # no teardown of the interpreter (the window's exit keeps Python's)
    sys.exit(code)


if __name__ == "__main__":
    main()
