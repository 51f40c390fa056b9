"""Who works on a team server's project: ``members URL`` and ``grant URL --login L --role R``.

The server itself enforces the roles (:mod:`app.core.server.team`); these
commands show and change them. ``grant`` works only for a coordinator: anyone
else is refused by the server, with one line and exit 2.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from app.cli.common import is_server_url, open_project
from app.core.errors import InvalidInputError
from app.core.i18n import _

logger = logging.getLogger(__name__)


def _server(url: str) -> str:
    if not is_server_url(url):
        raise InvalidInputError(
            _(
                "“{url}” is a project file; members and roles are a team server's "
                "(postgresql://LOGIN@HOST:PORT/DB)."
            ).format(url=url)
        )
    return url


def cmd_members(args: argparse.Namespace) -> int:
    from app.core.server import team

    with open_project(_server(args.url)) as store, store.session() as session:
        if not team.installed(session.connection()):
            raise InvalidInputError(
                _("{url} has no team roles; it was published without them.").format(url=args.url)
            )
        rows = team.logins(session.connection())
    for row in rows:
        member = f"{row.member_name} ({row.member_id[:8]})" if row.member_id else "-"
        print(f"{row.login}\t{member}\t{row.role or 'no role'}")
    return 0


def cmd_grant(args: argparse.Namespace) -> int:
    from app.core.server import members

    with open_project(_server(args.url)) as store:
        line = members.grant_role(store, args.login, args.role, args.member)
    print(line)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("members", help="the logins of a team server's project, members, roles")
    p.add_argument("url", help="postgresql://LOGIN@HOST:PORT/DATABASE")
    p.set_defaults(run=cmd_members)
    p = sub.add_parser("grant", help="give a login a role on the project (coordinators only)")
    p.add_argument("url", help="postgresql://LOGIN@HOST:PORT/DATABASE")
    p.add_argument("--login", required=True, help="the member's PostgreSQL login")
    p.add_argument("--role", required=True, choices=("reader", "drafter", "coordinator"))
    p.add_argument(
        "--member",
        default=None,
        help="the project member the login acts as (id or name; default: a new member "
        "named after the login, or the one it has)",
    )
    p.set_defaults(run=cmd_grant)
