"""The command line's sending commands: export --final / --revised, changes, deadline, positions."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.core.factories import SUBMISSION
from tests.e2e.cli import rejoinder


def _project(tmp_path: Path) -> tuple[Path, str, str, str]:
    """A project with one source and one passage answered "We disagree." without a position."""
    project = tmp_path / "p.rejoinder"
    assert rejoinder("new", project, "--title", "Comments", "--org", "Borealis").returncode == 0
    text = tmp_path / "arcadia.txt"
    text.write_text(SUBMISSION, encoding="utf-8")
    imported = rejoinder("import", project, text, "--party", "Arcadia")
    assert imported.returncode == 0, imported.stderr
    source = imported.stdout.strip()
    cited = rejoinder(
        "cite", project, "--source", source[:8], "--quote", "implemented to a substantial extent"
    )
    assert cited.returncode == 0, cited.stderr
    passage = cited.stdout.strip()
    answered = rejoinder("respond", project, "--passage", passage, "--text", "We disagree.")
    assert answered.returncode == 0, answered.stderr
    return project, source, passage, answered.stdout.strip()


def test_positions_forgotten_are_listed_by_sources_and_check(tmp_path: Path) -> None:
    project, source, passage, response = _project(tmp_path)
    listed = rejoinder("sources", project, "--no-position")
    assert listed.returncode == 0, listed.stderr
    assert (
        listed.stdout
        == f"{passage}\t{source}\tArcadia\tdraft\t“… implemented to a substantial extent”\n"
    )
    checked = rejoinder("check", project, "--no-position")
    assert checked.returncode == 1
    assert checked.stdout == (
        f"no_position\t{response}\tThe response to Arcadia: “… implemented to a substantial "
        "extent” has no position (agree, disagree, …).\n"
    )
    assert "has no position" in rejoinder("check", project).stdout
    rejoinder("respond", project, "--passage", passage, "--position", "disagree")
    assert rejoinder("sources", project, "--no-position").stdout == ""
    again = rejoinder("check", project, "--no-position")
    assert (again.returncode, again.stdout) == (0, "No problems found.\n")


def test_final_export_changes_and_rev_1(tmp_path: Path) -> None:
    project, _source, passage, _response = _project(tmp_path)
    for step in (["--position", "disagree", "--status", "proposed"], ["--status", "agreed"]):
        assert rejoinder("respond", project, "--passage", passage, *step).returncode == 0
    nothing = rejoinder("changes", project, "--since-sent")
    assert nothing.returncode == 2
    assert "Nothing has been sent yet" in nothing.stderr
    assert rejoinder("changes", project).stdout == "Nothing has been sent yet.\n"

    refused = rejoinder("export", project, "-o", tmp_path / "x.docx", "--final", "--include-drafts")
    assert refused.returncode == 2 and not (tmp_path / "x.docx").exists()

    out = tmp_path / "sent.docx"
    sent = rejoinder("export", project, "-o", out, "--final")
    assert sent.returncode == 0, sent.stderr
    fields = sent.stdout.strip().split("\t")
    assert fields[0:2] == ["sent", "original"]
    assert fields[3] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert fields[4] == "sent.docx"
    assert rejoinder("changes", project, "--since-sent").stdout == ""

    edited = rejoinder("respond", project, "--passage", passage, "--text", "We strongly disagree.")
    assert edited.returncode == 0
    changes = rejoinder("changes", project, "--since-sent")
    assert changes.stdout == (
        f"edited\t{passage}\tArcadia\t“… implemented to a substantial extent”\t"
        "We disagree. → We strongly disagree.\n"
    )
    history = rejoinder("changes", project).stdout.splitlines()
    assert re.fullmatch(r"sent\toriginal\t\S+Z\t[^\t]*\t[0-9a-f]{64}\tsent\.docx", history[0])
    assert history[1:] == changes.stdout.splitlines()

    plain = rejoinder("export", project, "-o", tmp_path / "plain.docx")
    assert plain.returncode == 0
    assert "Add --revised to write Rev.1 with the list of changes" in plain.stderr

    revised = rejoinder("export", project, "-o", tmp_path / "rev1.docx", "--revised")
    assert revised.returncode == 0, revised.stderr
    assert revised.stdout.split("\t")[:2] == ["sent", "Rev.1"]
    from docx import Document

    paragraphs = [p.text for p in Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert paragraphs[0] == "Comments (Rev.1)"
    assert (
        "Arcadia: “… implemented to a substantial extent”: our comment was revised." in paragraphs
    )
    assert rejoinder("changes", project, "--since-sent").stdout == ""
    undone = rejoinder("undo", project)
    assert "Record final export Rev.1" in undone.stdout
    assert rejoinder("changes", project, "--since-sent").stdout == changes.stdout


def test_a_final_export_of_drafts_only_is_refused_and_records_nothing(tmp_path: Path) -> None:
    # It printed a document with no section and recorded it as sent.
    project, _source, passage, _response = _project(tmp_path)  # its one response is a draft
    out = tmp_path / "final.docx"
    refused = rejoinder("export", project, "-o", out, "--final")
    assert refused.returncode == 2 and refused.stdout == ""
    *findings, refusal = refused.stderr.strip().splitlines()
    assert all(line.startswith("preflight:") for line in findings)  # what export always says
    assert refusal.startswith("rejoinder: Nothing would be sent")
    assert "proposed or agreed" in refusal
    assert not out.exists()
    assert rejoinder("changes", project).stdout == "Nothing has been sent yet.\n"
    rejoinder("respond", project, "--passage", passage, "--status", "proposed")
    sent = rejoinder("export", project, "-o", out, "--final")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.split("\t")[:2] == ["sent", "original"]


def test_a_final_export_of_an_empty_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "e.rejoinder"
    assert rejoinder("new", project, "--title", "Comments", "--org", "Borealis").returncode == 0
    refused = rejoinder("export", project, "-o", tmp_path / "e.docx", "--final")
    assert refused.returncode == 2
    assert "no section has anything to print" in refused.stderr
    assert not (tmp_path / "e.docx").exists()
    assert rejoinder("changes", project).stdout == "Nothing has been sent yet.\n"


def test_revised_needs_something_sent(tmp_path: Path) -> None:
    project, *_ = _project(tmp_path)
    refused = rejoinder("export", project, "-o", tmp_path / "r.docx", "--revised")
    assert refused.returncode == 2
    assert "nothing to revise" in refused.stderr
    assert not (tmp_path / "r.docx").exists()


def test_deadline_is_set_shown_cleared_and_checked_at_a_fixed_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, *_ = _project(tmp_path)
    assert rejoinder("deadline", project).stdout == "No deadline set.\n"
    bad = rejoinder("deadline", project, "next week")
    assert bad.returncode == 2 and "is not a date and time" in bad.stderr
    monkeypatch.setenv("REJOINDER_NOW", "2026-12-03T07:00:00Z")
    shown = rejoinder("deadline", project, "2026-12-03T13:00+01:00")
    assert shown.stdout == "Deadline 2026-12-03 12:00 UTC: 5 hours left.\n"
    checked = rejoinder("check", project)
    assert checked.returncode == 1
    assert (
        "Deadline 2026-12-03 12:00 UTC: 5 hours left. 1 response is still a draft."
        in checked.stdout
    )
    monkeypatch.setenv("REJOINDER_NOW", "2026-12-01T07:00:00Z")
    assert "deadline\t" not in rejoinder("check", project).stdout
    cleared = rejoinder("deadline", project, "--clear")
    assert cleared.stdout == "No deadline set.\n"


@pytest.mark.parametrize(
    ("language", "nothing", "edited", "quote", "unchanged"),
    [
        ("fr", "Rien n’a encore été envoyé.", "modifié", "« … implemented", "Aucun changement"),
        ("es", "Todavía no se ha enviado nada.", "editado", "«… implemented", "Ningún cambio"),
    ],
)
def test_changes_speak_the_users_language(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    nothing: str,
    edited: str,
    quote: str,
    unchanged: str,
) -> None:
    project, _source, passage, _response = _project(tmp_path)
    monkeypatch.setenv("LANGUAGE", f"{language}:en")
    assert rejoinder("changes", project).stdout == f"{nothing}\n"
    refused = rejoinder("changes", project, "--since-sent")
    assert refused.returncode == 2 and "--final" in refused.stderr
    assert nothing.rstrip(".") in refused.stderr
    rejoinder("respond", project, "--passage", passage, "--status", "proposed")
    assert rejoinder("export", project, "-o", tmp_path / "sent.docx", "--final").returncode == 0
    assert rejoinder("changes", project).stdout.splitlines()[1] == unchanged + (
        " depuis l’envoi." if language == "fr" else " desde el envío."
    )
    rejoinder("respond", project, "--passage", passage, "--text", "We strongly disagree.")
    history = rejoinder("changes", project).stdout.splitlines()
    assert history[0].split("\t")[:2] == [
        "envoyé" if language == "fr" else "enviado",
        "original",
    ]
    kind, passage_id, party, cited, arrow = history[1].split("\t")
    assert (kind, passage_id, party) == (edited, passage, "Arcadia")
    assert cited.startswith(quote)
    assert arrow == "We disagree. → We strongly disagree."
