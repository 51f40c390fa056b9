"""Every write command as a reader and as a drafter, against a real PostgreSQL.

The server enforces the roles (GRANTs, row-level security, a trigger): a
refused command exits 2 with one line, and the project is unchanged (its
dump, taken by the administrator, is byte for byte the same). What a role
may do, it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.core import dump
from app.core.homes import open_home
from app.core.models import Member
from app.core.server.members import grant_role
from app.core.server.transfer import publish
from app.core.services import passages, responses, sections, sources
from tests.core.factories import SUBMISSION, populated
from tests.pgserver import ADMIN_PASSWORD, PgServer

PASSWORD = "member-secret"
OTHER_TEXT = "Contribution from Borealis\n1. Capacity building matters to every party.\n"
SOMEONE = "A blog post\nEveryone should be heard.\n"


@dataclass
class Team:
    url: str
    server: PgServer
    database: str
    folder: Path
    source: str
    passage: str
    section: str
    review_source: str

    def as_login(self, login: str) -> str:
        return self.server.url(self.database, self.logins[login])

    @property
    def logins(self) -> dict[str, str]:
        """Logins are the cluster's, not the database's: each test's are its own."""
        return {name: f"{self.database}_{name}" for name in ("rita", "dan", "stranger")}

    def dump(self, monkeypatch: pytest.MonkeyPatch) -> str:
        monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
        with open_home(self.url) as store:
            return dump.dumps(store)


@pytest.fixture
def team(tmp_path: Path, pg_url: str, pg_server: PgServer, pg_database: str) -> Team:
    path = tmp_path / "p.rejoinder"
    store, source, passage, _response = populated(path)
    with store:
        section = sections.list_sections(store)[0].id
        other = tmp_path / "borealis.txt"
        other.write_text(OTHER_TEXT, encoding="utf-8")
    assert main(["import", str(path), str(other), "--party", "Borealis"]) == 0
    revised = tmp_path / "arcadia-rev1.txt"
    revised.write_text(SUBMISSION.replace("substantial", "large"), encoding="utf-8")
    assert main(["import", str(path), str(revised), "--new-version-of", source]) == 0
    (tmp_path / "someone.txt").write_text(SOMEONE, encoding="utf-8")
    publish(path, pg_url)
    team = Team(pg_url, pg_server, pg_database, tmp_path, source, passage, section, "")
    with open_home(pg_url) as admin:
        for name, role in (("rita", "reader"), ("dan", "drafter")):
            pg_server.create_login(team.logins[name], PASSWORD)
            grant_role(admin, team.logins[name], role, member_ref=None)
            with admin.write("Name the member") as session:
                member = session.scalars(select(Member).where(Member.name == team.logins[name]))
                member.one().name = name
        team.review_source = next(
            s.id for s in sources.list_sources(admin) if s.label == "Borealis"
        )
    return team


def _run(
    team: Team, login: str, args: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = ""
) -> int:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(stdin))
    return main([args[0], team.as_login(login), *args[1:]])


def _commands(team: Team) -> dict[str, list[str]]:
    copy = team.folder / "copy.rejoinder"
    return {
        "import": ["import", str(team.folder / "someone.txt"), "--party", "Someone else"],
        "remove-version": ["remove-version", team.source],
        "add-section": ["add-section", "--heading", "Privacy"],
        "edit-section": ["edit-section", "--section", team.section, "--heading", "Renamed"],
        "add-block": ["add-block", "--section", team.section, "--kind", "paragraph", "--text", "A"],
        "respond (another's)": ["respond", "--passage", team.passage, "--text", "Overwritten."],
        "merge": ["merge", str(copy)],
        "grant": ["grant", "--login", team.logins["rita"], "--role", "coordinator"],
    }


REFUSED_FOR_BOTH = (
    "import",
    "remove-version",
    "add-section",
    "edit-section",
    "add-block",
    "respond (another's)",
    "merge",
    "grant",
)


