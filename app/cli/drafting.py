"""Commands that draft the contribution: sections, blocks, citing, responding."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from app.cli.common import open_project as _open

logger = logging.getLogger(__name__)


def cmd_sections(args: argparse.Namespace) -> int:
    from app.core.contribution import read_project

    with _open(args.file) as store:
        view = read_project(store)
    for section in view.sections:
        print(f"{section.id}\t{section.kind}\t{section.heading}")
    return 0


def cmd_add_section(args: argparse.Namespace) -> int:
    from app.core.services import sections

    with _open(args.file) as store:
        print(sections.add_section(store, args.heading, args.index))
    return 0


def cmd_edit_section(args: argparse.Namespace) -> int:
    from app.core.services import sections

    with _open(args.file) as store:
        shared = None if args.shared_as_reference is None else args.shared_as_reference == "yes"
        sections.update_section(
            store,
            args.section,
            heading=args.heading,
            opening=args.opening,
            closing=args.closing,
            shared_as_reference=shared,
        )
    return 0


def cmd_add_block(args: argparse.Namespace) -> int:
    from app.core.services import sections

    with _open(args.file) as store:
        block = sections.add_block(
            store,
            args.section,
            args.kind,
            args.text,
            target_section_ref=args.target,
            after_text=args.after,
            numbered=not args.unnumbered,
            index=args.index,
        )
        if args.lead_in is not None or args.comments_lead_in is not None:
            # An empty --lead-in "" removes the lead-in; leaving the option out keeps the default.
            sections.update_block(
                store,
                block,
                lead_in=args.lead_in,
                comments_lead_in=args.comments_lead_in,
                lead_in_shown=None if args.lead_in is None else bool(args.lead_in.strip()),
                comments_lead_in_shown=None
                if args.comments_lead_in is None
                else bool(args.comments_lead_in.strip()),
            )
        print(block)
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    from app.core.services import passages

    with _open(args.file) as store:
        print(
            passages.cite_quote(
                store,
                args.source,
                args.quote,
                occurrence=args.occurrence,
                section_ref=args.section,
                ellipsis=not args.no_ellipsis,
            )
        )
    return 0


def cmd_edit_quote(args: argparse.Namespace) -> int:
    from app.core.services import passages

    with _open(args.file) as store:
        passages.set_quote(store, args.passage, args.text)
    return 0


def cmd_respond(args: argparse.Namespace) -> int:
    from app.core.services import responses, shared_answers

    with _open(args.file) as store:
        if args.same_as:
            shared = shared_answers.share_answer(store, args.passage, args.same_as)
            if args.text is None and not (
                args.position or args.status or args.proposed_change or args.type
            ):
                print(shared)
                return 0
        print(
            responses.respond(
                store,
                args.passage,
                args.text,
                position=args.position,
                status=args.status,
                proposed_change=args.proposed_change,
                comment_type=args.type,
            )
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("sections", help="list sections in output order: id, kind, heading")
    p.add_argument("file")
    p.set_defaults(run=cmd_sections)
    p = sub.add_parser("add-section", help="add an own topic section")
    p.add_argument("file")
    p.add_argument("--heading", required=True)
    p.add_argument("--index", type=int, help="position among all sections (0 = first)")
    p.set_defaults(run=cmd_add_section)
    p = sub.add_parser("edit-section", help="change a section's heading, opening or closing")
    p.add_argument("file")
    p.add_argument("--section", required=True)
    p.add_argument("--heading")
    p.add_argument("--opening", help="markup printed after the heading")
    p.add_argument("--closing", help="markup printed at the end of the section")
    p.add_argument(
        "--shared-as-reference",
        choices=("yes", "no"),
        help="print answers shared with another section as a cross-reference to it",
    )
    p.set_defaults(run=cmd_edit_section)
    p = sub.add_parser(
        "add-block", help="add a paragraph, list, cross-reference or citations block"
    )
    p.add_argument("file")
    p.add_argument("--section", required=True)
    p.add_argument(
        "--kind", required=True, choices=("paragraph", "list", "cross_reference", "citations")
    )
    p.add_argument("--text", default="", help="markup; list items one per line")
    p.add_argument("--target", help="the section a cross-reference names")
    p.add_argument("--after", default="", help="markup after a cross-reference's target")
    p.add_argument("--unnumbered", action="store_true")
    p.add_argument("--lead-in", help='the sentence before the quotes; "" prints none')
    p.add_argument("--comments-lead-in", help='the sentence before the comments; "" prints none')
    p.add_argument("--index", type=int)
    p.set_defaults(run=cmd_add_block)
    p = sub.add_parser("cite", help="cite a quote of a source")
    p.add_argument("file")
    p.add_argument("--source", required=True)
    p.add_argument("--quote", required=True)
    p.add_argument("--occurrence", type=int)
    p.add_argument("--section", help="place the passage in this section")
    p.add_argument(
        "--no-ellipsis",
        action="store_true",
        help="print the quote without the “…” added where it cuts a sentence",
    )
    p.set_defaults(run=cmd_cite)
    p = sub.add_parser("edit-quote", help="print the quote with elisions … and [insertions]")
    p.add_argument("file")
    p.add_argument("--passage", required=True)
    p.add_argument("--text", required=True)
    p.set_defaults(run=cmd_edit_quote)
    p = sub.add_parser("respond", help="write the response to a passage")
    p.add_argument("file")
    p.add_argument("--passage", required=True)
    p.add_argument("--text", help="the response in the project's markup")
    p.add_argument("--position")
    p.add_argument("--status")
    p.add_argument("--proposed-change")
    p.add_argument("--same-as", metavar="OTHER", help="share the answer of passage OTHER")
    p.add_argument(
        "--type",
        choices=("general", "technical", "editorial"),
        help="the kind of comment, for the table layout's column (default general)",
    )
    p.set_defaults(run=cmd_respond)
