"""Commands on placements in a new version: list them, confirm, orphan, update the quote.

After ``import --new-version-of``, a fuzzy placement waits for a person, as
it does in the window's placements dialog. On the command line the same
decisions are ``confirm-placement`` (optionally taking the new wording into
the printed quote at once), ``keep-orphan`` and ``update-quote``; each is one
step of the journal, so ``undo`` takes it back.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from app.cli.common import open_project as _open

logger = logging.getLogger(__name__)


def cmd_placements(args: argparse.Namespace) -> int:
    from app.core.fidelity import display_text
    from app.core.services import placements

    with _open(args.file) as store:
        found = placements.list_placements(store, args.source, waiting_only=args.waiting)
    for info in found:
        state = "waiting" if info.waiting else "confirmed" if info.confirmed else "unconfirmed"
        words = display_text(info.current or info.original)
        print(
            f"{info.passage_id}\t{info.source_label}\t{info.version}\t{info.kind}\t"
            f"{info.score}\t{state}\t{words}"
        )
    return 0


def _print_quote(quote: str) -> None:
    print(f"quote\t{quote}")


def cmd_confirm_placement(args: argparse.Namespace) -> int:
    from app.core.services import placements

    with _open(args.file) as store:
        if args.update_quote:
            quote = placements.confirm_and_update_quote(store, args.passage)
            _print_quote(quote)
        else:
            placements.confirm_placement(store, args.passage)
    return 0


def cmd_keep_orphan(args: argparse.Namespace) -> int:
    from app.core.services import placements

    with _open(args.file) as store:
        placements.keep_as_orphan(store, args.passage)
    return 0


def cmd_update_quote(args: argparse.Namespace) -> int:
    from app.core.services import placements

    with _open(args.file) as store:
        _print_quote(placements.update_quote(store, args.passage))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("placements", help="passages' placements in their source's current version")
    p.add_argument("file")
    p.add_argument("--source", help="only this source's passages")
    p.add_argument("--waiting", action="store_true", help="only those waiting for a decision")
    p.set_defaults(run=cmd_placements)
    p = sub.add_parser("confirm-placement", help="a fuzzy placement was checked: it stands")
    p.add_argument("file")
    p.add_argument("passage")
    p.add_argument(
        "--update-quote",
        action="store_true",
        help="also print the new version's wording as the quote (one step)",
    )
    p.set_defaults(run=cmd_confirm_placement)
    p = sub.add_parser("keep-orphan", help="the passage is not in the new version: keep it")
    p.add_argument("file")
    p.add_argument("passage")
    p.set_defaults(run=cmd_keep_orphan)
    p = sub.add_parser(
        "update-quote", help="the printed quote takes the confirmed placement's wording"
    )
    p.add_argument("file")
    p.add_argument("passage")
    p.set_defaults(run=cmd_update_quote)
