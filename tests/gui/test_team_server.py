"""File › Connect to team server…, a colleague's edit arriving, and a collision in the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QDialogButtonBox

from app.core.config import load_settings, paths
from app.core.homes import open_home
from app.core.journal import Changes
from app.core.server import address as server_address
from app.core.server.members import grant_role
from app.core.server.transfer import publish
from app.core.services import passages, responses
from app.gui.context import ALL
from app.gui.dialogs.conflicts import ConflictsDialog
from app.gui.dialogs.connect import ConnectDialog, ServerLogin, keep_password, last_server
from tests.core.factories import populated
from tests.gui.conftest import Messages, settle
from tests.pgserver import ADMIN_PASSWORD, PgServer

PASSWORD = "s3cret-of-drafter"


class MemoryKeyring(KeyringBackend):
    """The operating system's keyring, in memory for the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setattr(server_address, "_SESSION", {})
    yield backend  # type: ignore[misc]
    keyring.set_keyring(previous)


def test_the_dialog_builds_the_address_and_keeps_the_password_only_where_asked(
    qtbot: Any, memory_keyring: MemoryKeyring
) -> None:
    dialog = ConnectDialog(None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.host.setText("db.delegation.example")
    dialog.port.setValue(5433)
    dialog.database.setText("wgec 2")
    dialog.login.setText("anna")
    assert ok.isEnabled() and not dialog.remember.isEnabled()
    dialog.password.setText("pw")
    dialog.remember.setChecked(True)
    data = dialog.data()
    assert data.url() == "postgresql://anna@db.delegation.example:5433/wgec%202"
    keep_password(data)
    assert memory_keyring.saved == {("rejoinder", "anna@db.delegation.example:5433"): "pw"}
    keep_password(ServerLogin("h", 5432, "d", "bob", "other", remember=False))
    assert ("rejoinder", "bob@h:5432") not in memory_keyring.saved
    assert server_address.keyring_password(server_address.ServerAddress("bob", "h", 5432, "d"))
    assert last_server(["/tmp/a.rejoinder", data.url()]) == ServerLogin(
        "db.delegation.example", 5433, "wgec 2", "anna"
    )


@pytest.fixture
def team_url(
    tmp_path: Path, pg_url: str, pg_server: PgServer, pg_database: str
) -> tuple[str, str, str]:
    """A published project; a drafter login (its own address) and the passage it may answer."""
    store, _source, passage, _response = populated(tmp_path / "p.rejoinder")
    store.close()
    publish(tmp_path / "p.rejoinder", pg_url)
    login = f"{pg_database}_drafter"
    pg_server.create_login(login, PASSWORD)
    with open_home(pg_url) as admin:
        grant_role(admin, login, "coordinator")
    return pg_url, pg_server.url(pg_database, login), passage


def test_connect_opens_the_project_and_the_recent_list_remembers_the_server(
    window: Any,
    qtbot: Any,
    team_url: tuple[str, str, str],
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _admin, url, _passage = team_url
    address = server_address.ServerAddress.parse(url)
    login = ServerLogin(
        address.host, address.port, address.database, address.login, PASSWORD, remember=True
    )
    monkeypatch.setattr(ConnectDialog, "get_data", classmethod(lambda cls, p, last: (login, True)))
    window.connect_action.trigger()
    assert window.ctx is not None and window.ctx.store.location == url
    assert "Team server" in window.workspace.team.label.text()
    assert "coordinator" in window.workspace.team.label.text()
    window.close_project()
    assert load_settings().recent_files[0] == url
    assert PASSWORD not in paths().settings_file.read_text(encoding="utf-8")
    assert url in window.welcome.recent.item(0).data(0x0100)
    monkeypatch.setattr(server_address, "_SESSION", {})  # a new session: the keyring's alone
    window.welcome.recent_chosen.emit(url)
    assert window.ctx is not None and window.ctx.store.location == url


def test_a_colleagues_edit_appears_within_two_seconds(
    window: Any, qtbot: Any, team_url: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin, _url, passage = team_url
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    assert window.open_project(admin)
    window.ctx.select_passage(passage)
    editor = window.workspace.editor
    qtbot.waitUntil(lambda: editor.passage is not None, timeout=5_000)
    with open_home(admin) as colleague:
        responses.respond(colleague, passage, "A colleague's <b>new</b> text.")
    qtbot.waitUntil(
        lambda: "new" in editor.editor.toPlainText() and window.workspace.team.watcher.received,
        timeout=2_000,
    )


def test_a_save_over_a_colleagues_newer_save_opens_the_conflicts(
    window: Any,
    qtbot: Any,
    messages: Messages,
    team_url: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin, _url, passage = team_url
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    shown: list[ConflictsDialog] = []
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: shown.append(self))
    assert window.open_project(admin)
    window.ctx.select_passage(passage)
    editor = window.workspace.editor
    qtbot.waitUntil(lambda: editor.passage is not None, timeout=5_000)
    editor.editor.setFocus()
    qtbot.keyClicks(editor.editor, " Mine.")  # typing: the save timer is running
    with open_home(admin) as colleague:
        responses.respond(colleague, passage, "Theirs, saved first.")
    editor.commit()
    settle()
    assert [dialog.count() for dialog in shown] == [1]  # its list is read off the GUI thread
    assert any("Edit › Conflicts" in m for m in messages)
    current = passages.get_passage(window.ctx.store, passage)
    assert current is not None and current.response_text == "Theirs, saved first."
    qtbot.waitUntil(lambda: editor.editor.toPlainText() == "Theirs, saved first.", timeout=2_000)


def test_a_colleagues_edit_reaches_the_views_as_the_rows_it_changed(
    window: Any, qtbot: Any, team_url: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The announcement goes down the path of my own operations: rows named, no reload."""
    admin, _url, passage = team_url
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    assert window.open_project(admin)
    applied: list[Changes] = []
    changed: list[frozenset[str]] = []
    window.ctx.applied.connect(applied.append)
    window.ctx.changed.connect(changed.append)
    with open_home(admin) as colleague:
        response_id = responses.respond(colleague, passage, "A colleague's text.")
    qtbot.waitUntil(lambda: any(c.of("response") for c in applied), timeout=2_000)
    arrived = next(c for c in applied if c.of("response"))
    assert arrived.of("response") == {response_id}
    assert changed and ALL not in changed  # the views the rows feed, not every view
