"""A Word review brought back into a project on a team server, by each role (issue 15 §3).

Importing a review adds its reviewers as members and their comments and
tracked edits as notes in their names: that is managing members and writing
on others' behalf, a coordinator's right. A reader or a drafter who tries is
refused by the server with one line, exit 2, and the project is unchanged;
the coordinator's import goes through and the proposals are there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.core.homes import open_home
from app.core.services import notes, passages
from app.exporters.docx.review import bookmark_name
from tests.e2e import test_team_roles as roles
from tests.e2e.test_team_roles import Team, _run
from tests.importers.word_review import WordEditor
from tests.pgserver import ADMIN_PASSWORD

team = roles.team  # the fixture: a published project with a reader and a drafter


def _reviewed(team: Team, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A review copy exported from the server, edited and commented on by an outside reviewer."""
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    copy = team.folder / "review.docx"
    assert main(["export", team.url, "-o", str(copy), "--review-copy"]) == 0
    with open_home(team.url) as admin:
        shown = passages.get_passage(admin, team.passage)
        assert shown is not None and shown.response_id is not None
        response_id = shown.response_id
    editor = WordEditor(copy)
    answer = editor.bookmark_paragraphs(bookmark_name("r", response_id))
    editor.replace(answer, "disagree", "strongly disagree", "Maria Gomez")
    editor.comment(answer, "Our ministry wants this firmer.", "Maria Gomez")
    reviewed = team.folder / "reviewed.docx"
    editor.save(reviewed)
    return reviewed


@pytest.mark.parametrize("login", ["rita", "dan"])
def test_a_reader_or_a_drafter_may_not_import_a_review(
    team: Team, login: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = _reviewed(team, monkeypatch)
    before = team.dump(monkeypatch)
    capsys.readouterr()
    assert _run(team, login, ["import-review", str(reviewed)], monkeypatch) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "refused" in err, err
    assert team.dump(monkeypatch) == before


def test_a_coordinator_imports_a_review_and_its_proposal_is_there(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = _reviewed(team, monkeypatch)
    capsys.readouterr()
    assert main(["import-review", team.url, str(reviewed)]) == 0
    monkeypatch.setenv("PGPASSWORD", ADMIN_PASSWORD)
    with open_home(team.url) as admin:
        shown = passages.get_passage(admin, team.passage)
        assert shown is not None and shown.response_id is not None
        texts = [n.text for n in notes.list_notes(admin, team.passage)]
        texts += [n.text for n in notes.list_notes(admin, shown.response_id)]
    assert any("firmer" in t for t in texts), texts
    assert any("strongly disagree" in t for t in texts), texts
