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
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.core.errors import RejoinderError

if TYPE_CHECKING:
    from app.core.store import ProjectStore

COMMANDS = (
    "new",
    "import",
    "sources",
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
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line, like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message}\n")


def _open(path: str) -> ProjectStore:
    from app.core.store import ProjectStore

    return ProjectStore.open(Path(path))


def cmd_new(args: argparse.Namespace) -> int:
    from app.core.store import ProjectStore

    store = ProjectStore.create(
        Path(args.file),
        title=args.title,
        organisation=args.org,
        meeting=args.meeting,
        date=args.date,
        language=args.language,
    )
    store.close()
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.core.services import sources
    from app.importers.base import ImportOptions
    from app.importers.detect import guess_label, import_file

    if args.path == "-":
        data = sys.stdin.buffer.read()
        filename = ""
    else:
        path = Path(args.path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise RejoinderError(f"“{path}” cannot be read: {exc.strerror}.") from exc
        filename = path.name
    imported = import_file(data, filename or "pasted.txt", ImportOptions(password=args.password))
    label = args.party or guess_label(imported, filename or "Pasted text")
    with _open(args.file) as store:
        if args.new_version_of:
            report = sources.add_version(
                store, args.new_version_of, imported, data, filename=filename
            )
            print(report.source_id)
            for orphan in report.orphans:
                print(f"orphan {orphan}", file=sys.stderr)
            return 0
        source_id = sources.add_source(
            store, imported, data, filename=filename, label=label, kind=args.kind
        )
    print(source_id)
    for warning in imported.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from app.core.services import sources

    with _open(args.file) as store:
        for info in sources.list_sources(store):
            print(f"{info.id}\t{info.label}\t{info.kind}\t{info.pages}\t{info.passages}")
    return 0


def cmd_sections(args: argparse.Namespace) -> int:
    from app.core.services import sections

    with _open(args.file) as store:
        for info in sections.list_sections(store):
            heading = info.heading or f"Contribution from {info.source_label}"
            print(f"{info.id}\t{info.kind}\t{heading}")
    return 0


def cmd_add_section(args: argparse.Namespace) -> int:
    from app.core.services import sections

    with _open(args.file) as store:
        print(sections.add_section(store, args.heading, args.index))
    return 0


def cmd_edit_section(args: argparse.Namespace) -> int:
    from app.core.services import sections

    with _open(args.file) as store:
        sections.update_section(
            store, args.section, heading=args.heading, opening=args.opening, closing=args.closing
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
            sections.update_block(
                store, block, lead_in=args.lead_in, comments_lead_in=args.comments_lead_in
            )
        print(block)
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    from app.core.services import passages

    with _open(args.file) as store:
        print(
            passages.cite_quote(
                store, args.source, args.quote, occurrence=args.occurrence, section_ref=args.section
            )
        )
    return 0


def cmd_edit_quote(args: argparse.Namespace) -> int:
    from app.core.services import passages

    with _open(args.file) as store:
        passages.set_quote(store, args.passage, args.text)
    return 0


def cmd_respond(args: argparse.Namespace) -> int:
    from app.core.services import responses

    with _open(args.file) as store:
        print(
            responses.respond(
                store,
                args.passage,
                args.text,
                position=args.position,
                status=args.status,
                proposed_change=args.proposed_change,
            )
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.core.preflight import check

    with _open(args.file) as store:
        problems = check(store)
    for problem in problems:
        print(f"{problem.kind}\t{problem.target_id}\t{problem.message}")
    if not problems:
        print("No problems found.")
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.core.preflight import check
    from app.exporters import export

    with _open(args.file) as store:
        for problem in check(store):
            print(f"preflight: {problem.message}", file=sys.stderr)
        export.export_project(
            store,
            Path(args.output),
            layout=args.layout,
            template=Path(args.template) if args.template else None,
            review_copy=args.review_copy,
            include_drafts=args.include_drafts,
        )
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from app.core import dump

    with _open(args.file) as store:
        dump.dump(store, Path(args.output))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from app.core import dump

    dump.load(Path(args.input), Path(args.output))
    return 0


def cmd_import_review(args: argparse.Namespace) -> int:
    from app.core.services.review_import import import_review
    from app.importers.review_docx import read_review

    path = Path(args.reviewed)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RejoinderError(f"“{path}” cannot be read: {exc.strerror}.") from exc
    parsed = read_review(data)
    with _open(args.file) as store:
        report = import_review(store, parsed)
    proposals = len(report.proposals)
    print(
        f"{len(report.notes_added) - proposals} comment(s) added as notes, "
        f"{proposals} proposed text(s) waiting for acceptance, "
        f"{report.already_imported} already imported, {len(report.unmapped)} not placed."
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rejoinder", description="Draft a delegation's comments on submissions.")
    parser.add_argument("--version", action="version", version=f"rejoinder {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("new", help="create a project file")
    p.add_argument("file")
    p.add_argument("--title", required=True)
    p.add_argument("--org", required=True, help="our organisation or delegation")
    p.add_argument("--meeting", default="")
    p.add_argument("--date", default="")
    p.add_argument("--language", default="en", choices=("en", "fr", "es"))
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("import", help="import a source (a file path, or - for stdin)")
    p.add_argument("file")
    p.add_argument("path")
    p.add_argument("--party", help="the party or author label")
    p.add_argument("--kind", default="submission", choices=("submission", "reference"))
    p.add_argument("--password")
    p.add_argument("--new-version-of", metavar="SOURCE", help="a re-issued version of SOURCE")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("sources", help="list sources: id, label, kind, pages, passages")
    p.add_argument("file")
    p.set_defaults(run=cmd_sources)

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
    p.add_argument("--lead-in", help="the sentence before the quotes")
    p.add_argument("--comments-lead-in", help="the sentence before the comments")
    p.add_argument("--index", type=int)
    p.set_defaults(run=cmd_add_block)

    p = sub.add_parser("cite", help="cite a quote of a source")
    p.add_argument("file")
    p.add_argument("--source", required=True)
    p.add_argument("--quote", required=True)
    p.add_argument("--occurrence", type=int)
    p.add_argument("--section", help="place the passage in this section")
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
    p.set_defaults(run=cmd_respond)

    p = sub.add_parser("check", help="preflight; exit 1 when it finds problems")
    p.add_argument("file")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("export", help="export the contribution as .docx")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--layout", default="grouped", choices=("grouped", "interleaved", "table"))
    p.add_argument("--template")
    p.add_argument("--review-copy", action="store_true")
    p.add_argument("--include-drafts", action="store_true")
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
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rejoinder", description="Start Rejoinder's window.")
    parser.add_argument("--version", action="version", version=f"rejoinder {__version__}")
    parser.add_argument("--demo", action="store_true", help="open a demo project")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation without a window"
    )
    parser.add_argument("project", nargs="?", help="a .rejoinder project to open")
    return parser


def _run(action: Callable[[], int]) -> int:
    try:
        return action()
    except RejoinderError as exc:
        print(f"rejoinder: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rejoinder: interrupted", file=sys.stderr)
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        args = build_parser().parse_args(argv)
        return _run(lambda: int(args.run(args)))
    args = build_gui_parser().parse_args(argv)
    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test()

    def start_gui() -> int:
        from app.gui.application import run_gui

        return run_gui(project=Path(args.project) if args.project else None, demo=args.demo)

    return _run(start_gui)
