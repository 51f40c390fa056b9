"""Commands on sources: import a document or a new version, list sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import open_project as _open
from app.core.errors import RejoinderError


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


def register(sub: Any) -> None:
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
