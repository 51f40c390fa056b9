"""The Passages panel's "changed since sent" mark follows every change ``changes_since`` lists.

Each step is made in the window (the Outline's "Shared answers print as a
cross-reference" box, the response editor, the status, Cite, Delete, Undo)
and the mark is compared with the list File › What changed since sent…
reads: a row is marked exactly when ``changes_since`` names its passage.
A section setting that changes how a shared answer prints ("printed as")
names only the section, not the passage: the mark must follow it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core import sending
from app.core.services import passages, responses, review, sections, shared_answers, sources
from app.core.store import ProjectStore
from app.exporters.final import export_final
from app.importers.text import import_text
from tests.gui.conftest import make_project, settle
from tests.gui.test_workflow import _cite

EU = (
    "1. We refer to our comments above on the contribution from the European Union.\n"
    "2. Spectrum for satellites deserves a study of its own.\n"
)
JAPAN = (
    "1. We refer to our comments above on the contribution from Japan.\n"
    "2. The group should meet twice a year.\n"
)
MARK = "↻ changed since sent"


def _sent_project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """EU and Japan, Japan's passage sharing EU's agreed answer, exported as final."""
    path = make_project(tmp_path)
    store = ProjectStore.open(path)
    with store:
        eu = sources.add_source(store, import_text(EU), EU.encode(), filename="eu.txt", label="EU")
        japan = sources.add_source(
            store, import_text(JAPAN), JAPAN.encode(), filename="japan.txt", label="Japan"
        )
        first = passages.cite_quote(store, eu, "We refer to our comments above")
        second = passages.cite_quote(store, japan, "We refer to our comments above")
        meet = passages.cite_quote(store, japan, "The group should meet twice a year")
        response = responses.respond(store, first, "We agree.", position="agree")
        for status in ("proposed", "agreed"):
            review.set_status(store, response, status)
        meet_response = responses.respond(store, meet, "Once is enough.", position="disagree")
        review.set_status(store, meet_response, "proposed")
        shared_answers.share_answer(store, second, first)
        japan_section = next(s.id for s in sections.list_sections(store) if s.source_id == japan)
        export_final(store, tmp_path / "sent.docx")
        assert sending.changes_since(store) == []
    return path, {"japan": japan, "section": japan_section, "second": second, "meet": meet}


def _marked(window: Any) -> set[str]:
    panel = window.workspace.passages
    return {
        str(panel.model.rows[r].id)
        for r in range(panel.model.rowCount())
        if MARK in panel.row_text(r)
    }


def _listed(window: Any, source_id: str) -> set[str]:
    store = window.ctx.store
    mine = {p.id for p in passages.list_passages(store, source_id)}
    return {c.passage_id for c in sending.changes_since(store) if c.passage_id in mine}


def _undo(window: Any) -> None:
    window.workspace.undo_action.trigger()
    settle()


def test_printing_shared_answers_as_a_reference_marks_the_row_and_undo_clears_it(
    window: Any, tmp_path: Path
) -> None:
    path, ids = _sent_project(tmp_path)
    assert window.open_project(path)
    window.ctx.select_source(ids["japan"])
    settle()
    assert _marked(window) == set()
    resets = window.workspace.passages.model.resets
    outline = window.workspace.outline
    outline.select_row(next(n for n, s in enumerate(outline.infos) if s.id == ids["section"]))
    settle()
    outline.shared_box.click()
    settle()
    [change] = sending.changes_since(window.ctx.store)
    assert (change.kind, change.passage_id) == (sending.ChangeKind.FORM, ids["second"])
    assert _marked(window) == {ids["second"]}
    _undo(window)
    assert sending.changes_since(window.ctx.store) == []
    assert _marked(window) == set()
    assert window.workspace.passages.model.resets == resets  # rows redrawn, the list kept


def test_every_kind_of_change_marks_its_row_and_undo_clears_it(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Response edited, status moved, passage added, passage removed; each undone."""
    path, ids = _sent_project(tmp_path)
    assert window.open_project(path)
    ctx = window.ctx
    ctx.select_source(ids["japan"])
    settle()
    assert _marked(window) == set()

    def same_as_the_list(expected: set[str]) -> None:
        assert _listed(window, ids["japan"]) == expected
        assert _marked(window) == expected

    # response edited (in the editor), then undone
    ctx.select_passage(ids["meet"])
    settle()
    editor = window.workspace.editor
    editor.editor.setFocus()
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.editor, " Twice is too much.")
    editor.commit()
    settle()
    same_as_the_list({ids["meet"]})
    _undo(window)
    same_as_the_list(set())

    # status moved (the editor's status box), then undone
    editor.status.setCurrentIndex(editor.status.findData("agreed"))
    settle()
    assert {c.kind for c in sending.changes_since(ctx.store)} == {sending.ChangeKind.STATUS}
    same_as_the_list({ids["meet"]})
    _undo(window)
    same_as_the_list(set())

    # passage added (Cite), then undone
    added = _cite(window, qtbot, "twice a year")
    same_as_the_list({added})
    _undo(window)
    same_as_the_list(set())

    # passage removed: its row goes, the other rows keep no stale mark; undo brings it back
    ctx.select_passage(ids["meet"])
    settle()
    window.workspace.passages.delete_action.trigger()
    settle()
    assert [c.kind for c in sending.changes_since(ctx.store)] == [sending.ChangeKind.REMOVED]
    assert ids["meet"] not in window.workspace.passages.model.ids()
    same_as_the_list(set())
    _undo(window)
    assert ids["meet"] in window.workspace.passages.model.ids()
    same_as_the_list(set())
