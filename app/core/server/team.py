"""Who may do what on a team server: logins, members and roles, enforced by PostgreSQL.

Each member logs in with a PostgreSQL login of their own; the table
``rejoinder_team.login`` maps it to a member of the project (the schema
``rejoinder_team`` holds the mapping and the functions below, apart from
the project's tables, which dumps and checkouts copy). A role is membership in
one of three group roles of the database (``rejoinder_DB_reader``,
``…_drafter``, ``…_coordinator``), each holding the one before it:

- reader: reads everything, writes notes (its own);
- drafter: also cites (passages, their citations blocks), writes and edits
  its own responses (``author_id`` is its member) and their revisions;
- coordinator: also moves statuses to and from agreed, arranges sections and
  blocks, imports sources, edits anyone's rows and manages members.

The rules live in the database, not in the client: table GRANTs say which
statements a role may run at all, row-level security policies which rows
(one's own notes and responses), and a trigger keeps "agreed" for
coordinators. A modified client gets the same refusals. The installing login
(the one that publishes) owns the tables and is made a coordinator.

``rejoinder_team.grant_role`` is a ``SECURITY DEFINER`` function owned by
that login: it checks that the *caller* is a coordinator, then changes role
memberships, which a coordinator's own login could not. Every table of the
models is covered: read by all, written by coordinators, and by the roles
:data:`RULES` names for it (a table added later gets those defaults).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.core.errors import InvalidInputError, NotAllowedError
from app.core.i18n import N_, _
from app.core.models import Base

logger = logging.getLogger(__name__)


ROLES = ("reader", "drafter", "coordinator")
SCHEMA = "rejoinder_team"
LOGIN_TABLE = f"{SCHEMA}.login"

# table → (role, commands, USING/WITH CHECK condition), the permissive policies beside
# "coordinator may do anything" and "every role may read". ``ME`` is the caller's member.
ME = f"{SCHEMA}.member()"
RULES: dict[str, list[tuple[str, str, str]]] = {
    "project": [],
    "member": [("reader", "UPDATE", f"id = {ME}")],
    "original_file": [],
    "source": [],
    "source_version": [],
    "section": [],
    "block": [("drafter", "INSERT, DELETE", "kind = 'citations'")],
    "passage": [("drafter", "INSERT, UPDATE, DELETE", "true")],
    "response": [("drafter", "INSERT, UPDATE, DELETE", f"author_id = {ME}")],
    "revision": [("drafter", "INSERT, DELETE", "true")],
    "note": [("reader", "INSERT, UPDATE, DELETE", f"author_id = {ME}")],
    "conflict": [("reader", "INSERT, DELETE", "true"), ("drafter", "UPDATE", "true")],
    "journal_entry": [("reader", "INSERT, UPDATE, DELETE", f"member_id = {ME}")],
    "journal_blob": [("reader", "INSERT, UPDATE, DELETE", "true")],
}


@dataclass(frozen=True)
class Login:
    """A login of the server, the member it acts as, and its role on this project."""

    login: str
    member_id: str | None
    member_name: str
    role: str | None


def tables() -> list[str]:
    """Every table of the models (the journal's included), parents first."""
    return [t.name for t in Base.metadata.sorted_tables]


def group_role(database: str, role: str) -> str:
    """The cluster-wide name of a database's group role (role names are not per database)."""
    return f"rejoinder_{database[:40]}_{role}"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _run(connection: Connection, statement: str) -> None:
    """A DDL statement as written (psycopg reads ``%`` as a placeholder: doubled here)."""
    connection.exec_driver_sql(statement.replace("%", "%%"))


def _database(connection: Connection) -> str:
    return str(connection.scalar(text("SELECT current_database()")))


def installed(connection: Connection) -> bool:
    """Whether the roles of :func:`install` are in this database."""
    return bool(connection.scalar(text(f"SELECT to_regclass('{LOGIN_TABLE}') IS NOT NULL")))


def install(connection: Connection, member_id: str) -> None:
    """Create the group roles, GRANTs, policies and functions; map the caller to ``member_id``.

    Run once, by the login that publishes the project (it needs CREATEROLE),
    inside the publishing transaction, after the schema exists.
    """
    db = _database(connection)
    reader, drafter, coordinator = (group_role(db, r) for r in ROLES)
    may = connection.scalar(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    )
    if not may:
        raise NotAllowedError(
            _(
                "Publishing sets up the project's roles, which needs a login allowed to create "
                "roles: ask the server's administrator for ALTER ROLE … CREATEROLE. "
                "Nothing was changed."
            )
        )
    for role in (reader, drafter, coordinator):
        exists = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        if not exists:
            _run(connection, f"CREATE ROLE {_ident(role)} NOLOGIN")
    _run(connection, f"GRANT {_ident(reader)} TO {_ident(drafter)}")
    _run(connection, f"GRANT {_ident(drafter)} TO {_ident(coordinator)}")
    _run(connection, f"CREATE SCHEMA {SCHEMA}")
    _run(connection, f"GRANT USAGE ON SCHEMA {SCHEMA} TO {_ident(reader)}")
    _run(
        connection,
        f"""CREATE TABLE {LOGIN_TABLE} (
            login TEXT PRIMARY KEY,
            member_id VARCHAR(36) NOT NULL REFERENCES member(id))""",
    )
    _run(
        connection,
        f"""CREATE FUNCTION {ME} RETURNS VARCHAR LANGUAGE sql STABLE
        SET search_path = public, pg_temp
        AS $$ SELECT member_id FROM {LOGIN_TABLE} WHERE login = current_user $$""",
    )
    _grants(connection, reader, coordinator)
    for table in tables():
        rules = RULES.get(table, [])
        _run(connection, f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        _run(
            connection,
            f"CREATE POLICY everyone_reads ON {table} FOR SELECT TO {_ident(reader)} USING (true)",
        )
        _run(
            connection,
            f"CREATE POLICY coordinator_writes ON {table} FOR ALL TO {_ident(coordinator)} "
            "USING (true) WITH CHECK (true)",
        )
        for n, (role, commands, condition) in enumerate(rules):
            for command in commands.split(", "):
                who = _ident(group_role(db, role))
                name = f"{role}_{command.lower()}_{n}"
                if command == "INSERT":
                    clause = f"WITH CHECK ({condition})"
                elif command == "UPDATE":
                    clause = f"USING ({condition}) WITH CHECK ({condition})"
                else:
                    clause = f"USING ({condition})"
                _run(connection, f"CREATE POLICY {name} ON {table} FOR {command} TO {who} {clause}")
    _agreed_trigger(connection, coordinator)
    _grant_function(connection, reader, drafter, coordinator)
    me = str(connection.scalar(text("SELECT current_user")))
    _run(connection, f"GRANT {_ident(coordinator)} TO {_ident(me)}")
    connection.execute(
        text(f"INSERT INTO {LOGIN_TABLE} (login, member_id) VALUES (:login, :member)"),
        {"login": me, "member": member_id},
    )
    logger.info("team roles installed in %s; %s is a coordinator", db, me)


def _grants(connection: Connection, reader: str, coordinator: str) -> None:
    for table in [*tables(), LOGIN_TABLE, "alembic_version"]:
        _run(connection, f"GRANT SELECT ON {table} TO {_ident(reader)}")
    written: dict[str, dict[str, set[str]]] = {}
    for table, rules in RULES.items():
        for role, listed, _condition in rules:
            written.setdefault(role, {}).setdefault(table, set()).update(listed.split(", "))
    for role, by_table in written.items():
        for table, granted in by_table.items():
            _run(
                connection,
                f"GRANT {', '.join(sorted(granted))} ON {table} "
                f"TO {_ident(group_role(_database(connection), role))}",
            )
    everything = ", ".join(tables())
    _run(connection, f"GRANT INSERT, UPDATE, DELETE ON {everything} TO {_ident(coordinator)}")
    _run(connection, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {_ident(reader)}")


def _agreed_trigger(connection: Connection, coordinator: str) -> None:
    """Only a coordinator moves a response to agreed, or back from it."""
    _run(
        connection,
        f"""CREATE FUNCTION {SCHEMA}.check_agreed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (NEW.status = 'agreed') IS DISTINCT FROM
             (TG_OP = 'UPDATE' AND OLD.status = 'agreed')
             AND NOT pg_has_role(current_user, {_literal(coordinator)}, 'MEMBER') THEN
            RAISE EXCEPTION 'only a coordinator may move a response to or from agreed'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END $$""",
    )
    _run(
        connection,
        "CREATE TRIGGER response_agreed BEFORE INSERT OR UPDATE OF status ON response "
        f"FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.check_agreed()",
    )


def _grant_function(connection: Connection, reader: str, drafter: str, coordinator: str) -> None:
    roles = {r: group_role(_database(connection), r) for r in ROLES}
    cases = " ".join(f"WHEN {_literal(r)} THEN {_literal(g)}" for r, g in roles.items())
    _run(
        connection,
        f"""CREATE FUNCTION {SCHEMA}.grant_role(p_login TEXT, p_role TEXT, p_member VARCHAR)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
          target TEXT := CASE p_role {cases} END;
        BEGIN
          IF NOT pg_has_role(session_user, {_literal(coordinator)}, 'MEMBER') THEN
            RAISE EXCEPTION 'only a coordinator may manage members'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          IF target IS NULL THEN
            RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'invalid_parameter_value';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolcanlogin) THEN
            RAISE EXCEPTION 'there is no login %', p_login USING ERRCODE = 'undefined_object';
          END IF;
          EXECUTE format('REVOKE %I, %I, %I FROM %I', {_literal(reader)}, {_literal(drafter)},
                         {_literal(coordinator)}, p_login);
          EXECUTE format('GRANT %I TO %I', target, p_login);
          INSERT INTO {LOGIN_TABLE} (login, member_id) VALUES (p_login, p_member)
            ON CONFLICT (login) DO UPDATE SET member_id = EXCLUDED.member_id;
        END $$""",
    )
    _run(connection, f"REVOKE ALL ON FUNCTION {SCHEMA}.grant_role(TEXT, TEXT, VARCHAR) FROM PUBLIC")
    _run(
        connection,
        f"GRANT EXECUTE ON FUNCTION {SCHEMA}.grant_role(TEXT, TEXT, VARCHAR) TO "
        + _ident(coordinator),
    )


# -- reading and changing who is who -----------------------------------------------------


def my_login(connection: Connection) -> Login | None:
    """The caller's login, member and role; None where the team roles are not installed."""
    if not installed(connection):
        return None
    me = str(connection.scalar(text("SELECT current_user")))
    return next((x for x in logins(connection) if x.login == me), Login(me, None, "", None))


def logins(connection: Connection) -> list[Login]:
    """Every login that has a role on this project or a member, by login."""
    db = _database(connection)
    names = {group_role(db, r): r for r in ROLES}
    roles: dict[str, str] = {}
    for login, group in connection.execute(
        text(
            "SELECT r.rolname, g.rolname FROM pg_auth_members am "
            "JOIN pg_roles r ON r.oid = am.member JOIN pg_roles g ON g.oid = am.roleid "
            "WHERE g.rolname = ANY(:groups) AND r.rolcanlogin"
        ),
        {"groups": list(names)},
    ):
        role = names[group]
        if ROLES.index(role) >= ROLES.index(roles.get(login, ROLES[0])):
            roles[login] = role
    mapped = {
        login: (member_id, name or "")
        for login, member_id, name in connection.execute(
            text(
                f"SELECT t.login, t.member_id, m.name FROM {LOGIN_TABLE} t "
                "LEFT JOIN member m ON m.id = t.member_id"
            )
        )
    }
    result = []
    for login in sorted(set(roles) | set(mapped)):
        member_id, name = mapped.get(login, (None, ""))
        result.append(Login(login, member_id, name, roles.get(login)))
    return result


def check_role(role: str) -> str:
    wanted = role.strip().lower()
    if wanted not in ROLES:
        raise InvalidInputError(
            _("“{role}” is not a role; choose reader, drafter or coordinator.").format(role=role)
        )
    return wanted


_ROLE_NAMES = {"reader": N_("reader"), "drafter": N_("drafter"), "coordinator": N_("coordinator")}
_A_ROLE = {
    "reader": N_("a reader"),
    "drafter": N_("a drafter"),
    "coordinator": N_("a coordinator"),
}


def role_name(role: str) -> str:
    """A role's name in the user's language (the command line takes the English one)."""
    return _(_ROLE_NAMES[role]) if role in _ROLE_NAMES else role


def grant(connection: Connection, login: str, role: str, member_id: str) -> None:
    """Give ``login`` the ``role`` and map it to ``member_id`` (the caller must coordinate)."""
    connection.execute(
        text(f"SELECT {SCHEMA}.grant_role(:login, :role, :member)"),
        {"login": login, "role": check_role(role), "member": member_id},
    )


def refused_message(role: str | None, detail: str) -> NotAllowedError:
    """The one line a refused write prints: who the user is here, and what was refused."""
    who = _(_A_ROLE[role]) if role in _A_ROLE else _("not a member of this project")
    return NotAllowedError(
        _(
            "The team server refused this change: your login is {who} ({detail}). "
            "Nothing was changed."
        ).format(who=who, detail=detail)
    )


_TABLE_WORDS = {  # what a refusal says a role may not change (or change only its own of)
    "member": N_("members"),
    "project": N_("the project's details"),
    "original_file": N_("sources"),
    "source": N_("sources"),
    "source_version": N_("sources"),
    "section": N_("sections"),
    "block": N_("blocks"),
    "passage": N_("passages"),
    "response": N_("responses"),
    "revision": N_("responses"),
    "note": N_("notes"),
    "conflict": N_("conflicts"),
    "journal_entry": N_("the undo history"),
    "journal_blob": N_("the undo history"),
    "sent_export": N_("the record of what was sent"),
}


_ONLY_OWN = {  # a policy refused a row: the tables where a role writes its own rows only
    "response": N_("it may write only its own responses"),
    "revision": N_("it may write only its own responses"),
    "note": N_("it may write only its own notes"),
    "journal_entry": N_("it may undo only its own operations"),
    "member": N_("it may change only its own member details"),
}


def refusal(exc: BaseException, role: str | None) -> NotAllowedError | None:
    """The refusal a user should see when the server's rules stopped ``exc``'s statement.

    PostgreSQL says ``insufficient_privilege`` (a GRANT or a policy's WITH
    CHECK, or our trigger); a row a policy hides from an UPDATE is simply not
    matched, which the ORM reports as stale data.
    """
    from sqlalchemy.orm.exc import StaleDataError

    orig = getattr(exc, "orig", None)
    if str(getattr(orig, "sqlstate", "")) == "42501":
        text_ = str(orig).splitlines()[0] if str(orig) else ""
        return refused_message(role, _explain(text_))
    if isinstance(exc, StaleDataError):
        table = str(exc).split("table '")[-1].split("'")[0] if "table '" in str(exc) else ""
        what = _(_TABLE_WORDS.get(table, N_("this item")))
        return refused_message(
            role, _("it may not change {what} of other members").format(what=what)
        )
    return None


def _explain(message: str) -> str:
    """PostgreSQL's words, in ours: which kind of item the role may not write."""
    lowered = message.lower()
    if "agreed" in lowered:
        return _("only a coordinator moves a response to or from agreed")
    if "manage members" in lowered or "grant_role" in lowered:
        return _("only a coordinator manages members")
    for table, words in _TABLE_WORDS.items():
        if f'table "{table}"' in lowered or f"table {table}" in lowered:
            if "row-level security" in lowered:
                return _(_ONLY_OWN.get(table, N_("it may not change those of other members")))
            return _("it may not change {what}").format(what=_(words))
    return message
