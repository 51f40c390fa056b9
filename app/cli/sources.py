"""Commands on sources: import a document or a new version, list sources."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import held_project, is_server_url
from app.cli.common import open_project as _open
from app.core.i18n import _, ngettext

if TYPE_CHECKING:
    from app.core.services.sources import ReanchorReport

logger = logging.getLogger(__name__)


def _load_the_store() -> None:
    """Import the ORM while a worker process reads a long PDF's pages.

    Done after the import, importing SQLAlchemy and the services adds about
    0.3 s to the command; as the importer's ``meanwhile`` it runs once a
    worker is reading (this process then reads the pages the worker has not
    reached). Only an import the store must write (a new version, a team
    server, a file to upgrade) needs it: a new source goes through
    :mod:`app.core.quickimport` (:func:`_load_the_quick_path`).
    """
    from app.core.services import sources  # noqa: F401
    from app.core.similar import prepare  # noqa: F401  (NumPy: see _load_the_quick_path)


def _load_the_quick_path() -> None:
    """Import what stores a new source while a worker process reads a long PDF's pages.

    The quick path's modules cost the command their import after the
    reading; during it, the worker reads pages meanwhile and both cores stay
    busy. That includes NumPy (``build`` imports the index's ``prepare``):
    imported before the reader forked its worker, it was 45 ms before any
    page was read.
    """
    from app.core import quickimport  # noqa: F401
    from app.core.similar import build  # noqa: F401


def _quick(args: argparse.Namespace) -> bool:
    """Whether this import may be stored without the ORM (:mod:`app.core.quickimport`).

    A language given on the command line is a second operation of the store's.
    """
    return (
        not args.new_version_of
        and args.language is None
        and held_project() is None
        and not is_server_url(args.file)
    )


def cmd_import(args: argparse.Namespace) -> int:
    from app.core.language import checked_language_code
    from app.core.similar import prepare_index
    from app.importers.base import ImportOptions
    from app.importers.detect import guess_label, import_file
    from app.importers.reading import display_name, read_path, read_stream

    language = checked_language_code(args.language) if args.language is not None else None
    quick = _quick(args)
    options = ImportOptions(
        password=args.password,
        meanwhile=_load_the_quick_path if quick else _load_the_store,
        # The quick path prepares the index beside its store instead (below).
        prepare=None if quick else prepare_index,
    )
    if args.path == "-":
        data = read_stream(sys.stdin.buffer, options.max_bytes)
        filename = ""
    else:
        path = Path(args.path)
        data = read_path(path, options.max_bytes)
        filename = display_name(path.name)
    imported = import_file(data, filename or "pasted.txt", options)
    label = args.party or guess_label(imported, filename or "Pasted text")
    source_id: str | None = None
    if quick:
        from app.core import quickimport
        from app.core.beside import beside
        from app.core.similar.build import index_new_version  # NumPy: imported once it is needed
        from app.core.similar.prepare import prepare_later

        # Most of the index is prepared by a process forked now, while this one
        # stores the rest of the source (before the project file is opened).
        spans = [(p.start, p.end) for p in imported.paragraphs]
        imported.prepared = prepare_later(imported.text, spans, beside)

        source_id = quickimport.add_source(
            Path(args.file),
            imported,
            data,
            filename=filename,
            label=label,
            kind=args.kind,
            indexer=index_new_version,
        )
    if source_id is None:
        from app.core.services import sources

        with _open(args.file) as store:
            if args.new_version_of:
                report = sources.add_version(
                    store, args.new_version_of, imported, data, filename=filename
                )
                return _print_version_report(report)
            source_id = sources.add_source(
                store, imported, data, filename=filename, label=label, kind=args.kind
            )
            if language is not None:
                sources.set_source_language(store, source_id, language)
    print(source_id)
    for warning in imported.warnings:
        print(_("warning: {warning}").format(warning=warning), file=sys.stderr)
    return 0


def _print_version_report(report: ReanchorReport) -> int:
    """Counts of each kind of placement; exit 1 when most passages were lost."""
    from app.core.services.sources import version_name

    print(report.source_id)
    orphans = len(report.orphans)
    print(
        _("{version}: {exact}, {moved}, {fuzzy}, {orphans}").format(
            version=_(version_name(report.version_no)),
            exact=ngettext("{n} exact", "{n} exact", report.exact).format(n=report.exact),
            moved=ngettext("{n} moved", "{n} moved", report.moved).format(n=report.moved),
            fuzzy=ngettext("{n} fuzzy (to confirm)", "{n} fuzzy (to confirm)", report.fuzzy).format(
                n=report.fuzzy
            ),
            orphans=ngettext("{n} orphan", "{n} orphans", orphans).format(n=orphans),
        )
    )
    for placement in report.placements:
        if placement.kind in ("fuzzy", "orphan"):
            # a record for scripts, as `sources` prints: kind, passage, score
            print(f"{placement.kind}\t{placement.passage_id}\t{placement.score}")
    if report.mostly_orphaned:
        print(
            _(
                "warning: {orphans} of {count} passages were not found in the new version: "
                "is this the right document? If not, `rejoinder remove-version FILE SOURCE` "
                "takes it back."
            ).format(orphans=len(report.orphans), count=len(report.placements)),
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from app.core.services.source_list import version_name

    if args.no_position:
        return _print_unpositioned(args)
    held = held_project()
    if held is not None:  # inside a batch: the project is open already
        from app.core.services.sources import list_sources

        infos = list_sources(held)
    elif is_server_url(args.file):
        from app.core.services.sources import list_sources

        with _open(args.file) as store:
            infos = list_sources(store)
    else:  # alone: plain sqlite3, no ORM to import (start-up budget 0.25 s)
        from app.core.quickread import reading
        from app.core.services.source_list import SOURCES_SQL, source_infos

        with reading(Path(args.file)) as conn:
            infos = source_infos(conn.execute(SOURCES_SQL))
    for info in infos:
        version = version_name(info.version_no)
        print(f"{info.id}\t{info.label}\t{info.kind}\t{info.pages}\t{info.passages}\t{version}")
    return 0


def _print_unpositioned(args: argparse.Namespace) -> int:
    """The passages answered without a position: passage, source, label, status, quote."""
    from app.core.services.source_list import UNPOSITIONED_SQL, unpositioned

    held = held_project()
    if held is not None:
        with held.session() as session:
            from sqlalchemy import text

            rows = unpositioned(session.execute(text(UNPOSITIONED_SQL)).all())
    else:
        from app.core.quickread import reading

        with reading(Path(args.file)) as conn:
            rows = unpositioned(conn.execute(UNPOSITIONED_SQL))
    for row in rows:
        quote = " ".join(row.quote.split())
        print(f"{row.passage_id}\t{row.source_id}\t{row.label}\t{row.status}\t“{quote}”")
    return 0


def cmd_source_language(args: argparse.Namespace) -> int:
    from app.core.services.sources import set_source_language

    with _open(args.file) as store:
        set_source_language(store, args.source, args.language)
    return 0


def cmd_remove_version(args: argparse.Namespace) -> int:
    from app.core.services import sources

    with _open(args.file) as store:
        report = sources.remove_version(store, args.source)
    return _print_version_report(report)


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import a source (a file path, or - for stdin)")
    p.add_argument("file")
    p.add_argument("path")
    p.add_argument("--party", help="the party or author label")
    p.add_argument("--kind", default="submission", choices=("submission", "reference"))
    p.add_argument("--password")
    p.add_argument("--new-version-of", metavar="SOURCE", help="a re-issued version of SOURCE")
    p.add_argument(
        "--language",
        help="the language it is written in (en, fr, es…), instead of the detected one",
    )
    p.set_defaults(run=cmd_import)
    p = sub.add_parser("sources", help="list sources: id, label, kind, pages, passages, version")
    p.add_argument("file")
    p.add_argument(
        "--no-position",
        action="store_true",
        help="list instead the passages answered without a position "
        "(passage, source, label, status, quote)",
    )
    p.set_defaults(run=cmd_sources)
    p = sub.add_parser(
        "remove-version", help="withdraw a source's current version; the previous one is back"
    )
    p.add_argument("file")
    p.add_argument("source")
    p.set_defaults(run=cmd_remove_version)
    p = sub.add_parser(
        "source-language",
        help="set the language a source is written in; its quotes carry it in Word",
    )
    p.add_argument("file")
    p.add_argument("source")
    p.add_argument("language", help='a code such as en, fr or es; "" for unknown')
    p.set_defaults(run=cmd_source_language)
