"""``rejoinder batch FILE``: many commands on one open project, one line each.

Scripts drive a whole contribution this way without paying start-up, opening
and locking for every command, and the shared-folder tests use it to hold a
project open while they copy or replace its file. Each line is a command in
the command line's own syntax without the FILE argument (shell quoting, via
:mod:`shlex`); blank lines and ``#`` comments are skipped.

A line's output is written only once its edit is committed, so a reader of
the output knows the edit is saved (a kill loses no acknowledged line). To
pay one commit, with its fsyncs, for many lines, the drafting commands
(:data:`GROUPED`) run in groups: one transaction until the input has no
further line ready (a script waiting for an answer gets it at once), or
:data:`GROUP_LINES` lines, or :data:`GROUP_SECONDS`; then the group is
committed and its output written. Every line is still one operation of the
journal, as if it had run alone (``undo`` after a batch undoes its last
line), and a failing line is rolled back alone. Any other command runs
after the group before it is committed.

A bad line prints ``line N: message`` on stderr; the batch stops with exit 2
(the lines before it stay done) or, with ``--keep-going``, runs on and exits
2 at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import queue
import shlex
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from app.cli.common import held_project, holding
from app.core.errors import RejoinderError
from app.core.i18n import _

logger = logging.getLogger(__name__)

# Commands that make or read a file other than the batch's project.
NOT_IN_BATCH = frozenset({"new", "load", "batch"})

# Commands that only write to the project through its store: they run in groups.
GROUPED = frozenset({"add-section", "edit-section", "add-block", "cite", "edit-quote", "respond"})
GROUP_LINES = 200
GROUP_SECONDS = 0.5


class LineError(Exception):
    """A line that cannot run; the message is the user's."""


def _parse(parser: argparse.ArgumentParser, project: str, words: list[str]) -> Any:
    if words[0] in NOT_IN_BATCH:
        raise LineError(_("“{command}” cannot be used in a batch").format(command=words[0]))
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            args = parser.parse_args([words[0], project, *words[1:]])
    except SystemExit as exit_:
        text = captured.getvalue().strip().splitlines()
        if exit_.code == 0:  # --help: its text went where stdout goes
            return None
        raise LineError(text[-1] if text else _("not a command")) from None
    if words[0] == "import" and args.path == "-":
        raise LineError(_("a batch reads its commands from standard input, not a document"))
    return args


_END = None


def _ahead(lines: Iterable[str]) -> queue.SimpleQueue[str | None]:
    """The lines, read by a thread: the batch can see whether the next one is there yet."""
    ready: queue.SimpleQueue[str | None] = queue.SimpleQueue()

    def read() -> None:
        try:
            for line in lines:
                ready.put(line)
        finally:
            ready.put(_END)

    threading.Thread(target=read, name="batch-input", daemon=True).start()
    return ready


class _Groups:
    """The open group of lines: its transaction and the output it holds back."""

    def __init__(self) -> None:
        self._stack: contextlib.ExitStack | None = None
        self._out = io.StringIO()
        self.lines = 0
        self._since = 0.0

    @property
    def open(self) -> bool:
        return self._stack is not None

    def enter(self) -> None:
        store = held_project()
        if self._stack is not None or store is None:
            return
        stack = contextlib.ExitStack()
        stack.enter_context(store.group())
        self._stack = stack
        self.lines = 0
        self._since = time.monotonic()

    @contextlib.contextmanager
    def capturing(self) -> Iterator[None]:
        if self._stack is None:
            yield
            return
        with contextlib.redirect_stdout(self._out):
            yield

    def full(self) -> bool:
        return self.lines >= GROUP_LINES or time.monotonic() - self._since >= GROUP_SECONDS

    def commit(self) -> None:
        """End the group: commit its lines, then write what they printed."""
        stack, self._stack = self._stack, None
        try:
            if stack is not None:
                stack.close()
        finally:
            # On a failed commit nothing is printed: no line of the group is saved.
            if stack is not None:
                held, self._out = self._out.getvalue(), io.StringIO()
            else:
                held = ""
        if held:
            sys.stdout.write(held)
        sys.stdout.flush()


def run_lines(project: str, lines: Iterable[str], *, keep_going: bool) -> int:
    """Run each command of ``lines`` on the project held open; the batch's exit code."""
    from app.cli import build_parser

    parser = build_parser()
    ready = _ahead(lines)
    groups = _Groups()
    failed = False
    worst = 0
    number = 0
    try:
        while True:
            try:
                line = ready.get_nowait()
            except queue.Empty:
                groups.commit()  # nothing more to do before the next line arrives
                line = ready.get()
            if line is _END:
                break
            number += 1
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
                if words[0] in GROUPED:
                    groups.enter()
                else:
                    groups.commit()
                with groups.capturing():
                    args = _parse(parser, project, words)
                    code = int(args.run(args)) if args is not None else 0
                worst = max(worst, code)
                groups.lines += 1
            except (LineError, RejoinderError) as exc:
                groups.commit()
                print(
                    _("line {number}: {problem}").format(number=number, problem=exc),
                    file=sys.stderr,
                    flush=True,
                )
                failed = True
                if not keep_going:
                    return 2
            if not groups.open or groups.full():
                groups.commit()
    finally:
        groups.commit()
    return 2 if failed else worst


def cmd_batch(args: argparse.Namespace) -> int:
    from app.core.homes import open_home

    with open_home(args.file) as store, holding(store):
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
