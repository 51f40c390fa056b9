"""Counts on the command line read as a person writes them: "1 change", "2 changes".

Not "1 change(s)": each counted message is a gettext plural entry
(:func:`app.core.i18n.ngettext`), so English, French and Spanish each take
their own form — French counts 0 and 1 as singular ("0 modification").
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.core import deadline, i18n

NBSP = "\u00a0"
FIRST = "Enhanced cooperation is an ongoing process."
SECOND = "The group should meet twice a year."


def _sent_project(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str, str]:
    """Two answered passages, exported as final: (file, first passage, second passage)."""
    file = str(folder / "p.rejoinder")
    assert main(["new", file, "--title", "T", "--org", "O"]) == 0
    text = folder / "s.txt"
    text.write_text(f"Paper\n\n{FIRST}\n\n{SECOND}\n", encoding="utf-8")
    assert main(["import", file, str(text), "--party", "Japan"]) == 0
    source = capsys.readouterr().out.strip()
    cited = []
    for quote in (FIRST, SECOND):
        assert main(["cite", file, "--source", source, "--quote", quote]) == 0
        passage = capsys.readouterr().out.strip()
        answer = ["--text", "We agree.", "--position", "agree", "--status", "proposed"]
        assert main(["respond", file, "--passage", passage, *answer]) == 0
        capsys.readouterr()
        cited.append(passage)
    assert main(["export", file, "-o", str(folder / "sent.docx"), "--final"]) == 0
    capsys.readouterr()
    return file, cited[0], cited[1]


def _note(file: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What exporting again after the final export says about the changes since."""
    assert main(["export", file, "-o", str(folder / "again.docx")]) == 0
    [note] = [line for line in capsys.readouterr().err.splitlines() if "UTC" in line]
    return note


def test_the_changes_since_sent_are_counted_in_each_languages_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    file, first, second = _sent_project(tmp_path, capsys)
    assert main(["respond", file, "--passage", first, "--text", "We agree in part."]) == 0
    capsys.readouterr()
    note = _note(file, tmp_path, capsys)
    assert "; 1 change since. Add --revised to write Rev.1" in note
    assert "(s)" not in note
    monkeypatch.setenv("LANGUAGE", "fr")
    assert f"{NBSP}; 1 modification depuis. Ajoutez --revised" in _note(file, tmp_path, capsys)

    assert main(["respond", file, "--passage", second, "--text", "We disagree."]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LANGUAGE", "en")
    assert "; 2 changes since. Add --revised" in _note(file, tmp_path, capsys)
    monkeypatch.setenv("LANGUAGE", "fr")
    assert f"{NBSP}; 2 modifications depuis. Ajoutez" in _note(file, tmp_path, capsys)
    monkeypatch.setenv("LANGUAGE", "es")
    assert "; 2 cambios desde entonces. Añada --revised" in _note(file, tmp_path, capsys)
    assert i18n.language() == "en"  # the command put the language back


def test_a_new_versions_report_counts_each_kind_in_its_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file, _first, _second = _sent_project(tmp_path, capsys)
    source = main(["sources", file]) == 0 and capsys.readouterr().out.split("\t")[0]
    rev1 = tmp_path / "rev1.txt"
    rev1.write_text(f"Paper, revised\n\n{FIRST}\n\nNothing else.\n", encoding="utf-8")
    assert main(["import", file, str(rev1), "--new-version-of", str(source)]) in (0, 1)
    assert capsys.readouterr().out.splitlines()[1] == (
        "Rev.1: 0 exact, 1 moved, 0 fuzzy (to confirm), 1 orphan"
    )


def test_durations_take_each_languages_forms() -> None:
    left = timedelta(days=1, hours=2)
    assert deadline.describe(left) == "1 day 2 hours"
    assert deadline.describe(timedelta(minutes=1)) == "1 minute"
    try:
        i18n.set_language("fr")
        assert deadline.describe(left) == "1 jour 2 heures"
        assert deadline.describe(timedelta(seconds=30)) == "0 minute"  # French: 0 is singular
        i18n.set_language("es")
        assert deadline.describe(left) == "1 día 2 horas"
        assert deadline.describe(timedelta(seconds=30)) == "0 minutos"
    finally:
        i18n.set_language("en")