def _checked_out_copy_with_an_edit(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    copy = team.folder / "copy.rejoinder"
    with open_home(team.url) as store:
        store.save_copy(copy)
    with open_home(copy) as offline:
        sections.update_section(offline, team.section, heading="Edited on the plane")


@pytest.mark.parametrize("login", ["rita", "dan"])
def test_every_write_command_a_role_may_not_run_exits_2_with_one_line_and_changes_nothing(
    team: Team, login: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _checked_out_copy_with_an_edit(team, monkeypatch)
    commands = _commands(team)
    for command in REFUSED_FOR_BOTH:
        before = team.dump(monkeypatch)
        capsys.readouterr()
        assert _run(team, login, commands[command], monkeypatch) == 2, command
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, (command, err)
        assert "refused" in err, (command, err)
        assert team.dump(monkeypatch) == before, command


@pytest.mark.parametrize("login", ["rita", "dan"])
def test_a_refused_batch_line_changes_nothing(
    team: Team, login: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = team.dump(monkeypatch)
    lines = f'add-section --heading "Ours"\nedit-section --section {team.section} --heading X\n'
    assert _run(team, login, ["batch"], monkeypatch, stdin=lines) == 2
    assert "line 1:" in capsys.readouterr().err
    assert team.dump(monkeypatch) == before


def test_a_reader_may_not_cite_quote_or_respond(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = team.dump(monkeypatch)
    for args in (
        ["cite", "--source", team.source, "--quote", "substantial extent"],
        ["edit-quote", "--passage", team.passage, "--text", "[…] implemented"],
        ["respond", "--passage", team.passage, "--text", "Ours."],
    ):
        capsys.readouterr()
        assert _run(team, "rita", args, monkeypatch) == 2, args
        assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert team.dump(monkeypatch) == before


def test_a_reader_writes_notes_but_not_on_behalf_of_others(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.errors import NotAllowedError
    from app.core.services import notes

    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    with open_home(team.as_login("rita")) as store:
        note = notes.add_note(store, team.passage, "Paragraph 3 says the opposite.")
        notes.edit_note(store, note, "Paragraph 4 says the opposite.")
        theirs = [n.id for n in notes.list_notes(store, team.passage) if n.id != note]
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    with open_home(team.url) as admin:
        first = notes.add_note(admin, team.passage, "The coordinator's note.")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    with open_home(team.as_login("rita")) as store:
        texts = [n.text for n in notes.list_notes(store, team.passage)]
        assert "Paragraph 4 says the opposite." in texts
        with pytest.raises(NotAllowedError):
            notes.edit_note(store, first, "Rewritten by the reader.")
    assert theirs == []


def test_a_drafter_cites_and_writes_its_own_response_but_only_a_coordinator_agrees(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cite = ["cite", "--source", team.source, "--quote", "Enhanced cooperation should"]
    assert _run(team, "dan", cite, monkeypatch) == 0
    mine = capsys.readouterr().out.split()[0]
    assert (
        _run(team, "dan", ["respond", "--passage", mine, "--text", "We agree."], monkeypatch) == 0
    )
    edit = ["edit-quote", "--passage", mine, "--text", "Enhanced cooperation […]"]
    assert _run(team, "dan", edit, monkeypatch) == 0
    proposed = ["respond", "--passage", mine, "--status", "proposed"]
    assert _run(team, "dan", proposed, monkeypatch) == 0
    before = team.dump(monkeypatch)
    capsys.readouterr()
    agreed = ["respond", "--passage", mine, "--status", "agreed"]
    assert _run(team, "dan", agreed, monkeypatch) == 2
    assert "coordinator" in capsys.readouterr().err
    assert team.dump(monkeypatch) == before
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    with open_home(team.url) as admin:
        responses.respond(admin, mine, status="agreed")
        shown = passages.get_passage(admin, mine)
        assert shown is not None and shown.response_status == "agreed"


def test_undo_takes_back_only_my_own_operations(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cite = ["cite", "--source", team.source, "--quote", "Enhanced cooperation should"]
    assert _run(team, "dan", cite, monkeypatch) == 0
    mine = capsys.readouterr().out.split()[0]
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    with open_home(team.url) as admin:
        sections.add_section(admin, "The coordinator's section")
    assert _run(team, "dan", ["undo"], monkeypatch) == 0
    assert "Cite passage" in capsys.readouterr().out
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    with open_home(team.url) as admin:
        assert passages.get_passage(admin, mine) is None
        headings = [s.heading for s in sections.list_sections(admin)]
        assert "The coordinator's section" in headings
    capsys.readouterr()
    assert _run(team, "dan", ["undo"], monkeypatch) == 2
    assert "nothing to undo" in capsys.readouterr().err.lower()
    assert _run(team, "dan", ["redo"], monkeypatch) == 0


def test_members_lists_logins_members_and_roles_and_grant_needs_a_coordinator(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert _run(team, "rita", ["members"], monkeypatch) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    rita, dan = team.logins["rita"], team.logins["dan"]
    assert rows[rita][2] == "reader" and rows[rita][1].startswith("rita (")
    assert rows[dan][2] == "drafter"
    assert rows["rejoinder_admin"][2] == "coordinator"
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    assert main(["grant", team.url, "--login", rita, "--role", "drafter"]) == 0
    capsys.readouterr()
    assert _run(team, "rita", ["members"], monkeypatch) == 0
    assert f"{rita}\trita (" in capsys.readouterr().out
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    capsys.readouterr()
    assert main(["grant", team.url, "--login", "nobody_here", "--role", "reader"]) == 2
    assert "no login" in capsys.readouterr().err


def test_a_login_without_a_role_is_told_whom_to_ask(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    team.server.create_login(team.logins["stranger"], PASSWORD)
    capsys.readouterr()
    assert _run(team, "stranger", ["sources"], monkeypatch) == 2
    err = capsys.readouterr().err
    assert "no role" in err and "rejoinder grant" in err
