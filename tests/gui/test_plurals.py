"""Counts in the window read as a person writes them: "1 change", "2 changes", never "(s)".

A message with a count is a Qt plural message (``self.tr("%n change(s)", "",
n)``, or a module's ``_tr("%n change(s)", n)``): each .ts catalogue gives one
form per plural form of its language, so English says "1 passage" and
"2 passages", French "0 résultat" (0 takes the singular there) and Spanish
"0 resultados".
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from app.core.kinds import BlockKind
from app.core.merge import MergeReport
from app.core.services.sections import BlockInfo
from app.gui import i18n
from app.gui.dialogs.export import ExportDialog, SentBefore
from app.gui.merge_ui import report_text
from tests.gui.conftest import make_project, settle
from tests.gui.i18n_catalog import (
    FORMS,
    LANGUAGES,
    TRANSLATIONS,
    messages,
    plural_messages,
    read_ts,
)
from tests.gui.test_translations import compiled  # noqa: F401 (the .qm files, built)

NBSP = "\u00a0"


def test_every_count_is_a_plural_message_with_a_form_per_plural_form() -> None:
    """A source text with "(s)" is translated by count, and no translation keeps "(s)"."""
    plural = plural_messages()
    counted = [m for m in messages() if "(s)" in m[1]]
    assert len(counted) >= 10
    assert [m for m in counted if m not in plural] == []
    for language in (*LANGUAGES, "en"):
        known = read_ts(TRANSLATIONS / f"rejoinder_{language}.ts")
        for message in plural:
            forms = known[message].split(FORMS)
            assert len(forms) == 2 and all("%n" in form for form in forms), (language, message)
        assert [text for text in known.values() if "(s)" in text] == [], language


def _merged(inserted: int, updated: int, conflicts: int) -> str:
    report = MergeReport(inserted, updated, conflicts, Path("backup.rejoinder"), ())
    return report_text(report).splitlines()[0]


def test_counts_in_the_window_take_each_languages_form(
    window: Any,
    qapp: QApplication,
    qtbot: Any,
    tmp_path: Path,
    compiled: None,  # noqa: F811
) -> None:
    assert window.open_project(make_project(tmp_path))
    settle()
    blocks, search = window.workspace.collab.blocks, window.workspace.search
    block = BlockInfo("b", "s", 0, BlockKind.CITATIONS, "", "", None, True, "", "", 1)

    def citations(n: int) -> str:
        return str(blocks._describe(replace(block, passages=n), {}))

    def results(query: str) -> str:
        search.edit.setText(query)
        search.run()
        settle()
        return str(search.summary.text())

    def sent(changes: int) -> str:
        offer = SentBefore("original", "2026-12-02T10:00:00", 0, changes)
        dialog = ExportDialog(window, tmp_path / "out.docx", "", offer)
        qtbot.addWidget(dialog)
        return str(dialog.sent_note.text())

    assert i18n.install(qapp, "en")
    assert [citations(n) for n in (1, 2)] == ["Citations: 1 passage", "Citations: 2 passages"]
    assert results("zebra") == "0 results"
    assert sent(1) == "The original was sent on 2026-12-02 10:00 UTC; 1 change since."
    assert sent(2) == "The original was sent on 2026-12-02 10:00 UTC; 2 changes since."
    assert _merged(3, 1, 1) == "Merged: 3 added, 1 changed, 1 conflict."
    assert _merged(0, 2, 2) == "Merged: 0 added, 2 changed, 2 conflicts."

    assert i18n.install(qapp, "fr")
    assert [citations(n) for n in (1, 2)] == [
        f"Citations{NBSP}: 1 passage",
        f"Citations{NBSP}: 2 passages",
    ]
    assert results("zèbre") == "0 résultat"  # French: 0 takes the singular
    assert sent(2).endswith(f"UTC{NBSP}; 2 modifications depuis.")
    assert _merged(1, 0, 0) == f"Fusion faite{NBSP}: 1 ajout, 0 modification, 0 conflit."

    assert i18n.install(qapp, "es")
    assert results("cebra") == "0 resultados"
    assert sent(1).endswith("UTC; 1 cambio desde entonces.")
