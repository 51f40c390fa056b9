"""Commands between a project's two homes: ``publish`` a file to a team server, ``checkout``.

Every other command takes a server's ``postgresql://LOGIN@HOST:PORT/DB`` in
place of FILE (see :func:`app.cli.common.open_project`).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from app.cli.common import open_project as _open
from app.core.i18n import _, ngettext

logger = logging.getLogger(__name__)


def cmd_publish(args: argparse.Namespace) -> int:
    from app.core.server.transfer import publish

    count = publish(Path(args.file), args.url)
    published = ngettext("Published {n} row to {url}.", "Published {n} rows to {url}.", count)
    print(published.format(n=count, url=args.url))
    return 0


def cmd_checkout(args: argparse.Namespace) -> int:
    with _open(args.url) as store:
        store.save_copy(Path(args.output))
    print(_("Checked out to {path}.").format(path=args.output))
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("publish", help="copy a project file into an empty PostgreSQL database")
    p.add_argument("file")
    p.add_argument("url", help="postgresql://LOGIN@HOST:PORT/DATABASE")
    p.set_defaults(run=cmd_publish)
    p = sub.add_parser("checkout", help="an offline copy of a project on a team server")
    p.add_argument("url", help="postgresql://LOGIN@HOST:PORT/DATABASE")
    p.add_argument("-o", "--output", required=True, help="the new project file")
    p.set_defaults(run=cmd_checkout)
