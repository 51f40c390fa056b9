"""``rejoinder batch FILE``: many commands on one open project, one line each.

Scripts drive a whole contribution this way without paying start-up, opening
and locking for every command, and the shared-folder tests use it to hold a
project open while they copy or replace its file. Each line is a command in
the command line's own syntax without the FILE argument (shell quoting, via
:mod:`shlex`); blank lines and ``#`` comments are skipped. Every line's
writes are committed before the next line is read, and its usual output is
flushed at once, so that a reader of the output knows the edit is saved.

A bad line prints ``line N: message`` on stderr; the batch stops with exit 2
(the lines before it stay done) or, with ``--keep-going``, runs on and exits
2 at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import shlex
import sys
from pathlib import Path
from typing import Any

from app.cli.common import holding
from app.core.errors import RejoinderError

logger = logging.getLogger(__name__)

# Commands that make or read a file other than the batch's project.
NOT_IN_BATCH = frozenset({"new", "load", "batch"})


class LineError(Exception):
    """A line that cannot run; the message is the user's."""


def _parse(parser: argparse.ArgumentParser, project: str, words: list[str]) -> Any:
    if words[0] in NOT_IN_BATCH:
        raise LineError(f"“{words[0]}” cannot be used in a batch")
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            args = parser.parse_args([words[0], project, *words[1:]])
    except SystemExit as exit_:
        text = captured.getvalue().strip().splitlines()
        if exit_.code == 0:  # --help: its text went where stdout goes
            return None
        raise LineError(text[-1] if text else "not a command") from None
    if words[0] == "import" and args.path == "-":
        raise LineError("a batch reads its commands from standard input, not a document")
    return args


def run_lines(project: str, lines: Any, *, keep_going: bool) -> int:
    """Run each command of ``lines`` on the project held open; the batch's exit code."""
    from app.cli import build_parser

    parser = build_parser()
    failed = False
    worst = 0
    for number, line in enumerate(lines, 1):
        try:
            words = shlex.split(line, comments=True)
        except ValueError as exc:
            words, problem = [], f"{exc}"
        else:
            problem = ""
        if not words and not problem:
            continue
        try:
            if problem:
                raise LineError(problem)
            args = _parse(parser, project, words)
            code = int(args.run(args)) if args is not None else 0
            worst = max(worst, code)
        except (LineError, RejoinderError) as exc:
            sys.stdout.flush()
            print(f"line {number}: {exc}", file=sys.stderr, flush=True)
            failed = True
            if not keep_going:
                return 2
        sys.stdout.flush()
    return 2 if failed else worst


def cmd_batch(args: argparse.Namespace) -> int:
    from app.core.store import ProjectStore

    with ProjectStore.open(Path(args.file)) as store, holding(store):
        return run_lines(args.file, sys.stdin, keep_going=args.keep_going)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "batch", help="run commands from standard input, one a line, on one open project"
    )
    p.add_argument("file")
    p.add_argument(
        "--keep-going", action="store_true", help="run the lines after a bad one too (exit 2)"
    )
    p.set_defaults(run=cmd_batch)
