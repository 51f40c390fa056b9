"""The Export dialog says what will be left out and why, and lists preflight's problems as links.

All of it before anything is written: a delegate who exports a final copy
with two drafts in it learns so in the dialog, not from the secretariat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from app.core.services import passages, responses, sections
from app.core.store import ProjectStore
from tests.core.factories import SUBMISSION, add_text_source


def _project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "p.rejoinder"
    store = ProjectStore.create(path, title="Comments", organisation="Us")
    source = add_text_source(store, SUBMISSION)
    ids = {
        "commented": passages.cite_quote(store, source, "implemented to a substantial extent"),
        "draft": passages.cite_quote(store, source, "characteristics of transparency"),
        "unanswered": passages.cite_quote(store, source, "serves everyone"),
    }
    responses.respond(store, ids["commented"], "We disagree.", status="proposed")
    responses.respond(store, ids["draft"], "Still thinking.")
    ids["topic"] = sections.add_section(store, "Privacy")
    store.close()
    return path, ids


def test_left_out_and_problems_show_before_writing(window: Any, qtbot: Any, tmp_path: Path) -> None:
    from app.gui.dialogs.export import ExportDialog
    from app.gui.exporting import check_before_export
    from app.gui.preflight_panel import go_to_problem

    path, ids = _project(tmp_path)
    assert window.open_project(path)
    ctx = window.ctx
    out = tmp_path / "out.docx"
    dialog = ExportDialog(window, out)
    qtbot.addWidget(dialog)
    assert dialog.left_out.text() == "Checking the contribution…"
    check_before_export(dialog, ctx)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10_000)
    text = dialog.left_out.text()
    assert "1 passage is left out: its response is still a draft." in text
    assert "1 passage is left out: it has no response." in text
    assert "“Privacy” is left out: it has nothing to print." in text
    dialog.drafts.setChecked(True)
    assert "still a draft" not in dialog.left_out.text()
    assert "it has no response" in dialog.left_out.text()
    dialog.drafts.setChecked(False)
    assert "still a draft" in dialog.left_out.text()
    links = dialog.problems.text()
    assert dialog.problems_area.isVisibleTo(dialog) and links.count("<a href=") == len(
        dialog.check.problems
    )
    assert not out.exists()
    number = next(
        i for i, p in enumerate(dialog.check.problems) if p.target_id == ids["unanswered"]
    )
    dialog.problems.linkActivated.emit(str(number))
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen_problem is not None
    go_to_problem(ctx, dialog.chosen_problem)
    assert ctx.passage_id == ids["unanswered"]
    empty = next(p for p in dialog.check.problems if p.target_id == ids["topic"])
    go_to_problem(ctx, empty)
    assert ctx.section_id == ids["topic"]
    current = window.workspace.outline.current()
    assert current is not None and current.id == ids["topic"]
    assert not out.exists()
