"""Commands about sending: what changed since the last final export, and the deadline."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from app.cli.common import open_project as _open

logger = logging.getLogger(__name__)


def cmd_changes(args: argparse.Namespace) -> int:
    from app.core import sending
    from app.core.sending import wording

    with _open(args.file) as store:
        sent = sending.list_sent(store)
        if not args.since_sent:
            for info in sent:
                print(wording.sent_line(info))
            if not sent:
                print(wording.nothing_sent())
                return 0
        changes = sending.changes_since(store)
    for change in changes:
        print(wording.change_line(change))
    if not args.since_sent and not changes:
        print(wording.no_change())
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    from app.core import deadline

    with _open(args.file) as store:
        if args.clear:
            deadline.set_deadline(store, None)
        elif args.when:
            deadline.set_deadline(store, deadline.parse_deadline(args.when))
        current = deadline.state(deadline.get_deadline(store), deadline.system_clock())
    print(deadline.summary(current))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("changes", help="what changed since the last final export (export --final)")
    p.add_argument("file")
    p.add_argument(
        "--since-sent",
        action="store_true",
        help="only the changes, one a line (exit 2 when nothing was sent yet)",
    )
    p.set_defaults(run=cmd_changes)
    p = sub.add_parser("deadline", help="show, set or clear the submission deadline")
    p.add_argument("file")
    p.add_argument(
        "when", nargs="?", help="2026-12-03 12:00 (UTC) or with an offset, 2026-12-03T13:00+01:00"
    )
    p.add_argument("--clear", action="store_true", help="remove the deadline")
    p.set_defaults(run=cmd_deadline)
