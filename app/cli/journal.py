"""``undo``, ``redo`` and ``log``: the project's journal of operations on the command line.

They are the same core operations as the window's Ctrl+Z and Ctrl+Shift+Z
(``app.core.journal``), so a change made in one front end can be undone in
the other, and after a restart.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from app.cli.common import open_project
from app.core import labels
from app.core.i18n import _

logger = logging.getLogger(__name__)


def cmd_undo(args: argparse.Namespace) -> int:
    from app.core.journal import replay

    with open_project(args.file) as store:
        changes = replay.undo(store)
    print(_("Undone: {label}").format(label=labels.shown(changes.label)))
    return 0


def cmd_redo(args: argparse.Namespace) -> int:
    from app.core.journal import replay

    with open_project(args.file) as store:
        changes = replay.redo(store)
    print(_("Redone: {label}").format(label=labels.shown(changes.label)))
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    from app.core.journal import replay

    with open_project(args.file) as store:
        lines = replay.history(store, limit=args.limit)
    for line in lines:
        when = line.at[:19].replace("T", " ")
        what = _("{label} (undone)") if line.undone else "{label}"
        print(f"{when}\t{line.member or '?'}\t{what.format(label=labels.shown(line.label))}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("undo", help="undo the last operation on the project")
    p.add_argument("file")
    p.set_defaults(run=cmd_undo)
    p = sub.add_parser("redo", help="redo the operation undone last")
    p.add_argument("file")
    p.set_defaults(run=cmd_redo)
    p = sub.add_parser("log", help="recent operations, newest first: time, member, what")
    p.add_argument("file")
    p.add_argument("-n", "--limit", type=int, default=50, help="how many (default 50)")
    p.set_defaults(run=cmd_log)
