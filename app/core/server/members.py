"""A login acting as a member: found when a project on a server opens, given by ``grant``.

On a team server "I" am not the local identity's member but the member my
login is mapped to (:mod:`app.core.server.team`): that is whose responses
are "mine" to the row-level security policies, and whose operations my undo
may take back. A login without a role on the project is refused at the door
with the command a coordinator would type.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.core import labels
from app.core.errors import InvalidInputError, NotAllowedError, NotFoundError
from app.core.i18n import _
from app.core.models import Member
from app.core.server import team
from app.core.server.address import ServerAddress
from app.core.services.common import resolve
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)


def adopt_login(store: ProjectStore, location: str) -> str | None:
    """Act as the member the login is mapped to; its role, or None where roles are absent."""
    with store.session() as session:
        connection = session.connection()
        me = team.my_login(connection)
        superuser = bool(
            connection.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
        )
    if me is None:
        return None
    if me.member_id is None or me.role is None:
        if superuser:  # the server's administrator, not bound by roles: its own member
            return None
        raise _no_role(me.login, location)
    store.member_id = me.member_id
    store.identity = replace(store.identity, member_id=me.member_id)
    logger.info("login %s acts as member %s, %s", me.login, me.member_id, me.role)
    return me.role


def _no_role(login: str, location: str) -> NotAllowedError:
    return NotAllowedError(
        _(
            "The login “{login}” has no role on this project. Ask a coordinator to run: "
            "rejoinder grant {location} --login {login} --role drafter"
        ).format(login=login, location=location)
    )


def refused_at_open(exc: BaseException, address: ServerAddress) -> NotAllowedError | None:
    """A login the server lets in but the project's tables refuse: it has no role here."""
    if team.refusal(exc, None) is None:
        return None
    return _no_role(address.login, address.url())


def _member(store: ProjectStore, reference: str) -> Member:
    with store.session() as session:
        by_name = session.scalars(select(Member).where(Member.name == reference)).all()
        if len(by_name) == 1:
            return by_name[0]
        try:
            return resolve(session, Member, reference)
        except NotFoundError as exc:
            raise NotFoundError(
                _("No member of the project is named or numbered “{reference}”.").format(
                    reference=reference
                )
            ) from exc


def grant_role(store: ProjectStore, login: str, role: str, member_ref: str | None = None) -> str:
    """Give ``login`` the ``role``, acting as a member (a new one named after it by default).

    The server checks that the caller is a coordinator; a login must exist on
    the server first (its password is the administrator's business, not ours).
    """
    role = team.check_role(role)
    login = login.strip()
    if not login:
        raise InvalidInputError(_("Name the login to give a role to."))
    chosen = _member(store, member_ref) if member_ref else None
    with store.write(labels.GIVE_ROLE.format(login=login, role=role)) as session:
        connection = session.connection()
        known = {x.login: x for x in team.logins(connection)}
        if chosen is not None:
            member_id, name = chosen.id, chosen.name
        elif login in known and known[login].member_id:
            member_id, name = str(known[login].member_id), known[login].member_name
        else:
            member = Member(name=login, initials=login[:2].upper())
            session.add(member)
            session.flush()
            member_id, name = member.id, member.name
        try:
            team.grant(connection, login, role, member_id)
        except DBAPIError as exc:
            if str(getattr(exc.orig, "sqlstate", "")) == "42704":
                raise InvalidInputError(
                    _(
                        "There is no login “{login}” on the server; its administrator creates it "
                        "first (CREATE ROLE {login} LOGIN PASSWORD '…')."
                    ).format(login=login)
                ) from exc
            raise
    return _("{login} is now a {role} on this project, acting as the member {name}.").format(
        login=login, role=team.role_name(role), name=name
    )
