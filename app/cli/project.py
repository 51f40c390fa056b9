"""Commands on a whole project: create, check, export, dump and load, merge, review."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import held_project, is_server_url, speaking_users_language
from app.cli.common import open_project as _open
from app.core.errors import InvalidInputError
from app.core.i18n import _, ngettext

if TYPE_CHECKING:
    from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


def cmd_new(args: argparse.Namespace) -> int:
    from app.core.projectfile import create_project

    create_project(
        Path(args.file),
        title=args.title,
        organisation=args.org,
        meeting=args.meeting,
        date=args.date,
        language=args.language,
    ).release()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.core.preflight import check

    with speaking_users_language():
        with _open(args.file) as store:
            problems = check(store)
        if args.no_position:
            problems = [p for p in problems if p.kind == "no_position"]
        for problem in problems:
            print(f"{problem.kind}\t{problem.target_id}\t{problem.message}")
        if not problems:
            print(_("No problems found."))
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    with speaking_users_language():
        return _export(args)


def _export(args: argparse.Namespace) -> int:
    from app.core.preflight import check_view
    from app.exporters import export

    final = args.final or args.revised
    if final and (args.review_copy or args.include_drafts):
        raise InvalidInputError(
            _(
                "A final export prints no drafts and no review comments: leave out "
                "--review-copy and --include-drafts."
            )
        )
    if not final and not is_server_url(args.file) and held_project() is None:
        done = _export_file(args)
        if done is not None:
            return done
    from app.core.contribution import read_project

    with _open(args.file) as store:
        view = read_project(store, with_notes=args.review_copy)  # read once, for both
        for problem in check_view(view):
            print(_("preflight: {problem}").format(problem=problem.message), file=sys.stderr)
        if final:
            return _export_final(store, args)
        _offer_revision(store)
        tree = export.export_project(
            store,
            Path(args.output),
            layout=args.layout,
            template=Path(args.template) if args.template else None,
            review_copy=args.review_copy,
            include_drafts=args.include_drafts,
            view=view,
        )
    for line in export.left_out_summary(tree):
        print(line, file=sys.stderr)
    return 0


def _export_file(args: argparse.Namespace) -> int | None:
    """Export a project file read with sqlite3 alone: no ORM to import (issue 14 §5).

    None when the ORM's way is needed: a final export was recorded (the
    command then offers a revision, which compares with what was sent).
    """
    from app.core.contribution.fileread import has_sent, read_file
    from app.core.preflight import check_view
    from app.core.quickread import reading
    from app.exporters import export

    project = Path(args.file)
    with reading(project) as conn:
        if has_sent(conn):
            return None
        view = read_file(conn, with_notes=args.review_copy)
    for problem in check_view(view):
        print(_("preflight: {problem}").format(problem=problem.message), file=sys.stderr)
    tree = export.export_view(
        view,
        Path(args.output),
        project=project,
        layout=args.layout,
        template=Path(args.template) if args.template else None,
        review_copy=args.review_copy,
        include_drafts=args.include_drafts,
    )
    for line in export.left_out_summary(tree):
        print(line, file=sys.stderr)
    return 0


def _offer_revision(store: ProjectStore, revised: bool = False) -> None:
    """After a final export, say that a revised document (Rev.N) can be written."""
    from app.core import sending

    last = sending.last_sent(store)
    if last is None or revised:
        return
    count = len(sending.changes_since(store, last.id))
    print(
        ngettext(
            "note: the {name} was sent on {when} UTC; {n} change since. "
            "Add --revised to write Rev.{revision} with the list of changes.",
            "note: the {name} was sent on {when} UTC; {n} changes since. "
            "Add --revised to write Rev.{revision} with the list of changes.",
            count,
        ).format(
            name=last.name,
            when=last.sent_at[:16].replace("T", " "),
            n=count,
            revision=last.revision_no + 1,
        ),
        file=sys.stderr,
    )


def _export_final(store: ProjectStore, args: argparse.Namespace) -> int:
    from app.core import sending
    from app.exporters import export
    from app.exporters.final import export_final

    if args.revised and sending.last_sent(store) is None:
        raise InvalidInputError(
            _("Nothing has been sent yet, so there is nothing to revise: export with --final.")
        )
    _offer_revision(store, args.revised)
    result = export_final(
        store,
        Path(args.output),
        layout=args.layout,
        template=Path(args.template) if args.template else None,
        revised=args.revised,
    )
    for line in export.left_out_summary(result.contribution):
        print(line, file=sys.stderr)
    sent = result.sent
    print(f"sent\t{sent.name}\t{sent.sent_at}\t{sent.sha256}\t{sent.filename}")
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from app.core import dump

    with _open(args.file) as store:
        dump.dump(store, Path(args.output))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from app.core import dump

    if is_server_url(args.output):
        from app.core.server.transfer import load_into

        load_into(Path(args.input), args.output)
    else:
        dump.load(Path(args.input), Path(args.output))
    return 0


def cmd_import_review(args: argparse.Namespace) -> int:
    from app.core.services.review_import import import_review
    from app.importers.docx.review import read_review
    from app.importers.reading import read_path

    # Bounded and regular files only: a FIFO, a device or a huge file is refused, not read.
    parsed = read_review(read_path(Path(args.reviewed)))
    with _open(args.file) as store:
        report = import_review(store, parsed)
    proposals = len(report.proposals)
    comments = len(report.notes_added) - proposals
    unplaced = len(report.unmapped)
    print(
        _("{comments}, {proposals}, {already}, {unplaced}.").format(
            comments=ngettext(
                "{n} comment added as a note", "{n} comments added as notes", comments
            ).format(n=comments),
            proposals=ngettext(
                "{n} proposed text waiting for acceptance",
                "{n} proposed texts waiting for acceptance",
                proposals,
            ).format(n=proposals),
            already=ngettext(
                "{n} already imported", "{n} already imported", report.already_imported
            ).format(n=report.already_imported),
            unplaced=ngettext("{n} not placed", "{n} not placed", unplaced).format(n=unplaced),
        )
    )
    for name in report.members_added:
        print(f"new member\t{name}")
    for proposal in report.proposals:
        print(f"proposal\t{proposal.note_id}\t{proposal.response_id}\t{proposal.author}")
    for item in report.unmapped:
        text = " ".join(item.text.split())
        print(f"unmapped {item.kind}\t{item.author}\t{item.reason}\t{text}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from app.core import merge

    with _open(args.file) as store:
        report = merge.merge(store, Path(args.other))
        conflicts = merge.list_conflicts(store)
    print(report.summary())
    for c in conflicts:
        print(
            f"conflict\t{c.id}\t{c.table_name}.{c.field}\t{c.row_id}\t"
            f"{c.ours_author} {c.ours_time}: {c.ours_value!r}\t"
            f"{c.theirs_author} {c.theirs_time}: {c.theirs_value!r}"
        )
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("new", help="create a project file")
    p.add_argument("file")
    p.add_argument("--title", required=True)
    p.add_argument("--org", required=True, help="our organisation or delegation")
    p.add_argument("--meeting", default="")
    p.add_argument("--date", default="")
    p.add_argument("--language", default="en", choices=("en", "fr", "es"))
    p.set_defaults(run=cmd_new)
    p = sub.add_parser("check", help="preflight; exit 1 when it finds problems")
    p.add_argument("file")
    p.add_argument(
        "--no-position",
        action="store_true",
        help="only the responses that have text but no position",
    )
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("export", help="export the contribution as .docx")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--layout", default="grouped", choices=("grouped", "interleaved", "table"))
    p.add_argument("--template")
    p.add_argument("--review-copy", action="store_true")
    p.add_argument("--include-drafts", action="store_true")
    p.add_argument(
        "--final",
        action="store_true",
        help="this is the version sent: record its time, member, sha256 and every response",
    )
    p.add_argument(
        "--revised",
        action="store_true",
        help="after a final export: a final Rev.N that lists what changed since",
    )
    p.set_defaults(run=cmd_export)
    p = sub.add_parser("dump", help="lossless JSON of the whole project")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(run=cmd_dump)
    p = sub.add_parser("load", help="the inverse of dump")
    p.add_argument("input")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(run=cmd_load)
    p = sub.add_parser("import-review", help="bring back a review copy annotated in Word")
    p.add_argument("file")
    p.add_argument("reviewed", metavar="REVIEWED.docx")
    p.set_defaults(run=cmd_import_review)
    p = sub.add_parser("merge", help="merge a colleague's copy (a backup is made first)")
    p.add_argument("file")
    p.add_argument("other", help="the other copy of the project")
    p.set_defaults(run=cmd_merge)
